import Randomness

/// Vocational training of general labourers (MODEL.md §4 step 3; `000` §4.5).
///
/// Each general labourer is offered training with a yearly coverage, higher if the household was below the monitoring
/// line last year; accepts with probability equal to the household's motivation; is certified with a probability and
/// becomes skilled at the end of the year (step 12). A migrant among the certified stays away, now as a skilled migrant,
/// with probability `certifiedMigrantsStayAway` (default 1, "stays away"), else comes home as a skilled labourer at home
/// (MODEL.md §7, "Certified migrants"). Each accepted trainee costs the state.
public struct Training: YearPhase {
    public static var purpose: StreamPurpose { .training }
    public var parameters: TrainingParameters

    public init(_ parameters: TrainingParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.interventions.training) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        // Below the monitoring line last year, or on the monitoring list: priority for training (MODEL.md §7).
        let monitored = year.year > 0
            && (household.flags.contains(.belowMonitoringLastYear) || household.monitoring.onList)
        let coverage = monitored ? parameters.coverageMonitored : parameters.coverage
        let offered = stream.binomial(Int(household.generalLabour), coverage)
        let accepted = stream.binomial(offered, Double(household.motivation))
        year.trainees = accepted
        year.certifiedTrainees = stream.binomial(accepted, parameters.certification)
        year.trainingCost = Double(accepted) * parameters.costPerTrainee
    }

    /// Step 12: the certified become skilled; migrants among them (drawn without replacement) stay away as skilled
    /// migrants with probability `certifiedMigrantsStayAway`, the others come home. At the default 1 nothing more is
    /// drawn, so the draws are those of the contract's reading.
    public func certify(_ household: inout Household, certifiedTrainees certified: Int, stream: RandomStream) {
        guard certified > 0 else { return }
        let general = Int(household.generalLabour), migrants = Int(household.generalMigrants)
        let certifiedMigrants = stream.hypergeometric(marked: migrants, unmarked: general - migrants, draws: certified)
        let stayingAway = parameters.certifiedMigrantsStayAway >= 1
            ? certifiedMigrants : stream.binomial(certifiedMigrants, parameters.certifiedMigrantsStayAway)
        household.generalLabour = count(general - certified)
        household.skilledLabour = count(Int(household.skilledLabour) + certified)
        household.generalMigrants = count(migrants - certifiedMigrants)
        household.skilledMigrants = count(Int(household.skilledMigrants) + stayingAway)
    }
}

/// Step 12 of training: this year's certified trainees become skilled (``Training/certify(_:certifiedTrainees:stream:)``),
/// on their own stream.
public struct TrainingCertification: YearPhase {
    public static var purpose: StreamPurpose { .trainingCertification }
    public let training: Training

    public init(_ parameters: ScenarioParameters) { training = Training(parameters) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        training.certify(&household, certifiedTrainees: year.certifiedTrainees, stream: stream)
    }
}

extension StreamPurpose {
    /// Training offers, acceptances and certification, step 3.
    public static var training: StreamPurpose { 22 }
    /// Step 12: which certified trainees were migrants.
    public static var trainingCertification: StreamPurpose { 23 }
}
