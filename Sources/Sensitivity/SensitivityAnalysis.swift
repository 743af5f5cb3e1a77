import Engine
import Foundation
import Model
import Output
import Randomness
import Runs
import Scenarios

/// What a sensitivity analysis was asked: the keys, the size of the move and the metrics (issue 16).
public struct SensitivitySettings: Codable, Sendable, Equatable {
    /// The keys moved, as given (`--keys`); nil for every model key.
    public var keys: [String]?
    /// The relative move X (0.2 for `--change 20%`).
    public var change: Double
    /// Whole-horizon metrics of `summary.csv` whose change is reported, in the order given.
    public var metrics: [String]
    /// The baseline's name in the comparison form (`--against`), else nil.
    public var against: String?
    /// `--uncertainty N`: the number of Latin-hypercube samples of the assumed keys; nil for one-at-a-time.
    public var uncertainty: Int?

    public static let defaultMetric = "cumulative_repoverty_rate"
    /// The most samples `--uncertainty` takes, as a sweep's `--sample`.
    public static let maximumSamples = 1_000_000

    public init(
        keys: [String]? = nil, change: Double = 0.2, metrics: [String] = [defaultMetric], against: String? = nil,
        uncertainty: Int? = nil
    ) {
        self.keys = keys
        self.change = change
        self.metrics = metrics
        self.against = against
        self.uncertainty = uncertainty
    }
}

/// The change of a metric when a key moves: paired by replicate with the base run (common random numbers), with
/// its 95 % interval by Student's t with R − 1 degrees of freedom (few replicates: 1.96 would be too narrow).
public struct PairedChange: Sendable, Equatable {
    public let mean: Double
    /// nil with fewer than two replicates defining the figure.
    public let lower: Double?
    public let upper: Double?
    public let replicates: Int

    /// From the paired differences by replicate; nil entries (undefined in that replicate) are left out.
    public init?(_ differences: [Double?]) {
        let defined = differences.compactMap { $0 }.filter(\.isFinite)
        guard !defined.isEmpty else { return nil }
        // The same Student-t interval as every other figure across replicates (MODEL.md §7).
        let estimate = ReplicateEstimate(defined)
        mean = estimate.mean
        lower = estimate.lower
        upper = estimate.upper
        replicates = estimate.replicates
    }

    /// Whether the interval leaves out 0: the direction is told apart from the noise of the replicates.
    public var excludesZero: Bool {
        guard let lower, let upper else { return false }
        return lower > 0 || upper < 0
    }
}

/// One row of `sensitivity.csv`: a key, its moved values and the metric's change at each.
public struct SensitivityRow: Sendable {
    public let key: String
    public let status: SourceStatus
    public let base: Double
    /// The moved values; nil for a side that was skipped.
    public let low: Double?
    public let high: Double?
    public let metric: String
    public let changeLow: PairedChange?
    public let changeHigh: PairedChange?
    /// (relative change of the metric) / (relative change of the key); nil where either base is 0.
    public let elasticityLow: Double?
    public let elasticityHigh: Double?

    /// The larger absolute change of the two sides: what the rows are ranked by.
    public var magnitude: Double {
        max(abs(changeLow?.mean ?? 0), abs(changeHigh?.mean ?? 0))
    }
}

/// A key or side left out, and why.
public struct SensitivityNote: Codable, Sendable, Equatable {
    public let key: String
    /// nil when the whole key is left out.
    public let side: Perturbation.Side?
    public let reason: String
}

/// Everything an analysis made, nothing written yet.
public struct SensitivityResult: Sendable {
    public let settings: SensitivitySettings
    /// The scenario's own run at its values (and the baseline's, in the comparison form).
    public let base: CompletedRun
    public let baseline: CompletedRun?
    /// Rows by metric in the order of `settings.metrics`, each metric's rows ranked by the larger absolute change.
    public let rows: [SensitivityRow]
    /// Keys whose moves left every metric of every replicate byte-identical to the base: detected, not predicted.
    public let noEffect: [String]
    /// Keys not moved and sides skipped, with the reason.
    public let skipped: [SensitivityNote]
    /// Runs simulated, the base runs included.
    public let runs: Int
    public let wallSeconds: Double
}

/// Why an analysis cannot start: bad input (exit 2).
public enum SensitivityError: Error, Equatable, CustomStringConvertible {
    case unknownKey(String, suggestion: String?)
    case runKey(String)
    case unknownMetric(String, available: [String])
    case badChange(Double)
    case runSettingsDiffer(scenario: String, baseline: String)
    case noKeys
    case badSampleCount(Int)

