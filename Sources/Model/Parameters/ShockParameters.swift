/// The shocks of MODEL.md §4, one section each; a probability of 0 switches a shock off.
public struct ShockParameters: Codable, Equatable, Sendable {
    public var illness = IllnessParameters()
    public var flood = FloodParameters()
    public var avianFlu = AvianFluParameters()
    public var livestockDisease = LivestockDiseaseParameters()
    public var prices = PriceParameters()
    public var wages = WageParameters()
    public var relocation = RelocationParameters()
    public init() {}
}

/// Hospital stays, bills and chronic care (MODEL.md §4 step 4; `000` case 3, `001`, `002`, `003`).
public struct IllnessParameters: Codable, Equatable, Sendable {
    /// Yearly probability of a stay for a member without chronic illness (gives 22.49 % of households a stay, `002`).
    public var stayProbability = 0.0368
    /// Yearly probability of a stay for a chronic-ill member (three to five times as often, *assumed*).
    public var chronicStayProbability = 0.168
    /// Median bill of a stay (Lognormal).
    public var billMedian = 10_000.0
    /// σ of the bill's Lognormal.
    public var billSigma = 0.9
    /// Where a stay is treated, shares summing to 1 (*assumed* middle levels).
    public var levelShares = HospitalLevels(township: 0.30, county: 0.45, prefecture: 0.15, province: 0.10)
    /// Mean yearly outpatient cost per chronic-ill member (Gamma).
    public var chronicOutpatientMean = 3_000.0
    /// Shape of the chronic outpatient Gamma.
    public var chronicOutpatientShape = 2.0
    /// Travel, care and food as a share of each bill, never reimbursed (*assumed*, `003`).
    public var nonMedicalShare = 0.1
    public init() {}
}

extension IllnessParameters: ParameterSection {
    /// The keys under `shocks.illness`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("stayProbability", \.stayProbability, .probability, unit: "prob./yr", .calibrated,
              source: "`002` (22.49 % of households have a stay in a year; calibrated on `dongxiang-2017`)"),
        .init("chronicStayProbability", \.chronicStayProbability, .probability, unit: "prob./yr", .assumed,
              source: "*assumed*"),
        .init("billMedian", \.billMedian, .positive, unit: "yuan", .assumed, source: "*assumed*"),
        .init("billSigma", \.billSigma, .logNormalSigma, unit: "σ of ln", .assumed, source: "*assumed*"),
        .init("levelShares.township", \.levelShares.township, .share, unit: "share of stays", .assumed,
              source: "*assumed*"),
        .init("levelShares.county", \.levelShares.county, .share, unit: "share of stays", .assumed,
              source: "*assumed*"),
        .init("levelShares.prefecture", \.levelShares.prefecture, .share, unit: "share of stays", .assumed,
              source: "*assumed*"),
        .init("levelShares.province", \.levelShares.province, .share, unit: "share of stays", .assumed,
              source: "*assumed*"),
        .init("chronicOutpatientMean", \.chronicOutpatientMean, .nonNegative, unit: "yuan/person/yr", .assumed,
              source: "*assumed*"),
        .init("chronicOutpatientShape", \.chronicOutpatientShape, .positive, unit: "Gamma shape", .assumed,
              source: "*assumed*"),
        .init("nonMedicalShare", \.nonMedicalShare, .share, unit: "share of each bill", .assumed,
              source: "*assumed* (the costs are named in `003`)"),
    ]

    public static let relations: [ParameterRelation] = [
        .sumToOne(group: "levelShares", members: ["township", "county", "prefecture", "province"]),
    ]
}

/// One number per hospital level: township, county, prefecture, province.
public struct HospitalLevels: Codable, Equatable, Sendable {
    public var township: Double
    public var county: Double
    public var prefecture: Double
    public var province: Double
    public init(township: Double, county: Double, prefecture: Double, province: Double) {
        self.township = township
        self.county = county
        self.prefecture = prefecture
        self.province = province
    }
    public var values: [Double] { [township, county, prefecture, province] }
}

/// Floods: a covariate per village, then a hit per household (MODEL.md §4 steps 1 and 5; `000`: the 2018 "7.18" flood).
public struct FloodParameters: Codable, Equatable, Sendable {
    /// Yearly probability that a village floods.
    public var probability = 0.05
    /// Share of a flooded village's households hit.
    public var householdHitProbability = 0.30
    /// Loss of crop and livestock income ~ Beta(lossAlpha, lossBeta).
    public var lossAlpha = 2.0
    public var lossBeta = 3.0
    /// A year (1…years) in which a flood is forced; 0 forces none (an extension, off in the reference).
    public var forcedYear = 0
    /// Share of villages flooded in the forced year.
    public var forcedVillageShare = 0.3
    public init() {}
}

