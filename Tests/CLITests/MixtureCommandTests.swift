import Foundation
import XCTest

/// A scenario that is a mixture of sub-populations (MODEL.md §7) through the commands: `run` writes every metric per
/// sub-population, `reproduce` re-makes it from its `run.json`, `compare` takes it like any scenario.
final class MixtureCommandTests: XCTestCase {
    func testRunWritesEveryMetricPerSubpopulationAndReproduces() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/county-mixture.yaml", "--households", "1500", "--replicates", "2", "--years", "3",
             "--threads", "2", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let folder = output.appendingPathComponent("county-mixture")
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let parts = try String(contentsOf: folder.appendingPathComponent("subpopulations.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(parts[0], "subpopulation," + summary[0])
        // Every row of summary.csv, for each sub-population in list order.
        XCTAssertEqual(parts.count - 1, 2 * (summary.count - 1))
        let keys = summary.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0...2].joined(separator: ",") }
        for (index, name) in ["alleviated", "repoor"].enumerated() {
            let rows = parts[1 + index * keys.count..<1 + (index + 1) * keys.count]
            XCTAssertEqual(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[0...3].joined(separator: ",") },
                           keys.map { name + "," + $0 })
        }
        // The printed table has a line per sub-population under each headline figure.
        XCTAssertTrue(run.standardOutput.contains("cumulative re-poverty rate, households"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("\n    alleviated "), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("\n    repoor "), run.standardOutput)
        // run.json records the sub-populations: names, shares, households by largest remainder, profile, set.
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json"))) as? [String: Any]
        let recorded = try XCTUnwrap(record?["subpopulations"] as? [[String: Any]])
        XCTAssertEqual(recorded.map { $0["name"] as? String }, ["alleviated", "repoor"])
        XCTAssertEqual(recorded.map { $0["households"] as? Int }, [1350, 150])
        XCTAssertEqual(recorded.map { $0["profile"] as? String }, ["scenarios/profiles/liangshan-2020.yaml", "scenarios/profiles/dongxiang-2017.yaml"])
        XCTAssertEqual((recorded[1]["set"] as? [String])?.last, "shocks.illness.stayProbability=0.0368")

        let again = try Executable.run(["reproduce", folder.appendingPathComponent("run.json").path, "--threads", "1"])
        XCTAssertEqual(again.status, 0, again.standardOutput + again.standardError)
        for file in ["summary.csv", "replicates.csv", "subpopulations.csv"] {
            XCTAssertTrue(again.standardOutput.contains("\(file): identical"), again.standardOutput)
        }
        // A tampered sub-population figure is found.
        var tampered = parts
        tampered[5] += "1"
        try (tampered.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("subpopulations.csv"), atomically: true, encoding: .utf8)
        let found = try Executable.run(["reproduce", folder.appendingPathComponent("run.json").path])
        XCTAssertEqual(found.status, 1, found.standardOutput)
        XCTAssertTrue(found.standardOutput.contains("subpopulations.csv: differs from line 6"), found.standardOutput)
    }

    func testReportAndValidateShowTheSubpopulations() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["run", "scenarios/county-mixture.yaml", "--households", "800", "--replicates", "2", "--years", "2",
             "--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        for (language, title, column) in [("en", "Sub-populations of county-mixture", "sub-population"),
                                          ("zh", "county-mixture 的子人群", "子人群")] {
            let report = try Executable.run(["report", output.path, "--lang", language])
            XCTAssertEqual(report.status, 0, report.standardError)
            let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
            XCTAssertTrue(html.contains(title), language)
            XCTAssertTrue(html.contains("<th>\(column)</th>"), language)
            XCTAssertTrue(html.contains(">alleviated</td>") && html.contains(">repoor</td>"), language)
        }
        let printed = try Executable.run(["validate", "--print", "scenarios/county-mixture.yaml"])
        XCTAssertEqual(printed.status, 0, printed.standardError)
        XCTAssertTrue(printed.standardOutput.contains(
            "# sub-population alleviated: share 0.9, profile scenarios/profiles/liangshan-2020.yaml; no key differs from the scenario's"),
            printed.standardOutput)
        XCTAssertTrue(printed.standardOutput.contains("#   population.profile: dongxiang-2017\n"), printed.standardOutput)
        XCTAssertTrue(printed.standardOutput.contains("#   shocks.illness.stayProbability: 0.0368\n"), printed.standardOutput)
        // Commands that move one population's parameters refuse a mixture, saying why.
        let sensitivity = try Executable.run(
            ["sensitivity", "scenarios/county-mixture.yaml", "--households", "100", "--output", output.path])
        XCTAssertEqual(sensitivity.status, 2)
        XCTAssertTrue(sensitivity.standardError.contains("`sensitivity` takes a scenario of one population"),
                      sensitivity.standardError)
    }

    /// `population` sets each sub-population's households beside its own profile's targets.
    func testPopulationComparesEachSubpopulationWithItsProfile() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["population", "scenarios/county-mixture.yaml", "--households", "20000", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains(
            "sub-population alleviated (profile scenarios/profiles/liangshan-2020.yaml): 18000 households\n"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains(
            "sub-population repoor (profile scenarios/profiles/dongxiang-2017.yaml): 2000 households\n"), run.standardOutput)
        let lines = try String(contentsOf: output.appendingPathComponent("population.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "subpopulation,attribute,category,target,simulated")
        // Each sub-population against its own profile's published figures: dibao shares 0.3213 and 0.641 of households.
        func simulated(_ prefix: String) throws -> Double {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix(prefix) }, prefix)
            return try XCTUnwrap(Double(line.split(separator: ",").last.map(String.init) ?? ""))
        }
        XCTAssertEqual(try simulated("alleviated,dibao,people per household,1.4231,"), 1.4231, accuracy: 0.1)
        XCTAssertEqual(try simulated("repoor,dibao,share of households,0.641,"), 0.641, accuracy: 0.045, "4 standard errors")
        XCTAssertFalse(lines.contains { $0.hasPrefix("alleviated,dibao,share of households,0.641,") })
        // The same command again finds its own record and replaces the file; another size is refused.
        XCTAssertEqual(try Executable.run(
            ["population", "scenarios/county-mixture.yaml", "--households", "20000", "--output", output.path, "--quiet"]).status, 0)
        XCTAssertEqual(try Executable.run(
            ["population", "scenarios/county-mixture.yaml", "--households", "2000", "--output", output.path, "--quiet"]).status, 2)
    }

    func testCompareTakesAMixtureAgainstTheBaseline() throws {
        let output = try Executable.temporaryDirectory(self)
        let run = try Executable.run(
            ["compare", "scenarios/baseline.yaml", "scenarios/county-mixture.yaml", "--households", "1200",
             "--replicates", "2", "--years", "2", "--output", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let compare = try String(contentsOf: output.appendingPathComponent("compare.csv"), encoding: .utf8)
        XCTAssertTrue(compare.contains("\ncounty-mixture,cumulative_repoverty_rate,"), compare)
        XCTAssertTrue(FileManager.default.fileExists(
            atPath: output.appendingPathComponent("county-mixture/subpopulations.csv").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("baseline/subpopulations.csv").path))
        let again = try Executable.run(["reproduce", output.appendingPathComponent("compare.json").path])
        XCTAssertEqual(again.status, 0, again.standardOutput + again.standardError)
    }

    func testABadMixtureStopsWithItsFileLineAndField() throws {
        let folder = try Executable.temporaryDirectory(self)
        let scenario = folder.appendingPathComponent("bad.yaml")
        try """
            extends: \(Executable.packageRoot.path)/scenarios/baseline.yaml
            subpopulations:
              - {name: a, share: 0.6, profile: \(Executable.packageRoot.path)/scenarios/profiles/liangshan-2020.yaml}
              - {name: b, share: 0.6, profile: \(Executable.packageRoot.path)/scenarios/profiles/dongxiang-2017.yaml}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let run = try Executable.run(["run", scenario.path, "--output", folder.appendingPathComponent("out").path])
        XCTAssertEqual(run.status, 2, run.standardError)
        XCTAssertTrue(run.standardError.contains("\(scenario.path):2: subpopulations: expected the shares to sum to 1"),
                      run.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/bad").path))
    }
}
