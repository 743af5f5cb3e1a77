import Randomness

/// Floods (MODEL.md §4 steps 1 and 5; `000`: the 2018 "7.18" flash flood).
///
/// A village floods with a yearly probability, drawn on a stream keyed by (seed, floodCovariate, replicate, year, village) so that
/// every household of the village, whatever block it is in, sees the same flood. A scenario may force a flood in one
/// year in a share of villages. In a flooded village a household is hit with a probability and loses a Beta share of
/// its crop and livestock income.
public struct Flood: YearPhase {
    public static let purpose = StreamPurpose.flood
    public var parameters: FloodParameters

    public init(_ parameters: FloodParameters) { self.parameters = parameters }

    /// Whether a village floods in a year. `stream` is keyed by (seed, floodCovariate, replicate, year, village);
    /// `forcedStream` by the same with purpose forcedFloodCovariate.
    public func villageFloods(year: Int, stream: RandomStream, forcedStream: RandomStream) -> Bool {
        let floods = stream.bernoulli(parameters.probability)
        let forced = year == parameters.forcedYear && year > 0 && forcedStream.bernoulli(parameters.forcedVillageShare)
        return floods || forced
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard year.villageFlooded, stream.bernoulli(parameters.householdHitProbability) else { return }
        let lossShare = stream.beta(parameters.lossAlpha, parameters.lossBeta)
        year.floodLoss = lossShare * (year.cropIncome + year.livestockIncome)
        year.cropIncome *= 1 - lossShare
        year.livestockIncome *= 1 - lossShare
    }
}