extension FloodParameters: ParameterSection {
    /// The keys under `shocks.flood`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("probability", \.probability, .probability, unit: "prob./yr", .assumed,
              source: "`000` (the 2018 \"7.18\" flood, case 6); rate *assumed*"),
        .init("householdHitProbability", \.householdHitProbability, .probability, unit: "probability", .assumed,
              source: "*assumed*"),
        .init("lossAlpha", \.lossAlpha, .positive, unit: "Beta α", .assumed, source: "*assumed*"),
        .init("lossBeta", \.lossBeta, .positive, unit: "Beta β", .assumed, source: "*assumed*"),
        .init("forcedYear", \.forcedYear, .whole(0...ParameterRange.maximumYears), unit: "year", .assumed,
              source: "*assumed*"),
        .init("forcedVillageShare", \.forcedVillageShare, .share, unit: "probability", .assumed, source: "*assumed*"),
    ]

    public static let relations: [ParameterRelation] = [
        .withinHorizon("forcedYear"),
    ]
}

/// Endemic livestock disease (Newcastle disease, cattle illness) for every livestock household.
public struct LivestockDiseaseParameters: Codable, Equatable, Sendable {
    /// Yearly probability a livestock household is hit.
    public var probability = 0.08
    /// Loss of livestock income ~ Beta(lossAlpha, lossBeta).
    public var lossAlpha = 1.0
    public var lossBeta = 3.0
    public init() {}
}

extension LivestockDiseaseParameters: ParameterSection {
    /// The keys under `shocks.livestockDisease`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("probability", \.probability, .probability, unit: "prob./yr", .assumed,
              source: "*assumed* (Newcastle disease appears in `000` case 6)"),
        .init("lossAlpha", \.lossAlpha, .positive, unit: "Beta α", .assumed, source: "*assumed*"),
        .init("lossBeta", \.lossBeta, .positive, unit: "Beta β", .assumed, source: "*assumed*"),
    ]
}

/// Price multiplier per county and year ~ Lognormal(0, sigma) (MODEL.md §4 step 1).
public struct PriceParameters: Codable, Equatable, Sendable {
    public var sigma = 0.15
    public init() {}
}

extension PriceParameters: ParameterSection {
    /// The keys under `shocks.prices`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("sigma", \.sigma, .logNormalSigma, unit: "σ of ln", .assumed, source: "*assumed*"),
    ]
}

/// Wage multiplier per year on migrants' pay: 1 unless a schedule gives it (`000` case 5: the pandemic).
public struct WageParameters: Codable, Equatable, Sendable {
    /// Multipliers for years 1, 2, …; years past the end of the list use 1. Empty in the reference.
    public var schedule: [Double] = []
    public init() {}
}

extension WageParameters: ParameterSection {
    /// The keys under `shocks.wages`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        // Multipliers on migrants' pay: 0 is a year without migrant work; above 1 a boom.
        .init("schedule", \.schedule, .eachNonNegative("multiplier"), unit: "list of factors", .assumed,
              source: "*assumed* (motivated by `000` case 5: wages in the pandemic)"),
    ]

    public static let relations: [ParameterRelation] = [
        .listWithinHorizon("schedule"),
    ]
}

/// Relocation into town: living costs that fade, and halved crops (`000` case 5, `004` §6.1).
public struct RelocationParameters: Codable, Equatable, Sendable {
    /// Share of households relocated at year 0 (0 in the reference; a scenario sets it).
    public var share = 0.0
    /// Living costs per person in the first year (heating, water, power, property fees, vegetables).
    public var livingCostPerPerson = 800.0
    /// Living costs are multiplied by this factor for every year since relocation.
    public var yearlyDecay = 0.85
    /// Relocated households' crops are multiplied by this factor.
    public var cropFactor = 0.5
    public init() {}
}

extension RelocationParameters: ParameterSection {
    /// The keys under `shocks.relocation`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("share", \.share, .share, unit: "share of households", .assumed, source: "*assumed*"),
        .init("livingCostPerPerson", \.livingCostPerPerson, .nonNegative, unit: "yuan/person/yr", .sourced,
              source: "`000` case 5; `004` §6.1"),
        // Living costs fade: a factor above 1 would make them grow every year.
        .init("yearlyDecay", \.yearlyDecay, .factor, unit: "factor/yr", .sourced, source: "`000` case 5; `004` §6.1"),
        // Relocation takes land away; it never adds crops.
        .init("cropFactor", \.cropFactor, .factor, unit: "factor", .assumed, source: "*assumed*"),
    ]
}
