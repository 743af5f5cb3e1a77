import Randomness

/// Enrolment in supplementary medical and in agricultural insurance, once in year 0 and kept (MODEL.md §4 step 3).
///
/// Both uniforms are drawn for every household in a fixed order, so changing one coverage never moves the other's draws.
public struct InsuranceEnrolment: YearPhase {
    public static var purpose: StreamPurpose { .insuranceEnrolment }
    public var medicalCoverage: Double
    public var agriculturalCoverage: Double

    public init(medical: MedicalInsuranceParameters, agricultural: AgriculturalInsuranceParameters) {
        medicalCoverage = medical.coverage
        agriculturalCoverage = agricultural.coverage
    }

    public init(_ parameters: ScenarioParameters) {
        self.init(
            medical: parameters.interventions.medicalInsurance, agricultural: parameters.interventions.agriculturalInsurance)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard year.year == 0 else { return }
        if stream.bernoulli(medicalCoverage) { household.flags.insert(.medicalInsurance) }
        if stream.bernoulli(agriculturalCoverage) && household.farms { household.flags.insert(.agriculturalInsurance) }
    }
}

extension StreamPurpose {
    /// Insurance enrolment, step 3 of year 0.
    public static var insuranceEnrolment: StreamPurpose { 21 }
}
