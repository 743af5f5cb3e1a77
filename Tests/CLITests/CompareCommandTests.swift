import Foundation
import XCTest

/// `repoverty compare`: compare.csv, paired differences, exact zeros for a switched-off intervention, refusals.
final class CompareCommandTests: XCTestCase {
    /// compare.csv as [scenario: [metric: [column: value]]].
    func table(_ url: URL) throws -> (header: String, cells: [String: [String: [String]]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        var cells: [String: [String: [String]]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[fields[0], default: [:]][fields[1]] = fields
        }
        return (lines[0], cells)
    }

    func testSwitchedOffInterventionDiffersByExactlyZero() throws {
        let folder = try Executable.temporaryDirectory(self)
        let off = folder.appendingPathComponent("insurance-off.yaml")
        try """
            extends: \(Executable.packageRoot.path)/scenarios/baseline.yaml
            interventions:
              medicalInsurance:
                coverage: 0
                rate: 0.9
                threshold: 100
            """.write(to: off, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let run = try Executable.run(
            ["compare", "scenarios/baseline.yaml", off.path, "--replicates", "3", "--households", "2000", "--years", "3",
             "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let (header, cells) = try table(output.appendingPathComponent("compare.csv"))
        XCTAssertEqual(header, "scenario,metric,mean,lo95,hi95,diff,diff_lo95,diff_hi95")
        let rows = try XCTUnwrap(cells["insurance-off"])
        for required in ["cumulative_repoverty_rate", "cumulative_repoverty_rate_people", "entries_illness", "entries_macro",
                         "entries_dibao_loss", "cost_total", "entries_averted", "cost_per_entry_averted"] {
            XCTAssertNotNil(rows[required], "compare.csv lacks \(required)")
        }
        // Every defined difference is exactly 0 (metrics undefined in both, like the relocated type's rate, stay empty).
        for (metric, fields) in rows where metric != "cost_per_entry_averted" && !fields[2].isEmpty {
            XCTAssertEqual(fields[5], "0", "\(metric) differs: \(fields)")
            XCTAssertTrue(fields[6] == "0" && fields[7] == "0", "\(metric) interval is not exactly 0: \(fields)")
        }
        for name in ["baseline", "insurance-off"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(name)/summary.csv").path))
        }
        XCTAssertTrue(run.standardOutput.contains("entries averted"), run.standardOutput)
    }

    /// The dibao expansion and the pandemic have clear effects; with common random numbers eight replicates of 20,000
    /// households put the paired intervals away from 0, so these fail only on a real bug (since 0.3.0 the baseline's
    /// dibao review enrols few households and the expansion averts about 320 entries [146, 493] at eight replicates;
    /// four gave [−5, 635]). Since the baseline's
    /// households earn 61 % of their income outside wages (`002`, issue 15) the pandemic's wage fall adds fewer
    /// entries, and many of them are attributed to causes other than `macro`, whose paired difference is too noisy to
    /// test (5,000 households: +6 [−0.2, +12.2]); its total entries are tested instead (5,000 households: +27 [+15,
    /// +40], about 2.2 half-widths; 20,000 households about twice as many).
    func testInterventionLowersAndShockRaisesWithPairedIntervals() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["compare", "scenarios/baseline.yaml", "scenarios/dibao-expansion.yaml", "scenarios/pandemic.yaml",
             "--replicates", "8", "--households", "20000", "--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let (_, cells) = try table(output.appendingPathComponent("compare.csv"))
        let dibao = try XCTUnwrap(cells["dibao-expansion"]?["cumulative_repoverty_rate"])
        XCTAssertLessThan(try XCTUnwrap(Double(dibao[7])), 0, "dibao expansion: \(dibao)")
        let averted = try XCTUnwrap(cells["dibao-expansion"]?["entries_averted"])
        XCTAssertGreaterThan(try XCTUnwrap(Double(averted[3])), 0, "entries averted: \(averted)")
        let costPerEntry = try XCTUnwrap(cells["dibao-expansion"]?["cost_per_entry_averted"])
        XCTAssertGreaterThan(try XCTUnwrap(Double(costPerEntry[2])), 0, "dibao costs more: \(costPerEntry)")
        let entries = try XCTUnwrap(cells["pandemic"]?["entries_total"])
        XCTAssertGreaterThan(try XCTUnwrap(Double(entries[6])), 0, "pandemic raises entries: \(entries)")
    }

    func testDifferentRunSettingsAreRefused() throws {
        let folder = try Executable.temporaryDirectory(self)
        let other = folder.appendingPathComponent("bigger.yaml")
        try "extends: \(Executable.packageRoot.path)/scenarios/baseline.yaml\nrun:\n  households: 999\n"
            .write(to: other, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let run = try Executable.run(["compare", "scenarios/baseline.yaml", other.path, "--output", output.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("bigger.yaml: run settings differ from the baseline's"), run.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testNeedsAScenarioBesideTheBaseline() throws {
        let run = try Executable.run(["compare", "scenarios/baseline.yaml"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("<scenarios>"), run.standardError)
    }

    func testEveryShippedScenarioLoadsAndExtendsTheBaseline() throws {
        let folder = Executable.packageRoot.appendingPathComponent("scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        for name in ["dibao-expansion", "training", "insurance", "combined", "avian-flu-2017", "flood-2018", "relocation",
                     "pandemic"] {
            XCTAssertTrue(names.contains("\(name).yaml"), "scenarios/\(name).yaml is missing")
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            XCTAssertTrue(text.contains("extends: baseline.yaml"), name)
            XCTAssertTrue(text.hasPrefix("#"), "\(name).yaml should say in comments what it represents")
        }
    }
}
