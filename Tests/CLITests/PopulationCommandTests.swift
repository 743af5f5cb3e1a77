import Engine
import Foundation
import Model
import Scenarios
import XCTest

/// Issue 6: the synthetic population against its profile's published figures (MODEL.md §3).
final class PopulationCommandTests: XCTestCase {
    /// At 100,000 households every fitted share is within one percentage point of its target (the criterion)
    /// and every fitted mean within 5 standard errors (the statistical test the guide asks for), for both profiles.
    func testEveryFittedFigureOfBothProfilesHoldsAt100000Households() throws {
        for file in ["scenarios/profiles/dongxiang-2017.yaml", "scenarios/liangshan-2020.yaml"] {
            let scenario = try ScenarioLoader.load(path: Executable.packageRoot.appendingPathComponent(file).path)
            let targets = try ProfileTargets.load(for: scenario).targets
            let census = try Simulation.populationCensus(scenario.parameters, households: 100_000, seed: 20_260_101)
            XCTAssertEqual(census.households, 100_000)
            let rows = try PopulationComparison.rows(
                targets: targets, census: census, parameters: scenario.parameters.population)
            XCTAssertEqual(rows.count, targets.count)
            XCTAssertGreaterThanOrEqual(rows.filter(\.fitted).count, 8, file)
            for row in rows where row.fitted {
                let label = "\(file): \(row.attribute) / \(row.category)"
                if row.isShare {
                    XCTAssertEqual(row.simulated, row.target, accuracy: 0.01, label)
                } else if !row.category.hasSuffix("sd") {
                    // Means: 5 standard errors over the households counted (a spread's error is not normal: not tested).
                    XCTAssertEqual(row.simulated, row.target, accuracy: 5 * row.standardError, label)
                }
            }
        }
    }

    /// A scenario without a profile file in its chain takes the targets of `profiles/<population.profile>.yaml`.
    func testTheReferenceScenarioFindsTheDongxiangTargets() throws {
        let scenario = try ScenarioLoader.load(path: Executable.packageRoot.appendingPathComponent("scenarios/reference.yaml").path)
        let found = try ProfileTargets.load(for: scenario)
        XCTAssertTrue(found.file.hasSuffix("profiles/dongxiang-2017.yaml"), found.file)
        XCTAssertEqual(found.targets.first?.attribute, "household size")
    }

    func testWritesPopulationCSVDeterministicallyAndPrintsATable() throws {
        let first = try Executable.temporaryDirectory(self)
        let second = try Executable.temporaryDirectory(self)
        for output in [first, second] {
            let result = try Executable.run([
                "population", "scenarios/liangshan-2020.yaml", "--households", "5000", "--seed", "7", "--output", output.path,
            ])
            XCTAssertEqual(result.status, 0, result.standardError)
            XCTAssertTrue(result.standardOutput.contains("disabled members"), result.standardOutput)
        }
        let text = try String(contentsOf: first.appendingPathComponent("population.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.first, "attribute,category,target,simulated")
        XCTAssertEqual(lines.count, 11)
        XCTAssertEqual(try Data(contentsOf: second.appendingPathComponent("population.csv")), Data(text.utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: first.path).sorted(), ["population.csv", "population.json"])
    }

    func testAnUnknownTargetIsBadInputNamingFileLineAndKeyAndWritesNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let profile = folder.appendingPathComponent("profile.yaml")
        try """
            population:
              profile: dongxiang-2017
            targets:
              - {attribute: household size, category: mean, target: 4.47, source: 000}
              - {attribute: household size, category: median, target: 4, source: 000}
            """.write(to: profile, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let result = try Executable.run(["population", profile.path, "--households", "100", "--output", output.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.standardError.contains("profile.yaml:5"), result.standardError)
        XCTAssertTrue(result.standardError.contains("targets[1]"), result.standardError)
        XCTAssertTrue(result.standardError.contains("median"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testAnUnknownProfileNameIsBadInput() throws {
        let output = try Executable.temporaryDirectory(self)
        let result = try Executable.run([
            "population", "scenarios/reference.yaml", "--households", "100", "--output", output.path,
        ] + [])
        XCTAssertEqual(result.status, 0, result.standardError)
        let folder = try Executable.temporaryDirectory(self)
        let scenario = folder.appendingPathComponent("s.yaml")
        try "population:\n  profile: guizhou-2019\n".write(to: scenario, atomically: true, encoding: .utf8)
        let bad = try Executable.run(["population", scenario.path, "--households", "100", "--output", output.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.standardError.contains("population.profile"), bad.standardError)
    }
}
