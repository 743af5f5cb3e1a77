import Engine
import Foundation
import GRDB
import Output
import Runs
import Scenarios

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
    /// The base run `label` of `scenario` whole (metrics, task count and provenance), if it was stored with the
    /// scenario's resolved parameters: what the base run's folder and `sensitivity.json` are written from.
    func completedRun(label: String, of scenario: Scenario) throws -> CompletedRun?
    /// Stores a base run whole.
    func record(label: String, run: CompletedRun) throws
}

/// `sensitivity.sqlite`: every moved run an analysis finished, its whole-horizon and yearly metrics replicate by
/// replicate, bit for bit (the paired changes and the no-effect test need every replicate's exact value).
///
/// Tables: `analysis` (one row: the program version and commit that made the runs — a store of another program is
/// not resumed, since its numbers may differ — and the analysis's ``SensitivityIdentity``, which `merge` checks
/// shards against), `runs` (`label`, `parameters` JSON, `metrics` JSON with each value as its IEEE-754 bit pattern)
/// and `base_runs` (the rest of a base run kept whole: its task count and `run.json` provenance, so a merge writes the
/// base run's folder without running it again). Each run is one transaction, so an analysis stopped at any moment keeps every run
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
                CREATE TABLE IF NOT EXISTS analysis (
                    id INTEGER PRIMARY KEY CHECK (id = 1), program TEXT NOT NULL, identity TEXT, shard TEXT);
                CREATE TABLE IF NOT EXISTS runs (label TEXT PRIMARY KEY, parameters TEXT NOT NULL, metrics TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS base_runs (label TEXT PRIMARY KEY, tasks INTEGER NOT NULL, provenance TEXT NOT NULL);
                """)
            try db.execute(sql: "INSERT OR IGNORE INTO analysis (id, program) VALUES (1, ?)", arguments: [program])
        }
        self.queue = queue
    }

    /// Opens an existing store to read it only (`merge`'s inputs), changing nothing in it.
    public init(readingAt url: URL) throws {
        self.url = url
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: url.path, configuration: configuration)
    }

    /// The JSON form of a metric: values as bit patterns, so reading them back gives the same doubles exactly.
    struct StoredMetric: Codable {
        let name: String
        let year: Int?
        let bits: [UInt64?]
    }

    public func metrics(label: String, parameters: String) throws -> [Metric]? {
        guard let metrics = try storedMetrics(label: label, parameters: parameters) else { return nil }
        reused += 1
        return metrics
    }

    func storedMetrics(label: String, parameters: String) throws -> [Metric]? {
        guard let text = try queue.read({ db in
            try String.fetchOne(db, sql: "SELECT metrics FROM runs WHERE label = ? AND parameters = ?", arguments: [label, parameters])
        }) else { return nil }
        let stored = try JSONDecoder().decode([StoredMetric].self, from: Data(text.utf8))
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

    public func completedRun(label: String, of scenario: Scenario) throws -> CompletedRun? {
        let parameters = ScenarioLoader.resolvedJSON(scenario.parameters)
        guard let row = try queue.read({ db in
            try Row.fetchOne(db, sql: "SELECT tasks, provenance FROM base_runs WHERE label = ?", arguments: [label])
        }), let metrics = try storedMetrics(label: label, parameters: parameters) else { return nil }
        let provenance = try JSONDecoder().decode(RunProvenance.self, from: Data((row["provenance"] as String).utf8))
        reused += 1
        return CompletedRun(scenario: scenario, metrics: metrics, vulnerabilityRows: [], tasks: row["tasks"], provenance: provenance)
    }

    public func record(label: String, run: CompletedRun) throws {
        let provenance = try run.provenance.json()
        try queue.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO base_runs (label, tasks, provenance) VALUES (?, ?, ?)",
                arguments: [label, run.tasks, provenance])
        }
        try record(label: label, parameters: ScenarioLoader.resolvedJSON(run.scenario.parameters), metrics: run.metrics)
    }

    /// The analysis the store's runs belong to and the shard that made them (`merged` after a merge), once set.
    public func identity() throws -> (identity: SensitivityIdentity, shard: String)? {
        guard let row = try queue.read({ try Row.fetchOne($0, sql: "SELECT identity, shard FROM analysis") }),
            let text = row["identity"] as String?
        else { return nil }
        return (try JSONDecoder().decode(SensitivityIdentity.self, from: Data(text.utf8)), row["shard"] ?? "")
    }

    public func setIdentity(_ identity: SensitivityIdentity, shard: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(identity), as: UTF8.self)
        try queue.write { db in
            try db.execute(sql: "UPDATE analysis SET identity = ?, shard = ?", arguments: [text, shard])
        }
    }

    /// Every stored run as it is kept (label, parameters, metrics JSON and, for a base run, its task count and
    /// provenance), in label order: what `merge` copies.
    func storedRows(isCancelled: () -> Bool) throws -> [StoredRun] {
        try queue.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT runs.label, runs.parameters, runs.metrics, base_runs.tasks, base_runs.provenance
                FROM runs LEFT JOIN base_runs ON base_runs.label = runs.label ORDER BY runs.label
                """)
            var rows: [StoredRun] = []
            while let row = try cursor.next() {
                if isCancelled() { throw CancellationError() }
                rows.append(StoredRun(
                    label: row["label"], parameters: row["parameters"], metrics: row["metrics"], tasks: row["tasks"],
                    provenance: row["provenance"]))
            }
            return rows
        }
    }

    func insert(_ run: StoredRun) throws {
        try queue.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO runs (label, parameters, metrics) VALUES (?, ?, ?)",
                arguments: [run.label, run.parameters, run.metrics])
            if let tasks = run.tasks, let provenance = run.provenance {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO base_runs (label, tasks, provenance) VALUES (?, ?, ?)",
                    arguments: [run.label, tasks, provenance])
            }
        }
    }

    /// Whether the store holds the run `label` with `parameters` (resolved JSON).
    public func contains(label: String, parameters: String) throws -> Bool {
        try queue.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE label = ? AND parameters = ?)", arguments: [label, parameters])
        } ?? false
    }

    /// Runs in the store.
    public func count() throws -> Int { try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") ?? 0 } }

    public func close() throws { try queue.close() }
}

/// One run as a store keeps it, for copying between stores.
struct StoredRun: Equatable {
    let label: String
    let parameters: String
    let metrics: String
    let tasks: Int?
    let provenance: String?
}
