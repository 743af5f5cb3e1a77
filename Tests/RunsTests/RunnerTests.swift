import Engine
import Foundation
import Model
import Output
import Scenarios
import XCTest

@testable import Runs

/// One run, made once: its summary is the engine's, its provenance names the build, and writing is all or nothing.
final class RunnerTests: XCTestCase {
    private func scenario() -> Scenario {
        var parameters = ScenarioParameters()
        parameters.run.households = 500
        parameters.run.years = 2
        parameters.run.replicates = 2
        return Scenario(name: "probe", sourcePath: "probe.yaml", parameters: parameters, overrides: ["run.years=2"])
    }

    func testTheSummaryIsTheEnginesAndTheProvenanceTheBuilds() throws {
        let run = try Runner(threads: 2).run(scenario())
        let direct = try Simulation.run(scenario().parameters, threads: 1)
        XCTAssertEqual(run.summaryCSV, SummaryCSV.render(scenario: "probe", rows: Summary.rows(direct)))
        XCTAssertEqual(run.tasks, 2)
        XCTAssertEqual(run.provenance.gitCommit, RunProvenance.buildCommit)
        XCTAssertEqual(run.provenance.overrides, ["run.years=2"])
        XCTAssertEqual(run.provenance.households, 500)
        XCTAssertNil(run.provenance.shard)
        XCTAssertFalse(try run.provenance.json().contains("shard"), "run.json keeps its fields")
    }

    /// An observer that has asked to stop gets no run and no file.
    func testACancelledRunWritesNothing() throws {
        final class Stop: RunObserver {
            var isCancelled: Bool { true }
        }
        let runner = Runner(threads: 1, observer: Stop())
        XCTAssertThrowsError(try runner.run(scenario())) { XCTAssertEqual($0 as? RunError, .cancelled) }
        let done = try Runner(threads: 1).run(scenario())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runs-\(UUID().uuidString)")
        let claim = try runner.claim(folder, for: [done.scenario], force: false)
        XCTAssertThrowsError(try runner.write([done], into: claim)) { XCTAssertEqual($0 as? RunError, .cancelled) }
        claim.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "the claim left the folder it made")
    }

    func testTheMemoryLimitIsReadAndARunTooLargeIsRefused() throws {
        XCTAssertEqual(MemoryCheck.parseBytes("512M"), 512 << 20)
        XCTAssertEqual(MemoryCheck.parseBytes("2GiB"), 2 << 30)
        XCTAssertNil(MemoryCheck.parseBytes("lots"))
        XCTAssertThrowsError(try MemoryCheck.check([scenario()], threads: 1, environment: ["REPOVERTY_MEMORY_LIMIT": "1K"])) {
            guard case .insufficientMemory(let shortfall)? = $0 as? RunError else { return XCTFail("\($0)") }
            XCTAssertEqual(shortfall.available.bytes, 1024)
            XCTAssertGreaterThan(shortfall.largestTerm.bytes, 0)
            XCTAssertLessThanOrEqual(shortfall.largestTerm.bytes, shortfall.estimate.total)
        }
        XCTAssertNoThrow(try MemoryCheck.check([scenario()], threads: 1, environment: ["REPOVERTY_MEMORY_LIMIT": "1G"]))
    }
}
