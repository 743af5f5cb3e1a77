/// Incomes and expenditures that are not shocks: MODEL.md §1 and §4 steps 5–9.
public struct EconomyParameters: Codable, Equatable, Sendable {
    /// Poverty line z, yuan per person per year (`000`: 2,300 at 2010 prices ≈ 4,000 in 2020).
    public var povertyLine = 4_000.0
    /// Monitoring line (`000`, Xiaojia Village); below it training is offered more often.
    public var monitoringLine = 5_000.0
    /// Marginal households are not poor but below this multiple of z in year 0 (`004`); a household type of the outputs.
    public var marginalLineFactor = 1.5
    public var farming = FarmingParameters()
    public var migrantWork = MigrantWorkParameters()
    public var localWages = LocalWageParameters()
    public var migration = MigrationParameters()
    /// Pension per elderly person a year (*assumed*).
    public var pensionPerElderly = 1_300.0
    /// Disability subsidy per disabled dependant a year (*assumed*; `000` case 3).
    public var disabilitySubsidyPerDisabled = 1_200.0
    /// Net cost a year per high-school student (`000` case 8).
    public var highSchoolCost = 4_000.0
    /// Net cost a year per university student (`000` case 8).
    public var universityCost = 8_000.0
    /// Share of debt repaid each year (MODEL.md §4 step 7).
    public var debtRepaymentShare = 0.2
    /// A household with y below this share of z borrows the gap (MODEL.md §4 step 9).
    public var borrowingLineShare = 0.8
    /// σ of the income assessment's error, a = y_pre × Lognormal(0, σ) (*assumed*).
    public var assessmentNoiseSigma = 0.25
    /// Months of earnings lost per hospitalised worker (MODEL.md §4 step 4).
    public var lostMonthsPerHospitalisedWorker = 3.0
    /// Months of earnings lost caring for each hospitalised dependant (`000` case 4).
    public var lostMonthsPerHospitalisedDependant = 1.0
    public init() {}
}

extension EconomyParameters: ParameterSection {
    /// The keys under `economy`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("povertyLine", \.povertyLine, .positive, unit: "yuan/person/yr", .sourced,
              source: "`000` (2,300 at 2010 prices)"),
        .init("monitoringLine", \.monitoringLine, .nonNegative, unit: "yuan/person/yr", .sourced,
              source: "`000` (Xiaojia Village)"),
        // A multiple of z: below 1 the marginal type would hold only poor households, who are not in the cohort.
        .init("marginalLineFactor", \.marginalLineFactor, .between(1...10, "a multiple of the poverty line"), unit: "× z", .sourced,
              source: "`004`"),
        .init("pensionPerElderly", \.pensionPerElderly, .nonNegative, unit: "yuan/person/yr", .assumed,
              source: "*assumed*"),
        .init("disabilitySubsidyPerDisabled", \.disabilitySubsidyPerDisabled, .nonNegative, unit: "yuan/person/yr", .assumed,
              source: "*assumed* (`000` case 3 receives about 8,000 with dibao)"),
        .init("highSchoolCost", \.highSchoolCost, .nonNegative, unit: "yuan/student/yr", .sourced,
              source: "`000` case 8"),
        .init("universityCost", \.universityCost, .nonNegative, unit: "yuan/student/yr", .sourced,
              source: "`000` case 8"),
        .init("debtRepaymentShare", \.debtRepaymentShare, .share, unit: "share of debt", .assumed, source: "*assumed*"),
        .init("borrowingLineShare", \.borrowingLineShare, .share, unit: "share of z", .assumed, source: "*assumed*"),
        .init("assessmentNoiseSigma", \.assessmentNoiseSigma, .logNormalSigma, unit: "σ of ln", .assumed,
              source: "*assumed*"),
        .init("lostMonthsPerHospitalisedWorker", \.lostMonthsPerHospitalisedWorker, .months, unit: "months", .assumed,
              source: "*assumed*"),
        .init("lostMonthsPerHospitalisedDependant", \.lostMonthsPerHospitalisedDependant, .months, unit: "months", .sourced,
              source: "`000` case 4 (care)"),
    ]
}

/// Crops and livestock (MODEL.md §4 step 5).
public struct FarmingParameters: Codable, Equatable, Sendable {
    /// Crop value per mu at price 1 (`000` case 1: 2,000 from 9.42 mu).
    public var cropValuePerMu = 212.0
    /// Production cost as a share of crop value.
    public var productionCostShare = 0.3
    /// Livestock margin per head of cattle a year (*assumed*).
    public var cattleMarginPerHead = 2_500.0
    /// Livestock margin per head of sheep a year (*assumed*).
    public var sheepMarginPerHead = 250.0
    /// Margin per poultry cooperative share a year (*assumed*).
    public var poultryMarginPerShare = 4_000.0
    public init() {}
}

extension FarmingParameters: ParameterSection {
    /// The keys under `economy.farming`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("cropValuePerMu", \.cropValuePerMu, .nonNegative, unit: "yuan/mu/yr", .sourced,
              source: "`000` case 1 (2,000 yuan from 9.42 mu)"),
        .init("productionCostShare", \.productionCostShare, .share, unit: "share of crop value", .assumed,
              source: "*assumed*"),
        .init("cattleMarginPerHead", \.cattleMarginPerHead, .nonNegative, unit: "yuan/head/yr", .assumed,
              source: "*assumed*"),
        .init("sheepMarginPerHead", \.sheepMarginPerHead, .nonNegative, unit: "yuan/head/yr", .assumed,
              source: "*assumed*"),
        .init("poultryMarginPerShare", \.poultryMarginPerShare, .nonNegative, unit: "yuan/share/yr", .assumed,
              source: "*assumed*"),
    ]
}

