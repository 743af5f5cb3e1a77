import Randomness

/// Migration, wages, earnings lost to illness, pensions and subsidies (MODEL.md §4 step 6).
///
/// Migration persists: a migrant stays away with a fixed probability, a labourer at home starts with a probability
/// raised by motivation and lowered on dibao (`002`: welfare dependence). Migrants' pay carries the year's wage
/// multiplier and a household's pay noise; local wages carry neither. Earnings lost to hospital stays are valued at the
/// household's wages per worker-month and never exceed its wages.
public struct LabourMarket: YearPhase {
    /// The year's wage multiplier of step 1 (``YearWageMultiplier``) scales migrants' pay.
    public typealias Covariates = YearWageMultiplier
    public static var purpose: StreamPurpose { .migration }
    public var migration: MigrationParameters
    public var generalMigrantPay: Double
    public var skilledMigrantPay: Double
    public var payNoiseSigma: Double
    public var localWages: LocalWageParameters
    public var pensionPerElderly: Double
    public var subsidyPerDisabled: Double
    public var lostMonthsPerWorker: Double
    public var lostMonthsPerDependant: Double

    public init(_ parameters: ScenarioParameters) { self.init(parameters.economy) }

    public init(_ economy: EconomyParameters) {
        migration = economy.migration
        generalMigrantPay = economy.migrantWork.generalMonths * economy.migrantWork.generalMonthlyPay
        skilledMigrantPay = economy.migrantWork.skilledMonths * economy.migrantWork.skilledMonthlyPay
        payNoiseSigma = economy.migrantWork.payNoiseSigma
        localWages = economy.localWages
        pensionPerElderly = economy.pensionPerElderly
        subsidyPerDisabled = economy.disabilitySubsidyPerDisabled
        lostMonthsPerWorker = economy.lostMonthsPerHospitalisedWorker
        lostMonthsPerDependant = economy.lostMonthsPerHospitalisedDependant
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        var startFactor = migration.motivationOffset + Double(household.motivation)
        if household.flags.contains(.onDibao) { startFactor *= migration.dibaoFactor }
        let general = Int(household.generalLabour), skilled = Int(household.skilledLabour)
        let generalMigrants = stream.binomial(Int(household.generalMigrants), migration.stayProbability)
            + stream.binomial(general - Int(household.generalMigrants), min(1, migration.startGeneral * startFactor))
        let skilledMigrants = stream.binomial(Int(household.skilledMigrants), migration.stayProbability)
            + stream.binomial(skilled - Int(household.skilledMigrants), min(1, migration.startSkilled * startFactor))
        household.generalMigrants = count(generalMigrants)
        household.skilledMigrants = count(skilledMigrants)

        let earnings = Double(household.earningsFactor)
        let migrantPayExpected = (Double(generalMigrants) * generalMigrantPay + Double(skilledMigrants) * skilledMigrantPay)
            * earnings
        let noise = migrantPayExpected > 0 ? stream.lognormal(zeta: 0, sigma: payNoiseSigma) : 1
        let localPay = (Double(general - generalMigrants) * localWages.general
            + Double(skilled - skilledMigrants) * localWages.skilled
            + Double(household.weakLabour) * localWages.weak) * earnings
        year.migrantPayAtUnitMultiplier = migrantPayExpected * noise
        let grossWages = year.migrantPayAtUnitMultiplier * year.wageMultiplier + localPay
        year.expectedWages = migrantPayExpected + localPay

        let workers = household.workers
        if workers > 0 && year.hospitalStays > 0 {
            let dependantStays = year.hospitalStays - year.hospitalisedWorkers
            let months = Double(year.hospitalisedWorkers) * lostMonthsPerWorker + Double(dependantStays) * lostMonthsPerDependant
            year.lostEarnings = min(grossWages, months * grossWages / (Double(workers) * 12))
        }
        year.wages = grossWages - year.lostEarnings
        year.pensionsAndSubsidies = Double(household.elderly) * pensionPerElderly + Double(household.disabled) * subsidyPerDisabled
    }
}

extension StreamPurpose {
    /// Migration and the household's pay noise, step 6.
    public static var migration: StreamPurpose { 15 }
}
