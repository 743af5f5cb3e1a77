@testable import Randomness

// Independent Swift re-implementations of the three GSL generators offered, written from the published recurrences
// (L'Ecuyer 1996 and 1999 for the Tausworthe generators; Matsumoto and Nishimura 1998 for MT19937) rather than from
// RandomStream. They let the tests check that `RandomStream.reseed(mixedKey:)` writes exactly the words it means to,
// where GSL reads them. Each is itself validated against GSL's own seeding (`gsl_rng_set`) in StreamSeedingTests.

private let mask32: UInt64 = 0xFFFF_FFFF

/// The Tausworthe step s ← (((s & c) << d) & MASK) ^ ((((s << a) & MASK) ^ s) >> b), in 64-bit arithmetic masked to
/// 32 bits, as in GSL's rng/taus.c and rng/taus113.c.
@inline(__always)
private func tausworthe(_ s: UInt64, a: UInt64, b: UInt64, c: UInt64, d: UInt64) -> UInt64 {
    (((s & c) << d) & mask32) ^ ((((s << a) & mask32) ^ s) >> b)
}

/// GSL's LCG for seeding the Tausworthe generators: (69069 · n) mod 2^32.
private func lcg(_ n: UInt64) -> UInt64 { (69_069 &* n) & mask32 }

/// The words `reseed(mixedKey:)` is documented to write: successive SplitMix64 outputs from the key, high 32 bits,
/// bumped by the minimum when below it.
func reseedWords(mixedKey: UInt64, minima: [UInt64]) -> [UInt64] {
    var source = SplitMix64(seed: mixedKey)
    return minima.map { minimum in
        let value = source.next() >> 32
        return value < minimum ? value + minimum : value
    }
}

struct Taus2Reference {
    var s1: UInt64, s2: UInt64, s3: UInt64

    mutating func next() -> UInt64 {
        s1 = tausworthe(s1, a: 13, b: 19, c: 4_294_967_294, d: 12)
        s2 = tausworthe(s2, a: 2, b: 25, c: 4_294_967_288, d: 4)
        s3 = tausworthe(s3, a: 3, b: 11, c: 4_294_967_280, d: 17)
        return s1 ^ s2 ^ s3
    }

    /// The state `RandomStream.reseed(mixedKey:)` should write.
    init(mixedKey: UInt64) {
        let w = reseedWords(mixedKey: mixedKey, minima: [2, 8, 16])
        (s1, s2, s3) = (w[0], w[1], w[2])
    }

    /// GSL's `taus2_set`: LCG chain from the seed (0 → 1), minima 2, 8, 16, then six warm-up steps.
    init(gslSeed: UInt64) {
        let seed = gslSeed == 0 ? 1 : gslSeed
        s1 = lcg(seed); if s1 < 2 { s1 += 2 }
        s2 = lcg(s1); if s2 < 8 { s2 += 8 }
        s3 = lcg(s2); if s3 < 16 { s3 += 16 }
        for _ in 0..<6 { _ = next() }
    }
}

struct Taus113Reference {
    var z1: UInt64, z2: UInt64, z3: UInt64, z4: UInt64

    mutating func next() -> UInt64 {
        z1 = tausworthe(z1, a: 6, b: 13, c: 4_294_967_294, d: 18)
        z2 = tausworthe(z2, a: 2, b: 27, c: 4_294_967_288, d: 2)
        z3 = tausworthe(z3, a: 13, b: 21, c: 4_294_967_280, d: 7)
        z4 = tausworthe(z4, a: 3, b: 12, c: 4_294_967_168, d: 13)
        return z1 ^ z2 ^ z3 ^ z4
    }

    init(mixedKey: UInt64) {
        let w = reseedWords(mixedKey: mixedKey, minima: [2, 8, 16, 128])
        (z1, z2, z3, z4) = (w[0], w[1], w[2], w[3])
    }

    /// GSL's `taus113_set`: LCG chain (0 → 1), minima 2, 8, 16, 128, then ten warm-up steps.
    init(gslSeed: UInt64) {
        let seed = gslSeed == 0 ? 1 : gslSeed
        z1 = lcg(seed); if z1 < 2 { z1 += 2 }
        z2 = lcg(z1); if z2 < 8 { z2 += 8 }
        z3 = lcg(z2); if z3 < 16 { z3 += 16 }
        z4 = lcg(z3); if z4 < 128 { z4 += 128 }
        for _ in 0..<10 { _ = next() }
    }
}

struct MT19937Reference {
    private static let n = 624, m = 397
    var mt: [UInt64]
    var index: Int

    /// The state `RandomStream.reseed(mixedKey:)` should write: 624 words, the top bit of the first set, and the
    /// index at 624 so the first draw regenerates the block.
    init(mixedKey: UInt64) {
        mt = reseedWords(mixedKey: mixedKey, minima: Array(repeating: 0, count: Self.n))
        mt[0] |= 0x8000_0000
        index = Self.n
    }

    /// Matsumoto and Nishimura's `init_genrand` (GSL's `mt_set`, with seed 0 replaced by 4357).
    init(gslSeed: UInt64) {
        mt = Array(repeating: 0, count: Self.n)
        mt[0] = (gslSeed == 0 ? 4357 : gslSeed) & mask32
        for i in 1..<Self.n {
            mt[i] = (1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt64(i)) & mask32
        }
        index = Self.n
    }

    mutating func next() -> UInt64 {
        if index >= Self.n {
            for k in 0..<Self.n {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % Self.n] & 0x7FFF_FFFF)
                mt[k] = mt[(k + Self.m) % Self.n] ^ (y >> 1) ^ ((y & 1) == 1 ? 0x9908_B0DF : 0)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }
}
