import Foundation

/// One row of `compare.csv`: a whole-horizon metric of a scenario, and its paired difference from the baseline.
public struct ComparisonRow: Sendable {
    public let scenario: String
    public let metric: String
    /// The scenario's own figure across replicates.
    public let level: ReplicateEstimate
    /// The scenario minus the baseline, paired by replicate (common random numbers), across replicates.
    public let difference: ReplicateEstimate

    public init(scenario: String, metric: String, level: ReplicateEstimate, difference: ReplicateEstimate) {
        self.scenario = scenario
        self.metric = metric
        self.level = level
        self.difference = difference
    }
}

/// Scenarios against a baseline, paired by replicate (MODEL.md §5).
///
/// Every scenario runs with the baseline's seed, replicates and sizes, so replicate r of each meets the same
/// population, covariates and household shocks (common random numbers); the difference in replicate r is therefore a
/// paired difference, and its interval is far narrower than the two scenarios' own intervals would suggest.
public enum Comparison {
    /// A run to compare: the scenario's name and its metrics by replicate.
    public struct Run: Sendable {
        public let name: String
        public let metrics: [Metric]
        public init(name: String, metrics: [Metric]) {
            self.name = name
            self.metrics = metrics
        }
    }

    /// Rows for the baseline (difference 0) and then every scenario, whole-horizon metrics in summary order, then
    /// `entries_averted` and `cost_per_entry_averted`.
    public static func rows(baseline: Run, scenarios: [Run]) -> [ComparisonRow] {
        var rows: [ComparisonRow] = []
        for run in [baseline] + scenarios {
            for metric in run.metrics where metric.year == nil {
                guard let base = baseline.metrics.first(where: { $0.name == metric.name && $0.year == nil }) else { continue }
                rows.append(
                    ComparisonRow(
                        scenario: run.name, metric: metric.name, level: metric.estimate,
                        difference: ReplicateEstimate(paired(metric.values, minus: base.values))))
            }
            let averted = entriesAverted(baseline: baseline, scenario: run)
            rows.append(ComparisonRow(scenario: run.name, metric: "entries_averted", level: averted, difference: averted))
            let costPerEntry = costPerEntryAverted(baseline: baseline, scenario: run)
            rows.append(
                ComparisonRow(scenario: run.name, metric: "cost_per_entry_averted", level: costPerEntry, difference: costPerEntry))
        }
        return rows
    }

    /// Re-poverty entries in the baseline minus entries in the scenario, by replicate.
    public static func entriesAverted(baseline: Run, scenario: Run) -> ReplicateEstimate {
        ReplicateEstimate(paired(values("entries_total", baseline), minus: values("entries_total", scenario)))
    }

    /// Extra cost per re-poverty entry averted: the ratio of the mean paired cost difference to the mean entries
    /// averted, with a 95 % interval by the delta method, R ± t₀.₉₇₅,n−1 · √Var(R) with
    /// Var(R) ≈ (Var(Δc) − 2R·Cov(Δc, a) + R²·Var(a)) / (n·ā²) over the n paired replicates (Student t as every other
    /// interval, MODEL.md §7). Undefined (NaN) unless entries are averted on average.
    public static func costPerEntryAverted(baseline: Run, scenario: Run) -> ReplicateEstimate {
        let extraCost = paired(values("cost_total", scenario), minus: values("cost_total", baseline))
        let averted = paired(values("entries_total", baseline), minus: values("entries_total", scenario))
        let pairs = zip(extraCost, averted).compactMap { cost, entries in cost.flatMap { c in entries.map { (c, $0) } } }
        let n = Double(pairs.count)
        guard n > 0 else { return ReplicateEstimate(mean: .nan, lower: nil, upper: nil, replicates: 0) }
        let meanCost = pairs.reduce(0) { $0 + $1.0 } / n
        let meanAverted = pairs.reduce(0) { $0 + $1.1 } / n
        guard meanAverted > 0 else { return ReplicateEstimate(mean: .nan, lower: nil, upper: nil, replicates: pairs.count) }
        let ratio = meanCost / meanAverted
        guard pairs.count > 1 else { return ReplicateEstimate(mean: ratio, lower: nil, upper: nil, replicates: 1) }
        let varianceCost = pairs.reduce(0) { $0 + ($1.0 - meanCost) * ($1.0 - meanCost) } / (n - 1)
        let varianceAverted = pairs.reduce(0) { $0 + ($1.1 - meanAverted) * ($1.1 - meanAverted) } / (n - 1)
        let covariance = pairs.reduce(0) { $0 + ($1.0 - meanCost) * ($1.1 - meanAverted) } / (n - 1)
        let variance = max(0, varianceCost - 2 * ratio * covariance + ratio * ratio * varianceAverted)
            / (n * meanAverted * meanAverted)
        let halfWidth = ReplicateEstimate.multiplier(replicates: pairs.count) * variance.squareRoot()
        return ReplicateEstimate(mean: ratio, lower: ratio - halfWidth, upper: ratio + halfWidth, replicates: pairs.count)
    }

    /// a − b replicate by replicate; nil where either is undefined.
    static func paired(_ a: [Double?], minus b: [Double?]) -> [Double?] {
        zip(a, b).map { x, y in x.flatMap { x in y.map { x - $0 } } }
    }

    static func values(_ name: String, _ run: Run) -> [Double?] {
        run.metrics.first { $0.name == name && $0.year == nil }?.values ?? []
    }
}
