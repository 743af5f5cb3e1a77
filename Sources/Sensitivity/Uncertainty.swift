import CGSL
import Engine
import Foundation
import Model
import Runs
import Scenarios
import Sweeps

/// One sample of `--uncertainty`: the values the sampled keys took and each metric's figures there.
public struct UncertaintySample: Sendable, Equatable {
    /// The sample's index from 0, in the order of the Latin hypercube.
    public let index: Int
    /// The values of the sampled keys in the scenario run, after any renormalisation of a group of shares, in the
    /// order of ``UncertaintyResult/keys``.
    public let values: [Double]
    /// For each metric of the settings: the mean over replicates at this sample (the difference scenario − baseline in
    /// the comparison form), and its paired change from the base; nil where undefined.
    public let levels: [Double?]
    public let changes: [Double?]
}

/// The spread of one metric over the samples: "between A and B, given what is assumed".
public struct UncertaintySpread: Sendable, Equatable {
    public let metric: String
    /// `level` (the metric at each sample, or the difference scenario − baseline in the comparison form) or `change`
    /// (its paired change from the base run at the scenario's own values).
    public let form: String
    /// The base run's figure (0 for a change).
    public let base: Double?
    public let samples: Int
    /// The 5th, 50th and 95th percentiles (GSL's `gsl_stats_quantile_from_sorted_data`) and the range.
    public let p05: Double
    public let median: Double
    public let p95: Double
    public let minimum: Double
    public let maximum: Double

    init?(metric: String, form: String, base: Double?, values: [Double?]) {
        let sorted = values.compactMap { $0 }.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        func quantile(_ q: Double) -> Double {
            sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, q) }
        }
        self.metric = metric
        self.form = form
        self.base = base
        samples = sorted.count
        p05 = quantile(0.05)
        median = quantile(0.5)
        p95 = quantile(0.95)
        minimum = first
        maximum = last
    }
}

/// Everything `--uncertainty` made, nothing written yet.
public struct UncertaintyResult: Sendable {
    public let settings: SensitivitySettings
    /// The keys sampled, in the columns' order.
    public let keys: [ScenarioKey]
    public let samples: [UncertaintySample]
    /// Per metric of the settings, the spread of the level and of the change (two entries per metric, fewer where a
    /// metric is undefined at every sample).
    public let spreads: [UncertaintySpread]
    /// The PRCC of each metric's level with each sampled key (`prcc.csv`).
    public let prcc: [PRCCTable.Row]
    public let base: CompletedRun
    public let baseline: CompletedRun?
    /// Keys not sampled with the reason, and samples left out (key `sample N`) with the loader's message.
    public let skipped: [SensitivityNote]
    public let runs: Int
    public let wallSeconds: Double
}

/// `--uncertainty N`: the assumed keys sampled jointly, each sample paired with the base (issue 16).
///
/// The sample is the sweeps' Latin hypercube (``LatinHypercube/fractions(samples:dimensions:seed:generator:)``, keyed by
/// the scenario's seed and generator), one dimension per key; fraction f of a key's dimension is the value f of the way
/// from its −X % value to its +X % value by the one-at-a-time rules (``Perturbation/sampled(_:kind:fraction:change:)``).
/// Keys are set in their declared order; a member of a group of shares summing to 1 rescales the others, so the values
/// recorded (and ranked for the PRCC) are those the run used. A sample the loader refuses (a minimum moved above its
/// maximum) is left out with the message.
///
/// Every sample runs with the scenario's own run settings, so its replicate r meets the same households and draws as the
/// base's replicate r (common random numbers): the change from the base is the effect of the sampled values, not of
/// new noise. In the comparison form each sample moves the same fractions in the scenario and in the baseline (each key
/// from its own value), and the figure is the paired difference scenario − baseline.
public enum UncertaintyAnalysis {
    /// The keys `--uncertainty` samples: those named (any status), or every model key whose status is `assumed`; then
    /// only those with a range to sample (``Perturbation/sampled(_:kind:fraction:change:)``), the rest listed.
    public static func keys(
        _ named: [String]?, in scenario: Scenario
    ) throws(SensitivityError) -> (sampled: [ScenarioKey], skipped: [SensitivityNote]) {
        let parameters = scenario.parameters
        let candidates = try SensitivityAnalysis.keys(named).filter { named != nil || scenario.status(of: $0) == .assumed }
        var sampled: [ScenarioKey] = [], skipped: [SensitivityNote] = []
        for key in candidates {
            if let reason = Perturbation.reasonNotMoved(key, in: parameters) {
                skipped.append(SensitivityNote(key: key.path, side: nil, reason: reason))
            } else if Perturbation.isSwitch(key) {
                skipped.append(SensitivityNote(
                    key: key.path, side: nil, reason: "a switch (two settings), not an uncertain number"))
            } else if let numeric = key.numeric,
                Perturbation.sampled(numeric.get(parameters), kind: numeric.kind, fraction: 1, change: 0.1) == nil
            {
                skipped.append(SensitivityNote(
                    key: key.path, side: nil, reason: "its value \(numeric.get(parameters)) is a switch or a \"none\", not an uncertain number"))
            } else {
                sampled.append(key)
            }
        }
        return (sampled, skipped)
    }

