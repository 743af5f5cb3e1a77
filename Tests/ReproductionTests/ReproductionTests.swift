import Foundation
import Model
import Output
import Runs
import XCTest

@testable import Reproduction

/// Reading run.json back exactly, tolerating another version's keys, and locating the first differing line.
final class ReproductionTests: XCTestCase {
    private func temporaryFile(_ contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repoverty-reproduction-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("run.json")
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    private func record(_ parameters: ScenarioParameters, version: String = ProgramVersion.current) throws -> String {
        var record = RunProvenance(
            version: version, gitCommit: nil, gslVersion: "2.7.1", scenario: "probe", scenarioFile: "probe.yaml",
            overrides: [], threads: 1, blockSize: 4096, villages: 1, counties: 1, startedAt: "2026-01-01T00:00:00Z",
            wallSeconds: 0, parameters: parameters)
        record.version = version
        return try record.json()
    }

    func testRecordedParametersAreReadBackBitForBit() throws {
        var parameters = ScenarioParameters()
        parameters.run.seed = UInt64.max - 12_345  // beyond a double's 53 bits
        parameters.demography.highSchoolGraduation = 1.0 / 3.0
        parameters.economy.assessmentNoiseSigma = 0.1 + 0.2  // 0.30000000000000004
        let run = try RecordedRun(file: try temporaryFile(try record(parameters)))
        XCTAssertEqual(run.parameters, parameters)
        XCTAssertEqual(run.scenario, "probe")
    }

    /// Keys given per year (issue 15) are recorded under `perYear` and read back as they were.
    func testPerYearValuesAreReadBack() throws {
        var parameters = ScenarioParameters()
        parameters.perYear = [PerYearValues(key: "interventions.dibao.standard", values: [5_500, 6_100.5, 7_000])]
        let run = try RecordedRun(file: try temporaryFile(try record(parameters)))
        XCTAssertEqual(run.parameters, parameters)
        XCTAssertTrue(run.warnings.isEmpty, "\(run.warnings)")
        let damaged = try record(parameters).replacingOccurrences(of: "interventions.dibao.standard", with: "run.years")
        XCTAssertThrowsError(try RecordedRun(file: try temporaryFile(damaged))) { error in
            XCTAssertTrue("\(error)".contains("parameters.perYear[0]"), "\(error)")
        }
    }

    func testAnotherVersionIsReadWithDefaultsAndWarnings() throws {
        var json = try record(ScenarioParameters(), version: "0.0.1")
        // Another version: one key this version does not know, one it has that the record lacks.
        json = json.replacingOccurrences(of: "\"chronicOnset\" : 0.01,", with: "\"chronicOnsetOld\" : 0.5,")
        let run = try RecordedRun(file: try temporaryFile(json))
        XCTAssertEqual(run.parameters, ScenarioParameters())
        let warnings = run.warnings.joined(separator: "\n")
        XCTAssertTrue(warnings.contains("written by repoverty 0.0.1"), warnings)
        XCTAssertTrue(warnings.contains("parameters.demography.chronicOnset is not recorded"), warnings)
        XCTAssertTrue(warnings.contains("parameters.demography.chronicOnsetOld is not a parameter of this version"), warnings)
    }

    func testInvalidRecordedParametersAreBadInputNamingTheKey() throws {
        var parameters = ScenarioParameters()
        parameters.shocks.flood.probability = 1.5
        XCTAssertThrowsError(try RecordedRun(file: try temporaryFile(try record(parameters)))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("shocks.flood.probability"), text)
        }
        XCTAssertThrowsError(try RecordedRun(file: try temporaryFile("{\"program\": \"other\"}")))
        let wrongType = try record(ScenarioParameters()).replacingOccurrences(of: "\"years\" : 5", with: "\"years\" : \"five\"")
        XCTAssertThrowsError(try RecordedRun(file: try temporaryFile(wrongType))) { error in
            XCTAssertTrue("\(error)".contains("run.years"), "\(error)")
        }
    }

    func testFirstDifferingLineIsLocated() {
        let a = Data("h\n1\n2\n3\n".utf8)
        XCTAssertEqual(FileComparison.compare(recorded: a, reproduced: a), .identical)
        XCTAssertEqual(FileComparison.compare(recorded: nil, reproduced: a), .missing)
        XCTAssertEqual(
            FileComparison.compare(recorded: a, reproduced: Data("h\n1\n9\n3\n".utf8)),
            .differs(line: 3, recorded: "2", reproduced: "9"))
        XCTAssertEqual(
            FileComparison.compare(recorded: a, reproduced: Data("h\n1\n2\n".utf8)),
            .differs(line: 4, recorded: "3", reproduced: nil))
        XCTAssertEqual(
            FileComparison.compare(recorded: a, reproduced: Data("h\n1\n2\n3".utf8)),
            .differs(line: 4, recorded: "3", reproduced: "3"))
    }

    /// A tiny run re-made from its own record is identical; a changed figure is found at its line.
    func testTinyRunReproducesAndATamperedSummaryIsCaught() throws {
        var parameters = ScenarioParameters()
        parameters.run.households = 300
        parameters.run.replicates = 2
        parameters.run.years = 2
        let file = try temporaryFile(try record(parameters))
        var first = Reproduction(runner: Runner(threads: 2))
        let made = try first.reproduce(try Reproduction.plan([file]))
        XCTAssertEqual(made.checks.map(\.outcome), [.missing])
        let summary = file.deletingLastPathComponent().appendingPathComponent("summary.csv")
        try made.checks[0].reproduced.write(to: summary)

        var second = Reproduction(runner: Runner(threads: 1))
        XCTAssertTrue(try second.reproduce(try Reproduction.plan([file])).allIdentical)

        var lines = String(decoding: made.checks[0].reproduced, as: UTF8.self).components(separatedBy: "\n")
        lines[3] += "1"
        try lines.joined(separator: "\n").write(to: summary, atomically: true, encoding: .utf8)
        var third = Reproduction(runner: Runner(threads: 2))
        let report = try third.reproduce(try Reproduction.plan([file]))
        XCTAssertFalse(report.allIdentical)
        guard case .differs(let line, _, _) = report.checks[0].outcome else { return XCTFail("\(report.checks[0].outcome)") }
        XCTAssertEqual(line, 4)
    }
}