    public var description: String {
        switch self {
        case let .unknownKey(key, suggestion):
            "--keys: unknown key `\(key.prefix(60))`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
                + " (`repoverty keys` lists them)"
        case let .runKey(key):
            "--keys: \(key) is a run setting, not a model assumption; sensitivity moves model keys only"
        case let .unknownMetric(metric, available):
            "--metric: `\(metric.prefix(60))` is not a whole-horizon metric of summary.csv; try one of "
                + available.prefix(8).joined(separator: ", ") + (available.count > 8 ? ", …" : "")
        case let .badChange(change):
            "--change: expected a relative change above 0 % and below 100 %, got \(change * 100) %"
        case let .runSettingsDiffer(scenario, baseline):
            "\(scenario): run settings differ from the baseline \(baseline)'s; the comparison pairs replicates, so both"
                + " need the same seed, replicates, households, years and generator"
        case .noKeys: "--keys: no key to move"
        case let .badSampleCount(count):
            "--uncertainty: expected a number of samples from 2 to \(SensitivitySettings.maximumSamples), got \(count)"
        }
    }
}

/// One-at-a-time sensitivity: every key moved down and up (``Perturbation``), each run paired with the base under
/// common random numbers, the change of each metric per replicate (issue 16).
///
/// Every run goes through `Runner` with the base's run settings, so replicate r of a moved run meets the same
/// households, covariates and draws as replicate r of the base (the engine's streams are keyed per household, year
/// and purpose): the paired difference is the effect of the key alone, as in `compare` (`Engine/Comparison.swift`).
/// The intervals use Student's t with R − 1 degrees of freedom (`GSLFunctions.studentTQuantile`, a wrapper of GSL's
/// `gsl_cdf_tdist_Pinv`), since an analysis of many keys runs few replicates.
///
/// A key that changes nothing in this scenario (the parameters of a switched-off intervention) is found by running it:
/// if every metric of every replicate is bit-identical to the base on both sides, it is listed as having no effect,
/// not given a row. Nothing here prints or writes.
public enum SensitivityAnalysis {
    /// The keys an analysis moves: those named, checked, or every model key (never `run.*`).
    public static func keys(_ named: [String]?) throws(SensitivityError) -> [ScenarioKey] {
        guard let named else { return ScenarioKeys.all.filter { !$0.path.hasPrefix("run.") } }
        guard !named.isEmpty else { throw .noKeys }
        return try named.map { path throws(SensitivityError) in
            if path.hasPrefix("run.") { throw .runKey(path) }
            guard let key = ScenarioKeys.declaration(for: path) else {
                let suggestion = ScenarioKeys.all.map(\.path).min { distance($0, path) < distance($1, path) }
                throw .unknownKey(path, suggestion: suggestion.flatMap { distance($0, path) <= 4 ? $0 : nil })
            }
            return key
        }
    }

    /// Checks the settings that need no simulation: the change and the keys.
    public static func check(_ settings: SensitivitySettings) throws(SensitivityError) {
        guard settings.change > 0, settings.change < 1, settings.change.isFinite else { throw .badChange(settings.change) }
        if let count = settings.uncertainty, count < 2 || count > SensitivitySettings.maximumSamples {
            throw .badSampleCount(count)
        }
        _ = try keys(settings.keys)
    }

    /// Checks the metrics against those a run of `scenario` reports, from a small probe run (at most 200 households,
    /// one replicate), so a misspelt `--metric` is refused before anything is claimed, stored or run at full size.
    public static func checkMetrics(_ metrics: [String], of scenario: Scenario, threads: Int) throws {
        var probe = scenario
        probe.parameters.run.households = min(probe.parameters.run.households, 200)
        probe.parameters.run.replicates = 1
        let available = try Runner(threads: threads).run(probe).metrics.filter { $0.year == nil }.map(\.name)
        for metric in metrics where !available.contains(metric) {
            throw SensitivityError.unknownMetric(metric, available: available)
        }
    }

    /// A key moved to one side, before it runs: the value it took and the run (``AnalysisRun``) that measures it.
    struct MovedRun {
        /// The key's position in ``Moves/keys``.
        let keyIndex: Int
        let side: Perturbation.Side
        let value: Double
        let run: AnalysisRun
    }

    /// What a one-at-a-time analysis runs, decided before anything runs: the keys, every side that moves (in key
    /// order, low before high) and the keys and sides that do not, with the reason.
    struct Moves {
        let keys: [ScenarioKey]
        let moved: [MovedRun]
        let skipped: [SensitivityNote]
    }

