import Foundation
import Model
import XCTest

@testable import Scenarios

/// The key tree, the range table and the renderings stay in step with `ScenarioParameters`.
final class SchemaTests: XCTestCase {
    func testReflectionUnderstandsEveryField() {
        XCTAssertEqual(ParameterTree.defaults.unsupported, [])
    }

    func testEveryLeafHasExactlyOneRange() {
        let leaves = ParameterTree.defaults.paths
        let ranged = ValidRanges.table.map(\.path)
        XCTAssertEqual(Set(leaves), Set(ranged), "leaves without a range or ranges without a leaf")
        XCTAssertEqual(ranged.count, Set(ranged).count, "a key path listed twice")
        XCTAssertEqual(leaves, ranged, "the table follows declaration order")
    }

    func testRelationsNameRealKeys() {
        let leaves = Set(ParameterTree.defaults.paths)
        for relation in ValidRanges.relations {
            let paths: [String] = switch relation {
            case let .sumToOne(group, members), let .sumAtMostOne(group, members, _): members.map { "\(group).\($0)" }
            case let .ordered(lower, upper): [lower, upper]
            case let .withinHorizon(path), let .listWithinHorizon(path): [path]
            }
            for path in paths { XCTAssertTrue(leaves.contains(path), "\(relation) names \(path)") }
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
