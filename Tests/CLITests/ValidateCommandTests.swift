import Foundation
import XCTest

/// `repoverty validate`, and every kind of bad input of issue 8 through both `validate` and `run`: the exit code (2),
/// the words of the message (file, line, key path, what was expected), and no output written.
final class ValidateCommandTests: XCTestCase {
    /// A bad scenario file, the words its error must contain, and a name for failure messages.
    struct BadFile {
        let name: String
        let text: String
        let words: [String]
    }

    /// One file per kind of bad input the issue lists; `extends` cycles and unreadable files are tested apart.
    let badFiles: [BadFile] = [
        BadFile(name: "syntax.yaml", text: "shocks:\n  flood: [0.1\n", words: ["syntax.yaml:3:", "YAML syntax error"]),
        BadFile(name: "tab.yaml", text: "shocks:\n\tflood: 1\n", words: ["tab.yaml:2:", "YAML syntax error"]),
        BadFile(name: "duplicate.yaml", text: "run:\n  years: 3\n  years: 4\n", words: ["duplicate.yaml:", "duplicate key `years`"]),
        BadFile(name: "top.yaml", text: "shock:\n  flood:\n    probability: 0.1\n",
                words: ["top.yaml:1: shock: unknown key `shock`", "did you mean `shocks`?"]),
        BadFile(name: "deep.yaml", text: "interventions:\n  dibao:\n    standart: 5000\n",
                words: ["deep.yaml:3: interventions.dibao.standart: unknown key", "did you mean `standard`?"]),
        BadFile(name: "type.yaml", text: "shocks:\n  flood:\n    probability: high\n",
                words: ["type.yaml:3: shocks.flood.probability: expected a number, got 'high'"]),
        BadFile(name: "mapping.yaml", text: "shocks:\n  flood: 3\n", words: ["mapping.yaml:2: shocks.flood: expected a mapping"]),
        BadFile(name: "list.yaml", text: "- shocks\n- run\n", words: ["list.yaml:1:", "expected a mapping of sections"]),
        BadFile(name: "probability.yaml", text: "shocks:\n  flood:\n    probability: 1.5\n",
                words: ["probability.yaml:3: shocks.flood.probability: expected a probability between 0 and 1, got 1.5"]),
        BadFile(name: "negative-probability.yaml", text: "shocks:\n  avianFlu:\n    outbreakProbability: -0.1\n",
                words: ["negative-probability.yaml:3: shocks.avianFlu.outbreakProbability", "between 0 and 1, got -0.1"]),
        BadFile(name: "money.yaml", text: "economy:\n  localWages:\n    general: -100\n",
                words: ["money.yaml:3: economy.localWages.general: expected a non-negative number, got -100"]),
        BadFile(name: "count.yaml", text: "population:\n  livestock:\n    cattleHerdMin: -1\n",
                words: ["count.yaml:3: population.livestock.cattleHerdMin: expected a whole number between 0 and", "got -1"]),
        BadFile(name: "rate.yaml", text: "demography:\n  elderlyMortality: -0.01\n",
                words: ["rate.yaml:2: demography.elderlyMortality: expected a probability between 0 and 1, got -0.01"]),
        BadFile(name: "overflow.yaml", text: "economy:\n  localWages:\n    general: 1e308\n",
                words: ["overflow.yaml:3: economy.localWages.general: expected at most 1000000000 (larger amounts overflow), got 1e+308"]),
        BadFile(name: "infinite.yaml", text: "interventions:\n  dibao:\n    standard: .inf\n",
                words: ["infinite.yaml:3: interventions.dibao.standard: expected a finite number, got .inf"]),
        BadFile(name: "schedule.yaml", text: "shocks:\n  wages:\n    schedule: [1, -0.5]\n",
                words: ["schedule.yaml:3: shocks.wages.schedule: entry 2: expected a non-negative"]),
        BadFile(name: "shares.yaml", text: "population:\n  householdSize:\n    two: 0.5\n",
                words: ["shares.yaml:3: population.householdSize: expected two + three + four + fiveOrMore to sum to 1"]),
        BadFile(name: "extends-missing.yaml", text: "extends: nowhere.yaml\n",
                words: ["extends-missing.yaml:1: extends: cannot read", "nowhere.yaml", "no such file"]),
        BadFile(name: "households.yaml", text: "run:\n  households: 0\n",
                words: ["households.yaml:2: run.households: expected a whole number between 1 and", "got 0"]),
        BadFile(name: "years.yaml", text: "run:\n  years: -3\n",
                words: ["years.yaml:2: run.years: expected a whole number between 1 and 100, got -3"]),
        BadFile(name: "replicates.yaml", text: "run:\n  replicates: 0\n",
                words: ["replicates.yaml:2: run.replicates: expected a whole number between 1 and", "got 0"]),
        BadFile(name: "fraction.yaml", text: "run:\n  households: 2.5\n",
                words: ["fraction.yaml:2: run.households: expected a whole number"]),
    ]