    /// `parameters` with every key at its sample fraction, checked by the loader; the reason when refused.
    static func sampledParameters(
        _ parameters: ScenarioParameters, keys: [ScenarioKey], fractions: [Double], change: Double, label: String
    ) -> Result<ScenarioParameters, SampleRefused> {
        var result = parameters
        for (key, fraction) in zip(keys, fractions) {
            guard let numeric = key.numeric,
                let value = Perturbation.sampled(numeric.get(parameters), kind: numeric.kind, fraction: fraction, change: change)
            else { continue }
            guard let next = Perturbation.setting(key, to: value, in: result) else {
                return .failure(SampleRefused(reason: "\(key.path): the only non-zero share of its group"))
            }
            result = next
        }
        do { try ScenarioLoader.validate(result, label: label) } catch {
            return .failure(SampleRefused(reason: "\(error.keyPath.map { "\($0): " } ?? "")\(error.message)"))
        }
        return .success(result)
    }

    struct SampleRefused: Error { let reason: String }

    /// A sample the loader accepted, before it runs.
    struct PlannedSample {
        let index: Int
        let run: AnalysisRun
    }

    /// What `--uncertainty` runs, decided before anything runs: the keys sampled, every sample the loader accepts (in
    /// the hypercube's order), and the keys not sampled and samples refused, with the reason.
    struct Plan {
        let keys: [ScenarioKey]
        let samples: [PlannedSample]
        let skipped: [SensitivityNote]
    }

    static func plan(_ scenario: Scenario, against baseline: Scenario?, settings: SensitivitySettings) throws -> Plan {
        guard let count = settings.uncertainty, count >= 2 else { throw SensitivityError.badSampleCount(settings.uncertainty ?? 0) }
        let (keys, notSampled) = try keys(settings.keys, in: scenario)
        guard !keys.isEmpty else { throw SensitivityError.noKeys }
        let fractions = try LatinHypercube.fractions(
            samples: count, dimensions: keys.count, seed: scenario.parameters.run.seed,
            generator: scenario.parameters.run.generator)
        var samples: [PlannedSample] = [], skipped = notSampled
        for (index, point) in fractions.enumerated() {
            let label = "sample \(index)"
            let moved = sampledParameters(scenario.parameters, keys: keys, fractions: point, change: settings.change, label: label)
            let movedBaseline = baseline.map {
                sampledParameters($0.parameters, keys: keys, fractions: point, change: settings.change, label: label)
            }
            guard case let .success(parameters) = moved else {
                if case let .failure(refused) = moved { skipped.append(SensitivityNote(key: label, side: nil, reason: refused.reason)) }
                continue
            }
            var baselineParameters: ScenarioParameters?
            if let movedBaseline {
                guard case let .success(moved) = movedBaseline else {
                    if case let .failure(refused) = movedBaseline {
                        skipped.append(SensitivityNote(key: label, side: nil, reason: "in the baseline: \(refused.reason)"))
                    }
                    continue
                }
                baselineParameters = moved
            }
            samples.append(PlannedSample(
                index: index, run: AnalysisRun(label: label, parameters: parameters, baselineParameters: baselineParameters)))
        }
        return Plan(keys: keys, samples: samples, skipped: skipped)
    }

