import Randomness

/// Synthesises the households of a profile of MODEL.md §3 (`dongxiang-2017`: `000` Tables 3–4; `liangshan-2020`: `002`),
/// whose values are the population keys (`scenarios/profiles/`).
///
/// Each household is drawn from its own stream keyed by (seed, 0, block, population, 0, household in block): the
/// population depends on the seed alone, so every replicate and every scenario that shares the population parameters
/// and `shocks.relocation.share` starts from the same households (common random numbers, MODEL.md §5).
public struct PopulationSynthesis: Sendable {
    public let parameters: PopulationParameters
    public let relocatedShare: Double
    private let sizes: DiscreteDistribution
    private let illOrDisabled: DiscreteDistribution
    private let headEducation: DiscreteDistribution
    /// Livestock kind by `LivestockKind.rawValue`: none, poultry, cattle, sheep.
    private let livestock: DiscreteDistribution
    private let roleShares: [Double]
    /// Mean motivation by `HeadEducation.rawValue`.
    private let motivationMeans: [Double]
    private let debtZeta: Double

    public init(_ parameters: PopulationParameters, relocation: RelocationParameters) throws {
        self.parameters = parameters
        relocatedShare = relocation.share
        let size = parameters.householdSize
        sizes = try DiscreteDistribution(weights: [size.two, size.three, size.four, size.fiveOrMore])
        let ill = parameters.illOrDisabledMembers
        illOrDisabled = try DiscreteDistribution(weights: [ill.none, ill.one, ill.two, ill.three, ill.four])
        let education = parameters.headEducation
        headEducation = try DiscreteDistribution(
            weights: [education.illiterate, education.primary, education.junior, education.highSchool])
        let stock = parameters.livestock
        livestock = try DiscreteDistribution(weights: [
            max(0, 1 - stock.cattleShare - stock.sheepShare - stock.poultryShare), stock.poultryShare, stock.cattleShare,
            stock.sheepShare,
        ])
        roleShares = Self.roleSharesOfAbleMembers(parameters)
        debtZeta = naturalLog(parameters.debt.median)
        let motivation = parameters.motivation
        motivationMeans = [motivation.meanIlliterate, motivation.meanPrimary, motivation.meanJunior, motivation.meanHighSchool]
    }

    /// One household, drawn from `stream` (already keyed for this household). Its village is not part of its state:
    /// the engine knows it from the household's index (``VillageLayout``).
    public func household(stream: RandomStream) -> Household {
        let p = parameters
        var household = Household()

        let sizeClass = stream.discrete(sizes)
        let size = sizeClass < 3 ? sizeClass + 2 : 5 + stream.poisson(mean: p.householdSize.extraAboveFiveMean)
        if stream.bernoulli(p.dibaoShare) { household.flags.insert(.onDibao) }

        let illOrDisabledMembers = min(stream.discrete(illOrDisabled), size)
        let disabled = stream.binomial(illOrDisabledMembers, p.disabledShareOfIllOrDisabled)
        let able = size - disabled
        household.disabled = count(disabled)
        household.chronicIll = count(min(illOrDisabledMembers - disabled, able))

        // Roles of the members who are not disabled: a multinomial drawn as conditional binomials.
        var roles = (general: 0, skilled: 0, students: 0, weak: 0, elderly: 0)
        var remaining = able
        var remainingShare = 1.0
        for (index, share) in roleShares.enumerated() {
            let drawn = index == roleShares.count - 1
                ? remaining : stream.binomial(remaining, remainingShare > 0 ? min(1, share / remainingShare) : 0)
            switch index {
            case 0: roles.general = drawn
            case 1: roles.skilled = drawn
            case 2: roles.students = drawn
            case 3: roles.weak = drawn
            default: roles.elderly = drawn
            }
            remaining -= drawn
            remainingShare -= share
        }
        let stages = p.studentStages
        let children = stream.binomial(roles.students, stages.children)
        let highSchool = stream.binomial(
            roles.students - children, stages.highSchool + stages.university > 0
                ? stages.highSchool / (stages.highSchool + stages.university) : 0)
        var members = (
            children: children, highSchool: highSchool, university: roles.students - children - highSchool,
            disabled: disabled
        )
        if roles.general + roles.skilled + roles.weak + roles.elderly + members.disabled == 0 {
            // No adult (general, skilled or weak labour, elderly, disabled): the eldest student becomes general
            // labour — a university student, else a high-school student, else a child (MODEL.md §7, "No adult").
            // Every member is then a student, and a household has at least two members, so one is there to turn.
            if members.university > 0 { members.university -= 1 }
            else if members.highSchool > 0 { members.highSchool -= 1 }
            else { members.children -= 1 }
            roles.general += 1
        }
        household.generalLabour = count(roles.general)
        household.skilledLabour = count(roles.skilled)
        household.weakLabour = count(roles.weak)
        household.elderly = count(roles.elderly)
        household.children = count(members.children)
        household.highSchool = count(members.highSchool)
        household.university = count(members.university)
        household.disabled = count(members.disabled)
        household.chronicIll = count(min(Int(household.chronicIll), household.size))
        household.generalMigrants = count(stream.binomial(roles.general, p.migrantShare.general))
        household.skilledMigrants = count(stream.binomial(roles.skilled, p.migrantShare.skilled))

        let education = HeadEducation(rawValue: UInt8(stream.discrete(headEducation))) ?? .illiterate
        household.headEducation = education
        let meanMotivation = motivationMeans[Int(education.rawValue)]
        household.motivation = Float(
            stream.beta(meanMotivation * p.motivation.concentration, (1 - meanMotivation) * p.motivation.concentration))
        household.earningsFactor = Float(stream.lognormal(zeta: 0, sigma: p.earningsFactorSigma))
        household.land = Float(
            Double(household.size) * stream.gamma(shape: p.land.shape, scale: p.land.meanPerPerson / p.land.shape))

        let kind = LivestockKind(rawValue: UInt8(stream.discrete(livestock))) ?? .none
        household.livestock = kind
        switch kind {
        case .none: household.herd = 0
        case .poultry: household.herd = count(p.livestock.poultryShares)
        case .cattle: household.herd = count(herd(p.livestock.cattleHerdMin, p.livestock.cattleHerdMax, stream))
        case .sheep: household.herd = count(herd(p.livestock.sheepHerdMin, p.livestock.sheepHerdMax, stream))
        }
        if stream.bernoulli(p.debt.share) {
            household.debt = Float(stream.lognormal(zeta: debtZeta, sigma: p.debt.sigma))
        }
        if stream.bernoulli(relocatedShare) { household.flags.insert(.relocated) }
        return household
    }

