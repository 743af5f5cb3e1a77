import Model

/// A metric's value in each replicate of a run, for one year or the whole horizon.
public struct Metric: Sendable {
    public let name: String
    /// nil for whole-horizon figures.
    public let year: Int?
    /// The figure in each replicate, in replicate order; nil where it is undefined (a poverty gap with nobody poor).
    public let values: [Double?]

    public init(name: String, year: Int?, values: [Double?]) {
        self.name = name
        self.year = year
        self.values = values
    }

    public var estimate: ReplicateEstimate { ReplicateEstimate(values) }

    /// The metric as a row of `summary.csv`: its estimate across replicates.
    public var row: SummaryRow { SummaryRow(metric: name, year: year, estimate: estimate) }
}

/// Every metric of one sub-population of a mixture (MODEL.md §7), by replicate.
public struct SubpopulationMetrics: Sendable {
    public let name: String
    public let metrics: [Metric]

    public init(name: String, metrics: [Metric]) {
        self.name = name
        self.metrics = metrics
    }

    /// Its rows, as `summary.csv` has them for the whole population.
    public var rows: [SummaryRow] { metrics.map(\.row) }
}

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
/// population; money is yuan a year (2020 prices), summed over the cohort. Whole-horizon metrics come first, then the
/// metrics by year. docs/MODEL.md §4 defines each.
public enum Summary {
    /// The interventions whose fiscal cost is reported, as `cost_<name>`, with the tally column that holds it.
    public static let costs: [(name: String, column: Tally.Column)] = [
        ("dibao", .dibaoCost),
        ("training", .trainingCost),
        ("medical_insurance", .medicalInsurancePremiums),
        ("agricultural_insurance", .agriculturalInsurancePremiums),
        ("monitoring", .monitoringTransfers),
    ]

    /// Insurance payouts, reported apart from the premiums that are their fiscal cost (MODEL.md §4 step 11).
    public static let payouts: [(name: String, column: Tally.Column)] = [
        ("medical_insurance", .medicalInsurancePayouts),
        ("agricultural_insurance", .agriculturalInsurancePayouts),
    ]

    /// `entries_<cause>` for every cause of MODEL.md §4 step 10, in tie-break order.
    public static let causeMetrics = EntryCause.allCases.map { "entries_\($0.metricName)" }

    public static func rows(_ result: SimulationResult) -> [SummaryRow] {
        metrics(result).map(\.row)
    }

    public static func metrics(_ result: SimulationResult) -> [Metric] {
        metrics(result.replicates, years: result.parameters.run.years)
    }

    /// Every metric of each sub-population of a mixture (MODEL.md §7), in list order: the same computation over its
    /// own tallies, so its rows are those of `summary.csv` for its households alone.
    public static func subpopulationMetrics(_ result: SimulationResult) -> [SubpopulationMetrics] {
        result.subpopulations.map {
            SubpopulationMetrics(name: $0.name, metrics: metrics($0.replicates, years: result.parameters.run.years))
        }
    }

