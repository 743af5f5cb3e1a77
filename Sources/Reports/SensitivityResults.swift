import Foundation
import Output

/// `sensitivity.csv` of `repoverty sensitivity`: one row per key and metric, ranked, with the paired change of the
/// metric at each side and its 95 % interval (issue 16), and the provenance of `sensitivity.json` beside it.
public struct SensitivityResults: Sendable {
    public struct Row: Sendable {
        public let key: String
        /// `sourced`, `calibrated` or `assumed`, as `ScenarioKeys` declares the key.
        public let source: String
        public let metric: String
        public let low: Estimate
        public let high: Estimate
    }

    /// Rows in the file's order (ranked within each metric).
    public let rows: [Row]
    /// The metrics in the order of the file.
    public let metrics: [String]
    /// The relative move of the keys (0.2), when `sensitivity.json` says.
    public let change: Double?
    /// The base run's provenance (and the baseline's in the comparison form), when `sensitivity.json` reads.
    public let provenance: [RunProvenance]
    /// The baseline's name in the comparison form.
    public let against: String?

    public static let requiredColumns = [
        "key", "source", "metric", "change_low", "change_low_lo95", "change_low_hi95", "change_high", "change_high_lo95",
        "change_high_hi95",
    ]

    /// What the charts read of `sensitivity.json` (the tornado and the uncertainty histogram alike).
    struct Record: Decodable {
        struct Settings: Decodable {
            let change: Double
            let against: String?
        }
        let settings: Settings
        let base: RunProvenance
        let baseline: RunProvenance?
    }

    public init(file: URL) throws {
        let table = try CSVTable(file: file)
        try table.require(Self.requiredColumns)
        rows = try table.rows.indices.map { row in
            Row(
                key: table.text(row, "key"), source: table.text(row, "source"), metric: table.text(row, "metric"),
                low: try table.estimate(row, "change_low", "change_low_lo95", "change_low_hi95"),
                high: try table.estimate(row, "change_high", "change_high_lo95", "change_high_hi95"))
        }
        var metrics: [String] = []
        for row in rows where !metrics.contains(row.metric) { metrics.append(row.metric) }
        self.metrics = metrics
        let json = file.deletingLastPathComponent().appendingPathComponent("sensitivity.json")
        let record = (try? Data(contentsOf: json)).flatMap { try? JSONDecoder().decode(Record.self, from: $0) }
        change = record?.settings.change
        against = record?.settings.against
        provenance = record.map { [$0.base] + ($0.baseline.map { [$0] } ?? []) } ?? []
    }
}
