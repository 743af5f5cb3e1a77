import Randomness

/// Floods (MODEL.md §4 steps 1 and 5; `000`: the 2018 "7.18" flash flood).
///
/// A village floods with a yearly probability, drawn on a stream keyed by (seed, floodCovariate, replicate, year, village) so that
/// every household of the village, whatever block it is in, sees the same flood. A scenario may force a flood in one
/// year in a share of villages. In a flooded village a household is hit with a probability and loses a Beta share of
/// its crop and livestock income.
public struct Flood: YearPhase {
    public typealias Covariates = VillageFlood
    public static var purpose: StreamPurpose { .flood }
    public var parameters: FloodParameters

    public init(_ parameters: FloodParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.shocks.flood) }

    /// Whether a village floods in a year. `stream` is keyed by (seed, floodCovariate, replicate, year, village);
    /// `forcedStream` by the same with purpose forcedFloodCovariate.
    public func villageFloods(year: Int, stream: RandomStream, forcedStream: RandomStream) -> Bool {
        let floods = naturalFlood(stream: stream)
        let forced = forcedFlood(year: year, stream: forcedStream)
        return floods || forced
    }

    /// The yearly natural flood of a village; `stream` keyed by (seed, floodCovariate, replicate, year, village).
    public func naturalFlood(stream: RandomStream) -> Bool { stream.bernoulli(parameters.probability) }

    /// A scenario's forced flood (in its year, in a share of villages); `stream` keyed by (seed, forcedFloodCovariate,
    /// replicate, year, village), drawn only in the forced year.
    public func forcedFlood(year: Int, stream: RandomStream) -> Bool {
        year == parameters.forcedYear && year > 0 && stream.bernoulli(parameters.forcedVillageShare)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard year.villageFlooded, stream.bernoulli(parameters.householdHitProbability) else { return }
        let lossShare = stream.beta(parameters.lossAlpha, parameters.lossBeta)
        year.floodLoss = lossShare * (year.cropIncome + year.livestockIncome)
        year.cropIncome *= 1 - lossShare
        year.livestockIncome *= 1 - lossShare
    }
}

/// Whether the household's village floods this year (MODEL.md §4 step 1): ``HouseholdYear/villageFlooded``.
public struct VillageFlood: PlaceCovariate {
    public static var place: CovariatePlace { .village }
    public static var streamPurposes: [StreamPurpose] { [.floodCovariate, .forcedFloodCovariate] }
    public let flood: Flood

    public init(_ parameters: ScenarioParameters) { flood = Flood(parameters) }

    public func value(draws: CovariateDraws) -> Bool {
        let floods = flood.naturalFlood(stream: draws.stream(.floodCovariate))
        let forced = flood.forcedFlood(year: draws.year, stream: draws.stream(.forcedFloodCovariate))
        return floods || forced
    }

    @inline(__always)
    public static func record(_ value: Bool, into accounts: inout HouseholdYear) { accounts.villageFlooded = value }
}

extension StreamPurpose {
    /// A household's flood hit and loss share, step 5.
    public static var flood: StreamPurpose { 12 }
    /// A village's natural flood, keyed by village.
    public static var floodCovariate: StreamPurpose { 3 }
    /// A village's forced flood in a scenario's flood year, keyed by village.
    public static var forcedFloodCovariate: StreamPurpose { 6 }
}
