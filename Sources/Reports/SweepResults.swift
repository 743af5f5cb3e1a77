import Foundation
import Output
import Sweeps

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
    /// What `sweep.sqlite` beside the file says of the sweep, when it is there and reads.
    public let store: StoreRecord?
    /// `prcc.csv` beside the file, when there.
    public let prcc: PRCCResults?

    /// The sweep as its store records it: the design (`latin-hypercube 40`, `factorial 3 × 2`), the sweep's seed and
    /// the provenance of each finished point's run.
    public struct StoreRecord: Sendable {
        public let design: String
        public let seed: UInt64
        public let pointCount: Int
        public let runs: [RunProvenance]
    }

    /// Whether the points are a Latin-hypercube sample (drawn as the response against each key) rather than a
    /// factorial grid (lines or a heat map): the store says; without one, every key taking a new value at every point
    /// of several marks a sample.
    public var isSampled: Bool {
        if let store { return store.design.hasPrefix("latin-hypercube") }
        guard keys.count >= 2, points.count > 4 else { return false }
        return keys.indices.allSatisfy { values(ofKey: $0).count == points.count }
    }

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
            if column == "seed" {
                // Every point of a sweep has a seed of its own: a footer of forty seeds says nothing.
                return values.count > 3 ? "\(values.count) point seeds (sweep.csv)" : "seed \(values.joined(separator: "/"))"
            }
            return "\(values.joined(separator: "/")) \(column)"
        }
        columnsProvenance = described.isEmpty ? nil : described.joined(separator: " · ")
        let folder = file.deletingLastPathComponent()
        store = Self.readStore(folder.appendingPathComponent("sweep.sqlite"))
        let prccFile = folder.appendingPathComponent("prcc.csv")
        prcc = FileManager.default.fileExists(atPath: prccFile.path) ? try PRCCResults(file: prccFile) : nil
    }

    /// The store's record, or nil when there is no store or it does not read (the CSV alone is then charted).
    static func readStore(_ url: URL) -> StoreRecord? {
        guard FileManager.default.fileExists(atPath: url.path), let store = try? SweepStore.open(at: url) else {
            return nil
        }
        defer { try? store.close() }
        guard let identity = try? store.identity(), let points = try? store.storedPoints() else { return nil }
        let runs = points.compactMap(\.provenance).map { run in
            RunProvenance(
                version: run.version, gitCommit: run.gitCommit, seed: run.seed, replicates: run.replicates,
                households: run.households, years: run.years, generator: run.generator)
        }
        return StoreRecord(design: identity.design, seed: identity.seed, pointCount: identity.pointCount, runs: runs)
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

/// `prcc.csv` beside `sweep.csv`: the partial rank correlation coefficient of each metric with each swept key, with
/// its 95 % interval (written by `repoverty sweep` for a Latin-hypercube sample).
public struct PRCCResults: Sendable {
    public struct Row: Sendable {
        public let metric: String
        public let key: String
        /// `sourced`, `calibrated` or `assumed`.
        public let source: String
        public let estimate: Estimate
        public let points: Int
    }

    public static let columns = ["metric", "key", "source", "prcc", "prcc_lo95", "prcc_hi95", "points"]

    public let rows: [Row]
    /// The metrics in the order of the file.
    public let metrics: [String]

    public init(file: URL) throws {
        let table = try CSVTable(file: file)
        try table.require(Self.columns)
        rows = try table.rows.indices.map { row in
            let points = table.text(row, "points")
            guard let count = Int(points) else {
                throw ReportError.malformed(
                    file: file.path, line: table.line(of: row), reason: "points: expected a whole number, got `\(points)`")
            }
            return Row(
                metric: table.text(row, "metric"), key: table.text(row, "key"), source: table.text(row, "source"),
                estimate: try table.estimate(row, "prcc", "prcc_lo95", "prcc_hi95"), points: count)
        }
        var metrics: [String] = []
        for row in rows where !metrics.contains(row.metric) { metrics.append(row.metric) }
        self.metrics = metrics
    }
}
