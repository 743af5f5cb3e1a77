import Randomness

/// Education costs and debt repayment, two of the rigid expenditures of MODEL.md §4 step 7 (medical costs come from
/// ``Illness``, living costs after relocation from ``Relocation``).
public struct Expenditures: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }
    public var highSchoolCost: Double
    public var universityCost: Double
    public var debtRepaymentShare: Double

    public init(_ parameters: ScenarioParameters) { self.init(parameters.economy) }

    public init(_ economy: EconomyParameters) {
        highSchoolCost = economy.highSchoolCost
        universityCost = economy.universityCost
        debtRepaymentShare = economy.debtRepaymentShare
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        year.educationCosts = Double(household.highSchool) * highSchoolCost + Double(household.university) * universityCost
        let repayment = debtRepaymentShare * Double(household.debt)
        year.debtRepayment = repayment
        household.debt = Float(max(0, Double(household.debt) - repayment))
    }
}
