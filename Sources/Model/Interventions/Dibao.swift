import Randomness

/// The minimum living guarantee, dibao (MODEL.md §4 step 3; `000` §4, `001`).
///
/// on_t = (on_{t−1} and U < retention) or (U' < 1 − exclusion error if a_{t−1} < s, else U' < inclusion error).
/// Benefit = size × (s − max(0, a_{t−1}))⁺. The decision reads last year's assessment, so this year's shocks are
/// covered only next year. In year 0 it runs after the year's own assessment instead (``YearPhases``), with the
/// profile's dibao flag as on₋₁. Both uniforms are drawn whatever the household's state, on the dibao stream only.
public struct Dibao: YearPhase {
    public static var purpose: StreamPurpose { .dibao }
    public var parameters: DibaoParameters
    /// The exclusion error of the review for a household on the monitoring list (priority for dibao review, MODEL.md
    /// §7); the ordinary one when the mechanism is off (nobody is on the list then anyway).
    public var listedExclusionError: Double

    public init(_ parameters: DibaoParameters, listedExclusionError: Double? = nil) {
        self.parameters = parameters
        self.listedExclusionError = listedExclusionError ?? parameters.exclusionError
    }

    public init(_ parameters: ScenarioParameters) {
        let monitoring = parameters.interventions.monitoring
        self.init(parameters.interventions.dibao,
                  listedExclusionError: monitoring.mechanism == .on ? monitoring.dibaoExclusionError : nil)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        let assessed = Double(household.assessedIncome)
        let retained = stream.bernoulli(parameters.retention)
        let eligible = assessed < parameters.standard
        let exclusionError = household.monitoring.onList ? listedExclusionError : parameters.exclusionError
        let admitted = stream.bernoulli(eligible ? 1 - exclusionError : parameters.inclusionError)
        let onDibao = (household.flags.contains(.onDibao) && retained) || admitted
        if onDibao {
            household.flags.insert(.onDibao)
            year.dibaoBenefit = Double(household.size) * max(0, parameters.standard - max(0, assessed))
        } else {
            household.flags.remove(.onDibao)
            year.dibaoBenefit = 0
        }
    }
}

extension StreamPurpose {
    /// The dibao decision, step 3 (step 8 in year 0).
    public static var dibao: StreamPurpose { 20 }
}
