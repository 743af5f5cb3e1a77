import CGSL
import Foundation
import Model
import Output
import Randomness

/// Partial rank correlation coefficients (PRCC): which inputs of a sample drive an output, each measured with the
/// others held fixed (Marino, Hogue, Ray and Kirschner 2008, J. Theor. Biol. 254:178).
///
/// For input j of k over n points: the inputs and the output are replaced by their ranks (ties by their mean rank);
/// the rank of input j and the rank of the output are each regressed, by least squares with an intercept, on the ranks
/// of the other inputs (`gsl_multifit_linear`); the PRCC is the Pearson correlation of the two residuals
/// (`gsl_stats_correlation`). Ranks make it a measure of any monotone relation, not only a linear one; the residuals
/// remove what the other inputs explain, so correlated or jointly varied inputs do not borrow each other's effect.
///
/// The 95 % interval is Fisher's: z = atanh(r) is about normal with standard error 1/√(n − 3 − p), p the number of
/// inputs held fixed, so the interval is tanh(z ± Φ⁻¹(0.975)/√(n − 3 − p)) (`gsl_cdf_ugaussian_Pinv`). A coefficient
/// needs n − 3 − p ≥ 1 points; inputs that do not vary are not held fixed (they explain nothing) and get no
/// coefficient; an output that does not vary gives none either. No `gsl_*` type leaves this file.
public enum PartialRankCorrelation {
    /// One coefficient and its interval.
    public struct Coefficient: Sendable, Equatable {
        public let value: Double
        public let lower: Double
        public let upper: Double
        /// The points it was computed from.
        public let points: Int

        /// Whether the interval leaves out 0: the sign is told apart from chance.
        public var excludesZero: Bool { lower > 0 || upper < 0 }
    }

    /// The ranks of `values` from 1, ties given the mean of the ranks they share; the order is GSL's
    /// (`gsl_sort_index`). Values must be finite.
    public static func ranks(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return [] }
        var order = [Int](repeating: 0, count: n)
        order.withUnsafeMutableBufferPointer { order in
            values.withUnsafeBufferPointer { data in gsl_sort_index(order.baseAddress, data.baseAddress, 1, n) }
        }
        var ranks = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && values[order[end + 1]] == values[order[start]] { end += 1 }
            let shared = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = shared }
            start = end + 1
        }
        return ranks
    }

    /// The PRCC of `output` with each of `inputs` (`inputs[j][i]` is input j at point i; every column as long as
    /// `output`), in the order of `inputs`; nil where it is undefined (an input or the output that does not vary, or
    /// too few points for the inputs). Points where the output or an input is not finite are left out first.
    public static func coefficients(inputs: [[Double]], output: [Double], level: Double = 0.95) -> [Coefficient?] {
        GSLErrorHandler.switchOff()
        let kept = output.indices.filter { i in output[i].isFinite && inputs.allSatisfy { $0[i].isFinite } }
        let n = kept.count
        let outputRanks = ranks(kept.map { output[$0] })
        let inputRanks = inputs.map { column in ranks(kept.map { column[$0] }) }
        let varies = inputRanks.map { column in column.contains { $0 != column.first } }
        let multiplier = gsl_cdf_ugaussian_Pinv(1 - (1 - level) / 2)
        guard outputRanks.contains(where: { $0 != outputRanks.first }) else { return inputs.map { _ in nil } }
        return inputs.indices.map { j -> Coefficient? in
            guard varies[j] else { return nil }
            let controls = inputs.indices.filter { $0 != j && varies[$0] }
            let freedom = n - 3 - controls.count
            guard freedom >= 1 else { return nil }
            let design = controls.map { inputRanks[$0] }
            guard let inputResiduals = residuals(inputRanks[j], on: design),
                let outputResiduals = residuals(outputRanks, on: design)
            else { return nil }
            let r = inputResiduals.withUnsafeBufferPointer { x in
                outputResiduals.withUnsafeBufferPointer { y in gsl_stats_correlation(x.baseAddress, 1, y.baseAddress, 1, n) }
            }
            guard r.isFinite else { return nil }
            let value = min(1, max(-1, r))
            let z = atanh(value), half = multiplier / Double(freedom).squareRoot()
            return Coefficient(value: value, lower: tanh(z - half), upper: tanh(z + half), points: n)
        }
    }

    /// The residuals of the least-squares fit of `y` on an intercept and the columns of `design`; nil if GSL fails.
    static func residuals(_ y: [Double], on design: [[Double]]) -> [Double]? {
        let n = y.count, columns = design.count + 1
        guard let matrix = gsl_matrix_alloc(n, columns), let observations = gsl_vector_alloc(n),
            let coefficients = gsl_vector_alloc(columns), let covariance = gsl_matrix_alloc(columns, columns),
            let result = gsl_vector_alloc(n), let workspace = gsl_multifit_linear_alloc(n, columns)
        else { return nil }
        defer {
            gsl_matrix_free(matrix)
            gsl_vector_free(observations)
            gsl_vector_free(coefficients)
            gsl_matrix_free(covariance)
            gsl_vector_free(result)
            gsl_multifit_linear_free(workspace)
        }
        for i in 0..<n {
            gsl_vector_set(observations, i, y[i])
            gsl_matrix_set(matrix, i, 0, 1)
            for (c, column) in design.enumerated() { gsl_matrix_set(matrix, i, c + 1, column[i]) }
        }
        var chiSquared = 0.0
        guard gsl_multifit_linear(matrix, observations, coefficients, covariance, &chiSquared, workspace) == GSL_SUCCESS,
            gsl_multifit_linear_residuals(matrix, observations, coefficients, result) == GSL_SUCCESS
        else { return nil }
        return (0..<n).map { gsl_vector_get(result, $0) }
    }
}

