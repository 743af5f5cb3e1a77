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

/// Household size: 2, 3, 4, or 5 + Poisson(extraAboveFiveMean) (`000`: mean 4.47 = 1,717/384).
public struct HouseholdSizeShares: Codable, Equatable, Sendable {
    public var two = 0.0937
    public var three = 0.2031
    public var four = 0.2578
    public var fiveOrMore = 0.4453
    public var extraAboveFiveMean = 0.93
    public init() {}
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

/// Roles of the members who are not disabled (`000` Table 4); the remainder is weak labour and elderly.
public struct PeopleShares: Codable, Equatable, Sendable {
    public var generalLabour = 0.5620
    public var skilledLabour = 0.0017
    public var students = 0.2434
    /// Share of the remaining no-or-weak-labour people who are weak labour; the rest are elderly (*assumed* 0.5).
    public var weakShareOfRemainder = 0.5
    public init() {}
}

/// Students by stage: the steady state of the schooling transitions of MODEL.md §4 step 2.
public struct StudentStageShares: Codable, Equatable, Sendable {
    public var children = 0.812
    public var highSchool = 0.134
    public var university = 0.054
    public init() {}
}

/// Labourers working away at year 0 (`000`: 38.22 %; skilled *assumed* 55 %).
public struct MigrantShares: Codable, Equatable, Sendable {
    public var general = 0.3822
    public var skilled = 0.55
    public init() {}
}

/// Head of household's education (`000` Table 4).
public struct HeadEducationShares: Codable, Equatable, Sendable {
    public var illiterate = 0.4141
    public var primary = 0.5234
    public var junior = 0.0547
    public var highSchool = 0.0078
    public init() {}
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

/// Land = size × Gamma(shape, mean per person) mu (`000`: 0.85–1.57 mu a person; `004`: 1.1).
public struct LandParameters: Codable, Equatable, Sendable {
    public var shape = 2.0
    public var meanPerPerson = 1.2
    public init() {}
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

/// Debt at year 0: a share of households owe Lognormal(ln median, σ) (`002`: debtors' mean 26,225; shape *assumed*).
public struct DebtParameters: Codable, Equatable, Sendable {
    public var share = 0.3
    public var median = 20_000.0
    public var sigma = 0.736
    public init() {}
}

/// Villages of a uniform size between the bounds (`000`: 250–800 households), grouped into counties (*assumed* 100).
public struct VillageParameters: Codable, Equatable, Sendable {
    public var minHouseholds = 250
    public var maxHouseholds = 800
    public var perCounty = 100
    public init() {}
}
