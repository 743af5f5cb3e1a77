import Foundation
import Model
import XCTest

@testable import Scenarios

/// Mixtures of sub-populations (MODEL.md §7): how each sub-population's parameters are resolved, and every mistake in a
/// `subpopulations:` list reported with its file, line and field.
final class SubpopulationTests: XCTestCase {
    /// A folder with two profile files (each with `targets:`, so a profile) and a scenario extending the first.
    private func county(_ mixture: String, overrides: [String] = []) throws -> (TemporaryFolder, Result<Scenario, ScenarioError>) {
        let folder = try TemporaryFolder()
        try folder.write("profiles/a.yaml", """
            population:
              dibaoShare: 0.2
              debt: {share: 0.4}
            shocks:
              illness: {stayProbability: 0.05}
            targets: []
            """)
        try folder.write("profiles/b.yaml", """
            population:
              dibaoShare: 0.7
            targets: []
            """)
        try folder.write("base.yaml", """
            extends: profiles/a.yaml
            interventions:
              dibao: {retention: 0.8}
            run: {households: 1000}
            """)
        let path = try folder.write("mixture.yaml", "extends: base.yaml\n" + mixture)
        return (folder, Result { () throws(ScenarioError) in try ScenarioLoader.load(path: path, overrides: overrides) })
    }

    private let twoProfiles = """
        subpopulations:
          - name: first
            share: 0.75
            profile: profiles/b.yaml
          - name: second
            share: 0.25
            profile: profiles/b.yaml
            set: {population.dibaoShare: 0.9, interventions.dibao.retention: 0.6}
        """

    func testAProfileTheScenarioExtendsIsReplacedNotStacked() throws {
        let (folder, loaded) = try county(twoProfiles)
        let scenario = try loaded.get()
        // The scenario itself keeps its own parameters: profile a under base.yaml.
        XCTAssertEqual(scenario.parameters.population.dibaoShare, 0.2)
        XCTAssertEqual(scenario.parameters.population.debt.share, 0.4)
        XCTAssertEqual(scenario.subpopulations.map(\.name), ["first", "second"])
        XCTAssertEqual(scenario.subpopulations.map(\.share), [0.75, 0.25])
        let first = scenario.subpopulations[0].parameters
        // Profile b replaces a: a's debt share and stay probability are gone, not stacked under b.
        XCTAssertEqual(first.population.dibaoShare, 0.7)
        XCTAssertEqual(first.population.debt.share, ScenarioParameters().population.debt.share)
        XCTAssertNotEqual(first.population.debt.share, 0.4)
        XCTAssertEqual(first.shocks.illness.stayProbability, ScenarioParameters().shocks.illness.stayProbability)
        // The scenario's other files still apply.
        XCTAssertEqual(first.interventions.dibao.retention, 0.8)
        XCTAssertEqual(first.run.households, 1000)
        XCTAssertEqual(scenario.subpopulations[0].profile, folder.path + "/profiles/b.yaml", "resolved beside the scenario")
        XCTAssertEqual(scenario.subpopulations[0].set, [])
    }

    func testSetWinsOverTheProfileAndTheScenario() throws {
        let (_, loaded) = try county(twoProfiles)
        let second = try loaded.get().subpopulations[1]
        XCTAssertEqual(second.parameters.population.dibaoShare, 0.9, "set: over the profile")
        XCTAssertEqual(second.parameters.interventions.dibao.retention, 0.6, "set: over the scenario's files")
        XCTAssertEqual(second.set, ["population.dibaoShare=0.9", "interventions.dibao.retention=0.6"])
    }

    func testCommandLineSetWinsOverEverything() throws {
        let (_, loaded) = try county(twoProfiles, overrides: ["population.dibaoShare=0.1", "run.households=500"])
        let scenario = try loaded.get()
        XCTAssertEqual(scenario.parameters.population.dibaoShare, 0.1)
        XCTAssertEqual(scenario.subpopulations.map(\.parameters.population.dibaoShare), [0.1, 0.1])
        XCTAssertEqual(scenario.subpopulations.map(\.parameters.run.households), [500, 500])
    }

    func testTheLastFileThatListsSubpopulationsGivesTheWholeList() throws {
        let folder = try TemporaryFolder()
        try folder.write("profiles/a.yaml", "population: {dibaoShare: 0.2}\ntargets: []\n")
        try folder.write("mix.yaml", """
            subpopulations:
              - {name: x, share: 0.5, profile: profiles/a.yaml}
              - {name: y, share: 0.5, profile: profiles/a.yaml}
            """)
        let top = try folder.write("top.yaml", """
            extends: mix.yaml
            subpopulations:
              - {name: p, share: 0.2, profile: profiles/a.yaml}
              - {name: q, share: 0.3, profile: profiles/a.yaml}
              - {name: r, share: 0.5, profile: profiles/a.yaml}
            """)
        XCTAssertEqual(try ScenarioLoader.load(path: top).subpopulations.map(\.name), ["p", "q", "r"])
        XCTAssertEqual(try ScenarioLoader.load(path: folder.path + "/mix.yaml").subpopulations.map(\.name), ["x", "y"])
    }

