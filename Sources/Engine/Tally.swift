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
        case dibaoCost
        case trainingCost
        case medicalInsurancePremiums
        case agriculturalInsurancePremiums
        case medicalInsurancePayouts
        case agriculturalInsurancePayouts
        case trainees
        case certifiedTrainees
        /// Entries by cause: `entriesBase + cause.rawValue`.
        case entriesBase
    }

    public static let columnsPerYear = Column.entriesBase.rawValue + EntryCause.allCases.count

    public let years: Int
    public var cohortHouseholds = 0.0
    public var cohortPeople = 0.0
    /// values[year * columnsPerYear + column], years 0…T (year 0 stays empty).
    public private(set) var values: [Double]

    public init(years: Int) {
        self.years = years
        values = [Double](repeating: 0, count: (years + 1) * Tally.columnsPerYear)
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

    /// Add one household-year of the horizon (the household is in the cohort and `year.year` ≥ 1).
    @inline(__always)
    public mutating func record(_ outcome: YearOutcome, household: Household, year: HouseholdYear, povertyLine: Double) {
        let base = year.year * Tally.columnsPerYear
        values.withUnsafeMutableBufferPointer { v in
            if !outcome.wasPoor { v[base + Column.atRisk.rawValue] += 1 }
            if outcome.poor {
                v[base + Column.poor.rawValue] += 1
                v[base + Column.gapSum.rawValue] += povertyLine - year.income
            }
            if outcome.exit { v[base + Column.exits.rawValue] += 1 }
            if let cause = outcome.entry { v[base + Column.entriesBase.rawValue + cause.rawValue] += 1 }
            if household.flags.contains(.everRePoor) {
                v[base + Column.everRePoor.rawValue] += 1
                v[base + Column.everRePoorPeople.rawValue] += Double(household.sizeAtSelection)
            }
            v[base + Column.dibaoCost.rawValue] += year.dibaoBenefit
            v[base + Column.trainingCost.rawValue] += year.trainingCost
            v[base + Column.medicalInsurancePremiums.rawValue] += year.medicalInsurancePremium
            v[base + Column.agriculturalInsurancePremiums.rawValue] += year.agriculturalInsurancePremium
            v[base + Column.medicalInsurancePayouts.rawValue] += year.medicalInsurancePayout
            v[base + Column.agriculturalInsurancePayouts.rawValue] += year.agriculturalInsurancePayout
            v[base + Column.trainees.rawValue] += Double(year.trainees)
            v[base + Column.certifiedTrainees.rawValue] += Double(year.certifiedTrainees)
        }
    }

    /// Add another tally's counts and sums to this one.
    public mutating func merge(_ other: Tally) {
        precondition(other.years == years, "tallies of different horizons")
        cohortHouseholds += other.cohortHouseholds
        cohortPeople += other.cohortPeople
        for index in values.indices { values[index] += other.values[index] }
    }
}
