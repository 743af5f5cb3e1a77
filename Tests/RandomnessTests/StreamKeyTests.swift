import XCTest
@testable import Randomness

/// The key mixer (`StreamKey.mixed`, `StreamKey.mix`) and SplitMix64.
final class StreamKeyTests: XCTestCase {
    /// The six-word fast path the yearly loop uses must be the same function as the array mixer, for any words.
    func testSixWordFastPathEqualsArrayMixer() {
        var source = SplitMix64(seed: 0xDEC0DE)
        var tuples: [[UInt64]] = [
            [0, 0, 0, 0, 0, 0],
            [UInt64.max, UInt64.max, UInt64.max, UInt64.max, UInt64.max, UInt64.max],
            [1, 2, 3, 4, 5, 6],
            [7, 0, 1 << 32, 0, 0, 0],
        ]
        for _ in 0..<20_000 { tuples.append((0..<6).map { _ in source.next() }) }
        // Small words too (the common case in the model: replicate, block, year, purpose indices).
        for _ in 0..<5_000 { tuples.append((0..<6).map { _ in source.next() % 16 }) }
        for w in tuples {
            let fast = StreamKey.mix(w[0], w[1], w[2], w[3], w[4], w[5])
            XCTAssertEqual(fast, StreamKey(w[0], w[1], w[2], w[3], w[4], w[5]).mixed, "fast path differs for \(w)")
            XCTAssertEqual(fast, StreamKey(words: w).mixed, "fast path differs from init(words:) for \(w)")
            XCTAssertEqual(fast, StreamKey.mix(w), "fast path differs from mix([UInt64]) for \(w)")
        }
    }

    /// Golden values computed independently (Python, from the algorithm documented on `StreamKey.mixed`:
    /// h = splitmix64(0x5245504F56455254 ^ count); for each w: h = splitmix64(h ^ w) + 0x9E3779B97F4A7C15 mod 2^64;
    /// result splitmix64(h)). They pin the mixer: changing it would silently change every simulation result.
    func testMixerMatchesIndependentlyComputedValues() {
        XCTAssertEqual(StreamKey(words: []).mixed, 7_150_229_337_424_515_390)
        XCTAssertEqual(StreamKey(7).mixed, 8_216_191_055_370_586_609)
        XCTAssertEqual(StreamKey(1, 2, 3).mixed, 8_049_757_860_344_149_479)
        XCTAssertEqual(StreamKey(7, 0, 0, 0, 0, 0).mixed, 3_577_850_745_586_340_891)
        XCTAssertEqual(StreamKey.mix(1, 2, 3, 4, 5, 6), 1_000_799_219_052_604_782)
        XCTAssertEqual(StreamKey.mix(.max, .max, .max, .max, .max, .max), 8_002_195_327_225_443_171)
    }

    func testOrderMatters() {
        XCTAssertNotEqual(StreamKey(1, 2).mixed, StreamKey(2, 1).mixed)
        XCTAssertNotEqual(StreamKey(0, 1).mixed, StreamKey(1, 0).mixed)
        // Every transposition of adjacent words in a six-word key changes the mixed value, on both paths.
        var source = SplitMix64(seed: 99)
        for _ in 0..<1_000 {
            let w = (0..<6).map { _ in source.next() % 1_000 }
            let original = StreamKey.mix(w[0], w[1], w[2], w[3], w[4], w[5])
            for i in 0..<5 where w[i] != w[i + 1] {
                var swapped = w
                swapped.swapAt(i, i + 1)
                XCTAssertNotEqual(original, StreamKey(words: swapped).mixed, "\(w) and \(swapped) mix equally")
                XCTAssertNotEqual(original, StreamKey.mix(swapped[0], swapped[1], swapped[2], swapped[3],
                                                          swapped[4], swapped[5]))
            }
        }
    }

    func testDifferentLengthsDiffer() {
        XCTAssertNotEqual(StreamKey(words: []).mixed, StreamKey(0).mixed)
        XCTAssertNotEqual(StreamKey(1, 2).mixed, StreamKey(1, 2, 0).mixed)
        XCTAssertNotEqual(StreamKey(0).mixed, StreamKey(0, 0).mixed)
        // All-zero keys of lengths 0...12 are pairwise distinct: the word count is folded in.
        let zeros = (0...12).map { StreamKey(words: Array(repeating: 0, count: $0)).mixed }
        XCTAssertEqual(Set(zeros).count, zeros.count)
        // Trailing zeros up to six words never collide with the six-word fast path.
        let six = StreamKey.mix(5, 4, 3, 0, 0, 0)
        XCTAssertNotEqual(six, StreamKey(5, 4, 3).mixed)
        XCTAssertNotEqual(six, StreamKey(5, 4, 3, 0).mixed)
        XCTAssertNotEqual(six, StreamKey(5, 4, 3, 0, 0).mixed)
        XCTAssertNotEqual(six, StreamKey(5, 4, 3, 0, 0, 0, 0).mixed)
    }

    func testKeyValueSemantics() {
        XCTAssertEqual(StreamKey(1, 2, 3), StreamKey(words: [1, 2, 3]))
        XCTAssertEqual(StreamKey(1, 2, 3).words, [1, 2, 3])
        XCTAssertEqual(StreamKey(1, 2, 3).description, "(1, 2, 3)")
    }

    /// Published reference outputs of SplitMix64 (Steele, Lea and Flood; Vigna's splitmix64.c) for seed 1234567,
    /// recomputed in Python before being written here.
    func testSplitMix64ReferenceOutputs() {
        var generator = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317,
            3_203_168_211_198_807_973,
            9_817_491_932_198_370_423,
            4_593_380_528_125_082_431,
            16_408_922_859_458_223_821,
        ]
        XCTAssertEqual((0..<5).map { _ in generator.next() }, expected)
        // next() is mix(state after adding the golden gamma).
        XCTAssertEqual(SplitMix64.mix(1_234_567 &+ 0x9E37_79B9_7F4A_7C15), expected[0])
        XCTAssertEqual(generator.state, 1_234_567 &+ 5 &* 0x9E37_79B9_7F4A_7C15)
        XCTAssertEqual(SplitMix64.mix(0), 0, "the finaliser maps 0 to 0")
    }
}
