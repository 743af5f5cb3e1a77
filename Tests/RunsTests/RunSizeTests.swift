import Model
import Scenarios
import XCTest

@testable import Runs

/// The run options as typed values: they win over the file and `--set`, and their errors name the option typed.
final class RunSizeTests: XCTestCase {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/reference.yaml").path

    func testOptionsWinOverTheFileAndSetAndAreRecorded() throws {
        let size = RunSize(seed: 9, replicates: 2, households: 300, years: 3)
        let scenario = try Runner.load([Self.reference], overrides: ["run.years=4", "run.seed=1"], size: size)[0]
        XCTAssertEqual(scenario.parameters.run.years, 3)
        XCTAssertEqual(scenario.parameters.run.seed, 9)
        XCTAssertEqual(scenario.parameters.run.households, 300)
        XCTAssertEqual(
            scenario.overrides,
            ["run.years=4", "run.seed=1", "run.seed=9", "run.replicates=2", "run.households=300", "run.years=3"])
    }

    func testAnOutOfRangeOptionIsNamedNotSet() throws {
        XCTAssertThrowsError(try Runner.load([Self.reference], size: RunSize(years: 101))) { error in
            XCTAssertEqual("\(error)", "--years: run.years: expected a whole number between 1 and 100, got 101")
        }
        // A rule between keys that the option breaks names the option, not the file whose schedule it contradicts.
        let pandemic = URL(fileURLWithPath: Self.reference).deletingLastPathComponent().appendingPathComponent("pandemic.yaml")
        XCTAssertThrowsError(try Runner.load([pandemic.path], size: RunSize(years: 1))) { error in
            XCTAssertEqual((error as? ScenarioError)?.file, "--years", "\(error)")
            XCTAssertEqual((error as? ScenarioError)?.line, nil)
        }
        XCTAssertThrowsError(try RunSize(households: 0).check()) { error in
            XCTAssertEqual("\(error)", "--households must be at least 1, got 0")
        }
    }

    /// The file, its `--set` overrides and the options are checked together: a `--set` that needs the options' years
    /// loads, and a mistake of the file itself is still reported as the file's, not the option's.
    func testSetAndOptionsAreCheckedTogether() throws {
        let pandemic = URL(fileURLWithPath: Self.reference).deletingLastPathComponent().appendingPathComponent("pandemic.yaml")
        let eight = "shocks.wages.schedule=[1, 1, 1, 1, 1, 1, 1, 0.5]"
        let scenario = try Runner.load([pandemic.path], overrides: [eight], size: RunSize(years: 8))[0]
        XCTAssertEqual(scenario.parameters.shocks.wages.schedule.count, 8)
        XCTAssertEqual(scenario.parameters.run.years, 8)
        XCTAssertThrowsError(
            try Runner.load([pandemic.path], overrides: ["shocks.flood.probability=2"], size: RunSize(years: 8))
        ) { error in
            XCTAssertEqual((error as? ScenarioError)?.file, "--set", "\(error)")
            XCTAssertEqual((error as? ScenarioError)?.keyPath, "shocks.flood.probability", "\(error)")
        }
    }

    func testExcludedKeysAreLeftToWhatSetsThem() {
        let size = RunSize(seed: 9, replicates: 2, households: 300, years: 3).excluding(["run.seed", "run.years"])
        XCTAssertEqual(size, RunSize(replicates: 2, households: 300))
    }

    func testTheDuplicateNameOfTwoFilesIsRefused() {
        XCTAssertThrowsError(try Runner.load([Self.reference, Self.reference])) { error in
            XCTAssertEqual(error as? RunError, .duplicateName("reference"))
        }
    }
}
