import Foundation
import XCTest

/// `repoverty reproduce`: every committed reference run re-makes byte for byte; a tampered file is named with its line.
final class ReproduceCommandTests: XCTestCase {
    var referenceFolder: URL { Executable.packageRoot.appendingPathComponent("results/reference") }

    /// Every results/reference/*/run.json, in name order.
    func committedRunRecords() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: referenceFolder.path).sorted()
            .map { "results/reference/\($0)/run.json" }
            .filter { FileManager.default.fileExists(atPath: Executable.packageRoot.appendingPathComponent($0).path) }
    }

    /// The acceptance: the test suite reproduces every committed reference run (one command, so each
    /// scenario of the comparison is simulated once).
    func testEveryCommittedReferenceRunReproduces() throws {
        let records = try committedRunRecords()
        XCTAssertGreaterThanOrEqual(records.count, 10, "expected reference and every shipped scenario: \(records)")
        let result = try Executable.run(["reproduce"] + records + ["--threads", "2"])
        XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError)
        XCTAssertEqual(result.standardError, "", "a committed run should reproduce without warnings")
        for record in records {
            for file in ["summary.csv", "replicates.csv"] {
                let made = record.replacingOccurrences(of: "run.json", with: file)
                XCTAssertTrue(result.standardOutput.contains("\(made): identical\n"), "\(made):\n\(result.standardOutput)")
            }
        }
        XCTAssertTrue(result.standardOutput.contains("results/reference/compare.csv: identical\n"), result.standardOutput)
    }

    /// A run made with `--vulnerability` records it, and is re-made with its vulnerability rows.
    func testAVulnerabilityRunReproduces() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/reference.yaml", "--vulnerability", "--households", "600", "--replicates", "3", "--years", "2",
             "--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let summary = output.appendingPathComponent("reference/summary.csv")
        XCTAssertTrue(try String(contentsOf: summary, encoding: .utf8).contains(",vulnerability_mean,"))
        let again = try Executable.run(["reproduce", output.appendingPathComponent("reference/run.json").path])
        XCTAssertEqual(again.status, 0, again.standardOutput + again.standardError)
        XCTAssertTrue(again.standardOutput.contains("summary.csv: identical"), again.standardOutput)
    }

    /// A replicate's value changed in replicates.csv is found as surely as a change to summary.csv.
    func testATamperedReplicatesFileExitsOne() throws {
        let folder = try Executable.temporaryDirectory(self).appendingPathComponent("reference")
        try FileManager.default.copyItem(at: referenceFolder.appendingPathComponent("reference"), to: folder)
        let replicates = folder.appendingPathComponent("replicates.csv")
        var lines = try String(contentsOf: replicates, encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "scenario,metric,year,replicate,value")
        XCTAssertTrue(lines[3].hasPrefix("reference,cohort_households,,3,"), lines[3])
        lines[3] += "1"
        try lines.joined(separator: "\n").write(to: replicates, atomically: true, encoding: .utf8)
        let result = try Executable.run(["reproduce", folder.appendingPathComponent("run.json").path])
        XCTAssertEqual(result.status, 1, result.standardOutput + result.standardError)
        XCTAssertTrue(result.standardOutput.contains("\(replicates.path): differs from line 4"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("summary.csv: identical"), result.standardOutput)
    }

    /// A run whose dibao standard rises by year (issue 15, item 6) records the schedule and is re-made from it, the
    /// scenario file gone.
    func testARunWithPerYearValuesReproduces() throws {
        let folder = try Executable.temporaryDirectory(self)
        let scenario = folder.appendingPathComponent("rising.yaml")
        try "interventions:\n  dibao:\n    standard: [5500, 6000, 6500]\n".write(to: scenario, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let run = try Executable.run(
            ["run", scenario.path, "--households", "600", "--replicates", "2", "--years", "3", "--output", output.path,
             "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let record = output.appendingPathComponent("rising/run.json")
        XCTAssertTrue(try String(contentsOf: record, encoding: .utf8).contains("\"perYear\""))
        try FileManager.default.removeItem(at: scenario)
        let again = try Executable.run(["reproduce", record.path])
        XCTAssertEqual(again.status, 0, again.standardOutput + again.standardError)
        XCTAssertEqual(again.standardError, "")
        XCTAssertTrue(again.standardOutput.contains("summary.csv: identical"), again.standardOutput)
    }

    func testATamperedSummaryExitsOneNamingTheFileAndLine() throws {
        let folder = try Executable.temporaryDirectory(self).appendingPathComponent("reference")
        try FileManager.default.copyItem(at: referenceFolder.appendingPathComponent("reference"), to: folder)
        let summary = folder.appendingPathComponent("summary.csv")
        var lines = try String(contentsOf: summary, encoding: .utf8).components(separatedBy: "\n")
        let original = lines[6]
        lines[6] = original.replacingOccurrences(of: ",3", with: ",2")
        XCTAssertNotEqual(lines[6], original)
        try lines.joined(separator: "\n").write(to: summary, atomically: true, encoding: .utf8)

        let result = try Executable.run(["reproduce", folder.appendingPathComponent("run.json").path])
        XCTAssertEqual(result.status, 1, result.standardOutput + result.standardError)
        XCTAssertTrue(result.standardOutput.contains("\(summary.path): differs from line 7"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("  recorded:   \(lines[6])\n  reproduced: \(original)"), result.standardOutput)
        XCTAssertTrue(result.standardError.contains("not reproduced: \(summary.path)"), result.standardError)
    }

    /// A small comparison made now: compare.json is written, compare.csv re-made, and a change to it is found.
    func testAComparisonIsReproducedFromAnyOfItsRuns() throws {
        let output = try Executable.temporaryDirectory(self)
        let made = try Executable.run([
            "compare", "scenarios/baseline.yaml", "scenarios/training.yaml", "--replicates", "2", "--households", "400",
            "--years", "2", "--output", output.path, "--quiet",
        ])
        XCTAssertEqual(made.status, 0, made.standardError)
        let training = output.appendingPathComponent("training/run.json").path
        let again = try Executable.run(["reproduce", training])
        XCTAssertEqual(again.status, 0, again.standardOutput + again.standardError)
        XCTAssertTrue(again.standardOutput.contains("training/summary.csv: identical"), again.standardOutput)
        XCTAssertTrue(again.standardOutput.contains("compare.csv: identical"), again.standardOutput)

        let compare = output.appendingPathComponent("compare.csv")
        try (try String(contentsOf: compare, encoding: .utf8) + "extra,line\n").write(to: compare, atomically: true, encoding: .utf8)
        let tampered = try Executable.run(["reproduce", output.appendingPathComponent("compare.json").path])
        XCTAssertEqual(tampered.status, 1, tampered.standardOutput + tampered.standardError)
        XCTAssertTrue(tampered.standardOutput.contains("\(compare.path): differs from line"), tampered.standardOutput)
        XCTAssertTrue(tampered.standardOutput.contains("  recorded:   extra,line\n  reproduced: <end of file>"), tampered.standardOutput)
        XCTAssertTrue(tampered.standardOutput.contains("baseline/summary.csv: identical"), tampered.standardOutput)
    }

    func testAnotherVersionWarnsAndStillCompares() throws {
        let folder = try Executable.temporaryDirectory(self).appendingPathComponent("reference")
        try FileManager.default.copyItem(at: referenceFolder.appendingPathComponent("reference"), to: folder)
        let record = folder.appendingPathComponent("run.json")
        let text = try String(contentsOf: record, encoding: .utf8)
            .replacingOccurrences(of: "\"version\" : \"", with: "\"version\" : \"0.0.1-old")
        try text.write(to: record, atomically: true, encoding: .utf8)
        let result = try Executable.run(["reproduce", record.path])
        XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError)
        XCTAssertTrue(result.standardError.contains("warning: \(record.path): written by repoverty 0.0.1-old"), result.standardError)
        XCTAssertTrue(result.standardOutput.contains("summary.csv: identical"), result.standardOutput)
    }

    func testAMalformedRecordIsBadInput() throws {
        let folder = try Executable.temporaryDirectory(self)
        let record = folder.appendingPathComponent("run.json")
        try "{\"program\": \"repoverty\", \"scenario\": \"x\"}".write(to: record, atomically: true, encoding: .utf8)
        let result = try Executable.run(["reproduce", record.path])
        XCTAssertEqual(result.status, 2, result.standardError)
        XCTAssertTrue(result.standardError.contains("\(record.path): parameters: missing"), result.standardError)
        let huge = try Executable.run(
            ["reproduce", "results/reference/reference/run.json"], environment: ["REPOVERTY_MEMORY_LIMIT": "1000"])
        XCTAssertEqual(huge.status, 2, huge.standardError)
        XCTAssertTrue(huge.standardError.contains("the run needs about"), huge.standardError)
        let missing = try Executable.run(["reproduce", folder.appendingPathComponent("nothing/run.json").path])
        XCTAssertEqual(missing.status, 2, missing.standardError)
        XCTAssertTrue(missing.standardError.contains("cannot read the run record"), missing.standardError)
    }
}
