import Randomness

/// Agricultural insurance (MODEL.md §4 step 5; `000` §4.5: 80.6 % enrolled).
///
/// For an enrolled household it pays its rate of the year's flood and epizootic losses above a deductible that is a
/// share of the pre-loss crop and livestock value; the state pays a premium per household.
public struct AgriculturalInsurance: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }
    public var parameters: AgriculturalInsuranceParameters

    public init(_ parameters: AgriculturalInsuranceParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.interventions.agriculturalInsurance) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard household.flags.contains(.agriculturalInsurance) else { return }
        year.agriculturalInsurancePremium = parameters.premiumPerHousehold
        let preLossValue = (year.cropValueAtUnitPrice + year.livestockValueAtUnitPrice) * year.price
        let losses = year.floodLoss + year.epizooticLoss
        year.agriculturalInsurancePayout = parameters.rate * max(0, losses - parameters.deductibleShare * preLossValue)
    }
}
