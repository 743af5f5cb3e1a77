import ArgumentParser
import Engine
import Foundation
import Output
import Runs
import Scenarios
import Sensitivity
import Sweeps

/// `repoverty merge DIR... --output DIR`: combine the shards of a sweep into one store and one `sweep.csv`, or the
/// shards of a sensitivity analysis into its store and tables (issue 16).
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the shards of a sweep, or of a sensitivity analysis, into one store and its tables.",
        discussion: """
            Every input (a sweep folder, or a sweep.sqlite file) must hold the same sweep, and together they must hold
            every point complete; otherwise nothing is written. The merged rows are the same as a whole sweep's.
            Folders of `sensitivity --shard I/N` (or their sensitivity.sqlite files) merge into DIR/sensitivity.sqlite
            and the analysis's files (sensitivity.csv, or uncertainty.csv, uncertainty-samples.csv and prcc.csv;
            sensitivity.json; the base run's folder), the same bytes as the analysis run whole; the scenario is read
            again from the path the shards recorded. Shards of a sweep and of an analysis, or of two analyses, are
            refused, naming the folders and what differs.
            Exit codes: 0 success, 1 a failure while running, 2 bad input or usage (shards of different sweeps, or
            missing points).
            """
    )

    @Argument(help: "The shards' folders (or their sweep.sqlite or sensitivity.sqlite files).")
    var inputs: [String]

    @Option(help: "Folder for the merged sweep.sqlite and sweep.csv.")
    var output: String

    @Flag(help: "Print nothing but errors (and the rows, with --format).")
    var quiet = false

    @Option(help: "Also print the rows to standard output as csv or json.")
    var format: SweepOutputFormat?

    @Flag(help: "Replace a different sweep in the output folder (by default merge refuses, exit 2).")
    var force = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("expected at least one shard folder to merge") }
    }

    /// Each input as the store it names: a folder's `sensitivity.sqlite` when it has one and no `sweep.sqlite`,
    /// else its `sweep.sqlite`; a file as given.
    static func stores(_ inputs: [String]) -> [URL] {
        inputs.map { input -> URL in
            var isFolder: ObjCBool = false
            let url = URL(fileURLWithPath: input)
            if FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
                let sensitivity = url.appendingPathComponent(SensitivityStore.fileName)
                if FileManager.default.fileExists(atPath: sensitivity.path),
                    !FileManager.default.fileExists(atPath: url.appendingPathComponent("sweep.sqlite").path)
                {
                    return sensitivity
                }
                return url.appendingPathComponent("sweep.sqlite")
            }
            return url
        }
    }

    func run() throws {
        let urls = Self.stores(inputs)
        let analyses = urls.filter { $0.lastPathComponent == SensitivityStore.fileName }
        if !analyses.isEmpty {
            if let sweep = urls.first(where: { $0.lastPathComponent != SensitivityStore.fileName }) {
                throw BadInput(
                    message: "\(sweep.deletingLastPathComponent().path) is not a sensitivity shard (no \(SensitivityStore.fileName))"
                        + " but \(analyses[0].deletingLastPathComponent().path) is; merge the shards of one sweep or of one"
                        + " sensitivity analysis, not both")
            }
            return try mergeSensitivity(urls)
        }
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let storeURL = directory.appendingPathComponent("sweep.sqlite")
        let csvURL = directory.appendingPathComponent("sweep.csv")
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: directory) } catch { throw RunError.outputFolder(error) }
        defer { folder.release() }
        do {
            let (report, points) = try SweepMerge.merge(
                inputs: urls, into: storeURL, force: force, isCancelled: { Interruption.shared.isCancelled })
            let rows = SweepTable.rows(points)
            try AtomicFile.write(SweepTable.csv(keyPaths: report.identity.keyPaths, rows: rows), to: csvURL)
            try writePRCC(identity: report.identity, rows: rows, into: directory)
            if let format { printSweepRows(format, keyPaths: report.identity.keyPaths, rows: rows) }
            if !quiet {
                let line = "\(report.identity.scenario): merged \(urls.count) stores, \(report.complete) points → \(csvURL.path), \(storeURL.path)"
                if format != nil { printToStandardError(line) } else { print(line) }
            }
        } catch { throw sweepFailure(error, writing: storeURL.path) }
    }
}

