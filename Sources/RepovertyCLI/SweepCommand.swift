import ArgumentParser
import Foundation
import Output
import Runs
import Sweeps

/// `repoverty sweep SCENARIO --grid KEY=V1,V2 ... --output DIR`: run every point of a grid or sample into a SQLite store.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a parameter sweep: a full factorial grid or a Latin-hypercube sample, resumable and shardable.",
        discussion: """
            Writes DIR/sweep.sqlite (points, every metric of every point, each run's provenance), committing each point
            as it finishes, then DIR/sweep.csv (one row per point: the swept keys and the headline metrics with their
            95 % intervals; a complete Latin-hypercube sample adds DIR/prcc.csv, which keys drive each metric). Every \
            point runs with the sweep's seed (common random numbers: differences between points are the keys', not \
            sampling noise); with --independent-seeds point i's seed is derived from --seed and i. Either way \
            `repoverty run SCENARIO --set KEY=VALUE ... --seed <its seed>` re-makes a point alone. --progress shows a bar \
            over the points with the time left, or JSON lines on standard error. --shard I/N runs the points whose index \
            is I modulo N; `repoverty merge`
            combines shards. --slurm writes sbatch scripts instead of running.
            Exit codes: 0 success, 1 a failure while running (or a sweep stopped early), 2 bad input or usage.
            """
    )

    @OptionGroup var definition: SweepDefinitionOptions

    @OptionGroup var options: RunOptions

    @OptionGroup var sharding: ShardOptions

    @Flag(help: "Continue the sweep in DIR, skipping the points already complete (starts it if DIR has none).")
    var resume = false

    @Option(help: "Folder for sweep.sqlite and sweep.csv.")
    var output: String

    @Flag(help: "Print nothing but errors (and the rows, with --format).")
    var quiet = false

    @Option(help: "Also print the rows to standard output as csv or json (progress then goes to standard error).")
    var format: SweepOutputFormat?

    /// Test hook: stop after this many points as if interrupted (exit 1, finished points kept).
    @Option(parsing: .unconditional, help: .hidden, transform: OptionValues.whole)
    var stopAfterPoints: Int?

    func validate() throws {
        if sharding.slurm && resume { throw ShardOptions.slurmWithShard }
    }

    func run() throws {
        let shard = try sharding.parsedShard() ?? .whole
        let plan = try definition.plan(overrides: options.overrides, size: options.size, shard: shard)
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        // Before any file is made: every point must fit in memory, and the folder must be ours and writable.
        try Runner(threads: options.size.resolvedThreads).checkMemory(plan.points.map(\.scenario))
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: directory) } catch { throw RunError.outputFolder(error) }
        defer { folder.release() }
        if sharding.slurm { return try writeSlurmScripts(plan, directory: directory) }

        let storeURL = directory.appendingPathComponent("sweep.sqlite")
        let store: SweepStore
        do {
            if resume && FileManager.default.fileExists(atPath: storeURL.path) {
                store = try SweepStore.open(at: storeURL)
                let found = try store.identity()
                if found != plan.identity {
                    throw SweepStoreError.differentSweep(storeURL.path, expected: plan.identity.description, found: found.description)
                }
            } else {
                store = try SweepStore.create(at: storeURL, identity: plan.identity)
            }
        } catch { throw sweepFailure(error, writing: storeURL.path) }

        let progress = SweepProgress(
            quiet: quiet, toStandardError: format != nil, stopAfter: stopAfterPoints,
            reporter: options.progress.reporter(scenario: "\(plan.scenarioName) sweep", quiet: quiet))
        let report: SweepRunner.Report
        do {
            report = try SweepRunner(threads: options.size.resolvedThreads, isCancelled: { Interruption.shared.isCancelled })
                .run(plan, store: store, observer: progress)
        } catch {
            progress.finish()
            try? store.close()
            throw sweepFailure(error, writing: storeURL.path)
        }
        progress.finish()

        let csvURL = directory.appendingPathComponent("sweep.csv")
        let rows: [SweepTable.Row]
        do {
            rows = SweepTable.rows(try store.storedPoints())
            try store.close()
            try AtomicFile.write(SweepTable.csv(keyPaths: plan.keyPaths, rows: rows), to: csvURL)
            try writePRCC(identity: plan.identity, rows: rows, into: directory)
        } catch { throw sweepFailure(error, writing: csvURL.path) }
        if let format { printSweepRows(format, keyPaths: plan.keyPaths, rows: rows) }
        progress.say(
            "\(plan.scenarioName): \(rows.count) points (\(report.ran) run now, \(report.skipped) already complete), shard \(shard)"
                + " → \(csvURL.path), \(storeURL.path)")
    }

    private func writeSlurmScripts(_ plan: SweepPlan, directory: URL) throws {
        let absoluteOutput = directory.standardizedFileURL.path
        let scripts = SlurmScripts(
            executable: ExecutablePath.current, sweepArguments: definition.arguments() + options.runArguments,
            output: absoluteOutput, workingDirectory: FileManager.default.currentDirectoryPath,
            tasks: sharding.taskCount(units: plan.totalPoints), cpusPerTask: options.threads ?? 1,
            options: sharding.sbatchOptions, jobName: "repoverty-\(plan.scenarioName)")
        try sharding.write(
            scripts, into: directory, name: plan.scenarioName, work: "\(plan.totalPoints) points",
            results: "\(absoluteOutput)/sweep.csv and sweep.sqlite", quiet: quiet)
    }
}

/// Progress for people, logs and schedulers, and the test hook that stops a sweep early.
///
/// A line per finished point (standard output, or standard error with `--format`), and `--progress` over the points
/// as `run` shows it over a run's tasks (standard error): a bar with the share done and the time left (`auto` when
/// standard error is a terminal, `bar`), or JSON lines — `start`, one `progress` per point with `completed`, `total`,
/// `elapsedSeconds` and `etaSeconds`, and `finish` (`json`). The time left is the mean time of the points run so far
/// times the points remaining.
final class SweepProgress: SweepObserver {
    let quiet: Bool
    let toStandardError: Bool
    let stopAfter: Int?
    let reporter: ProgressReporter?
    private var finished = 0

    init(quiet: Bool, toStandardError: Bool, stopAfter: Int?, reporter: ProgressReporter? = nil) {
        self.quiet = quiet
        self.toStandardError = toStandardError
        self.stopAfter = stopAfter
        self.reporter = reporter
    }

    var shouldStop: Bool { Interruption.shared.isCancelled || stopAfter.map { finished >= $0 } ?? false }

    func pointStarted(_ point: PlannedPoint, position: Int, remaining: Int) {
        if position == 1 { reporter?.begin(total: remaining) }
    }

    func pointFinished(_ point: PlannedPoint, position: Int, remaining: Int, seconds: Double) {
        finished += 1
        let values = zip(point.keyPaths, point.values).map { "\($0)=\($1)" }.joined(separator: " ")
        reporter?.clearBar()
        say("point \(point.index) (\(position)/\(remaining)): \(values), seed \(point.seed), " + String(format: "%.2f s", seconds))
        reporter?.taskFinished(completed: position, total: remaining)
    }

    /// The sweep is over, finished or not: the `finish` line, or the bar cleared.
    func finish() { reporter?.finish() }

    func say(_ line: String) {
        if quiet { return }
        if toStandardError { printToStandardError(line) } else { print(line) }
        fflush(nil)  // a log file or pipe on a cluster sees each point as it finishes
    }
}

/// The running executable's absolute path, for scripts that call it again.
enum ExecutablePath {
    static var current: String {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
