import Randomness

/// One shock or intervention: a phase of the year of MODEL.md §4.
///
/// Each phase is a small value type holding plain numbers prepared from its scenario section, and draws only from the
/// stream the yearly step has just started for it under its own ``StreamPurpose``. Phases are stored and called as
/// concrete types by ``YearlyStep``, so the household loop is statically dispatched (no existential per household).
public protocol YearPhase: Sendable {
    /// The purpose in the key of this phase's stream: a separate stream per phase is what makes an intervention with
    /// coverage 0 reproduce the baseline exactly, and the same household meet the same illness in every scenario.
    static var purpose: StreamPurpose { get }

    /// Apply the phase to one household in one year.
    /// - Parameters:
    ///   - household: the state carried between years; the phase may change it.
    ///   - year: this year's accounts; the phase records what it found.
    ///   - stream: a stream already keyed by (seed, replicate, block, purpose, year, household).
    func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream)
}

/// What a stream is for: the fourth word of every household stream key and the second of every covariate key.
/// The raw values are part of the reproducibility contract: changing one changes every result.
public enum StreamPurpose: UInt64, CaseIterable, Sendable {
    // Population and places.
    case population = 1
    case villages = 2
    // Covariates, keyed by (seed, purpose, replicate, year, place).
    case floodCovariate = 3
    case outbreakCovariate = 4
    case priceCovariate = 5
    case forcedFloodCovariate = 6
    // Shocks and the household's own dynamics.
    case demography = 10
    case illness = 11
    case flood = 12
    case avianFlu = 13
    case livestockDisease = 14
    case migration = 15
    case assessment = 16
    // Interventions.
    case dibao = 20
    case insuranceEnrolment = 21
    case training = 22
    /// Step 12: which certified trainees were migrants.
    case trainingCertification = 23
    // Phases that draw nothing still have a purpose, so every phase is keyed the same way.
    case deterministic = 99

    /// The column of a household-year purpose in ``HouseholdStreamKey``'s table of key prefixes; nil for the purposes
    /// of covariates, places and phases that draw nothing. Folded to a constant where the purpose is (every phase's).
    @inline(__always)
    var householdSlot: Int? {
        switch self {
        case .demography, .illness, .flood, .avianFlu, .livestockDisease, .migration, .assessment:
            Int(rawValue) - 10
        case .dibao, .insuranceEnrolment, .training, .trainingCertification: Int(rawValue) - 13
        case .population: 11
        case .villages, .floodCovariate, .outbreakCovariate, .priceCovariate, .forcedFloodCovariate, .deterministic: nil
        }
    }

    /// How many columns ``householdSlot`` uses.
    static let householdSlotCount = 12
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
        for purpose in StreamPurpose.allCases {
            guard let slot = purpose.householdSlot else { continue }
            let withPurpose = blockCoordinates.appending(purpose.rawValue)
            for year in 0...years { words[year * columns + slot] = withPurpose.appending(UInt64(year)) }
        }
    }

    deinit { words.deallocate() }
}
