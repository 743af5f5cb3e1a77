import Foundation
import XCTest

/// A failed write to standard output is a failure (exit 1, said on standard error), never rows lost with exit 0
/// (issue 13, family 8). /dev/full refuses every write with ENOSPC.
final class StandardOutputTests: XCTestCase {
    private func runIntoFullDevice(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = Executable.productsDirectory.appendingPathComponent("repoverty")
        process.arguments = arguments
        process.currentDirectoryURL = Executable.packageRoot
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        process.standardOutput = full
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    func testEveryPrintingCommandFailsWhenStandardOutputCannotBeWritten() throws {
        let folder = try Executable.temporaryDirectory(self)
        let small = ["--households", "300", "--replicates", "2", "--years", "2"]
        let commands: [[String]] = [
            ["validate", "--print", "scenarios/reference.yaml"],
            ["run", "scenarios/reference.yaml"] + small + ["--output", folder.appendingPathComponent("run").path],
            ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000", "--format", "csv",
             "--quiet", "--output", folder.appendingPathComponent("sweep").path] + small,
            ["--help"],
        ]
        for arguments in commands {
            let (status, message) = try runIntoFullDevice(arguments)
            XCTAssertEqual(status, 1, "\(arguments): \(message)")
            XCTAssertTrue(message.contains("error: cannot write to standard output"), "\(arguments): \(message)")
        }
    }
}

/// Numeric options say what is allowed, whatever the user typed (issue 13, family 10).
final class NumericOptionTests: XCTestCase {
    func testNegativeAndMalformedNumbersSayWhatIsAllowed() throws {
        let cases: [(arguments: [String], says: String)] = [
            (["--threads", "-1"], "--threads must be at least 1, got -1"),
            (["--households", "-3"], "--households must be at least 1, got -3"),
            (["--seed", "-5"], "expected a whole number from 0 to 18446744073709551615, got '-5'"),
            (["--seed", "18446744073709551616"], "expected a whole number from 0 to 18446744073709551615"),
            (["--years", "2.5"], "expected a whole number such as 1000, got '2.5'"),
        ]
        for (arguments, says) in cases {
            let result = try Executable.run(["run", "scenarios/reference.yaml"] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains(says), "\(arguments): \(result.standardError)")
            XCTAssertFalse(result.standardError.contains("Missing value"), "\(arguments): \(result.standardError)")
        }
    }
}
