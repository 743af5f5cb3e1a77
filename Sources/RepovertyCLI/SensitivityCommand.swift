import ArgumentParser
import Engine
import Foundation
import Model
import Output
import Runs
import Scenarios
import Sensitivity
import Sweeps
import Synchronization

/// `repoverty sensitivity SCENARIO`: which assumptions the answer rests on (issue 16). Every model key moved down
/// and up, each run paired with the base by replicate; the library runs and ranks, this command parses and prints.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Move each model key down and up and rank the keys by how much the answer changes.",
        discussion: """
            One at a time, every model key (or those of --keys; never run.*) is moved by --change down and up \
            (probabilities and shares on the logit scale, shares of a group renormalised, whole numbers by at least \
            one) and the scenario is run with the base's seed and sizes, so each change is paired by replicate with \
            the base (common random numbers). Keys that change nothing here are listed as having no effect.
            With --against BASELINE, the change reported is that of the difference scenario − baseline when the key \
            moves in both alike.

            Writes DIR/sensitivity.csv, DIR/sensitivity.json (provenance, skipped keys) and the base run's \
            DIR/<name>/; `repoverty report DIR` draws the tornado chart.
            With --uncertainty N, the keys marked assumed (or those of --keys) are instead sampled jointly, each \
            between its −X % and +X % values, by an N-point Latin hypercube; every sample runs with the base's seed. \
            Writes DIR/uncertainty.csv (5th, 50th, 95th percentiles and range of each metric and of its change from \
            the base), DIR/uncertainty-samples.csv, DIR/prcc.csv (partial rank correlations of each metric with each \
            key, 95 % intervals) and DIR/sensitivity.json. PRCC needs more samples than keys: N of twice the keys or more.

            --shard I/N runs only the analysis's runs whose index is I modulo N (the base run is run 0) into \
            DIR/sensitivity.sqlite and writes no table; `repoverty merge DIR...` of every shard's folder makes the \
            same files as one whole analysis. --slurm writes sbatch scripts (an array job, task I running shard I/N, \
            and a merge job) into DIR/slurm/ instead of running.
            Each key's status (the source column, the tornado's colours, which keys --uncertainty samples) is its \
            status in this scenario: a `keyStatus:` entry of the scenario or a file it extends, else the key's \
            declared status (`repoverty keys`).

            Exit codes: 0 success, 1 a failure while running (an interruption, an unwritable folder), 2 bad input or usage.
            """
    )

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("Keys to move, comma-separated (default: every model key).", valueName: "key,..."))
    var keys: String?

    @Option(help: ArgumentHelp("How far each key moves, in percent (default 20%).", valueName: "X%"))
    var change: String = "20%"

    @Option(help: ArgumentHelp(
        "Whole-horizon metrics of summary.csv, comma-separated (default cumulative_repoverty_rate).", valueName: "M,..."))
    var metric: String = SensitivitySettings.defaultMetric

    @Option(help: "A baseline scenario: report the change in the difference scenario − baseline.")
    var against: String?

    @Option(help: ArgumentHelp(
        "Instead of one at a time, sample the assumed keys (or those of --keys) jointly over ±--change by Latin hypercube,"
            + " N samples each paired with the base, and report the spread and the keys that drive it (PRCC).",
        valueName: "N"))
    var uncertainty: Int?

    @OptionGroup var options: RunOptions

    @Option(help: "Folder for the results (default results/sensitivity-<name>).")
    var output: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Replace the results of a different earlier analysis in DIR (by default the command refuses, exit 2).")
    var force = false

    @Flag(help: "Reuse the runs a stopped analysis kept in DIR/sensitivity.sqlite (the same runs only), and run the rest.")
    var resume = false

    @Flag(help: "Print the number of runs and an estimate of their time and memory, and stop without running.")
    var plan = false

    @OptionGroup var sharding: ShardOptions

    /// Test hook: stop after this many new runs as if interrupted (exit 1, finished runs kept in the store).
    @Option(parsing: .unconditional, help: .hidden, transform: OptionValues.whole)
    var stopAfterRuns: Int?

    /// `20%`, `20` or `12.5 %`: always percent.
    static func percent(_ text: String) -> Double? {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasSuffix("%") { digits.removeLast() }
        guard let number = Double(digits.trimmingCharacters(in: .whitespaces)), number.isFinite else { return nil }
        return number / 100
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        if sharding.slurm && resume { throw ShardOptions.slurmWithShard }
    }

    func run() throws {
        guard let relative = Self.percent(change) else {
            throw BadInput(message: "--change: expected a percentage such as 20%, got '\(change.prefix(32))'")
        }
        let settings = SensitivitySettings(
            keys: keys.map(Self.list), change: relative, metrics: Self.list(metric),
            against: against.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent },
            uncertainty: uncertainty)
        guard !settings.metrics.isEmpty else { throw BadInput(message: "--metric: expected at least one metric") }
        do { try SensitivityAnalysis.check(settings) } catch { throw BadInput(message: error.description) }

        let loaded = try Runner.load([scenario] + (against.map { [$0] } ?? []), overrides: options.overrides, size: options.size)
        let base = loaded[0]
        for scenario in loaded { try BadInput.refusingMixture(scenario, command: "sensitivity") }
        if loaded.count > 1, loaded[1].parameters.run != base.parameters.run {
            throw BadInput(message: SensitivityError.runSettingsDiffer(
                scenario: base.sourcePath, baseline: loaded[1].sourcePath).description)
        }
        // Per-run lines would be hundreds: progress counts keys (or samples), on standard error (`StepProgress`).
        let observer = StopObserver(stopAfterRuns: stopAfterRuns)
        let runner = Runner(threads: options.size.resolvedThreads, observer: observer)
        try runner.checkMemory(loaded)
        do { try SensitivityAnalysis.checkMetrics(settings.metrics, of: base, threads: options.size.resolvedThreads) } catch
            let error as SensitivityError { throw BadInput(message: error.description) }
        let shard = try sharding.parsedShard()
        let baseline = loaded.count > 1 ? loaded[1] : nil
        if plan || !quiet {
            try printEstimate(loaded, settings: settings, shard: shard, threads: options.size.resolvedThreads, observer: observer)
        }
        if plan { return }
        let directory = URL(fileURLWithPath: output ?? "results/sensitivity-\(base.name)", isDirectory: true)
        if sharding.slurm { return try writeSlurmScripts(base, baseline, settings, directory: directory) }
        let identity = SensitivityIdentity(
            program: Self.program, scenario: base, baseline: baseline, settings: settings,
            runs: try SensitivityShards.runs(base, against: baseline, settings: settings).count)
        if let shard { return try runShard(shard, base, baseline, settings, identity, runner, observer, directory) }
        let folder = try runner.claim(directory, for: loaded, force: force)
        try Self.checkEarlier(settings, in: directory, force: force)
        let store = try openStore(in: directory, identity: identity, shard: "whole")
        defer { Self.close(store) }
        let cache = CountingStore(store, observer)
        let outcome: SensitivityOutcome
        if settings.uncertainty != nil {
            outcome = .uncertainty(try analysing(in: directory, cache) { progress in
                try UncertaintyAnalysis.run(
                    base, against: baseline, settings: settings, runner: runner, cache: cache, progress: progress)
            } line: { index, count, _ in "sample \(index)/\(count)" })
        } else {
            outcome = .oneAtATime(try analysing(in: directory, cache) { progress in
                try SensitivityAnalysis.run(
                    base, against: baseline, settings: settings, runner: runner, cache: cache, progress: progress)
            } line: { index, count, key in "key \(index)/\(count): \(key)" })
        }
        try Self.finish(outcome, runner: runner, folder: folder, directory: directory, quiet: quiet)
        if !quiet { Self.sayReused(store) }
    }

    /// `--shard I/N`: only the shard's runs, into DIR/sensitivity.sqlite; no table, which needs every shard's runs.
    func runShard(
        _ shard: Shard, _ base: Scenario, _ baseline: Scenario?, _ settings: SensitivitySettings,
        _ identity: SensitivityIdentity, _ runner: Runner, _ observer: StopObserver, _ directory: URL
    ) throws {
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: directory) } catch { throw RunError.outputFolder(error) }
        defer { folder.release() }
        // A shard's store beside a finished analysis's files would leave them describing runs the store no longer holds.
        if !force, FileManager.default.fileExists(atPath: directory.appendingPathComponent(SensitivityFiles.jsonName).path) {
            throw BadInput(
                message: "\(directory.path) holds the results of a whole sensitivity analysis; give each shard a folder of its"
                    + " own (--output), or add --force")
        }
        let store = try openStore(in: directory, identity: identity, shard: shard.description)
        defer { Self.close(store) }
        let cache = CountingStore(store, observer)
        let report = try analysing(in: directory, cache) { progress in
            try SensitivityShards.run(
                base, against: baseline, settings: settings, shard: shard, runner: runner, cache: cache, progress: progress)
        } line: { index, count, label in "run \(index)/\(count): \(label)" }
        guard !quiet else { return }
        print("\(base.name): shard \(shard), \(report.runs) of the analysis's \(report.total) runs → \(store.url.path)")
        Self.sayReused(store)
        print("This is part of an analysis: no sensitivity.csv until `repoverty merge` of every shard's folder makes it.")
    }

    /// The store of DIR, kept with --resume when it holds this analysis; a store of another analysis is refused then.
    func openStore(in directory: URL, identity: SensitivityIdentity, shard: String) throws -> SensitivityStore {
        let url = directory.appendingPathComponent(SensitivityStore.fileName)
        let store: SensitivityStore
        do { store = try SensitivityStore(at: url, program: Self.program, resume: resume) } catch {
            throw RunFailure(message: "cannot keep the runs in \(url.path): \(error)")
        }
        if resume, !force, let found = try? store.identity(), case let differences = found.identity.differences(from: identity),
            !differences.isEmpty
        {
            try? store.close()
            throw BadInput(
                message: "\(url.path) holds the runs of a different analysis (it differs in \(differences.joined(separator: "; ")));"
                    + " choose another --output, or add --force to resume into it anyway")
        }
        do { try store.setIdentity(identity, shard: shard) } catch {
            try? store.close()
            throw RunFailure(message: "cannot keep the runs in \(url.path): \(error)")
        }
        return store
    }

    /// A store that kept no run (stopped during the base run) is not left behind.
    static func close(_ store: SensitivityStore) {
        let kept = (try? store.count()) ?? 1
        try? store.close()
        if kept == 0 { try? FileManager.default.removeItem(at: store.url) }
    }

    /// Refuses to replace the results of a different earlier analysis in `directory` without --force.
    static func checkEarlier(_ settings: SensitivitySettings, in directory: URL, force: Bool) throws {
        if !force, case .some(let earlier) = SensitivityFiles.earlierSettings(in: directory), earlier != settings {
            throw BadInput(
                message: "\(directory.path) holds the results of a different sensitivity analysis"
                    + (earlier == nil ? " (an unreadable sensitivity.json)" : " (other keys, change, metrics, baseline or samples)")
                    + "; choose another --output or add --force to replace them")
        }
    }

    /// `--slurm`: an array job whose task I runs `--shard I/N` into DIR/shards/I, and a merge job (`SlurmScripts`).
    func writeSlurmScripts(
        _ base: Scenario, _ baseline: Scenario?, _ settings: SensitivitySettings, directory: URL
    ) throws {
        let total = try SensitivityShards.runs(base, against: baseline, settings: settings).count
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        var arguments = [absolute(scenario), "--change", change, "--metric", metric]
        if let keys { arguments += ["--keys", keys] }
        if let against { arguments += ["--against", absolute(against)] }
        if let uncertainty { arguments += ["--uncertainty", String(uncertainty)] }
        arguments += options.runArguments
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: directory) } catch { throw RunError.outputFolder(error) }
        defer { folder.release() }
        let output = directory.standardizedFileURL.path
        let scripts = SlurmScripts(
            executable: ExecutablePath.current, sweepArguments: arguments, output: output,
            workingDirectory: FileManager.default.currentDirectoryPath, tasks: sharding.taskCount(units: total),
            cpusPerTask: options.threads ?? 1, options: sharding.sbatchOptions, jobName: "repoverty-sensitivity-\(base.name)",
            command: .sensitivity)
        try sharding.write(
            scripts, into: directory, name: base.name, work: "\(total) runs",
            results: "\(output)/\(settings.uncertainty == nil ? SensitivityFiles.csvName : UncertaintyFiles.csvName)",
            quiet: quiet)
    }
}

