import XCTest
@testable import Randomness

/// Reseeding: distinct keys give distinct streams, the state is written where GSL reads it, and reseeding is complete.
final class StreamSeedingTests: XCTestCase {
    // MARK: Distinct keys, distinct streams

    /// The first two raw outputs of a taus2 stream for each of `count` mixed keys, as one 64-bit value each, sorted.
    private func sortedFirstPairs(count: Int, mixedKey: (Int) -> UInt64) throws -> [UInt64] {
        let stream = try RandomStream(generator: .taus2)
        var pairs = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            stream.reseed(mixedKey: mixedKey(index))
            let first = UInt64(stream.nextRaw()), second = UInt64(stream.nextRaw())
            pairs[index] = first << 32 | second
        }
        pairs.sort()
        return pairs
    }

    private func assertNoCollisions(_ sortedPairs: [UInt64], _ what: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        var collisions = 0
        for index in 1..<sortedPairs.count where sortedPairs[index] == sortedPairs[index - 1] { collisions += 1 }
        XCTAssertEqual(collisions, 0, "\(what): \(collisions) of \(sortedPairs.count) streams repeat another's first two outputs",
                       file: file, line: line)
    }

    // Why zero collisions is the right expectation: if the first two outputs behave as a random 64-bit value per key,
    // the chance of any collision among n = 10^6 keys is about n² / 2^65 ≈ 2.7e-8. Had the key been passed through
    // gsl_rng_set (low 32 bits only), keys differing in the high 32 bits would all collide, and even a 32-bit seed
    // space would give about n² / 2^33 ≈ 116 collisions.

    /// Keys that differ only in the high 32 bits of one word: (seed 7, replicate 1, block << 32, year 2, 0, 0).
    func testMillionKeysDifferingInHighBitsGiveDistinctStreams() throws {
        let pairs = try sortedFirstPairs(count: 1_000_000) { block in StreamKey.mix(7, 1, UInt64(block) << 32, 2, 0, 0) }
        assertNoCollisions(pairs, "keys differing in the high 32 bits of the block word")
    }

    /// Keys that differ only in the low bits: block indices 0..<1_000_000 with seed 7.
    func testMillionKeysDifferingInLowBitsGiveDistinctStreams() throws {
        let pairs = try sortedFirstPairs(count: 1_000_000) { block in StreamKey.mix(7, 1, UInt64(block), 2, 0, 0) }
        assertNoCollisions(pairs, "keys differing in the low bits of the block word")
    }

    /// `reseed(mixedKey:)` itself must use the high 32 bits of the mixed key (not only the mixer): mixed keys
    /// i << 32 for a million i, which agree in their low 32 bits.
    func testReseedUsesHighBitsOfMixedKey() throws {
        let pairs = try sortedFirstPairs(count: 1_000_000) { index in UInt64(index) << 32 }
        assertNoCollisions(pairs, "mixed keys differing only in their high 32 bits")
    }

    /// The measured fact that motivated the design: GSL's own seeding keeps only the low 32 bits of the seed, so
    /// seeds s and s + 2^32 give the same stream. Asserted, so that the test documents it.
    func testGSLSeedingKeepsOnlyLow32Bits() {
        for seed: UInt in [1, 7, 12_345, 4_000_000_000, 0xDEAD_BEEF] {
            let low = GSLFunctions.firstOutputsSeededByGSL(.taus2, seed: seed, count: 4)
            let high = GSLFunctions.firstOutputsSeededByGSL(.taus2, seed: seed + (1 << 32), count: 4)
            XCTAssertEqual(low.count, 4)
            XCTAssertEqual(low, high, "taus2: gsl_rng_set(\(seed)) and gsl_rng_set(\(seed) + 2^32) differ")
            // The other generators offered behave the same way ("on every generator tried", StreamKey.swift).
            for generator in [GeneratorKind.taus113, .mt19937] {
                XCTAssertEqual(GSLFunctions.firstOutputsSeededByGSL(generator, seed: seed, count: 4),
                               GSLFunctions.firstOutputsSeededByGSL(generator, seed: seed + (5 << 32), count: 4),
                               "\(generator): gsl_rng_set keeps more than the low 32 bits of \(seed)")
            }
        }
        // ... while the low bits do matter (the function really seeds).
        XCTAssertNotEqual(GSLFunctions.firstOutputsSeededByGSL(.taus2, seed: 12_345, count: 4),
                          GSLFunctions.firstOutputsSeededByGSL(.taus2, seed: 12_346, count: 4))
    }

    // MARK: State layout

    /// The reference generators reproduce GSL's own generators when seeded the way gsl_rng_set seeds them, so they
    /// are trustworthy references for the layout tests below. MT19937's published first output for 5489 is
    /// 3499211612.
    func testReferenceGeneratorsMatchGSL() {
        XCTAssertEqual(GSLFunctions.firstOutputsSeededByGSL(.mt19937, seed: 5489, count: 1), [3_499_211_612])
        for seed: UInt in [1, 2, 5489, 12_345, 4_294_967_295] {
            var taus2 = Taus2Reference(gslSeed: UInt64(seed))
            assertSameSequence(GSLFunctions.firstOutputsSeededByGSL(.taus2, seed: seed, count: 100),
                               (0..<100).map { _ in UInt(taus2.next()) }, "taus2 reference, seed \(seed)")
            var taus113 = Taus113Reference(gslSeed: UInt64(seed))
            assertSameSequence(GSLFunctions.firstOutputsSeededByGSL(.taus113, seed: seed, count: 100),
                               (0..<100).map { _ in UInt(taus113.next()) }, "taus113 reference, seed \(seed)")
            var mt = MT19937Reference(gslSeed: UInt64(seed))
            assertSameSequence(GSLFunctions.firstOutputsSeededByGSL(.mt19937, seed: seed, count: 1_300),
                               (0..<1_300).map { _ in UInt(mt.next()) }, "mt19937 reference, seed \(seed)")
        }
    }

    /// After `reseed(mixedKey:)`, taus2 continues exactly as the Tausworthe recurrence started from the words reseed
    /// is documented to write (SplitMix64 outputs >> 32, bumped by 2, 8, 16 when below).
    func testTaus2StateLayout() throws {
        let stream = try RandomStream(generator: .taus2)
        var keys: [UInt64] = [0, 1, 7, .max, StreamKey(7, 0, 3).mixed]
        var source = SplitMix64(seed: 31)
        for _ in 0..<200 { keys.append(source.next()) }
        for key in keys {
            stream.reseed(mixedKey: key)
            var reference = Taus2Reference(mixedKey: key)
            for step in 0..<500 {
                let expected = UInt(reference.next()), actual = stream.nextRaw()
                guard actual == expected else {
                    XCTFail("taus2 key \(key): output \(step) is \(actual), the recurrence gives \(expected)")
                    break
                }
            }
        }
    }

    func testTaus113StateLayout() throws {
        let stream = try RandomStream(generator: .taus113)
        var source = SplitMix64(seed: 37)
        for key in [0, 1, UInt64.max] + (0..<100).map({ _ in source.next() }) {
            stream.reseed(mixedKey: key)
            var reference = Taus113Reference(mixedKey: key)
            assertSameSequence((0..<500).map { _ in stream.nextRaw() }, (0..<500).map { _ in UInt(reference.next()) },
                               "taus113 key \(key)")
        }
    }

    func testMT19937StateLayout() throws {
        let stream = try RandomStream(generator: .mt19937)
        for key in [0, 42, UInt64.max, StreamKey(7, 1, 2).mixed] {
            stream.reseed(mixedKey: key)
            var reference = MT19937Reference(mixedKey: key)
            // 1,300 outputs cross two regenerations of the 624-word block.
            assertSameSequence((0..<1_300).map { _ in stream.nextRaw() },
                               (0..<1_300).map { _ in UInt(reference.next()) }, "mt19937 key \(key)")
        }
    }

    // MARK: Same key, same sequence; different keys, different sequences

    func testSameKeySameSequenceDifferentKeyDifferentSequence() throws {
        for generator in GeneratorKind.allCases {
            let first = try RandomStream(generator: generator, key: StreamKey(7, 0, 11))
            let second = try RandomStream(generator: generator, key: StreamKey(7, 0, 11))
            let other = try RandomStream(generator: generator, key: StreamKey(7, 0, 12))
            let a = (0..<2_000).map { _ in first.nextRaw() }
            let b = (0..<2_000).map { _ in second.nextRaw() }
            let c = (0..<2_000).map { _ in other.nextRaw() }
            assertSameSequence(b, a, "\(generator): the same key")
            XCTAssertNotEqual(a, c, "\(generator): different keys gave the same sequence")
            // Not merely different somewhere: independent streams agree on a 32-bit output by chance (2^-32 each).
            XCTAssertLessThanOrEqual(zip(a, c).filter { $0 == $1 }.count, 1, "\(generator): streams overlap")
            XCTAssertTrue(a.allSatisfy { $0 <= 0xFFFF_FFFF }, "\(generator): raw outputs must be 32-bit")

            // Reseeding the same stream twice with the same key repeats it.
            first.reseed(StreamKey(7, 0, 11))
            assertSameSequence((0..<2_000).map { _ in first.nextRaw() }, a, "\(generator): reseeding with the same key")
            // reseed(key) is reseed(mixedKey: key.mixed).
            first.reseed(mixedKey: StreamKey(7, 0, 11).mixed)
            assertSameSequence((0..<2_000).map { _ in first.nextRaw() }, a, "\(generator): reseed(mixedKey: key.mixed)")
            XCTAssertEqual(first.generator, generator)
        }
    }

    /// The default generator is taus2.
    func testDefaultGeneratorIsTaus2() throws {
        XCTAssertEqual(try RandomStream().generator, .taus2)
        let byDefault = try RandomStream(key: StreamKey(3))
        let explicit = try RandomStream(generator: .taus2, key: StreamKey(3))
        XCTAssertEqual((0..<100).map { _ in byDefault.nextRaw() }, (0..<100).map { _ in explicit.nextRaw() })
    }

    // MARK: Reseeding is complete

    /// A stream used for many draws (raw and through distributions, leaving MT19937's index mid-block) and then
    /// reseeded with K continues exactly as a fresh stream seeded with K: no state survives a reseed.
    func testReseedAfterUseEqualsFreshStream() throws {
        let key = StreamKey(7, 3, 5, 1)
        let table = try DiscreteDistribution(weights: [0.3, 0.45, 0.15, 0.1])
        for generator in GeneratorKind.allCases {
            for warmUp in [1, 623, 624, 625, 10_007] {
                let used = try RandomStream(generator: generator, key: StreamKey(99, UInt64(warmUp)))
                for _ in 0..<warmUp { _ = used.nextRaw() }
                for _ in 0..<100 {
                    _ = used.gaussian(sigma: 1)
                    _ = used.binomial(20, 0.3)
                    _ = used.poisson(mean: 4)
                    _ = used.gamma(shape: 0.5, scale: 1)
                    _ = used.discrete(table)
                }
                used.reseed(key)
                let fresh = try RandomStream(generator: generator, key: key)
                assertSameSequence((0..<1_500).map { _ in used.nextRaw() }, (0..<1_500).map { _ in fresh.nextRaw() },
                                   "\(generator) reseeded after \(warmUp) draws vs a fresh stream")
                // And through the distributions too.
                used.reseed(key)
                fresh.reseed(key)
                let mixture: (RandomStream) -> [Double] = { stream in
                    (0..<200).flatMap { _ in
                        [stream.gaussian(sigma: 1), Double(stream.binomial(50, 0.5)), stream.uniform(),
                         Double(stream.discrete(table))]
                    }
                }
                assertSameSequence(mixture(used), mixture(fresh), "\(generator) reseeded after \(warmUp) draws, distributions")
            }
        }
    }

    /// Counting mode draws exactly what an ordinary stream draws, counts one GSL call per draw that reaches GSL (a
    /// binomial of n = 0 does not) and one restart per lazy restart followed by a draw; an ordinary stream counts
    /// nothing.
    func testCountingStreamDrawsTheSameAndCounts() throws {
        let partial = PartialStreamKey(wordCount: 6).appending(7).appending(2).appending(3).appending(11)
        let counting = try RandomStream(counting: true)
        let ordinary = try RandomStream()
        for stream in [counting, ordinary] {
            stream.restart(partial, 1)  // drawn from: applied
            _ = stream.uniform()
            _ = stream.binomial(0, 0.5)  // answered without GSL
            _ = stream.lognormal(zeta: 0, sigma: 1)
            stream.restart(partial, 2)  // replaced before any draw: never applied
            stream.restart(partial, 3)
            _ = stream.gamma(shape: 2, scale: 1)
            _ = stream.binomial(10, 0.5)
        }
        XCTAssertEqual(counting.counts, DrawCounts(gslCalls: 4, restarts: 2))
        XCTAssertEqual(ordinary.counts, DrawCounts())
        counting.restart(partial, 9)
        ordinary.restart(partial, 9)
        assertSameSequence(
            (0..<50).map { _ in counting.nextRaw() }, (0..<50).map { _ in ordinary.nextRaw() }, "counting mode")
        XCTAssertEqual(counting.counts, DrawCounts(gslCalls: 54, restarts: 3))
    }

    /// A lazy restart, with one word or two still to mix, gives exactly the stream of an eager reseed under the whole
    /// key, for every generator; a restart followed by no draw leaves nothing behind, and a later restart wins.
    func testLazyRestartEqualsEagerReseed() throws {
        let partial = PartialStreamKey(wordCount: 6).appending(7).appending(2).appending(3).appending(11)
        for generator in GeneratorKind.allCases {
            let lazy = try RandomStream(generator: generator)
            let eager = try RandomStream(generator: generator)
            for household in [UInt64(0), 1, 4_095] {
                // Two words left: (year, household).
                lazy.restart(partial, 4, household)
                XCTAssertTrue(lazy.isRestartPending)
                eager.reseed(mixedKey: partial.appending(4).appending(household).finished())
                assertSameSequence((0..<50).map { _ in lazy.nextRaw() }, (0..<50).map { _ in eager.nextRaw() },
                                   "\(generator), two words left, household \(household)")
                XCTAssertFalse(lazy.isRestartPending)
                // One word left: the caller tabulated (…, year).
                let withYear = partial.appending(4)
                lazy.restart(withYear, household)
                eager.reseed(mixedKey: withYear.appending(household).finished())
                XCTAssertEqual(lazy.binomial(20, 0.3), eager.binomial(20, 0.3), "\(generator), one word left")
                assertSameSequence((0..<50).map { _ in lazy.nextRaw() }, (0..<50).map { _ in eager.nextRaw() },
                                   "\(generator), one word left, household \(household)")
                // An unused restart is replaced by the next one.
                lazy.restart(partial, 9, 9)
                lazy.restart(withYear, household &+ 1)
                eager.reseed(mixedKey: withYear.appending(household &+ 1).finished())
                XCTAssertEqual(lazy.nextRaw(), eager.nextRaw(), "\(generator), the later restart wins")
            }
        }
        // The one-word and two-word forms name different streams unless the keys are the same.
        let one = try RandomStream(), two = try RandomStream()
        one.restart(partial.appending(4), 5)
        two.restart(partial, 4, 6)
        XCTAssertNotEqual((0..<4).map { _ in one.nextRaw() }, (0..<4).map { _ in two.nextRaw() })
    }
}
