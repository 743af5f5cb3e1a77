import Foundation
import XCTest

/// SIGINT and SIGTERM during `run`, `compare` and `sensitivity`: the command stops promptly, exits 1, says so on stderr, and leaves
/// no results file (no summary.csv, run.json, compare.csv, nor a temporary file) behind.
///
/// The runs are sized to take minutes in a debug build, so the signal always lands part-way; the test waits until the
/// command has installed its handlers (visible in /proc/PID/status as ignored or caught signals) and, where it matters, until a
/// first scenario has finished, then signals it.
final class InterruptionTests: XCTestCase {
    /// Far longer than any test should wait: the runs below would take many minutes, so exiting before this is prompt.
    let promptness: TimeInterval = 60

    func testSigintDuringRunStopsItAndWritesNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out")
        let running = try RunningCommand(
            ["run", "scenarios/reference.yaml", "--households", "1000000", "--replicates", "20", "--years", "20",
             "--output", output.path])
        try running.waitUntilSignalsAreHandled()
        let result = try running.signal(SIGINT, timeout: promptness)
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertEqual(
            result.standardError,
            "error: interrupted by SIGINT: the run was stopped before it finished; no results were written\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "results folder created")
    }

    /// A run of two scenarios stopped after the first has finished writes neither: results are written at the end.
    func testSigtermAfterTheFirstOfTwoScenariosLeavesNoResultsFile() throws {
        let folder = try Executable.temporaryDirectory(self)
        let reference = Executable.packageRoot.appendingPathComponent("scenarios/reference.yaml").path
        try "extends: \(reference)\nrun:\n  households: 300\n  replicates: 2\n  years: 3\n"
            .write(to: folder.appendingPathComponent("small.yaml"), atomically: true, encoding: .utf8)
        try "extends: \(reference)\nrun:\n  households: 1000000\n  replicates: 20\n  years: 20\n"
            .write(to: folder.appendingPathComponent("large.yaml"), atomically: true, encoding: .utf8)
        let running = try RunningCommand(["run", "small.yaml", "large.yaml", "--output", "out"], in: folder)
        try running.waitForOutput("small: 300 households")
        let result = try running.signal(SIGTERM, timeout: promptness)
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertTrue(result.standardError.contains("error: interrupted by SIGTERM"), result.standardError)
        XCTAssertTrue(result.standardError.contains("no results were written"), result.standardError)
        XCTAssertFalse(result.standardOutput.contains("→"), "a results file was announced: \(result.standardOutput)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["large.yaml", "small.yaml"])
    }

    func testSigtermDuringSensitivityStopsItAndWritesNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out")
        let running = try RunningCommand(
            ["sensitivity", "scenarios/baseline.yaml", "--keys", "interventions.dibao.standard", "--households", "1000000",
             "--replicates", "20", "--years", "20", "--output", output.path])
        try running.waitUntilSignalsAreHandled()
        let result = try running.signal(SIGTERM, timeout: promptness)
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertTrue(result.standardError.hasSuffix(
            "error: interrupted by SIGTERM: the run was stopped before it finished; no results were written\n"),
            result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "results folder left behind")
    }

    func testSigtermDuringCompareStopsItAndWritesNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out")
        let running = try RunningCommand(
            ["compare", "scenarios/baseline.yaml", "scenarios/training.yaml", "--households", "1000000", "--replicates",
             "20", "--years", "20", "--output", output.path])
        try running.waitUntilSignalsAreHandled()
        let result = try running.signal(SIGTERM, timeout: promptness)
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertEqual(
            result.standardError,
            "error: interrupted by SIGTERM: the run was stopped before it finished; no results were written\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "results folder created")
    }
}

