import ArgumentParser
import Foundation
import Output
import Runs
import Sweeps

/// `--shard`, `--slurm`, `--tasks` and `--sbatch`: how `sweep` and `sensitivity` split their work between processes
/// and onto a Slurm cluster, the same way for both (one parsing, one check, one set of printed instructions).
struct ShardOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Run only shard I of N: the points of a sweep, or the runs of an analysis (the base run first), whose index is I"
            + " modulo N; `repoverty merge` combines the shards.",
        valueName: "I/N"))
    var shard: String?

    @Flag(help: "Write Slurm scripts (an array job, task I running shard I/N, and a merge job) into DIR/slurm/ instead of running.")
    var slurm = false

    @Option(
        parsing: .unconditional,
        help: "With --slurm: the number of array tasks N (default: one per point or run, at most 32).",
        transform: OptionValues.whole)
    var tasks: Int?

    @Option(
        name: .customLong("sbatch"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("With --slurm: an extra #SBATCH option for both jobs, e.g. --sbatch --partition=short. Repeatable."))
    var sbatchOptions: [String] = []

    func validate() throws {
        if let shard {
            do { _ = try Shard.parse(shard) } catch { throw ValidationError(error.description) }
        }
        if slurm && shard != nil { throw Self.slurmWithShard }
        if let tasks, tasks < 1 { throw ValidationError("--tasks '\(tasks)': expected at least 1") }
        if (tasks != nil || !sbatchOptions.isEmpty) && !slurm { throw ValidationError("--tasks and --sbatch: expected --slurm too") }
    }

    /// `--slurm` with `--shard` or `--resume` (the command checks `--resume`, which is its own option).
    static let slurmWithShard = ValidationError("--slurm: expected no --shard or --resume (each task gets its shard)")

    /// The shard asked for; nil for the whole.
    func parsedShard() throws -> Shard? { try shard.map { text throws in try Shard.parse(text) } }

    /// N: `--tasks`, or one task per unit of work up to 32, never more tasks than units.
    func taskCount(units: Int) -> Int { min(tasks ?? min(units, 32), units) }

    /// Writes `scripts` into `directory`/slurm and, unless quiet, says what was written and how to submit it.
    /// - Parameters:
    ///   - work: what the tasks divide, e.g. "6 points" or "41 runs".
    ///   - results: where the merged results will be.
    func write(_ scripts: SlurmScripts, into directory: URL, name: String, work: String, results: String, quiet: Bool) throws {
        let written: [URL]
        do { written = try scripts.write(into: directory) } catch let error as SlurmScriptError {
            throw BadInput(message: error.description)
        } catch {
            throw RunFailure(message: "cannot write the Slurm scripts into \(directory.path): \(error)")
        }
        if quiet { return }
        let tasks = scripts.tasks
        print("""
            \(name): \(work) in \(tasks) array tasks (task I runs --shard I/\(tasks))
            wrote \(written.map(\.path).joined(separator: ", "))
            submit both jobs:   bash \(written[2].path)
            or by hand:         jobid=$(sbatch --parsable \(written[0].path))
                                sbatch --dependency=afterok:${jobid%%;*} \(written[1].path)
            results:            \(results) once the merge job has run
            """)
    }
}