/// What an analysis made: one-at-a-time rows or an uncertainty spread.
enum SensitivityOutcome {
    case oneAtATime(SensitivityResult)
    case uncertainty(UncertaintyResult)
}

extension SensitivityCommand {
    /// Runs an analysis with its progress on standard error (`--progress`, ``StepProgress``); bad settings are bad
    /// input (exit 2).
    func analysing<Result>(
        in directory: URL, _ cache: CountingStore, _ analysis: (_ progress: (Int, Int, String) -> Void) throws -> Result,
        line: @escaping (Int, Int, String) -> String
    ) throws -> Result {
        let progress = StepProgress(mode: options.progress, label: "sensitivity", quiet: quiet)
        do {
            let result = try analysis { index, count, label in progress.starting(index, of: count, line(index, count, label)) }
            progress.finish()
            return result
        } catch let error as SensitivityError {
            throw BadInput(message: error.description)
        } catch RunError.cancelled where ((try? cache.store.count()) ?? 0) > 0 {
            let file = directory.appendingPathComponent(SensitivityStore.fileName).path
            throw RunFailure(
                message: "interrupted by \(Interruption.shared.signalName ?? "a stop request"): the analysis was stopped"
                    + " before it finished; no results were written, but every run it finished is kept in \(file):"
                    + " the same command with --resume runs only the rest")
        }
    }

