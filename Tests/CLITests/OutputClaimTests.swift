import Foundation
import XCTest

/// `run` and `compare` claim their output folder before any work and never replace results of a different run
/// (issue 13, families 4 and 7).
final class OutputClaimTests: XCTestCase {
    let small = ["--households", "300", "--replicates", "2", "--years", "2", "--quiet"]

    func testADifferentRunIsRefusedAnIdenticalOneReplacedAndForceReplacesAnything() throws {
        let folder = try Executable.temporaryDirectory(self).appendingPathComponent("out")
        let first = try Executable.run(["run", "scenarios/reference.yaml", "--seed", "7", "--output", folder.path] + small)
        XCTAssertEqual(first.status, 0, first.standardError)
        let summary = folder.appendingPathComponent("reference/summary.csv")
        let recorded = try Data(contentsOf: summary)

        let again = try Executable.run(["run", "scenarios/reference.yaml", "--seed", "7", "--output", folder.path] + small)
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertEqual(try Data(contentsOf: summary), recorded)

        let other = try Executable.run(["run", "scenarios/reference.yaml", "--seed", "8", "--output", folder.path] + small)
        XCTAssertEqual(other.status, 2, other.standardError)
        XCTAssertTrue(other.standardError.contains("already holds results"), other.standardError)
        XCTAssertTrue(other.standardError.contains("seed 7, now 8"), other.standardError)
        XCTAssertTrue(other.standardError.contains("--force"), other.standardError)
        XCTAssertEqual(try Data(contentsOf: summary), recorded, "the earlier results were touched")

        let forced = try Executable.run(
            ["run", "scenarios/reference.yaml", "--seed", "8", "--force", "--output", folder.path] + small)
        XCTAssertEqual(forced.status, 0, forced.standardError)
        XCTAssertNotEqual(try Data(contentsOf: summary), recorded)
        let record = try String(contentsOf: folder.appendingPathComponent("reference/run.json"), encoding: .utf8)
        XCTAssertTrue(record.contains("\"seed\" : 8"), record)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".reference") }
        XCTAssertEqual(hidden, [], "staging folders were left behind")
    }

    func testAnUnusableOutputIsFoundBeforeTheSimulation() throws {
        let base = try Executable.temporaryDirectory(self)
        let file = base.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        // A big run: were the folder checked only after the simulation, this would take minutes, not a moment.
        let started = Date()
        let result = try Executable.run(
            ["run", "scenarios/reference.yaml", "--households", "2000000", "--replicates", "20", "--quiet",
             "--output", file.appendingPathComponent("below").path])
        XCTAssertEqual(result.status, 1, result.standardError)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertTrue(
            result.standardError.hasPrefix("error: scenarios/reference.yaml: cannot write into \(file.path)/below: "),
            result.standardError)
        for raw in ["NSError", "Domain=", "NSCocoaErrorDomain", "Error Domain"] {
            XCTAssertFalse(result.standardError.contains(raw), result.standardError)
        }
    }

    func testScenarioNamesThatEscapeOrCollideAreRefused() throws {
        let folder = try Executable.temporaryDirectory(self)
        let reference = try String(contentsOf: Executable.packageRoot.appendingPathComponent("scenarios/reference.yaml"),
                                   encoding: .utf8)
        for name in ["...yaml", "compare.csv.yaml", ".hidden.yaml"] {
            let scenario = folder.appendingPathComponent(name)
            try reference.write(to: scenario, atomically: true, encoding: .utf8)
            let output = folder.appendingPathComponent("out-\(name)")
            let result = try Executable.run(["run", scenario.path, "--output", output.path] + small)
            XCTAssertEqual(result.status, 2, "\(name): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains("cannot be a results folder"), result.standardError)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "\(name): the output folder was made")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.csv").path))
    }

    func testACompareReplacesItsManifestOnlyWithItsRuns() throws {
        let folder = try Executable.temporaryDirectory(self).appendingPathComponent("cmp")
        let arguments = ["compare", "scenarios/baseline.yaml", "scenarios/training.yaml", "--output", folder.path] + small
        XCTAssertEqual(try Executable.run(arguments).status, 0)
        let rerun = try Executable.run(arguments)
        XCTAssertEqual(rerun.status, 0, rerun.standardError)
        let changed = try Executable.run(arguments + ["--set", "shocks.flood.probability=0.2"])
        XCTAssertEqual(changed.status, 2, changed.standardError)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("compare.csv").path))
        // A comparison of other scenarios would leave training's run beside a compare.csv that no longer has it.
        let record = try Data(contentsOf: folder.appendingPathComponent("compare.json"))
        let other = try Executable.run(
            ["compare", "scenarios/baseline.yaml", "scenarios/insurance.yaml", "--output", folder.path] + small)
        XCTAssertEqual(other.status, 2, other.standardError)
        XCTAssertTrue(
            other.standardError.contains("it holds a comparison of baseline against training, this one compares baseline"
                + " against insurance"), other.standardError)
        XCTAssertTrue(other.standardError.contains("--force"), other.standardError)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("compare.json")), record)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("insurance").path))
        let forced = try Executable.run(
            ["compare", "scenarios/baseline.yaml", "scenarios/insurance.yaml", "--force", "--output", folder.path] + small)
        XCTAssertEqual(forced.status, 0, forced.standardError)
    }

    /// `reproduce --output` writes results folders too, and follows the same rule.
    func testReproduceIntoAFolderOfADifferentRunRefuses() throws {
        let folder = try Executable.temporaryDirectory(self).appendingPathComponent("out")
        let first = try Executable.run(["run", "scenarios/reference.yaml", "--seed", "3", "--output", folder.path] + small)
        XCTAssertEqual(first.status, 0, first.standardError)
        let summary = try Data(contentsOf: folder.appendingPathComponent("reference/summary.csv"))
        let record = Executable.packageRoot.appendingPathComponent("results/reference/reference/run.json").path
        let refused = try Executable.run(["reproduce", record, "--quiet", "--output", folder.path])
        XCTAssertEqual(refused.status, 2, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("seed 3, now 7"), refused.standardError)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("reference/summary.csv")), summary)
        let forced = try Executable.run(["reproduce", record, "--quiet", "--force", "--output", folder.path])
        XCTAssertEqual(forced.status, 0, forced.standardError)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("reference").path)
        XCTAssertEqual(Set(written), ["summary.csv", "replicates.csv", "run.json"])
    }
}

