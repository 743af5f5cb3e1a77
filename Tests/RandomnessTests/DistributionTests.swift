import XCTest
@testable import Randomness

/// The gsl_ran_* wrappers against their theoretical moments and frequencies. Tolerances: five standard errors of
/// each estimator at n = 200,000 draws, the standard errors derived from the theoretical moments (see the comment at
/// the top of StatisticsSupport.swift). Every stream has its own fixed key, so the tests are deterministic.
final class DistributionTests: XCTestCase {
    // MARK: Binomial, Poisson, Bernoulli

    /// Binomial: mean np, variance npq, fourth central moment npq(1 + 3(n − 2)pq).
    private func checkBinomial(_ trials: Int, _ p: Double, key: StreamKey,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let values = try draws(key: key) { Double($0.binomial(trials, p)) }
        XCTAssertTrue(values.allSatisfy { $0 >= 0 && $0 <= Double(trials) }, "binomial(\(trials), \(p)) out of range",
                      file: file, line: line)
        let n = Double(trials), q = 1 - p
        let variance = n * p * q
        assertMoments(values, mean: n * p, variance: variance,
                      fourthCentralMoment: variance * (1 + 3 * (n - 2) * p * q),
                      "binomial(\(trials), \(p))", file: file, line: line)
    }

    func testBinomialMoments() throws {
        try checkBinomial(10, 0.0368, key: StreamKey(2024, 1, 1))
        try checkBinomial(3, 0.168, key: StreamKey(2024, 1, 2))
        try checkBinomial(50, 0.5, key: StreamKey(2024, 1, 3))
    }

