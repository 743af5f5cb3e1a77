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
    /// Also estimate vulnerability as expected poverty (`run --vulnerability`).
    var vulnerability = false
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

    /// Refuse, before anything is allocated, a scenario whose run cannot fit in the memory available.
    func checkMemory(_ scenarios: [Scenario]) throws {
        try MemoryCheck.check(scenarios, threads: threads, vulnerability: vulnerability)
    }

    /// A scenario simulated and summarised, not yet written.
    struct Completed {
        let scenario: Scenario
        let metrics: [Metric]
        let record: RunRecord
        /// Rows after the metrics by replicate: the vulnerability figures, when asked for.
        var extraRows: [SummaryRow] = []

        var rows: [SummaryRow] { metrics.map(\.row) + extraRows }
    }

    /// Simulate one scenario and summarise it, writing nothing; a SIGINT or SIGTERM stops it between tasks.
    func simulate(_ scenario: Scenario) throws -> Completed {
        let started = Date()
        let result: SimulationResult
        let run = scenario.parameters.run
        let reporter = progress.reporter(
            scenario: scenario.name, total: ProgressReporter.tasks(households: run.households, replicates: run.replicates),
            quiet: quiet)
        reporter?.start()
        let observer = CommandObserver(progress: reporter, interruption: Interruption.shared)
        let outcome = Result {
            try Simulation.run(scenario.parameters, threads: threads, observer: observer, vulnerability: vulnerability)
        }
        reporter?.finish()
        do { result = try outcome.get() } catch {
            if case SimulationError.cancelled = error { throw Interruption.shared.failure() }
            throw RunFailure(message: "\(scenario.sourcePath): the simulation failed: \(error)")
        }
        let metrics = Summary.metrics(result)
        var record = RunRecord(
            version: ProgramVersion.current, gitCommit: commit, gslVersion: GSLFunctions.version, scenario: scenario.name,
            scenarioFile: scenario.sourcePath, overrides: overrides, threads: result.threads,
            blockSize: Simulation.blockSize, villages: result.villageCount, counties: result.countyCount,
            startedAt: started, wallSeconds: Date().timeIntervalSince(started), parameters: scenario.parameters)
        if vulnerability { record.vulnerability = true }
        if !quiet {
            print(
                "\(scenario.name): \(run.households) households × \(run.years) years × \(run.replicates) replicates,"
                    + " seed \(run.seed), \(result.threads) threads, " + String(format: "%.2f s", record.wallSeconds))
            fflush(nil)  // flush standard output: a log file or pipe on a cluster sees each scenario as it finishes
        }
        return Completed(
            scenario: scenario, metrics: metrics, record: record, extraRows: result.vulnerability?.rows ?? [])
    }

    /// Write every completed scenario's `summary.csv` and `run.json`, and any `extra` files, only if no signal has
    /// asked to stop: a run stopped part-way leaves no results file at all, and each file is renamed into place whole.
    func write(_ completed: [Completed], extra: [(file: URL, contents: String)] = []) throws {
        try Interruption.shared.checkpoint()
        for done in completed {
            let folder: URL
            do {
                folder = try ResultWriter.write(scenario: done.scenario.name, rows: done.rows, record: done.record, into: directory)
            } catch {
                throw RunFailure(message: "cannot write the results of \(done.scenario.name) into \(directory.path): \(error)")
            }
            if !quiet { print("→ \(folder.path)/summary.csv") }
        }
        for (file, contents) in extra {
            do { try AtomicFile.write(contents, to: file) } catch {
                throw RunFailure(message: "cannot write \(file.path): \(error)")
            }
            if !quiet { print("→ \(file.path)") }
        }
    }
}

/// What a command watches a run with: its progress display, if any, and the signals that stop it.
struct CommandObserver: SimulationObserver {
    let progress: ProgressReporter?
    let interruption: Interruption

    func taskFinished(completed: Int, total: Int) { progress?.taskFinished(completed: completed, total: total) }
    var isCancelled: Bool { interruption.isCancelled }
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
