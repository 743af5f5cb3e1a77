import XCTest
@testable import Randomness

/// Binomial draws read from a ``BinomialTable`` against GSL's `gsl_ran_binomial`: bit for bit the same numbers and
/// the same generator state afterwards, including where the table must not be used.
final class BinomialTableTests: XCTestCase {
    func testTableDrawsAreGSLsForEveryTabulatedN() throws {
        let inline = try RandomStream(generator: .taus2)
        let gsl = try RandomStream(generator: .taus2, inlineDraws: false)
        inline.reseed(mixedKey: 99)
        gsl.reseed(mixedKey: 99)
        let probabilities = [1e-6, 0.0102, 0.0368, 0.168, 0.3822, 0.5, 0.55, 0.85, 0.9, 0.99, 1 - 1e-9, 1]
        let tables = probabilities.map { BinomialTable(probability: $0) }
        var drawn = 0
        for round in 0..<300 {
            for n in 0...48 {  // beyond maxTrials = 40: the plain path
                for (p, table) in zip(probabilities, tables) {
                    let a = inline.binomial(n, p, table), b = gsl.binomial(n, p)
                    XCTAssertEqual(a, b, "binomial(\(n), \(p)) in round \(round)")
                    if a != b { return }
                    drawn += a
                }
            }
        }
        XCTAssertGreaterThan(drawn, 0)
        XCTAssertEqual(inline.nextRaw(), gsl.nextRaw(), "the generators ended in different states")
    }

    /// A table for another probability (a phase whose parameters were changed after it was built) is ignored.
    func testATableForAnotherProbabilityChangesNothing() throws {
        let withStale = try RandomStream(generator: .taus2), plain = try RandomStream(generator: .taus2)
        withStale.reseed(mixedKey: 5)
        plain.reseed(mixedKey: 5)
        let stale = BinomialTable(probability: 0.1)
        for _ in 0..<10_000 {
            XCTAssertEqual(withStale.binomial(6, 0.3, stale), plain.binomial(6, 0.3))
        }
    }

    /// Where GSL switches to BTPE (n·p ≥ 14) the table is not used, and the draws still agree.
    func testLargeMeansFallBackToGSL() throws {
        let table = BinomialTable(probability: 0.45, maxTrials: 100)
        XCTAssertTrue(table.byInversion[31])
        XCTAssertFalse(table.byInversion[32])
        let inline = try RandomStream(generator: .taus2), gsl = try RandomStream(generator: .taus2, inlineDraws: false)
        inline.reseed(mixedKey: 8)
        gsl.reseed(mixedKey: 8)
        for n in 1...100 { XCTAssertEqual(inline.binomial(n, 0.45, table), gsl.binomial(n, 0.45)) }
    }
}
