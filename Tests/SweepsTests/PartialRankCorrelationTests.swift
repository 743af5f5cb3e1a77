import Foundation
import Randomness
import XCTest

@testable import Sweeps

/// PRCC against cases whose answer is known: a monotone driver, a noise input, the closed form of three variables.
final class PartialRankCorrelationTests: XCTestCase {
    /// Independent uniforms from a GSL stream (a fixed key, so the data set is the same on every machine).
    func uniforms(_ count: Int, column: UInt64) throws -> [Double] {
        let stream = try RandomStream(generator: .taus2, key: StreamKey(2026, 99, column))
        return (0..<count).map { _ in stream.uniform() }
    }

    func testRanksAreFromOneWithTiesSharingTheirMeanRank() {
        XCTAssertEqual(PartialRankCorrelation.ranks([3, 1, 2, 2]), [4, 1, 2.5, 2.5])
        XCTAssertEqual(PartialRankCorrelation.ranks([5, 5, 5]), [2, 2, 2])
        XCTAssertEqual(PartialRankCorrelation.ranks([-1, 10, 0.5]), [1, 3, 2])
        XCTAssertEqual(PartialRankCorrelation.ranks([]), [])
    }

    /// y rises steeply and non-linearly with x1, falls with x2 more weakly, and x3 is noise: PRCC sees x1 near 1, x2
    /// clearly negative, and x3 inside ±4/√n (a bound a correct PRCC of an independent input exceeds with
    /// probability about 10⁻⁴, so this fails on a real bug, not by chance).
    func testAMonotoneDriverIsNearOneAndNoiseIsNearZero() throws {
        let n = 300
        let x1 = try uniforms(n, column: 1), x2 = try uniforms(n, column: 2), x3 = try uniforms(n, column: 3)
        let e = try uniforms(n, column: 4)
        let y = (0..<n).map { exp(6 * x1[$0]) - 40 * x2[$0] + 20 * e[$0] }
        let result = PartialRankCorrelation.coefficients(inputs: [x1, x2, x3], output: y)
        let driver = try XCTUnwrap(result[0]), falling = try XCTUnwrap(result[1]), noise = try XCTUnwrap(result[2])
        XCTAssertGreaterThan(driver.value, 0.9)
        XCTAssertTrue(driver.excludesZero)
        XCTAssertLessThan(falling.value, -0.3)
        XCTAssertLessThan(falling.upper, 0)
        XCTAssertLessThan(abs(noise.value), 4 / Double(n).squareRoot())
        XCTAssertEqual(noise.points, n)
        // Ranks make it blind to a monotone transformation of the output or an input.
        let transformed = PartialRankCorrelation.coefficients(inputs: [x1.map { $0 * $0 * $0 }, x2, x3], output: y.map { atan($0) })
        for (a, b) in zip(result, transformed) { XCTAssertEqual(a!.value, b!.value, accuracy: 1e-12) }
    }

    /// With two inputs the PRCC is the closed-form partial correlation of the ranks,
    /// (r_1y − r_12 r_2y) / √((1 − r_12²)(1 − r_2y²)), and the interval Fisher's with one input held fixed.
    func testTwoInputsMatchTheClosedFormAndFishersInterval() throws {
        let n = 60
        let x1 = try uniforms(n, column: 5), u = try uniforms(n, column: 6), e = try uniforms(n, column: 7)
        let x2 = (0..<n).map { x1[$0] + u[$0] }  // correlated with x1
        let y = (0..<n).map { x1[$0] + 0.5 * x2[$0] + e[$0] }
        let (r1, r2, ry) = (
            PartialRankCorrelation.ranks(x1), PartialRankCorrelation.ranks(x2), PartialRankCorrelation.ranks(y)
        )
        func pearson(_ a: [Double], _ b: [Double]) -> Double {
            let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
            let sab = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
            let saa = a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) }, sbb = b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) }
            return sab / (saa * sbb).squareRoot()
        }
        let r1y = pearson(r1, ry), r12 = pearson(r1, r2), r2y = pearson(r2, ry)
        let expected = (r1y - r12 * r2y) / ((1 - r12 * r12) * (1 - r2y * r2y)).squareRoot()
        let found = try XCTUnwrap(PartialRankCorrelation.coefficients(inputs: [x1, x2], output: y)[0])
        XCTAssertEqual(found.value, expected, accuracy: 1e-10)
        let half = 1.959963984540054 / Double(n - 3 - 1).squareRoot()
        XCTAssertEqual(found.lower, tanh(atanh(expected) - half), accuracy: 1e-9)
        XCTAssertEqual(found.upper, tanh(atanh(expected) + half), accuracy: 1e-9)
        XCTAssertEqual(found.points, n)
    }

    func testUndefinedCasesGiveNoCoefficient() throws {
        let n = 40
        let x1 = try uniforms(n, column: 8), x2 = try uniforms(n, column: 9)
        let y = (0..<n).map { x1[$0] + 0.3 * x2[$0] }
        let constant = [Double](repeating: 3, count: n)
        let result = PartialRankCorrelation.coefficients(inputs: [x1, constant, x2], output: y)
        XCTAssertNil(result[1], "an input that does not vary")
        XCTAssertNotNil(result[0], "a constant input is not held fixed, so it does not spoil the others")
        XCTAssertTrue(PartialRankCorrelation.coefficients(inputs: [x1], output: constant).allSatisfy { $0 == nil })
        // Four points with two inputs leave n − 3 − 1 = 0 degrees of freedom.
        XCTAssertTrue(
            PartialRankCorrelation.coefficients(inputs: [Array(x1.prefix(4)), Array(x2.prefix(4))], output: Array(y.prefix(4)))
                .allSatisfy { $0 == nil })
        // Points where the output is undefined are left out.
        var holed = y
        holed[0] = .nan
        holed[5] = .infinity
        XCTAssertEqual(PartialRankCorrelation.coefficients(inputs: [x1, x2], output: holed)[0]?.points, n - 2)
    }

    func testTheFileHasTheAgreedHeaderSourcesAndRanking() throws {
        let n = 50
        let x1 = try uniforms(n, column: 10), x2 = try uniforms(n, column: 11)
        let rows = PRCCTable.rows(
            metrics: [(name: "m", values: (0..<n).map { Optional(0.1 * x1[$0] + x2[$0]) })],
            keys: [(path: "interventions.dibao.standard", values: x1), (path: "not.a.key", values: x2)])
        XCTAssertEqual(rows.map(\.key), ["not.a.key", "interventions.dibao.standard"], "ranked by |prcc|")
        XCTAssertEqual(rows.map(\.source), ["", "assumed"])
        let lines = PRCCTable.csv(rows).split(separator: "\n")
        XCTAssertEqual(lines[0], "metric,key,source,prcc,prcc_lo95,prcc_hi95,points")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[2].hasPrefix("m,interventions.dibao.standard,assumed,"), String(lines[2]))
        XCTAssertTrue(lines[2].hasSuffix(",50"), String(lines[2]))
        let grid = SweepIdentity(scenario: "s", design: "factorial 2 × 2", keyPaths: ["a", "b"], pointCount: 4, seed: 1)
        XCTAssertNil(PRCCTable.sweepCSV(identity: grid, rows: []), "a grid is not a sample")
        let missing = SweepIdentity(scenario: "s", design: "latin-hypercube 9", keyPaths: ["a"], pointCount: 9, seed: 1)
        XCTAssertNil(PRCCTable.sweepCSV(identity: missing, rows: []), "not while points are missing")
    }
}
