import Randomness

/// Net income before dibao and its assessment (MODEL.md §1 and §4 step 8).
///
/// y_pre = (crops + livestock + wages + pensions and subsidies + agricultural insurance payouts − production costs −
/// rigid expenditures) / size. The assessment a_t = y_pre × Lognormal(0, σ) is what dibao decides on next year: the
/// error stands for everything a village's verification misses (`001`).
public struct IncomeAssessment: YearPhase {
    public static var purpose: StreamPurpose { .assessment }
    public var noiseSigma: Double

    public init(_ economy: EconomyParameters) { noiseSigma = economy.assessmentNoiseSigma }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.economy) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        let earned = year.cropIncome + year.livestockIncome + year.wages + year.pensionsAndSubsidies
            + year.agriculturalInsurancePayout - year.productionCost
        let rigid = year.medicalOutOfPocket + year.nonMedicalCosts + year.educationCosts + year.relocationCosts
            + year.debtRepayment
        year.incomeBeforeDibao = (earned - rigid) / Double(max(1, household.size))
        household.assessedIncome = Float(year.incomeBeforeDibao * stream.lognormal(zeta: 0, sigma: noiseSigma))
    }
}

/// Borrowing to reach the borrowing line (MODEL.md §4 step 9): it adds to debt, not to this year's income.
public struct Borrowing: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }
    public var borrowingLine: Double

    public init(_ economy: EconomyParameters) { borrowingLine = economy.borrowingLineShare * economy.povertyLine }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.economy) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard year.income < borrowingLine else { return }
        year.borrowed = Double(household.size) * (borrowingLine - year.income)
        household.debt = Float(Double(household.debt) + year.borrowed)
    }
}

/// Income with dibao (MODEL.md §4 step 8): y = y_pre + benefit / size, once this year's dibao benefit is known (in
/// year 0 it is decided after the assessment).
public struct IncomeWithDibao: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }

    public init(_ parameters: ScenarioParameters) {}

    @inline(__always)
    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        year.income = year.incomeBeforeDibao + year.dibaoBenefit / Double(max(1, household.size))
    }
}

extension StreamPurpose {
    /// The assessment noise of step 8.
    public static var assessment: StreamPurpose { 16 }
}
