import Randomness

/// Schooling, retirement, disability, deaths and chronic illness (MODEL.md §4 step 2).
///
/// Every transition is drawn from the counts at the start of the year, then all are applied, so the order of the
/// draws never moves a member twice. A labourer who retires or becomes disabled takes any migrant status with them.
/// No births: the horizon is five years and newborns neither earn nor cost much in it.
public struct Demography: YearPhase {
    public static var purpose: StreamPurpose { .demography }
    public var parameters: DemographyParameters

    public init(_ parameters: DemographyParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.demography) }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        let p = parameters
        let graduates = stream.binomial(Int(household.highSchool), p.highSchoolGraduation)
        let toUniversity = stream.binomial(graduates, p.universityEntryOfGraduates)
        let universityGraduates = stream.binomial(Int(household.university), p.universityGraduation)
        let toHighSchool = stream.binomial(Int(household.children), p.childToHighSchool)
        let general = leavers(Int(household.generalLabour), migrants: Int(household.generalMigrants), stream)
        let skilled = leavers(Int(household.skilledLabour), migrants: Int(household.skilledMigrants), stream)
        let weak = leavers(Int(household.weakLabour), migrants: 0, stream)
        let sizeBefore = household.size
        let deaths = min(stream.binomial(Int(household.elderly), p.elderlyMortality), sizeBefore - 1)
        let newChronic = stream.binomial(sizeBefore - Int(household.chronicIll), p.chronicOnset)

        household.highSchool = count(Int(household.highSchool) - graduates + toHighSchool)
        household.university = count(Int(household.university) - universityGraduates + toUniversity)
        household.children = count(Int(household.children) - toHighSchool)
        household.generalLabour = count(Int(household.generalLabour) - general.retired - general.disabled
            + graduates - toUniversity)
        household.skilledLabour = count(Int(household.skilledLabour) - skilled.retired - skilled.disabled
            + universityGraduates)
        household.weakLabour = count(Int(household.weakLabour) - weak.retired - weak.disabled)
        household.generalMigrants = count(Int(household.generalMigrants) - general.migrants)
        household.skilledMigrants = count(Int(household.skilledMigrants) - skilled.migrants)
        household.elderly = count(Int(household.elderly) - max(0, deaths) + general.retired + skilled.retired + weak.retired)
        household.disabled = count(Int(household.disabled) + general.disabled + skilled.disabled + weak.disabled)
        household.chronicIll = count(min(Int(household.chronicIll) + newChronic, household.size))
    }

    /// Members of one labour role who retire, then of the rest who become disabled, and how many of the leavers were
    /// migrants (drawn without replacement).
    private func leavers(_ members: Int, migrants: Int, _ stream: RandomStream)
        -> (retired: Int, disabled: Int, migrants: Int)
    {
        let retired = stream.binomial(members, parameters.retirement)
        let disabled = stream.binomial(members - retired, parameters.disablement)
        let leavingMigrants = stream.hypergeometric(marked: migrants, unmarked: members - migrants, draws: retired + disabled)
        return (retired, disabled, leavingMigrants)
    }
}

/// A member count stored in a household (never negative, never above 255).
@inline(__always)
func count(_ value: Int) -> UInt8 { UInt8(clamping: value) }

extension StreamPurpose {
    /// The demographic transitions of step 2.
    public static var demography: StreamPurpose { 10 }
}
