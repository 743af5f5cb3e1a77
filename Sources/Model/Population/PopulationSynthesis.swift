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
        let people = parameters.people
        let remainder = max(0, 1 - people.generalLabour - people.skilledLabour - people.students)
        roleShares = [
            people.generalLabour, people.skilledLabour, people.students, remainder * people.weakShareOfRemainder,
            remainder * (1 - people.weakShareOfRemainder),
        ]
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
        if roles.general + roles.skilled + roles.weak + roles.elderly == 0 {
            // A household with no adult turns one member into general labour (MODEL.md §3).
            if members.children > 0 { members.children -= 1 }
            else if members.highSchool > 0 { members.highSchool -= 1 }
            else if members.university > 0 { members.university -= 1 }
            else { members.disabled -= 1 }
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

    private func herd(_ minimum: Int, _ maximum: Int, _ stream: RandomStream) -> Int {
        minimum + stream.uniformInt(below: maximum - minimum + 1)
    }
}
