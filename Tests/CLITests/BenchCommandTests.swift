import Foundation
import XCTest

/// `repoverty bench`: prints the figures of issue 5 and writes nothing; bad options exit 2.
final class BenchCommandTests: XCTestCase {
    func testPrintsSpeedSpeedUpStateAndPeakMemory() throws {
        let bench = try Executable.run(["bench", "--households", "3000", "--years", "2", "--threads", "2"])
        XCTAssertEqual(bench.status, 0, bench.standardError)
        let out = bench.standardOutput
        XCTAssertTrue(out.contains("3000 households × 2 years × 1 replicates, generator taus2"), out)
        XCTAssertTrue(out.contains("  1 thread: "), out)
        XCTAssertTrue(out.contains("  2 threads: "), out)
        XCTAssertTrue(out.contains("ns per household-year"), out)
        XCTAssertTrue(out.contains("speed-up from 1 to 2 threads: "), out)
        XCTAssertTrue(out.contains("state per household: 48 bytes"), out)
        XCTAssertTrue(out.contains("peak resident memory: "), out)
        // Issue 14's figures: year-steps, per core, and the counted draws.
        XCTAssertTrue(out.contains("year-steps/s"), out)
        XCTAssertTrue(out.contains("ns per year-step per core"), out)
        XCTAssertTrue(out.contains("GSL calls"), out)
        XCTAssertTrue(out.contains("stream restarts applied"), out)
    }

    func testGeneratorIsAScenarioSetting() throws {
        let bench = try Executable.run(
            ["bench", "--households", "500", "--years", "1", "--threads", "1", "--set", "run.generator=mt19937"])
        XCTAssertEqual(bench.status, 0, bench.standardError)
        XCTAssertTrue(bench.standardOutput.contains("generator mt19937"), bench.standardOutput)
        XCTAssertFalse(bench.standardOutput.contains("speed-up"), "one thread has no speed-up to print")
    }

    func testBadOptionsExitWithTwo() throws {
        let zero = try Executable.run(["bench", "--repetitions", "0"])
        XCTAssertEqual(zero.status, 2)
        XCTAssertTrue(zero.standardError.contains("--repetitions must be at least 1"), zero.standardError)
        let badKey = try Executable.run(["bench", "--households", "100", "--set", "run.generator=ranlux"])
        XCTAssertEqual(badKey.status, 2, badKey.standardError)
        XCTAssertTrue(badKey.standardError.contains("run.generator"), badKey.standardError)
    }
}
