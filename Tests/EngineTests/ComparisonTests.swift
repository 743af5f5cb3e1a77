import Engine
import XCTest

/// Paired differences, entries averted and cost per entry averted (MODEL.md §5), on hand-made replicate values.
final class ComparisonTests: XCTestCase {
    func run(_ name: String, entries: [Double], cost: [Double], rate: [Double?]) -> Comparison.Run {
        Comparison.Run(name: name, metrics: [
            Metric(name: "cumulative_repoverty_rate", year: nil, values: rate),
            Metric(name: "entries_total", year: nil, values: entries.map { $0 }),
            Metric(name: "cost_total", year: nil, values: cost.map { $0 }),
            Metric(name: "cumulative_repoverty_rate", year: 1, values: rate),
        ])
    }

    func testPairedDifferencesByReplicate() {
        let base = run("base", entries: [100, 120, 110], cost: [1000, 1000, 1000], rate: [0.30, 0.40, 0.35])
        // Differences −0.02, −0.03, −0.04 are tight even though the levels spread widely: that is what pairing buys.
        let plan = run("plan", entries: [90, 105, 96], cost: [2000, 2500, 2200], rate: [0.28, 0.37, 0.31])
        let rows = Comparison.rows(baseline: base, scenarios: [plan])
        func row(_ scenario: String, _ metric: String) -> ComparisonRow? {
            rows.first { $0.scenario == scenario && $0.metric == metric }
        }
        let rate = row("plan", "cumulative_repoverty_rate")!
        XCTAssertEqual(rate.difference.mean, -0.03, accuracy: 1e-12)
        let t2 = 4.302652729749464  // t₀.₉₇₅ with 2 degrees of freedom: 3 paired replicates
        XCTAssertEqual(rate.difference.upper!, -0.03 + t2 * 0.01 / 3.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(row("base", "cumulative_repoverty_rate")!.difference.mean, 0)
        XCTAssertEqual(row("base", "cumulative_repoverty_rate")!.difference.upper, 0)
        XCTAssertEqual(rate.level.mean, (0.28 + 0.37 + 0.31) / 3, accuracy: 1e-12)
        XCTAssertEqual(rows.filter { $0.metric == "cumulative_repoverty_rate" }.count, 2, "by-year metrics are left out")

        // Entries averted 10, 15, 14: mean 13.
        let averted = row("plan", "entries_averted")!
        XCTAssertEqual(averted.level.mean, 13, accuracy: 1e-12)
        XCTAssertEqual(row("base", "entries_averted")!.level.mean, 0)
        // Extra cost 1000, 1500, 1200 (mean 1233.33) over averted 13: R = 94.87.
        let ratio = row("plan", "cost_per_entry_averted")!
        XCTAssertEqual(ratio.level.mean, (3700.0 / 3) / 13, accuracy: 1e-9)
        // Delta method by hand: deviations of Δc are −233.3, 266.7, −33.3 and of a are −3, 2, 1, so
        // Var(c) = 126,666.7 / 2, Var(a) = 14 / 2 = 7, Cov = (700 + 533.3 − 33.3) / 2 = 600.
        let r = (3700.0 / 3) / 13
        let variance = (190_000.0 / 3 - 2 * r * 600 + r * r * 7) / (3 * 13 * 13)
        XCTAssertEqual(ratio.level.upper!, r + t2 * variance.squareRoot(), accuracy: 1e-9)
        XCTAssertTrue(row("base", "cost_per_entry_averted")!.level.mean.isNaN, "nothing is averted by the baseline itself")
    }

    func testByYearMetricsAreLeftOutAndUndefinedReplicatesArePairedOut() {
        let base = run("base", entries: [10, 10], cost: [0, 0], rate: [0.3, nil])
        let plan = run("plan", entries: [12, 11], cost: [0, 0], rate: [0.2, 0.25])
        let rows = Comparison.rows(baseline: base, scenarios: [plan])
        XCTAssertEqual(rows.filter { $0.scenario == "plan" && $0.metric == "cumulative_repoverty_rate" }.count, 1)
        let rate = rows.first { $0.scenario == "plan" && $0.metric == "cumulative_repoverty_rate" }!
        XCTAssertEqual(rate.difference.replicates, 1)
        XCTAssertEqual(rate.difference.mean, -0.1, accuracy: 1e-12)
        // More entries than the baseline: no cost per entry averted.
        XCTAssertTrue(rows.first { $0.scenario == "plan" && $0.metric == "cost_per_entry_averted" }!.level.mean.isNaN)
    }
}
