import Engine
import Foundation

/// The printed comparison: scenarios ranked by re-poverty entries averted, with the paired change in the cumulative
/// re-poverty rate, the extra cost (in all and per cohort household per year) and the extra cost per entry averted;
/// with `run.represents`, entries averted and extra cost also for the households represented; the scenarios'
/// descriptions under the table; with `run.startYear` a first line names the calendar years of the horizon.
public enum ComparisonTable {
    public static func render(
        baseline: String, scenarios: [String], rows: [ComparisonRow], descriptions: [String: String] = [:],
        years: Int = 0, labels: RunLabels = .none
    ) -> String {
        func find(_ scenario: String, _ metric: String) -> ComparisonRow? {
            rows.first { $0.scenario == scenario && $0.metric == metric }
        }
        let ranked = scenarios.sorted {
            (find($0, "entries_averted")?.level.mean ?? -.infinity) > (find($1, "entries_averted")?.level.mean ?? -.infinity)
        }
        let perHouseholdYear = "cost_total" + Summary.perHouseholdYearSuffix
        let scale = labels.scale
        var header = [
            "scenario", "cumulative re-poverty", "change vs \(baseline) (points)", "entries averted", "extra cost, yuan",
            "per household-year", "cost per entry averted",
        ]
        if let represents = labels.represents {
            header += ["entries averted, \(HeadlineTable.grouped(represents)) households", "extra cost, \(HeadlineTable.grouped(represents)) households"]
        }
        var table: [[String]] = [header]
        for name in [baseline] + ranked {
            let rate = find(name, "cumulative_repoverty_rate")
            let isBaseline = name == baseline
            func cell(_ metric: String, difference: Bool = false, _ style: HeadlineTable.Style, scale: Double = 1) -> String {
                guard !isBaseline else { return "—" }
                return find(name, metric).map { HeadlineTable.format(difference ? $0.difference : $0.level, style, scale: scale) } ?? ""
            }
            var cells = [
                name,
                rate.map { HeadlineTable.format($0.level, .percent) } ?? "",
                isBaseline ? "—" : rate.map { points($0.difference) } ?? "",
                cell("entries_averted", .count),
                cell("cost_total", difference: true, .money),
                cell(perHouseholdYear, difference: true, .money),
                cell("cost_per_entry_averted", .money),
            ]
            if let scale {
                cells += [cell("entries_averted", .count, scale: scale), cell("cost_total", difference: true, .money, scale: scale)]
            }
            table.append(cells)
        }
        let calendar = years > 0 ? labels.calendarYears(1...years).map { "years 1–\(years): \($0)\n" } ?? "" : ""
        return calendar + HeadlineTable.align(table)
            + HeadlineTable.legend(([baseline] + ranked).map { ($0, descriptions[$0] ?? "") })
    }

    /// A difference of shares in percentage points, with its interval: "-1.20 [-1.50 to -0.90]".
    static func points(_ estimate: ReplicateEstimate) -> String {
        guard estimate.mean.isFinite else { return "n/a" }
        return HeadlineTable.interval(estimate) { String(format: "%+.2f", $0 * 100) }
    }
}
