import Model

/// One row of `summary.csv`: a metric, for one year or the whole horizon, across replicates.
public struct SummaryRow: Equatable, Sendable {
    public let metric: String
    /// nil for whole-horizon figures.
    public let year: Int?
    public let estimate: ReplicateEstimate

    public init(metric: String, year: Int?, estimate: ReplicateEstimate) {
        self.metric = metric
        self.year = year
        self.estimate = estimate
    }
}

/// The metrics of MODEL.md §5 from a run's tallies, in a fixed order.
///
/// Rates are shares of the cohort (households not poor in year 0); counts are households of the simulated
/// population; money is yuan a year (2020 prices), summed over the cohort. Whole-horizon rows come first, then the
/// same metrics by year.
public enum Summary {
    /// The interventions whose fiscal cost is reported, as `cost_<name>`, with the tally column that holds it.
    public static let costs: [(name: String, column: Tally.Column)] = [
        ("dibao", .dibaoCost),
        ("training", .trainingCost),
        ("medical_insurance", .medicalInsurancePremiums),
        ("agricultural_insurance", .agriculturalInsurancePremiums),
    ]

    /// Insurance payouts, reported apart from the premiums that are their fiscal cost (MODEL.md §4 step 11).
    public static let payouts: [(name: String, column: Tally.Column)] = [
        ("medical_insurance", .medicalInsurancePayouts),
        ("agricultural_insurance", .agriculturalInsurancePayouts),
    ]

    public static func rows(_ result: SimulationResult) -> [SummaryRow] {
        let tallies = result.replicates
        let years = result.parameters.run.years
        var rows: [SummaryRow] = []
        func add(_ metric: String, year: Int? = nil, _ value: (Tally) -> Double?) {
            rows.append(SummaryRow(metric: metric, year: year, estimate: ReplicateEstimate(tallies.map(value))))
        }
        let horizon = 1...years

        add("cohort_households") { $0.cohortHouseholds }
        add("cohort_people") { $0.cohortPeople }
        add("cumulative_repoverty_rate") { share($0[.everRePoor, year: years], of: $0.cohortHouseholds) }
        add("cumulative_repoverty_rate_people") { share($0[.everRePoorPeople, year: years], of: $0.cohortPeople) }
        add("annual_repoverty_rate") { t in
            share(horizon.reduce(0) { $0 + t.totalEntries(year: $1) }, of: horizon.reduce(0) { $0 + t[.atRisk, year: $1] })
        }
        add("incidence") { t in share(horizon.reduce(0) { $0 + t[.poor, year: $1] }, of: t.cohortHouseholds * Double(years)) }
        add("poverty_gap") { t in
            share(horizon.reduce(0) { $0 + t[.gapSum, year: $1] }, of: horizon.reduce(0) { $0 + t[.poor, year: $1] })
        }
        add("exits") { t in horizon.reduce(0) { $0 + t[.exits, year: $1] } }
        add("entries_total") { t in horizon.reduce(0) { $0 + t.totalEntries(year: $1) } }
        for cause in EntryCause.allCases {
            add("entries_\(cause.metricName)") { t in horizon.reduce(0) { $0 + t.entries(cause, year: $1) } }
        }
        for cost in costs {
            add("cost_\(cost.name)") { t in horizon.reduce(0) { $0 + t[cost.column, year: $1] } }
        }
        add("cost_total") { t in horizon.reduce(0) { total, year in total + costs.reduce(0) { $0 + t[$1.column, year: year] } } }
        for payout in payouts {
            add("payout_\(payout.name)") { t in horizon.reduce(0) { $0 + t[payout.column, year: $1] } }
        }
        add("trainees") { t in horizon.reduce(0) { $0 + t[.trainees, year: $1] } }
        add("trainees_certified") { t in horizon.reduce(0) { $0 + t[.certifiedTrainees, year: $1] } }

        for year in horizon {
            add("incidence", year: year) { share($0[.poor, year: year], of: $0.cohortHouseholds) }
            add("annual_repoverty_rate", year: year) { share($0.totalEntries(year: year), of: $0[.atRisk, year: year]) }
            add("cumulative_repoverty_rate", year: year) { share($0[.everRePoor, year: year], of: $0.cohortHouseholds) }
            add("cumulative_repoverty_rate_people", year: year) {
                share($0[.everRePoorPeople, year: year], of: $0.cohortPeople)
            }
            add("poverty_gap", year: year) { share($0[.gapSum, year: year], of: $0[.poor, year: year]) }
            add("exits", year: year) { $0[.exits, year: year] }
            add("entries_total", year: year) { $0.totalEntries(year: year) }
            for cause in EntryCause.allCases {
                add("entries_\(cause.metricName)", year: year) { $0.entries(cause, year: year) }
            }
            for cost in costs { add("cost_\(cost.name)", year: year) { $0[cost.column, year: year] } }
            add("cost_total", year: year) { t in costs.reduce(0) { $0 + t[$1.column, year: year] } }
            for payout in payouts { add("payout_\(payout.name)", year: year) { $0[payout.column, year: year] } }
        }
        return rows
    }

    /// numerator / denominator, or nil when the denominator is 0 (the figure is undefined in that replicate).
    static func share(_ numerator: Double, of denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }
}
