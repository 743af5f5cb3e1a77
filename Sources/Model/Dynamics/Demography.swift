import Randomness

/// Schooling, retirement, disability, deaths and chronic illness (MODEL.md §4 step 2).
///
/// Every transition is drawn from the counts at the start of the year, then all are applied, so the order of the
/// draws never moves a member twice. A labourer who retires or becomes disabled takes any migrant status with them.
/// No births: the horizon is five years and newborns neither earn nor cost much in it.
///
/// The transitions are eight independent groups of events (graduation, university graduation, entry to high school,
/// the three labour roles' retirement and disablement, deaths, chronic onset), and in most household-years none of
/// them happens. So the phase draws one uniform against the probability that nothing happens, the product of the
/// groups' zero probabilities (tabulated once by count), and only in the other case draws the groups conditional on
/// at least one event (``applyConditional``): exactly the distribution of drawing every binomial
/// (``applyDirect(to:year:stream:)``, which the tests keep and compare with it), with one GSL call instead of about
/// ten in a typical year (issue 14).
public struct Demography: YearPhase {
    public static var purpose: StreamPurpose { .demography }
    public let parameters: DemographyParameters
    /// Zero probabilities and conditional tables, owned here; the household loop reads them through ``fast``, so
    /// running the phase retains nothing.
    private let tables: DemographyTables
    private let fast: Unmanaged<DemographyTables>

    public init(_ parameters: DemographyParameters) {
        self.parameters = parameters
        tables = DemographyTables(parameters)
        fast = Unmanaged.passUnretained(tables)
    }

    public init(_ parameters: ScenarioParameters) { self.init(parameters.demography) }

    /// The phase at `phase` (read in place, never copied) on one household-year.
    @inline(__always)
    public static func run(
        at phase: UnsafePointer<Self>, _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey,
        stream: RandomStream
    ) {
        key.restart(stream, for: purpose)
        let parameters = phase.pointee.parameters
        phase.pointee.fast._withUnsafeGuaranteedRef {
            apply(to: &household, parameters: parameters, tables: $0, stream: stream)
        }
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        Self.apply(to: &household, parameters: parameters, tables: tables, stream: stream)
    }

    /// Every transition drawn by its own binomial: the definition the fast path is tested against.
    public func applyDirect(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        let p = parameters
        let graduates = stream.binomial(Int(household.highSchool), p.highSchoolGraduation)
        let toUniversity = stream.binomial(graduates, p.universityEntryOfGraduates)
        let universityGraduates = stream.binomial(Int(household.university), p.universityGraduation)
        let toHighSchool = stream.binomial(Int(household.children), p.childToHighSchool)
        let general = Self.leavers(Int(household.generalLabour), migrants: Int(household.generalMigrants), p, stream)
        let skilled = Self.leavers(Int(household.skilledLabour), migrants: Int(household.skilledMigrants), p, stream)
        let weak = Self.leavers(Int(household.weakLabour), migrants: 0, p, stream)
        let deaths = stream.binomial(Int(household.elderly), p.elderlyMortality)
        let newChronic = stream.binomial(household.size - Int(household.chronicIll), p.chronicOnset)
        Self.update(
            &household,
            Transitions(
                graduates: graduates, toUniversity: toUniversity, universityGraduates: universityGraduates,
                toHighSchool: toHighSchool, general: general, skilled: skilled, weak: weak, deaths: deaths,
                newChronic: newChronic))
    }

    @inline(__always)
    private static func apply(
        to household: inout Household, parameters: DemographyParameters, tables: DemographyTables, stream: RandomStream
    ) {
        let counts = GroupCounts(household)
        var nothing = 1.0
        for group in 0..<GroupCounts.count { nothing *= tables.zeroProbability(group, counts[group]) }
        // Nothing can happen (no one at risk, or every rate 0): no draw at all, as the direct path would make none.
        if nothing >= 1 { return }
        if stream.uniform() < nothing { return }
        applyConditional(to: &household, counts: counts, parameters: parameters, tables: tables, stream: stream)
    }

