import Foundation
import XCTest

/// `repoverty keys`: the index of every scenario key, printed from the declarations.
final class KeysCommandTests: XCTestCase {
    func testPrintsEveryKeyAsMarkdownByDefault() throws {
        let run = try Executable.run(["keys"])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardError, "")
        let lines = run.standardOutput.split(separator: "\n")
        XCTAssertEqual(lines.first, "| Key | Default | Unit | Range | Status | Source |")
        XCTAssertEqual(lines.count, 166, "a header, a rule and 164 keys")
        XCTAssertTrue(lines.contains("| `shocks.illness.stayProbability` | 0.0368 | prob./yr | [0, 1] | calibrated | "
                                     + "`002` (22.49 % of households have a stay in a year; calibrated on `dongxiang-2017`) |"),
                      run.standardOutput)
        XCTAssertTrue(lines.contains("| `run.generator` | taus2 | name | one of taus2, taus113, mt19937 | assumed | *assumed* |"))
    }

    func testPrintsCSV() throws {
        let run = try Executable.run(["keys", "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let lines = run.standardOutput.split(separator: "\n")
        XCTAssertEqual(lines.first, "key,default,unit,range,status,source")
        XCTAssertEqual(lines.count, 165)
        XCTAssertTrue(lines.contains("interventions.basicMedical.deductibles.township,150,yuan/stay,\"[0, 1e9]\",sourced,`000` case 3"),
                      run.standardOutput)
    }

    func testIsListedInTheHelp() throws {
        let help = try Executable.run(["--help"])
        XCTAssertTrue(help.standardOutput.contains("keys"), help.standardOutput)
        let own = try Executable.run(["keys", "--help"])
        XCTAssertTrue(own.standardOutput.contains("sourced"), own.standardOutput)
        XCTAssertTrue(own.standardOutput.contains("markdown"), own.standardOutput)
    }

    func testRefusesAnUnknownFormat() throws {
        let run = try Executable.run(["keys", "--format", "html"])
        XCTAssertEqual(run.status, 2, run.standardError)
        XCTAssertTrue(run.standardError.contains("html"), run.standardError)
        XCTAssertEqual(run.standardOutput, "")
    }
}
