import Engine
import Foundation
import Model
import Runs
import Scenarios
import Sweeps

/// One run of an analysis before it runs — the base run, a key moved to one side, an uncertainty sample — with the
/// baseline's run alike in the comparison form: the unit of work a shard takes (`sensitivity --shard`) and the store
/// keeps under its label.
public struct AnalysisRun: Sendable {
    /// `base`, `interventions.dibao.standard high`, `sample 17`; the baseline's run adds ` baseline`.
    public let label: String
    let parameters: ScenarioParameters
    let baselineParameters: ScenarioParameters?
}

/// What every shard of one analysis shares, kept in its store; `merge` combines only stores with the same identity,
/// and reloads the scenario from it to make the analysis's files.
public struct SensitivityIdentity: Codable, Sendable, Equatable {
    /// The program version and commit that made the runs: another program's figures may differ.
    public var program: String
    /// The scenario file and, in the comparison form, the baseline's, as absolute paths.
    public var scenarioFile: String
    public var baselineFile: String?
    /// The `--set` overrides and run options applied to both, in order (`Scenario.overrides`).
    public var overrides: [String]
    public var settings: SensitivitySettings
    /// The scenario's (and baseline's) resolved parameters: a shard run after the file changed holds other runs.
    public var parameters: String
    public var baselineParameters: String?
    /// The analysis's runs, the base run first: how many a complete merge needs.
    public var runs: Int

    public init(
        program: String, scenario: Scenario, baseline: Scenario?, settings: SensitivitySettings, runs: Int
    ) {
        self.program = program
        scenarioFile = URL(fileURLWithPath: scenario.sourcePath).standardizedFileURL.path
        baselineFile = baseline.map { URL(fileURLWithPath: $0.sourcePath).standardizedFileURL.path }
        overrides = scenario.overrides
        self.settings = settings
        parameters = ScenarioLoader.resolvedJSON(scenario.parameters)
        baselineParameters = baseline.map { ScenarioLoader.resolvedJSON($0.parameters) }
        self.runs = runs
    }

    /// The scenario and baseline the shards ran, loaded again from their files with the recorded overrides.
    /// - Throws: the loader's error, or ``SensitivityMergeError/scenarioChanged(_:)`` when a file now gives other
    ///   parameters than the shards ran with.
    public func scenarios() throws -> (scenario: Scenario, baseline: Scenario?) {
        let scenario = try ScenarioLoader.load(path: scenarioFile, overrides: overrides)
        guard ScenarioLoader.resolvedJSON(scenario.parameters) == parameters else {
            throw SensitivityMergeError.scenarioChanged(scenarioFile)
        }
        guard let baselineFile else { return (scenario, nil) }
        let baseline = try ScenarioLoader.load(path: baselineFile, overrides: overrides)
        guard ScenarioLoader.resolvedJSON(baseline.parameters) == baselineParameters else {
            throw SensitivityMergeError.scenarioChanged(baselineFile)
        }
        return (scenario, baseline)
    }

    /// What differs between two identities, in words (empty when they are the same analysis).
    public func differences(from other: SensitivityIdentity) -> [String] {
        var found: [String] = []
        if program != other.program { found.append("the program (\(program) and \(other.program))") }
        if scenarioFile != other.scenarioFile { found.append("the scenario (\(scenarioFile) and \(other.scenarioFile))") }
        if baselineFile != other.baselineFile {
            found.append("the baseline (\(baselineFile ?? "none") and \(other.baselineFile ?? "none"))")
        }
        if overrides != other.overrides {
            found.append("--set and run options (\(overrides.joined(separator: " ")) and \(other.overrides.joined(separator: " ")))")
        }
        let (a, b) = (settings, other.settings)
        if a.keys != b.keys { found.append("--keys") }
        if a.change != b.change { found.append("--change (\(a.change * 100) % and \(b.change * 100) %)") }
        if a.metrics != b.metrics { found.append("--metric (\(a.metrics.joined(separator: ",")) and \(b.metrics.joined(separator: ",")))") }
        if a.uncertainty != b.uncertainty {
            found.append("--uncertainty (\(a.uncertainty.map(String.init) ?? "none") and \(b.uncertainty.map(String.init) ?? "none"))")
        }
        if found.isEmpty && (parameters != other.parameters || baselineParameters != other.baselineParameters) {
            found.append("the scenario's resolved parameters (its file changed between the shards)")
        }
        if found.isEmpty && runs != other.runs { found.append("the number of runs (\(runs) and \(other.runs))") }
        return found
    }
}

