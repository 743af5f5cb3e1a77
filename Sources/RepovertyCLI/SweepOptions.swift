import ArgumentParser
import Foundation
import Output
import Runs
import Sweeps

/// What defines a sweep, shared by `sweep` and `plan`: the scenario, the `--grid` keys and an optional `--sample N`.
struct SweepDefinitionOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML) every point starts from.")
    var scenario: String

    @Option(
        name: .customLong("grid"),
        help: ArgumentHelp(
            "A swept key: KEY=V1,V2,... or KEY=START:STOP:STEP (full factorial grid), or KEY=LOW..HIGH with --sample. Repeatable.",
            valueName: "key.path=values"))
    var grid: [String] = []

    @Option(
        parsing: .unconditional,
        help: "Draw N points by Latin-hypercube sampling over the --grid KEY=LOW..HIGH ranges instead of a grid.",
        transform: OptionValues.whole)
    var sample: Int?

    @Flag(help: ArgumentHelp(
        "Give each point its own seed derived from --seed and its index, instead of the sweep's seed at every point"
            + " (the default: common random numbers, so differences between points are the keys', not sampling noise)."))
    var independentSeeds = false

    func validate() throws {
        do { _ = try parsedGrid() } catch { throw ValidationError(error.description) }
        if grid.isEmpty { throw ValidationError("--grid: expected at least one KEY=V1,V2,... to sweep") }
        if let sample, sample < 1 { throw ValidationError("--sample '\(sample)': expected a number of points of at least 1") }
    }

    func parsedGrid() throws(SweepArgumentError) -> [GridArgument] {
        try grid.map { text throws(SweepArgumentError) in try GridArgument.parse(text) }
    }

    /// Loads and checks every point of `shard` (a malformed grid combination is bad input, exit 2).
    func plan(overrides: [String], size: RunSize, shard: Shard) throws -> SweepPlan {
        do {
            return try SweepPlan.make(
                scenarioPath: scenario, overrides: overrides, size: size, grid: try parsedGrid(), sample: sample,
                shard: shard, seeding: independentSeeds ? .independent : .common)
        } catch let error as SweepArgumentError {
            throw BadInput(message: error.description)
        }
    }

    /// The arguments that re-make this definition on another machine (for the Slurm scripts), the scenario made absolute.
    func arguments() -> [String] {
        let absolute = URL(fileURLWithPath: scenario).standardizedFileURL.path
        return [absolute] + grid.flatMap { ["--grid", $0] } + (sample.map { ["--sample", String($0)] } ?? [])
            + (independentSeeds ? ["--independent-seeds"] : [])
    }
}

/// `--format csv|json`: the sweep's rows on standard output, and nothing else there.
enum SweepOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}

/// Prints `sweep.csv`'s rows in the chosen format.
func printSweepRows(_ format: SweepOutputFormat, keyPaths: [String], rows: [SweepTable.Row]) {
    switch format {
    case .csv: print(SweepTable.csv(keyPaths: keyPaths, rows: rows), terminator: "")
    case .json: print(SweepTable.json(keyPaths: keyPaths, rows: rows), terminator: "")
    }
}

/// Turns store and merge errors into the documented exit codes: a store that holds another sweep, or shards that do
/// not fit together, are bad input (2); anything else while reading or writing is a failure (1).
func sweepFailure(_ error: Error, writing path: String) -> Error {
    switch error {
    case let error as SweepStoreError:
        switch error {
        case .exists, .differentSweep, .differentPoint, .notAStore, .missing: return BadInput(message: error.description)
        case .unknownPoint: return RunFailure(message: error.description)
        }
    case let error as SweepMergeError:
        if case .stopped = error { return RunFailure(message: "interrupted by \(Interruption.shared.signalName ?? "a signal"): \(error)") }
        return BadInput(message: error.description)
    case let error as SweepRunError:
        if case .stopped = error, Interruption.shared.isCancelled {
            return RunFailure(message: "\(Interruption.shared.signalName.map { "interrupted by \($0): " } ?? "")\(error)")
        }
        return RunFailure(message: error.description)
    case let error as RunError: return error.commandError
    case let error as OutputFolderError: return RunError.outputFolder(error).commandError
    case is BadInput, is RunFailure: return error
    default: return RunFailure(message: "\(path): \(SweepStoreError.plainReason(error))")
    }
}

/// Writes to standard error: progress when standard output carries data, and anything that is not a result.
func printToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
