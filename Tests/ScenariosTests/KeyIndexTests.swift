import Foundation
import Model
import XCTest

@testable import Scenarios

/// The places that show the keys to people — docs/MODEL.md §3, `scenarios/reference.yaml`, `repoverty keys`,
/// `validate --print` — agree with the declarations beside the parameter structs.
final class KeyIndexTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One row of a docs/MODEL.md §3 table.
    struct DocumentedKey {
        var key: String
        var defaultText: String
        var unit: String
        var source: String
        var status: String
    }

    /// The rows of every table of docs/MODEL.md §3 (from "## 3." up to "## 4.").
    func documentedKeys() throws -> (rows: [DocumentedKey], section: String) {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/MODEL.md"), encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\n## 3. Parameters"))
        let end = try XCTUnwrap(text.range(of: "\n## 4. ", range: start.upperBound..<text.endIndex))
        let section = String(text[start.upperBound..<end.lowerBound])
        var rows: [DocumentedKey] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertEqual(cells.count, 6, "Key, Default, Unit, Meaning, Source, Status in: \(line)")
            guard cells.count == 6 else { continue }
            rows.append(DocumentedKey(key: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                                      defaultText: cells[1], unit: cells[2], source: cells[4], status: cells[5]))
        }
        return (rows, section)
    }

    func testDocsTablesAgreeWithTheDeclarations() throws {
        let (rows, section) = try documentedKeys()
        XCTAssertEqual(rows.map(\.key), ScenarioKeys.all.map(\.path), "docs/MODEL.md §3 lists every key once, in file order")
        for row in rows {
            guard let key = ScenarioKeys.declaration(for: row.key) else { continue }
            XCTAssertEqual(row.unit, key.unit, "unit of \(row.key)")
            XCTAssertEqual(row.source, key.source, "source of \(row.key)")
            XCTAssertEqual(row.status, key.status.rawValue, "status of \(row.key)")
            XCTAssertTrue(Self.documentedDefault(row.defaultText, matches: key.defaultValue),
                          "default of \(row.key): docs say \(row.defaultText), the model \(key.defaultValue)")
        }
        let counts = Dictionary(grouping: ScenarioKeys.all, by: \.status).mapValues(\.count)
        let sentence = "By status: \(counts[.sourced] ?? 0) sourced, \(counts[.calibrated] ?? 0) calibrated, "
            + "\(counts[.assumed] ?? 0) assumed."
        XCTAssertTrue(section.replacingOccurrences(of: "\n", with: " ").contains(sentence), "docs/MODEL.md §3 lacks '\(sentence)'")
        XCTAssertTrue(section.contains("\(ScenarioKeys.all.count) keys in all"))
    }

    /// Whether a docs default such as `4,000`, `0.30`, `8.33/26.30 = 0.31673…` or `` `taus2` `` is exactly `value`.
    static func documentedDefault(_ cell: String, matches value: ParameterValue) -> Bool {
        var text = cell.replacingOccurrences(of: "`", with: "")
        if let equals = text.range(of: " = ") { text = String(text[..<equals.lowerBound]) }
        let digits = text.replacingOccurrences(of: ",", with: "")
        func number() -> Double? {
            let parts = digits.split(separator: "/")
            if parts.count == 2, let numerator = Double(parts[0]), let denominator = Double(parts[1]) {
                return numerator / denominator
            }
            return Double(digits)
        }
        return switch value {
        case let .real(x): number() == x
        case let .whole(n): Int(digits) == n
        case let .unsigned(n): UInt64(digits) == n
        case let .text(name): text == name
        case .list: text == value.description
        }
    }

    func testDocumentedDefaultsAreReadExactly() {
        XCTAssertTrue(Self.documentedDefault("8.33/26.30 = 0.31673…", matches: .real(8.33 / 26.30)))
        XCTAssertTrue(Self.documentedDefault("20,000", matches: .real(20_000)))
        XCTAssertTrue(Self.documentedDefault("0.30", matches: .real(0.3)))
        XCTAssertTrue(Self.documentedDefault("`[]`", matches: .list([])))
        XCTAssertFalse(Self.documentedDefault("0.31673…", matches: .real(8.33 / 26.30)))
        XCTAssertFalse(Self.documentedDefault("4", matches: .whole(5)))
    }

    func testTheReferenceScenarioIsExactlyTheDefaultsAndNamesEveryKey() throws {
        let path = Self.packageRoot.appendingPathComponent("scenarios/reference.yaml").path
        let scenario = try ScenarioLoader.load(path: path)
        XCTAssertEqual(scenario.parameters, ScenarioParameters())
        XCTAssertEqual(scenario.files, [path], "the reference extends nothing")
        // Every key is written out, so the file is also the index of what a scenario can say.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let named = try Extends.layers(text: text, file: path).flatMap(\.settings).map(\.path)
        XCTAssertEqual(named, ScenarioKeys.all.map(\.path))
    }

    func testAnnotatedYAMLCarriesUnitAndStatusAndLoadsBack() throws {
        var parameters = ScenarioParameters()
        parameters.shocks.wages.schedule = [1, 0.7]
        parameters.interventions.dibao.standard = 6_000
        let text = ScenarioLoader.resolvedYAML(parameters, annotated: true)
        XCTAssertEqual(try ScenarioLoader.parse(yaml: text, path: "annotated.yaml").parameters, parameters)
        XCTAssertTrue(text.contains("\n    standard: 6000.0                    # yuan/person/yr; assumed\n"), text)
        XCTAssertTrue(text.contains("\n    stayProbability: 0.0368             # prob./yr; calibrated\n"), text)
        XCTAssertTrue(text.contains("\n    schedule: [1.0, 0.7]                # list of factors; assumed\n"), text)
        // Every leaf line has its comment; section lines have none.
        for line in text.split(separator: "\n") {
            XCTAssertEqual(line.hasSuffix(":"), !line.contains(" # "), String(line))
        }
        XCTAssertEqual(ScenarioLoader.resolvedYAML(parameters), Rendering.yaml(parameters, annotated: false))
        XCTAssertFalse(ScenarioLoader.resolvedYAML(parameters).contains("#"), "provenance keeps the bare form")
    }

    func testIndexFormats() {
        let markdown = KeyIndex.text(.markdown).split(separator: "\n")
        XCTAssertEqual(markdown.count, 2 + ScenarioKeys.all.count)
        XCTAssertEqual(markdown[0], "| Key | Default | Unit | Range | Status | Source |")
        XCTAssertTrue(markdown.contains("| `shocks.flood.probability` | 0.05 | prob./yr | [0, 1] | assumed | "
                                        + "`000` (the 2018 \"7.18\" flood, case 6); rate *assumed* |"))
        let csv = KeyIndex.text(.csv).split(separator: "\n")
        XCTAssertEqual(csv.count, 1 + ScenarioKeys.all.count)
        XCTAssertEqual(csv[0], "key,default,unit,range,status,source")
        XCTAssertTrue(csv.contains("run.years,5,years,whole 1…100,assumed,*assumed* (contract §1)"))
        XCTAssertTrue(csv.contains("shocks.flood.probability,0.05,prob./yr,\"[0, 1]\",assumed,"
                                   + "\"`000` (the 2018 \"\"7.18\"\" flood, case 6); rate *assumed*\""))
    }
}
