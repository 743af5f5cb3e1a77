import Foundation
import Model
import XCTest

@testable import Scenarios

/// Every kind of mistake in a file is reported with its file, line and key path.
final class ErrorTests: XCTestCase {
    let file = "scenarios/test.yaml"

    func testUnknownKeySuggestsTheNearestKey() {
        let error = loadError("""
            shocks:
              flood:
                probabilty: 0.1
            """)
        assertError(error, file: file, line: 3, keyPath: "shocks.flood.probabilty",
                    contains: ["unknown key `probabilty`", "did you mean `probability`?"])
        XCTAssertEqual(error?.description,
                       "scenarios/test.yaml:3: shocks.flood.probabilty: unknown key `probabilty`; did you mean `probability`?")
    }

    func testUnknownKeyWithNothingCloseListsTheValidKeys() {
        assertError(loadError("run:\n  colour: 3\n"), file: file, line: 2, keyPath: "run.colour",
                    contains: ["unknown key `colour`", "valid keys here: years, replicates, households, seed, generator"])
    }

    func testUnknownTopLevelKeyIncludesExtendsAmongSuggestions() {
        assertError(loadError("extend: base.yaml\n"), file: file, line: 1, keyPath: "extend",
                    contains: ["did you mean `extends`?"])
        assertError(loadError("shock:\n  flood: {}\n"), file: file, line: 1, keyPath: "shock",
                    contains: ["did you mean `shocks`?"])
    }

    func testKeyUnderAValueIsRefused() {
        assertError(loadError("run:\n  years:\n    value: 3\n"), file: file, line: 2, keyPath: "run.years",
                    contains: ["expected a whole number, got a mapping"])
        assertError(loadError("run.years.value: 3\n"), file: file, line: 1, keyPath: "run.years.value",
                    contains: ["`years` is a value, not a section"])
    }

    func testMappingWhereANumberBelongs() {
        assertError(loadError("shocks:\n  flood:\n    probability:\n      high: 1\n"), file: file, line: 3,
                    keyPath: "shocks.flood.probability", contains: ["expected a number, got a mapping"])
    }

    func testNumberWhereAMappingBelongs() {
        assertError(loadError("shocks:\n  flood: 0.1\n"), file: file, line: 2, keyPath: "shocks.flood",
                    contains: ["expected a mapping of keys (probability, householdHitProbability", "got 0.1"])
    }

    func testTextWhereANumberBelongs() {
        assertError(loadError("economy:\n  povertyLine: abc\n"), file: file, line: 2, keyPath: "economy.povertyLine",
                    contains: ["expected a number, got 'abc'"])
        assertError(loadError("economy:\n  povertyLine: \"4000\"\n"), file: file, line: 2, keyPath: "economy.povertyLine",
                    contains: ["expected a number", "remove the quotes"])
        assertError(loadError("economy:\n  povertyLine:\n"), file: file, line: 2, keyPath: "economy.povertyLine",
                    contains: ["expected a number, got nothing"])
        assertError(loadError("economy:\n  povertyLine: .inf\n"), file: file, line: 2, keyPath: "economy.povertyLine",
                    contains: ["expected a finite number, got .inf"])
    }

    func testWholeNumberFieldsRefuseFractions() {
        assertError(loadError("run:\n  households: 2.5\n"), file: file, line: 2, keyPath: "run.households",
                    contains: ["expected a whole number, got 2.5"])
        assertError(loadError("population:\n  livestock:\n    sheepHerdMax: 1.5\n"), file: file, line: 3,
                    keyPath: "population.livestock.sheepHerdMax", contains: ["expected a whole number, got 1.5"])
        assertError(loadError("run:\n  seed: -1\n"), file: file, line: 2, keyPath: "run.seed",
                    contains: ["expected a whole number from 0 to 18446744073709551615, got -1"])
        assertError(loadError("run:\n  years: 99999999999999999999\n"), file: file, line: 2, keyPath: "run.years",
                    contains: ["too large"])
    }

    func testUnknownGeneratorSuggestsOne() {
        assertError(loadError("run:\n  generator: mt1993\n"), file: file, line: 2, keyPath: "run.generator",
                    contains: ["expected one of taus2, taus113, mt19937, got 'mt1993'", "did you mean `mt19937`?"])
    }

