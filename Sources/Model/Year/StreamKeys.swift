import Randomness

// Every stream key of the simulator is built in this file (issue 12), so the reproducibility contract of
// docs/MODEL.md §5 ("The keys used") can be read in one place: household-year-purpose keys (``HouseholdStreamKey``),
// population keys, covariate keys (seed, purpose, replicate, year, place), the village layout's key and a sweep's keys.
// The purposes' raw values are part of the contract: changing one changes every result.

/// What a stream is for: the fourth word of every household stream key and the second of every covariate key.
///
/// A struct rather than an enum so that a phase declares its own purpose in its own file (`extension StreamPurpose {
/// static var illness: StreamPurpose { 11 } }`); ``YearPhases/purposes`` lists every purpose the registered phases and
/// covariates use, and the tests check that no two share a number. Household-year purposes take the numbers 10…23.
public struct StreamPurpose: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public let rawValue: UInt64
    @inline(__always) public init(rawValue: UInt64) { self.rawValue = rawValue }
    @inline(__always) public init(integerLiteral value: UInt64) { rawValue = value }

    /// The household synthesis of docs/MODEL.md §2.0, keyed by household.
    public static var population: StreamPurpose { 1 }
    /// The village sizes, one stream for the whole population.
    public static var villages: StreamPurpose { 2 }
    /// Phases that draw nothing still have a purpose, so every phase is keyed the same way; never drawn from.
    public static var deterministic: StreamPurpose { 99 }

    /// The household-year purposes: only these are tabulated by ``HouseholdStreamKey``.
    static let householdRange: ClosedRange<UInt64> = 10...23

    /// The column of a purpose in ``HouseholdStreamKey``'s table of key prefixes: the household-year purposes
    /// 10…23 and the population; nil for covariates, places and phases that draw nothing. Folded to a constant where
    /// the purpose is (every phase's).
    @inline(__always)
    var householdSlot: Int? {
        if Self.householdRange.contains(rawValue) { return Int(rawValue &- Self.householdRange.lowerBound) }
        return rawValue == 1 ? Self.householdSlotCount - 1 : nil
    }

    /// How many columns ``householdSlot`` uses.
    static let householdSlotCount = 15

    public var description: String { "purpose \(rawValue)" }
}

/// The coordinates of one household's year, from which each phase's stream key is made.
///
/// MODEL.md §6: a block's streams are seeded from (seed, replicate, block, purpose); this program adds the year and the
/// household's index in its block, so each household-year-purpose has its own stream and a change in one household's
/// state never shifts another's draws (docs/MODEL.md, "Streams").
public struct HouseholdStreamKey: Sendable {
    public let seed: UInt64
    public let replicate: UInt64
    public let block: UInt64
    public var year: UInt64
    public var household: UInt64
    /// The mixer's state after (seed, replicate, block): fixed for a task.
    public let blockCoordinates: PartialStreamKey
    /// The mixer's state after (seed, replicate, block, purpose, year) for every household purpose and every year
    /// 0…`years` the key was made for, tabulated once per task: a phase that draws then pays two mixes (the household
    /// and the finish) instead of four (issue 5). A year outside the table is mixed in full, to the same key.
    private let prefixes: KeyPrefixTable

    /// - Parameter years: the last year whose prefixes are tabulated (a block's horizon T); later years still work.
    public init(seed: UInt64, replicate: Int, block: Int, year: Int, household: Int, years: Int = 0) {
        self.seed = seed
        self.replicate = UInt64(replicate)
        self.block = UInt64(block)
        self.year = UInt64(year)
        self.household = UInt64(household)
        blockCoordinates = PartialStreamKey(wordCount: 6).appending(seed).appending(UInt64(replicate))
            .appending(UInt64(block))
        prefixes = KeyPrefixTable(blockCoordinates: blockCoordinates, years: max(0, years))
    }

    /// The mixed 64-bit key of this household-year's stream for `purpose`.
    @inline(__always)
    public func mixed(_ purpose: StreamPurpose) -> UInt64 {
        blockCoordinates.appending(purpose.rawValue).appending(year).appending(household).finished()
    }

    /// Restart `stream` lazily under this household-year's key for `purpose`: the stream of ``mixed(_:)``, reseeded
    /// only if the phase draws.
    @inline(__always)
    public func restart(_ stream: RandomStream, for purpose: StreamPurpose) {
        if let slot = purpose.householdSlot, year <= prefixes.lastYear {
            stream.restart(prefixes.words[Int(year) &* StreamPurpose.householdSlotCount &+ slot], household)
        } else {
            stream.restart(blockCoordinates.appending(purpose.rawValue), year, household)
        }
    }

