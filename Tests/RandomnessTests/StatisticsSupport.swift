import XCTest
@testable import Randomness

// Shared statistics for the distribution tests.
//
// How tolerances are chosen (applies to every `assertWithinFiveSE` below):
// every stream in these tests is reseeded from a fixed key, so each test is deterministic; the tolerance only has to
// make sure the fixed key is not an "unlucky" one for a correct implementation, while staying tight enough that a
// real bug (swapped parameters, wrong scale, wrong state layout) fails. An estimator computed from n independent draws
// has a standard error derived from the theoretical moments and n:
//   - sample mean:      SE = σ / √n
//   - sample variance:  SE = √((μ₄ − σ⁴) / n)      (μ₄ the fourth central moment)
//   - sample sd:        SE ≈ √((μ₄ − σ⁴) / n) / (2σ)  (delta method; σ / √(2n) for a normal)
//   - a frequency p̂:   SE = √(p(1 − p) / n)
// and by the central limit theorem the estimate is within 5 SE of the truth except with probability ≈ 5.7e-7 (two
// sided). With about forty such checks the chance of any false failure for a correct implementation is ~2e-5, while
// with n ≈ 200,000 five standard errors are 0.3–2% of the means tested (about 2.5% of the variances), far below the
// effect of the bugs these tests are aimed at (swapped or complemented parameters move an estimate by hundreds of SE).

/// Sample moments of a list of draws (two passes, in Double).
struct SampleMoments {
    let count: Int
    let mean: Double
    /// Unbiased sample variance.
    let variance: Double
    var standardDeviation: Double { variance.squareRoot() }

    init(_ values: [Double]) {
        precondition(values.count > 1)
        count = values.count
        var sum = 0.0
        for value in values { sum += value }
        let mean = sum / Double(values.count)
        var squares = 0.0
        for value in values {
            let d = value - mean
            squares += d * d
        }
        self.mean = mean
        variance = squares / Double(values.count - 1)
    }
}

/// The number of draws each moment test takes (the brief asks for about 200,000).
let momentSampleSize = 200_000

/// Draws `n` values from a stream reseeded with `key`.
func draws(_ n: Int = momentSampleSize, key: StreamKey, generator: GeneratorKind = .taus2,
           _ draw: (RandomStream) -> Double) throws -> [Double] {
    let stream = try RandomStream(generator: generator, key: key)
    var values = [Double]()
    values.reserveCapacity(n)
    for _ in 0..<n { values.append(draw(stream)) }
    return values
}

/// Fails unless `observed` is within five standard errors of `expected` (see the comment at the top of this file).
func assertWithinFiveSE(_ observed: Double, _ expected: Double, standardError: Double, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    precondition(standardError > 0 && standardError.isFinite, "a standard error must be positive")
    let z = (observed - expected) / standardError
    XCTAssertLessThanOrEqual(abs(z), 5,
                             "\(what): observed \(observed), expected \(expected), SE \(standardError), z = \(z)",
                             file: file, line: line)
}

/// Checks the sample mean and sample variance of `values` against a distribution with mean `mean`, variance
/// `variance` and fourth central moment `fourthCentralMoment`.
func assertMoments(_ values: [Double], mean: Double, variance: Double, fourthCentralMoment: Double, _ what: String,
                   file: StaticString = #filePath, line: UInt = #line) {
    let moments = SampleMoments(values)
    let n = Double(values.count)
    assertWithinFiveSE(moments.mean, mean, standardError: (variance / n).squareRoot(), "\(what) mean",
                       file: file, line: line)
    let varianceSE = ((fourthCentralMoment - variance * variance) / n).squareRoot()
    assertWithinFiveSE(moments.variance, variance, standardError: varianceSE, "\(what) variance",
                       file: file, line: line)
}

/// Pearson's chi-square statistic of observed counts against expected probabilities.
func chiSquare(counts: [Int], probabilities: [Double]) -> Double {
    precondition(counts.count == probabilities.count)
    let n = Double(counts.reduce(0, +))
    var statistic = 0.0
    for (count, p) in zip(counts, probabilities) {
        let expected = n * p
        statistic += (Double(count) - expected) * (Double(count) - expected) / expected
    }
    return statistic
}

/// Upper 1e-6 quantiles of the chi-square distribution (scipy.stats.chi2.isf(1e-6, df)): a correct sampler exceeds
/// them once in a million runs; a wrong table or a biased reduction exceeds them by orders of magnitude at n = 200,000.
let chiSquareCritical1e6: [Int: Double] = [3: 30.664849706213598, 10: 46.863046846784385]

/// Central moments (variance, fourth) of a distribution on 0..<pmf.count given exactly.
func centralMoments(pmf: [Double]) -> (mean: Double, variance: Double, fourth: Double) {
    var mean = 0.0
    for (k, p) in pmf.enumerated() { mean += Double(k) * p }
    var variance = 0.0, fourth = 0.0
    for (k, p) in pmf.enumerated() {
        let d = Double(k) - mean
        variance += p * d * d
        fourth += p * d * d * d * d
    }
    return (mean, variance, fourth)
}

/// The binomial coefficient C(n, k) as a Double (small arguments only).
func choose(_ n: Int, _ k: Int) -> Double {
    if k < 0 || k > n { return 0 }
    var result = 1.0
    for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
    return result
}

/// Fails at the first index where two output sequences differ, naming it (instead of printing both sequences).
func assertSameSequence<T: Equatable>(_ actual: [T], _ expected: [T], _ what: String,
                                      file: StaticString = #filePath, line: UInt = #line) {
    guard actual.count == expected.count else {
        return XCTFail("\(what): \(actual.count) outputs, expected \(expected.count)", file: file, line: line)
    }
    if let index = actual.indices.first(where: { actual[$0] != expected[$0] }) {
        XCTFail("\(what): output \(index) is \(actual[index]), expected \(expected[index])", file: file, line: line)
    }
}
