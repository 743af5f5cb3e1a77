import Foundation
import Model
import XCTest

@testable import Scenarios

/// Intervention keys given per year (issue 15, item 6): a list instead of a number, checked entry by entry with its
/// line, rendered back as a list, and refused where a number is not an intervention's.
final class PerYearTests: XCTestCase {
    let file = "scenarios/test.yaml"

    func testAListGivesTheValuesByYearAndTheKeyHoldsYearZero() throws {
        let scenario = try ScenarioLoader.parse(yaml: """
            interventions:
              dibao:
                standard: [5500, 6000, 6500]
              training.coverage:
                - 0
                - 0
                - 0.3
            """, path: file)
        let parameters = scenario.parameters
        XCTAssertEqual(parameters.interventions.dibao.standard, 5_500)
        XCTAssertEqual(parameters.interventions.training.coverage, 0)
        XCTAssertEqual(parameters.perYear, [
            PerYearValues(key: "interventions.dibao.standard", values: [5_500, 6_000, 6_500]),
            PerYearValues(key: "interventions.training.coverage", values: [0, 0, 0.3]),
        ])
        // validate --print and provenance write the lists back, and the text loads to the same parameters.
        let yaml = ScenarioLoader.resolvedYAML(parameters, annotated: true)
        XCTAssertTrue(yaml.contains("standard: [5500.0, 6000.0, 6500.0]"), yaml)
        XCTAssertEqual(try ScenarioLoader.parse(yaml: yaml, path: file).parameters, parameters)
        // So does run.json's JSON, which lists them under `perYear`.
        let json = ScenarioLoader.resolvedJSON(parameters)
        XCTAssertEqual(try JSONDecoder().decode(ScenarioParameters.self, from: Data(json.utf8)), parameters)
    }

    /// A scenario without lists is exactly what it was: no `perYear` in its parameters or its JSON; a one-entry list
    /// is the number itself.
    func testWithoutListsNothingChanges() throws {
        let plain = try ScenarioLoader.parse(yaml: "interventions.dibao.standard: 6000\n", path: file).parameters
        XCTAssertNil(plain.perYear)
        XCTAssertFalse(ScenarioLoader.resolvedJSON(plain).contains("perYear"))
        XCTAssertEqual(try ScenarioLoader.parse(yaml: "interventions.dibao.standard: [6000]\n", path: file).parameters, plain)
    }

    func testAnOverrideMayGiveAListAndANumberReplacesOne() throws {
        let listed = try ScenarioLoader.parse(
            yaml: "", path: file, overrides: ["interventions.dibao.standard=[5500, 7000]"]).parameters
        XCTAssertEqual(listed.perYear?.first?.values, [5_500, 7_000])
        let replaced = try ScenarioLoader.parse(
            yaml: "interventions.dibao.standard: [5500, 7000]\n", path: file,
            overrides: ["interventions.dibao.standard=6000"]).parameters
        XCTAssertNil(replaced.perYear)
        XCTAssertEqual(replaced.interventions.dibao.standard, 6_000)
    }

    func testBadListsAreRefusedWithFileLineAndKey() {
        assertError(loadError("interventions:\n  dibao:\n    standard: []\n"), file: file, line: 3,
                    keyPath: "interventions.dibao.standard", contains: ["empty list", "by year"])
        assertError(loadError("interventions:\n  dibao:\n    standard:\n      - 5500\n      - lots\n"), file: file, line: 5,
                    keyPath: "interventions.dibao.standard", contains: ["year 1", "expected a number", "'lots'"])
        assertError(loadError("interventions:\n  dibao:\n    retention:\n      - 0.9\n      - 1.5\n"), file: file, line: 5,
                    keyPath: "interventions.dibao.retention", contains: ["year 1", "probability", "1.5"])
        assertError(loadError("shocks:\n  flood:\n    probability: [0.1, 0.2]\n"), file: file, line: 3,
                    keyPath: "shocks.flood.probability", contains: ["got a list", "interventions.*"])
        assertError(loadError("interventions.dibao.standard: [[1, 2]]\n"), file: file, line: 1,
                    keyPath: "interventions.dibao.standard", contains: ["year 0", "expected a number"])
        assertError(loadError("", overrides: ["interventions.dibao.standard=[5500, -1]"]), file: ScenarioError.overrideFile,
                    line: nil, keyPath: "interventions.dibao.standard", contains: ["year 1", "non-negative"])
    }

    /// Parameters built in code are checked the same way (a sweep point, a record read back).
    func testParametersBuiltInCodeAreCheckedYearByYear() {
        var parameters = ScenarioParameters()
        parameters.perYear = [PerYearValues(key: "interventions.dibao.retention", values: [0.9, 2])]
        XCTAssertThrowsError(try ScenarioLoader.validate(parameters, label: "probe")) { error in
            XCTAssertTrue("\(error)".contains("year 1"), "\(error)")
        }
    }

    /// A list longer than the horizon is fine: the years beyond it are never run (`--years 2` on a ten-year plan).
    func testAListLongerThanTheHorizonIsAccepted() throws {
        let scenario = try ScenarioLoader.parse(
            yaml: "run.years: 1\ninterventions.dibao.standard: [5500, 6000, 6500, 7000]\n", path: file)
        XCTAssertEqual(scenario.parameters.perYear?.first?.values.count, 4)
    }
}