/// The `repoverty` executable started in the background, its output collected as it comes.
final class RunningCommand: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()
    private let outputPipe = Pipe(), errorPipe = Pipe()

    init(_ arguments: [String], in directory: URL = Executable.packageRoot) throws {
        process.executableURL = Executable.productsDirectory.appendingPathComponent("repoverty")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        outputPipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { output.append(data) }
        }
        errorPipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { errors.append(data) }
        }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    var standardOutput: String { lock.withLock { String(decoding: output, as: UTF8.self) } }
    var standardError: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }

    /// Waits until the process catches SIGINT and SIGTERM: its handlers are in place.
    func waitUntilSignalsAreHandled(timeout: TimeInterval = 60) throws {
        let wanted: UInt64 = (1 << (UInt64(SIGINT) - 1)) | (1 << (UInt64(SIGTERM) - 1))
        try wait(timeout: timeout, for: "SIGINT and SIGTERM handlers") {
            guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
            else { return false }
            func mask(_ field: String) -> UInt64 {
                guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
                return UInt64(line.dropFirst(field.count).trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
            }
            // Caught by Dispatch's signal sources, not merely ignored: an ignored signal would be lost (the program
            // ignores them only until its sources' handlers are in place).
            return mask("SigCgt:") & wanted == wanted
        }
    }

    /// Waits until standard output contains `text`.
    func waitForOutput(_ text: String, timeout: TimeInterval = 120) throws {
        try wait(timeout: timeout, for: "'\(text)' on standard output") { standardOutput.contains(text) }
    }

    /// Sends `signal`, waits for the process to exit (failing after `timeout`), and returns what it printed.
    func signal(_ signal: Int32, timeout: TimeInterval) throws -> Executable.Result {
        XCTAssertTrue(process.isRunning, "the command ended before it was signalled: \(standardError)")
        kill(process.processIdentifier, signal)
        try wait(timeout: timeout, for: "the command to stop after signal \(signal)") { !process.isRunning }
        process.waitUntilExit()
        // Collect what the process wrote last, which the readability handlers may not have seen yet.
        outputPipe.fileHandleForReading.readabilityHandler = nil
        errorPipe.fileHandleForReading.readabilityHandler = nil
        let restOfOutput = outputPipe.fileHandleForReading.readDataToEndOfFile()
        let restOfErrors = errorPipe.fileHandleForReading.readDataToEndOfFile()
        lock.withLock {
            output.append(restOfOutput)
            errors.append(restOfErrors)
        }
        return Executable.Result(status: process.terminationStatus, standardOutput: standardOutput, standardError: standardError)
    }

    private func wait(timeout: TimeInterval, for what: String, until done: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !done() {
            if !process.isRunning && !done() {
                throw Failure(message: "the command ended while waiting for \(what): \(standardError)")
            }
            if Date() > deadline {
                process.terminate()
                throw Failure(message: "gave up after \(Int(timeout)) s waiting for \(what)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// SIGTERM during a sweep (a scheduler's time limit): it stops between blocks, exits 1, says how to resume, and
/// `--resume` finishes it to exactly the figures of an uninterrupted sweep (issue 13, family 1).
final class SweepInterruptionTests: XCTestCase {
    func testSigtermStopsASweepAndResumeFinishesItIdentically() throws {
        let folder = try Executable.temporaryDirectory(self)
        let sweep = ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,4500,5000,5500",
                     "--households", "40000", "--replicates", "2", "--years", "3"]
        let whole = try Executable.run(sweep + ["--quiet", "--output", folder.appendingPathComponent("whole").path])
        XCTAssertEqual(whole.status, 0, whole.standardError)

        let cut = folder.appendingPathComponent("cut")
        let running = try RunningCommand(sweep + ["--output", cut.path])
        try running.waitForOutput("point 0 (1/4)")
        let result = try running.signal(SIGTERM, timeout: 60)
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertTrue(result.standardError.hasPrefix("error: interrupted by SIGTERM: the sweep stopped with "), result.standardError)
        XCTAssertTrue(result.standardError.contains("--resume"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cut.appendingPathComponent("sweep.csv").path))

        let resumed = try Executable.run(sweep + ["--resume", "--quiet", "--output", cut.path])
        XCTAssertEqual(resumed.status, 0, resumed.standardError)
        XCTAssertEqual(
            try Data(contentsOf: cut.appendingPathComponent("sweep.csv")),
            try Data(contentsOf: folder.appendingPathComponent("whole/sweep.csv")))
    }

    func testASweepTooLargeForTheMemoryIsRefusedBeforeAnyFile() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("huge")
        let result = try Executable.run(
            ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000",
             "--households", "100000000", "--replicates", "100000", "--years", "100", "--output", output.path])
        XCTAssertEqual(result.status, 2, result.standardError)
        XCTAssertTrue(result.standardError.contains("of memory"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "the sweep made its folder")
        let limited = try Executable.run(
            ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000",
             "--households", "200000", "--output", output.path], environment: ["REPOVERTY_MEMORY_LIMIT": "1M"])
        XCTAssertEqual(limited.status, 2, limited.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "the sweep made its folder")
    }

    func testMergeRefusesToReplaceADifferentSweep() throws {
        let folder = try Executable.temporaryDirectory(self)
        func sweep(_ values: String, _ name: String) throws {
            let result = try Executable.run(
                ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=\(values)",
                 "--households", "300", "--replicates", "2", "--years", "2", "--quiet",
                 "--output", folder.appendingPathComponent(name).path])
            XCTAssertEqual(result.status, 0, result.standardError)
        }
        try sweep("4000,5000", "a")
        try sweep("4500,5500", "b")
        let target = folder.appendingPathComponent("a").path
        let recorded = try Data(contentsOf: folder.appendingPathComponent("a/sweep.csv"))
        let refused = try Executable.run(["merge", folder.appendingPathComponent("b").path, "--output", target, "--quiet"])
        XCTAssertEqual(refused.status, 2, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("already holds a different sweep"), refused.standardError)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("a/sweep.csv")), recorded)
        let forced = try Executable.run(
            ["merge", folder.appendingPathComponent("b").path, "--output", target, "--quiet", "--force"])
        XCTAssertEqual(forced.status, 0, forced.standardError)
    }
}