    /// Runs `settings.uncertainty` samples of `scenario` (against `baseline` in the comparison form).
    ///
    /// - Parameters:
    ///   - cache: where finished runs are kept and found again (``SensitivityStore``, for `--resume` and `merge`).
    ///   - progress: told before each sample is run, with its position (from 1) and the count.
    public static func run(
        _ scenario: Scenario, against baseline: Scenario? = nil, settings: SensitivitySettings, runner: Runner,
        cache: SensitivityRunCache? = nil, progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> UncertaintyResult {
        try SensitivityAnalysis.check(settings)
        if let baseline, baseline.parameters.run != scenario.parameters.run {
            throw SensitivityError.runSettingsDiffer(scenario: scenario.sourcePath, baseline: baseline.sourcePath)
        }
        let started = Date()
        let plan = try plan(scenario, against: baseline, settings: settings)
        let count = settings.uncertainty ?? 0, keys = plan.keys
        let (base, baseBaseline) = try SensitivityAnalysis.baseRuns(scenario, baseline, runner: runner, cache: cache)
        let available = base.metrics.filter { $0.year == nil }.map(\.name)
        for metric in settings.metrics where !available.contains(metric) {
            throw SensitivityError.unknownMetric(metric, available: available)
        }
        let references = settings.metrics.map { SensitivityAnalysis.measure($0, base.metrics, baseBaseline?.metrics) }
        var samples: [UncertaintySample] = []
        var runs = 1 + (baseline == nil ? 0 : 1)
        for planned in plan.samples {
            progress(planned.index + 1, count, planned.run.label)
            let (run, baselineRun) = try SensitivityAnalysis.runMoved(planned.run, scenario, baseline, runner: runner, cache: cache)
            runs += 1 + (baselineRun == nil ? 0 : 1)
            var levels: [Double?] = [], changes: [Double?] = []
            for (metric, reference) in zip(settings.metrics, references) {
                let measured = SensitivityAnalysis.measure(metric, run, baselineRun)
                levels.append(PairedChange(measured)?.mean)
                changes.append(PairedChange(SensitivityAnalysis.paired(measured, minus: reference))?.mean)
            }
            samples.append(UncertaintySample(
                index: planned.index, values: keys.map { $0.numeric?.get(planned.run.parameters) ?? .nan }, levels: levels,
                changes: changes))
        }
        let skipped = plan.skipped
        var spreads: [UncertaintySpread] = []
        for (m, metric) in settings.metrics.enumerated() {
            let baseLevel = PairedChange(references[m])?.mean
            if let level = UncertaintySpread(metric: metric, form: "level", base: baseLevel, values: samples.map { $0.levels[m] }) {
                spreads.append(level)
            }
            if let change = UncertaintySpread(metric: metric, form: "change", base: 0, values: samples.map { $0.changes[m] }) {
                spreads.append(change)
            }
        }
        let prcc = PRCCTable.rows(
            metrics: settings.metrics.enumerated().map { m, metric in (name: metric, values: samples.map { $0.levels[m] }) },
            keys: keys.enumerated().map { k, key in (path: key.path, values: samples.map { $0.values[k] }) },
            status: { path in ScenarioKeys.declaration(for: path).map { scenario.status(of: $0).rawValue } ?? "" })
        return UncertaintyResult(
            settings: settings, keys: keys, samples: samples, spreads: spreads, prcc: prcc, base: base,
            baseline: baseBaseline, skipped: skipped, runs: runs, wallSeconds: Date().timeIntervalSince(started))
    }
}
