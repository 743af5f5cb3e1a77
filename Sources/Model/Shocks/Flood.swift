import Randomness

/// Floods (MODEL.md §4 steps 1 and 5; `000`: the 2018 "7.18" flash flood).
///
/// A village floods with a yearly probability, drawn on a stream keyed by (seed, floodCovariate, replicate, year, village) so that
/// every household of the village, whatever block it is in, sees the same flood. A scenario may force a flood in one
/// year: then each village floods with probability `forcedVillageShare` *instead of* the ordinary probability, so the
/// share flooded is the stated one (MODEL.md §7, "Forced flood"). In a flooded village a household is hit with a probability and loses a Beta share of
/// its crop and livestock income.
public struct Flood: YearPhase {
    public typealias Covariates = VillageFlood
    public static var purpose: StreamPurpose { .flood }
    public var parameters: FloodParameters

    public init(_ parameters: FloodParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.shocks.flood) }

    /// Whether a village floods in a year. `stream` is keyed by (seed, floodCovariate, replicate, year, village);
    /// `forcedStream` by the same with purpose forcedFloodCovariate.
    /// In the forced year only the forced draw counts (MODEL.md §7); the natural stream is then not drawn from.
    public func villageFloods(year: Int, stream: RandomStream, forcedStream: RandomStream) -> Bool {
        isForced(year) ? forcedFlood(year: year, stream: forcedStream) : naturalFlood(stream: stream)
    }

    /// Whether `year` is the scenario's forced flood year (never year 0: `forcedYear` 0 means none).
    public func isForced(_ year: Int) -> Bool { year == parameters.forcedYear && year > 0 }

    /// The yearly natural flood of a village; `stream` keyed by (seed, floodCovariate, replicate, year, village).
    public func naturalFlood(stream: RandomStream) -> Bool { stream.bernoulli(parameters.probability) }

    /// A scenario's forced flood (in its year, in a share of villages); `stream` keyed by (seed, forcedFloodCovariate,
    /// replicate, year, village), drawn only in the forced year.
    public func forcedFlood(year: Int, stream: RandomStream) -> Bool {
        isForced(year) && stream.bernoulli(parameters.forcedVillageShare)
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

    /// `draws` has one stream, restarted by each `stream(_:)`: only the purpose the year needs is asked for.
    public func value(draws: CovariateDraws) -> Bool {
        flood.isForced(draws.year)
            ? flood.forcedFlood(year: draws.year, stream: draws.stream(.forcedFloodCovariate))
            : flood.naturalFlood(stream: draws.stream(.floodCovariate))
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
