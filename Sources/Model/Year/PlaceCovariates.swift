import Randomness

/// Where a covariate is drawn (MODEL.md §4 step 1): one value per village, per county, or per year.
public enum CovariatePlace: Int, CaseIterable, Sendable {
    case village, county, year
}

/// How many bytes of values each place holds for a list of covariates: a flag takes one, a multiplier eight, as the
/// hand-written tables did before the phases declared their covariates.
public struct CovariateBytes: Equatable, Sendable {
    public var village = 0, county = 0, year = 0

    public init(village: Int = 0, county: Int = 0, year: Int = 0) {
        self.village = village
        self.county = county
        self.year = year
    }

    public subscript(_ place: CovariatePlace) -> Int {
        switch place {
        case .village: village
        case .county: county
        case .year: year
        }
    }

    static func + (a: CovariateBytes, b: CovariateBytes) -> CovariateBytes {
        CovariateBytes(village: a.village + b.village, county: a.county + b.county, year: a.year + b.year)
    }
}

/// The streams a covariate draws from, for one place and year: each restarted on the key (seed, purpose, replicate,
/// year, place) of ``StreamKey/covariate(seed:purpose:replicate:year:place:)``, never on a block, so a household sees
/// the same event whatever block or thread simulates it, and every scenario with the same seed sees the same events.
public struct CovariateDraws {
    public let seed: UInt64
    public let replicate: Int
    public let year: Int
    /// The village or county index; 0 for a yearly covariate.
    public let place: Int
    private let stream: RandomStream

    public init(seed: UInt64, replicate: Int, year: Int, place: Int, stream: RandomStream) {
        self.seed = seed
        self.replicate = replicate
        self.year = year
        self.place = place
        self.stream = stream
    }

    /// The one stream, restarted on this place-year's key for `purpose`: finish drawing from it before asking for
    /// another purpose's.
    public func stream(_ purpose: StreamPurpose) -> RandomStream {
        stream.reseed(.covariate(seed: seed, purpose: purpose, replicate: replicate, year: year, place: place))
        return stream
    }
}

/// A list of covariates, as the phases of ``YearPhases`` declare them (``YearPhase/Covariates``).
///
/// The engine draws the list before the parallel loop, place by place (``draw(_:draws:into:)``), keeps the values in
/// byte tables, and for each household-year hands them back through ``record(village:county:year:into:)``; it knows no
/// shock by name.
public protocol PlaceCovariateList: Sendable {
    init(_ parameters: ScenarioParameters) throws
    /// The bytes of values each place holds.
    static var bytes: CovariateBytes { get }
    /// Draw every covariate of the list drawn at places of kind `place`, writing them in the first `bytes[place]`
    /// bytes at `values`.
    func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutableRawPointer)
    /// Put the values of a household's village, county and year into its accounts.
    static func record(
        village: UnsafeRawPointer, county: UnsafeRawPointer, year: UnsafeRawPointer, into accounts: inout HouseholdYear)
    /// The purposes of the list's streams, each with its covariate's name (for the tests of the contract).
    static var purposes: [PhasePurpose] { get }
}

/// One covariate: a value drawn per place and year, and the field of ``HouseholdYear`` it fills.
public protocol PlaceCovariate: PlaceCovariateList {
    /// `Bool` for an event, `Double` for a multiplier.
    associatedtype Value: BitwiseCopyable
    static var place: CovariatePlace { get }
    /// The purposes of the streams ``value(draws:)`` draws from, in order.
    static var streamPurposes: [StreamPurpose] { get }
    /// The value at `draws.place` in `draws.year`, from the streams of `draws`.
    func value(draws: CovariateDraws) -> Value
    /// Put the value into a household's accounts.
    static func record(_ value: Value, into accounts: inout HouseholdYear)
}

extension PlaceCovariate {
    public static var purposes: [PhasePurpose] {
        streamPurposes.map { PhasePurpose(phase: String(describing: Self.self), purpose: $0) }
    }

    public static var bytes: CovariateBytes {
        let size = MemoryLayout<Value>.size
        switch place {
        case .village: return CovariateBytes(village: size)
        case .county: return CovariateBytes(county: size)
        case .year: return CovariateBytes(year: size)
        }
    }

    public func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutableRawPointer) {
        if place == Self.place { values.storeBytes(of: value(draws: draws), as: Value.self) }
    }

    @inline(__always)
    public static func record(
        village: UnsafeRawPointer, county: UnsafeRawPointer, year: UnsafeRawPointer, into accounts: inout HouseholdYear
    ) {
        switch place {
        case .village: record(village.loadUnaligned(as: Value.self), into: &accounts)
        case .county: record(county.loadUnaligned(as: Value.self), into: &accounts)
        case .year: record(year.loadUnaligned(as: Value.self), into: &accounts)
        }
    }
}

/// No covariates: the default of a phase.
public struct NoCovariates: PlaceCovariateList {
    public init(_ parameters: ScenarioParameters) {}
    public static var bytes: CovariateBytes { CovariateBytes() }
    public func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutableRawPointer) {}
    @inline(__always)
    public static func record(
        village: UnsafeRawPointer, county: UnsafeRawPointer, year: UnsafeRawPointer, into accounts: inout HouseholdYear
    ) {}
    public static var purposes: [PhasePurpose] { [] }
}

/// `First`'s covariates, then `Second`'s, side by side in each place's values.
public struct CovariateChain<First: PlaceCovariateList, Second: PlaceCovariateList>: PlaceCovariateList {
    public let first: First
    public let second: Second

    public init(_ parameters: ScenarioParameters) throws {
        first = try First(parameters)
        second = try Second(parameters)
    }

    public static var bytes: CovariateBytes { First.bytes + Second.bytes }

    public func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutableRawPointer) {
        first.draw(place, draws: draws, into: values)
        second.draw(place, draws: draws, into: values + First.bytes[place])
    }

    @inline(__always)
    public static func record(
        village: UnsafeRawPointer, county: UnsafeRawPointer, year: UnsafeRawPointer, into accounts: inout HouseholdYear
    ) {
        First.record(village: village, county: county, year: year, into: &accounts)
        let bytes = First.bytes
        Second.record(
            village: village + bytes.village, county: county + bytes.county, year: year + bytes.year, into: &accounts)
    }

    public static var purposes: [PhasePurpose] { First.purposes + Second.purposes }
}
