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

    /// Runs the golden run on `threads` threads into a temporary folder, which it returns.
    func runGolden(threads: Int) throws -> URL {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/reference.yaml"] + Self.arguments
                + ["--threads", String(threads), "--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        return output
    }

    func testReferenceRunMatchesTheCommittedSummary() throws {
        let output = try runGolden(threads: 2)
        let produced = try String(contentsOf: output.appendingPathComponent("reference/summary.csv"), encoding: .utf8)
        let golden = goldenFolder.appendingPathComponent("summary.csv")

        if ProcessInfo.processInfo.environment["REPOVERTY_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try produced.write(to: golden, atomically: true, encoding: .utf8)
            for file in ["run.json", "replicates.csv"] {
                try Data(contentsOf: output.appendingPathComponent("reference/\(file)")).write(to: goldenFolder.appendingPathComponent(file))
            }
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

    /// replicates.csv holds each replicate's value, and its values average to summary.csv's means (issue 17).
    func testReplicatesFileIsCommittedAndAgreesWithTheSummary() throws {
        let output = try runGolden(threads: 2)
        let produced = try String(contentsOf: output.appendingPathComponent("reference/replicates.csv"), encoding: .utf8)
        XCTAssertEqual(produced, try String(contentsOf: goldenFolder.appendingPathComponent("replicates.csv"), encoding: .utf8))
        let summary = try String(contentsOf: goldenFolder.appendingPathComponent("summary.csv"), encoding: .utf8)
        var values: [String: [Double]] = [:]
        for line in produced.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let value = Double(cells[4]) else { continue }
            values["\(cells[1]),\(cells[2])", default: []].append(value)
        }
        var checked = 0
        for line in summary.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let mean = Double(cells[3]), let found = values["\(cells[1]),\(cells[2])"] else { continue }
            XCTAssertEqual(found.count, Int(cells[6]), "\(line)")
            XCTAssertEqual(found.reduce(0, +) / Double(found.count), mean, accuracy: 1e-8 * max(1, abs(mean)), "\(line)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testGoldenRunIsIdenticalOnOneThread() throws {
        let output = try runGolden(threads: 1)
        let produced = try Data(contentsOf: output.appendingPathComponent("reference/summary.csv"))
        XCTAssertEqual(produced, try Data(contentsOf: goldenFolder.appendingPathComponent("summary.csv")))
    }
}
