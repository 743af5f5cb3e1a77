import Engine
import Foundation
import GRDB
import Model
import Output
import Scenarios

/// `sweep.sqlite`: the sweep's points, every metric of every finished point, and each run's provenance.
///
/// Tables (see the README's "Parameter sweeps" for queries):
/// - `sweep`: one row naming the sweep (scenario, design, swept keys as a JSON array, point count, seed);
/// - `points`: `point` (the index), `seed` (decimal text: seeds use all 64 bits, SQLite integers only 63),
///   `status` (`pending` or `complete`), `parameters` (the resolved scenario as JSON);
/// - `point_values`: `point`, `position`, `key`, `value`: the swept values of each point;
/// - `metrics`: `point`, `position`, `metric`, `year` (NULL for the whole horizon), `mean`, `lo95`, `hi95`
///   (NULL where undefined), `replicates`: every row of the point's `summary.csv`;
/// - `runs`: the provenance of each finished point (program version, git commit, GSL version, seed, generator, sizes,
///   threads, start time, wall time, shard, scenario file, overrides, resolved parameters).
///
/// A point's metrics, its run and its status change in one transaction, so a sweep stopped at any moment keeps every
/// point it finished and no part of any other.
public final class SweepStore {
    public let url: URL
    let queue: DatabaseQueue

    /// The schema version in `PRAGMA user_version`.
    static let schemaVersion = 1

    private init(url: URL, queue: DatabaseQueue) {
        self.url = url
        self.queue = queue
    }

