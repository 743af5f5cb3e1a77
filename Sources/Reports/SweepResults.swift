import Foundation

/// `sweep.csv`: one row per grid point, a column per grid key named by its key path (`interventions.dibao.standard`),
/// then metrics with their intervals (`cumulative_repoverty_rate`, `…_lo95`, `…_hi95`).
///
/// Grid keys are recognised as the columns whose names are scenario key paths (they contain a dot; metric names never
/// do); any other column that is not the charted metric is ignored, so the reader tolerates extra columns.
public struct SweepResults: Sendable {
    /// The grid keys in the file's column order.
    public let keys: [String]
    /// Each point's value of every key, as written (numbers or text such as `[1,0.7]`).
    public let points: [[String]]
    /// The charted metric at each point.
    public let metric: String
    public let estimates: [Estimate]
    /// Provenance the file carries itself (columns `seed`, `replicates`, `households`, `years`), when it does.
    public let columnsProvenance: String?

    /// The metric a sweep chart shows: the headline figure of MODEL.md §4.
    public static let headlineMetric = "cumulative_repoverty_rate"

    public init(file: URL) throws {
        let table = try CSVTable(file: file)
        let metric = Self.headlineMetric
        try table.require([metric])
        let keys = table.header.filter { $0.contains(".") }
        guard !keys.isEmpty else {
            throw ReportError.malformed(
                file: file.path, line: 1,
                reason: "no grid key columns (key paths such as interventions.dibao.standard) in the header")
        }
        self.keys = keys
        points = table.rows.indices.map { row in keys.map { table.text(row, $0).trimmingCharacters(in: .whitespaces) } }
        estimates = try table.rows.indices.map { row in
            Estimate(
                mean: try table.number(row, metric), lower: try table.number(row, metric + "_lo95"),
                upper: try table.number(row, metric + "_hi95"))
        }
        self.metric = metric
        let described = ["seed", "replicates", "households", "years"].compactMap { column -> String? in
            guard table.has(column), !table.rows.isEmpty else { return nil }
            var values: [String] = []
            for row in table.rows.indices where !values.contains(table.text(row, column)) {
                values.append(table.text(row, column))
            }
            return column == "seed" ? "seed \(values.joined(separator: "/"))" : "\(values.joined(separator: "/")) \(column)"
        }
        columnsProvenance = described.isEmpty ? nil : described.joined(separator: " · ")
    }

    /// The distinct values of key `index`, in order of first appearance, or sorted numerically when all are numbers.
    public func values(ofKey index: Int) -> [String] {
        var seen: [String] = []
        for point in points where !seen.contains(point[index]) { seen.append(point[index]) }
        let numbers = seen.compactMap(Double.init)
        if numbers.count == seen.count { return zip(seen, numbers).sorted { $0.1 < $1.1 }.map(\.0) }
        return seen
    }
}
