import Foundation

/// `compare.csv` (MODEL.md §4, "Comparisons"): each scenario's whole-horizon figures and their paired differences
/// from the baseline, in the file's order (the baseline first).
public struct ComparisonResults: Sendable {
    public struct Row: Sendable {
        public let level: Estimate
        public let difference: Estimate
    }

    /// Scenario names in the file's order; the first is the baseline.
    public let scenarios: [String]
    public let rows: [String: [String: Row]]

    public var baseline: String? { scenarios.first }

    public init(file: URL) throws {
        let table = try CSVTable(file: file)
        try table.require(["scenario", "metric", "mean", "lo95", "hi95", "diff", "diff_lo95", "diff_hi95"])
        var scenarios: [String] = []
        var rows: [String: [String: Row]] = [:]
        for row in table.rows.indices {
            let scenario = table.text(row, "scenario")
            if !scenarios.contains(scenario) { scenarios.append(scenario) }
            rows[scenario, default: [:]][table.text(row, "metric")] = Row(
                level: try table.estimate(row, "mean", "lo95", "hi95"),
                difference: try table.estimate(row, "diff", "diff_lo95", "diff_hi95"))
        }
        self.scenarios = scenarios
        self.rows = rows
    }
}
