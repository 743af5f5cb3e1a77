import Randomness

/// Living costs after relocation into town (MODEL.md §4 step 7; `000` case 5, `004` §6.1).
///
/// Heating, water, power, property fees and bought vegetables cost a sum per person that fades by a factor for every
/// year since the move. (Relocated households' halved crops are in ``Farming``; who is relocated is drawn at year 0
/// by the population synthesis.)
public struct Relocation: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }
    public var parameters: RelocationParameters

    public init(_ parameters: RelocationParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.shocks.relocation) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard household.flags.contains(.relocated) else { return }
        year.relocationCosts = parameters.livingCostPerPerson * Double(household.size)
            * power(parameters.yearlyDecay, Int(household.yearsSinceRelocation))
    }
}
