import Foundation
import Model
import XCTest

@testable import Scenarios

/// `keyStatus:` (issue 16): a scenario's own status for keys, wildcards, the extends chain, and every mistake named by
/// file, line and field.
final class KeyStatusTests: XCTestCase {
    let file = "scenarios/test.yaml"

    func key(_ path: String) throws -> ScenarioKey { try XCTUnwrap(ScenarioKeys.declaration(for: path)) }

    /// Within a file the most specific entry wins; across the chain the extending file's entry wins; `declared` gives
    /// the declaration back; an unnamed key keeps its declared status.
    func testTheMostSpecificEntryOfTheLastFileDecides() throws {
        let folder = try TemporaryFolder()
        try folder.write("base.yaml", """
            keyStatus:
              population.land.*: {status: assumed, source: borrowed}
              population.land.meanPerPerson: {status: calibrated, source: fitted}
              population.*: {status: calibrated, source: all}
              economy.farming.cropValuePerMu: {status: calibrated, source: "002"}
            """)
        let child = try folder.write("child.yaml", """
            extends: base.yaml
            keyStatus:
              population.land.*: {status: sourced, source: my survey}
              economy.farming.*: {status: declared}
            """)
        let base = try ScenarioLoader.load(path: folder.path + "/base.yaml")
        XCTAssertEqual(base.status(of: try key("population.land.meanPerPerson")), .calibrated, "a key's own entry over a wildcard")
        XCTAssertEqual(base.status(of: try key("population.land.shape")), .assumed, "a longer prefix over a shorter one")
        XCTAssertEqual(base.status(of: try key("population.debt.share")), .calibrated)
        XCTAssertEqual(base.keyStatus.entry(for: "population.land.shape")?.source, "borrowed")
        XCTAssertEqual(base.keyStatus.entry(for: "population.land.shape")?.line, 2)
        XCTAssertEqual(base.status(of: try key("interventions.dibao.standard")), .assumed, "declared")
        XCTAssertEqual(try key("economy.farming.cropValuePerMu").status, .sourced)
        XCTAssertEqual(base.status(of: try key("economy.farming.cropValuePerMu")), .calibrated)

        let extended = try ScenarioLoader.load(path: child)
        XCTAssertEqual(extended.status(of: try key("population.land.meanPerPerson")), .sourced, "the extending file decides")
        XCTAssertEqual(extended.keyStatus.entry(for: "population.land.shape")?.file, child)
        XCTAssertEqual(extended.status(of: try key("population.debt.share")), .calibrated, "the base's, where the child is silent")
        XCTAssertEqual(extended.status(of: try key("economy.farming.cropValuePerMu")), .sourced, "declared again")
        XCTAssertEqual(extended.status(of: try key("economy.farming.productionCostShare")), .assumed)
        // The annotation of validate --print says both.
        let printed = ScenarioLoader.resolvedYAML(extended.parameters, annotated: true, keyStatus: extended.keyStatus)
        XCTAssertTrue(printed.contains("meanPerPerson: 1.2                  # mu/person; sourced here: my survey; declared sourced"), printed)
        XCTAssertTrue(printed.contains("cropValuePerMu: 212.0               # yuan/mu/yr; sourced\n"), printed)
        XCTAssertEqual(try ScenarioLoader.parse(yaml: printed, path: file).parameters, extended.parameters)
    }

    /// The shipped baseline: its profile calibrates three keys and borrows Dongxiang's household fields (assumed);
    /// the re-poor cohort, Dongxiang's households again, has the declared statuses back but for the two Liangshan fits.
    func testTheShippedProfilesSayWhatTheirKeysRestOn() throws {
        let baseline = try ScenarioLoader.load(path: Self.scenarios + "/baseline.yaml")
        for path in ["population.people.generalLabour", "economy.farming.cropValuePerMu", "shocks.illness.stayProbability"] {
            XCTAssertEqual(baseline.status(of: try key(path)), .calibrated, path)
        }
        for path in ["population.land.meanPerPerson", "population.people.skilledLabour", "population.migrantShare.general",
                     "population.headEducation.illiterate"] {
            XCTAssertEqual(try key(path).status, .sourced, path)
            XCTAssertEqual(baseline.status(of: try key(path)), .assumed, path)
        }
        XCTAssertEqual(baseline.status(of: try key("population.householdSize.two")), .sourced)
        let cohort = try ScenarioLoader.load(path: Self.scenarios + "/repoor-cohort.yaml")
        XCTAssertEqual(cohort.status(of: try key("population.land.meanPerPerson")), .sourced)
        XCTAssertEqual(cohort.status(of: try key("population.debt.sigma")), .assumed)
        XCTAssertEqual(cohort.status(of: try key("population.people.generalLabour")), .sourced)
        XCTAssertEqual(cohort.status(of: try key("interventions.dibao.exclusionError")), .assumed)
        XCTAssertEqual(baseline.status(of: try key("interventions.dibao.exclusionError")), .calibrated)
    }

    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios").path

    func testMistakesNameTheFileLineAndField() {
        assertError(loadError("keyStatus:\n  population.lnd.shape: {status: assumed}\n"), file: file, line: 2,
                    keyPath: "keyStatus.population.lnd.shape", contains: ["unknown key `population.lnd.shape`", "did you mean `population.land.shape`?"])
        assertError(loadError("keyStatus:\n  nothing.like.this: {status: assumed}\n"), file: file, line: 2,
                    keyPath: "keyStatus.nothing.like.this", contains: ["`repoverty keys` lists them"])
        assertError(loadError("keyStatus:\n  populaton.*: {status: assumed}\n"), file: file, line: 2,
                    keyPath: "keyStatus.populaton.*", contains: ["no key starts with `populaton.`"])
        assertError(loadError("keyStatus:\n  population.land.shape:\n    status: guessed\n"), file: file, line: 3,
                    keyPath: "keyStatus.population.land.shape.status", contains: ["expected sourced, calibrated, assumed or declared, got `guessed`"])
        assertError(loadError("keyStatus:\n  population.land.shape: {source: x}\n"), file: file, line: 2,
                    keyPath: "keyStatus.population.land.shape.status", contains: ["missing"])
        assertError(loadError("keyStatus:\n  population.land.shape:\n    status: assumed\n    sorce: x\n"), file: file, line: 4,
                    keyPath: "keyStatus.population.land.shape.sorce", contains: ["unknown field `sorce`", "did you mean `source`?"])
        assertError(loadError("keyStatus:\n  population.land.shape: assumed\n"), file: file, line: 2,
                    keyPath: "keyStatus.population.land.shape", contains: ["expected {status: sourced|calibrated|assumed"])
        assertError(loadError("keyStatus: [population.land.shape]\n"), file: file, line: 1, keyPath: "keyStatus",
                    contains: ["expected a mapping of key paths"])
        assertError(loadError("keyStatus:\n  population.land.shape: {status: [assumed]}\n"), file: file, line: 2,
                    keyPath: "keyStatus.population.land.shape.status", contains: ["expected a word or text"])
    }
}
