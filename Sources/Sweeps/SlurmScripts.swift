import Foundation

/// The `sbatch` scripts that run a sweep (or a sensitivity analysis, issue 16) on a Slurm cluster: an array job whose
/// task I runs shard I/N, and a merge job.
///
/// Each task writes its own store, `DIR/shards/I/sweep.sqlite` (one writer per SQLite file, which shared file
/// systems need), and passes `--resume`, so a requeued task keeps the points it had finished. The merge job, submitted
/// with `--dependency=afterok:<array job>`, runs only when every task succeeded and writes `DIR/sweep.sqlite` and
/// `DIR/sweep.csv`. The scripts name the executable, the scenario and the folders by absolute path.
///
/// Nothing the user named reaches a script unquoted (issue 13, family 3): words of commands go through ``quote(_:)``,
/// values of `#SBATCH` lines through ``directiveValue(_:)`` (sbatch reads double quotes and backslashes there), the
/// job name is reduced to letters, digits and `._-`, and a path or option holding a line break or other control
/// character — which would end a comment or a directive and start a shell command on the cluster — is refused by
/// ``write(into:)`` before anything is written.
public struct SlurmScripts: Equatable, Sendable {
    public let arrayScript: String
    public let mergeScript: String
    public let submitScript: String
    /// Values that cannot be written safely into a script, found by `init`; ``write(into:)`` refuses to write then.
    public let unsafeValues: [SlurmScriptError]
    public let command: Command
    /// N, the array tasks and shards.
    public let tasks: Int

    /// The commands that shard their work and merge it: one array task per shard, then `repoverty merge`.
    public enum Command: String, Sendable {
        case sweep, sensitivity
    }

    /// - Parameters:
    ///   - executable: absolute path of `repoverty` on the cluster's shared file system.
    ///   - sweepArguments: the sweep's own arguments (scenario, `--grid`, `--sample`, run options), without
    ///     `--output`, `--shard`, `--resume`, `--slurm`, `--format` or `--quiet`.
    ///   - output: absolute path of the sweep's folder.
    ///   - workingDirectory: where the jobs run (relative paths in the arguments are resolved from it).
    ///   - tasks: N, the number of array tasks and shards.
    ///   - cpusPerTask: threads each task uses (`--cpus-per-task`).
    ///   - options: extra `#SBATCH` options for both jobs, e.g. `--partition=short` or `--time=01:00:00`.
    ///   - command: the sharded command, `sweep` or `sensitivity` (issue 16): its array script is `<command>.sbatch`.
    public init(
        executable: String, sweepArguments: [String], output: String, workingDirectory: String, tasks: Int,
        cpusPerTask: Int, options: [String], jobName: String, command: Command = .sweep
    ) {
        self.command = command
        self.tasks = tasks
        let name = command.rawValue, unit = command == .sweep ? "points" : "runs"
        let results = command == .sweep ? "sweep.sqlite and sweep.csv" : "sensitivity.sqlite and its tables"
        let q = SlurmScripts.quote, d = SlurmScripts.directiveValue
        var unsafe: [SlurmScriptError] = []
        for (what, value) in [("the sweep's output folder", output), ("the working folder", workingDirectory),
                              ("the path of repoverty", executable)] + options.map({ ("the --sbatch option", $0) })
        where Self.hasControlCharacter(value) {
            unsafe.append(SlurmScriptError(what: what, value: value))
        }
        for argument in sweepArguments where Self.hasControlCharacter(argument) {
            unsafe.append(SlurmScriptError(what: "a sweep argument", value: argument))
        }
        unsafeValues = unsafe
        let jobName = Self.jobName(jobName)
        let logs = output + "/slurm/logs"
        let extra = options.map { "#SBATCH \($0)\n" }.joined()
        arrayScript = """
            #!/bin/bash
            #SBATCH --job-name=\(jobName)
            #SBATCH --array=0-\(tasks - 1)
            #SBATCH --cpus-per-task=\(cpusPerTask)
            #SBATCH --chdir=\(d(workingDirectory))
            #SBATCH --output=\(d(logs + "/\(name)-%A_%a.out"))
            \(extra)# Written by `repoverty \(name) --slurm`. Task I runs shard I/\(tasks) of the \(name) into its own folder;
            # --resume keeps the \(unit) a requeued task had finished.
            set -euo pipefail
            shard="${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}"
            exec \(q(executable)) \(name) \(sweepArguments.map(q).joined(separator: " ")) \\
                --threads "${SLURM_CPUS_PER_TASK:-\(cpusPerTask)}" --shard "$shard/\(tasks)" --resume --quiet \\
                --output \(q(output + "/shards"))/"$shard"

            """
        let shardFolders = (0..<tasks).map { q(output + "/shards/\($0)") }.joined(separator: " ")
        mergeScript = """
            #!/bin/bash
            #SBATCH --job-name=\(jobName)-merge
            #SBATCH --cpus-per-task=1
            #SBATCH --chdir=\(d(workingDirectory))
            #SBATCH --output=\(d(logs + "/merge-%j.out"))
            \(extra)# Written by `repoverty \(name) --slurm`: merges the \(tasks) shards into \(output)/\(results).
            set -euo pipefail
            exec \(q(executable)) merge \(shardFolders) --quiet --output \(q(output))

            """
        submitScript = """
            #!/bin/bash
            # Written by `repoverty \(name) --slurm`: submits the array job, then the merge job to run after it succeeds.
            set -euo pipefail
            array=$(sbatch --parsable \(q(output + "/slurm/\(name).sbatch")))
            array=${array%%;*}
            merge=$(sbatch --parsable --dependency=afterok:"$array" \(q(output + "/slurm/merge.sbatch")))
            echo "submitted array job $array (\(tasks) tasks) and merge job ${merge%%;*}"

            """
    }