/// Sharding an analysis (`sensitivity --shard I/N`): its runs in one fixed order — the base run first, then every
/// moved side (one-at-a-time, keys in order, low before high) or every sample the loader accepts (`--uncertainty`) —
/// and shard I of N runs those whose index is I modulo N (the sweeps' ``Shard``) into its own store. A shard makes no
/// `sensitivity.csv`: a row needs the base run and both sides of its key, which other shards may hold. `merge` of the
/// shards' stores (``SensitivityMerge``) makes the analysis's files from the runs, the same bytes as one whole run.
public enum SensitivityShards {
    /// Every run of the analysis, in the order shards divide them.
    public static func runs(
        _ scenario: Scenario, against baseline: Scenario?, settings: SensitivitySettings
    ) throws -> [AnalysisRun] {
        try SensitivityAnalysis.check(settings)
        let base = AnalysisRun(
            label: SensitivityAnalysis.baseLabel, parameters: scenario.parameters, baselineParameters: baseline?.parameters)
        if settings.uncertainty != nil {
            return [base] + (try UncertaintyAnalysis.plan(scenario, against: baseline, settings: settings)).samples.map(\.run)
        }
        return [base] + (try SensitivityAnalysis.moves(scenario, against: baseline, settings: settings)).moved.map(\.run)
    }

    /// What a shard did.
    public struct Report: Sendable, Equatable {
        /// The shard's runs, and the analysis's.
        public let runs: Int
        public let total: Int
    }

    /// Runs the runs of `shard` of the analysis, each recorded in `cache` (found there on `--resume`).
    /// - Parameter progress: told before each run, with its position in the shard (from 1), the shard's count and
    ///   its label.
    public static func run(
        _ scenario: Scenario, against baseline: Scenario?, settings: SensitivitySettings, shard: Shard, runner: Runner,
        cache: SensitivityRunCache, progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> Report {
        if let baseline, baseline.parameters.run != scenario.parameters.run {
            throw SensitivityError.runSettingsDiffer(scenario: scenario.sourcePath, baseline: baseline.sourcePath)
        }
        let all = try runs(scenario, against: baseline, settings: settings)
        let mine = all.indices.filter { shard.contains(point: $0) }
        for (position, index) in mine.enumerated() {
            progress(position + 1, mine.count, all[index].label)
            if index == 0 {
                _ = try SensitivityAnalysis.baseRuns(scenario, baseline, runner: runner, cache: cache)
            } else {
                _ = try SensitivityAnalysis.runMoved(all[index], scenario, baseline, runner: runner, cache: cache)
            }
        }
        return Report(runs: mine.count, total: all.count)
    }

    /// The runs of the analysis `store` lacks, by label (a run of the comparison form lacks its scenario's or its
    /// baseline's part, each found by label and resolved parameters): none once every shard finished.
    public static func missing(
        _ scenario: Scenario, against baseline: Scenario?, settings: SensitivitySettings, in store: SensitivityStore
    ) throws -> [String] {
        var missing: [String] = []
        for run in try runs(scenario, against: baseline, settings: settings) {
            var wanted = [(run.label, run.parameters)]
            if let parameters = run.baselineParameters { wanted.append((run.label + " baseline", parameters)) }
            if try !wanted.allSatisfy({ try store.contains(label: $0.0, parameters: ScenarioLoader.resolvedJSON($0.1)) }) {
                missing.append(run.label)
            }
        }
        return missing
    }
}

/// Combines the stores of an analysis's shards into one `sensitivity.sqlite` (`repoverty merge`), built in a
/// temporary file and renamed into place: a merge that fails or is stopped leaves nothing. Every input must hold the
/// same analysis (``SensitivityIdentity``); a run held by several must be the same bits in each.
public enum SensitivityMerge {
    /// The analysis a shard's store holds.
    public static func identity(of input: URL) throws -> SensitivityIdentity {
        let store = try open(input)
        defer { try? store.close() }
        return try identity(of: store, at: input)
    }

    static func open(_ input: URL) throws -> SensitivityStore {
        guard FileManager.default.fileExists(atPath: input.path) else { throw SensitivityMergeError.notAStore(input.path) }
        do { return try SensitivityStore(readingAt: input) } catch { throw SensitivityMergeError.notAStore(input.path) }
    }

