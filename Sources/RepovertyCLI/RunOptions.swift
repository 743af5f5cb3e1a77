import ArgumentParser
import Runs

/// Options shared by every command that runs the model: each overrides the scenario's `run` section or any key.
/// Only `--set` values stay text; the run options reach the library typed (`RunSize`).
struct RunOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Seed of every random stream (overrides run.seed).",
        transform: OptionValues.seed)
    var seed: UInt64?

    @Option(
        parsing: .unconditional,
        help: "Replicates of the years (overrides run.replicates).",
        transform: OptionValues.whole)
    var replicates: Int?

    @Option(
        parsing: .unconditional,
        help: "Households to synthesise (overrides run.households).",
        transform: OptionValues.whole)
    var households: Int?

    @Option(
        parsing: .unconditional,
        help: "Years of the horizon after year 0 (overrides run.years).",
        transform: OptionValues.whole)
    var years: Int?

    @Option(
        parsing: .unconditional,
        help: "Worker threads; results are identical for any number. Default: the number of cores.",
        transform: OptionValues.whole)
    var threads: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override any scenario key.", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp(
        "Progress on standard error: auto (a bar on a terminal, for runs over 2 s), bar, json (a line per step), none.",
        valueName: "auto|bar|json|none"))
    var progress: ProgressMode = .auto

    /// The run options as typed values, applied by the library after the file and `--set` (so they win).
    var size: RunSize { RunSize(seed: seed, replicates: replicates, households: households, years: years, threads: threads) }

    /// The options given that re-make the same runs on another machine (the Slurm scripts): `--seed`, `--replicates`,
    /// `--households`, `--years` and every `--set`; not `--threads` or `--progress`, which the scripts set themselves.
    var runArguments: [String] {
        var arguments: [String] = []
        if let seed { arguments += ["--seed", String(seed)] }
        if let replicates { arguments += ["--replicates", String(replicates)] }
        if let households { arguments += ["--households", String(households)] }
        if let years { arguments += ["--years", String(years)] }
        return arguments + overrides.flatMap { ["--set", $0] }
    }

    func validate() throws {
        do { try size.check() } catch { throw ValidationError(error.description) }
    }
}
