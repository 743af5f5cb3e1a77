import Engine
import Foundation
import Output
import Randomness
import Scenarios

/// Runs loaded scenarios and writes each one's `summary.csv` and `run.json`: what `run` and `compare` share.
struct ScenarioRunner {
    let threads: Int
    let directory: URL
    let overrides: [String]
    let quiet: Bool
    let progress: ProgressMode
    let commit = GitCommit.current()

    init(options: RunOptions, output: String, quiet: Bool) {
        threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        directory = URL(fileURLWithPath: output, isDirectory: true)
        overrides = options.allOverrides
        self.quiet = quiet
        progress = options.progress
    }

    /// Load every file before running any, so bad input stops the command before any output.
    static func load(_ paths: [String], overrides: [String]) throws -> [Scenario] {
        let loaded = try paths.map { try ScenarioLoader.load(path: $0, overrides: overrides) }
        let names = loaded.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw BadInput(message: "two scenarios are named '\(duplicate)'; their results would share one folder")
        }
        return loaded
    }

    /// Simulate one scenario, write its results, and return its metrics by replicate.
    func run(_ scenario: Scenario) throws -> [Metric] {
        let started = Date()
        let result: SimulationResult
        let run = scenario.parameters.run
        let reporter = progress.reporter(
            scenario: scenario.name, total: ProgressReporter.tasks(households: run.households, replicates: run.replicates),
            quiet: quiet)
        reporter?.start()
        let outcome = Result { try Simulation.run(scenario.parameters, threads: threads, observer: reporter) }
        reporter?.finish()
        do { result = try outcome.get() } catch {
            throw RunFailure(message: "\(scenario.sourcePath): the simulation failed: \(error)")
        }
        let metrics = Summary.metrics(result)
        let rows = metrics.map { SummaryRow(metric: $0.name, year: $0.year, estimate: $0.estimate) }
        let record = RunRecord(
            version: ProgramVersion.current, gitCommit: commit, gslVersion: GSLFunctions.version, scenario: scenario.name,
            scenarioFile: scenario.sourcePath, overrides: overrides, threads: result.threads,
            blockSize: Simulation.blockSize, villages: result.villageCount, counties: result.countyCount,
            startedAt: started, wallSeconds: Date().timeIntervalSince(started), parameters: scenario.parameters)
        let folder: URL
        do { folder = try ResultWriter.write(scenario: scenario.name, rows: rows, record: record, into: directory) } catch {
            throw RunFailure(message: "cannot write the results of \(scenario.name) into \(directory.path): \(error)")
        }
        if !quiet {
            print(
                "\(scenario.name): \(run.households) households × \(run.years) years × \(run.replicates) replicates,"
                    + " seed \(run.seed), \(result.threads) threads, " + String(format: "%.2f s", record.wallSeconds)
                    + " → \(folder.path)/summary.csv")
        }
        return metrics
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
