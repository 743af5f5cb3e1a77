import Foundation
import Synchronization
import XCTest

@testable import RepovertyCLI

/// `--progress` and `--quiet`: progress goes to standard error only, in the mode asked for, and never changes results.
final class ProgressTests: XCTestCase {
    /// 4,200 households are 2 blocks of 4,096; 3 replicates make 6 tasks.
    let small = ["--households", "4200", "--replicates", "3", "--years", "1", "--threads", "2"]

    func testJSONProgressCountsUpToTotalAndLeavesResultsUnchanged() throws {
        let folder = try Executable.temporaryDirectory(self)
        let plain = try Executable.run(
            ["run", "scenarios/baseline.yaml"] + small + ["--output", folder.appendingPathComponent("plain").path])
        let json = try Executable.run(
            ["run", "scenarios/baseline.yaml"] + small
                + ["--output", folder.appendingPathComponent("json").path, "--progress", "json"])
        XCTAssertEqual(plain.status, 0, plain.standardError)
        XCTAssertEqual(json.status, 0, json.standardError)
        XCTAssertEqual(plain.standardError, "", "a non-terminal standard error shows no bar by default")
        XCTAssertFalse(json.standardOutput.contains("{\"event\""), "progress went to standard output")
        let summary = { (run: String) in try Data(contentsOf: folder.appendingPathComponent("\(run)/baseline/summary.csv")) }
        XCTAssertEqual(try summary("plain"), try summary("json"), "progress changed the results")

        let events = try json.standardError.split(separator: "\n").map {
            try JSONDecoder().decode(ProgressEvent.self, from: Data($0.utf8))
        }
        XCTAssertEqual(events.first?.event, "start")
        XCTAssertEqual(events.last?.event, "finish")
        let steps = events.dropFirst().dropLast()
        XCTAssertEqual(steps.map(\.event), Array(repeating: "progress", count: 6))
        XCTAssertEqual(steps.map(\.completed), (1...6).map { $0 })
        XCTAssertTrue(events.allSatisfy { $0.total == 6 && $0.scenario == "baseline" })
        XCTAssertEqual(steps.last?.etaSeconds, 0)
        let elapsed = steps.compactMap(\.elapsedSeconds)
        XCTAssertEqual(elapsed.count, 6)
        XCTAssertEqual(elapsed, elapsed.sorted(), "elapsed time goes backwards")
        XCTAssertEqual(events.last?.completed, 6)
    }

    func testCompareReportsEachScenario() throws {
        let folder = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml"] + small
                + ["--output", folder.path, "--progress", "json"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let finished = run.standardError.split(separator: "\n").filter { $0.contains("\"event\":\"finish\"") }
        XCTAssertEqual(finished.count, 2)
        XCTAssertTrue(finished[1].contains("\"scenario\":\"combined\""), String(finished[1]))
    }

    func testQuietPrintsNothingEvenWithProgressAsked() throws {
        let folder = try Executable.temporaryDirectory(self)
        for mode in ["json", "bar"] {
            let run = try Executable.run(
                ["run", "scenarios/baseline.yaml"] + small + ["--output", folder.path, "--quiet", "--progress", mode])
            XCTAssertEqual(run.status, 0, run.standardError)
            XCTAssertEqual(run.standardOutput, "", mode)
            XCTAssertEqual(run.standardError, "", mode)
        }
    }

    func testUnknownModeIsBadInput() throws {
        let run = try Executable.run(["run", "scenarios/baseline.yaml", "--progress", "loud"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("--progress"), run.standardError)
    }

    func testBarShowsShareDoneAndTimeLeftAfterTheDelayAndClearsItsLine() {
        XCTAssertEqual(
            ProgressReporter.bar(scenario: "baseline", completed: 16, total: 40, etaSeconds: 65.4, width: 10),
            "baseline [####------]  40%  16/40  1:05 left")
        let written = Mutex<[String]>([])
        let shown = ProgressReporter(style: .bar(delaySeconds: 0), scenario: "s") { text in
            written.withLock { $0.append(text) }
        }
        for _ in 0..<3 { shown.taskFinished(completed: 0, total: 3) }
        shown.finish()
        let lines = written.withLock { $0 }
        XCTAssertTrue(lines.first?.hasPrefix("\rs [") ?? false, "\(lines)")
        XCTAssertTrue(lines.dropLast().last?.contains("100%  3/3  0:00 left") ?? false, "\(lines)")
        XCTAssertEqual(lines.last, "\r\u{1B}[K", "the bar's line is not cleared")

        let quiet = Mutex<[String]>([])
        let delayed = ProgressReporter(style: .bar(delaySeconds: 3600), scenario: "s") { text in
            quiet.withLock { $0.append(text) }
        }
        for _ in 0..<2 { delayed.taskFinished(completed: 0, total: 2) }
        delayed.finish()
        XCTAssertEqual(quiet.withLock { $0 }, [], "a short run showed a bar")
    }
}