    /// Every key of the settings moved down and up in `scenario` (and alike in `baseline` in the comparison form).
    static func moves(_ scenario: Scenario, against baseline: Scenario?, settings: SensitivitySettings) throws -> Moves {
        let keys = try keys(settings.keys)
        var moved: [MovedRun] = [], skipped: [SensitivityNote] = []
        for (index, key) in keys.enumerated() {
            if let reason = Perturbation.reasonNotMoved(key, in: scenario.parameters) {
                skipped.append(SensitivityNote(key: key.path, side: nil, reason: reason))
                continue
            }
            for side in Perturbation.Side.allCases {
                let outcome = Perturbation.apply(key, to: scenario.parameters, side: side, change: settings.change)
                guard case let .moved(value, parameters) = outcome else {
                    if case let .skipped(reason) = outcome {
                        skipped.append(SensitivityNote(key: key.path, side: side, reason: reason))
                    }
                    continue
                }
                var movedBaseline: ScenarioParameters?
                if let baseline {
                    let outcome = Perturbation.apply(key, to: baseline.parameters, side: side, change: settings.change)
                    guard case let .moved(_, baselineParameters) = outcome else {
                        if case let .skipped(reason) = outcome {
                            skipped.append(SensitivityNote(key: key.path, side: side, reason: "in the baseline: \(reason)"))
                        }
                        continue
                    }
                    movedBaseline = baselineParameters
                }
                moved.append(MovedRun(
                    keyIndex: index, side: side, value: value,
                    run: AnalysisRun(label: "\(key.path) \(side.rawValue)", parameters: parameters, baselineParameters: movedBaseline)))
            }
        }
        return Moves(keys: keys, moved: moved, skipped: skipped)
    }