    static func sayReused(_ store: SensitivityStore) {
        if store.reused > 0 { print("(\(store.reused) of the runs were kept by an earlier, stopped analysis: --resume)") }
    }

    /// The program that made the stored runs: a store of another version or commit is not resumed.
    static var program: String { "\(ProgramVersion.current) \(RunProvenance.buildCommit)" }

    /// How many runs the analysis (or its shard) makes at most, their size and an estimate of their time and memory
    /// (`plan`'s).
    func printEstimate(
        _ loaded: [Scenario], settings: SensitivitySettings, shard: Shard?, threads: Int, observer: RunObserver
    ) throws {
        let base = loaded[0]
        let steps: Int
        if let samples = settings.uncertainty {
            steps = samples
        } else {
            let keys = (try? SensitivityAnalysis.keys(settings.keys)) ?? []
            steps = 2 * keys.filter { Perturbation.reasonNotMoved($0, in: base.parameters) == nil }.count
        }
        let total = loaded.count * (1 + steps)
        // A shard takes the analysis's runs whose index is I modulo N (`SensitivityShards`), the base run's index 0.
        let runs = loaded.count * (shard.map { shard in (0...steps).filter { shard.contains(point: $0) }.count } ?? 1 + steps)
        let share = shard.map { ", shard \($0)" } ?? ""
        let of = shard.map { _ in " of the analysis's \(total)" } ?? ""
        let estimate = try SweepEstimate.measure(Array(repeating: base, count: runs), threads: threads, observer: observer)
        let size = base.parameters.run
        print(
            "\(base.name)\(share): at most \(runs)\(of) runs of \(size.households) households × \(size.years) years × \(size.replicates)"
                + " replicates; about \(Plan.duration(estimate.seconds)) and \(Plan.megabytes(estimate.peakMemoryBytes)) peak on"
                + " \(threads) threads (estimated from a calibration run" + (resume ? "; runs kept by a stopped analysis are reused)" : ")"))
        fflush(nil)
    }