    /// The shares of general, skilled, students, weak labour and elderly among the members who are *not* disabled,
    /// such that over all people they come to the profile's shares (MODEL.md §7, "Labour shares": `000` Table 4's
    /// shares are of all 1,717 people, and its 19.29 % no-or-weak labour includes the disabled members).
    ///
    /// With δ the expected share of disabled people (``expectedDisabledShareOfPeople(_:)``), the able members take
    /// general g/(1−δ), skilled s/(1−δ), students t/(1−δ), and the rest (r − δ)/(1−δ), r = 1 − g − s − t, split
    /// `weakShareOfRemainder` : the rest between weak labour and elderly; in expectation general labour is then
    /// g × size. If the disabled alone exceed the remainder (δ > r, a profile with very many disabled) the remainder
    /// is empty and g, s, t are renormalised among the able: the shares of all people cannot all be met, and the
    /// labour roles keep their proportions.
    public static func roleSharesOfAbleMembers(_ parameters: PopulationParameters) -> [Double] {
        let people = parameters.people
        let working = people.generalLabour + people.skilledLabour + people.students
        let remainder = max(0, 1 - working)
        let disabled = expectedDisabledShareOfPeople(parameters)
        let denominator = max(1 - disabled, working, .leastNormalMagnitude)
        let rest = max(0, remainder - disabled) / denominator
        return [
            people.generalLabour / denominator, people.skilledLabour / denominator, people.students / denominator,
            rest * people.weakShareOfRemainder, rest * (1 - people.weakShareOfRemainder),
        ]
    }

    /// δ: expected disabled members over expected members, from the profile's shares as they are drawn — sizes 2,
    /// 3, 4 and 5 + Poisson(λ), ill-or-disabled members 0…4 capped at the size, each disabled with
    /// `disabledShareOfIllOrDisabled` (no rule turns a disabled member into anything else).
    public static func expectedDisabledShareOfPeople(_ parameters: PopulationParameters) -> Double {
        let size = parameters.householdSize
        let sizeTotal = size.two + size.three + size.four + size.fiveOrMore
        guard sizeTotal > 0 else { return 0 }
        let meanSize = (2 * size.two + 3 * size.three + 4 * size.four + (5 + size.extraAboveFiveMean) * size.fiveOrMore)
            / sizeTotal
        let ill = parameters.illOrDisabledMembers
        let illTotal = ill.none + ill.one + ill.two + ill.three + ill.four
        guard illTotal > 0, meanSize > 0 else { return 0 }
        let capped = PopulationComparison.cappedIllOrDisabledShares(parameters)
        let meanIllOrDisabled = capped.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element } / illTotal
        return min(1, parameters.disabledShareOfIllOrDisabled * meanIllOrDisabled / meanSize)
    }

    private func herd(_ minimum: Int, _ maximum: Int, _ stream: RandomStream) -> Int {
        minimum + stream.uniformInt(below: maximum - minimum + 1)
    }
}