    func testAScenarioWithoutSubpopulationsHasNone() throws {
        XCTAssertEqual(try ScenarioLoader.parse(yaml: "run: {years: 3}\n", path: "x.yaml").subpopulations, [])
    }

    // MARK: Errors

    /// The error of loading `list` (the lines after `extends: base.yaml`) in the county folder.
    private func mixtureError(_ list: String, overrides: [String] = []) throws -> (path: String, error: ScenarioError?) {
        let (folder, loaded) = try county(list, overrides: overrides)
        let path = folder.path + "/mixture.yaml"
        switch loaded {
        case .success: XCTFail("expected an error"); return (path, nil)
        case let .failure(error): return (path, error)
        }
    }

    func testNotAListIsRefused() throws {
        let (path, error) = try mixtureError("subpopulations: 3\n")
        assertError(error, file: path, line: 2, keyPath: "subpopulations",
                    contains: ["expected a list of sub-populations, each {name, share, profile, set}, got 3"])
    }

    func testFewerThanTwoEntriesAreRefused() throws {
        let (path, error) = try mixtureError("subpopulations:\n  - {name: a, share: 1, profile: profiles/b.yaml}\n")
        assertError(error, file: path, line: 2, keyPath: "subpopulations", contains: ["expected at least 2 sub-populations", "got 1"])
    }

    func testAnEntryThatIsNotAMappingIsRefused() throws {
        let (path, error) = try mixtureError("subpopulations:\n  - a\n  - b\n")
        assertError(error, file: path, line: 3, keyPath: "subpopulations[0]",
                    contains: ["expected a mapping {name, share, profile, set}, got 'a'"])
    }

    func testAnUnknownFieldIsRefusedWithASuggestion() throws {
        let (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - name: b
                shares: 0.5
                profile: profiles/b.yaml
            """)
        assertError(error, file: path, line: 5, keyPath: "subpopulations[1]", contains: ["unknown field `shares`; did you mean `share`?"])
    }

    func testMissingFieldsAreNamed() throws {
        for (field, entry) in [
            ("name", "{share: 0.5, profile: profiles/b.yaml}"), ("share", "{name: b, profile: profiles/b.yaml}"),
            ("profile", "{name: b, share: 0.5}"),
        ] {
            let (path, error) = try mixtureError("subpopulations:\n  - {name: a, share: 0.5, profile: profiles/b.yaml}\n  - \(entry)\n")
            assertError(error, file: path, line: 4, keyPath: "subpopulations[1]", contains: ["missing `\(field)`: expected"])
        }
    }

    func testABadNameIsRefused() throws {
        let (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - {name: "two words", share: 0.5, profile: profiles/b.yaml}
            """)
        assertError(error, file: path, line: 4, keyPath: "subpopulations[1].name",
                    contains: ["expected a name of letters, digits, `_` and `-`", "got 'two words'"])
    }

    func testADuplicateNameIsRefused() throws {
        let (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - {name: a, share: 0.5, profile: profiles/b.yaml}
            """)
        assertError(error, file: path, line: 4, keyPath: "subpopulations[1].name",
                    contains: ["expected a name of its own, got 'a', the name of sub-population 1 too"])
    }

    func testBadSharesAreRefused() throws {
        for bad in ["0", "-0.5", "1.5", "half", ".nan"] {
            let (path, error) = try mixtureError("""
                subpopulations:
                  - {name: a, share: 0.5, profile: profiles/b.yaml}
                  - name: b
                    share: \(bad)
                    profile: profiles/b.yaml
                """)
            assertError(error, file: path, line: 5, keyPath: "subpopulations[1].share",
                        contains: ["expected a share of the households greater than 0 and at most 1, got"])
        }
    }

    func testSharesThatDoNotSumToOneAreRefused() throws {
        let (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - {name: b, share: 0.45, profile: profiles/b.yaml}
            """)
        assertError(error, file: path, line: 2, keyPath: "subpopulations",
                    contains: ["expected the shares to sum to 1 (within 1e-09), got 0.95"])
    }