    /// The files of the other form of analysis, left by an earlier one replaced with --force: they would no longer
    /// match the folder's sensitivity.json, and `report` would draw them.
    static func removeFiles(ofUncertainty: Bool, in directory: URL) {
        let names = ofUncertainty
            ? [UncertaintyFiles.csvName, UncertaintyFiles.samplesName, PRCCTable.fileName] : [SensitivityFiles.csvName]
        for name in names { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
    }

    /// Writes the analysis's files and the base run's folder, once nothing asked to stop, and prints its table:
    /// what `sensitivity` and `merge` of its shards both finish with.
    static func finish(
        _ outcome: SensitivityOutcome, runner: Runner, folder: OutputFolder, directory: URL, quiet: Bool
    ) throws {
        let base: CompletedRun, baseline: CompletedRun?, files: [(String, String)], table: String
        switch outcome {
        case let .oneAtATime(result):
            (base, baseline, table) = (result.base, result.baseline, SensitivityTable.render(result, limit: 10))
            files = [
                (SensitivityFiles.csvName, SensitivityFiles.csv(result)), (SensitivityFiles.jsonName, try SensitivityFiles.json(result)),
            ]
        case let .uncertainty(result):
            (base, baseline, table) = (result.base, result.baseline, UncertaintyTable.render(result, limit: 10))
            files = [
                (UncertaintyFiles.csvName, UncertaintyFiles.csv(result)),
                (UncertaintyFiles.samplesName, UncertaintyFiles.samplesCSV(result)),
                (PRCCTable.fileName, PRCCTable.csv(result.prcc)),
                (SensitivityFiles.jsonName, try UncertaintyFiles.json(result)),
            ]
        }
        try Interruption.shared.checkpoint()
        try runner.write([base] + (baseline.map { [$0] } ?? []), extra: files, into: folder)
        if case .oneAtATime = outcome { removeFiles(ofUncertainty: true, in: directory) } else {
            removeFiles(ofUncertainty: false, in: directory)
        }
        guard !quiet else { return }
        print(table, terminator: "")
        for (name, _) in files { print("→ \(directory.appendingPathComponent(name).path)") }
    }
}

/// The printed summary of `--uncertainty`: the spread a planner can quote, and the keys that drive it.
enum UncertaintyTable {
    /// Rates and shares print in percent and percentage points; other metrics as they are.
    static func isRate(_ metric: String) -> Bool { metric.contains("rate") || metric == "incidence" }

