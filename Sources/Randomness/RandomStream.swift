import CGSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The GSL generators a scenario may choose (`run.generator`).
///
/// Only generators whose state can be filled directly from a 64-bit key are offered: the simulator reseeds a stream for
/// every household, year and purpose (docs/MODEL.md, "Streams"), so the state must be small and its layout known.
public enum GeneratorKind: String, CaseIterable, Codable, Sendable {
    /// L'Ecuyer's maximally equidistributed combined Tausworthe generator (`gsl_rng_taus2`): three 32-bit words of
    /// state, period 2^88, among the fastest in GSL. The default.
    case taus2
    /// L'Ecuyer's four-component Tausworthe generator (`gsl_rng_taus113`): period 2^113.
    case taus113
    /// Matsumoto and Nishimura's Mersenne Twister (`gsl_rng_mt19937`): 624 words of state, so reseeding costs about
    /// a microsecond; offered for comparison, not speed.
    case mt19937

    fileprivate var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .taus2: cgsl_rng_taus2()
        case .taus113: cgsl_rng_taus113()
        case .mt19937: cgsl_rng_mt19937()
        }
    }

    /// Whether GSL's state for this generator has the layout ``RandomStream/reseed(mixedKey:)`` fills (GSL 2.x):
    /// `unsigned long s1, s2, s3` (taus2), `z1..z4` (taus113), `unsigned long mt[624]; int mti` (mt19937).
    fileprivate func stateSizeMatches(_ bytes: Int) -> Bool {
        switch self {
        case .taus2: bytes == 3 * MemoryLayout<UInt>.size
        case .taus113: bytes == 4 * MemoryLayout<UInt>.size
        case .mt19937: bytes >= MersenneLayout.indexOffset + MemoryLayout<Int32>.size
        }
    }
}

private enum MersenneLayout {
    static let wordCount = 624
    static let indexOffset = 624 * MemoryLayout<UInt>.stride
}

/// Errors reported by GSL or by the binding, as values rather than aborts.
public enum RandomnessError: Error, Equatable, CustomStringConvertible {
    /// GSL could not allocate a generator or a table.
    case allocationFailed(String)
    /// GSL's state for a generator is not laid out as this binding expects (a different GSL version).
    case unexpectedStateLayout(generator: String, bytes: Int)
    /// A distribution was given parameters GSL rejects.
    case invalidParameters(String)

    public var description: String {
        switch self {
        case .allocationFailed(let what): "GSL could not allocate \(what)"
        case .unexpectedStateLayout(let generator, let bytes):
            "GSL's state for \(generator) has \(bytes) bytes, not the layout this program fills; rebuild against GSL 2.x"
        case .invalidParameters(let what): "invalid distribution parameters: \(what)"
        }
    }
}

/// GSL's error handler, switched off in one place for the whole program.
///
/// GSL's default handler aborts the process; the simulator checks inputs itself and reads status codes instead,
/// turning them into typed errors (``RandomnessError``). Every stream switches it off on creation; a module that calls
/// GSL without a stream (the calibration's simplex) calls ``switchOff()`` first.
public enum GSLErrorHandler {
    /// Switch GSL's aborting handler off; only the first call does anything.
    public static func switchOff() { _ = switchedOff }

    private static let switchedOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()
}

/// One GSL generator and the distributions the model draws from it.
///
/// A stream is owned by one task at a time and reseeded from a ``StreamKey`` wherever the model starts a new unit of
/// draws (a household's year for one purpose, a village's flood for one year). Reseeding fills the generator's whole
/// state from the 64-bit mixed key with SplitMix64, so distinct keys give distinct streams; `gsl_rng_set` is never used.
/// Not thread-safe: each task makes its own.
///
/// A stream can also be restarted lazily (``restart(_:_:_:)``): the key is kept and the generator is reseeded only at
/// the first draw, so a phase of the year that draws nothing costs neither the key's mixing nor the reseed, and the
/// draws that do happen are exactly those of an eager reseed (issue 5, docs/PERFORMANCE.md). The draws are inlinable,
/// so a call in the model goes straight to GSL.
public final class RandomStream {
    public let generator: GeneratorKind
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    private let state: UnsafeMutableRawPointer
    /// The key of a lazy restart not yet applied, and the counts of counting mode. Behind a pointer, not a stored
    /// `var`, so reading it on every draw costs a load and no exclusivity check.
    @usableFromInline let pending: UnsafeMutablePointer<PendingKey>
    /// What a restart sets in ``PendingKey/slowPath``: the pending bit, and the counting bit in counting mode.
    @usableFromInline let restartFlags: UInt8
    /// taus2's three words of state (the default generator's restart is filled in place); nil for the others.
    private let taus2Words: UnsafeMutablePointer<UInt>?