/// `prcc.csv`: the PRCC of each metric with each sampled key, the interface between the analyses that sample
/// (`sweep --sample`, `sensitivity --uncertainty`) and the chart that draws them (`report`'s `charts/prcc`).
///
/// Header `metric,key,source,prcc,prcc_lo95,prcc_hi95,points`; `source` is the key's status (sourced, calibrated,
/// assumed) in the scenario when the caller gives it (`sensitivity --uncertainty`: `Scenario.status(of:)`), else in
/// its declaration, empty for a key that is not a model key; the rows of each metric are ranked by
/// |prcc|, undefined ones (empty cells) last; `points` is how many points the coefficient was computed from.
public enum PRCCTable {
    public static let fileName = "prcc.csv"
    public static let header = "metric,key,source,prcc,prcc_lo95,prcc_hi95,points"

    /// One row of the file.
    public struct Row: Sendable, Equatable {
        public let metric: String
        public let key: String
        public let source: String
        public let coefficient: PartialRankCorrelation.Coefficient?
        /// Points with the metric defined, whether or not a coefficient could be computed from them.
        public let points: Int
    }

    /// The rows for `metrics` (each a value per point, nil where undefined) against `keys` (each a value per point),
    /// `status` giving a key's status in the scenario analysed (by default its declared status).
    public static func rows(
        metrics: [(name: String, values: [Double?])], keys: [(path: String, values: [Double])],
        status: (String) -> String = { ScenarioKeys.declaration(for: $0)?.status.rawValue ?? "" }
    ) -> [Row] {
        metrics.flatMap { metric -> [Row] in
            let output = metric.values.map { $0 ?? .nan }
            let coefficients = PartialRankCorrelation.coefficients(inputs: keys.map(\.values), output: output)
            let points = output.filter(\.isFinite).count
            let rows = zip(keys, coefficients).map { key, coefficient in
                Row(
                    metric: metric.name, key: key.path,
                    source: status(key.path), coefficient: coefficient,
                    points: coefficient?.points ?? points)
            }
            return rows.enumerated().sorted { a, b in
                (abs(a.element.coefficient?.value ?? -1), -a.offset) > (abs(b.element.coefficient?.value ?? -1), -b.offset)
            }.map(\.element)
        }
    }

    public static func csv(_ rows: [Row]) -> String {
        let number = SummaryCSV.number
        let lines = rows.map { row in
            [
                SummaryCSV.field(row.metric), SummaryCSV.field(row.key), row.source, number(row.coefficient?.value),
                number(row.coefficient?.lower), number(row.coefficient?.upper), String(row.points),
            ].joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    /// `prcc.csv` of a complete Latin-hypercube sweep: the sampled keys against the headline metrics of `sweep.csv`
    /// (the means over replicates). nil for a factorial grid (its axes are not sampled) or while points are missing
    /// (a shard's share of an LHS is not one itself; `merge` writes the file of the whole).
    public static func sweepCSV(identity: SweepIdentity, rows: [SweepTable.Row]) -> String? {
        guard identity.design.hasPrefix("latin-hypercube"), rows.count == identity.pointCount else { return nil }
        let keys = identity.keyPaths.enumerated().compactMap { k, path -> (path: String, values: [Double])? in
            let values = rows.map { Double($0.values[k]) ?? .nan }
            return values.allSatisfy(\.isFinite) ? (path, values) : nil
        }
        let metrics = SweepTable.headlineMetrics.enumerated().map { m, name in
            (name: name, values: rows.map { $0.headline[m]?.mean })
        }
        return csv(self.rows(metrics: metrics, keys: keys))
    }
}
