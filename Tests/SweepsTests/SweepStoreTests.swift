import Engine
import Foundation
import GRDB
import Output
import Runs
import Scenarios
import XCTest

@testable import Sweeps

/// Whole, sharded-and-merged, and interrupted-and-resumed sweeps give the same rows; the store holds every point,
/// metric and run; a point re-run alone gives the same figures; a store of another sweep is refused.
final class SweepStoreTests: XCTestCase {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/reference.yaml").path
    static let overrides = ["run.households=300", "run.years=2", "run.replicates=2", "run.seed=7"]
    static let grid = ["interventions.dibao.standard=4000,4500,5000", "shocks.flood.probability=0.02,0.1"]

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sweeps-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func plan(shard: Shard = .whole, grid: [String] = grid, overrides: [String] = overrides) throws -> SweepPlan {
        try SweepPlan.make(
            scenarioPath: Self.reference, overrides: overrides, grid: grid.map { try GridArgument.parse($0) }, sample: nil,
            shard: shard)
    }

    /// Runs `plan` into `name/sweep.sqlite` and returns the store.
    @discardableResult
    func run(_ plan: SweepPlan, into name: String, observer: SweepObserver? = nil) throws -> SweepStore {
        let url = folder.appendingPathComponent(name).appendingPathComponent("sweep.sqlite")
        let store = FileManager.default.fileExists(atPath: url.path)
            ? try SweepStore.open(at: url) : try SweepStore.create(at: url, identity: plan.identity)
        _ = try SweepRunner(threads: 2).run(plan, store: store, observer: observer)
        return store
    }

    func csv(_ store: SweepStore, keyPaths: [String]) throws -> String {
        SweepTable.csv(keyPaths: keyPaths, rows: SweepTable.rows(try store.storedPoints()))
    }

    func testWholeShardedAndResumedSweepsGiveTheSameRows() throws {
        let whole = try plan()
        XCTAssertEqual(whole.points.count, 6)
        let wholeStore = try run(whole, into: "whole")
        let expected = try csv(wholeStore, keyPaths: whole.keyPaths)
        XCTAssertEqual(expected.split(separator: "\n").count, 7, expected)
        XCTAssertTrue(expected.hasPrefix("point,seed,interventions.dibao.standard,shocks.flood.probability,cohort_households,"))

        // Sharded 0/2 and 1/2, then merged.
        for index in 0..<2 {
            let shard = try Shard.parse("\(index)/2")
            let part = try plan(shard: shard)
            XCTAssertEqual(part.points.map(\.index), [index, index + 2, index + 4])
            try run(part, into: "shard\(index)")
        }
        let merged = folder.appendingPathComponent("merged/sweep.sqlite")
        let (report, points) = try SweepMerge.merge(
            inputs: [0, 1].map { folder.appendingPathComponent("shard\($0)/sweep.sqlite") }, into: merged)
        XCTAssertEqual(report.complete, 6)
        XCTAssertEqual(SweepTable.csv(keyPaths: whole.keyPaths, rows: SweepTable.rows(points)), expected)
        XCTAssertEqual(try csv(try SweepStore.open(at: merged), keyPaths: whole.keyPaths), expected)

        // Interrupted after two points, then resumed.
        let stopper = StopAfter(points: 2)
        XCTAssertThrowsError(try run(whole, into: "resumed", observer: stopper)) { error in
            guard case .stopped(let completed, let total)? = error as? SweepRunError else { return XCTFail("\(error)") }
            XCTAssertEqual([completed, total], [2, 6])
        }
        let interrupted = try SweepStore.open(at: folder.appendingPathComponent("resumed/sweep.sqlite"))
        XCTAssertEqual(try interrupted.completedPoints(), [0, 1])
        XCTAssertEqual(try interrupted.storedPoints().filter { !$0.isComplete }.map(\.index), [2, 3, 4, 5])
        let counter = StopAfter(points: nil)
        let resumed = try run(whole, into: "resumed", observer: counter)
        XCTAssertEqual(counter.finished, 4, "a resumed sweep runs only the unfinished points")
        XCTAssertEqual(try csv(resumed, keyPaths: whole.keyPaths), expected)
    }

