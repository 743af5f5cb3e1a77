import Foundation

/// The `sbatch` scripts that run a sweep on a Slurm cluster: an array job whose task I runs shard I/N, and a merge job.
///
/// Each task writes its own store, `DIR/shards/I/sweep.sqlite` (one writer per SQLite file, which shared file
/// systems need), and passes `--resume`, so a requeued task keeps the points it had finished. The merge job, submitted
/// with `--dependency=afterok:<array job>`, runs only when every task succeeded and writes `DIR/sweep.sqlite` and
/// `DIR/sweep.csv`. The scripts name the executable, the scenario and the folders by absolute path.
public struct SlurmScripts: Equatable, Sendable {
    public let arrayScript: String
    public let mergeScript: String
    public let submitScript: String

    /// - Parameters:
    ///   - executable: absolute path of `repoverty` on the cluster's shared file system.
    ///   - sweepArguments: the sweep's own arguments (scenario, `--grid`, `--sample`, run options), without
    ///     `--output`, `--shard`, `--resume`, `--slurm`, `--format` or `--quiet`.
    ///   - output: absolute path of the sweep's folder.
    ///   - workingDirectory: where the jobs run (relative paths in the arguments are resolved from it).
    ///   - tasks: N, the number of array tasks and shards.
    ///   - cpusPerTask: threads each task uses (`--cpus-per-task`).
    ///   - options: extra `#SBATCH` options for both jobs, e.g. `--partition=short` or `--time=01:00:00`.
    public init(
        executable: String, sweepArguments: [String], output: String, workingDirectory: String, tasks: Int,
        cpusPerTask: Int, options: [String], jobName: String
    ) {
        let q = SlurmScripts.quote
        let logs = output + "/slurm/logs"
        let extra = options.map { "#SBATCH \($0)\n" }.joined()
        arrayScript = """
            #!/bin/bash
            #SBATCH --job-name=\(jobName)
            #SBATCH --array=0-\(tasks - 1)
            #SBATCH --cpus-per-task=\(cpusPerTask)
            #SBATCH --chdir=\(workingDirectory)
            #SBATCH --output=\(logs)/sweep-%A_%a.out
            \(extra)# Written by `repoverty sweep --slurm`. Task I runs shard I/\(tasks) of the sweep into its own folder;
            # --resume keeps the points a requeued task had finished.
            set -euo pipefail
            shard="${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}"
            exec \(q(executable)) sweep \(sweepArguments.map(q).joined(separator: " ")) \\
                --threads "${SLURM_CPUS_PER_TASK:-\(cpusPerTask)}" --shard "$shard/\(tasks)" --resume --quiet \\
                --output \(q(output + "/shards"))/"$shard"

            """
        let shardFolders = (0..<tasks).map { q(output + "/shards/\($0)") }.joined(separator: " ")
        mergeScript = """
            #!/bin/bash
            #SBATCH --job-name=\(jobName)-merge
            #SBATCH --cpus-per-task=1
            #SBATCH --chdir=\(workingDirectory)
            #SBATCH --output=\(logs)/merge-%j.out
            \(extra)# Written by `repoverty sweep --slurm`: merges the \(tasks) shards into \(output)/sweep.sqlite and sweep.csv.
            set -euo pipefail
            exec \(q(executable)) merge \(shardFolders) --quiet --output \(q(output))

            """
        submitScript = """
            #!/bin/bash
            # Written by `repoverty sweep --slurm`: submits the array job, then the merge job to run after it succeeds.
            set -euo pipefail
            array=$(sbatch --parsable \(q(output + "/slurm/sweep.sbatch")))
            array=${array%%;*}
            merge=$(sbatch --parsable --dependency=afterok:"$array" \(q(output + "/slurm/merge.sbatch")))
            echo "submitted array job $array (\(tasks) tasks) and merge job ${merge%%;*}"

            """
    }

    /// Single-quotes a word for bash unless it is plainly safe.
    public static func quote(_ word: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !word.isEmpty && word.unicodeScalars.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Writes the three scripts into `DIR/slurm/` (executable) and makes the log folder.
    /// - Returns: the paths written: array script, merge script, submit script.
    public func write(into output: URL) throws -> [URL] {
        let folder = output.appendingPathComponent("slurm", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("logs", isDirectory: true), withIntermediateDirectories: true)
        let files = [("sweep.sbatch", arrayScript), ("merge.sbatch", mergeScript), ("submit.sh", submitScript)]
        return try files.map { name, text in
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            return url
        }
    }
}
