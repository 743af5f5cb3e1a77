import Model

/// Counts and sums over the cohort, by year, for one block or one replicate (MODEL.md §5).
///
/// Everything is a `Double` in one flat array so merging is a loop; counts stay exact up to 2^53. Tallies merge in
/// block order, so sums of money are added in the same order whatever the number of threads.
public struct Tally: Equatable, Sendable {
    /// The columns kept for each year.
    public enum Column: Int, CaseIterable, Sendable {
        /// Cohort households not poor last year: the denominator of the annual re-poverty rate.
        case atRisk = 0
        case poor
        case exits
        /// Σ (z − y) over poor cohort households, yuan per person.
        case gapSum
        /// Cohort households poor in at least one year 1…t.
        case everRePoor
        /// Their year-0 members.
        case everRePoorPeople
        /// Cohort households re-poor at some year ≤ t and out of poverty again by t.
        case leftAgain
        /// Re-poverty spells that ended this year, and the sum of their lengths in years.
        case spellsEnded
        case spellYearsEnded
        /// Spells that ended after one year.
        case spellsEndedAfterOneYear
        /// Spells still going at the end of the horizon (counted in year T only), and the sum of their lengths so far.
        case spellsCensored
        case spellYearsCensored
        case dibaoCost
        case trainingCost
        case medicalInsurancePremiums
        case agriculturalInsurancePremiums
        case medicalInsurancePayouts
        case agriculturalInsurancePayouts
        case trainees
        case certifiedTrainees
        /// Cohort households on the monitoring list at the end of the year (MODEL.md §7).
        case monitored
        /// Households the mechanism found this year.
        case monitoringEntries
        /// Households on the list (or found this year) with assessed income with dibao below the poverty line.
        case identifiedRePoor
        /// Cohort households identified re-poor in at least one year 1…t.
        case everIdentifiedRePoor
        /// Temporary transfers to households on the list, yuan.
        case monitoringTransfers
        /// Entries by cause: `entriesBase + cause.rawValue`; then entries by household type, then ever re-poor by type.
        case entriesBase
    }

    static let entriesByTypeBase = Column.entriesBase.rawValue + EntryCause.allCases.count
    static let everRePoorByTypeBase = entriesByTypeBase + HouseholdType.allCases.count
    public static let columnsPerYear = everRePoorByTypeBase + HouseholdType.allCases.count

    public let years: Int
    public var cohortHouseholds = 0.0
    public var cohortPeople = 0.0
    /// Cohort households by type, indexed by `HouseholdType.rawValue`.
    public private(set) var cohortByType: [Double]
    /// values[year * columnsPerYear + column], years 0…T (year 0 stays empty).
    public private(set) var values: [Double]
    /// The year-0 cross-section of *all* households, poor or not, indexed by `CrossSection.rawValue`: what a survey of
    /// the profile's population (`002` Tables 1 and 3) measures, read to fit a profile to it (docs/MODEL.md §4).
    public private(set) var crossSection: [Double]

    /// Sums over all households in year 0, for means and standard deviations across households.
    public enum CrossSection: Int, CaseIterable, Sendable {
        case households = 0
        /// Household net income y × size (MODEL.md §1: with dibao, after rigid expenditures), yuan, and its square.
        case netIncomeSum, netIncomeSquares
        /// Households with positive net income: the denominator of the wage share.
        case positiveIncomeHouseholds
        /// Wages / household net income, capped at 1, over households with positive net income; and its square.
        case wageShareSum, wageShareSquares
        /// Members on dibao (all of a household's members when it is on dibao), and its square.
        case dibaoPeopleSum, dibaoPeopleSquares
    }

    public init(years: Int) {
        self.years = years
        cohortByType = [Double](repeating: 0, count: HouseholdType.allCases.count)
        values = [Double](repeating: 0, count: (years + 1) * Tally.columnsPerYear)
        crossSection = [Double](repeating: 0, count: CrossSection.allCases.count)
    }

    public subscript(_ column: CrossSection) -> Double { crossSection[column.rawValue] }

    /// Add one household's year 0 to the cross-section (every household, before the cohort is selected).
    @inline(__always)
    public mutating func recordYearZero(household: Household, year: HouseholdYear) {
        let size = Double(household.size)
        let netIncome = year.income * size
        let dibaoPeople = household.flags.contains(.onDibao) ? size : 0
        crossSection.withUnsafeMutableBufferPointer { c in
            c[CrossSection.households.rawValue] += 1
            c[CrossSection.netIncomeSum.rawValue] += netIncome
            c[CrossSection.netIncomeSquares.rawValue] += netIncome * netIncome
            if netIncome > 0 {
                let wageShare = min(1, max(0, year.wages) / netIncome)
                c[CrossSection.positiveIncomeHouseholds.rawValue] += 1
                c[CrossSection.wageShareSum.rawValue] += wageShare
                c[CrossSection.wageShareSquares.rawValue] += wageShare * wageShare
            }
            c[CrossSection.dibaoPeopleSum.rawValue] += dibaoPeople
            c[CrossSection.dibaoPeopleSquares.rawValue] += dibaoPeople * dibaoPeople
        }
    }