    /// The same key as a ``StreamKey`` (for tests and messages).
    public func streamKey(_ purpose: StreamPurpose) -> StreamKey {
        StreamKey(seed, replicate, block, purpose.rawValue, year, household)
    }
}

/// The prefixes of ``HouseholdStreamKey``, row `year`, column ``StreamPurpose/householdSlot``. Allocated once per key
/// (per task), never in the yearly loop; immutable after `init`.
private final class KeyPrefixTable: @unchecked Sendable {
    let lastYear: UInt64
    let words: UnsafeMutablePointer<PartialStreamKey>

    init(blockCoordinates: PartialStreamKey, years: Int) {
        lastYear = UInt64(years)
        let columns = StreamPurpose.householdSlotCount
        words = .allocate(capacity: (years + 1) * columns)
        words.initialize(repeating: blockCoordinates, count: (years + 1) * columns)
        for raw in Array(StreamPurpose.householdRange) + [StreamPurpose.population.rawValue] {
            guard let slot = StreamPurpose(rawValue: raw).householdSlot else { continue }
            let withPurpose = blockCoordinates.appending(raw)
            for year in 0...years { words[year * columns + slot] = withPurpose.appending(UInt64(year)) }
        }
    }

    deinit { words.deallocate() }
}

extension HouseholdStreamKey {
    /// The key of block `block`'s population: (seed, replicate 0, block, population, year 0, household in block). The
    /// population depends on the seed alone, whatever the replicate (docs/MODEL.md §2.0); set ``household`` and
    /// ``restart(_:for:)`` with ``StreamPurpose/population``.
    public static func population(seed: UInt64, block: Int) -> HouseholdStreamKey {
        HouseholdStreamKey(seed: seed, replicate: 0, block: block, year: 0, household: 0)
    }
}

extension StreamKey {
    /// A covariate's key: (seed, purpose, replicate, year, place), never by block, so every household of a place sees
    /// the same draw whatever block or thread simulates it (MODEL.md §4 step 1).
    public static func covariate(seed: UInt64, purpose: StreamPurpose, replicate: Int, year: Int, place: Int) -> StreamKey {
        StreamKey(seed, purpose.rawValue, UInt64(replicate), UInt64(year), UInt64(place))
    }

    /// The sex of household `household`'s head, drawn only by the vulnerability estimator (docs/MODEL.md §4,
    /// "Vulnerability as `002` estimates it"): (seed, 210, household). Three words, so it meets no model key; the same in
    /// every replicate, like the population.
    public static func headOfHousehold(seed: UInt64, household: Int) -> StreamKey {
        StreamKey(seed, EstimatorStreamPurpose.headOfHousehold.rawValue, UInt64(household))
    }

    /// The village layout's key: (seed, villages), one stream drawn in household order (docs/MODEL.md §2.0).
    public static func villageLayout(seed: UInt64) -> StreamKey { StreamKey(seed, StreamPurpose.villages.rawValue) }

    /// A sweep point's seed is this key's mixed value: (seed, 200, point index). The point then runs with it as its
    /// `run.seed`, so `repoverty run --seed` reproduces it alone.
    public static func sweepPoint(seed: UInt64, point: Int) -> StreamKey {
        StreamKey(seed, SweepStreamPurpose.pointSeed.rawValue, UInt64(point))
    }

    /// A sweep's Latin-hypercube draws: (seed, 201).
    public static func latinHypercube(seed: UInt64) -> StreamKey {
        StreamKey(seed, SweepStreamPurpose.latinHypercube.rawValue)
    }
}

/// Purposes of a sweep's own streams and seeds: the second word of their keys.
///
/// Their keys have three words (seed, purpose, index) or two (seed, purpose), while the model's have five or six, and
/// the mixer folds the word count in first, so no sweep key can coincide with a model key. The raw values are part of
/// the reproducibility contract.
public enum SweepStreamPurpose: UInt64, Sendable {
    /// A point's seed: (seed, 200, point index).
    case pointSeed = 200
    /// The Latin-hypercube draws: (seed, 201).
    case latinHypercube = 201
}

/// Purposes of the estimators' own streams, drawn after a run: the second word of three-word keys, like a sweep's.
/// The raw values are part of the reproducibility contract.
public enum EstimatorStreamPurpose: UInt64, Sendable {
    /// The head's sex for the vulnerability regression: (seed, 210, household).
    case headOfHousehold = 210
}
