import Foundation
import XCTest

/// The committed reference run: `scenarios/reference.yaml` at a small size, compared byte for byte on every test run.
///
/// Re-record only deliberately, after a change that is meant to move the figures:
/// `REPOVERTY_RECORD_GOLDEN=1 swift test --filter GoldenFileTests`, then review and commit the diff of
/// `results/reference/reference/` (`scripts/record-reference-runs.sh` re-records it together with the other reference
/// runs, which `ReproduceCommandTests` re-makes).
final class GoldenFileTests: XCTestCase {
    static let arguments = ["--seed", "7", "--replicates", "3", "--households", "3000", "--years", "5"]

    var goldenFolder: URL { Executable.packageRoot.appendingPathComponent("results/reference/reference") }

    func testReferenceRunMatchesTheCommittedSummary() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/reference.yaml"] + Self.arguments + ["--threads", "2", "--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let produced = try String(contentsOf: output.appendingPathComponent("reference/summary.csv"), encoding: .utf8)
        let golden = goldenFolder.appendingPathComponent("summary.csv")

        if ProcessInfo.processInfo.environment["REPOVERTY_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try produced.write(to: golden, atomically: true, encoding: .utf8)
            let record = try Data(contentsOf: output.appendingPathComponent("reference/run.json"))
            try record.write(to: goldenFolder.appendingPathComponent("run.json"))
            print("recorded \(golden.path)")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if produced != expected {
            let differing = zip(produced.split(separator: "\n"), expected.split(separator: "\n")).first { $0 != $1 }
            XCTFail(
                "summary.csv differs from the committed \(golden.path); first differing line:\n  produced: \(differing?.0 ?? "")"
                    + "\n  expected: \(differing?.1 ?? "")\nRe-record with REPOVERTY_RECORD_GOLDEN=1 only if the change is intended.")
        }
    }

    func testGoldenRunIsIdenticalOnOneThread() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/reference.yaml"] + Self.arguments + ["--threads", "1", "--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let produced = try Data(contentsOf: output.appendingPathComponent("reference/summary.csv"))
        XCTAssertEqual(produced, try Data(contentsOf: goldenFolder.appendingPathComponent("summary.csv")))
    }
}