    /// The metrics of tallies by replicate over a horizon of `years` years.
    public static func metrics(_ tallies: [Tally], years: Int) -> [Metric] {
        var metrics: [Metric] = []
        func add(_ name: String, year: Int? = nil, _ value: (Tally) -> Double?) {
            metrics.append(Metric(name: name, year: year, values: tallies.map(value)))
        }
        let horizon = 1...years
        func sum(_ t: Tally, _ column: Tally.Column) -> Double { horizon.reduce(0) { $0 + t[column, year: $1] } }
        func entries(_ t: Tally) -> Double { horizon.reduce(0) { $0 + t.totalEntries(year: $1) } }

        add("cohort_households") { $0.cohortHouseholds }
        add("cohort_people") { $0.cohortPeople }
        add("cumulative_repoverty_rate") { share($0[.everRePoor, year: years], of: $0.cohortHouseholds) }
        add("cumulative_repoverty_rate_people") { share($0[.everRePoorPeople, year: years], of: $0.cohortPeople) }
        add("survival") { share($0.cohortHouseholds - $0[.everRePoor, year: years], of: $0.cohortHouseholds) }
        add("annual_repoverty_rate") { share(entries($0), of: sum($0, .atRisk)) }
        add("incidence") { share(sum($0, .poor), of: $0.cohortHouseholds * Double(years)) }
        add("poverty_gap") { share(sum($0, .gapSum), of: sum($0, .poor)) }
        add("exits") { sum($0, .exits) }
        add("repoor_left_again_share") { share($0[.leftAgain, year: years], of: $0[.everRePoor, year: years]) }
        add("spell_length_mean") {
            share(
                sum($0, .spellYearsEnded) + $0[.spellYearsCensored, year: years],
                of: sum($0, .spellsEnded) + $0[.spellsCensored, year: years])
        }
        add("spell_share_one_year") { t in
            share(sum(t, .spellsEndedAfterOneYear), of: (1..<years).reduce(0) { $0 + t.totalEntries(year: $1) })
        }
        add("entries_total") { entries($0) }
        for cause in EntryCause.allCases {
            add("entries_\(cause.metricName)") { t in horizon.reduce(0) { $0 + t.entries(cause, year: $1) } }
        }
        for type in HouseholdType.allCases {
            add("cohort_type_\(type.metricName)") { $0.cohortByType[type.rawValue] }
            add("entries_type_\(type.metricName)") { t in horizon.reduce(0) { $0 + t.entries(of: type, year: $1) } }
            add("cumulative_repoverty_rate_type_\(type.metricName)") {
                share($0.everRePoor(of: type, year: years), of: $0.cohortByType[type.rawValue])
            }
        }
        for cost in costs { add("cost_\(cost.name)") { sum($0, cost.column) } }
        add("cost_total") { t in costs.reduce(0) { $0 + sum(t, $1.column) } }
        for payout in payouts { add("payout_\(payout.name)") { sum($0, payout.column) } }
        add("trainees") { sum($0, .trainees) }
        add("trainees_certified") { sum($0, .certifiedTrainees) }
        // The monitoring mechanism (MODEL.md §7), beside the income-based rates: the list's mean share over the years,
        // entries to it, identified re-poverty (a yearly share, pooled like incidence) and its cumulative rate.
        add("monitored_share") { share(sum($0, .monitored), of: $0.cohortHouseholds * Double(years)) }
        add("monitoring_entries") { sum($0, .monitoringEntries) }
        add("identified_repoverty") { share(sum($0, .identifiedRePoor), of: $0.cohortHouseholds * Double(years)) }
        add("cumulative_identified_repoverty_rate") {
            share($0[.everIdentifiedRePoor, year: years], of: $0.cohortHouseholds)
        }

        // The year-0 cross-section of all households (not only the cohort), as a survey of the profile measures it:
        // the figures a profile is fitted to (`002` Tables 1 and 3; docs/MODEL.md §4).
        func spread(_ t: Tally, _ sum: Tally.CrossSection, _ squares: Tally.CrossSection, over n: Double) -> Double? {
            guard n > 1 else { return nil }
            let mean = t[sum] / n
            return max(0, (t[squares] - n * mean * mean) / (n - 1)).squareRoot()
        }
        add("household_net_income_mean", year: 0) { share($0[.netIncomeSum], of: $0[.households]) }
        add("household_net_income_sd", year: 0) { spread($0, .netIncomeSum, .netIncomeSquares, over: $0[.households]) }
        add("wage_share_mean", year: 0) { share($0[.wageShareSum], of: $0[.positiveIncomeHouseholds]) }
        add("wage_share_sd", year: 0) {
            spread($0, .wageShareSum, .wageShareSquares, over: $0[.positiveIncomeHouseholds])
        }
        add("dibao_people_mean", year: 0) { share($0[.dibaoPeopleSum], of: $0[.households]) }
        add("dibao_people_sd", year: 0) { spread($0, .dibaoPeopleSum, .dibaoPeopleSquares, over: $0[.households]) }

        for year in horizon {
            add("incidence", year: year) { share($0[.poor, year: year], of: $0.cohortHouseholds) }
            add("annual_repoverty_rate", year: year) { share($0.totalEntries(year: year), of: $0[.atRisk, year: year]) }
            add("cumulative_repoverty_rate", year: year) { share($0[.everRePoor, year: year], of: $0.cohortHouseholds) }
            add("cumulative_repoverty_rate_people", year: year) {
                share($0[.everRePoorPeople, year: year], of: $0.cohortPeople)
            }
            add("survival", year: year) { share($0.cohortHouseholds - $0[.everRePoor, year: year], of: $0.cohortHouseholds) }
            add("poverty_gap", year: year) { share($0[.gapSum, year: year], of: $0[.poor, year: year]) }
            add("exits", year: year) { $0[.exits, year: year] }
            add("repoor_left_again_share", year: year) {
                share($0[.leftAgain, year: year], of: $0[.everRePoor, year: year])
            }
            add("entries_total", year: year) { $0.totalEntries(year: year) }
            for cause in EntryCause.allCases {
                add("entries_\(cause.metricName)", year: year) { $0.entries(cause, year: year) }
            }
            for cost in costs { add("cost_\(cost.name)", year: year) { $0[cost.column, year: year] } }
            add("cost_total", year: year) { t in costs.reduce(0) { $0 + t[$1.column, year: year] } }
            for payout in payouts { add("payout_\(payout.name)", year: year) { $0[payout.column, year: year] } }
            add("monitored_share", year: year) { share($0[.monitored, year: year], of: $0.cohortHouseholds) }
            add("monitoring_entries", year: year) { $0[.monitoringEntries, year: year] }
            add("identified_repoverty", year: year) { share($0[.identifiedRePoor, year: year], of: $0.cohortHouseholds) }
            add("cumulative_identified_repoverty_rate", year: year) {
                share($0[.everIdentifiedRePoor, year: year], of: $0.cohortHouseholds)
            }
        }
        return withCostsPerHouseholdYear(metrics, years: years)
    }

    /// The suffix of a cost per cohort household per year.
    public static let perHouseholdYearSuffix = "_per_household_year"

    /// `<cost>_per_household_year` for every whole-horizon `cost_*` metric, after the other whole-horizon metrics:
    /// the cost over the horizon divided by the cohort's households and the years, replicate by replicate (issue 17: a
    /// figure a planner can compare across county sizes and horizons, and with a household's income).
    static func withCostsPerHouseholdYear(_ metrics: [Metric], years: Int) -> [Metric] {
        guard let cohort = metrics.first(where: { $0.name == "cohort_households" && $0.year == nil }) else { return metrics }
        let perHouseholdYear = metrics.filter { $0.year == nil && $0.name.hasPrefix("cost_") }.map { cost in
            Metric(
                name: cost.name + perHouseholdYearSuffix, year: nil,
                values: zip(cost.values, cohort.values).map { total, households in
                    total.flatMap { total in households.flatMap { share(total, of: $0 * Double(years)) } }
                })
        }
        let firstByYear = metrics.firstIndex { $0.year != nil } ?? metrics.count
        return Array(metrics[..<firstByYear]) + perHouseholdYear + Array(metrics[firstByYear...])
    }

    /// numerator / denominator, or nil when the denominator is 0 (the figure is undefined in that replicate).
    static func share(_ numerator: Double, of denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }
}
