import Engine
import Foundation
import GRDB
import Output

/// Where an analysis keeps the runs it finished, so a stopped one resumes (`sensitivity --resume`).
///
/// A run is found again by its label (`interventions.dibao.standard high`, `sample 17 baseline`) and the resolved
/// parameters it ran with (seed, sizes and generator included), so a stored run is reused only for exactly the run it
/// was; anything else is run again.
public protocol SensitivityRunCache: AnyObject {
    /// The metrics of the run `label` with `parameters` (resolved JSON), if it was stored.
    func metrics(label: String, parameters: String) throws -> [Metric]?
    /// Stores a finished run's metrics, committed before the next run starts.
    func record(label: String, parameters: String, metrics: [Metric]) throws
}

/// `sensitivity.sqlite`: every moved run an analysis finished, its whole-horizon and yearly metrics replicate by
/// replicate, bit for bit (the paired changes and the no-effect test need every replicate's exact value).
///
/// Tables: `analysis` (one row: the program version and commit that made the runs; a store of another program is
/// not resumed, since its numbers may differ) and `runs` (`label`, `parameters` JSON, `metrics` JSON with each value
/// as its IEEE-754 bit pattern). Each run is one transaction, so an analysis stopped at any moment keeps every run
/// it finished and no part of any other. The same SQLite-through-GRDB store as the sweeps' (`SweepStore`).
public final class SensitivityStore: SensitivityRunCache {
    public static let fileName = "sensitivity.sqlite"
    public let url: URL
    let queue: DatabaseQueue
    /// Runs reused from the store and runs recorded into it by this process.
    public private(set) var reused = 0
    public private(set) var recorded = 0

    /// Opens the store at `url` for the program `program`: with `resume`, an existing store of the same program is
    /// kept; otherwise (or when it was made by another program) the store starts empty.
    public init(at url: URL, program: String, resume: Bool) throws {
        self.url = url
        if !resume { try? FileManager.default.removeItem(at: url) }
        var queue = try DatabaseQueue(path: url.path)
        let found = try? queue.read { try String.fetchOne($0, sql: "SELECT program FROM analysis") }
        if resume, let found, found != program {
            try queue.close()
            try FileManager.default.removeItem(at: url)
            queue = try DatabaseQueue(path: url.path)
        }
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS analysis (id INTEGER PRIMARY KEY CHECK (id = 1), program TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS runs (label TEXT PRIMARY KEY, parameters TEXT NOT NULL, metrics TEXT NOT NULL);
                """)
            try db.execute(sql: "INSERT OR IGNORE INTO analysis (id, program) VALUES (1, ?)", arguments: [program])
        }
        self.queue = queue
    }

    /// The JSON form of a metric: values as bit patterns, so reading them back gives the same doubles exactly.
    struct StoredMetric: Codable {
        let name: String
        let year: Int?
        let bits: [UInt64?]
    }

    public func metrics(label: String, parameters: String) throws -> [Metric]? {
        guard let text = try queue.read({ db in
            try String.fetchOne(db, sql: "SELECT metrics FROM runs WHERE label = ? AND parameters = ?", arguments: [label, parameters])
        }) else { return nil }
        let stored = try JSONDecoder().decode([StoredMetric].self, from: Data(text.utf8))
        reused += 1
        return stored.map { Metric(name: $0.name, year: $0.year, values: $0.bits.map { $0.map(Double.init(bitPattern:)) }) }
    }

    public func record(label: String, parameters: String, metrics: [Metric]) throws {
        let stored = metrics.map { StoredMetric(name: $0.name, year: $0.year, bits: $0.values.map { $0?.bitPattern }) }
        let text = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
        try queue.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO runs (label, parameters, metrics) VALUES (?, ?, ?)",
                arguments: [label, parameters, text])
        }
        recorded += 1
    }

    /// Runs in the store.
    public func count() throws -> Int { try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") ?? 0 } }

    public func close() throws { try queue.close() }
}
