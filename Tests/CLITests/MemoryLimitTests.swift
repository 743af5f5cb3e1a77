import Foundation
import XCTest

/// A run that cannot fit in memory is refused before anything is allocated: exit 2, how much it needs and how much
/// there is, no output.
final class MemoryLimitTests: XCTestCase {
    func testARunLargerThanAnyMachineIsRefused() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out")
        let run = try Executable.run(
            ["run", "scenarios/reference.yaml", "--households", "100000000", "--replicates", "100000", "--output", output.path])
        XCTAssertEqual(run.status, 2, run.standardError)
        // The tallies keep 5 more sums a year since the monitoring mechanism, and 8 sums of the year-0 cross-section
        // in an array of their own (issue 15).
        XCTAssertTrue(run.standardError.hasPrefix("error: scenarios/reference.yaml: the run needs about 6.3 TiB of memory"
            + " (100000000 households × 100000 replicates × 5 years; tallies 6.0 TiB), but "), run.standardError)
        XCTAssertTrue(run.standardError.contains("is available (MemAvailable in /proc/meminfo); use fewer households, replicates or years"),
                      run.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testTheLimitCanBeSetForAJobAndEveryCommandChecksIt() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out")
        let sizes = ["--households", "100000", "--replicates", "100", "--output", output.path]
        for command in [["run", "scenarios/reference.yaml"], ["compare", "scenarios/baseline.yaml", "scenarios/training.yaml"],
                        ["validate", "scenarios/reference.yaml"]] {
            let run = try Executable.run(command + sizes.prefix(command[0] == "validate" ? 4 : 6),
                                         environment: ["REPOVERTY_MEMORY_LIMIT": "2M"])
            XCTAssertEqual(run.status, 2, run.standardError)
            XCTAssertTrue(run.standardError.contains("the run needs about "), run.standardError)
            XCTAssertTrue(run.standardError.contains("but 2.0 MiB is available (REPOVERTY_MEMORY_LIMIT)"), run.standardError)
            XCTAssertEqual(run.standardOutput, "")
        }
        let bad = try Executable.run(["run", "scenarios/reference.yaml"] + sizes, environment: ["REPOVERTY_MEMORY_LIMIT": "lots"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.standardError, "error: REPOVERTY_MEMORY_LIMIT: expected a number of bytes such as 2000000000 or 2G, got 'lots'\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))

        // The same small run fits a generous limit.
        let fits = try Executable.run(
            ["run", "scenarios/reference.yaml", "--households", "300", "--replicates", "2", "--years", "2", "--quiet",
             "--output", output.path], environment: ["REPOVERTY_MEMORY_LIMIT": "1G"])
        XCTAssertEqual(fits.status, 0, fits.standardError)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("reference/summary.csv").path))
    }
}
