import Engine
import Foundation

/// The printed comparison: scenarios ranked by re-poverty entries averted, with the paired change in the cumulative
/// re-poverty rate and the extra cost per entry averted.
public enum ComparisonTable {
    public static func render(baseline: String, scenarios: [String], rows: [ComparisonRow]) -> String {
        func find(_ scenario: String, _ metric: String) -> ComparisonRow? {
            rows.first { $0.scenario == scenario && $0.metric == metric }
        }
        let ranked = scenarios.sorted {
            (find($0, "entries_averted")?.level.mean ?? -.infinity) > (find($1, "entries_averted")?.level.mean ?? -.infinity)
        }
        var table: [[String]] = [[
            "scenario", "cumulative re-poverty", "change vs \(baseline) (points)", "entries averted", "extra cost, yuan",
            "cost per entry averted",
        ]]
        for name in [baseline] + ranked {
            let rate = find(name, "cumulative_repoverty_rate")
            let extraCost = find(name, "cost_total")?.difference
            table.append([
                name,
                rate.map { HeadlineTable.format($0.level, .percent) } ?? "",
                name == baseline ? "—" : rate.map { points($0.difference) } ?? "",
                name == baseline ? "—" : find(name, "entries_averted").map { HeadlineTable.format($0.level, .count) } ?? "",
                name == baseline ? "—" : extraCost.map { HeadlineTable.format($0, .money) } ?? "",
                name == baseline ? "—" : find(name, "cost_per_entry_averted").map { HeadlineTable.format($0.level, .money) } ?? "",
            ])
        }
        return HeadlineTable.align(table)
    }

    /// A difference of shares in percentage points, with its interval: "-1.2 [-1.5, -0.9]".
    static func points(_ estimate: ReplicateEstimate) -> String {
        guard estimate.mean.isFinite else { return "n/a" }
        let value = { (x: Double) in String(format: "%+.2f", x * 100) }
        guard let lower = estimate.lower, let upper = estimate.upper else { return value(estimate.mean) }
        return "\(value(estimate.mean)) [\(value(lower)), \(value(upper))]"
    }
}
