import Randomness

/// Where a covariate is drawn (MODEL.md §4 step 1): one value per village, per county, or per year.
public enum CovariatePlace: Int, CaseIterable, Sendable {
    case village, county, year
}

/// How many values of each place a list of covariates holds.
public struct CovariateCounts: Equatable, Sendable {
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

    static func + (a: CovariateCounts, b: CovariateCounts) -> CovariateCounts {
        CovariateCounts(village: a.village + b.village, county: a.county + b.county, year: a.year + b.year)
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
/// tables, and for each household-year hands them back through ``record(village:county:year:into:)``; it knows no
/// shock by name.
public protocol PlaceCovariateList: Sendable {
    init(_ parameters: ScenarioParameters) throws
    /// The values each place holds.
    static var counts: CovariateCounts { get }
    /// Draw every covariate of the list drawn at places of kind `place`, writing them at `values[0..<counts[place]]`.
    func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutablePointer<Double>)
    /// Put the values of a household's village, county and year into its accounts.
    static func record(
        village: UnsafePointer<Double>, county: UnsafePointer<Double>, year: UnsafePointer<Double>,
        into accounts: inout HouseholdYear)
    /// The purposes of the list's streams, each with its covariate's name (for the tests of the contract).
    static var purposes: [PhasePurpose] { get }
}

/// One covariate: a value drawn per place and year, and the field of ``HouseholdYear`` it fills.
public protocol PlaceCovariate: PlaceCovariateList {
    static var place: CovariatePlace { get }
    /// The purposes of the streams ``value(draws:)`` draws from, in order.
    static var streamPurposes: [StreamPurpose] { get }
    /// The value at `draws.place` in `draws.year`, from the streams of `draws`.
    func value(draws: CovariateDraws) -> Double
    /// Put the value into a household's accounts.
    static func record(_ value: Double, into accounts: inout HouseholdYear)
}

extension PlaceCovariate {
    public static var purposes: [PhasePurpose] {
        streamPurposes.map { PhasePurpose(phase: String(describing: Self.self), purpose: $0) }
    }

    public static var counts: CovariateCounts {
        switch place {
        case .village: CovariateCounts(village: 1)
        case .county: CovariateCounts(county: 1)
        case .year: CovariateCounts(year: 1)
        }
    }

    public func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutablePointer<Double>) {
        if place == Self.place { values[0] = value(draws: draws) }
    }

    @inline(__always)
    public static func record(
        village: UnsafePointer<Double>, county: UnsafePointer<Double>, year: UnsafePointer<Double>,
        into accounts: inout HouseholdYear
    ) {
        switch place {
        case .village: record(village[0], into: &accounts)
        case .county: record(county[0], into: &accounts)
        case .year: record(year[0], into: &accounts)
        }
    }
}

/// No covariates: the default of a phase.
public struct NoCovariates: PlaceCovariateList {
    public init(_ parameters: ScenarioParameters) {}
    public static var counts: CovariateCounts { CovariateCounts() }
    public func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutablePointer<Double>) {}
    @inline(__always)
    public static func record(
        village: UnsafePointer<Double>, county: UnsafePointer<Double>, year: UnsafePointer<Double>,
        into accounts: inout HouseholdYear
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

    public static var counts: CovariateCounts { First.counts + Second.counts }

    public func draw(_ place: CovariatePlace, draws: CovariateDraws, into values: UnsafeMutablePointer<Double>) {
        first.draw(place, draws: draws, into: values)
        second.draw(place, draws: draws, into: values + First.counts[place])
    }

    @inline(__always)
    public static func record(
        village: UnsafePointer<Double>, county: UnsafePointer<Double>, year: UnsafePointer<Double>,
        into accounts: inout HouseholdYear
    ) {
        First.record(village: village, county: county, year: year, into: &accounts)
        let counts = First.counts
        Second.record(
            village: village + counts.village, county: county + counts.county, year: year + counts.year,
            into: &accounts)
    }

    public static var purposes: [PhasePurpose] { First.purposes + Second.purposes }
}