    static func render(_ result: UncertaintyResult, limit: Int) -> String {
        let change = Int((result.settings.change * 100).rounded())
        let refused = result.skipped.filter { $0.key.hasPrefix("sample ") }.count
        var text = "\n\(result.keys.count) keys sampled jointly by Latin hypercube between −\(change) % and +\(change) %,"
            + " \(result.samples.count) samples" + (refused > 0 ? " (\(refused) refused by the loader)" : "")
            + ", each paired with the base by replicate:\n"
        for metric in result.settings.metrics {
            let rate = isRate(metric)
            func value(_ x: Double) -> String { rate ? String(format: "%.1f %%", x * 100) : String(format: "%.4g", x) }
            func points(_ x: Double) -> String { rate ? String(format: "%+.1f", x * 100) : String(format: "%+.4g", x) }
            let what = result.settings.against.map { "\(metric) (scenario − \($0))" } ?? metric
            guard let level = result.spreads.first(where: { $0.metric == metric && $0.form == "level" }) else {
                text += "  \(what): undefined in every sample\n"
                continue
            }
            text += "  \(what): base \(level.base.map(value) ?? "–"); between \(value(level.p05)) and \(value(level.p95))"
                + " given what is assumed (5th–95th percentiles; range \(value(level.minimum)) to \(value(level.maximum)))\n"
            if let moved = result.spreads.first(where: { $0.metric == metric && $0.form == "change" }) {
                text += "    change from the base: \(points(moved.p05)) to \(points(moved.p95))" + (rate ? " points" : "")
                    + " (range \(points(moved.minimum)) to \(points(moved.maximum)))\n"
            }
        }
        guard let metric = result.settings.metrics.first else { return text }
        let rows = result.prcc.filter { $0.metric == metric }
        let needed = result.keys.count + 3
        text += "\nKeys that drive \(metric) (partial rank correlation, 95 % interval by Fisher's z):\n"
        if !rows.contains(where: { $0.coefficient != nil }) {
            return text + "  none computed: PRCC needs more than \(needed) samples for \(result.keys.count) keys; ask for"
                + " --uncertainty \(2 * result.keys.count) or more\n"
        }
        var table: [[String]] = [["key", "status", "prcc [95 %]"]]
        for row in rows.prefix(limit) {
            guard let c = row.coefficient else { continue }
            table.append([row.key, row.source, String(format: "%+.3f [%+.3f, %+.3f]", c.value, c.lower, c.upper)])
        }
        let widths = (0..<3).map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, line) in table.enumerated() {
            text += "  " + line.enumerated().map { column, cell in
                column < 2 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ") + "\n"
            if index == 0 { text += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return text + "\(result.runs) runs in " + String(format: "%.1f s", result.wallSeconds) + "\n"
    }
}

/// The printed table: the keys the answer rests on most, with their paired changes and 95 % intervals.
enum SensitivityTable {
    static func render(_ result: SensitivityResult, limit: Int) -> String {
        guard let metric = result.settings.metrics.first else { return "" }
        let rows = result.rows.filter { $0.metric == metric }.prefix(limit)
        let change = Int((result.settings.change * 100).rounded())
        let what = result.settings.against.map { "\(metric) (scenario − \($0))" } ?? metric
        var text = "\nTop \(rows.count) of \(result.rows.filter { $0.metric == metric }.count) keys by change in \(what)"
            + " at −\(change) % / +\(change) %, paired by replicate (95 % intervals, t with R − 1 df):\n"
        let header = ["key", "status", "base", "change low [95 %]", "change high [95 %]"]
        var table: [[String]] = [header]
        for row in rows {
            table.append([
                row.key, row.status.rawValue, number(row.base), estimate(row.changeLow), estimate(row.changeHigh),
            ])
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, line) in table.enumerated() {
            text += line.enumerated().map { column, cell in
                column <= 1 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
            if index == 0 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        let switches = rows.map(\.key).filter { ScenarioKeys.declaration(for: $0).map(Perturbation.isSwitch) ?? false }
        if !switches.isEmpty {
            text += "switches (\(switches.joined(separator: ", "))): low and high are the settings 0 and 1 (off and on),"
                + " not a move of \(change) %\n"
        }
        text += "\(result.noEffect.count) keys had no effect in this scenario; \(result.skipped.filter { $0.side == nil }.count)"
            + " were not moved (see sensitivity.json); \(result.runs) runs in " + String(format: "%.1f s", result.wallSeconds) + "\n"
        return text
    }

    static func number(_ value: Double) -> String { String(format: "%.6g", value) }

    static func estimate(_ change: PairedChange?) -> String {
        guard let change else { return "–" }
        guard let lower = change.lower, let upper = change.upper else { return String(format: "%+.4f", change.mean) }
        return String(format: "%+.4f [%+.4f, %+.4f]", change.mean, lower, upper)
    }
}

/// Watches the runs of an analysis: stops on a signal or, as a test hook, after a number of new runs.
final class StopObserver: RunObserver {
    let stopAfterRuns: Int?
    /// New runs recorded in the store, counted by ``CountingStore``.
    let recorded = Mutex(0)

    init(stopAfterRuns: Int?) { self.stopAfterRuns = stopAfterRuns }

    var isCancelled: Bool {
        Interruption.shared.isCancelled || stopAfterRuns.map { limit in recorded.withLock { $0 } >= limit } ?? false
    }
}

/// The store, with each new run counted for ``StopObserver``'s test hook.
final class CountingStore: SensitivityRunCache {
    let store: SensitivityStore
    let observer: StopObserver

    init(_ store: SensitivityStore, _ observer: StopObserver) {
        self.store = store
        self.observer = observer
    }

    func metrics(label: String, parameters: String) throws -> [Metric]? {
        try store.metrics(label: label, parameters: parameters)
    }

    func record(label: String, parameters: String, metrics: [Metric]) throws {
        try store.record(label: label, parameters: parameters, metrics: metrics)
        observer.recorded.withLock { $0 += 1 }
    }

    func completedRun(label: String, of scenario: Scenario) throws -> CompletedRun? {
        try store.completedRun(label: label, of: scenario)
    }

    func record(label: String, run: CompletedRun) throws {
        try store.record(label: label, run: run)
        observer.recorded.withLock { $0 += 1 }
    }
}
