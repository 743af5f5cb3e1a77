import ArgumentParser
import Engine
import Foundation
import Output
import Randomness
import Scenarios

/// `repoverty run SCENARIO...`: simulate each scenario and write `DIR/<name>/summary.csv` and `run.json`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and write summary.csv and run.json for each.",
        discussion: "Every scenario is loaded and checked before any runs, so a bad file stops the command before any output."
    )

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    @OptionGroup var options: RunOptions

    @Option(help: "Folder for the results; each scenario writes DIR/<name>/.")
    var output: String = "results"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        let loaded = try scenarios.map { try ScenarioLoader.load(path: $0, overrides: options.allOverrides) }
        let names = loaded.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw BadInput(message: "two scenarios are named '\(duplicate)'; their results would share \(output)/\(duplicate)/")
        }
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let commit = GitCommit.current()
        var printed: [(name: String, rows: [SummaryRow])] = []
        for scenario in loaded {
            let started = Date()
            let result: SimulationResult
            do { result = try Simulation.run(scenario.parameters, threads: threads) } catch {
                throw RunFailure(message: "\(scenario.sourcePath): the simulation failed: \(error)")
            }
            let rows = Summary.rows(result)
            let record = RunRecord(
                version: ProgramVersion.current, gitCommit: commit, gslVersion: GSLFunctions.version,
                scenario: scenario.name, scenarioFile: scenario.sourcePath, overrides: options.allOverrides,
                threads: result.threads, blockSize: Simulation.blockSize, villages: result.villageCount,
                counties: result.countyCount, startedAt: started, wallSeconds: Date().timeIntervalSince(started),
                parameters: scenario.parameters)
            let folder: URL
            do { folder = try ResultWriter.write(scenario: scenario.name, rows: rows, record: record, into: directory) } catch {
                throw RunFailure(message: "cannot write the results of \(scenario.name) into \(output): \(error)")
            }
            if !quiet {
                let run = scenario.parameters.run
                print(
                    "\(scenario.name): \(run.households) households × \(run.years) years × \(run.replicates) replicates,"
                        + " seed \(run.seed), \(result.threads) threads, "
                        + String(format: "%.2f s", record.wallSeconds) + " → \(folder.path)/summary.csv")
            }
            printed.append((scenario.name, rows))
        }
        if !quiet, let years = loaded.first?.parameters.run.years {
            print("")
            print(HeadlineTable.render(printed, years: years), terminator: "")
        }
    }
}

/// The commit of the git working copy the command runs in, when git and a repository are there.
enum GitCommit {
    static func current() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// The version string `--version` prints.
enum ProgramVersionText {
    static let current = ProgramVersion.current
}
