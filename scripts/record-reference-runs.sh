#!/usr/bin/env bash
# Re-record the committed reference runs in results/reference/ — deliberately, after a change meant to move the figures.
#
#   scripts/record-reference-runs.sh            # builds the release binary, records, then checks each run reproduces
#
# What it records (README, "Reproducibility"):
#   results/reference/reference/   `run scenarios/reference.yaml` at 3,000 households, 3 replicates, seed 7, 5 years
#                                  (the golden run of Tests/CLITests/GoldenFileTests.swift);
#   results/reference/<name>/      every other shipped scenario, as one comparison against the baseline at 2,000
#   results/reference/compare.csv  households, 2 replicates, seed 7, 5 years (common random numbers), with
#   results/reference/compare.json the list of runs it was made of;
#                                  county-mixture (a mixture of sub-populations) is one of them and also writes
#                                  subpopulations.csv;
#   results/reference/liangshan-2020/  `run scenarios/liangshan-2020.yaml --vulnerability` at 2,000 households, 3 replicates,
#                                  seed 7, 5 years (another population: not compared with the Dongxiang baseline).
# The test suite re-makes every one of them with `repoverty reproduce` (ReproduceCommandTests). Review the diff
# (`git diff results/reference`) and commit it with the reason the figures moved.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product repoverty >/dev/null
repoverty=.build/release/repoverty
out=results/reference

# Only the files this script makes are replaced; anything else in results/reference is left alone.
"$repoverty" run scenarios/reference.yaml --seed 7 --replicates 3 --households 3000 --years 5 --output "$out" --quiet

shipped=()
for file in scenarios/*.yaml; do
    case "$(basename "$file")" in baseline.yaml | reference.yaml | liangshan-2020.yaml) ;; *) shipped+=("$file") ;; esac
done
"$repoverty" compare scenarios/baseline.yaml "${shipped[@]}" --seed 7 --replicates 2 --households 2000 --years 5 \
    --output "$out" --quiet

"$repoverty" run scenarios/liangshan-2020.yaml --vulnerability --seed 7 --replicates 3 --households 2000 --years 5 \
    --output "$out" --quiet

"$repoverty" reproduce "$out"/*/run.json --quiet
echo "recorded and reproduced: $(ls -d "$out"/*/ | wc -l) runs in $out; review with: git diff --stat $out"
