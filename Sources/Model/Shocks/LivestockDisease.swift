import Randomness

/// Endemic livestock disease: Newcastle disease in poultry, illness in cattle and sheep (MODEL.md §4 step 5).
///
/// Every livestock household is at risk each year, independently of place, and loses a Beta share of what remains of
/// its livestock income after the losses of the phases before it (losses compound).
public struct LivestockDisease: YearPhase {
    public static var purpose: StreamPurpose { .livestockDisease }
    public var parameters: LivestockDiseaseParameters

    public init(_ parameters: LivestockDiseaseParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.shocks.livestockDisease) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard household.livestock != .none, year.livestockIncome > 0, stream.bernoulli(parameters.probability) else { return }
        let loss = stream.beta(parameters.lossAlpha, parameters.lossBeta) * year.livestockIncome
        year.livestockIncome -= loss
        year.epizooticLoss += loss
    }
}

extension StreamPurpose {
    /// A livestock household's endemic disease, step 5.
    public static var livestockDisease: StreamPurpose { 14 }
}