/// `prcc.csv` beside `sweep.csv` once a Latin-hypercube sweep is complete (issue 16), for `sweep` and `merge` alike.
func writePRCC(identity: SweepIdentity, rows: [SweepTable.Row], into directory: URL) throws {
    guard let text = PRCCTable.sweepCSV(identity: identity, rows: rows) else { return }
    try AtomicFile.write(text, to: directory.appendingPathComponent(PRCCTable.fileName))
}

extension Merge {
    /// The shards of a sensitivity analysis: their stores merged into DIR/sensitivity.sqlite, then the analysis made
    /// from the stored runs alone (a run missing is an error, never run here) and written as `sensitivity` writes it.
    func mergeSensitivity(_ stores: [URL]) throws {
        if format != nil { throw BadInput(message: "--format: a sensitivity analysis has no sweep rows to print; its files are in --output") }
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let storeURL = directory.appendingPathComponent(SensitivityStore.fileName)
        let isCancelled = { Interruption.shared.isCancelled }
        do {
            let identity = try SensitivityMerge.identity(of: stores[0])
            let (scenario, baseline) = try identity.scenarios()
            let runner = Runner(threads: 1)
            let loaded = [scenario] + (baseline.map { [$0] } ?? [])
            let folder = try runner.claim(directory, for: loaded, force: force)
            defer { folder.release() }
            try SensitivityCommand.checkEarlier(identity.settings, in: directory, force: force)
            _ = try SensitivityMerge.merge(
                inputs: stores, into: storeURL, scenario: scenario, baseline: baseline, isCancelled: isCancelled)
            let store = try SensitivityStore(readingAt: storeURL)
            defer { try? store.close() }
            let cache = StoredRunsOnly(store, isCancelled: isCancelled)
            let outcome: SensitivityOutcome =
                identity.settings.uncertainty != nil
                ? .uncertainty(try UncertaintyAnalysis.run(
                    scenario, against: baseline, settings: identity.settings, runner: runner, cache: cache))
                : .oneAtATime(try SensitivityAnalysis.run(
                    scenario, against: baseline, settings: identity.settings, runner: runner, cache: cache))
            try SensitivityCommand.finish(outcome, runner: runner, folder: folder, directory: directory, quiet: quiet)
            if !quiet { print("\(scenario.name): merged \(stores.count) stores, \(identity.runs) runs → \(storeURL.path)") }
        } catch let error as SensitivityMergeError {
            if case .stopped = error { throw RunFailure(message: "interrupted by \(Interruption.shared.signalName ?? "a signal"): \(error)") }
            throw BadInput(message: error.description)
        } catch let error as ScenarioError {
            throw BadInput(message: "the shards' scenario: \(error.description)")
        } catch let error as SensitivityError {
            throw BadInput(message: error.description)
        } catch let error as RunError {
            throw error.commandError
        } catch let error as BadInput {
            throw error
        } catch let error as RunFailure {
            throw error
        } catch {
            throw RunFailure(message: "\(storeURL.path): \(SweepStoreError.plainReason(error))")
        }
    }
}

/// The merged store as the analysis's only source of runs: a run it lacks is an error (the merge checked there are
/// none), and a stop request is heeded between runs.
final class StoredRunsOnly: SensitivityRunCache {
    let store: SensitivityStore
    let isCancelled: () -> Bool

    init(_ store: SensitivityStore, isCancelled: @escaping () -> Bool) {
        self.store = store
        self.isCancelled = isCancelled
    }

    func metrics(label: String, parameters: String) throws -> [Metric]? {
        if isCancelled() { throw SensitivityMergeError.stopped }
        guard let metrics = try store.metrics(label: label, parameters: parameters) else {
            throw SensitivityMergeError.incomplete(missing: [label], total: 0)
        }
        return metrics
    }

    func completedRun(label: String, of scenario: Scenario) throws -> CompletedRun? {
        if isCancelled() { throw SensitivityMergeError.stopped }
        guard let run = try store.completedRun(label: label, of: scenario) else {
            throw SensitivityMergeError.incomplete(missing: [label], total: 0)
        }
        return run
    }

    func record(label: String, parameters: String, metrics: [Metric]) throws {}
    func record(label: String, run: CompletedRun) throws {}
}