    func testBadListEntryNamesItsLine() {
        assertError(loadError("shocks:\n  wages:\n    schedule:\n      - 1\n      - x\n"), file: file, line: 5,
                    keyPath: "shocks.wages.schedule", contains: ["entry 2: expected a number, got 'x'"])
        assertError(loadError("shocks:\n  wages:\n    schedule: 0.7\n"), file: file, line: 3,
                    keyPath: "shocks.wages.schedule", contains: ["expected a list of numbers", "got 0.7"])
    }

    func testProbabilityAboveOne() {
        let error = loadError("""
            # floods
            shocks:
              flood:
                probability: 1.5
            """)
        assertError(error, file: file, line: 4, keyPath: "shocks.flood.probability",
                    contains: ["expected a probability between 0 and 1, got 1.5"])
        XCTAssertEqual(error?.description,
                       "scenarios/test.yaml:4: shocks.flood.probability: expected a probability between 0 and 1, got 1.5")
    }

    func testNegativeMoneyAndNonPositiveShapes() {
        assertError(loadError("interventions:\n  dibao:\n    standard: -1\n"), file: file, line: 3,
                    keyPath: "interventions.dibao.standard", contains: ["expected a non-negative number, got -1"])
        assertError(loadError("shocks:\n  flood:\n    lossAlpha: 0\n"), file: file, line: 3,
                    keyPath: "shocks.flood.lossAlpha", contains: ["expected a number greater than 0, got 0"])
        assertError(loadError("population:\n  motivation:\n    meanJunior: 1\n"), file: file, line: 3,
                    keyPath: "population.motivation.meanJunior", contains: ["strictly between 0 and 1"])
        assertError(loadError("economy:\n  migrantWork:\n    generalMonths: 13\n"), file: file, line: 3,
                    keyPath: "economy.migrantWork.generalMonths", contains: ["months between 0 and 12, got 13"])
        assertError(loadError("shocks:\n  wages:\n    schedule:\n      - 1\n      - -0.5\n"), file: file, line: 5,
                    keyPath: "shocks.wages.schedule", contains: ["entry 2: expected a non-negative multiplier, got -0.5"])
    }

    func testSharesThatDoNotSumToOne() {
        let error = loadError("""
            population:
              householdSize:
                two: 0.2
                three: 0.2
            """)
        assertError(error, file: file, line: 4, keyPath: "population.householdSize",
                    contains: ["expected two + three + four + fiveOrMore to sum to 1 (within 0.001), got 1.1031"])
        assertError(loadError("shocks:\n  illness:\n    levelShares: {township: 0.5}\n"), file: file, line: 3,
                    keyPath: "shocks.illness.levelShares", contains: ["to sum to 1"])
        assertError(loadError("population:\n  people:\n    students: 0.5\n"), file: file, line: 3,
                    keyPath: "population.people", contains: ["to sum to at most 1 (the rest is weak labour and elderly)"])
        assertError(loadError("population:\n  livestock:\n    poultryShare: 0.75\n"), file: file, line: 3,
                    keyPath: "population.livestock", contains: ["cattleShare + sheepShare + poultryShare", "at most 1"])
    }

    func testSharesWithinTheToleranceAreAccepted() throws {
        let scenario = try ScenarioLoader.parse(yaml: """
            population:
              householdSize: {two: 0.25, three: 0.25, four: 0.25, fiveOrMore: 0.2505}
            """, path: file)
        XCTAssertEqual(scenario.parameters.population.householdSize.fiveOrMore, 0.2505)
    }

    func testBoundsMustBeOrdered() {
        assertError(loadError("population:\n  villages:\n    minHouseholds: 900\n"), file: file, line: 3,
                    keyPath: "population.villages.minHouseholds", contains: ["expected at most maxHouseholds = 800, got 900"])
        assertError(loadError("population:\n  livestock:\n    cattleHerdMax: 1\n"), file: file, line: 3,
                    keyPath: "population.livestock.cattleHerdMax", contains: ["expected at least cattleHerdMin = 2, got 1"])
        assertError(loadError("population:\n  villages:\n    perCounty: 0\n"), file: file, line: 3,
                    keyPath: "population.villages.perCounty", contains: ["between 1 and"])
    }