    /// Runs the analysis of `scenario` (against `baseline` in the comparison form).
    ///
    /// - Parameters:
    ///   - cache: where finished runs are kept and found again (``SensitivityStore``, for `--resume` and `merge`).
    ///   - progress: told before each key is run, with its position (from 1), the count and its path.
    /// - Throws: ``SensitivityError``, or `RunError` (`.cancelled` when the runner's observer asks to stop).
    public static func run(
        _ scenario: Scenario, against baseline: Scenario? = nil, settings: SensitivitySettings, runner: Runner,
        cache: SensitivityRunCache? = nil, progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> SensitivityResult {
        try check(settings)
        if let baseline, baseline.parameters.run != scenario.parameters.run {
            throw SensitivityError.runSettingsDiffer(scenario: scenario.sourcePath, baseline: baseline.sourcePath)
        }
        let started = Date()
        let plan = try moves(scenario, against: baseline, settings: settings)
        let (base, baseBaseline) = try baseRuns(scenario, baseline, runner: runner, cache: cache)
        let available = base.metrics.filter { $0.year == nil }.map(\.name)
        for metric in settings.metrics where !available.contains(metric) {
            throw SensitivityError.unknownMetric(metric, available: available)
        }
        var runs = 1 + (baseline == nil ? 0 : 1)
        var noEffect: [String] = []
        var rowsByMetric: [String: [SensitivityRow]] = [:]
        var next = 0
        for (index, key) in plan.keys.enumerated() {
            progress(index + 1, plan.keys.count, key.path)
            var moved: [Perturbation.Side: (value: Double, run: [Metric], baseline: [Metric]?)] = [:]
            while next < plan.moved.count, plan.moved[next].keyIndex == index {
                let one = plan.moved[next]
                next += 1
                let (run, baselineRun) = try runMoved(one.run, scenario, baseline, runner: runner, cache: cache)
                runs += 1 + (baselineRun == nil ? 0 : 1)
                moved[one.side] = (one.value, run, baselineRun)
            }
            guard !moved.isEmpty else { continue }
            let unchanged = moved.values.allSatisfy { side in
                identical(side.run, base.metrics)
                    && (side.baseline.map { identical($0, baseBaseline?.metrics ?? []) } ?? true)
            }
            if unchanged {
                noEffect.append(key.path)
                continue
            }
            let old = Perturbation.value(of: key, in: scenario.parameters) ?? .nan
            let isSwitch = Perturbation.isSwitch(key)
            for metric in settings.metrics {
                let reference = measure(metric, base.metrics, baseBaseline?.metrics)
                func change(_ side: Perturbation.Side) -> PairedChange? {
                    guard let one = moved[side] else { return nil }
                    return PairedChange(paired(measure(metric, one.run, one.baseline), minus: reference))
                }
                let referenceMean = PairedChange(reference)?.mean
                func elasticity(_ side: Perturbation.Side, _ change: PairedChange?) -> Double? {
                    guard !isSwitch, let change, let value = moved[side]?.value, let referenceMean, referenceMean != 0,
                          old != 0
                    else { return nil }
                    let result = (change.mean / referenceMean) / ((value - old) / old)
                    return result.isFinite ? result : nil
                }
                let low = change(.low), high = change(.high)
                rowsByMetric[metric, default: []].append(
                    SensitivityRow(
                        key: key.path, status: scenario.status(of: key), base: old, low: moved[.low]?.value,
                        high: moved[.high]?.value, metric: metric, changeLow: low, changeHigh: high,
                        elasticityLow: elasticity(.low, low), elasticityHigh: elasticity(.high, high)))
            }
        }
        let rows = settings.metrics.flatMap { metric in
            (rowsByMetric[metric] ?? []).enumerated()
                .sorted { ($0.element.magnitude, -$0.offset) > ($1.element.magnitude, -$1.offset) }
                .map(\.element)
        }
        return SensitivityResult(
            settings: settings, base: base, baseline: baseBaseline, rows: rows, noEffect: noEffect, skipped: plan.skipped,
            runs: runs, wallSeconds: Date().timeIntervalSince(started))
    }

    /// The label of the base run in the store (the baseline's adds ` baseline`).
    static let baseLabel = "base"

    /// The base runs, the scenario's and, in the comparison form, the baseline's, at their own values: kept whole in
    /// `cache` (their folders are written from them), found there when it holds them.
    static func baseRuns(
        _ scenario: Scenario, _ baseline: Scenario?, runner: Runner, cache: SensitivityRunCache?
    ) throws -> (base: CompletedRun, baseline: CompletedRun?) {
        func whole(_ label: String, _ scenario: Scenario) throws -> CompletedRun {
            if let stored = try cache?.completedRun(label: label, of: scenario) { return stored }
            let run = try runner.run(scenario)
            try cache?.record(label: label, run: run)
            return run
        }
        let base = try whole(baseLabel, scenario)
        return (base, try baseline.map { one throws in try whole(baseLabel + " baseline", one) })
    }

    /// `scenario` run with `parameters` and, in the comparison form, `baseline` with `baselineParameters`: the same run
    /// settings as the base, so replicate r of each is paired with replicate r of the base.
    /// A run `cache` holds (same label, same resolved parameters) is not run again; every new run is recorded in it.
    static func runMoved(
        _ moved: AnalysisRun, _ scenario: Scenario, _ baseline: Scenario?, runner: Runner, cache: SensitivityRunCache?
    ) throws -> (run: [Metric], baseline: [Metric]?) {
        let label = moved.label, parameters = moved.parameters, baselineParameters = moved.baselineParameters
        func metrics(_ label: String, _ scenario: Scenario, _ parameters: ScenarioParameters) throws -> [Metric] {
            let resolved = ScenarioLoader.resolvedJSON(parameters)
            if let stored = try cache?.metrics(label: label, parameters: resolved) { return stored }
            var one = scenario
            one.parameters = parameters
            let metrics = try runner.run(one).metrics
            try cache?.record(label: label, parameters: resolved, metrics: metrics)
            return metrics
        }
        let run = try metrics(label, scenario, parameters)
        guard let baseline, let baselineParameters else { return (run, nil) }
        return (run, try metrics(label + " baseline", baseline, baselineParameters))
    }

    /// The metric by replicate: the run's own, or its paired difference from the baseline in the comparison form.
    static func measure(_ metric: String, _ run: [Metric], _ baseline: [Metric]?) -> [Double?] {
        let own = values(metric, run)
        guard let baseline else { return own }
        return paired(own, minus: values(metric, baseline))
    }

    static func values(_ metric: String, _ run: [Metric]) -> [Double?] {
        run.first { $0.name == metric && $0.year == nil }?.values ?? []
    }

    /// a − b replicate by replicate; nil where either is undefined.
    static func paired(_ a: [Double?], minus b: [Double?]) -> [Double?] {
        zip(a, b).map { x, y in x.flatMap { x in y.map { x - $0 } } }
    }

    /// Every metric of every replicate the same bits: the key did not reach the run.
    static func identical(_ a: [Metric], _ b: [Metric]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.year == y.year && x.values.count == y.values.count
                && zip(x.values, y.values).allSatisfy { $0?.bitPattern == $1?.bitPattern }
        }
    }

    /// Edit distance, for the nearest key to a misspelt one.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
