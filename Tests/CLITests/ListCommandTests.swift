import Foundation
import XCTest

/// `repoverty list DIR`: a catalogue of the runs, comparisons and sweeps under a folder (issue 17).
final class ListCommandTests: XCTestCase {
    let small = ["--households", "300", "--replicates", "2", "--years", "2", "--quiet"]

    func testListsRunsComparisonsAndSweepsInEveryFormat() throws {
        let root = try Executable.temporaryDirectory(self)
        let comparison = try Executable.run(
            ["compare", "scenarios/baseline.yaml", "scenarios/training.yaml", "--seed", "5", "--output",
             root.appendingPathComponent("cmp").path] + small)
        XCTAssertEqual(comparison.status, 0, comparison.standardError)
        let sweep = try Executable.run(
            ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000", "--seed", "18446744073709551615",
             "--output", root.appendingPathComponent("sw").path] + small)
        XCTAssertEqual(sweep.status, 0, sweep.standardError)
        try Data("not json".utf8).write(to: root.appendingPathComponent("run.json"))

        let table = try Executable.run(["list", root.path])
        XCTAssertEqual(table.status, 0, table.standardError)
        let lines = table.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, table.standardOutput)
        XCTAssertTrue(lines[0].hasPrefix("kind ") && lines[0].contains(" path "), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("comparison  cmp ") && lines[1].contains("baseline vs training"), lines[1])
        XCTAssertTrue(lines[2].contains("cmp/baseline") && lines[2].contains("Status quo policies"), lines[2])
        XCTAssertTrue(lines[2].contains("300 households × 2 years × 2 replicates"), lines[2])
        XCTAssertTrue(lines[4].hasPrefix("sweep ") && lines[4].contains("2/2 points") && lines[4].contains("factorial 2"), lines[4])
        XCTAssertTrue(table.standardError.contains("run.json: not a run record of this program"), table.standardError)

        let csv = try Executable.run(["list", root.path, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.standardError)
        let rows = csv.standardOutput.split(separator: "\n")
        XCTAssertEqual(rows.first.map(String.init), "kind,path,scenario,description,scenarios,comparison,seed,households,years,"
            + "replicates,design,points,complete_points,date,version,commit")
        XCTAssertTrue(rows.contains { $0.hasPrefix("sweep,sw,reference,,,,18446744073709551615,300,2,2,factorial 2,2,2,") }, csv.standardOutput)
        XCTAssertTrue(rows.contains { $0.hasPrefix("run,cmp/training,training,") && $0.contains(",cmp,5,300,2,2,") }, csv.standardOutput)

        let json = try Executable.run(["list", root.path, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.standardError)
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let entries = try XCTUnwrap(document?["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 4)
        XCTAssertEqual(entries.first { $0["kind"] as? String == "sweep" }?["seed"] as? String, "18446744073709551615")
        XCTAssertEqual((document?["problems"] as? [String])?.count, 1)
    }

    func testAMissingFolderIsBadInput() throws {
        let missing = try Executable.temporaryDirectory(self).appendingPathComponent("nowhere")
        let result = try Executable.run(["list", missing.path])
        XCTAssertEqual(result.status, 2, result.standardError)
        XCTAssertTrue(result.standardError.contains("\(missing.path): no such folder"), result.standardError)
    }
}
