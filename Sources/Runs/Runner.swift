import Engine
import Model
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
            try Simulation.run(
                scenario.parameters, subpopulations: scenario.subpopulations, threads: threads, observer: observer,
                vulnerability: vulnerability)
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
            subpopulationMetrics: Summary.subpopulationMetrics(result), tasks: result.blockCount * result.replicates.count,
            provenance: provenance)
        observer?.runFinished(completed)
        return completed
    }

    /// Claims the output folder for `scenarios` before any work (issue 13): it is created if needed, locked, probed
    /// with a write, and each `DIR/<name>/` is checked to be free, or to hold the identical run, or `force` is set.
    /// An unwritable folder, a second command writing into it, or results of a different run stop the command here.
    public func claim(_ directory: URL, for scenarios: [Scenario], force: Bool) throws(RunError) -> OutputFolder {
        for scenario in scenarios {
            do { try OutputFolder.checkName(scenario.name) } catch {
                throw .cannotClaim(files: [scenario.sourcePath], error)
            }
        }
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: directory) } catch {
            throw .cannotClaim(files: scenarios.map(\.sourcePath), error)
        }
        for scenario in scenarios {
            do {
                try folder.checkReplaceable(
                    name: scenario.name, parameters: scenario.parameters, subpopulations: scenario.subpopulations,
                    vulnerability: vulnerability,
                    version: ProgramVersion.current, force: force)
            } catch { throw .cannotClaim(files: [scenario.sourcePath], error) }
        }
        return folder
    }

    /// Writes each run's `DIR/<name>/` (`summary.csv`, `replicates.csv` and `run.json`, the folder replaced whole), then any `extra`
    /// files of `DIR` itself, only if the observer has not asked to stop: a command stopped part-way leaves no
    /// results file, and every file or folder is renamed into place whole.
    ///
    /// `extra` files (a comparison's `compare.csv` and `compare.json`) describe the runs beside them, so the earlier
    /// ones are removed before any run's folder is replaced and the new ones written last, and the folder is marked
    /// incomplete (``OutputFolder/incompleteMarker``) in between: a command killed there leaves a folder that `report`
    /// refuses, never a comparison of runs it did not make.
    public func write(
        _ runs: [CompletedRun], extra: [(name: String, contents: String)] = [], into folder: OutputFolder
    ) throws(RunError) {
        if observer?.isCancelled == true { throw .cancelled }
        if !extra.isEmpty {
            do { try folder.beginSet("a comparison") } catch { throw .outputFolder(error) }
        }
        folder.removeFiles(extra.map(\.name))
        for run in runs {
            let written: URL
            do {
                written = try folder.replaceFolder(name: run.scenario.name, files: try run.files())
            } catch let error as OutputFolderError {
                throw .outputFolder(error)
            } catch {
                throw .cannotWrite(what: "the results of \(run.scenario.name) into \(folder.url.path)", reason: "\(error)")
            }
            observer?.wrote(written.appendingPathComponent("summary.csv"))
            observer?.wrote(written.appendingPathComponent(ReplicatesCSV.fileName))
            if run.subpopulationsCSV != nil {
                observer?.wrote(written.appendingPathComponent(SummaryCSV.subpopulationsFileName))
            }
        }
        for (name, contents) in extra {
            do { try folder.writeFile(name, Data(contents.utf8)) } catch { throw .outputFolder(error) }
            observer?.wrote(folder.url.appendingPathComponent(name))
        }
        if !extra.isEmpty { folder.endSet() }
    }

    /// The census of `households` households of `scenario`'s population with `seed`: exactly the households a run of
    /// that size and seed synthesises (`repoverty population`). The observer is asked between blocks whether to stop.
    ///
    /// - Throws: ``RunError/cancelled``, or ``RunError/simulationFailed(file:reason:)``.
    public func populationCensus(of scenario: Scenario, households: Int, seed: UInt64) throws(RunError)
        -> PopulationCensus
    {
        let observer = self.observer
        do {
            return try Simulation.populationCensus(
                scenario.parameters, households: households, seed: seed, isCancelled: { observer?.isCancelled == true })
        } catch SimulationError.cancelled {
            throw .cancelled
        } catch {
            throw .simulationFailed(file: scenario.sourcePath, reason: "cannot synthesise the population: \(error)")
        }
    }

    /// The census of each sub-population of a mixture (MODEL.md §7), in list order, with its households: exactly the
    /// households a run of `households` households with `seed` synthesises for it.
    public func subpopulationCensuses(of scenario: Scenario, households: Int, seed: UInt64) throws(RunError)
        -> [(households: Int, census: PopulationCensus)]
    {
        let observer = self.observer
        do {
            return try Simulation.populationCensus(
                scenario.parameters, subpopulations: scenario.subpopulations, households: households, seed: seed,
                isCancelled: { observer?.isCancelled == true })
        } catch SimulationError.cancelled {
            throw .cancelled
        } catch {
            throw .simulationFailed(file: scenario.sourcePath, reason: "cannot synthesise the population: \(error)")
        }
    }
}