    /// - Parameter counting: count every GSL call and every restart applied (``counts``), for `bench`'s figures.
    ///   A counting stream draws exactly what an ordinary one does; the ordinary one pays nothing for the option,
    ///   because every draw already tests one byte for a pending restart and counting mode only sets another bit of it.
    public init(generator: GeneratorKind = .taus2, counting: Bool = false) throws {
        GSLErrorHandler.switchOff()
        guard let rng = gsl_rng_alloc(generator.gslType) else {
            throw RandomnessError.allocationFailed("a \(generator.rawValue) generator")
        }
        let bytes = gsl_rng_size(rng)
        guard generator.stateSizeMatches(bytes), let state = gsl_rng_state(rng) else {
            gsl_rng_free(rng)
            throw RandomnessError.unexpectedStateLayout(generator: generator.rawValue, bytes: bytes)
        }
        self.generator = generator
        self.rng = rng
        self.state = state
        taus2Words = generator == .taus2 ? state.assumingMemoryBound(to: UInt.self) : nil
        pending = UnsafeMutablePointer<PendingKey>.allocate(capacity: 1)
        restartFlags = counting ? PendingKey.pendingBit | PendingKey.countingBit : PendingKey.pendingBit
        pending.initialize(to: PendingKey(slowPath: counting ? PendingKey.countingBit : 0))
    }

    /// A stream already seeded from `key`.
    public convenience init(generator: GeneratorKind = .taus2, key: StreamKey) throws {
        try self.init(generator: generator)
        reseed(key)
    }

    deinit {
        gsl_rng_free(rng)
        pending.deallocate()
    }

    /// Start the stream identified by `key`.
    public func reseed(_ key: StreamKey) { reseed(mixedKey: key.mixed) }

    /// Start the stream whose key mixes to `mixedKey` (see ``StreamKey/mix(_:_:_:_:_:_:)``).
    ///
    /// Every word of state comes from SplitMix64 seeded with the 64-bit key. The Tausworthe components are kept
    /// above the minima GSL's own seeding enforces (2, 8, 16, 128), below which a component degenerates.
    public func reseed(mixedKey: UInt64) {
        pending.pointee.slowPath &= ~PendingKey.pendingBit
        var words = SplitMix64(seed: mixedKey)
        switch generator {
        case .taus2:
            let s = state.assumingMemoryBound(to: UInt.self)
            s[0] = Self.word32(&words, atLeast: 2)
            s[1] = Self.word32(&words, atLeast: 8)
            s[2] = Self.word32(&words, atLeast: 16)
        case .taus113:
            let z = state.assumingMemoryBound(to: UInt.self)
            z[0] = Self.word32(&words, atLeast: 2)
            z[1] = Self.word32(&words, atLeast: 8)
            z[2] = Self.word32(&words, atLeast: 16)
            z[3] = Self.word32(&words, atLeast: 128)
        case .mt19937:
            let mt = state.assumingMemoryBound(to: UInt.self)
            for index in 0..<MersenneLayout.wordCount { mt[index] = Self.word32(&words, atLeast: 0) }
            mt[0] |= 0x8000_0000  // never the all-zero state
            state.storeBytes(of: Int32(MersenneLayout.wordCount), toByteOffset: MersenneLayout.indexOffset, as: Int32.self)
        }
    }