/// `run.json` records the commit the binary was built from, whatever folder the command runs in: outside any
/// repository and inside another one alike (issue 12).
final class ProvenanceCommitTests: XCTestCase {
    /// The commit a run records when the command runs in `folder`; the results go to a temporary folder, never into
    /// `folder` (which may be the package's own).
    private func commit(ranIn folder: URL) throws -> String {
        let output = try Executable.temporaryDirectory(self).appendingPathComponent("out")
        let result = try Executable.run(
            ["run", Executable.packageRoot.appendingPathComponent("scenarios/reference.yaml").path, "--households", "200",
             "--replicates", "2", "--years", "1", "--quiet", "--output", output.path], in: folder)
        XCTAssertEqual(result.status, 0, result.standardError)
        let data = try Data(contentsOf: output.appendingPathComponent("reference/run.json"))
        let record = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return try XCTUnwrap(record?["gitCommit"] as? String)
    }

    func testTheCommitIsTheBuildsInEveryFolder() throws {
        let outside = try Executable.temporaryDirectory(self)
        let otherRepository = try Executable.temporaryDirectory(self)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", otherRepository.path]
        try git.run()
        git.waitUntilExit()
        let here = try commit(ranIn: Executable.packageRoot)
        XCTAssertNotNil(here.range(of: #"^([0-9a-f]{40}(-dirty)?|unknown)$"#, options: .regularExpression), here)
        XCTAssertEqual(try commit(ranIn: outside), here)
        XCTAssertEqual(try commit(ranIn: otherRepository), here)
    }
}
