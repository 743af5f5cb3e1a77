import CGSL
import Randomness

/// GSL's derivative-free minimiser, the Nelder–Mead simplex (`gsl_multimin_fminimizer_nmsimplex2`), over a Swift
/// function. No `gsl_*` type leaves this file.
///
/// Why Nelder–Mead: a simulated metric is a step function of any parameter (a finite population changes status one
/// household at a time), so gradients are zero or undefined; the simplex needs only function values.
public enum NelderMead {
    /// Where the search stopped.
    public struct Outcome: Equatable, Sendable {
        /// The best point found.
        public let point: [Double]
        /// The function there.
        public let value: Double
        /// Simplex iterations done.
        public let iterations: Int
        /// true when the simplex shrank below the tolerance; false when the iteration limit stopped it.
        public let converged: Bool
    }

    /// Why the search could not run.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No dimensions, mismatched step sizes, or a non-finite start.
        case invalidStart(String)
        /// The function returned a value that is not finite (GSL's status named).
        case nonFiniteValue(status: Int32)

        public var description: String {
            switch self {
            case let .invalidStart(reason): "cannot start the simplex: \(reason)"
            case let .nonFiniteValue(status): "the objective was not finite (GSL status \(status))"
            }
        }
    }

    /// Minimise `objective` from `start`, with an initial simplex of `start` and `start + step[i]·e_i`.
    ///
    /// Stops when the simplex's characteristic size is below `tolerance` (`gsl_multimin_test_size`) or after
    /// `maxIterations`. An error thrown by `objective` stops the search and is rethrown.
    public static func minimize(
        start: [Double], step: [Double], tolerance: Double, maxIterations: Int,
        _ objective: ([Double]) throws -> Double
    ) throws -> Outcome {
        guard !start.isEmpty, start.count == step.count else {
            throw Failure.invalidStart("\(start.count) coordinates and \(step.count) step sizes")
        }
        guard start.allSatisfy(\.isFinite), step.allSatisfy({ $0.isFinite && $0 != 0 }) else {
            throw Failure.invalidStart("start \(start), steps \(step)")
        }
        _ = errorHandlerSwitchedOff
        return try withoutActuallyEscaping(objective) { escapable in
            let context = Context(objective: escapable)
            let dimensions = start.count
            guard let minimizer = gsl_multimin_fminimizer_alloc(cgsl_multimin_nmsimplex2(), dimensions),
                  let x = gsl_vector_alloc(dimensions), let steps = gsl_vector_alloc(dimensions)
            else { throw Failure.invalidStart("GSL could not allocate a simplex of \(dimensions) dimensions") }
            defer {
                gsl_multimin_fminimizer_free(minimizer)
                gsl_vector_free(x)
                gsl_vector_free(steps)
            }
            for i in 0..<dimensions {
                gsl_vector_set(x, i, start[i])
                gsl_vector_set(steps, i, step[i])
            }
            return try withExtendedLifetime(context) {
                var function = gsl_multimin_function(
                    f: evaluate, n: dimensions, params: Unmanaged.passUnretained(context).toOpaque())
                let setStatus = gsl_multimin_fminimizer_set(minimizer, &function, x, steps)
                if let error = context.error { throw error }
                guard setStatus == GSL_SUCCESS else { throw Failure.nonFiniteValue(status: setStatus) }
                var iterations = 0, converged = false
                while iterations < maxIterations {
                    iterations += 1
                    let status = gsl_multimin_fminimizer_iterate(minimizer)
                    if let error = context.error { throw error }
                    guard status == GSL_SUCCESS else { throw Failure.nonFiniteValue(status: status) }
                    if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), tolerance) == GSL_SUCCESS {
                        converged = true
                        break
                    }
                }
                let best = gsl_multimin_fminimizer_x(minimizer)
                return Outcome(
                    point: (0..<dimensions).map { gsl_vector_get(best, $0) },
                    value: gsl_multimin_fminimizer_minimum(minimizer), iterations: iterations, converged: converged)
            }
        }
    }

    /// The Swift function and the first error it threw, reached from the C callback through `params`.
    private final class Context {
        let objective: ([Double]) throws -> Double
        var error: (any Error)?

        init(objective: @escaping ([Double]) throws -> Double) { self.objective = objective }
    }

    /// The C callback: reads the point, calls the Swift function; after an error, returns NaN so GSL stops at once.
    private static let evaluate: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?) -> Double = {
        vector, params in
        guard let vector, let params else { return .nan }
        let context = Unmanaged<Context>.fromOpaque(params).takeUnretainedValue()
        if context.error != nil { return .nan }
        let point = (0..<vector.pointee.size).map { gsl_vector_get(vector, $0) }
        do { return try context.objective(point) } catch {
            context.error = error
            return .nan
        }
    }

    /// GSL's default error handler aborts the process; this module reads status codes instead.
    private static let errorHandlerSwitchedOff: Bool = {
        GSLErrorHandler.switchOff()
        return true
    }()
}