    /// Characters that need no quoting, in a bash word or an `#SBATCH` value.
    private static let plain = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")

    /// Single-quotes a word for bash unless it is plainly safe: the one quoting of generated shell commands.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty && word.unicodeScalars.allSatisfy({ plain.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A value of an `#SBATCH` line: bare when plainly safe, otherwise in double quotes with `\` and `"` escaped, as
    /// sbatch reads them (it does not use the shell for these lines).
    public static func directiveValue(_ value: String) -> String {
        if !value.isEmpty && value.unicodeScalars.allSatisfy({ plain.contains($0) }) { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The job name Slurm shows: the given name with everything but letters, digits and `._-` replaced by `_`.
    public static func jobName(_ name: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { allowed.contains($0) ? $0 : "_" }))
        return cleaned.isEmpty ? "repoverty" : String(cleaned.prefix(100))
    }

    /// A line break, tab or other control character: what would end a line of a script.
    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) }
    }

    /// Writes the three scripts into `DIR/slurm/` (executable) and makes the log folder.
    /// - Returns: the paths written: array script, merge script, submit script.
    /// - Throws: the first of ``unsafeValues`` before writing anything, or the file system's error.
    public func write(into output: URL) throws -> [URL] {
        if let unsafe = unsafeValues.first { throw unsafe }
        let folder = output.appendingPathComponent("slurm", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("logs", isDirectory: true), withIntermediateDirectories: true)
        let files = [("\(command.rawValue).sbatch", arrayScript), ("merge.sbatch", mergeScript), ("submit.sh", submitScript)]
        return try files.map { name, text in
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            return url
        }
    }
}

/// A value that cannot go into a Slurm script: it holds a line break or another control character.
public struct SlurmScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the value is, e.g. "the sweep's output folder".
    public let what: String
    public let value: String

    public var description: String {
        let shown = value.unicodeScalars.prefix(60).map { $0.properties.generalCategory == .control
            ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return "\(what) '\(shown)\(value.unicodeScalars.count > 60 ? "…" : "")' holds a line break or another control"
            + " character; it cannot be written into a Slurm script safely: rename it"
    }
}