    func testShippedScenariosAreValid() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Executable.packageRoot.appendingPathComponent("scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "scenarios/\($0)" }
        XCTAssertGreaterThan(files.count, 5)
        let run = try Executable.run(["validate"] + files)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardError, "")
        XCTAssertEqual(run.standardOutput, files.map { "\($0): ok\n" }.joined())
    }

    func testEveryBadFileIsReportedWithFileLineKeyAndExpectation() throws {
        let folder = try Executable.temporaryDirectory(self)
        for bad in badFiles {
            try bad.text.write(to: folder.appendingPathComponent(bad.name), atomically: true, encoding: .utf8)
        }
        // One command over every file: each bad file is reported, not only the first, and the good one passes.
        let good = Executable.packageRoot.appendingPathComponent("scenarios/baseline.yaml").path
        let run = try Executable.run(["validate", good] + badFiles.map(\.name), in: folder)
        XCTAssertEqual(run.status, 2, run.standardError)
        XCTAssertEqual(run.standardOutput, "\(good): ok\n")
        let lines = run.standardError.split(separator: "\n").map(String.init)
        for bad in badFiles {
            let line = lines.first { $0.hasPrefix("error: \(bad.name):") } ?? ""
            for words in bad.words {
                XCTAssertTrue(line.contains(words), "\(bad.name): no '\(words)' in\n\(run.standardError)")
            }
        }
        XCTAssertTrue(run.standardError.hasSuffix("error: \(badFiles.count) of \(badFiles.count + 1) scenario files are not valid\n"),
                      run.standardError)
        XCTAssertEqual(run.standardError.split(separator: "\n").count, badFiles.count + 1, "one line per bad file and the count")
    }

    func testRunRefusesEveryBadFileAndWritesNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out")
        for bad in badFiles {
            let file = folder.appendingPathComponent(bad.name)
            try bad.text.write(to: file, atomically: true, encoding: .utf8)
            let run = try Executable.run(["run", "scenarios/reference.yaml", file.path, "--output", output.path])
            XCTAssertEqual(run.status, 2, "\(bad.name): \(run.standardError)")
            for words in bad.words {
                XCTAssertTrue(run.standardError.contains(words), "\(bad.name): no '\(words)' in\n\(run.standardError)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "\(bad.name): output written")
        }
    }

    func testExtendsCycleIsNamed() throws {
        let folder = try Executable.temporaryDirectory(self)
        try "extends: b.yaml\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "run:\n  years: 3\nextends: a.yaml\n".write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let run = try Executable.run(["validate", "a.yaml"], in: folder)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("b.yaml:3: extends: extends cycle: a.yaml -> b.yaml -> a.yaml"), run.standardError)
    }

    func testMissingDirectoryAndNonTextFilesAreNamed() throws {
        let folder = try Executable.temporaryDirectory(self)
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: folder.appendingPathComponent("binary.yaml"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        let run = try Executable.run(["validate", "missing.yaml", "binary.yaml", "folder.yaml"], in: folder)
        XCTAssertEqual(run.status, 2)
        for words in [
            "error: missing.yaml: cannot read the scenario file: no such file",
            "error: binary.yaml: cannot read the scenario file: it is not UTF-8 text",
            "error: folder.yaml: cannot read the scenario file: it is a directory, not a file",
            "error: 3 of 3 scenario files are not valid",
        ] {
            XCTAssertTrue(run.standardError.contains(words), "no '\(words)' in\n\(run.standardError)")
        }
    }

    func testMalformedSetAndOptionsExitTwoAndWriteNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out")
        let cases: [([String], String)] = [
            (["--set", "novalue"], "--set: novalue: expected key.path=value, got 'novalue'"),
            (["--set", "=3"], "--set: missing the key before '='"),
            (["--set", "shocks.flood.probability="], "--set: shocks.flood.probability: missing the value after '='"),
            (["--set", "shocks.flood.probabilty=0.1"], "--set: shocks.flood.probabilty: unknown key `probabilty`; did you mean `probability`?"),
            (["--set", "shocks.flood.probability=[1"], "--set: shocks.flood.probability: cannot read the value '[1': YAML syntax error"),
            (["--set", "shocks.flood.probability=2"], "--set: shocks.flood.probability: expected a probability between 0 and 1, got 2"),
            (["--set", "extends=other.yaml"], "`extends` belongs in a scenario file"),
            (["--set", "run.households=-4"], "--set: run.households: expected a whole number between 1 and"),
            (["--households", "0"], "--households must be at least 1, got 0"),
            (["--households=-5"], "--households must be at least 1, got -5"),
            (["--households", "-5"], "--households must be at least 1, got -5"),
            (["--years", "0"], "--years must be at least 1, got 0"),
            (["--replicates", "0"], "--replicates must be at least 1, got 0"),
            (["--replicates", "many"], "--replicates"),
            (["--seed", "-1"], "--seed"),
            (["--years", "101"], "run.years: expected a whole number between 1 and 100, got 101"),
            (["--frobnicate"], "Unknown option '--frobnicate'"),
        ]
        // Every case through `run` (which must also write nothing); the options are parsed by the same RunOptions in
        // `validate`, so three cases there suffice.
        for (index, (arguments, words)) in cases.enumerated() {
            for command in index % 6 == 0 ? ["validate", "run"] : ["run"] {
                let run = try Executable.run([command, "scenarios/reference.yaml"] + arguments + (command == "run" ? ["--output", output.path] : []))
                XCTAssertEqual(run.status, 2, "\(command) \(arguments): \(run.standardError)")
                XCTAssertTrue(run.standardError.contains(words), "\(command) \(arguments): no '\(words)' in\n\(run.standardError)")
                XCTAssertEqual(run.standardOutput, "", "\(command) \(arguments)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "output written")
    }

    func testPrintGivesAResolvedScenarioThatValidatesAgain() throws {
        let folder = try Executable.temporaryDirectory(self)
        let printed = try Executable.run(["validate", "scenarios/dibao-expansion.yaml", "--set", "run.years=7", "--print"])
        XCTAssertEqual(printed.status, 0, printed.standardError)
        XCTAssertTrue(printed.standardOutput.hasPrefix("# scenarios/dibao-expansion.yaml\n"), printed.standardOutput)
        XCTAssertTrue(printed.standardOutput.contains("\n  years: 7                              # years; assumed\n"), printed.standardOutput)
        XCTAssertTrue(printed.standardOutput.contains("\n    retention: 0.9                      # prob./yr; sourced\n"),
                      printed.standardOutput)
        let resolved = folder.appendingPathComponent("resolved.yaml")
        try printed.standardOutput.write(to: resolved, atomically: true, encoding: .utf8)
        let again = try Executable.run(["validate", resolved.path])
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertEqual(again.standardOutput, "\(resolved.path): ok\n")
    }

    func testHelpDocumentsTheExitCodes() throws {
        for arguments in [["--help"], ["validate", "--help"]] {
            let help = try Executable.run(arguments)
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.standardOutput.contains("Exit codes: 0"), "\(arguments): \(help.standardOutput)")
            XCTAssertTrue(help.standardOutput.contains("2 "), help.standardOutput)
        }
        let root = try Executable.run(["--help"])
        XCTAssertTrue(root.standardOutput.contains("validate"), "validate is listed among the subcommands")
    }
}
