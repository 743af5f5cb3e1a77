import Engine
import Foundation
import Model
import Runs
import Scenarios

/// A published figure to match: a metric of `summary.csv` (docs/MODEL.md §4), whole-horizon (`incidence`) or of one
/// year (`monitored_share@2`: the row with year 2), and its value.
public struct CalibrationTarget: Equatable, Sendable {
    public let metric: String
    public let value: Double

    public init(metric: String, value: Double) {
        self.metric = metric
        self.value = value
    }

    /// `METRIC=VALUE` or `METRIC@YEAR=VALUE`, e.g. `cumulative_repoverty_rate=0.12`, `monitored_share@2=0.045`. The value must be finite and not 0 (the objective is a
    /// relative error).
    public init(parsing text: String) throws(CalibrationError) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
            throw CalibrationError("--target '\(text)': expected METRIC=VALUE with a number, e.g. cumulative_repoverty_rate=0.12")
        }
        guard value != 0 else {
            throw CalibrationError("--target '\(text)': the value must not be 0 (the fit minimises relative errors)")
        }
        self.init(metric: parts[0], value: value)
    }
}

/// A scenario key left free, searched within [low, high].
public struct FreeParameter: Equatable, Sendable {
    public let key: String
    public let low: Double
    public let high: Double

    public init(key: String, low: Double, high: Double) {
        self.key = key
        self.low = low
        self.high = high
    }

    /// `KEY=LOW..HIGH`, e.g. `interventions.dibao.standard=4000..6500`, with LOW < HIGH.
    public init(parsing text: String) throws(CalibrationError) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let bounds = parts.count == 2 ? parts[1].components(separatedBy: "..") : []
        guard parts.count == 2, !parts[0].isEmpty, bounds.count == 2, let low = Double(bounds[0]),
              let high = Double(bounds[1]), low.isFinite, high.isFinite
        else {
            throw CalibrationError("--free '\(text)': expected KEY=LOW..HIGH, e.g. interventions.dibao.standard=4000..6500")
        }
        guard low < high else { throw CalibrationError("--free '\(text)': LOW must be below HIGH") }
        self.init(key: parts[0], low: low, high: high)
    }

    /// The bounded value of an unbounded search coordinate: the logistic map of ℝ onto (low, high). Nelder–Mead has
    /// no bounds; through this map every point it tries is inside them.
    public func value(atCoordinate x: Double) -> Double { low + (high - low) / (1 + exp(-x)) }

    /// The coordinate of a value strictly inside (low, high): the inverse of ``value(atCoordinate:)``.
    public func coordinate(ofValue value: Double) -> Double {
        let share = (value - low) / (high - low)
        return log(share / (1 - share))
    }
}

/// Bad input to a calibration: a malformed target or free key, an unknown metric, a key that is not a number.
public struct CalibrationError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What to fit: the scenario, the run settings (every evaluation uses the same seed: common random numbers), targets,
/// free keys, and how long to search.
public struct CalibrationProblem: Sendable {
    public var scenarioPath: String
    /// `--set` overrides, applied before the free keys.
    public var overrides: [String]
    /// The run options (seed, replicates, households, years), applied after the free keys but never to one of them.
    public var size: RunSize
    public var targets: [CalibrationTarget]
    public var free: [FreeParameter]
    public var threads: Int
    public var maxIterations: Int
    /// Simplex size, in search coordinates, below which the fit has converged (≈ tolerance·(high − low)/4 in value).
    public var tolerance: Double