    /// Start, at the first draw, the stream whose key is `partial` followed by the words `a` and `b`: the same stream as
    /// `reseed(mixedKey: partial.appending(a).appending(b).finished())`, with the mixing and the reseed skipped
    /// altogether if nothing is drawn before the next restart.
    @inlinable @inline(__always)
    public func restart(_ partial: PartialStreamKey, _ a: UInt64, _ b: UInt64) {
        pending.pointee.slowPath = restartFlags
        pending.pointee.partial = partial
        pending.pointee.a = a
        pending.pointee.b = b
        pending.pointee.wordsLeft = 2
    }

    /// Start, at the first draw, the stream whose key is `partial` followed by the word `a`: the same stream as
    /// `reseed(mixedKey: partial.appending(a).finished())`. For callers that have tabulated every word of a key but
    /// the last (``HouseholdStreamKey`` keeps (seed, replicate, block, purpose, year) per task), so a restart that
    /// draws costs two mixes instead of four.
    @inlinable @inline(__always)
    public func restart(_ partial: PartialStreamKey, _ a: UInt64) {
        pending.pointee.slowPath = restartFlags
        pending.pointee.partial = partial
        pending.pointee.a = a
        pending.pointee.wordsLeft = 1
    }

    /// Whether a lazy restart is waiting for its first draw (for tests).
    public var isRestartPending: Bool { pending.pointee.slowPath & PendingKey.pendingBit != 0 }

    /// GSL calls made and restarts applied since the stream was made, in counting mode (zeros otherwise).
    public var counts: DrawCounts { DrawCounts(gslCalls: pending.pointee.gslCalls, restarts: pending.pointee.restarts) }

    /// Before every GSL call: one byte tested, nonzero only if a restart is pending or the stream counts.
    @inlinable @inline(__always)
    func startIfPending() {
        if pending.pointee.slowPath != 0 { slowPath() }
    }

    /// Count (in counting mode) and apply a pending restart: one call that finishes the key and, for taus2, fills
    /// the three words in place, the same state as ``reseed(mixedKey:)`` (issue 14: a restart was three calls deep).
    @usableFromInline @inline(never)
    func slowPath() {
        let key = pending
        let flags = key.pointee.slowPath
        if flags & PendingKey.countingBit != 0 {
            key.pointee.gslCalls &+= 1
            if flags & PendingKey.pendingBit != 0 { key.pointee.restarts &+= 1 }
        }
        guard flags & PendingKey.pendingBit != 0 else { return }
        var hash = key.pointee.partial.appending(key.pointee.a)
        if key.pointee.wordsLeft != 1 { hash = hash.appending(key.pointee.b) }
        let mixed = hash.finished()
        guard let words = taus2Words else { return reseed(mixedKey: mixed) }
        key.pointee.slowPath = flags & ~PendingKey.pendingBit
        // SplitMix64's first three outputs from `mixed`, as `reseed(mixedKey:)` draws them.
        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        words[0] = Self.word32(SplitMix64.mix(mixed &+ gamma), atLeast: 2)
        words[1] = Self.word32(SplitMix64.mix(mixed &+ 2 &* gamma), atLeast: 8)
        words[2] = Self.word32(SplitMix64.mix(mixed &+ 3 &* gamma), atLeast: 16)
    }

    @inline(__always)
    private static func word32(_ output: UInt64, atLeast minimum: UInt) -> UInt {
        let value = UInt(output >> 32)
        return value < minimum ? value + minimum : value
    }

    @inline(__always)
    private static func word32(_ words: inout SplitMix64, atLeast minimum: UInt) -> UInt {
        word32(words.next(), atLeast: minimum)
    }

    // MARK: Raw draws

    /// The generator's next raw output (32 bits for every generator offered).
    @inlinable
    public func nextRaw() -> UInt {
        startIfPending()
        return gsl_rng_get(rng)
    }

    /// Uniform on [0, 1) (`gsl_rng_uniform`).
    @inlinable
    public func uniform() -> Double {
        startIfPending()
        return gsl_rng_uniform(rng)
    }

