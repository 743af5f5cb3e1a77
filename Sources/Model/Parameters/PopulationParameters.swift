/// The synthetic population of MODEL.md §3: defaults are profile `dongxiang-2017` (`000` Tables 3–4); profile
/// `liangshan-2020` (`002`) sets other values of the same keys (`scenarios/profiles/liangshan-2020.yaml`).
public struct PopulationParameters: Codable, Equatable, Sendable {
    /// The profile synthesised, `dongxiang-2017` or `liangshan-2020`: its values come from the keys below; the name
    /// picks the targets `repoverty population` compares with.
    public var profile = "dongxiang-2017"
    public var householdSize = HouseholdSizeShares()
    /// Share of households on dibao at year 0 (64.1 %, `000`); it is dibao's on₋₁ (MODEL.md §4 step 3).
    public var dibaoShare = 0.641
    public var illOrDisabledMembers = IllOrDisabledShares()
    /// Each ill-or-disabled member is a disabled dependant with this probability, else chronic-ill (8.33/26.30, `000`).
    public var disabledShareOfIllOrDisabled = 8.33 / 26.30
    public var people = PeopleShares()
    public var studentStages = StudentStageShares()
    public var migrantShare = MigrantShares()
    public var headEducation = HeadEducationShares()
    public var motivation = MotivationParameters()
    /// σ of the permanent earnings factor, Lognormal(0, σ) (*assumed*).
    public var earningsFactorSigma = 0.3
    public var land = LandParameters()
    public var livestock = LivestockParameters()
    public var debt = DebtParameters()
    public var villages = VillageParameters()

    public init() {}
}

extension PopulationParameters: ParameterSection {
    /// The keys under `population`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("profile", \.profile, .oneOf(["dongxiang-2017", "liangshan-2020"], note: "a profile of MODEL.md §3"), unit: "name", .sourced,
              source: "`000` Tables 3–4; `002` Tables 1, 3"),
        .init("dibaoShare", \.dibaoShare, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("disabledShareOfIllOrDisabled", \.disabledShareOfIllOrDisabled, .probability, unit: "probability", .sourced,
              source: "`000` Table 3 (heads: 8.33 % disabled of 26.30 % ill or disabled)"),
        .init("earningsFactorSigma", \.earningsFactorSigma, .logNormalSigma, unit: "σ of ln", .assumed,
              source: "*assumed*"),
    ]
}

/// Household size: 2, 3, 4, or 5 + Poisson(extraAboveFiveMean) (`000`: mean 4.47 = 1,717/384).
public struct HouseholdSizeShares: Codable, Equatable, Sendable {
    public var two = 0.0937
    public var three = 0.2031
    public var four = 0.2578
    public var fiveOrMore = 0.4453
    public var extraAboveFiveMean = 0.93
    public init() {}
}

extension HouseholdSizeShares: ParameterSection {
    /// The keys under `population.householdSize`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("two", \.two, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("three", \.three, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("four", \.four, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("fiveOrMore", \.fiveOrMore, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        // A Poisson mean: 0 is fine (every large household has five members); beyond 20 households stop being households.
        .init("extraAboveFiveMean", \.extraAboveFiveMean, .between(0...20, "a mean number of extra members"), unit: "members", .calibrated,
              source: "`000` Tables 3–4 (fitted to the mean size 4.47 = 1,717/384)"),
    ]

    public static let relations: [ParameterRelation] = [
        .sumToOne(group: "", members: ["two", "three", "four", "fiveOrMore"]),
    ]
}

/// Members ill or disabled, 0 to 4, capped at the household's size (`000` Table 4).
public struct IllOrDisabledShares: Codable, Equatable, Sendable {
    public var none = 0.5208
    public var one = 0.1484
    public var two = 0.1562
    public var three = 0.1667
    public var four = 0.0078
    public init() {}
}

extension IllOrDisabledShares: ParameterSection {
    /// The keys under `population.illOrDisabledMembers`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("none", \.none, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("one", \.one, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("two", \.two, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("three", \.three, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("four", \.four, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
    ]

    public static let relations: [ParameterRelation] = [
        .sumToOne(group: "", members: ["none", "one", "two", "three", "four"]),
    ]
}

