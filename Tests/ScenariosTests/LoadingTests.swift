import Foundation
import Model
import XCTest

@testable import Scenarios

/// Files, merging and `extends`.
final class LoadingTests: XCTestCase {
    func testEmptyFileIsTheReferenceModel() throws {
        for text in ["", "# only a comment\n", "---\n", "~\n"] {
            let scenario = try ScenarioLoader.parse(yaml: text, path: "scenarios/reference.yaml")
            XCTAssertEqual(scenario.parameters, ScenarioParameters(), "for \(text.debugDescription)")
            XCTAssertEqual(scenario.name, "reference")
            XCTAssertEqual(scenario.description, "")
        }
    }

    func testTwoKeysChangeExactlyThoseKeys() throws {
        let scenario = try ScenarioLoader.parse(yaml: """
            description: Floods twice as often
            shocks:
              flood:
                probability: 0.1
            run:
              households: 2000
            """, path: "scenarios/floods.yml")
        var expected = ScenarioParameters()
        expected.shocks.flood.probability = 0.1
        expected.run.households = 2000
        XCTAssertEqual(scenario.parameters, expected)
        XCTAssertEqual(scenario.name, "floods")
        XCTAssertEqual(scenario.description, "Floods twice as often")
        XCTAssertEqual(scenario.sourcePath, "scenarios/floods.yml")
    }

    func testEveryKindOfValue() throws {
        let scenario = try ScenarioLoader.parse(yaml: """
            population:
              profile: dongxiang-2017
              livestock: {cattleHerdMin: 1, cattleHerdMax: 3.0}
            shocks:
              wages:
                schedule:
                  - 1
                  - 0.7
              illness.levelShares.county: 0.45
            run:
              seed: 18446744073709551615
              generator: mt19937
              households: 1_000
            """, path: "kinds.yaml")
        let parameters = scenario.parameters
        XCTAssertEqual(parameters.population.livestock.cattleHerdMin, 1)
        XCTAssertEqual(parameters.population.livestock.cattleHerdMax, 3)
        XCTAssertEqual(parameters.shocks.wages.schedule, [1, 0.7])
        XCTAssertEqual(parameters.run.seed, UInt64.max)
        XCTAssertEqual(parameters.run.generator, .mt19937)
        XCTAssertEqual(parameters.run.households, 1_000)
    }

