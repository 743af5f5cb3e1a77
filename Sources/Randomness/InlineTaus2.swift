import CGSL

#if canImport(Glibc)
import Glibc
#endif

/// GSL's own taus2 generator, uniform, Bernoulli, small-mean binomial and lognormal, transcribed so the yearly loop draws without
/// a call into the library (issue 5; docs/PERFORMANCE.md, "Where the time goes").
///
/// Why: a binomial through GSL costs a call, a call through `gsl_rng_type`'s function pointer for each uniform, and a
/// call to `gsl_pow_uint`; the model makes about ten a household-year, and they were a third of its instructions.
/// These transcriptions perform the same IEEE-754 operations in the same order on the same generator state (GSL's own
/// `taus_state_t`, read and written in place), so they return bit for bit what GSL returns and leave the generator
/// where GSL would: the next draw, inline or through GSL, is the same either way. `InlineTaus2Tests` checks that
/// against GSL itself on millions of draws of every kind, and the golden files check it end to end.
///
/// Only taus2 (the default generator) has an inline path; taus113 and mt19937 always call GSL. Binomials with a mean
/// of 14 or more, which GSL draws by the BTPE rejection method, also call GSL.
extension RandomStream {
    /// GSL's `taus_get` (rng/taus.c): one step of each of the three Tausworthe components; a 32-bit output.
    @inlinable @inline(__always)
    func taus2Next() -> UInt {
        let s = taus2Words
        let s1 = UInt32(truncatingIfNeeded: s[0]), s2 = UInt32(truncatingIfNeeded: s[1])
        let s3 = UInt32(truncatingIfNeeded: s[2])
        // TAUSWORTHE(s, a, b, c, d) = (((s & c) << d) & MASK) ^ ((((s << a) & MASK) ^ s) >> b), MASK = 2^32 − 1.
        let n1 = ((s1 & 4_294_967_294) &<< 12) ^ (((s1 &<< 13) ^ s1) >> 19)
        let n2 = ((s2 & 4_294_967_288) &<< 4) ^ (((s2 &<< 2) ^ s2) >> 25)
        let n3 = ((s3 & 4_294_967_280) &<< 17) ^ (((s3 &<< 3) ^ s3) >> 11)
        s[0] = UInt(n1)
        s[1] = UInt(n2)
        s[2] = UInt(n3)
        return UInt(n1 ^ n2 ^ n3)
    }

    /// GSL's `taus_get_double`: the output over 2^32, uniform on [0, 1).
    @inlinable @inline(__always)
    func taus2Uniform() -> Double { Double(taus2Next()) / 4_294_967_296.0 }

    /// GSL's `gsl_pow_uint` (sys/pow_int.c): x^n by repeated squaring, in GSL's order of multiplications.
    @inlinable @inline(__always)
    static func gslPowUInt(_ base: Double, _ exponent: UInt32) -> Double {
        var x = base, n = exponent, value = 1.0
        repeat {
            if n & 1 != 0 { value *= x }
            n >>= 1
            x *= x
        } while n != 0
        return value
    }

    /// GSL's `gsl_ran_lognormal` (randist/lognormal.c): a normal by the polar method, u·√(−2 ln r² / r²), then
    /// exp(σ·normal + ζ), with the C library's own `log` and `exp`, the ones GSL calls.
    @inlinable @inline(__always)
    func taus2Lognormal(zeta: Double, sigma: Double) -> Double {
        var u = 0.0, v = 0.0, r2 = 0.0
        repeat {
            u = -1 + 2 * taus2Uniform()
            v = -1 + 2 * taus2Uniform()
            r2 = u * u + v * v
        } while r2 > 1.0 || r2 == 0
        let normal = u * (-2.0 * log(r2) / r2).squareRoot()
        return exp(sigma * normal + zeta)
    }

    /// GSL's `gsl_ran_binomial` (randist/binomial_tpe.c) for n·min(p, 1 − p) < 14: inversion of the distribution
    /// function from 0 up, one uniform per try; nil when GSL would use BTPE instead.
    @inlinable @inline(__always)
    func taus2BinomialByInversion(_ n: UInt32, _ probability: Double) -> Int? {
        var p = probability
        var flipped = false
        if p > 0.5 {
            p = 1.0 - p
            flipped = true
        }
        let q = 1 - p
        let s = p / q
        let np = Double(n) * p
        guard np < 14 else { return nil }  // SMALL_MEAN
        let f0 = Self.gslPowUInt(q, n)
        while true {
            var f = f0
            var u = taus2Uniform()
            var ix: UInt32 = 0
            while ix <= 110 {  // BINV_CUTOFF
                if u < f { return Int(flipped ? n - ix : ix) }
                u -= f
                f *= s * Double(n &- ix) / Double(ix + 1)
                ix += 1
            }
        }
    }
}