    /// The groups drawn given that at least one event happens: group i is the first with an event with probability
    /// (1 − q_i) / (1 − Q_i), Q_i the product of the zero probabilities of groups i…7; its count is then drawn from
    /// its law given at least one event (a GSL discrete table), and the later groups from their own laws.
    @inline(never)
    private static func applyConditional(
        to household: inout Household, counts: GroupCounts, parameters p: DemographyParameters,
        tables: DemographyTables, stream: RandomStream
    ) {
        // Q_i: the probability that no group from `group` on has an event (eight loads at most; no allocation).
        func noneFrom(_ group: Int) -> Double {
            var product = 1.0
            for later in group..<GroupCounts.count { product *= tables.zeroProbability(later, counts[later]) }
            return product
        }
        var conditioned = true
        // Draws group `group`'s events: (count, second count for a labour role's disablement).
        func draw(_ group: Int) -> (Int, Int) {
            let n = counts[group]
            if conditioned {
                let zero = tables.zeroProbability(group, n)
                if zero >= 1 { return (0, 0) }
                let atLeastOneLeft = 1 - noneFrom(group)
                let first = atLeastOneLeft <= 1 - zero ? 1 : (1 - zero) / atLeastOneLeft
                guard first >= 1 || stream.bernoulli(first) else { return (0, 0) }
                conditioned = false
                return tables.drawGivenAtLeastOne(group, n, stream: stream)
            }
            switch group {
            case GroupCounts.general, GroupCounts.skilled, GroupCounts.weak:
                let retired = stream.binomial(n, p.retirement)
                return (retired, stream.binomial(n - retired, p.disablement))
            default: return (stream.binomial(n, tables.probability(group)), 0)
            }
        }
        let graduates = draw(GroupCounts.highSchool).0
        let toUniversity = stream.binomial(graduates, p.universityEntryOfGraduates)
        let universityGraduates = draw(GroupCounts.university).0
        let toHighSchool = draw(GroupCounts.children).0
        let general = draw(GroupCounts.general)
        let skilled = draw(GroupCounts.skilled)
        let weak = draw(GroupCounts.weak)
        let deaths = draw(GroupCounts.elderly).0
        let newChronic = draw(GroupCounts.notChronic).0
        func leaving(_ role: (Int, Int), members: Int, migrants: Int) -> (retired: Int, disabled: Int, migrants: Int) {
            (role.0, role.1, stream.hypergeometric(marked: migrants, unmarked: members - migrants, draws: role.0 + role.1))
        }
        update(
            &household,
            Transitions(
                graduates: graduates, toUniversity: toUniversity, universityGraduates: universityGraduates,
                toHighSchool: toHighSchool,
                general: leaving(general, members: counts[GroupCounts.general], migrants: Int(household.generalMigrants)),
                skilled: leaving(skilled, members: counts[GroupCounts.skilled], migrants: Int(household.skilledMigrants)),
                weak: (weak.0, weak.1, 0), deaths: deaths, newChronic: newChronic))
    }

    /// Members of one labour role who retire, then of the rest who become disabled, and how many of the leavers were
    /// migrants (drawn without replacement).
    private static func leavers(_ members: Int, migrants: Int, _ p: DemographyParameters, _ stream: RandomStream)
        -> (retired: Int, disabled: Int, migrants: Int)
    {
        let retired = stream.binomial(members, p.retirement)
        let disabled = stream.binomial(members - retired, p.disablement)
        let leavingMigrants = stream.hypergeometric(marked: migrants, unmarked: members - migrants, draws: retired + disabled)
        return (retired, disabled, leavingMigrants)
    }

    /// One year's transitions, drawn from the counts at its start.
    private struct Transitions {
        var graduates, toUniversity, universityGraduates, toHighSchool: Int
        var general, skilled, weak: (retired: Int, disabled: Int, migrants: Int)
        var deaths, newChronic: Int
    }

    private static func update(_ household: inout Household, _ t: Transitions) {
        let sizeBefore = household.size
        let deaths = min(t.deaths, sizeBefore - 1)
        household.highSchool = count(Int(household.highSchool) - t.graduates + t.toHighSchool)
        household.university = count(Int(household.university) - t.universityGraduates + t.toUniversity)
        household.children = count(Int(household.children) - t.toHighSchool)
        household.generalLabour = count(Int(household.generalLabour) - t.general.retired - t.general.disabled
            + t.graduates - t.toUniversity)
        household.skilledLabour = count(Int(household.skilledLabour) - t.skilled.retired - t.skilled.disabled
            + t.universityGraduates)
        household.weakLabour = count(Int(household.weakLabour) - t.weak.retired - t.weak.disabled)
        household.generalMigrants = count(Int(household.generalMigrants) - t.general.migrants)
        household.skilledMigrants = count(Int(household.skilledMigrants) - t.skilled.migrants)
        household.elderly = count(Int(household.elderly) - max(0, deaths) + t.general.retired + t.skilled.retired
            + t.weak.retired)
        household.disabled = count(Int(household.disabled) + t.general.disabled + t.skilled.disabled + t.weak.disabled)
        household.chronicIll = count(min(Int(household.chronicIll) + t.newChronic, household.size))
    }
}

/// The members at risk in each of demography's eight groups of events, at the start of the year.
struct GroupCounts {
    static let count = 8
    static let highSchool = 0, university = 1, children = 2, general = 3, skilled = 4, weak = 5, elderly = 6
    static let notChronic = 7
    private let counts: (Int, Int, Int, Int, Int, Int, Int, Int)