    @inline(__always)
    public subscript(_ column: Column, year year: Int) -> Double {
        get { values[year * Tally.columnsPerYear + column.rawValue] }
        set { values[year * Tally.columnsPerYear + column.rawValue] = newValue }
    }

    public func entries(_ cause: EntryCause, year: Int) -> Double {
        values[year * Tally.columnsPerYear + Column.entriesBase.rawValue + cause.rawValue]
    }

    public func totalEntries(year: Int) -> Double {
        EntryCause.allCases.reduce(0) { $0 + entries($1, year: year) }
    }

    public func entries(of type: HouseholdType, year: Int) -> Double {
        values[year * Tally.columnsPerYear + Tally.entriesByTypeBase + type.rawValue]
    }

    /// Cohort households of `type` re-poor in at least one year of the horizon; kept for the final year T only.
    public func everRePoor(of type: HouseholdType, year: Int) -> Double {
        values[year * Tally.columnsPerYear + Tally.everRePoorByTypeBase + type.rawValue]
    }

    /// Add a household that joined the cohort in year 0.
    public mutating func recordCohortMember(_ household: Household) {
        cohortHouseholds += 1
        cohortPeople += Double(household.sizeAtSelection)
        var types = HouseholdType.membership(of: household)
        while types != 0 {
            cohortByType[types.trailingZeroBitCount] += 1
            types &= types - 1
        }
    }

    /// Add one household-year of the horizon (the household is in the cohort and `year.year` ≥ 1).
    @inline(__always)
    public mutating func record(_ outcome: YearOutcome, household: Household, year: HouseholdYear, povertyLine: Double) {
        let base = year.year * Tally.columnsPerYear
        let finalYear = year.year == years
        values.withUnsafeMutableBufferPointer { v in
            if !outcome.wasPoor { v[base + Column.atRisk.rawValue] += 1 }
            if outcome.poor {
                v[base + Column.poor.rawValue] += 1
                v[base + Column.gapSum.rawValue] += povertyLine - year.income
            }
            if outcome.exit {
                v[base + Column.exits.rawValue] += 1
                v[base + Column.spellsEnded.rawValue] += 1
                v[base + Column.spellYearsEnded.rawValue] += Double(outcome.endedSpellYears)
                if outcome.endedSpellYears == 1 { v[base + Column.spellsEndedAfterOneYear.rawValue] += 1 }
            }
            if finalYear && household.spellYears > 0 {
                v[base + Column.spellsCensored.rawValue] += 1
                v[base + Column.spellYearsCensored.rawValue] += Double(household.spellYears)
            }
            if let cause = outcome.entry {
                v[base + Column.entriesBase.rawValue + cause.rawValue] += 1
                var types = HouseholdType.membership(of: household)
                while types != 0 {
                    v[base + Tally.entriesByTypeBase + types.trailingZeroBitCount] += 1
                    types &= types - 1
                }
            }
            if household.flags.contains(.everRePoor) {
                v[base + Column.everRePoor.rawValue] += 1
                v[base + Column.everRePoorPeople.rawValue] += Double(household.sizeAtSelection)
                // By type only at the end of the horizon: the one year the metrics read.
                if finalYear {
                    var types = HouseholdType.membership(of: household)
                    while types != 0 {
                        v[base + Tally.everRePoorByTypeBase + types.trailingZeroBitCount] += 1
                        types &= types - 1
                    }
                }
            }
            if household.history.contains(.leftAgainAfterRePoverty) { v[base + Column.leftAgain.rawValue] += 1 }
            v[base + Column.dibaoCost.rawValue] += year.dibaoBenefit
            v[base + Column.trainingCost.rawValue] += year.trainingCost
            v[base + Column.medicalInsurancePremiums.rawValue] += year.medicalInsurancePremium
            v[base + Column.agriculturalInsurancePremiums.rawValue] += year.agriculturalInsurancePremium
            v[base + Column.medicalInsurancePayouts.rawValue] += year.medicalInsurancePayout
            v[base + Column.agriculturalInsurancePayouts.rawValue] += year.agriculturalInsurancePayout
            v[base + Column.trainees.rawValue] += Double(year.trainees)
            v[base + Column.certifiedTrainees.rawValue] += Double(year.certifiedTrainees)
            if household.monitoring.onList { v[base + Column.monitored.rawValue] += 1 }
            if year.monitoringEntry { v[base + Column.monitoringEntries.rawValue] += 1 }
            if year.identifiedRePoor { v[base + Column.identifiedRePoor.rawValue] += 1 }
            if household.monitoring.everIdentifiedRePoor { v[base + Column.everIdentifiedRePoor.rawValue] += 1 }
            v[base + Column.monitoringTransfers.rawValue] += year.monitoringTransfer
        }
    }

    /// Add another tally's counts and sums to this one.
    public mutating func merge(_ other: Tally) {
        precondition(other.years == years, "tallies of different horizons")
        cohortHouseholds += other.cohortHouseholds
        cohortPeople += other.cohortPeople
        for index in cohortByType.indices { cohortByType[index] += other.cohortByType[index] }
        for index in values.indices { values[index] += other.values[index] }
        for index in crossSection.indices { crossSection[index] += other.crossSection[index] }
    }
}
