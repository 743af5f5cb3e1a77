import Engine
import Foundation

/// The readable table a run prints: the headline figures of each scenario with their intervals.
public enum HeadlineTable {
    /// The whole-horizon metrics shown, in order, with how to show them.
    static let shown: [(metric: String, label: String, style: Style)] = [
        ("cohort_households", "cohort (households not poor in year 0)", .count),
        ("cumulative_repoverty_rate", "cumulative re-poverty rate, households", .percent),
        ("cumulative_repoverty_rate_people", "cumulative re-poverty rate, people", .percent),
        ("annual_repoverty_rate", "annual re-poverty rate", .percent),
        ("incidence", "incidence (mean over years)", .percent),
        ("poverty_gap", "poverty gap of the poor, yuan/person", .money),
        ("entries_total", "re-poverty entries", .count),
        ("exits", "exits from poverty", .count),
        ("cost_total", "cost of interventions, yuan", .money),
    ]

    /// How a figure is shown: a whole count, a percentage, or yuan.
    enum Style { case count, percent, money }

    /// A table with one column per scenario; causes of entries follow, largest first in the first scenario.
    public static func render(_ scenarios: [(name: String, rows: [SummaryRow])], years: Int) -> String {
        var table: [[String]] = [["metric (years 1–\(years))"] + scenarios.map(\.name)]
        func row(_ label: String, _ metric: String, _ style: Style) -> [String] {
            [label] + scenarios.map { scenario in
                guard let found = scenario.rows.first(where: { $0.metric == metric && $0.year == nil }) else { return "" }
                return format(found.estimate, style)
            }
        }
        for item in shown { table.append(row(item.label, item.metric, item.style)) }
        if let first = scenarios.first {
            let causes = first.rows.filter { $0.year == nil && Summary.causeMetrics.contains($0.metric) }
                .sorted { $0.estimate.mean > $1.estimate.mean }
            for cause in causes where cause.estimate.mean > 0 {
                table.append(row("  entries: " + cause.metric.dropFirst("entries_".count).replacingOccurrences(of: "_", with: " "), cause.metric, .count))
            }
        }
        return align(table)
    }

    /// Cells in columns: the first left-aligned, the others right-aligned, two spaces apart.
    static func align(_ table: [[String]]) -> String {
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { cells in
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func format(_ estimate: ReplicateEstimate, _ style: Style) -> String {
        guard estimate.mean.isFinite else { return "n/a" }
        let value: (Double) -> String
        switch style {
        case .count: value = { String(format: "%.0f", $0) }
        case .percent: value = { String(format: "%.1f%%", $0 * 100) }
        case .money: value = { String(format: "%.0f", $0) }
        }
        guard let lower = estimate.lower, let upper = estimate.upper else { return value(estimate.mean) }
        return "\(value(estimate.mean)) [\(value(lower)), \(value(upper))]"
    }
}
