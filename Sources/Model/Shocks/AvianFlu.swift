import Randomness

/// Avian flu (MODEL.md §4 steps 1 and 5; `000` case 6: the 2017 outbreak in Dongxiang).
///
/// An outbreak is a county covariate, drawn on a stream keyed by (seed, outbreakCovariate, replicate, year, county); a scenario may force
/// one in every county in one year. A poultry household in an outbreak county is hit with a probability and loses a
/// Beta share of its poultry income, after any flood loss (losses compound).
public struct AvianFlu: YearPhase {
    public static let purpose = StreamPurpose.avianFlu
    public var parameters: AvianFluParameters

    public init(_ parameters: AvianFluParameters) { self.parameters = parameters }

    /// Whether a county has an outbreak in a year; `stream` is keyed by (seed, outbreakCovariate, replicate, year, county).
    public func countyOutbreak(year: Int, stream: RandomStream) -> Bool {
        let outbreak = stream.bernoulli(parameters.outbreakProbability)
        return outbreak || (year > 0 && year == parameters.forcedYear)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard year.countyOutbreak, household.livestock == .poultry, year.livestockIncome > 0,
            stream.bernoulli(parameters.householdHitProbability)
        else { return }
        let loss = stream.beta(parameters.lossAlpha, parameters.lossBeta) * year.livestockIncome
        year.livestockIncome -= loss
        year.epizooticLoss += loss
    }
}