    func testAnUnreadableProfileIsNamed() throws {
        let (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - name: b
                share: 0.5
                profile: profiles/missing.yaml
            """)
        assertError(error, file: path, line: 6, keyPath: "subpopulations[1].profile",
                    contains: ["sub-population `b`: cannot read", "profiles/missing.yaml", "no such file"])
    }

    func testABadSetKeyOrValueIsRefusedAtItsLine() throws {
        var (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - name: b
                share: 0.5
                profile: profiles/b.yaml
                set:
                  population.dibaoShar: 0.5
            """)
        assertError(error, file: path, line: 8, keyPath: "population.dibaoShar", contains: ["did you mean `dibaoShare`?"])
        (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - name: b
                share: 0.5
                profile: profiles/b.yaml
                set: {population.dibaoShare: lots}
            """)
        assertError(error, file: path, line: 7, keyPath: "population.dibaoShare", contains: ["expected a number, got 'lots'"])
        (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - {name: b, share: 0.5, profile: profiles/b.yaml, set: 3}
            """)
        assertError(error, file: path, line: 4, keyPath: "subpopulations[1].set", contains: ["expected a mapping of key paths to values"])
    }

    func testAValueOutOfRangeNamesTheSubpopulation() throws {
        let (path, error) = try mixtureError("""
            subpopulations:
              - {name: a, share: 0.5, profile: profiles/b.yaml}
              - name: b
                share: 0.5
                profile: profiles/b.yaml
                set: {population.dibaoShare: 1.5}
            """)
        assertError(error, file: path, line: 7, keyPath: "population.dibaoShare",
                    contains: ["sub-population `b`: expected a share between 0 and 1, got 1.5"])
    }

    func testAPlaceLevelKeyThatDiffersIsRefused() throws {
        for key in ["economy.povertyLine: 5000", "run.years: 3", "population.villages.perCounty: 7", "vulnerability.dollarsPerDay: 2"] {
            let path0 = String(key.split(separator: ":")[0])
            let (path, error) = try mixtureError("""
                subpopulations:
                  - {name: a, share: 0.5, profile: profiles/b.yaml}
                  - name: b
                    share: 0.5
                    profile: profiles/b.yaml
                    set: {\(key)}
                """)
            assertError(error, file: path, line: 7, keyPath: path0,
                        contains: ["sub-population `b` resolves this to", "it is one value for the whole run", "run.*"])
        }
    }

    func testFewerHouseholdsThanSubpopulationsAreRefused() throws {
        let (_, error) = try mixtureError(twoProfiles, overrides: ["run.households=1"])
        assertError(error, file: "--set", line: nil, keyPath: "run.households",
                    contains: ["expected at least 2 households, one for each sub-population", "got 1"])
    }

    func testANestedMixtureIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("profiles/a.yaml", "population: {dibaoShare: 0.2}\ntargets: []\n")
        let inner = try folder.write("inner.yaml", """
            subpopulations:
              - {name: x, share: 0.5, profile: profiles/a.yaml}
              - {name: y, share: 0.5, profile: profiles/a.yaml}
            """)
        let outer = try folder.write("outer.yaml", """
            subpopulations:
              - {name: p, share: 0.5, profile: profiles/a.yaml}
              - {name: q, share: 0.5, profile: inner.yaml}
            """)
        XCTAssertThrowsError(try ScenarioLoader.load(path: outer)) { error in
            assertError(error as? ScenarioError, file: inner, line: 1, keyPath: "subpopulations",
                        contains: ["sub-population `q`: its profile is itself a mixture"])
        }
    }

    func testSubpopulationsCannotBeSetOnTheCommandLine() {
        assertError(loadError("run: {years: 2}\n", overrides: ["subpopulations=[]"]), file: "--set", line: nil,
                    keyPath: "subpopulations", contains: ["belongs in a scenario file"])
    }

    func testAMixtureBuiltInCodeIsCheckedAsOneFromAFile() throws {
        let run = ScenarioParameters()
        let a = Subpopulation(name: "a", share: 0.5, profile: "p", parameters: run)
        var different = run
        different.economy.povertyLine += 1
        XCTAssertNoThrow(try ScenarioLoader.checkMixture([a, Subpopulation(name: "b", share: 0.5, profile: "p", parameters: run)], of: run))
        XCTAssertThrowsError(try ScenarioLoader.checkMixture([a, Subpopulation(name: "b", share: 0.5, profile: "p", parameters: different)], of: run)) {
            assertError($0 as? ScenarioError, file: "<parameters>", line: nil, keyPath: "economy.povertyLine",
                        contains: ["sub-population `b` resolves this to"])
        }
        XCTAssertThrowsError(try ScenarioLoader.checkMixture([a, Subpopulation(name: "a", share: 0.5, profile: "p", parameters: run)], of: run))
        XCTAssertThrowsError(try ScenarioLoader.checkMixture([a, Subpopulation(name: "b", share: 0.4, profile: "p", parameters: run)], of: run))
        XCTAssertThrowsError(try ScenarioLoader.checkMixture([a], of: run))
    }
}
