import ArgumentParser

/// Options shared by every command that runs the model: each overrides the scenario's `run` section or any key.
struct RunOptions: ParsableArguments {
    @Option(help: "Seed of every random stream (overrides run.seed).")
    var seed: UInt64?

    @Option(help: "Replicates of the years (overrides run.replicates).")
    var replicates: Int?

    @Option(help: "Households to synthesise (overrides run.households).")
    var households: Int?

    @Option(help: "Years of the horizon after year 0 (overrides run.years).")
    var years: Int?

    @Option(help: "Worker threads; results are identical for any number. Default: the number of cores.")
    var threads: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override any scenario key.", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp(
        "Progress on standard error: auto (a bar on a terminal, for runs over 2 s), bar, json (a line per step), none.",
        valueName: "auto|bar|json|none"))
    var progress: ProgressMode = .auto

    func validate() throws {
        if let replicates, replicates < 1 { throw ValidationError("--replicates must be at least 1, got \(replicates)") }
        if let households, households < 1 { throw ValidationError("--households must be at least 1, got \(households)") }
        if let years, years < 1 { throw ValidationError("--years must be at least 1, got \(years)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    /// The overrides to apply to every scenario, in order: `--set` values first, then the run options, which win.
    var allOverrides: [String] {
        var all = overrides
        if let seed { all.append("run.seed=\(seed)") }
        if let replicates { all.append("run.replicates=\(replicates)") }
        if let households { all.append("run.households=\(households)") }
        if let years { all.append("run.years=\(years)") }
        return all
    }
}
