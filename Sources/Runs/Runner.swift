import Engine
import Foundation
import Output
import Scenarios

/// Runs scenarios: load, check the memory, simulate, summarise, record the provenance and write the results folder.
///
/// Every command that runs the model goes through here (`run`, `compare`, `reproduce`, `sweep`, `plan`, `calibrate`,
/// `bench`), so a run made by any of them gives the same `summary.csv` bytes for the same scenario and seed; this is
/// the only caller of `Simulation.run`.
public struct Runner: Sendable {
    /// Worker threads; never changes the results.
    public let threads: Int
    /// Also estimate vulnerability as expected poverty (`run --vulnerability`, MODEL.md §5).
    public var vulnerability: Bool
    public var observer: (any RunObserver)?

    public init(threads: Int, vulnerability: Bool = false, observer: (any RunObserver)? = nil) {
        self.threads = threads
        self.vulnerability = vulnerability
        self.observer = observer
    }

    /// Loads every file, with the `--set` overrides and then the run options, before any runs: bad input stops a
    /// command before any output.
    ///
    /// - Throws: `ScenarioError` (file, line, key, or the run option at fault), or ``RunError/duplicateName(_:)`` when
    ///   two files would write one results folder.
    public static func load(_ paths: [String], overrides: [String] = [], size: RunSize = RunSize()) throws -> [Scenario] {
        let loaded = try paths.map { path throws in try size.load(path: path, overrides: overrides) }
        let names = loaded.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw RunError.duplicateName(duplicate)
        }
        return loaded
    }

    /// Refuses, before anything is allocated, a scenario whose run cannot fit in the memory available.
    public func checkMemory(_ scenarios: [Scenario]) throws(RunError) {
        try MemoryCheck.check(scenarios, threads: threads, vulnerability: vulnerability)
    }

    /// Simulates one scenario and summarises it, writing nothing.
    ///
    /// - Throws: ``RunError/cancelled`` when the observer asked to stop, ``RunError/simulationFailed(file:reason:)``.
    public func run(_ scenario: Scenario) throws(RunError) -> CompletedRun {
        let started = Date()
        observer?.runStarted(scenario)
        let outcome = Result {
            try Simulation.run(scenario.parameters, threads: threads, observer: observer, vulnerability: vulnerability)
        }
        observer?.simulationEnded(scenario)
        let result: SimulationResult
        switch outcome {
        case .success(let made): result = made
        case .failure(SimulationError.cancelled): throw .cancelled
        case .failure(let error): throw .simulationFailed(file: scenario.sourcePath, reason: "\(error)")
        }
        let metrics = Summary.metrics(result)
        let provenance = RunProvenance(
            of: scenario, result: result, startedAt: started, wallSeconds: Date().timeIntervalSince(started),
            vulnerability: vulnerability)
        let completed = CompletedRun(
            scenario: scenario, metrics: metrics, vulnerabilityRows: result.vulnerability?.rows ?? [],
            tasks: result.blockCount * result.replicates.count, provenance: provenance)
        observer?.runFinished(completed)
        return completed
    }

    /// Writes each run's `DIR/<name>/summary.csv` and `run.json`, then any `extra` files, only if the observer has not
    /// asked to stop: a command stopped part-way leaves no results file, and each file is renamed into place whole.
    public func write(
        _ runs: [CompletedRun], extra: [(file: URL, contents: String)] = [], into directory: URL
    ) throws(RunError) {
        if observer?.isCancelled == true { throw .cancelled }
        for run in runs {
            let folder: URL
            do {
                folder = try ResultWriter.write(
                    scenario: run.scenario.name, summary: run.summaryCSV, provenance: run.provenance, into: directory)
            } catch {
                throw .cannotWrite(what: "the results of \(run.scenario.name) into \(directory.path)", reason: "\(error)")
            }
            observer?.wrote(folder.appendingPathComponent("summary.csv"))
        }
        for (file, contents) in extra {
            do { try AtomicFile.write(contents, to: file) } catch {
                throw .cannotWrite(what: file.path, reason: "\(error)")
            }
            observer?.wrote(file)
        }
    }
}
