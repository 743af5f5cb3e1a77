import Engine
import Foundation

/// The readable table a run prints: the headline figures of each scenario with their intervals.
///
/// Counts and money have thousands separators and intervals read "[low to high]", so no comma is ambiguous; costs are
/// also given per cohort household per year. With `run.represents` the counts and costs follow again for the real
/// households the synthetic ones stand for; with `run.startYear` the header names the calendar years. Each scenario's
/// `description:` is printed under the table (issue 17).
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
        ("cost_total" + Summary.perHouseholdYearSuffix, "  per cohort household per year, yuan", .money),
    ]

    /// How a figure is shown: a whole count, a percentage, or yuan.
    enum Style { case count, percent, money }

    /// One scenario's column: its name, its `summary.csv` rows and its description (empty for none), and for a mixture
    /// (MODEL.md §7) each sub-population's rows.
    public struct Column: Sendable {
        public let name: String
        public let rows: [SummaryRow]
        public let description: String
        public let subpopulations: [(name: String, rows: [SummaryRow])]

        public init(
            name: String, rows: [SummaryRow], description: String = "",
            subpopulations: [(name: String, rows: [SummaryRow])] = []
        ) {
            self.name = name
            self.rows = rows
            self.description = description
            self.subpopulations = subpopulations
        }
    }

    /// A table with one column per scenario; causes of entries follow, largest first in the first scenario; then, with
    /// `run.represents`, the counts and costs scaled; then the scenarios' descriptions.
    public static func render(_ scenarios: [Column], years: Int, labels: RunLabels = .none) -> String {
        let calendar = labels.calendarYears(1...years).map { ", \($0)" } ?? ""
        var table: [[String]] = [["metric (years 1–\(years)\(calendar))"] + scenarios.map(\.name)]
        func row(
            _ label: String, _ metric: String, _ style: Style, scale: Double = 1,
            of rows: (Column) -> [SummaryRow] = { $0.rows }
        ) -> [String] {
            [label] + scenarios.map { scenario in
                guard let found = rows(scenario).first(where: { $0.metric == metric && $0.year == nil }) else { return "" }
                return format(found.estimate, style, scale: scale)
            }
        }
        // A mixture's sub-populations, each on a line of its own under the whole population's figure.
        var subpopulations: [String] = []
        for name in scenarios.flatMap({ $0.subpopulations.map(\.name) }) where !subpopulations.contains(name) {
            subpopulations.append(name)
        }
        for item in shown {
            table.append(row(item.label, item.metric, item.style))
            for name in subpopulations {
                table.append(row("    " + name, item.metric, item.style) { column in
                    column.subpopulations.first { $0.name == name }?.rows ?? []
                })
            }
        }
        if let first = scenarios.first {
            let causes = first.rows.filter { $0.year == nil && Summary.causeMetrics.contains($0.metric) }
                .sorted { $0.estimate.mean > $1.estimate.mean }
            for cause in causes where cause.estimate.mean > 0 {
                table.append(row("  entries: " + cause.metric.dropFirst("entries_".count).replacingOccurrences(of: "_", with: " "), cause.metric, .count))
            }
        }
        table += vulnerabilityRows(scenarios) { row($0, $1, $2, scale: $3) }
        if let scale = labels.scale, let represents = labels.represents {
            table.append(["in the \(grouped(represents)) households represented:"] + scenarios.map { _ in "" })
            for item in shown where RunLabels.scales(item.metric) {
                table.append(row("  " + item.label.trimmingCharacters(in: .whitespaces), item.metric, item.style, scale: scale))
            }
        }
        return align(table) + legend(scenarios.map { ($0.name, $0.description) })
    }

    /// Above this share of floored predicted variances, `002`'s estimator with the income regressor reports the floor
    /// rather than the households, and the variant without income is the one to quote (docs/MODEL.md §4, "Which to cite").
    public static let flooredShareToQuoteNoIncome = 0.10

    /// With `run --vulnerability`: `002`'s estimator as written, its floored share, and the variant without the income
    /// regressor, marked when the floored share says to quote the latter.
    static func vulnerabilityRows(
        _ scenarios: [Column], row: (String, String, Style, Double) -> [String]
    ) -> [[String]] {
        let mean = "vulnerability_fgls_mean", floored = "vulnerability_fgls_variance_floored_share"
        let noIncome = "vulnerability_fgls_no_income_mean"
        func value(_ metric: String, _ column: Column) -> Double? {
            column.rows.first { $0.metric == metric && $0.year == nil }?.estimate.mean
        }
        guard scenarios.contains(where: { value(mean, $0) != nil }) else { return [] }
        let mostlyFloored = scenarios.contains { (value(floored, $0) ?? 0) > flooredShareToQuoteNoIncome }
        return [
            row("vulnerability, 002's estimator (mean)" + (mostlyFloored ? " *" : ""), mean, .percent, 1),
            row("  predicted variances floored", floored, .percent, 1),
            row("  without the income regressor (mean)", noIncome, .percent, 1),
        ] + (mostlyFloored
            ? [["  * over 10 % floored: it reports the floor; quote the row without income"] + scenarios.map { _ in "" }]
            : [])
    }

    /// "name: description" lines under a table, for the scenarios that have a description.
    static func legend(_ scenarios: [(name: String, description: String)]) -> String {
        let described = scenarios.filter { !$0.description.isEmpty }
        guard !described.isEmpty else { return "" }
        let width = described.map(\.name.count).max() ?? 0
        return "\n" + described.map { name, description in
            name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + description.split(whereSeparator: \.isNewline).joined(separator: " ")
        }.joined(separator: "\n") + "\n"
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

    /// A figure and its interval, "31.1% [30.8% to 31.4%]" or "544,517,074 [537,114,196 to 551,919,953]";
    /// counts and money × `scale`.
    static func format(_ estimate: ReplicateEstimate, _ style: Style, scale: Double = 1) -> String {
        guard estimate.mean.isFinite else { return "n/a" }
        let value: (Double) -> String
        switch style {
        case .count, .money: value = { grouped($0 * scale) }
        case .percent: value = { String(format: "%.1f%%", $0 * 100) }
        }
        return interval(estimate, value)
    }

    /// "mean [lower to upper]", or the mean alone without an interval.
    static func interval(_ estimate: ReplicateEstimate, _ value: (Double) -> String) -> String {
        guard let lower = estimate.lower, let upper = estimate.upper else { return value(estimate.mean) }
        return "\(value(estimate.mean)) [\(value(lower)) to \(value(upper))]"
    }

    /// A number rounded to a whole, with a comma between groups of three digits: "-1,234,567".
    public static func grouped(_ value: Double) -> String {
        let digits = String(format: "%.0f", value)
        let negative = digits.hasPrefix("-")
        let body = Array(negative ? digits.dropFirst() : Substring(digits))
        guard body.allSatisfy(\.isNumber) else { return digits }
        var text = ""
        for (index, digit) in body.enumerated() {
            if index > 0 && (body.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (negative && text != "0" ? "-" : "") + text
    }
}
