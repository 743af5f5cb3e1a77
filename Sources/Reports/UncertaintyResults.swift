import Foundation
import Output

/// `uncertainty.csv` and `uncertainty-samples.csv` of `repoverty sensitivity --uncertainty` (issue 16): the spread of
/// each metric over a Latin hypercube of the assumed keys, and every sample's figure, for the report's histogram.
public struct UncertaintyResults: Sendable {
    public struct Spread: Sendable {
        public let metric: String
        /// `level` or `change`.
        public let form: String
        public let base: Double?
        public let samples: Int
        public let p05: Double?
        public let median: Double?
        public let p95: Double?
    }

    public let spreads: [Spread]
    /// Each metric's figure at every sample (`uncertainty-samples.csv`), by metric; empty when that file is absent.
    public let levels: [String: [Double]]
    /// The baseline's name in the comparison form, and the relative range of the keys, from `sensitivity.json`.
    public let against: String?
    public let change: Double?
    public let provenance: [RunProvenance]

    public static let requiredColumns = ["metric", "form", "base", "samples", "p05", "median", "p95"]

    public init(file: URL) throws {
        let table = try CSVTable(file: file)
        try table.require(Self.requiredColumns)
        spreads = try table.rows.indices.map { row in
            Spread(
                metric: table.text(row, "metric"), form: table.text(row, "form"), base: try table.number(row, "base"),
                samples: Int(try table.number(row, "samples") ?? 0), p05: try table.number(row, "p05"),
                median: try table.number(row, "median"), p95: try table.number(row, "p95"))
        }
        let folder = file.deletingLastPathComponent()
        let samplesFile = folder.appendingPathComponent("uncertainty-samples.csv")
        var levels: [String: [Double]] = [:]
        if FileManager.default.fileExists(atPath: samplesFile.path) {
            let samples = try CSVTable(file: samplesFile)
            for metric in Set(spreads.map(\.metric)) where samples.has(metric) {
                levels[metric] = try samples.rows.indices.compactMap { try samples.number($0, metric) }
            }
        }
        self.levels = levels
        let json = folder.appendingPathComponent("sensitivity.json")
        let record = (try? Data(contentsOf: json)).flatMap { try? JSONDecoder().decode(SensitivityResults.Record.self, from: $0) }
        against = record?.settings.against
        change = record?.settings.change
        provenance = record.map { [$0.base] + ($0.baseline.map { [$0] } ?? []) } ?? []
    }
}

extension ReportCharts {
    /// A metric's name as a title reads it: `cumulative_repoverty_rate` → `cumulative re-poverty rate` (the CSV
    /// column names stay in the captions and files).
    static func readable(_ metric: String) -> String {
        metric.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "repoverty", with: "re-poverty")
    }

    /// The histogram of the first metric over the samples, with the base and the 5th–95th percentiles in the caption.
    static func uncertainty(_ uncertainty: UncertaintyResults, _ results: ResultsFolder) -> Chart? {
        guard let spread = uncertainty.spreads.first(where: { $0.form == "level" }),
            let values = uncertainty.levels[spread.metric], values.count >= 2,
            let low = values.min(), let high = values.max(), high > low
        else { return nil }
        let metric = spread.metric
        let isShare = metric.contains("rate") || metric.contains("share") || metric == "incidence"
        let scale = isShare ? 100.0 : 1.0
        let bins = min(20, max(5, Int(Double(values.count).squareRoot().rounded())))
        let width = (high - low) / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for value in values { counts[min(bins - 1, Int((value - low) / width))] += 1 }
        func label(_ x: Double) -> String { String(format: "%.3g", x * scale) }
        let categories = (0..<bins).map { "\(label(low + Double($0) * width))–\(label(low + Double($0 + 1) * width))" }
        let what = uncertainty.against.map { "\(readable(metric)) (scenario − \($0))" } ?? readable(metric)
        let unit = isShare ? (uncertainty.against == nil ? " (%)" : " (percentage points)") : ""
        let percent = uncertainty.change.map { String(format: "%g %%", $0 * 100) } ?? "X %"
        func figure(_ x: Double?) -> String { x.map(label) ?? "–" }
        return Chart(
            name: "uncertainty", title: "Given what is assumed: \(what) over \(values.count) samples",
            xLabel: what + unit, yLabel: "samples",
            caption: "The assumed keys sampled jointly, each within ±\(percent) of its value (probabilities on the logit"
                + " scale), by a Latin hypercube of \(values.count) samples, every sample run with the base's seed (paired)."
                + " Base \(figure(spread.base)); between \(figure(spread.p05)) and \(figure(spread.p95))\(isShare ? (uncertainty.against == nil ? " %" : " points") : "")"
                + " in 90 % of samples (5th–95th percentiles), median \(figure(spread.median)). prcc.csv says which keys drive it.",
            provenance: uncertainty.provenance.isEmpty ? results.provenanceLine() : RunProvenance.line(uncertainty.provenance),
            plot: .bars(
                categories: categories, values: counts.map { Estimate(mean: Double($0)) },
                colours: Array(repeating: "#7F7F7F", count: categories.count), reference: nil),
            scale: 1)
    }
}