    func testLoadReadsAFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("training.yaml", "interventions:\n  training:\n    coverage: 0.2\n")
        let scenario = try ScenarioLoader.load(path: path)
        XCTAssertEqual(scenario.parameters.interventions.training.coverage, 0.2)
        XCTAssertEqual(scenario.files, [path])
        XCTAssertEqual(scenario.name, "training")
    }

    func testMissingFileIsNamed() {
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/nowhere.yaml")
            XCTFail("loaded a missing file")
        } catch {
            assertError(error, file: "/nonexistent/nowhere.yaml", line: nil, keyPath: nil,
                        contains: ["cannot read the scenario file", "no such file"])
        }
    }

    func testExtendsChainOfThreeFilesMergesDeeply() throws {
        let folder = try TemporaryFolder()
        try folder.write("base.yaml", """
            description: the base
            shocks:
              flood:
                probability: 0.1
                householdHitProbability: 0.4
              wages:
                schedule: [1, 0.7, 0.8]
            run:
              years: 6
            """)
        try folder.write("variants/middle.yaml", """
            extends: ../base.yaml
            shocks:
              flood:
                householdHitProbability: 0.5
              wages:
                schedule: [0.9]
            interventions:
              dibao:
                standard: 6000
            """)
        let top = try folder.write("variants/top.yaml", """
            extends: middle.yaml
            shocks:
              flood:
                lossAlpha: 3
            run:
              households: 500
            """)
        let scenario = try ScenarioLoader.load(path: top, overrides: ["run.replicates=3"])

        var expected = ScenarioParameters()
        expected.shocks.flood.probability = 0.1            // from the base, untouched below
        expected.shocks.flood.householdHitProbability = 0.5  // the middle overrides the base
        expected.shocks.flood.lossAlpha = 3                // the top adds a sibling: mappings merge deeply
        expected.shocks.wages.schedule = [0.9]             // lists replace, never merge
        expected.interventions.dibao.standard = 6000
        expected.run.years = 6
        expected.run.households = 500
        expected.run.replicates = 3
        XCTAssertEqual(scenario.parameters, expected)
        XCTAssertEqual(scenario.description, "", "a description is not inherited")
        XCTAssertEqual(scenario.files, [folder.path + "/variants/../base.yaml", folder.path + "/variants/middle.yaml", top])
        XCTAssertEqual(scenario.overrides, ["run.replicates=3"])
        XCTAssertEqual(scenario.name, "top")
    }

    func testErrorsInABaseNameTheBase() throws {
        let folder = try TemporaryFolder()
        let base = try folder.write("base.yaml", "shocks:\n  flood:\n    probabilty: 0.1\n")
        let top = try folder.write("top.yaml", "extends: base.yaml\n")
        do {
            _ = try ScenarioLoader.load(path: top)
            XCTFail("loaded")
        } catch {
            assertError(error, file: base, line: 3, keyPath: "shocks.flood.probabilty", contains: ["did you mean `probability`?"])
        }
    }

    func testRangeErrorsNameTheFileThatSetTheValue() throws {
        let folder = try TemporaryFolder()
        try folder.write("base.yaml", "run:\n  years: 3\n")
        let top = try folder.write("top.yaml", "extends: base.yaml\nshocks:\n  flood:\n    forcedYear: 4\n")
        do {
            _ = try ScenarioLoader.load(path: top)
            XCTFail("loaded")
        } catch {
            assertError(error, file: top, line: 4, keyPath: "shocks.flood.forcedYear",
                        contains: ["expected a year between 0 and run.years = 3, got 4"])
        }
    }

    func testExtendsCycleIsNamed() throws {
        let folder = try TemporaryFolder()
        let a = try folder.write("a.yaml", "extends: b.yaml\n")
        let b = try folder.write("b.yaml", "run:\n  years: 3\nextends: a.yaml\n")
        do {
            _ = try ScenarioLoader.load(path: a)
            XCTFail("loaded a cycle")
        } catch {
            assertError(error, file: b, line: 3, keyPath: "extends", contains: ["extends cycle: \(a) -> \(b) -> \(a)"])
        }
        do {
            _ = try ScenarioLoader.parse(yaml: "extends: self.yaml\n", path: folder.path + "/self.yaml")
            XCTFail("loaded a self-cycle")
        } catch {
            assertError(error, file: folder.path + "/self.yaml", line: 1, keyPath: "extends", contains: ["extends cycle"])
        }
    }

    func testExtendsMissingFileNamesTheFileAndLine() throws {
        let folder = try TemporaryFolder()
        let top = try folder.write("top.yaml", "description: x\nextends: missing.yaml\n")
        do {
            _ = try ScenarioLoader.load(path: top)
            XCTFail("loaded")
        } catch {
            assertError(error, file: top, line: 2, keyPath: "extends",
                        contains: ["cannot read `\(folder.path)/missing.yaml`", "no such file"])
        }
    }

    func testExtendsMustBeAPath() {
        assertError(loadError("extends: [a.yaml]\n"), file: "scenarios/test.yaml", line: 1, keyPath: "extends",
                    contains: ["expected the path of another scenario file, got a list"])
    }

    func testYAMLMergeKeysAndAnchors() throws {
        let scenario = try ScenarioLoader.parse(yaml: """
            shocks:
              flood: &loss
                lossAlpha: 4
                lossBeta: 5
              avianFlu:
                <<: *loss
                lossBeta: 6
            """, path: "anchors.yaml")
        XCTAssertEqual(scenario.parameters.shocks.flood.lossAlpha, 4)
        XCTAssertEqual(scenario.parameters.shocks.avianFlu.lossAlpha, 4)
        XCTAssertEqual(scenario.parameters.shocks.avianFlu.lossBeta, 6, "explicit keys beat merged ones")
    }
}
