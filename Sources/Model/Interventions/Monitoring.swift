import Randomness

/// The monitoring and assistance mechanism (MODEL.md §7; `000` §4: household self-application, village screening,
/// comparison of department data; assistance for those found; removal once stable).
///
/// Runs from year 1 on cohort households, after the assessment and this year's dibao (step 8), before borrowing and
/// the poverty status, so its transfer counts in y. The household's *assessed income with dibao* â = a_t + dibao / size
/// is what the village sees; the mechanism never reads the true y. In order:
/// 1. A household on the list (found in an earlier year) receives the temporary transfer
///    size × `transferShare` × (monitoring line − max(0, â))⁺, added to y; it is identified re-poor if â < z.
///    If â ≥ the monitoring line its stable years grow by one, else they restart at 0; after `stableYears` of them it
///    leaves the list.
/// 2. A household not on the list at the start of this step is eligible if â is below the monitoring line, or its
///    medical costs (out-of-pocket after insurance plus non-medical costs) or its disaster loss (flood and epizootic)
///    exceed their thresholds; an eligible household is found with probability `detection` (one draw, on its own
///    stream), counted as an entry, and is on the list from the next year (and at the end of this one); found with
///    â < z, it is identified re-poor this year.
/// Priority for training and dibao review are read by ``Training`` and ``Dibao`` from ``MonitoringStatus/onList``.
/// With `mechanism: off` nothing is drawn or changed, so the reference model is exactly reproduced.
public struct Monitoring: YearPhase {
    public static var purpose: StreamPurpose { .monitoring }
    public var parameters: MonitoringParameters
    public let povertyLine: Double
    public let monitoringLine: Double

    public init(_ parameters: MonitoringParameters, economy: EconomyParameters) {
        self.parameters = parameters
        povertyLine = economy.povertyLine
        monitoringLine = economy.monitoringLine
    }

    public init(_ parameters: ScenarioParameters) {
        self.init(parameters.interventions.monitoring, economy: parameters.economy)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard parameters.mechanism == .on, household.flags.contains(.inCohort) else { return }
        let size = Double(max(1, household.size))
        let assessed = Double(household.assessedIncome) + year.dibaoBenefit / size
        let belowLine = assessed < monitoringLine
        if household.monitoring.onList {
            let transfer = size * parameters.transferShare * max(0, monitoringLine - max(0, assessed))
            year.monitoringTransfer = transfer
            year.income += transfer / size
            year.identifiedRePoor = assessed < povertyLine
            household.monitoring.stableYears = belowLine ? 0 : household.monitoring.stableYears + 1
            if household.monitoring.stableYears >= parameters.stableYears {
                household.monitoring.onList = false
                household.monitoring.stableYears = 0
            }
        } else {
            let medicalCosts = year.medicalOutOfPocket + year.nonMedicalCosts
            let disasterLoss = year.floodLoss + year.epizooticLoss
            let eligible = belowLine || medicalCosts > parameters.medicalCostThreshold
                || disasterLoss > parameters.disasterLossThreshold
            if eligible && stream.bernoulli(parameters.detection) {
                household.monitoring.onList = true
                household.monitoring.everOnList = true
                household.monitoring.stableYears = 0
                year.monitoringEntry = true
                year.identifiedRePoor = assessed < povertyLine
            }
        }
        if year.identifiedRePoor { household.monitoring.everIdentifiedRePoor = true }
    }
}

extension StreamPurpose {
    /// The monitoring mechanism's detection draw, after the assessment (MODEL.md §7).
    public static var monitoring: StreamPurpose { 17 }
}