/// Roles of all members (`000` Table 4: shares of all 1,717 people, MODEL.md §7); the remainder is no-or-weak labour:
/// the disabled members drawn from `illOrDisabledMembers`, and weak labour and elderly for the rest of it.
public struct PeopleShares: Codable, Equatable, Sendable {
    public var generalLabour = 0.5620
    public var skilledLabour = 0.0017
    public var students = 0.2434
    /// Share of the remaining no-or-weak-labour people (after the disabled) who are weak labour; the rest are elderly
    /// (*assumed* 0.5).
    public var weakShareOfRemainder = 0.5
    public init() {}
}

extension PeopleShares: ParameterSection {
    /// The keys under `population.people`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("generalLabour", \.generalLabour, .share, unit: "share of all members", .sourced,
              source: "`000` Table 4"),
        .init("skilledLabour", \.skilledLabour, .share, unit: "share of all members", .sourced,
              source: "`000` Table 4"),
        .init("students", \.students, .share, unit: "share of all members", .sourced, source: "`000` Table 4"),
        .init("weakShareOfRemainder", \.weakShareOfRemainder, .share, unit: "share of the remainder", .assumed,
              source: "*assumed*"),
    ]

    public static let relations: [ParameterRelation] = [
        .sumAtMostOne(group: "", members: ["generalLabour", "skilledLabour", "students"], remainder: "weak labour and elderly"),
    ]
}

/// Students by stage: the steady state of the schooling transitions of MODEL.md §4 step 2.
public struct StudentStageShares: Codable, Equatable, Sendable {
    public var children = 0.812
    public var highSchool = 0.134
    public var university = 0.054
    public init() {}
}

extension StudentStageShares: ParameterSection {
    /// The keys under `population.studentStages`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("children", \.children, .share, unit: "share of students", .assumed,
              source: "*assumed* (steady state of the `demography` rates)"),
        .init("highSchool", \.highSchool, .share, unit: "share of students", .assumed,
              source: "*assumed* (steady state of the `demography` rates)"),
        .init("university", \.university, .share, unit: "share of students", .assumed,
              source: "*assumed* (steady state of the `demography` rates)"),
    ]

    public static let relations: [ParameterRelation] = [
        .sumToOne(group: "", members: ["children", "highSchool", "university"]),
    ]
}

/// Labourers working away at year 0 (`000`: 38.22 %; skilled *assumed* 55 %).
public struct MigrantShares: Codable, Equatable, Sendable {
    public var general = 0.3822
    public var skilled = 0.55
    public init() {}
}

extension MigrantShares: ParameterSection {
    /// The keys under `population.migrantShare`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("general", \.general, .share, unit: "probability", .sourced,
              source: "`000` Table 4 (370 of 968 able to work)"),
        .init("skilled", \.skilled, .share, unit: "probability", .assumed, source: "*assumed*"),
    ]
}

/// Head of household's education (`000` Table 4).
public struct HeadEducationShares: Codable, Equatable, Sendable {
    public var illiterate = 0.4141
    public var primary = 0.5234
    public var junior = 0.0547
    public var highSchool = 0.0078
    public init() {}
}

extension HeadEducationShares: ParameterSection {
    /// The keys under `population.headEducation`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("illiterate", \.illiterate, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("primary", \.primary, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("junior", \.junior, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
        .init("highSchool", \.highSchool, .share, unit: "share of households", .sourced, source: "`000` Table 3"),
    ]

    public static let relations: [ParameterRelation] = [
        .sumToOne(group: "", members: ["illiterate", "primary", "junior", "highSchool"]),
    ]
}

/// Motivation in [0, 1] ~ Beta with a mean by head education and a concentration (*assumed*).
public struct MotivationParameters: Codable, Equatable, Sendable {
    public var meanIlliterate = 0.4
    public var meanPrimary = 0.5
    public var meanJunior = 0.6
    public var meanHighSchool = 0.7
    public var concentration = 10.0
    public init() {}
}

extension MotivationParameters: ParameterSection {
    /// The keys under `population.motivation`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("meanIlliterate", \.meanIlliterate, .betaMean, unit: "Beta mean", .assumed, source: "*assumed*"),
        .init("meanPrimary", \.meanPrimary, .betaMean, unit: "Beta mean", .assumed, source: "*assumed*"),
        .init("meanJunior", \.meanJunior, .betaMean, unit: "Beta mean", .assumed, source: "*assumed*"),
        .init("meanHighSchool", \.meanHighSchool, .betaMean, unit: "Beta mean", .assumed, source: "*assumed*"),
        .init("concentration", \.concentration, .positive, unit: "α + β", .assumed, source: "*assumed*"),
    ]
}

