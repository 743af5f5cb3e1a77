import Foundation
import Model
import XCTest

@testable import Scenarios

/// The key tree, the key declarations and the renderings stay in step with `ScenarioParameters`.
final class SchemaTests: XCTestCase {
    func testReflectionUnderstandsEveryField() {
        XCTAssertEqual(ParameterTree.defaults.unsupported, [])
    }

    func testEveryLeafHasExactlyOneDeclaration() {
        let leaves = ParameterTree.defaults.paths
        let declared = ScenarioKeys.all.map(\.path)
        XCTAssertEqual(Set(leaves), Set(declared), "leaves without a declaration or declarations without a leaf")
        XCTAssertEqual(declared.count, Set(declared).count, "a key path declared twice")
        XCTAssertEqual(leaves, declared, "the keys follow the order of the properties")
    }

    func testEachDeclarationNamesTheLeafItsKeyPathReaches() throws {
        // A declaration's name and key path are written side by side; changing the value through the key path must
        // change exactly the leaf of that name, or `--set` and validation would address another parameter.
        let defaults = ParameterTree.defaults.values
        for key in ScenarioKeys.all {
            var parameters = ScenarioParameters()
            let changed: ParameterValue = switch key.defaultValue {
            case let .real(number): .real(number + 0.25)
            case let .whole(number): .whole(number + 1)
            case let .unsigned(number): .unsigned(number &+ 1)
            case let .text(name):
                if case let .oneOf(names, _) = key.range, key.path != "population.profile",
                   let other = names.first(where: { $0 != name }) {
                    .text(other)  // a choice (an enum) takes only its names
                } else {
                    .text("changed")
                }
            case let .list(numbers): .list(numbers + [0.5])
            }
            XCTAssertTrue(key.set(changed, in: &parameters), key.path)
            XCTAssertEqual(key.value(in: parameters), changed, key.path)
            let values = ParameterTree(parameters).values
            let differing = values.keys.filter { values[$0] != defaults[$0] }
            XCTAssertEqual(differing, [key.path], "the declaration \(key.path) reaches another leaf")
        }
    }

    func testDefaultsAreReadThroughTheKeyPaths() {
        for key in ScenarioKeys.all {
            let leaf: LeafValue = switch key.defaultValue {
            case let .real(number): .real(number)
            case let .whole(number): .integer(number)
            case let .unsigned(number): .unsigned(number)
            case let .text(text): .text(text)
            case let .list(numbers): .list(numbers.map(LeafValue.real))
            }
            XCTAssertEqual(ParameterTree.defaults.values[key.path], leaf, key.path)
        }
    }

    func testRelationsNameRealKeys() {
        let leaves = Set(ParameterTree.defaults.paths)
        XCTAssertEqual(ScenarioKeys.relations.count, 13)
        for relation in ScenarioKeys.relations {
            for path in relation.keyPaths { XCTAssertTrue(leaves.contains(path), "\(relation) names \(path)") }
        }
    }

    func testNumericAccessByPath() throws {
        let standard = try XCTUnwrap(ScenarioKeys.declaration(for: "interventions.dibao.standard")?.numeric)
        XCTAssertEqual(standard.kind, .real)
        var parameters = ScenarioParameters()
        XCTAssertEqual(standard.get(parameters), 5_500)
        standard.set(&parameters, 6_000)
        XCTAssertEqual(parameters.interventions.dibao.standard, 6_000)

        let years = try XCTUnwrap(ScenarioKeys.declaration(for: "run.years")?.numeric)
        XCTAssertEqual(years.kind, .whole)
        years.set(&parameters, 7.4)
        XCTAssertEqual(parameters.run.years, 7)
        years.set(&parameters, 1e300)
        XCTAssertEqual(parameters.run.years, .max)

        let two = try XCTUnwrap(ScenarioKeys.declaration(for: "population.householdSize.two"))
        XCTAssertEqual(two.numericKind, .unitInterval)
        XCTAssertEqual(two.shareGroup?.path, "population.householdSize")
        XCTAssertEqual(two.shareGroup?.sumsToOne, true)
        XCTAssertEqual(two.shareGroup?.members.count, 4)
        XCTAssertEqual(ScenarioKeys.declaration(for: "population.people.students")?.shareGroup?.sumsToOne, false)
        XCTAssertNil(ScenarioKeys.declaration(for: "population.people.weakShareOfRemainder")?.shareGroup)
        for path in ["run.seed", "run.generator", "population.profile", "shocks.wages.schedule"] {
            XCTAssertNil(ScenarioKeys.declaration(for: path)?.numeric, path)
        }
        XCTAssertNil(ScenarioKeys.declaration(for: "interventions.dibao.standart"))
        XCTAssertEqual(ScenarioKeys.all.filter { $0.numeric != nil }.count, 159)
    }

