import XCTest
@testable import Randomness

/// The inline taus2 path (InlineTaus2.swift) against GSL itself: every draw must be bit for bit GSL's, and the
/// generator must be left exactly where GSL leaves it, so that inline draws and GSL calls can follow one another.
final class InlineTaus2Tests: XCTestCase {
    private func pair(_ key: UInt64) throws -> (inline: RandomStream, gsl: RandomStream) {
        let inline = try RandomStream(generator: .taus2)
        let gsl = try RandomStream(generator: .taus2, inlineDraws: false)
        inline.reseed(mixedKey: key)
        gsl.reseed(mixedKey: key)
        return (inline, gsl)
    }

    func testRawOutputsAndUniformsAreGSLs() throws {
        let (inline, gsl) = try pair(1)
        for index in 0..<200_000 {
            if index % 2 == 0 {
                XCTAssertEqual(inline.nextRaw(), gsl.nextRaw())
            } else {
                XCTAssertEqual(inline.uniform().bitPattern, gsl.uniform().bitPattern)
            }
        }
    }

    func testBernoullisAreGSLs() throws {
        let (inline, gsl) = try pair(2)
        let probabilities = [0, 1e-9, 0.0368, 0.3, 0.5, 0.641, 0.999, 1]
        for index in 0..<200_000 {
            let p = probabilities[index % probabilities.count]
            XCTAssertEqual(inline.bernoulli(p), gsl.bernoulli(p), "p = \(p)")
        }
        XCTAssertEqual(inline.nextRaw(), gsl.nextRaw(), "the generators ended in different states")
    }

    /// Every n from 1 to 40 (both sides of GSL's switch to BTPE at n·p = 14) with probabilities on both sides of 1/2,
    /// the model's own among them, and draws through GSL in between (a gamma) to show the state stays in step.
    func testBinomialsAreGSLsAcrossTheInversionRange() throws {
        let (inline, gsl) = try pair(3)
        let probabilities = [1e-6, 0.0102, 0.0368, 0.168, 0.3822, 0.5, 0.55, 0.85, 0.9, 0.99, 1 - 1e-9, 1]
        var drawn = 0
        for round in 0..<400 {
            for n in 1...40 {
                for p in probabilities {
                    let a = inline.binomial(n, p), b = gsl.binomial(n, p)
                    XCTAssertEqual(a, b, "binomial(\(n), \(p)) in round \(round)")
                    if a != b { return }
                    drawn += a
                }
            }
            XCTAssertEqual(inline.gamma(shape: 2, scale: 0.6).bitPattern, gsl.gamma(shape: 2, scale: 0.6).bitPattern)
        }
        XCTAssertGreaterThan(drawn, 0)
        XCTAssertEqual(inline.nextRaw(), gsl.nextRaw(), "the generators ended in different states")
    }

    func testLognormalsAreGSLs() throws {
        let (inline, gsl) = try pair(4)
        let parameters: [(zeta: Double, sigma: Double)] = [(0, 0.3), (0, 0.5), (8.5, 1.1), (-2, 0.01), (0, 0)]
        for index in 0..<200_000 {
            let (zeta, sigma) = parameters[index % parameters.count]
            let a = inline.lognormal(zeta: zeta, sigma: sigma), b = gsl.lognormal(zeta: zeta, sigma: sigma)
            XCTAssertEqual(a.bitPattern, b.bitPattern, "lognormal(\(zeta), \(sigma)) at draw \(index)")
            if a.bitPattern != b.bitPattern { return }
        }
        XCTAssertEqual(inline.nextRaw(), gsl.nextRaw(), "the generators ended in different states")
    }

    /// A lazy restart draws exactly what an eager reseed under the same key draws, and skips the reseed if nothing is
    /// drawn.
    func testLazyRestartIsAnEagerReseedAtTheFirstDraw() throws {
        let lazy = try RandomStream(generator: .taus2), eager = try RandomStream(generator: .taus2)
        let partial = PartialStreamKey(wordCount: 6).appending(7).appending(1).appending(2).appending(11)
        for household in UInt64(0)..<1_000 {
            lazy.restart(partial, 3, household)
            XCTAssertTrue(lazy.isRestartPending)
            XCTAssertEqual(lazy.binomial(0, 0.5), 0)
            XCTAssertTrue(lazy.isRestartPending, "a draw of nothing must not start the stream")
            eager.reseed(mixedKey: StreamKey.mix(7, 1, 2, 11, 3, household))
            XCTAssertEqual(lazy.binomial(6, 0.3), eager.binomial(6, 0.3))
            XCTAssertFalse(lazy.isRestartPending)
            XCTAssertEqual(lazy.uniform().bitPattern, eager.uniform().bitPattern)
        }
    }

    func testOtherGeneratorsDrawThroughGSL() throws {
        for generator in [GeneratorKind.taus113, .mt19937] {
            let stream = try RandomStream(generator: generator)
            XCTAssertFalse(stream.inlinesTaus2)
        }
        XCTAssertFalse(try RandomStream(generator: .taus2, inlineDraws: false).inlinesTaus2)
        XCTAssertTrue(try RandomStream(generator: .taus2).inlinesTaus2)
    }
}