    /// Uniform integer in 0..<n (`gsl_rng_uniform_int`); n ≥ 1.
    @inlinable
    public func uniformInt(below n: Int) -> Int {
        startIfPending()
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    // MARK: Distributions (all `gsl_ran_*`)

    /// 1 with probability p (`gsl_ran_bernoulli`).
    @inlinable
    public func bernoulli(_ p: Double) -> Bool {
        startIfPending()
        return gsl_ran_bernoulli(rng, p) == 1
    }

    /// Successes in n trials of probability p (`gsl_ran_binomial`). Draws nothing when n is 0 or p is 0.
    @inlinable @inline(__always)
    public func binomial(_ n: Int, _ p: Double) -> Int {
        if n <= 0 || p <= 0 { return 0 }
        return binomialDrawn(n, p)
    }

    @inlinable
    func binomialDrawn(_ n: Int, _ p: Double) -> Int {
        startIfPending()
        return Int(gsl_ran_binomial(rng, p, UInt32(n)))
    }

    /// Poisson with mean `mean` (`gsl_ran_poisson`).
    @inlinable
    public func poisson(mean: Double) -> Int {
        startIfPending()
        return Int(gsl_ran_poisson(rng, mean))
    }

    /// exp(N(zeta, sigma²)): median e^zeta, as `exp(zeta + gsl_ran_gaussian_ziggurat(sigma))`.
    ///
    /// The same distribution as `gsl_ran_lognormal`, whose polar method costs about three times as much (33 ns
    /// against 11.5 in C, issue 14); the normal variate still comes from GSL. The draws differ from
    /// `gsl_ran_lognormal`'s, so the switch changed every result once (CHANGELOG).
    @inlinable
    public func lognormal(zeta: Double, sigma: Double) -> Double {
        startIfPending()
        return exp(zeta + gsl_ran_gaussian_ziggurat(rng, sigma))
    }

    /// Gamma with shape `shape` and scale `scale` (`gsl_ran_gamma`): mean shape·scale.
    @inlinable
    public func gamma(shape: Double, scale: Double) -> Double {
        startIfPending()
        return gsl_ran_gamma(rng, shape, scale)
    }

    /// Beta(a, b) (`gsl_ran_beta`): mean a / (a + b).
    @inlinable
    public func beta(_ a: Double, _ b: Double) -> Double {
        startIfPending()
        return gsl_ran_beta(rng, a, b)
    }

    /// Standard normal by the ziggurat method (`gsl_ran_gaussian_ziggurat`), scaled by sigma.
    @inlinable
    public func gaussian(sigma: Double) -> Double {
        startIfPending()
        return gsl_ran_gaussian_ziggurat(rng, sigma)
    }

    /// Marked items among `draws` taken without replacement from `marked + unmarked` (`gsl_ran_hypergeometric`).
    /// Draws nothing when the answer is certain.
    @inlinable
    public func hypergeometric(marked: Int, unmarked: Int, draws: Int) -> Int {
        if draws <= 0 || marked <= 0 { return 0 }
        if unmarked <= 0 { return min(draws, marked) }
        if draws >= marked + unmarked { return marked }
        startIfPending()
        return Int(gsl_ran_hypergeometric(rng, UInt32(marked), UInt32(unmarked), UInt32(draws)))
    }

    /// An index drawn from a preprocessed discrete distribution (`gsl_ran_discrete`).
    @inlinable
    public func discrete(_ table: DiscreteDistribution) -> Int {
        startIfPending()
        return Int(gsl_ran_discrete(rng, table.table))
    }
}

/// A lazy restart's key, kept until the stream's first draw (see ``RandomStream/restart(_:_:_:)``).
@usableFromInline
struct PendingKey {
    @inlinable static var pendingBit: UInt8 { 1 }
    @inlinable static var countingBit: UInt8 { 2 }
    /// Nonzero when a draw must leave the fast path: ``pendingBit`` (a restart waits for its first draw), and
    /// ``countingBit`` for good in counting mode.
    @usableFromInline var slowPath: UInt8
    /// How many of `a` and `b` complete the key: 1 (only `a`) or 2.
    @usableFromInline var wordsLeft: UInt8 = 2
    @usableFromInline var partial = PartialStreamKey(wordCount: 0)
    @usableFromInline var a: UInt64 = 0
    @usableFromInline var b: UInt64 = 0
    /// Counting mode's counts: GSL calls made, restarts applied.
    @usableFromInline var gslCalls = 0
    @usableFromInline var restarts = 0

