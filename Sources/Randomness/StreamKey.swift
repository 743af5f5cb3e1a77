/// The identity of a random stream: every draw in the simulator comes from a stream whose key is visible where it is made.
///
/// MODEL.md §6: each block's generators are seeded from (seed, replicate, block, purpose); covariates from
/// (seed, replicate, year, place). A key is a short list of 64-bit words, turned into one 64-bit value by ``mixed``
/// and then into a full generator state by ``RandomStream/reseed(_:)`` (never through `gsl_rng_set`, which keeps only
/// the low 32 bits of its seed on every generator tried, so a million block seeds would collide by chance).
public struct StreamKey: Hashable, Sendable, CustomStringConvertible {
    /// The words of the key, in order: the seed first, then the coordinates that identify the stream.
    public let words: [UInt64]

    public init(_ words: UInt64...) { self.words = words }
    public init(words: [UInt64]) { self.words = words }

    /// One 64-bit value for the whole key.
    ///
    /// The documented mixer: start from `h = splitmix64(0x5245504F56455254 ^ wordCount)` (the constant spells
    /// "REPOVERT"), then for each word `w` in order set `h = splitmix64(h ^ w) &+ 0x9E3779B97F4A7C15`, and finish with
    /// one more `splitmix64(h)`. Order matters, so (1, 2) and (2, 1) are different keys; a key and the same key with
    /// an extra trailing 0 differ too, because the word count is folded in first.
    public var mixed: UInt64 { StreamKey.mix(words) }

    /// The mixer of ``mixed``, on any sequence of words (no array needed on the hot path).
    @inlinable
    public static func mix(_ words: [UInt64]) -> UInt64 {
        var hash = SplitMix64.mix(0x5245_504F_5645_5254 ^ UInt64(words.count))
        for word in words { hash = SplitMix64.mix(hash ^ word) &+ 0x9E37_79B9_7F4A_7C15 }
        return SplitMix64.mix(hash)
    }

    /// The same mixer as ``mix(_:)`` for exactly six words, without building an array (the yearly loop uses this).
    @inlinable
    public static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64, _ e: UInt64, _ f: UInt64) -> UInt64 {
        var hash = SplitMix64.mix(0x5245_504F_5645_5254 ^ 6)
        hash = SplitMix64.mix(hash ^ a) &+ 0x9E37_79B9_7F4A_7C15
        hash = SplitMix64.mix(hash ^ b) &+ 0x9E37_79B9_7F4A_7C15
        hash = SplitMix64.mix(hash ^ c) &+ 0x9E37_79B9_7F4A_7C15
        hash = SplitMix64.mix(hash ^ d) &+ 0x9E37_79B9_7F4A_7C15
        hash = SplitMix64.mix(hash ^ e) &+ 0x9E37_79B9_7F4A_7C15
        hash = SplitMix64.mix(hash ^ f) &+ 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(hash)
    }

    public var description: String { "(" + words.map(String.init).joined(separator: ", ") + ")" }
}

/// The mixer of ``StreamKey/mixed`` part-way through a key of known length: the words mixed so far are folded into one
/// 64-bit state, so a loop that varies only the last words of a key pays one mix per word it adds (issue 5).
///
/// `PartialStreamKey(wordCount: n)` followed by `appending` each of the n words and ``finished`` gives exactly
/// ``StreamKey/mix(_:)`` of those words.
public struct PartialStreamKey: Sendable, Equatable {
    /// The mixer's state after the words appended so far.
    public let hash: UInt64

    /// The start of a key that will have `wordCount` words.
    @inlinable
    public init(wordCount: Int) { hash = SplitMix64.mix(0x5245_504F_5645_5254 ^ UInt64(wordCount)) }

    @inlinable
    init(hash: UInt64) { self.hash = hash }

    /// The key with one more word.
    @inlinable
    public func appending(_ word: UInt64) -> PartialStreamKey {
        PartialStreamKey(hash: SplitMix64.mix(hash ^ word) &+ 0x9E37_79B9_7F4A_7C15)
    }

    /// The mixed 64-bit key, once every word has been appended.
    @inlinable
    public func finished() -> UInt64 { SplitMix64.mix(hash) }
}

/// Steele, Lea and Flood's SplitMix64 (2014): the finaliser is a bijection on 64 bits with full avalanche, and the
/// sequence generator fills a generator's state from one 64-bit value. Used only to seed GSL generators, never to draw
/// a variate of the model.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The SplitMix64 finaliser (variant 13 of Stafford's mixers).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64-bit word of the sequence.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }
}