    func testTheStoreHoldsPointsMetricsAndProvenance() throws {
        let plan = try plan()
        let store = try run(plan, into: "whole")
        try store.close()
        let db = try DatabaseQueue(path: folder.appendingPathComponent("whole/sweep.sqlite").path)
        try db.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM points WHERE status = 'complete'"), 6)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM point_values"), 12)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs"), 6)
            let perPoint = try Int.fetchAll(db, sql: "SELECT count(*) FROM metrics GROUP BY point")
            XCTAssertEqual(perPoint.count, 6)
            let expectedRows = Summary.rows(try Simulation.run(plan.points[0].scenario.parameters, threads: 1)).count
            XCTAssertEqual(Set(perPoint), [expectedRows])
            let value = try String.fetchOne(
                db, sql: "SELECT value FROM point_values WHERE point = 3 AND key = 'interventions.dibao.standard'")
            XCTAssertEqual(value, "4500")
            let run = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE point = 5"))
            XCTAssertEqual(run["seed"] as String, "7", "every point runs with the sweep's seed (common random numbers)")
            XCTAssertEqual(run["households"] as Int, 300)
            XCTAssertEqual(run["git_commit"] as String, RunProvenance.buildCommit, "the commit the program was built from")
            XCTAssertEqual(run["shard"] as String, "0/1")
            XCTAssertFalse((run["gsl_version"] as String).isEmpty)
            XCTAssertTrue((run["parameters"] as String).contains("\"standard\" : 5000"))
        }
    }

    /// The point's seed and values are all it takes: a plain run of the scenario with them gives the stored figures.
    func testAPointRerunAloneGivesTheSameFigures() throws {
        let plan = try plan()
        let store = try run(plan, into: "whole")
        let stored = try XCTUnwrap(try store.storedPoints().first { $0.index == 4 })
        let alone = try ScenarioLoader.load(
            path: Self.reference,
            overrides: Self.overrides + ["interventions.dibao.standard=5000", "shocks.flood.probability=0.02",
                "run.seed=\(stored.seed)"])
        let rows = Summary.rows(try Simulation.run(alone.parameters, threads: 1))
        XCTAssertTrue(SweepMerge.sameFigures(rows, try XCTUnwrap(stored.metrics)))
        XCTAssertEqual(stored.values, ["5000", "0.02"])
    }

    func testResumingAnotherSweepOrMergingDifferentSweepsIsRefused() throws {
        let first = try plan()
        try run(first, into: "a")
        let store = try SweepStore.open(at: folder.appendingPathComponent("a/sweep.sqlite"))
        // Same identity, but another --set changes every point's parameters.
        let changed = try plan(overrides: Self.overrides + ["interventions.dibao.exclusionError=0.1"])
        XCTAssertEqual(changed.identity, first.identity)
        XCTAssertThrowsError(try SweepRunner(threads: 1).run(changed, store: store)) { error in
            guard case .differentPoint? = error as? SweepStoreError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try SweepStore.create(at: store.url, identity: first.identity)) { error in
            XCTAssertEqual(error as? SweepStoreError, .exists(store.url.path))
        }
        let other = try plan(grid: ["interventions.dibao.standard=4000,4500,5000"])
        try run(other, into: "b")
        XCTAssertThrowsError(
            try SweepMerge.merge(
                inputs: ["a", "b"].map { folder.appendingPathComponent("\($0)/sweep.sqlite") },
                into: folder.appendingPathComponent("m/sweep.sqlite"))
        ) { error in
            guard case .differentSweeps? = error as? SweepMergeError else { return XCTFail("\(error)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("m/sweep.sqlite").path))
    }

    func testMergingMissingShardsWritesNothing() throws {
        try run(try plan(shard: try Shard.parse("0/3")), into: "s0")
        let output = folder.appendingPathComponent("m/sweep.sqlite")
        XCTAssertThrowsError(
            try SweepMerge.merge(inputs: [folder.appendingPathComponent("s0/sweep.sqlite")], into: output)
        ) { error in
            XCTAssertEqual(error as? SweepMergeError, .incomplete(missing: [1, 2, 4, 5], total: 6))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testAnOutOfRangeGridValueNamesTheGridAndTheKey() throws {
        XCTAssertThrowsError(try plan(grid: ["shocks.flood.probability=0.1,1.5"])) { error in
            let error = error as? ScenarioError
            XCTAssertEqual(error?.file, "--grid")
            XCTAssertEqual(error?.keyPath, "shocks.flood.probability")
        }
    }
}

/// Stops a sweep after a number of finished points, and counts them.
final class StopAfter: SweepObserver {
    let points: Int?
    var finished = 0
    init(points: Int?) { self.points = points }
    var shouldStop: Bool { points.map { finished >= $0 } ?? false }
    func pointStarted(_ point: PlannedPoint, position: Int, remaining: Int) {}
    func pointFinished(_ point: PlannedPoint, position: Int, remaining: Int, seconds: Double) { finished += 1 }
}