/// Pay of labour working away (`000` cases 1 and 8).
public struct MigrantWorkParameters: Codable, Equatable, Sendable {
    public var generalMonths = 6.0
    public var generalMonthlyPay = 2_800.0
    public var skilledMonths = 9.0
    public var skilledMonthlyPay = 3_800.0
    /// σ of this year's Lognormal(0, σ) factor on migrant pay.
    public var payNoiseSigma = 0.1
    public init() {}
}

extension MigrantWorkParameters: ParameterSection {
    /// The keys under `economy.migrantWork`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("generalMonths", \.generalMonths, .months, unit: "months/yr", .sourced, source: "`000` cases 1 and 8"),
        .init("generalMonthlyPay", \.generalMonthlyPay, .nonNegative, unit: "yuan/month", .sourced,
              source: "`000` cases 1 and 8"),
        .init("skilledMonths", \.skilledMonths, .months, unit: "months/yr", .sourced, source: "`000` cases 1 and 8"),
        .init("skilledMonthlyPay", \.skilledMonthlyPay, .nonNegative, unit: "yuan/month", .sourced,
              source: "`000` cases 1 and 8"),
        .init("payNoiseSigma", \.payNoiseSigma, .logNormalSigma, unit: "σ of ln", .assumed, source: "*assumed*"),
    ]
}

/// Yearly earnings of labour at home (`000` case 8: a cleaner's post pays 6,000).
public struct LocalWageParameters: Codable, Equatable, Sendable {
    public var general = 6_000.0
    public var skilled = 9_000.0
    public var weak = 2_000.0
    public init() {}
}

extension LocalWageParameters: ParameterSection {
    /// The keys under `economy.localWages`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("general", \.general, .nonNegative, unit: "yuan/yr", .sourced, source: "`000` case 8 (a cleaner's post)"),
        .init("skilled", \.skilled, .nonNegative, unit: "yuan/yr", .assumed, source: "*assumed*"),
        .init("weak", \.weak, .nonNegative, unit: "yuan/yr", .assumed, source: "*assumed*"),
    ]
}

/// Migration persists (MODEL.md §4 step 6; starting rates give steady shares 38 % and 55 %).
public struct MigrationParameters: Codable, Equatable, Sendable {
    /// Probability a migrant stays away another year.
    public var stayProbability = 0.95
    /// Yearly probability a general labourer at home starts working away, before the factors below.
    public var startGeneral = 0.0306
    /// Yearly probability a skilled labourer at home starts working away, before the factors below.
    public var startSkilled = 0.0611
    /// The start probability is multiplied by (offset + motivation).
    public var motivationOffset = 0.5
    /// and by this factor for a household on dibao (`002`: welfare dependence).
    public var dibaoFactor = 0.8
    public init() {}
}

extension MigrationParameters: ParameterSection {
    /// The keys under `economy.migration`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("stayProbability", \.stayProbability, .probability, unit: "prob./yr", .assumed, source: "*assumed*"),
        .init("startGeneral", \.startGeneral, .probability, unit: "prob./yr", .calibrated,
              source: "`000` Table 4 (fitted to the steady share 38 %: 0.0306/(0.0306 + 0.05))"),
        .init("startSkilled", \.startSkilled, .probability, unit: "prob./yr", .assumed,
              source: "*assumed* (steady share 55 %)"),
        // The start probability is multiplied by (offset + motivation) and capped at 1, so any offset ≥ 0 is meaningful.
        .init("motivationOffset", \.motivationOffset, .nonNegative, unit: "factor", .assumed, source: "*assumed*"),
        // Welfare dependence lowers the start probability; a factor above 1 would turn it into an incentive.
        .init("dibaoFactor", \.dibaoFactor, .factor, unit: "factor", .assumed,
              source: "`002` (the effect); size *assumed*"),
    ]
}

/// Yearly transitions between roles (MODEL.md §4 step 2). No births.
public struct DemographyParameters: Codable, Equatable, Sendable {
    public var highSchoolGraduation = 1.0 / 3.0
    public var universityEntryOfGraduates = 0.3
    public var universityGraduation = 0.25
    public var childToHighSchool = 0.055
    public var retirement = 1.0 / 35.0
    public var disablement = 0.003
    public var elderlyMortality = 0.04
    public var chronicOnset = 0.01
    public init() {}
}

extension DemographyParameters: ParameterSection {
    /// The keys under `demography`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("highSchoolGraduation", \.highSchoolGraduation, .probability, unit: "prob./yr", .assumed,
              source: "*assumed* (three years of high school)"),
        .init("universityEntryOfGraduates", \.universityEntryOfGraduates, .probability, unit: "probability", .assumed,
              source: "*assumed*"),
        .init("universityGraduation", \.universityGraduation, .probability, unit: "prob./yr", .assumed,
              source: "*assumed* (four years)"),
        .init("childToHighSchool", \.childToHighSchool, .probability, unit: "prob./yr", .assumed, source: "*assumed*"),
        .init("retirement", \.retirement, .probability, unit: "prob./yr", .assumed,
              source: "*assumed* (35 working years)"),
        .init("disablement", \.disablement, .probability, unit: "prob./yr", .assumed, source: "*assumed*"),
        .init("elderlyMortality", \.elderlyMortality, .probability, unit: "prob./yr", .assumed, source: "*assumed*"),
        .init("chronicOnset", \.chronicOnset, .probability, unit: "prob./yr", .assumed, source: "*assumed*"),
    ]
}