    /// Poisson(λ): mean λ, variance λ, fourth central moment λ + 3λ².
    func testPoissonMoments() throws {
        let lambda = 0.93
        let values = try draws(key: StreamKey(2024, 2)) { Double($0.poisson(mean: lambda)) }
        XCTAssertTrue(values.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        assertMoments(values, mean: lambda, variance: lambda, fourthCentralMoment: lambda + 3 * lambda * lambda,
                      "poisson(0.93)")
    }

    /// Bernoulli(p): the frequency of true, SE √(pq/n) = 0.00102 at n = 200,000.
    func testBernoulliFrequency() throws {
        let p = 0.3
        let values = try draws(key: StreamKey(2024, 3)) { $0.bernoulli(p) ? 1 : 0 }
        let frequency = values.reduce(0, +) / Double(values.count)
        assertWithinFiveSE(frequency, p, standardError: (p * (1 - p) / Double(values.count)).squareRoot(),
                           "bernoulli(0.3) frequency")
    }

    // MARK: Continuous

    /// lognormal(ζ, σ): log of a draw is N(ζ, σ²). Mean of logs SE σ/√n; sd of logs SE σ/√(2n). Also the mean of the
    /// draws themselves, e^(ζ + σ²/2), whose SE is that mean · √(e^(σ²) − 1) / √n (≈ 0.25% of it here).
    func testLognormalLogMoments() throws {
        let zeta = log(10_000.0), sigma = 0.9
        let values = try draws(key: StreamKey(2024, 4)) { $0.lognormal(zeta: zeta, sigma: sigma) }
        XCTAssertTrue(values.allSatisfy { $0 > 0 })
        let logs = SampleMoments(values.map { log($0) })
        let n = Double(values.count)
        assertWithinFiveSE(logs.mean, zeta, standardError: sigma / n.squareRoot(), "lognormal mean of log")
        assertWithinFiveSE(logs.standardDeviation, sigma, standardError: sigma / (2 * n).squareRoot(),
                           "lognormal sd of log")
        let mean = exp(zeta + sigma * sigma / 2)
        assertWithinFiveSE(SampleMoments(values).mean, mean,
                           standardError: mean * (exp(sigma * sigma) - 1).squareRoot() / n.squareRoot(),
                           "lognormal mean")
    }

    /// gamma(k, θ): mean kθ, variance kθ², fourth central moment 3k(k + 2)θ⁴. With k = 2, θ = 1500 the variance is
    /// 4.5e6, and swapping shape and scale (variance 6,000) would fail by hundreds of standard errors.
    func testGammaMoments() throws {
        let shape = 2.0, scale = 1_500.0
        let values = try draws(key: StreamKey(2024, 5)) { $0.gamma(shape: shape, scale: scale) }
        XCTAssertTrue(values.allSatisfy { $0 > 0 })
        assertMoments(values, mean: shape * scale, variance: shape * scale * scale,
                      fourthCentralMoment: 3 * shape * (shape + 2) * pow(scale, 4), "gamma(2, 1500)")
    }

    /// Beta(a, b): mean a/(a+b), variance ab/((a+b)²(a+b+1)), fourth central moment variance²·(3 + excess kurtosis)
    /// with excess kurtosis 6[(a−b)²(a+b+1) − ab(a+b+2)] / [ab(a+b+2)(a+b+3)]. Beta(2,3) and Beta(3,2) together catch
    /// swapped parameters (mean 0.4 vs 0.6, about 700 standard errors apart).
    func testBetaMoments() throws {
        for (index, (a, b)) in [(2.0, 3.0), (3.0, 2.0), (1.0, 3.0)].enumerated() {
            let values = try draws(key: StreamKey(2024, 6, UInt64(index))) { $0.beta(a, b) }
            XCTAssertTrue(values.allSatisfy { $0 >= 0 && $0 <= 1 }, "beta(\(a), \(b)) out of [0, 1]")
            let s = a + b
            let variance = a * b / (s * s * (s + 1))
            let excessKurtosis = 6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3))
            assertMoments(values, mean: a / s, variance: variance,
                          fourthCentralMoment: variance * variance * (3 + excessKurtosis), "beta(\(a), \(b))")
        }
    }

    /// gaussian(sigma:) by the ziggurat: mean 0 (SE σ/√n), sd σ (SE σ/√(2n)), and the two-sided tail beyond
    /// 1.96σ has probability 2(1 − Φ(1.959963984540054)) = 0.05 (frequency SE √(0.05·0.95/n) ≈ 0.00049), which
    /// checks the shape and not only the scale.
    func testGaussianZigguratMoments() throws {
        let sigma = 2.5
        let values = try draws(key: StreamKey(2024, 7)) { $0.gaussian(sigma: sigma) }
        let moments = SampleMoments(values)
        let n = Double(values.count)
        assertWithinFiveSE(moments.mean, 0, standardError: sigma / n.squareRoot(), "gaussian mean")
        assertWithinFiveSE(moments.standardDeviation, sigma, standardError: sigma / (2 * n).squareRoot(), "gaussian sd")
        let z = 1.959963984540054
        let tail = 2 * (1 - GSLFunctions.standardNormalCDF(z))
        let observedTail = Double(values.filter { abs($0) > z * sigma }.count) / n
        assertWithinFiveSE(observedTail, tail, standardError: (tail * (1 - tail) / n).squareRoot(), "gaussian tail")
    }

    /// uniform(): on [0, 1), mean 1/2, variance 1/12, fourth central moment 1/80.
    func testUniformMoments() throws {
        let values = try draws(key: StreamKey(2024, 8)) { $0.uniform() }
        XCTAssertTrue(values.allSatisfy { $0 >= 0 && $0 < 1 })
        assertMoments(values, mean: 0.5, variance: 1.0 / 12, fourthCentralMoment: 1.0 / 80, "uniform")
    }

    // MARK: Hypergeometric

    /// hypergeometric(marked 3, unmarked 5, draws 4): pmf C(3,k)C(5,4−k)/C(8,4) = (5, 30, 30, 5)/70 on k = 0...3,
    /// mean draws·marked/total = 1.5, variance 4·(3/8)·(5/8)·(4/7) = 0.5357; the fourth central moment for the
    /// variance's SE is computed from the exact pmf. The frequencies are also checked by chi-square (3 degrees of
    /// freedom, critical value at p = 1e-6).
    func testHypergeometricMomentsAndFrequencies() throws {
        let marked = 3, unmarked = 5, taken = 4, total = marked + unmarked
        let pmf = (0...marked).map { choose(marked, $0) * choose(unmarked, taken - $0) / choose(total, taken) }
        XCTAssertEqual(pmf.reduce(0, +), 1, accuracy: 1e-12)
        let exact = centralMoments(pmf: pmf)
        let d = Double(taken), m = Double(marked), t = Double(total)
        XCTAssertEqual(exact.mean, d * m / t, accuracy: 1e-12)
        XCTAssertEqual(exact.variance, d * (m / t) * (1 - m / t) * (t - d) / (t - 1), accuracy: 1e-12)

        let values = try draws(key: StreamKey(2024, 9)) {
            Double($0.hypergeometric(marked: marked, unmarked: unmarked, draws: taken))
        }
        var counts = [Int](repeating: 0, count: marked + 1)
        for value in values {
            guard value >= 0, value <= Double(marked) else { return XCTFail("hypergeometric out of range: \(value)") }
            counts[Int(value)] += 1
        }
        assertMoments(values, mean: exact.mean, variance: exact.variance, fourthCentralMoment: exact.fourth,
                      "hypergeometric(3, 5, 4)")
        let statistic = chiSquare(counts: counts, probabilities: pmf)
        XCTAssertLessThan(statistic, chiSquareCritical1e6[3]!, "hypergeometric frequencies \(counts)")
    }

    // MARK: Discrete and uniform integers

    /// Walker-table draws with weights (0.30, 0.45, 0.15, 0.10): chi-square with 3 degrees of freedom below its
    /// p = 1e-6 critical value, and each frequency within five SE √(p(1−p)/n).
    func testDiscreteFrequencies() throws {
        let weights = [0.30, 0.45, 0.15, 0.10]
        let table = try DiscreteDistribution(weights: weights)
        let stream = try RandomStream(key: StreamKey(2024, 10))
        let n = momentSampleSize
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<n {
            let k = stream.discrete(table)
            guard counts.indices.contains(k) else { return XCTFail("discrete index out of range: \(k)") }
            counts[k] += 1
        }
        XCTAssertLessThan(chiSquare(counts: counts, probabilities: weights), chiSquareCritical1e6[3]!,
                          "discrete frequencies \(counts)")
        for (k, p) in weights.enumerated() {
            assertWithinFiveSE(Double(counts[k]) / Double(n), p, standardError: (p * (1 - p) / Double(n)).squareRoot(),
                               "discrete frequency of \(k)")
        }
    }

    /// Zero weights are never drawn, and weights need not sum to one.
    func testDiscreteZeroWeightsNeverDrawn() throws {
        let table = try DiscreteDistribution(weights: [0, 2, 0, 6])
        let stream = try RandomStream(key: StreamKey(2024, 11))
        var counts = [0, 0, 0, 0]
        for _ in 0..<40_000 { counts[stream.discrete(table)] += 1 }
        XCTAssertEqual(counts[0], 0)
        XCTAssertEqual(counts[2], 0)
        // Frequency of index 3 is 0.75, SE √(0.75·0.25/40000) ≈ 0.0022.
        assertWithinFiveSE(Double(counts[3]) / 40_000, 0.75, standardError: (0.75 * 0.25 / 40_000).squareRoot(),
                           "discrete unnormalised weights")
    }

    /// uniformInt(below: 11): each of 0...10 with probability 1/11; chi-square with 10 degrees of freedom.
    func testUniformIntFrequencies() throws {
        let stream = try RandomStream(key: StreamKey(2024, 12))
        var counts = [Int](repeating: 0, count: 11)
        for _ in 0..<momentSampleSize {
            let k = stream.uniformInt(below: 11)
            guard counts.indices.contains(k) else { return XCTFail("uniformInt(below: 11) gave \(k)") }
            counts[k] += 1
        }
        XCTAssertLessThan(chiSquare(counts: counts, probabilities: Array(repeating: 1.0 / 11, count: 11)),
                          chiSquareCritical1e6[10]!, "uniformInt frequencies \(counts)")
        XCTAssertEqual(stream.uniformInt(below: 1), 0)
    }

    // MARK: Edge cases

    /// Certain outcomes: binomial with no trials or p = 0 is 0; hypergeometric with every item drawn is `marked`, with
    /// no unmarked items min(draws, marked). These are documented to draw nothing, so the stream must not advance.
    func testEdgeCasesAreExactAndDrawNothing() throws {
        let key = StreamKey(2024, 13)
        let stream = try RandomStream(key: key)
        let reference = try RandomStream(key: key)

        XCTAssertEqual(stream.binomial(0, 0.5), 0)
        XCTAssertEqual(stream.binomial(0, 0), 0)
        XCTAssertEqual(stream.binomial(25, 0), 0)
        XCTAssertEqual(stream.binomial(-1, 0.5), 0)
        XCTAssertEqual(stream.hypergeometric(marked: 3, unmarked: 5, draws: 8), 3)
        XCTAssertEqual(stream.hypergeometric(marked: 3, unmarked: 5, draws: 20), 3)
        XCTAssertEqual(stream.hypergeometric(marked: 4, unmarked: 0, draws: 2), 2)
        XCTAssertEqual(stream.hypergeometric(marked: 4, unmarked: 0, draws: 9), 4)
        XCTAssertEqual(stream.hypergeometric(marked: 0, unmarked: 5, draws: 3), 0)
        XCTAssertEqual(stream.hypergeometric(marked: 3, unmarked: 5, draws: 0), 0)
        XCTAssertEqual(stream.nextRaw(), reference.nextRaw(), "an edge case advanced the stream")

        // Certain outcomes that do go through GSL still come out right.
        for _ in 0..<1_000 {
            XCTAssertEqual(stream.binomial(7, 1), 7)
            XCTAssertEqual(stream.hypergeometric(marked: 5, unmarked: 1, draws: 6), 5)
            let k = stream.hypergeometric(marked: 2, unmarked: 2, draws: 3)
            XCTAssertTrue((1...2).contains(k), "hypergeometric(2, 2, 3) gave \(k)")
        }
    }
}