    static func identity(of store: SensitivityStore, at input: URL) throws -> SensitivityIdentity {
        let identified: (identity: SensitivityIdentity, shard: String)?
        do { identified = try store.identity() } catch { throw SensitivityMergeError.notAStore(input.path) }
        guard let found = identified?.identity else { throw SensitivityMergeError.notAStore(input.path) }
        return found
    }

    /// Merges `inputs` (each a `sensitivity.sqlite`) into `output`, which it replaces, once they hold every run of the
    /// analysis of `scenario` (against `baseline`), the one ``SensitivityIdentity/scenarios()`` loads.
    /// - Parameter isCancelled: read before each run is copied and before the merged store is moved into place.
    /// - Returns: the analysis the stores hold.
    public static func merge(
        inputs: [URL], into output: URL, scenario: Scenario, baseline: Scenario?, isCancelled: () -> Bool = { false }
    ) throws -> SensitivityIdentity {
        guard let first = inputs.first else { throw SensitivityMergeError.noInputs }
        var identity: SensitivityIdentity?
        var merged: [String: (run: StoredRun, from: String)] = [:]
        for input in inputs {
            if isCancelled() { throw SensitivityMergeError.stopped }
            let store = try open(input)
            defer { try? store.close() }
            let found = try Self.identity(of: store, at: input)
            if let identity {
                let differences = identity.differences(from: found)
                if !differences.isEmpty {
                    throw SensitivityMergeError.differentAnalyses(first.path, input.path, differences: differences)
                }
            }
            identity = found
            let rows: [StoredRun]
            do { rows = try store.storedRows(isCancelled: isCancelled) } catch is CancellationError {
                throw SensitivityMergeError.stopped
            }
            for row in rows {
                if let earlier = merged[row.label] {
                    guard earlier.run.parameters == row.parameters, earlier.run.metrics == row.metrics else {
                        throw SensitivityMergeError.conflictingRun(row.label, earlier.from, input.path)
                    }
                    if earlier.run.tasks != nil { continue }
                }
                merged[row.label] = (row, input.path)
            }
        }
        guard let identity else { throw SensitivityMergeError.noInputs }
        let folder = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(output.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            let store = try SensitivityStore(at: temporary, program: identity.program, resume: false)
            do {
                try store.setIdentity(identity, shard: "merged")
                for label in merged.keys.sorted() {
                    if isCancelled() { throw SensitivityMergeError.stopped }
                    try store.insert(merged[label]!.run)
                }
                let missing = try SensitivityShards.missing(scenario, against: baseline, settings: identity.settings, in: store)
                if !missing.isEmpty { throw SensitivityMergeError.incomplete(missing: missing, total: identity.runs) }
                try store.close()
            } catch {
                try? store.close()
                throw error
            }
            if isCancelled() { throw SensitivityMergeError.stopped }
            if rename(temporary.path, output.path) != 0 {
                throw SensitivityMergeError.cannotRename(temporary.path, output.path, String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return identity
    }
}

/// Why shards of an analysis could not be merged.
public enum SensitivityMergeError: Error, Equatable, CustomStringConvertible {
    case noInputs
    case notAStore(String)
    case differentAnalyses(String, String, differences: [String])
    case conflictingRun(String, String, String)
    case incomplete(missing: [String], total: Int)
    case scenarioChanged(String)
    case cannotRename(String, String, String)
    /// A signal asked merge to stop; nothing was written.
    case stopped

    public var description: String {
        switch self {
        case .noInputs: "no sensitivity folders to merge"
        case let .notAStore(path): "\(path) is not the store of a sensitivity shard (no analysis recorded in it)"
        case let .differentAnalyses(first, other, differences):
            "\(other) holds a different sensitivity analysis from \(first): they differ in "
                + differences.joined(separator: "; ") + "; merge only the shards of one analysis"
        case let .conflictingRun(label, a, b):
            "run \(label) differs between \(a) and \(b); they were not made by the same analysis and program"
        case let .incomplete(missing, total):
            "\(missing.count) of \(total == 0 ? "the" : String(total)) runs are missing ("
                + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
                + "); finish those shards (sensitivity --shard I/N --resume) and merge again"
        case let .scenarioChanged(path):
            "\(path) is no longer the file the shards ran (its resolved parameters differ); restore it or run the analysis again"
        case let .cannotRename(from, to, reason): "cannot move \(from) to \(to): \(reason)"
        case .stopped: "merge was stopped before it finished; nothing was written"
        }
    }
}
