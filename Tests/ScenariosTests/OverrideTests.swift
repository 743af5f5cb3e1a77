import Model
import XCTest

@testable import Scenarios

/// `--set key.path=value`.
final class OverrideTests: XCTestCase {
    func testNumberListAndName() throws {
        let scenario = try ScenarioLoader.parse(yaml: "shocks:\n  flood:\n    probability: 0.1\n", path: "x.yaml", overrides: [
            "shocks.flood.probability=0.2",
            "shocks.wages.schedule=[1,0.7]",
            "run.generator=mt19937",
            " run.households = 300 ",
            "interventions.dibao={standard: 6000, retention: 0.8}",
        ])
        var expected = ScenarioParameters()
        expected.shocks.flood.probability = 0.2
        expected.shocks.wages.schedule = [1, 0.7]
        expected.run.generator = .mt19937
        expected.run.households = 300
        expected.interventions.dibao.standard = 6000
        expected.interventions.dibao.retention = 0.8
        XCTAssertEqual(scenario.parameters, expected)
    }

    func testLaterOverridesWin() throws {
        let scenario = try ScenarioLoader.parse(yaml: "", path: "x.yaml", overrides: ["run.years=3", "run.years=7"])
        XCTAssertEqual(scenario.parameters.run.years, 7)
    }

    func testMalformedOverrides() {
        assertError(loadError("", overrides: ["run.years"]), file: "--set", line: nil, keyPath: "run.years",
                    contains: ["expected key.path=value, got 'run.years'"])
        assertError(loadError("", overrides: ["=3"]), file: "--set", line: nil, keyPath: nil,
                    contains: ["missing the key before '='"])
        assertError(loadError("", overrides: ["run.years="]), file: "--set", line: nil, keyPath: "run.years",
                    contains: ["missing the value after '='"])
        assertError(loadError("", overrides: ["run..years=3"]), file: "--set", line: nil, keyPath: "run",
                    contains: ["empty part"])
        assertError(loadError("", overrides: ["extends=base.yaml"]), file: "--set", line: nil, keyPath: "extends",
                    contains: ["belongs in a scenario file"])
    }

    func testUnknownOverrideKeySuggests() {
        assertError(loadError("", overrides: ["shocks.flod.probability=0.1"]), file: "--set", line: nil,
                    keyPath: "shocks.flod", contains: ["unknown key `flod`; did you mean `flood`?"])
    }

    func testBadOverrideValues() {
        assertError(loadError("", overrides: ["run.households=2.5"]), file: "--set", line: nil, keyPath: "run.households",
                    contains: ["expected a whole number, got 2.5"])
        assertError(loadError("", overrides: ["run.generator=ranlux"]), file: "--set", line: nil, keyPath: "run.generator",
                    contains: ["expected one of taus2, taus113, mt19937, got 'ranlux'"])
        assertError(loadError("", overrides: ["shocks.wages.schedule=[1, x]"]), file: "--set", line: nil,
                    keyPath: "shocks.wages.schedule", contains: ["entry 2: expected a number, got 'x'"])
        assertError(loadError("", overrides: ["shocks.wages.schedule=[1,"]), file: "--set", line: nil,
                    keyPath: "shocks.wages.schedule", contains: ["cannot read the value '[1,'"])
    }

    func testOverrideRangeErrorsNameSet() {
        assertError(loadError("", overrides: ["shocks.flood.probability=1.5"]), file: "--set", line: nil,
                    keyPath: "shocks.flood.probability", contains: ["expected a probability between 0 and 1, got 1.5"])
        assertError(loadError("run:\n  households: 10\n", overrides: ["run.households=0"]), file: "--set", line: nil,
                    keyPath: "run.households", contains: ["got 0"])
        XCTAssertEqual(loadError("", overrides: ["shocks.flood.probability=1.5"])?.description,
                       "--set: shocks.flood.probability: expected a probability between 0 and 1, got 1.5")
    }
}

extension OverrideTests {
    func testQuotedValues() throws {
        let scenario = try ScenarioLoader.parse(yaml: "", path: "x.yaml", overrides: ["run.generator='taus113'"])
        XCTAssertEqual(scenario.parameters.run.generator, .taus113)
        assertError(loadError("", overrides: ["run.generator='3'"]), file: "--set", line: nil, keyPath: "run.generator",
                    contains: ["expected one of taus2, taus113, mt19937, got '3'"])
        assertError(loadError("", overrides: ["run.years='3'"]), file: "--set", line: nil, keyPath: "run.years",
                    contains: ["remove the quotes"])
    }

    func testEmptySectionsAreAllowed() throws {
        let scenario = try ScenarioLoader.parse(yaml: "shocks:\n  # flood:\n  #   probability: 0.1\nrun:\n", path: "x.yaml")
        XCTAssertEqual(scenario.parameters, ScenarioParameters())
        assertError(loadError("shocks: ''\n"), file: "scenarios/test.yaml", line: 1, keyPath: "shocks",
                    contains: ["expected a mapping of keys"])
    }
}
