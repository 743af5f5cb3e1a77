import Foundation
import Model
import Scenarios

/// The run-size options of a command (`--seed --replicates --households --years --threads`), as typed values.
///
/// They replace the loaded scenario's `run` settings after the file and its `--set` overrides, so they win over both.
/// Applying them here, in one place, lets an error name the option the user typed (`--years`), not a `--set` the user
/// never wrote.
public struct RunSize: Sendable, Equatable {
    public var seed: UInt64?
    public var replicates: Int?
    public var households: Int?
    public var years: Int?
    /// Worker threads: not a scenario setting, since it never changes the results.
    public var threads: Int?

    public init(seed: UInt64? = nil, replicates: Int? = nil, households: Int? = nil, years: Int? = nil, threads: Int? = nil) {
        self.seed = seed
        self.replicates = replicates
        self.households = households
        self.years = years
        self.threads = threads
    }

    /// The worker threads asked for, or one per core.
    public var resolvedThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The checks that need no scenario, for a command to make before it loads any file.
    public func check() throws(RunSizeError) {
        for (option, value) in [("--replicates", replicates), ("--households", households), ("--years", years), ("--threads", threads)] {
            if let value, value < 1 { throw RunSizeError(option: option, value: value) }
        }
    }

    /// Each option given, as the scenario key it sets and the option's name, in the order they are applied.
    private var settings: [(key: String, option: String, value: String)] {
        var settings: [(String, String, String)] = []
        if let seed { settings.append(("run.seed", "--seed", String(seed))) }
        if let replicates { settings.append(("run.replicates", "--replicates", String(replicates))) }
        if let households { settings.append(("run.households", "--households", String(households))) }
        if let years { settings.append(("run.years", "--years", String(years))) }
        return settings
    }

    /// The options given, as `key.path=value`: what a record lists among its overrides, so that the scenario file and
    /// that list re-make the run.
    public var overrides: [String] { settings.map { "\($0.key)=\($0.value)" } }

    /// The same size without the settings of `keyPaths`: a sweep's swept keys and point seeds, and a calibration's free
    /// keys, win over the run options.
    public func excluding(_ keyPaths: [String]) -> RunSize {
        var size = self
        if keyPaths.contains("run.seed") { size.seed = nil }
        if keyPaths.contains("run.replicates") { size.replicates = nil }
        if keyPaths.contains("run.households") { size.households = nil }
        if keyPaths.contains("run.years") { size.years = nil }
        return size
    }

    /// Loads `path` with the `--set` overrides and then these options, which win over both, checking the whole once:
    /// a `--set` that is valid only with the options (a wage schedule as long as `--years`) loads.
    ///
    /// - Throws: the loader's error. When the file and its `--set` overrides are valid without the options, the
    ///   options are at fault and the error names the option typed rather than `--set`
    ///   (`--years: run.years: expected a whole number between 1 and 100, got 101`,
    ///   `--years: shocks.wages.schedule: expected at most run.years = 1 entries (one a year), got 2`).
    public func load(path: String, overrides: [String]) throws(ScenarioError) -> Scenario {
        let settings = self.settings
        do {
            return try ScenarioLoader.load(path: path, overrides: overrides + self.overrides)
        } catch {
            guard !settings.isEmpty else { throw error }
            // The file's own mistakes come first, named as the file names them.
            _ = try ScenarioLoader.load(path: path, overrides: overrides)
            // The option whose key is at fault or named in the message; failing that, every option given.
            let culprit = settings.first { $0.key == error.keyPath } ?? settings.first { error.message.contains($0.key) }
            var named = error
            named.file = culprit?.option ?? settings.map(\.option).joined(separator: " ")
            named.line = nil
            throw named
        }
    }
}

/// A run option out of range before any scenario is read, e.g. `--households must be at least 1, got 0`.
public struct RunSizeError: Error, Equatable, Sendable, CustomStringConvertible {
    public let option: String
    public let value: Int

    public var description: String { "\(option) must be at least 1, got \(value)" }
}
