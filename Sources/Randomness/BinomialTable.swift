/// The terms GSL's small-mean binomial computes on every call for one fixed probability, computed once (issue 5).
///
/// `gsl_ran_binomial` by inversion starts from f₀ = qⁿ (`gsl_pow_uint`) and walks the distribution function with
/// f ← f · s(n − ix)/(ix + 1), s = p/q: a power and a division per step, the same for every household when p is a
/// scenario constant. The table holds, for each n up to ``maxTrials``, f₀ and every factor, computed by the same
/// operations in the same order as GSL (InlineTaus2.swift), so a draw from the table is GSL's draw bit for bit with
/// neither the power nor the divisions. A phase builds its tables from its parameters at construction and passes the
/// probability with the table at each draw; a table for another probability, a larger n, or a mean of 14 or more
/// (GSL's BTPE) falls back to the plain path, so a stale or unsuitable table can cost speed, never change a number.
public final class BinomialTable: @unchecked Sendable {
    /// The success probability p the table is for.
    public let probability: Double
    /// The largest number of trials tabulated.
    public let maxTrials: Int
    /// Whether GSL draws p by its complement 1 − p and returns n − ix.
    @usableFromInline let flipped: Bool
    /// For each n: f₀, then the n + 1 factors for ix = 0…n; row n starts at n(n + 3)/2. Immutable after init.
    @usableFromInline let terms: UnsafeMutablePointer<Double>
    /// Whether GSL uses inversion for n (n·min(p, 1 − p) < 14), by n.
    @usableFromInline let byInversion: UnsafeMutablePointer<Bool>

    /// - Parameter maxTrials: at most 100, below GSL's inversion cutoff of 110 steps.
    public init(probability: Double, maxTrials: Int = 40) {
        precondition((0...100).contains(maxTrials), "a binomial table covers at most 100 trials")
        self.probability = probability
        self.maxTrials = maxTrials
        var p = probability
        flipped = p > 0.5
        if flipped { p = 1.0 - p }
        let q = 1 - p
        let s = p / q
        terms = .allocate(capacity: maxTrials * (maxTrials + 3) / 2 + maxTrials + 2)
        byInversion = .allocate(capacity: maxTrials + 1)
        for n in 0...maxTrials {
            let row = terms + n * (n + 3) / 2
            row[0] = RandomStream.gslPowUInt(q, UInt32(n))
            for ix in 0...n { row[1 + ix] = s * Double(UInt32(n) &- UInt32(ix)) / Double(ix + 1) }
            byInversion[n] = Double(UInt32(n)) * p < 14
        }
    }

    deinit {
        terms.deallocate()
        byInversion.deallocate()
    }
}

extension RandomStream {
    /// Binomial(n, p) (`gsl_ran_binomial`) with GSL's per-call terms read from `table` when it is for p: the same
    /// number as ``binomial(_:_:)`` always. Draws nothing when n is 0 or p is 0.
    @inlinable @inline(__always)
    public func binomial(_ n: Int, _ p: Double, _ table: BinomialTable) -> Int {
        if n <= 0 || p <= 0 { return 0 }  // inline at the call: most of the model's binomials have n = 0
        return binomialDrawn(n, p, table)
    }

    @inlinable
    func binomialDrawn(_ n: Int, _ p: Double, _ table: BinomialTable) -> Int {
        guard inlinesTaus2, n <= table.maxTrials, table.probability == p, table.byInversion[n] else {
            return binomial(n, p)
        }
        startIfPending()
        let row = table.terms + n * (n + 3) / 2
        while true {
            var f = row[0]
            var u = taus2Uniform()
            // GSL's steps ix = 0…110; after ix = n the term is 0 and no step can succeed, so GSL draws a new uniform.
            for ix in 0...n {
                if u < f { return table.flipped ? n - ix : ix }
                u -= f
                f *= row[1 + ix]
            }
        }
    }
}
