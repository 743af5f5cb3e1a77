#!/usr/bin/env python3
"""Do two binaries agree statistically? (issue 14: numbers change once, on purpose, and must not move in law.)

Runs `compare` of the nine shipped scenarios (baseline first) with each binary at the same size and seed, and tests,
for the headline metrics, the baseline's level and each comparison's paired difference from the baseline: old
against new by Welch's t on the replicate means (the two binaries draw different numbers, so they are independent
samples), standard errors from compare.csv's 95 % intervals (mean ± 1.96·sd/√R). The family of tests is corrected
by Holm at a family-wise error rate of 5 %. Prints a Markdown table; exits 1 if any test rejects.

    flock /work/.build.lock scripts/agreement-old-new.py --old /tmp/repoverty-old --new .build/release/repoverty

Needs Python 3 and scipy (for Student's t; without it the normal distribution is used and the table says so).
"""
import argparse
import csv
import math
import pathlib
import subprocess
import sys
import tempfile

HEADLINE = ["cumulative_repoverty_rate", "annual_repoverty_rate", "cumulative_repoverty_rate_people",
            "spell_length_mean"]
SKIPPED = {"reference.yaml", "liangshan-2020.yaml", "baseline.yaml"}


def two_sided_p(t, df):
    try:
        from scipy import stats
        return 2 * stats.t.sf(abs(t), df), "Student t"
    except ImportError:
        return math.erfc(abs(t) / math.sqrt(2)), "normal"


def run_compare(binary, scenarios, args, out):
    command = [binary, "compare", *scenarios, "--households", str(args.households), "--replicates",
               str(args.replicates), "--years", str(args.years), "--seed", str(args.seed), "--threads",
               str(args.threads), "--output", str(out), "--quiet"]
    subprocess.run(command, check=True)
    with open(out / "compare.csv", newline="") as handle:
        return {(row["scenario"], row["metric"]): row for row in csv.DictReader(handle)}


def estimate(row, prefix):
    mean = float(row[prefix])
    lower, upper = row[prefix + "_lo95" if prefix == "diff" else "lo95"], row[
        prefix + "_hi95" if prefix == "diff" else "hi95"]
    standard_error = (float(upper) - float(lower)) / (2 * 1.96)
    return mean, standard_error


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", required=True)
    parser.add_argument("--new", required=True)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--replicates", type=int, default=20)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--alpha", type=float, default=0.05)
    args = parser.parse_args()

    root = pathlib.Path(__file__).resolve().parent.parent
    shipped = sorted(p for p in (root / "scenarios").glob("*.yaml") if p.name not in SKIPPED)
    scenarios = [str(root / "scenarios" / "baseline.yaml")] + [str(p) for p in shipped]
    with tempfile.TemporaryDirectory() as folder:
        old = run_compare(args.old, scenarios, args, pathlib.Path(folder) / "old")
        new = run_compare(args.new, scenarios, args, pathlib.Path(folder) / "new")

    tests = []
    for scenario in ["baseline"] + [p.stem for p in shipped]:
        for metric in HEADLINE:
            prefix = "mean" if scenario == "baseline" else "diff"
            old_mean, old_se = estimate(old[(scenario, metric)], prefix)
            new_mean, new_se = estimate(new[(scenario, metric)], prefix)
            variance = old_se ** 2 + new_se ** 2
            t = (new_mean - old_mean) / math.sqrt(variance) if variance > 0 else 0.0
            r = args.replicates
            df = variance ** 2 / ((old_se ** 4 + new_se ** 4) / (r - 1)) if variance > 0 else r - 1
            p, law = two_sided_p(t, df)
            what = "level" if scenario == "baseline" else "difference from baseline"
            tests.append({"scenario": scenario, "metric": metric, "what": what, "old": old_mean, "new": new_mean,
                          "old_se": old_se, "new_se": new_se, "t": t, "p": p, "law": law})

    # Holm: the k-th smallest p-value is compared with alpha / (m - k); rejection stops at the first acceptance.
    m = len(tests)
    rejecting = True
    for rank, test in enumerate(sorted(tests, key=lambda test: test["p"])):
        threshold = args.alpha / (m - rank)
        test["holm"] = threshold
        rejecting = rejecting and test["p"] <= threshold
        test["rejected"] = rejecting

    print(f"{args.households:,} households × {args.replicates} replicates × {args.years} years, seed {args.seed}; "
          f"{m} tests, Holm at family-wise {args.alpha:.0%}; Welch's t ({tests[0]['law']}).\n")
    print("| scenario | metric | old (SE) | new (SE) | t | p | Holm threshold | equal? |")
    print("|---|---|---|---|---|---|---|---|")
    for test in tests:
        print(f"| {test['scenario']} ({test['what']}) | {test['metric']} | {test['old']:.5g} ({test['old_se']:.2g}) "
              f"| {test['new']:.5g} ({test['new_se']:.2g}) | {test['t']:+.2f} | {test['p']:.3f} | "
              f"{test['holm']:.4f} | {'**rejected**' if test['rejected'] else 'not rejected'} |")
    rejected = sum(test["rejected"] for test in tests)
    print(f"\n{rejected} of {m} equalities rejected.")
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