    /// Finite but huge values would overflow products of money to infinity in the yearly step (found by fuzzing).
    func testAmountsSigmasAndHerdsHaveUpperBounds() {
        assertError(loadError("economy:\n  localWages:\n    general: 1e308\n"), file: file, line: 3,
                    keyPath: "economy.localWages.general", contains: ["expected at most 1000000000 (larger amounts overflow), got 1e+308"])
        assertError(loadError("shocks:\n  flood:\n    lossAlpha: 2e9\n"), file: file, line: 3,
                    keyPath: "shocks.flood.lossAlpha", contains: ["expected at most 1000000000"])
        assertError(loadError("shocks:\n  prices:\n    sigma: 5.5\n"), file: file, line: 3,
                    keyPath: "shocks.prices.sigma", contains: ["expected a log-normal sigma between 0 and 5, got 5.5"])
        assertError(loadError("population:\n  livestock:\n    sheepHerdMax: 256\n"), file: file, line: 3,
                    keyPath: "population.livestock.sheepHerdMax", contains: ["expected a whole number between 0 and 255, got 256"])
        assertError(loadError("shocks:\n  wages:\n    schedule: [1, 1e12]\n"), file: file, line: 3,
                    keyPath: "shocks.wages.schedule", contains: ["entry 2: expected at most 1000000000, got 1000000000000"])
        XCTAssertNoThrow(try ScenarioLoader.parse(
            yaml: "economy:\n  localWages:\n    general: 1e9\nshocks:\n  prices:\n    sigma: 5\n", path: file))
    }

    func testRunSizes() {
        assertError(loadError("run:\n  households: 0\n"), file: file, line: 2, keyPath: "run.households",
                    contains: ["expected a whole number between 1 and 100000000, got 0"])
        assertError(loadError("run:\n  years: 101\n"), file: file, line: 2, keyPath: "run.years",
                    contains: ["between 1 and 100, got 101"])
        assertError(loadError("run:\n  replicates: 0\n"), file: file, line: 2, keyPath: "run.replicates",
                    contains: ["between 1 and 100000, got 0"])
    }

    func testHorizonRules() {
        assertError(loadError("shocks:\n  avianFlu:\n    forcedYear: 6\n"), file: file, line: 3,
                    keyPath: "shocks.avianFlu.forcedYear", contains: ["between 0 and run.years = 5, got 6"])
        assertError(loadError("shocks:\n  flood:\n    forcedYear: 4\nrun:\n  years: 3\n"), file: file, line: 5,
                    keyPath: "run.years", contains: ["expected at least 4, because shocks.flood.forcedYear is 4, got 3"])
        assertError(loadError("shocks:\n  wages:\n    schedule: [1, 1, 1, 1, 1, 1]\n"), file: file, line: 3,
                    keyPath: "shocks.wages.schedule", contains: ["at most run.years = 5 entries", "got 6"])
    }

    func testOnlyTheImplementedProfiles() {
        assertError(loadError("population:\n  profile: guizhou-2019\n"), file: file, line: 2, keyPath: "population.profile",
                    contains: ["dongxiang-2017", "liangshan-2020", "got 'guizhou-2019'"])
    }

    func testSyntaxErrorNamesTheLine() {
        let error = loadError("""
            shocks:
              flood:
                probability: 0.1
               lossAlpha: 2
            """)
        XCTAssertEqual(error?.file, file)
        XCTAssertEqual(error?.line, 4)
        XCTAssertNil(error?.keyPath)
        XCTAssertTrue(error?.message.hasPrefix("YAML syntax error") ?? false, error?.message ?? "")
        let unclosed = loadError("run: [1, 2\n")
        XCTAssertEqual(unclosed?.file, file)
        XCTAssertNotNil(unclosed?.line)
        XCTAssertTrue(unclosed?.message.hasPrefix("YAML syntax error") ?? false)
    }

    /// The line given is the repeat's, which is what a reader must remove.
    func testDuplicateKeyNamesTheLineOfTheRepeat() {
        assertError(loadError("run:\n  years: 3\n  seed: 2\n  years: 4\n"), file: file, line: 4, keyPath: nil,
                    contains: ["duplicate key `years`"])
        assertError(loadError("run:\n  years: 3\nshocks:\n  flood: {}\nrun:\n  seed: 1\n"), file: file, line: 5,
                    keyPath: nil, contains: ["duplicate key `run`"])
    }

