import CGSL
import Randomness

/// Ordinary and weighted least squares by GSL (`gsl_multifit_linear`, `gsl_multifit_wlinear`: an SVD of the design
/// with column balancing), for vulnerability as `002` estimates it (``FeasibleGLS``). No `gsl_*` type leaves this file.
enum LeastSquares {
    /// A fitted linear model.
    struct Fit: Equatable, Sendable {
        /// c of y ≈ X c, one per regressor (the intercept is a column of ones the caller puts in X).
        let coefficients: [Double]
        /// 1 − Σ w (y − X c)² / Σ w (y − ȳ_w)² (weights 1 for OLS); NaN when y is constant.
        let rSquared: Double

        /// X_h c for one row of the design.
        func predict(_ row: UnsafeBufferPointer<Double>) -> Double {
            var sum = 0.0
            for index in coefficients.indices { sum += coefficients[index] * row[index] }
            return sum
        }
    }

    /// Why a fit could not be made.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// Fewer observations than regressors + 1, or arrays of mismatched lengths.
        case badShape(observations: Int, regressors: Int)
        /// GSL refused (its status named).
        case gsl(status: Int32)

        var description: String {
            switch self {
            case let .badShape(n, p): "cannot fit \(p) regressors to \(n) observations"
            case let .gsl(status): "GSL's least squares failed (status \(status))"
            }
        }
    }

    /// Fits `response` ≈ `design` · c, where `design` holds `regressors` values per observation, row after row, by
    /// OLS, or by WLS when `weights` (one per observation, ≥ 0) are given.
    static func fit(design: [Double], regressors: Int, response: [Double], weights: [Double]? = nil) throws(Failure) -> Fit {
        let n = response.count
        guard regressors > 0, design.count == n * regressors, n > regressors, weights.map({ $0.count == n }) ?? true else {
            throw .badShape(observations: n, regressors: regressors)
        }
        GSLErrorHandler.switchOff()
        guard let coefficients = gsl_vector_alloc(regressors), let covariance = gsl_matrix_alloc(regressors, regressors),
              let workspace = gsl_multifit_linear_alloc(n, regressors)
        else { throw .gsl(status: Int32(GSL_ENOMEM)) }
        defer {
            gsl_vector_free(coefficients)
            gsl_matrix_free(covariance)
            gsl_multifit_linear_free(workspace)
        }
        var x = design, y = response, w = weights ?? []
        var chiSquared = 0.0
        let status = x.withUnsafeMutableBufferPointer { xBuffer in
            y.withUnsafeMutableBufferPointer { yBuffer in
                w.withUnsafeMutableBufferPointer { wBuffer in
                    var xView = gsl_matrix_view_array(xBuffer.baseAddress, n, regressors)
                    var yView = gsl_vector_view_array(yBuffer.baseAddress, n)
                    guard weights != nil else {
                        return gsl_multifit_linear(&xView.matrix, &yView.vector, coefficients, covariance, &chiSquared, workspace)
                    }
                    var wView = gsl_vector_view_array(wBuffer.baseAddress, n)
                    return gsl_multifit_wlinear(
                        &xView.matrix, &wView.vector, &yView.vector, coefficients, covariance, &chiSquared, workspace)
                }
            }
        }
        guard status == Int32(GSL_SUCCESS) else { throw .gsl(status: status) }
        var weightSum = 0.0, weightedSum = 0.0
        for index in 0..<n {
            let weight = weights?[index] ?? 1
            weightSum += weight
            weightedSum += weight * response[index]
        }
        let mean = weightedSum / weightSum
        var total = 0.0
        for index in 0..<n {
            let deviation = response[index] - mean
            total += (weights?[index] ?? 1) * deviation * deviation
        }
        return Fit(
            coefficients: (0..<regressors).map { gsl_vector_get(coefficients, $0) },
            rSquared: total > 0 ? 1 - chiSquared / total : .nan)
    }
}