    @inline(__always)
    init(_ household: Household) {
        counts = (
            Int(household.highSchool), Int(household.university), Int(household.children), Int(household.generalLabour),
            Int(household.skilledLabour), Int(household.weakLabour), Int(household.elderly),
            household.size - Int(household.chronicIll)
        )
    }

    @inline(__always)
    subscript(_ group: Int) -> Int {
        switch group {
        case 0: counts.0
        case 1: counts.1
        case 2: counts.2
        case 3: counts.3
        case 4: counts.4
        case 5: counts.5
        case 6: counts.6
        default: counts.7
        }
    }
}

/// Demography's tables, made once per scenario: for each group and each count n ≤ 255 the probability that nothing
/// happens, and for n ≤ ``tabulated`` the group's law given at least one event as a GSL discrete table (above that,
/// rare, the group is redrawn until an event happens, which is the same law).
final class DemographyTables: @unchecked Sendable {
    /// Counts up to this have a conditional table; a household rarely has more members in one role.
    static let tabulated = 16
    private let probabilities: [Double]
    private let retirement: Double
    private let disablement: Double
    /// zero[group * 256 + n].
    private let zero: UnsafeMutablePointer<Double>
    /// conditional[group * (tabulated + 1) + n]: nil for n = 0 or an impossible event.
    private let conditional: [DiscreteDistribution?]
    /// A labour role's table indexes pairs (retired, disabled): outcome k of n members is pairs[n][k].
    private let pairs: [[(Int, Int)]]

    init(_ p: DemographyParameters) {
        retirement = p.retirement
        disablement = p.disablement
        // The probability of each group's single event; labour roles use retirement and disablement instead.
        let probabilities = [
            p.highSchoolGraduation, p.universityGraduation, p.childToHighSchool, 0, 0, 0, p.elderlyMortality,
            p.chronicOnset,
        ]
        self.probabilities = probabilities
        let stayProbability = (1 - p.retirement) * (1 - p.disablement)
        zero = .allocate(capacity: GroupCounts.count * 256)
        for group in 0..<GroupCounts.count {
            let isLabour = (GroupCounts.general...GroupCounts.weak).contains(group)
            let stay = isLabour ? stayProbability : 1 - probabilities[group]
            var product = 1.0
            for n in 0..<256 {
                zero[group * 256 + n] = product
                product *= stay
            }
        }
        var pairs: [[(Int, Int)]] = []
        for n in 0...Self.tabulated {
            var list: [(Int, Int)] = []
            for retired in 0...n { for disabled in 0...(n - retired) where retired + disabled > 0 { list.append((retired, disabled)) } }
            pairs.append(list)
        }
        self.pairs = pairs
        var conditional: [DiscreteDistribution?] = []
        for group in 0..<GroupCounts.count {
            let isLabour = (GroupCounts.general...GroupCounts.weak).contains(group)
            for n in 0...Self.tabulated {
                let weights: [Double] = isLabour
                    ? pairs[n].map { retired, disabled in
                        GSLFunctions.binomialProbability(retired, p.retirement, n)
                            * GSLFunctions.binomialProbability(disabled, p.disablement, n - retired)
                    }
                    : (0..<n).map { GSLFunctions.binomialProbability($0 + 1, probabilities[group], n) }
                conditional.append(n == 0 ? nil : try? DiscreteDistribution(weights: weights))
            }
        }
        self.conditional = conditional
    }

    deinit { zero.deallocate() }

    /// The probability of a (non-labour) group's event.
    @inline(__always)
    func probability(_ group: Int) -> Double { probabilities[group] }

    /// The probability that none of `n` members at risk in `group` has an event this year.
    @inline(__always)
    func zeroProbability(_ group: Int, _ n: Int) -> Double { zero[group * 256 + min(max(n, 0), 255)] }

    /// A group's events given at least one: (count, 0), or (retired, disabled) for a labour role.
    func drawGivenAtLeastOne(_ group: Int, _ n: Int, stream: RandomStream) -> (Int, Int) {
        let isLabour = (GroupCounts.general...GroupCounts.weak).contains(group)
        if n <= Self.tabulated, let table = conditional[group * (Self.tabulated + 1) + n] {
            let outcome = stream.discrete(table)
            return isLabour ? pairs[n][outcome] : (outcome + 1, 0)
        }
        while true {
            if isLabour {
                let retired = stream.binomial(n, retirement)
                let disabled = stream.binomial(n - retired, disablement)
                if retired + disabled > 0 { return (retired, disabled) }
            } else {
                let events = stream.binomial(n, probabilities[group])
                if events > 0 { return (events, 0) }
            }
        }
    }
}

/// A member count stored in a household (never negative, never above 255).
@inline(__always)
func count(_ value: Int) -> UInt8 { UInt8(clamping: value) }

extension StreamPurpose {
    /// The demographic transitions of step 2.
    public static var demography: StreamPurpose { 10 }
}