    func testSourceStatusCounts() {
        let counts = Dictionary(grouping: ScenarioKeys.all, by: \.status).mapValues(\.count)
        XCTAssertEqual(counts, [.sourced: 54, .calibrated: 5, .assumed: 105])
        for key in ScenarioKeys.all where key.status == .assumed {
            XCTAssertTrue(key.source.contains("*assumed*"), "\(key.path) is assumed but its source says \(key.source)")
        }
        for key in ScenarioKeys.all where key.status == .sourced {
            XCTAssertFalse(key.source.contains("*assumed*"), "\(key.path) is sourced but its source says \(key.source)")
        }
    }

    func testKeysAreTheCodingKeys() throws {
        // The schema comes from reflection, decoding from Codable: they must agree on every key.
        let data = try JSONEncoder().encode(ScenarioParameters())
        let object = try JSONSerialization.jsonObject(with: data)
        var encoded: [String] = []
        func collect(_ value: Any, _ path: [String]) {
            if let dictionary = value as? [String: Any] {
                for (key, child) in dictionary { collect(child, path + [key]) }
            } else {
                encoded.append(path.joined(separator: "."))
            }
        }
        collect(object, [])
        XCTAssertEqual(Set(encoded), Set(ScenarioLoader.keyPaths))
    }

    func testDefaultsAreValid() throws {
        try ScenarioLoader.validate(ScenarioParameters())
    }

    func testValidateParametersBuiltInCode() {
        var parameters = ScenarioParameters()
        parameters.demography.retirement = .nan
        do {
            try ScenarioLoader.validate(parameters, label: "sweep")
            XCTFail("NaN passed")
        } catch {
            assertError(error, file: "sweep", line: nil, keyPath: "demography.retirement",
                        contains: ["expected a probability between 0 and 1, got nan"])
        }
    }

    func testResolvedYAMLLoadsBackExactly() throws {
        var parameters = ScenarioParameters()
        parameters.shocks.wages.schedule = [1, 0.7, 1e-5]
        parameters.run.seed = .max
        parameters.run.generator = .taus113
        parameters.demography.retirement = 1.0 / 3.0
        for candidate in [ScenarioParameters(), parameters] {
            let text = ScenarioLoader.resolvedYAML(candidate)
            let loaded = try ScenarioLoader.parse(yaml: text, path: "resolved.yaml")
            XCTAssertEqual(loaded.parameters, candidate, text)
        }
        let text = ScenarioLoader.resolvedYAML(ScenarioParameters())
        XCTAssertTrue(text.hasPrefix("population:\n  profile: dongxiang-2017\n  householdSize:\n    two: 0.0937\n"), text)
        XCTAssertTrue(text.contains("\n  wages:\n    schedule: []\n"), text)
    }

    func testResolvedJSONIsSortedAndDecodes() throws {
        let text = ScenarioLoader.resolvedJSON(ScenarioParameters())
        let decoded = try JSONDecoder().decode(ScenarioParameters.self, from: Data(text.utf8))
        XCTAssertEqual(decoded, ScenarioParameters())
        let demography = try XCTUnwrap(text.range(of: "\"demography\""))
        let economy = try XCTUnwrap(text.range(of: "\"economy\""))
        XCTAssertLessThan(demography.lowerBound, economy.lowerBound)
        XCTAssertTrue(text.contains("\n  "), "pretty-printed")
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.nearest(to: "probabilty", in: ["probability", "lossAlpha"]), "probability")
        XCTAssertEqual(Suggestions.nearest(to: "LEVELSHARES", in: ["levelShares"]), "levelShares")
        XCTAssertNil(Suggestions.nearest(to: "xyz", in: ["probability", "lossAlpha"]))
        XCTAssertEqual(Suggestions.levenshtein(Array("kitten"), Array("sitting")), 3)
    }

    func testScenarioNames() {
        XCTAssertEqual(Scenario.name(fromPath: "scenarios/reference.yaml"), "reference")
        XCTAssertEqual(Scenario.name(fromPath: "a.b.yml"), "a.b")
        XCTAssertEqual(Scenario.name(fromPath: "plain"), "plain")
        XCTAssertEqual(Scenario.name(fromPath: ".yaml"), ".yaml")
    }
}
