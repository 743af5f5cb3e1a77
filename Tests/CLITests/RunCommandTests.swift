import Foundation
import XCTest

/// `repoverty run`: outputs, exit codes (0 success, 1 failure while running, 2 bad input), messages, no partial output.
final class RunCommandTests: XCTestCase {
    let small = ["--replicates", "2", "--households", "800", "--years", "3"]

    func testWritesSummaryAndRunRecord() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(["run", "scenarios/baseline.yaml"] + small + ["--seed", "11", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let summary = try String(contentsOf: output.appendingPathComponent("baseline/summary.csv"), encoding: .utf8)
        let lines = summary.split(separator: "\n")
        XCTAssertEqual(lines.first, "scenario,metric,year,mean,lo95,hi95,replicates")
        let metrics = Set(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] })
        for required in [
            "cohort_households", "cumulative_repoverty_rate", "cumulative_repoverty_rate_people", "annual_repoverty_rate",
            "incidence", "poverty_gap", "exits", "cost_dibao", "cost_training", "cost_medical_insurance",
            "cost_agricultural_insurance", "cost_total", "entries_illness", "entries_flood", "entries_epizootic",
            "entries_relocation", "entries_education", "entries_debt", "entries_macro", "entries_dibao_loss",
            "entries_labour_loss", "entries_structural", "entries_total",
        ] {
            XCTAssertTrue(metrics.contains(Substring(required)), "summary.csv lacks \(required)")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("baseline,incidence,3,") }, "no by-year rows")
        XCTAssertTrue(lines.contains { $0.hasPrefix("baseline,cumulative_repoverty_rate,,") }, "no whole-horizon rows")

        let record = try JSONSerialization.jsonObject(
            with: Data(contentsOf: output.appendingPathComponent("baseline/run.json"))) as? [String: Any]
        XCTAssertEqual(record?["seed"] as? Int, 11)
        XCTAssertEqual(record?["households"] as? Int, 800)
        XCTAssertEqual(record?["replicates"] as? Int, 2)
        XCTAssertEqual(record?["years"] as? Int, 3)
        XCTAssertEqual(record?["generator"] as? String, "taus2")
        XCTAssertNotNil(record?["threads"] as? Int)
        XCTAssertNotNil(record?["wallSeconds"] as? Double)
        XCTAssertNotNil(record?["version"] as? String)
        let parameters = record?["parameters"] as? [String: Any]
        let dibao = (parameters?["interventions"] as? [String: Any])?["dibao"] as? [String: Any]
        XCTAssertEqual(dibao?["standard"] as? Double, 5500, "run.json must hold the fully resolved scenario")

        XCTAssertTrue(run.standardOutput.contains("cumulative re-poverty rate, households"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("baseline").path)
        XCTAssertEqual(Set(leftovers), ["summary.csv", "replicates.csv", "run.json"], "temporary files left behind")
    }

    func testSeveralScenariosInOneCommand() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/reference.yaml", "scenarios/baseline.yaml"] + small + ["--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        for name in ["reference", "baseline"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(name)/summary.csv").path))
        }
        XCTAssertTrue(run.standardOutput.contains("reference") && run.standardOutput.contains("baseline"))
    }

    /// run.startYear and run.represents label the outputs; the description is printed and recorded (issues 15, 17).
    func testCalendarYearsRepresentedHouseholdsAndDescription() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/baseline.yaml"] + small
                + ["--set", "run.startYear=2020", "--set", "run.represents=80000", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let summary = try String(contentsOf: output.appendingPathComponent("baseline/summary.csv"), encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix(
            "scenario,metric,year,mean,lo95,hi95,replicates,calendar_year,mean_represented,lo95_represented,hi95_represented\n"))
        XCTAssertTrue(summary.contains("\nbaseline,incidence,3,"), summary)
        for line in summary.split(separator: "\n") where line.hasPrefix("baseline,incidence,3,") {
            XCTAssertEqual(line.split(separator: ",", omittingEmptySubsequences: false)[7], "2023")
        }
        let replicates = try String(contentsOf: output.appendingPathComponent("baseline/replicates.csv"), encoding: .utf8)
        XCTAssertTrue(replicates.hasPrefix("scenario,metric,year,replicate,value,calendar_year,value_represented\n"))
        let record = try String(contentsOf: output.appendingPathComponent("baseline/run.json"), encoding: .utf8)
        XCTAssertTrue(record.contains("\"description\" : \"Status quo policies"), record)
        XCTAssertTrue(record.contains("\"startYear\" : 2020"), record)
        XCTAssertTrue(run.standardOutput.contains("metric (years 1–3, 2021–2023)"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("in the 80,000 households represented:"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("\nbaseline  Status quo policies"), run.standardOutput)
    }

    func testSetOverridesAKey() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/reference.yaml", "--set", "interventions.dibao.standard=4500"] + small
                + ["--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, "", "--quiet prints nothing")
        let json = try String(contentsOf: output.appendingPathComponent("reference/run.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"standard\" : 4500"), json)
    }

    func testBadScenarioExitsTwoNamingFileLineAndKeyAndWritesNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let bad = folder.appendingPathComponent("bad.yaml")
        try "extends: \(Executable.packageRoot.path)/scenarios/reference.yaml\nshocks:\n  flood:\n    probability: 1.5\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let run = try Executable.run(["run", "scenarios/reference.yaml", bad.path] + small + ["--output", output.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("bad.yaml:4: shocks.flood.probability"), run.standardError)
        XCTAssertTrue(run.standardError.contains("between 0 and 1"), run.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "no output for any scenario when one is bad")
    }

    func testUnknownKeySuggestsTheNearestOne() throws {
        let folder = try Executable.temporaryDirectory(self)
        let bad = folder.appendingPathComponent("typo.yaml")
        try "interventions:\n  dibao:\n    standart: 5000\n".write(to: bad, atomically: true, encoding: .utf8)
        let run = try Executable.run(["run", bad.path, "--output", folder.appendingPathComponent("out").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("typo.yaml:3: interventions.dibao.standart"), run.standardError)
        XCTAssertTrue(run.standardError.contains("did you mean `standard`"), run.standardError)
    }

    func testMissingFileExitsTwo() throws {
        let folder = try Executable.temporaryDirectory(self)
        let run = try Executable.run(["run", "scenarios/no-such.yaml", "--output", folder.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("scenarios/no-such.yaml"), run.standardError)
    }

    func testBadOptionsExitTwo() throws {
        let folder = try Executable.temporaryDirectory(self)
        for (arguments, words) in [
            (["--households", "0"], "--households must be at least 1"),
            (["--threads", "0"], "--threads must be at least 1"),
            (["--years", "-1"], "--years"),
            (["--set", "run.seedd=3"], "run.seedd"),
            (["--set", "novalue"], "--set"),
        ] {
            let run = try Executable.run(["run", "scenarios/reference.yaml"] + arguments + ["--output", folder.path])
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.standardError)")
            XCTAssertTrue(run.standardError.contains(words), "\(arguments): \(run.standardError)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testHelpAndVersionExitZero() throws {
        let help = try Executable.run(["run", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.standardOutput.contains("--households"))
        let version = try Executable.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.standardOutput.isEmpty)
    }

    func testUnwritableOutputExitsOne() throws {
        let folder = try Executable.temporaryDirectory(self)
        let file = folder.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let run = try Executable.run(["run", "scenarios/reference.yaml"] + small + ["--output", file.path])
        XCTAssertEqual(run.status, 1, run.standardError)
        XCTAssertTrue(run.standardError.contains("cannot write"), run.standardError)
    }
}

/// `run --vulnerability` (MODEL.md §5): the same summary with the vulnerability rows after it, recorded in run.json.
final class RunVulnerabilityTests: XCTestCase {
    func testAddsRowsAfterAnUnchangedSummaryAndIsRecorded() throws {
        let output = try Executable.temporaryDirectory(self)
        let arguments = ["scenarios/reference.yaml", "--replicates", "3", "--households", "600", "--years", "2", "--quiet"]
        let off = try Executable.run(["run"] + arguments + ["--output", output.appendingPathComponent("off").path])
        let on = try Executable.run(
            ["run"] + arguments + ["--vulnerability", "--output", output.appendingPathComponent("on").path])
        XCTAssertEqual(off.status, 0, off.standardError)
        XCTAssertEqual(on.status, 0, on.standardError)
        let plain = try String(contentsOf: output.appendingPathComponent("off/reference/summary.csv"), encoding: .utf8)
        let withVulnerability = try String(
            contentsOf: output.appendingPathComponent("on/reference/summary.csv"), encoding: .utf8)
        XCTAssertTrue(withVulnerability.hasPrefix(plain), "the option must leave every other row as it is")
        let added = withVulnerability.dropFirst(plain.count).split(separator: "\n")
        // 10 rows for the cohort, 10 for all households, 20 for `002`'s estimator (with and without income).
        XCTAssertEqual(added.count, 40)
        XCTAssertTrue(added.allSatisfy { $0.hasPrefix("reference,vulnerability_") })
        let mean = added.first { $0.hasPrefix("reference,vulnerability_mean,") }?.split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(mean?[6], "3")
        XCTAssertNotNil(mean.flatMap { Double($0[3]) })

        func record(_ folder: String) throws -> [String: Any]? {
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: output.appendingPathComponent("\(folder)/reference/run.json"))) as? [String: Any]
        }
        XCTAssertEqual(try record("on")?["vulnerability"] as? Bool, true)
        XCTAssertNil(try record("off")?["vulnerability"], "run.json of a plain run must not change")
    }

    /// The acceptance (issue 15, item 3): the Liangshan scenario reports `002`'s estimator, each figure across
    /// replicates with its interval.
    func testLiangshanReportsTheFeasibleGLSRows() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/liangshan-2020.yaml", "--vulnerability", "--replicates", "3", "--households", "2000",
             "--years", "1", "--quiet", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let summary = try String(contentsOf: output.appendingPathComponent("liangshan-2020/summary.csv"), encoding: .utf8)
        for metric in ["vulnerability_fgls_mean", "vulnerability_fgls_share_below_0.3", "vulnerability_fgls_share_0.3_0.6",
                       "vulnerability_fgls_share_above_0.6", "vulnerability_fgls_r2_mean", "vulnerability_fgls_r2_variance",
                       "vulnerability_fgls_variance_floored_share", "vulnerability_fgls_no_income_mean",
                       "vulnerability_all_mean"] {
            let fields = summary.split(separator: "\n").first { $0.hasPrefix("liangshan-2020,\(metric),") }?
                .split(separator: ",", omittingEmptySubsequences: false)
            let value = try XCTUnwrap(fields.flatMap { Double($0[3]) }, metric)
            XCTAssertTrue((0...1).contains(value), "\(metric) = \(value)")
            XCTAssertEqual(fields?[6], "3", metric)
        }
    }
}
