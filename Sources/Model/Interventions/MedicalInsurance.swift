import Randomness

/// Supplementary medical insurance (MODEL.md §4 step 4; `003` §3.3, terms *assumed*).
///
/// For an enrolled household it pays its rate of the medical out-of-pocket that remains, after basic and
/// major-illness insurance, above its threshold; the state pays a premium per person.
public struct MedicalInsurance: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }
    public var parameters: MedicalInsuranceParameters

    public init(_ parameters: MedicalInsuranceParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.interventions.medicalInsurance) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard household.flags.contains(.medicalInsurance) else { return }
        year.medicalInsurancePremium = parameters.premiumPerPerson * Double(household.size)
        let payout = parameters.rate * max(0, year.medicalOutOfPocket - parameters.threshold)
        year.medicalInsurancePayout = payout
        year.medicalOutOfPocket -= payout
    }
}