    public init(
        scenarioPath: String, overrides: [String] = [], size: RunSize = RunSize(), targets: [CalibrationTarget],
        free: [FreeParameter], threads: Int, maxIterations: Int = 60, tolerance: Double = 1e-3
    ) {
        self.scenarioPath = scenarioPath
        self.overrides = overrides
        self.size = size
        self.targets = targets
        self.free = free
        self.threads = threads
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// The scenario with the `--set` overrides, then `settings` (free keys' values), then the run options.
    public func load(_ settings: [String] = []) throws -> Scenario {
        try size.excluding(free.map(\.key)).load(path: scenarioPath, overrides: overrides + settings)
    }
}

/// One evaluation of the objective.
public struct CalibrationEvaluation: Equatable, Sendable {
    /// The free keys' values, in the order given.
    public let values: [Double]
    /// Each target's simulated figure (mean over replicates), nil where the metric is undefined.
    public let simulated: [Double?]
    /// Σ ((simulated − target) / target)²; an undefined figure counts as a relative error of 1.
    public let objective: Double
}

/// The fit.
public struct CalibrationResult: Equatable, Sendable {
    /// The free keys' values at the start (the scenario's own, or the middle of a range that excludes it).
    public let start: [Double]
    /// The best point, rounded to 6 significant digits as written to the fitted scenario; `fitted` is evaluated there.
    public let fitted: CalibrationEvaluation
    public let iterations: Int
    public let evaluations: Int
    public let converged: Bool
}

/// Fits free scenario keys to target metrics (issue 6; MODEL.md §5 metrics), minimising the sum of squared relative
/// errors of whole-horizon figures with GSL's Nelder–Mead simplex under common random numbers: every evaluation runs
/// with the same seed, so the same households meet the same shocks and the objective changes only with the parameters
/// (MODEL.md §6). Bounds are kept by a logistic map (``FreeParameter/value(atCoordinate:)``).
public enum Calibration {
    /// Fit `problem`. `observe` is told of each evaluation (for a command's progress; the library never prints).
    public static func fit(
        _ problem: CalibrationProblem, observer: (any RunObserver)? = nil,
        observe: ((CalibrationEvaluation) -> Void)? = nil
    ) throws -> CalibrationResult {
        guard !problem.targets.isEmpty else { throw CalibrationError("give at least one --target METRIC=VALUE") }
        guard !problem.free.isEmpty else { throw CalibrationError("give at least one --free KEY=LOW..HIGH") }
        let keys = problem.free.map(\.key)
        if let repeated = keys.first(where: { key in keys.filter { $0 == key }.count > 1 }) {
            throw CalibrationError("--free \(repeated) is given twice")
        }
        let base = try problem.load()
        // Each free key is set through its declaration (ScenarioKeys), on the scenario loaded once: the file is not
        // read again at every evaluation, and a key that is not a number of the schema is refused up front.
        let access = try problem.free.map { free throws -> NumericAccess in
            guard !free.key.hasPrefix("run."), let numeric = ScenarioKeys.declaration(for: free.key)?.numeric else {
                throw CalibrationError(
                    "--free \(free.key): not a numeric model key (run settings cannot be fitted; `repoverty keys` lists"
                        + " the keys)")
            }
            return numeric
        }
        let start = zip(problem.free, access).map { free, numeric in
            let current = numeric.get(base.parameters)
            let margin = 0.01 * (free.high - free.low)
            return (free.low + margin...free.high - margin).contains(current) ? current : (free.low + free.high) / 2
        }
        /// The base scenario with the free keys at `values`, checked against every range and rule.
        func scenario(at values: [Double]) throws -> Scenario {
            var scenario = base
            for (numeric, value) in zip(access, values) { numeric.set(&scenario.parameters, value) }
            try ScenarioLoader.validate(scenario.parameters, label: problem.scenarioPath)
            scenario.overrides += zip(problem.free, values).map { "\($0.key)=\(Self.exact($1))" }
            return scenario
        }
        // Both bounds must be valid values of their keys, so no evaluation inside them can be refused.
        for (index, free) in problem.free.enumerated() {
            for bound in [free.low, free.high] {
                var values = start
                values[index] = bound
                do { _ = try scenario(at: values) } catch let error as ScenarioError {
                    throw CalibrationError("--free \(free.key)=\(free.low)..\(free.high): \(error.message)")
                }
            }
        }
        var evaluations = 0
        let runner = Runner(threads: problem.threads, observer: observer)
        func evaluate(_ values: [Double]) throws -> CalibrationEvaluation {
            evaluations += 1
            let metrics = try runner.run(try scenario(at: values)).metrics
            // Whole-horizon figures by name, yearly ones as `name@year` (e.g. `monitored_share@2`).
            let figures = Dictionary(
                metrics.map { metric in (metric.year.map { "\(metric.name)@\($0)" } ?? metric.name, metric.estimate) },
                uniquingKeysWith: { first, _ in first })
            let simulated = try problem.targets.map { target -> Double? in
                guard let estimate = figures[target.metric] else {
                    let names = figures.keys.filter { !$0.contains("@") }.sorted()
                    let close = names.filter { $0.hasPrefix(target.metric.prefix(4)) }.prefix(5)
                    let hint = close.isEmpty ? names.prefix(5).joined(separator: ", ") : close.joined(separator: ", ")
                    throw CalibrationError(
                        "--target \(target.metric.prefix(60)): not a metric of summary.csv (e.g. \(hint), or a yearly"
                            + " one as METRIC@YEAR within run.years; docs/MODEL.md §4 lists all \(names.count))")
                }
                return estimate.replicates > 0 ? estimate.mean : nil
            }
            let objective = zip(problem.targets, simulated).reduce(0.0) { sum, pair in
                guard let value = pair.1 else { return sum + 1 }
                let relative = (value - pair.0.value) / pair.0.value
                return sum + relative * relative
            }
            let evaluation = CalibrationEvaluation(values: values, simulated: simulated, objective: objective)
            observe?(evaluation)
            return evaluation
        }
        let outcome = try NelderMead.minimize(
            start: zip(problem.free, start).map { $0.coordinate(ofValue: $1) },
            step: Array(repeating: 1, count: problem.free.count), tolerance: problem.tolerance,
            maxIterations: problem.maxIterations
        ) { coordinates in
            try evaluate(zip(problem.free, coordinates).map { $0.value(atCoordinate: $1) }).objective
        }
        let best = zip(problem.free, outcome.point).map { free, x in
            min(free.high, max(free.low, rounded(free.value(atCoordinate: x))))
        }
        let fitted = try evaluate(best)
        // A target undefined where the search ended (an empty cohort, no entries to avert) means there was nothing to
        // fit: a "fitted" scenario would be a guess presented as a fit.
        for (target, simulated) in zip(problem.targets, fitted.simulated) where simulated == nil {
            throw CalibrationError(
                "--target \(target.metric): the metric is undefined at the fitted point (after \(evaluations)"
                    + " evaluations), so nothing was fitted; check that the scenario's cohort and the metric exist")
        }
        return CalibrationResult(
            start: start, fitted: fitted, iterations: outcome.iterations, evaluations: evaluations,
            converged: outcome.converged)
    }

    /// A value as an override, exactly (17 significant digits round-trip a Double).
    static func exact(_ value: Double) -> String { String(format: "%.17g", value) }

    /// 6 significant digits: what the fitted scenario says, and where the fit is reported.
    static func rounded(_ value: Double) -> Double { Double(String(format: "%.6g", value)) ?? value }
}