    init(slowPath: UInt8) { self.slowPath = slowPath }
}

/// What a stream in counting mode counted (``RandomStream/counts``): calls of GSL's generator and distribution
/// functions, and lazy restarts that were applied (a restart whose phase drew nothing costs nothing and is not counted).
public struct DrawCounts: Sendable, Equatable {
    public var gslCalls: Int
    public var restarts: Int

    public init(gslCalls: Int = 0, restarts: Int = 0) {
        self.gslCalls = gslCalls
        self.restarts = restarts
    }

    public static func + (left: DrawCounts, right: DrawCounts) -> DrawCounts {
        DrawCounts(gslCalls: left.gslCalls + right.gslCalls, restarts: left.restarts + right.restarts)
    }
}

/// A discrete distribution over 0..<weights.count, preprocessed once by GSL's Walker alias method
/// (`gsl_ran_discrete_preproc`) so each draw is constant time.
public final class DiscreteDistribution: @unchecked Sendable {
    @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    public let weights: [Double]

    /// - Parameter weights: non-negative, not all zero; they need not sum to 1.
    public init(weights: [Double]) throws {
        GSLErrorHandler.switchOff()
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 && $0.isFinite }), weights.contains(where: { $0 > 0 }) else {
            throw RandomnessError.invalidParameters("discrete weights must be finite, non-negative and not all zero: \(weights)")
        }
        guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            throw RandomnessError.allocationFailed("a discrete table for \(weights)")
        }
        self.table = table
        self.weights = weights
    }

    deinit { gsl_ran_discrete_free(table) }

    /// The probability GSL assigns to index k (`gsl_ran_discrete_pdf`).
    public func probability(of k: Int) -> Double { gsl_ran_discrete_pdf(k, table) }
}

/// Functions of GSL that are not draws.
public enum GSLFunctions {
    /// The standard normal cumulative distribution Φ(x) (`gsl_cdf_ugaussian_P`).
    public static func standardNormalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

    /// The quantile of Student's t distribution with `degreesOfFreedom` (`gsl_cdf_tdist_Pinv`): the multiplier of a
    /// paired interval over a few replicates, where 1.96 would be too narrow (sensitivity analysis, issue 16).
    /// NaN for fewer than one degree of freedom or a probability outside (0, 1).
    public static func studentTQuantile(_ probability: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom >= 1, probability > 0, probability < 1 else { return .nan }
        GSLErrorHandler.switchOff()
        return gsl_cdf_tdist_Pinv(probability, Double(degreesOfFreedom))
    }

    /// The binomial probability P(X = k) for X ~ Binomial(n, p) (`gsl_ran_binomial_pdf`): the weights of the tables
    /// of conditional draws (issue 14).
    public static func binomialProbability(_ k: Int, _ p: Double, _ n: Int) -> Double {
        guard k >= 0, n >= 0, k <= n else { return 0 }
        return gsl_ran_binomial_pdf(UInt32(k), p, UInt32(n))
    }

    /// The upper tail Q(x) of the chi-square distribution with `degreesOfFreedom` (`gsl_cdf_chisq_Q`): the p-value of
    /// a chi-square test, for the statistical tests of exact sampling shortcuts (issue 14).
    public static func chiSquareUpperTail(_ x: Double, degreesOfFreedom: Int) -> Double {
        GSLErrorHandler.switchOff()
        return gsl_cdf_chisq_Q(x, Double(degreesOfFreedom))
    }

    /// The GSL version this program was linked against.
    public static var version: String { String(cString: cgsl_version()) }

    /// GSL's own seeding (`gsl_rng_set`), exposed only so tests can show why the simulator does not use it.
    public static func firstOutputsSeededByGSL(_ generator: GeneratorKind, seed: UInt, count: Int) -> [UInt] {
        GSLErrorHandler.switchOff()
        guard let rng = gsl_rng_alloc(generator.gslType) else { return [] }
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, seed)
        return (0..<count).map { _ in gsl_rng_get(rng) }
    }
}