    func testTopLevelMustBeAMapping() {
        assertError(loadError("- population\n- run\n"), file: file, line: 1, keyPath: nil,
                    contains: ["expected a mapping of sections (population, economy, demography, shocks, interventions, vulnerability, run)",
                               "at the top level, got a list"])
        // Not a scenario at all: its contents are never echoed (a `.env` or /etc/passwd named by `extends`).
        let text = loadError("API_TOKEN=sk-live-0123456789\n")
        assertError(text, file: file, line: 1, keyPath: nil, contains: ["not a scenario file", "got plain text"])
        XCTAssertFalse(text?.message.contains("sk-live") ?? true, text?.message ?? "")
    }

    func testDescriptionMustBeText() {
        assertError(loadError("description:\n  a: b\n"), file: file, line: 1, keyPath: "description",
                    contains: ["expected a line of text, got a mapping"])
    }

    func testNonScalarKey() {
        assertError(loadError("? [a, b]\n: 1\n"), file: file, line: 1, keyPath: nil,
                    contains: ["expected a key name, got a list"])
    }

    func testDescriptionFormats() {
        XCTAssertEqual(ScenarioError(file: "a.yaml", line: 3, keyPath: "run.years", message: "m").description,
                       "a.yaml:3: run.years: m")
        XCTAssertEqual(ScenarioError(file: "--set", keyPath: "run.years", message: "m").description, "--set: run.years: m")
        XCTAssertEqual(ScenarioError(file: "a.yaml", line: 3, message: "m").description, "a.yaml:3: m")
    }
}

/// Odd inputs end in an error or a scenario, never a crash.
final class RobustnessTests: XCTestCase {
    func testOddInputsNeverCrash() {
        let inputs = [
            "\t", ":", "- - -", "{", "}", "[", "&a", "*a", "run: *undefined", "!!binary aGVsbG8=", "run: !!str 3",
            "run:\n  years: !!float 3", "run: {years: [3]}", "? ", "%YAML 1.1\n---\nrun: {}", "a: 1\n---\nb: 2",
            "run:\n  seed: 0x10", "run:\n  seed: 1e3", "run:\n  years: 0o7", "run:\n  years: 1:30", "shocks: []",
            "shocks:\n  wages:\n    schedule: [[1]]", "shocks:\n  wages:\n    schedule: [~]", "population: {profile: ~}",
            "\u{FEFF}run: {years: 3}", "run: {years: 3}\u{0}", "<<: {run: {years: 2}}", "<<: [1]", "<<: 3",
            "description: 5", "description:", "extends:", "extends: ''", "run:\n  generator: [mt19937]",
            "economy:\n  povertyLine: 1e400", "economy:\n  povertyLine: -.inf", "economy:\n  povertyLine: .nan",
            "run:\n  households: 1e9", "run:\n  households: -5", "run:\n  seed: 1.5", "run:\n  generator: 3",
            "population:\n  profile: 2017", "population:\n  profile: [a]", "run: 2020-01-01", "run:\n  years: true",
            String(repeating: "[", count: 5_000), String(repeating: "- ", count: 500) + "1",
        ]
        for input in inputs {
            do {
                _ = try ScenarioLoader.parse(yaml: input, path: "odd.yaml", overrides: [])
            } catch {
                XCTAssertFalse(error.message.isEmpty, "empty message for \(input.debugDescription)")
                XCTAssertTrue(error.file == "odd.yaml", "\(error) for \(input.debugDescription)")
            }
        }
    }

    func testOddOverridesNeverCrash() {
        let overrides = ["", "=", "==", "a=b=c", ".=1", "run.=1", ".run=1", "run=3", "run={years: x}", "run.years=\t",
                         "run.years=[", "shocks.wages.schedule=", "run.seed=18446744073709551616", "run.years=1\n---\n2"]
        for override in overrides {
            do {
                _ = try ScenarioLoader.parse(yaml: "", path: "odd.yaml", overrides: [override])
            } catch {
                XCTAssertEqual(error.file, "--set", "\(error) for \(override.debugDescription)")
                XCTAssertNil(error.line)
            }
        }
    }
}