    /// Creates a new store for the sweep `identity`; fails if the file exists.
    public static func create(at url: URL, identity: SweepIdentity) throws -> SweepStore {
        if FileManager.default.fileExists(atPath: url.path) { throw SweepStoreError.exists(url.path) }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = SweepStore(url: url, queue: try DatabaseQueue(path: url.path))
        try store.queue.write { db in
            try db.execute(sql: schema)
            try db.execute(
                sql: "INSERT INTO sweep (id, scenario, design, key_paths, point_count, seed) VALUES (1, ?, ?, ?, ?, ?)",
                arguments: [
                    identity.scenario, identity.design, try jsonText(identity.keyPaths), identity.pointCount,
                    String(identity.seed),
                ])
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        return store
    }

    /// Opens an existing store.
    public static func open(at url: URL) throws -> SweepStore {
        guard FileManager.default.fileExists(atPath: url.path) else { throw SweepStoreError.missing(url.path) }
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: url.path) } catch {
            throw SweepStoreError.notAStore(url.path, SweepStoreError.plainReason(error))
        }
        let version = try? queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        guard version == schemaVersion else {
            throw SweepStoreError.notAStore(url.path, "schema version \(version.map(String.init) ?? "unreadable"), expected \(schemaVersion)")
        }
        return SweepStore(url: url, queue: queue)
    }

    static let schema = """
        CREATE TABLE sweep (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            scenario TEXT NOT NULL, design TEXT NOT NULL, key_paths TEXT NOT NULL,
            point_count INTEGER NOT NULL, seed TEXT NOT NULL);
        CREATE TABLE points (
            point INTEGER PRIMARY KEY, seed TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'complete')), parameters TEXT NOT NULL);
        CREATE TABLE point_values (
            point INTEGER NOT NULL REFERENCES points(point), position INTEGER NOT NULL,
            key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (point, position));
        CREATE TABLE metrics (
            point INTEGER NOT NULL REFERENCES points(point), position INTEGER NOT NULL,
            metric TEXT NOT NULL, year INTEGER, mean REAL, lo95 REAL, hi95 REAL, replicates INTEGER NOT NULL,
            PRIMARY KEY (point, position));
        CREATE INDEX metrics_by_name ON metrics (metric, year);
        CREATE TABLE runs (
            point INTEGER PRIMARY KEY REFERENCES points(point),
            program TEXT NOT NULL, version TEXT NOT NULL, git_commit TEXT, gsl_version TEXT NOT NULL,
            seed TEXT NOT NULL, generator TEXT NOT NULL, households INTEGER NOT NULL, years INTEGER NOT NULL,
            replicates INTEGER NOT NULL, threads INTEGER NOT NULL, block_size INTEGER NOT NULL,
            started_at TEXT NOT NULL, wall_seconds REAL NOT NULL, shard TEXT NOT NULL,
            scenario_file TEXT NOT NULL, overrides TEXT NOT NULL, parameters TEXT NOT NULL);
        """

    /// The sweep this store holds.
    public func identity() throws -> SweepIdentity {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sweep WHERE id = 1") else {
                throw SweepStoreError.notAStore(url.path, "no sweep row")
            }
            let keys = try JSONDecoder().decode([String].self, from: Data((row["key_paths"] as String).utf8))
            guard let seed = UInt64(row["seed"] as String) else { throw SweepStoreError.notAStore(url.path, "bad seed") }
            return SweepIdentity(
                scenario: row["scenario"], design: row["design"], keyPaths: keys, pointCount: row["point_count"], seed: seed)
        }
    }

    /// Adds the points as pending, or checks that points already stored are the same (same resolved parameters).
    ///
    /// - Throws: ``SweepStoreError/differentPoint(_:_:)`` when a stored point's parameters differ: the scenario file
    ///   or the command changed since the store was made.
    public func addPending(_ points: [PlannedPoint]) throws {
        try queue.write { db in
            for point in points {
                if let stored = try String.fetchOne(db, sql: "SELECT parameters FROM points WHERE point = ?", arguments: [point.index]) {
                    if stored != point.parametersJSON { throw SweepStoreError.differentPoint(url.path, point.index) }
                    continue
                }
                try Self.insertPending(
                    db, index: point.index, seed: point.seed, parametersJSON: point.parametersJSON,
                    keyPaths: point.keyPaths, values: point.values)
            }
        }
    }

    /// Indices of the points whose results are stored.
    public func completedPoints() throws -> Set<Int> {
        try queue.read { Set(try Int.fetchAll($0, sql: "SELECT point FROM points WHERE status = 'complete'")) }
    }

    /// Stores a finished point's metrics and provenance and marks it complete, all in one transaction.
    public func recordCompletion(point: Int, rows: [SummaryRow], provenance: RunProvenance) throws {
        try queue.write { db in try Self.insert(db, point: point, rows: rows, provenance: provenance) }
    }

    static func insert(_ db: Database, point: Int, rows: [SummaryRow], provenance: RunProvenance) throws {
        for (position, row) in rows.enumerated() {
            try db.execute(
                sql: "INSERT INTO metrics (point, position, metric, year, mean, lo95, hi95, replicates) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    point, position, row.metric, row.year, finite(row.estimate.mean), finite(row.estimate.lower),
                    finite(row.estimate.upper), row.estimate.replicates,
                ])
        }
        let p = provenance
        try db.execute(
            sql: """
                INSERT INTO runs (point, program, version, git_commit, gsl_version, seed, generator, households, years,
                    replicates, threads, block_size, started_at, wall_seconds, shard, scenario_file, overrides, parameters)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                point, p.program, p.version, p.gitCommit, p.gslVersion, String(p.seed), p.generator, p.households,
                p.years, p.replicates, p.threads, p.blockSize, p.startedAt, p.wallSeconds, p.shard ?? Shard.whole.description,
                p.scenarioFile, try jsonText(p.overrides), ScenarioLoader.resolvedJSON(p.parameters),
            ])
        try db.execute(sql: "UPDATE points SET status = 'complete' WHERE point = ?", arguments: [point])
        guard db.changesCount == 1 else { throw SweepStoreError.unknownPoint(point) }
    }

    /// Every stored point with its values and, when complete, its metrics and provenance, in index order.
    /// - Parameter isCancelled: read before each point, so a signal stops the reading of a large store
    ///   (`CancellationError`).
    public func storedPoints(isCancelled: () -> Bool = { false }) throws -> [StoredPoint] {
        let scenario = try identity().scenario
        return try queue.read { db in
            let points = try Row.fetchAll(db, sql: "SELECT * FROM points ORDER BY point")
            return try points.map { row in
                if isCancelled() { throw CancellationError() }
                let index: Int = row["point"]
                let values = try String.fetchAll(
                    db, sql: "SELECT value FROM point_values WHERE point = ? ORDER BY position", arguments: [index])
                let keys = try String.fetchAll(
                    db, sql: "SELECT key FROM point_values WHERE point = ? ORDER BY position", arguments: [index])
                let complete = (row["status"] as String) == "complete"
                var metrics: [SummaryRow] = []
                var provenance: RunProvenance?
                if complete {
                    metrics = try Row.fetchAll(
                        db, sql: "SELECT * FROM metrics WHERE point = ? ORDER BY position", arguments: [index]
                    ).map { m in
                        SummaryRow(
                            metric: m["metric"], year: m["year"],
                            estimate: ReplicateEstimate(
                                mean: (m["mean"] as Double?) ?? .nan, lower: m["lo95"], upper: m["hi95"],
                                replicates: m["replicates"]))
                    }
                    if let r = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE point = ?", arguments: [index]) {
                        provenance = try RunProvenance(row: r, scenario: scenario)
                    }
                }
                guard let seed = UInt64(row["seed"] as String) else { throw SweepStoreError.notAStore(url.path, "bad seed of point \(index)") }
                return StoredPoint(
                    index: index, seed: seed, keyPaths: keys, values: values, parametersJSON: row["parameters"],
                    metrics: complete ? metrics : nil, provenance: provenance)
            }
        }
    }

    /// A point as pending, with the value of each swept key: what both a new sweep and a merge start from.
    private static func insertPending(
        _ db: Database, index: Int, seed: UInt64, parametersJSON: String, keyPaths: [String], values: [String]
    ) throws {
        try db.execute(
            sql: "INSERT INTO points (point, seed, status, parameters) VALUES (?, ?, 'pending', ?)",
            arguments: [index, String(seed), parametersJSON])
        for (position, value) in values.enumerated() {
            try db.execute(
                sql: "INSERT INTO point_values (point, position, key, value) VALUES (?, ?, ?, ?)",
                arguments: [index, position, keyPaths[position], value])
        }
    }

    /// Copies points read from another store into this one (for `merge`): complete points with their results.
    /// `isCancelled` is read before each point (`CancellationError`; the transaction is rolled back).
    func insert(_ points: [StoredPoint], isCancelled: () -> Bool = { false }) throws {
        try queue.write { db in
            for point in points {
                if isCancelled() { throw CancellationError() }
                try Self.insertPending(
                    db, index: point.index, seed: point.seed, parametersJSON: point.parametersJSON,
                    keyPaths: point.keyPaths, values: point.values)
                if let metrics = point.metrics, let provenance = point.provenance {
                    try Self.insert(db, point: point.index, rows: metrics, provenance: provenance)
                }
            }
        }
    }

    /// Closes the database file (GRDB closes it when the queue is released; this makes the moment explicit).
    public func close() throws { try queue.close() }

    private static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}

/// A point as stored: values, and results when it is complete.
public struct StoredPoint: Sendable {
    public let index: Int
    public let seed: UInt64
    public let keyPaths: [String]
    public let values: [String]
    public let parametersJSON: String
    /// Every summary row, in `summary.csv` order; nil while the point is pending.
    public let metrics: [SummaryRow]?
    public let provenance: RunProvenance?

    public var isComplete: Bool { metrics != nil }
}

extension RunProvenance {
    /// A `runs` row read back. The store keeps no villages or counties, and the scenario's name once for the sweep.
    init(row: Row, scenario: String) throws {
        guard UInt64(row["seed"] as String) != nil else { throw SweepStoreError.unknownPoint(row["point"]) }
        // The sizes and seed columns were written from these parameters.
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let parameters = try decoder.decode(ScenarioParameters.self, from: Data((row["parameters"] as String).utf8))
        self.init(
            version: row["version"], gitCommit: row["git_commit"], gslVersion: row["gsl_version"], scenario: scenario,
            scenarioFile: row["scenario_file"],
            overrides: try JSONDecoder().decode([String].self, from: Data((row["overrides"] as String).utf8)),
            threads: row["threads"], blockSize: row["block_size"], villages: nil, counties: nil,
            startedAt: row["started_at"], wallSeconds: row["wall_seconds"], parameters: parameters)
        program = row["program"]
        shard = row["shard"]
    }
}

/// Problems with a sweep's store.
public enum SweepStoreError: Error, Equatable, CustomStringConvertible {
    case exists(String)
    case missing(String)
    case notAStore(String, String)
    case differentSweep(String, expected: String, found: String)
    case differentPoint(String, Int)
    case unknownPoint(Int)

    /// A database error as a person reads it: SQLite's own message ("database or disk is full", "file is not a
    /// database"), never the SQL statement GRDB adds to its description.
    public static func plainReason(_ error: any Error) -> String {
        guard let database = error as? DatabaseError else { return "\(error)" }
        return database.message ?? "SQLite error \(database.resultCode.rawValue)"
    }

    public var description: String {
        switch self {
        case .exists(let path):
            "\(path) already exists; pass --resume to continue that sweep, or choose another --output"
        case .missing(let path): "\(path) does not exist"
        case .notAStore(let path, let why): "\(path) is not a repoverty sweep store (\(why))"
        case .differentSweep(let path, let expected, let found):
            "\(path) holds a different sweep: \(found); this command's sweep is \(expected)"
        case .differentPoint(let path, let point):
            "\(path) holds point \(point) with different parameters; the scenario file, --set or run options changed"
                + " since that sweep was started; give the same arguments, or choose another --output"
        case .unknownPoint(let point): "point \(point) is not in the store"
        }
    }
}

func jsonText(_ strings: [String]) throws -> String {
    String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
}