/// Land = size × Gamma(shape, mean per person) mu (`000`: 0.85–1.57 mu a person; `004`: 1.1).
public struct LandParameters: Codable, Equatable, Sendable {
    public var shape = 2.0
    public var meanPerPerson = 1.2
    public init() {}
}

extension LandParameters: ParameterSection {
    /// The keys under `population.land`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("shape", \.shape, .positive, unit: "Gamma shape", .assumed, source: "*assumed*"),
        .init("meanPerPerson", \.meanPerPerson, .nonNegative, unit: "mu/person", .sourced,
              source: "`000` (villages report 0.85–1.57 mu a person); `004` (1.1)"),
    ]
}

/// Livestock kind and herd (*assumed*); the rest of the households keep none.
public struct LivestockParameters: Codable, Equatable, Sendable {
    public var cattleShare = 0.2
    public var cattleHerdMin = 2
    public var cattleHerdMax = 4
    public var sheepShare = 0.1
    public var sheepHerdMin = 10
    public var sheepHerdMax = 20
    public var poultryShare = 0.1
    /// Cooperative shares a poultry household holds.
    public var poultryShares = 1
    public init() {}
}

extension LivestockParameters: ParameterSection {
    /// The keys under `population.livestock`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("cattleShare", \.cattleShare, .share, unit: "share of households", .assumed, source: "*assumed*"),
        .init("cattleHerdMin", \.cattleHerdMin, .whole(0...ParameterRange.maximumHerd), unit: "head", .assumed,
              source: "*assumed*"),
        .init("cattleHerdMax", \.cattleHerdMax, .whole(0...ParameterRange.maximumHerd), unit: "head", .assumed,
              source: "*assumed*"),
        .init("sheepShare", \.sheepShare, .share, unit: "share of households", .assumed, source: "*assumed*"),
        .init("sheepHerdMin", \.sheepHerdMin, .whole(0...ParameterRange.maximumHerd), unit: "head", .assumed,
              source: "*assumed*"),
        .init("sheepHerdMax", \.sheepHerdMax, .whole(0...ParameterRange.maximumHerd), unit: "head", .assumed,
              source: "*assumed*"),
        .init("poultryShare", \.poultryShare, .share, unit: "share of households", .assumed, source: "*assumed*"),
        .init("poultryShares", \.poultryShares, .whole(0...ParameterRange.maximumHerd), unit: "shares", .assumed,
              source: "*assumed* (the form follows the chicken cooperative of `000` case 6)"),
    ]

    public static let relations: [ParameterRelation] = [
        .sumAtMostOne(group: "", members: ["cattleShare", "sheepShare", "poultryShare"], remainder: "households without livestock"),
        .ordered(lower: "cattleHerdMin", upper: "cattleHerdMax"),
        .ordered(lower: "sheepHerdMin", upper: "sheepHerdMax"),
    ]
}

/// Debt at year 0: a share of households owe Lognormal(ln median, σ) (`002`: debtors' mean 26,225; shape *assumed*).
public struct DebtParameters: Codable, Equatable, Sendable {
    public var share = 0.3
    public var median = 20_000.0
    public var sigma = 0.736
    public init() {}
}

extension DebtParameters: ParameterSection {
    /// The keys under `population.debt`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("share", \.share, .share, unit: "share of households", .assumed, source: "*assumed*"),
        .init("median", \.median, .positive, unit: "yuan", .calibrated,
              source: "`002` Table 1 (fitted to the debtors' mean 26,225 = 20,000·e^(0.736²/2)); shape *assumed*"),
        .init("sigma", \.sigma, .logNormalSigma, unit: "σ of ln", .assumed,
              source: "`002` Table 1 (as above); shape *assumed*"),
    ]
}

/// Villages of a uniform size between the bounds (`000`: 250–800 households), grouped into counties (*assumed* 100).
public struct VillageParameters: Codable, Equatable, Sendable {
    public var minHouseholds = 250
    public var maxHouseholds = 800
    public var perCounty = 100
    public init() {}
}

extension VillageParameters: ParameterSection {
    /// The keys under `population.villages`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("minHouseholds", \.minHouseholds, .whole(1...100_000_000), unit: "households", .sourced, source: "`000`"),
        .init("maxHouseholds", \.maxHouseholds, .whole(1...100_000_000), unit: "households", .sourced, source: "`000`"),
        .init("perCounty", \.perCounty, .whole(1...100_000_000), unit: "villages", .assumed, source: "*assumed*"),
    ]

    public static let relations: [ParameterRelation] = [
        .ordered(lower: "minHouseholds", upper: "maxHouseholds"),
    ]
}
