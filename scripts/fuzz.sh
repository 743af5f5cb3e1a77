#!/usr/bin/env bash
# Fuzz the scenario loader (and, through --set, the override parser) with libFuzzer for SECONDS (default 60).
#
#   scripts/fuzz.sh 900          # 15 minutes on every core but one
#
# Builds Fuzz/ (a separate package, so the main build never needs the fuzzer runtime) with coverage instrumentation
# of the loader, Yams and the model, starts from Fuzz/seeds (the shipped scenarios and hand-made bad inputs) and
# Fuzz/corpus, then replaces Fuzz/corpus by a small set of inputs that reaches all the code reached. A crash is
# written to Fuzz/crashes/; commit it: the test suite replays every file of the three folders
# (Tests/CLITests/FuzzRegressionTests.swift), so a crash once found stays a test. Debug build, so the model's
# invariant checks (Sources/Model/Year/Invariants.swift) are on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${FUZZ_JOBS:-$(( $(nproc) > 1 ? $(nproc) - 1 : 1 ))}

swift build --package-path Fuzz --product FuzzScenarioLoader \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld
binary=$(swift build --package-path Fuzz --show-bin-path)/FuzzScenarioLoader

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p Fuzz/crashes Fuzz/corpus "$work/found" "$work/minimal"
cp Fuzz/seeds/* "$work/found/"
cp Fuzz/corpus/* "$work/found/" 2>/dev/null || true
echo "== fuzzing for $seconds s with $jobs job(s)"
status=0
root=$(pwd)
# libFuzzer writes fuzz-N.log into the current folder when it runs jobs: run it from the scratch folder.
(cd "$work" && "$binary" "$work/found" -dict="$root/Fuzz/scenario.dict" -max_total_time="$seconds" -jobs="$jobs" \
    -workers="$jobs" -max_len=16384 -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$root/Fuzz/crashes/" \
    -print_final_stats=1 > "$work/fuzz.log" 2>&1) || status=$?
cat "$work"/fuzz-*.log "$work/fuzz.log" 2>/dev/null | awk '!seen[$0]++' \
    | grep -E "stat::|#[0-9]+.*(DONE|pulse|INITED)|ERROR|==[0-9]+==|Test unit written|Fatal|error" | tail -40 || true
echo "== Fuzz/corpus: a small set of inputs that reaches all the code reached"
"$binary" -set_cover_merge=1 "$work/minimal" Fuzz/corpus "$work/found" > "$work/merge.log" 2>&1 || { tail -20 "$work/merge.log"; exit 1; }
rm -f Fuzz/corpus/*
cp "$work/minimal"/* Fuzz/corpus/
echo "$(ls Fuzz/corpus | wc -l) inputs in Fuzz/corpus; crashes in Fuzz/crashes: $(ls Fuzz/crashes | wc -l)"
exit "$status"
