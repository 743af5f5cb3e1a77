/// The valid range of every scenario parameter, and the rules that tie parameters together: the one place to look.
///
/// Each entry was decided from what the parameter means in MODEL.md and what the sampler does with it, not from its
/// name alone: probabilities and shares lie in [0, 1]; money, counts, means and σs cannot be negative; shapes, Beta
/// parameters, medians and the poverty line must be strictly positive, because a zero there sends GSL's Gamma, Beta or
/// Lognormal (or a division by z) into infinities and NaNs rather than a clear failure; Beta means lie strictly inside
/// (0, 1) since both Beta parameters, mean × concentration and (1 − mean) × concentration, must be positive; months lie
/// in a year; sizes have upper bounds that keep a run's memory and GSL's 32-bit integer draws sane. A test checks that
/// every leaf of `ScenarioParameters` has exactly one entry here, so a new parameter cannot slip in unchecked.
enum ValidRanges {
    /// Every leaf's range, in declaration order.
    static let table: [(path: String, range: ValidRange)] = [
        // population
        ("population.profile", .oneOf(["dongxiang-2017", "liangshan-2020"], note: "a profile of MODEL.md §3")),
        ("population.householdSize.two", .share),
        ("population.householdSize.three", .share),
        ("population.householdSize.four", .share),
        ("population.householdSize.fiveOrMore", .share),
        // A Poisson mean: 0 is fine (every large household has five members); beyond 20 households stop being households.
        ("population.householdSize.extraAboveFiveMean", .between(0...20, "a mean number of extra members")),
        ("population.dibaoShare", .share),
        ("population.illOrDisabledMembers.none", .share),
        ("population.illOrDisabledMembers.one", .share),
        ("population.illOrDisabledMembers.two", .share),
        ("population.illOrDisabledMembers.three", .share),
        ("population.illOrDisabledMembers.four", .share),
        ("population.disabledShareOfIllOrDisabled", .probability),
        ("population.people.generalLabour", .share),
        ("population.people.skilledLabour", .share),
        ("population.people.students", .share),
        ("population.people.weakShareOfRemainder", .share),
        ("population.studentStages.children", .share),
        ("population.studentStages.highSchool", .share),
        ("population.studentStages.university", .share),
        ("population.migrantShare.general", .share),
        ("population.migrantShare.skilled", .share),
        ("population.headEducation.illiterate", .share),
        ("population.headEducation.primary", .share),
        ("population.headEducation.junior", .share),
        ("population.headEducation.highSchool", .share),
        ("population.motivation.meanIlliterate", .betaMean),
        ("population.motivation.meanPrimary", .betaMean),
        ("population.motivation.meanJunior", .betaMean),
        ("population.motivation.meanHighSchool", .betaMean),
        ("population.motivation.concentration", .positive),
        ("population.earningsFactorSigma", .logNormalSigma),
        ("population.land.shape", .positive),
        ("population.land.meanPerPerson", .nonNegative),
        ("population.livestock.cattleShare", .share),
        ("population.livestock.cattleHerdMin", .whole(0...maximumHerd)),
        ("population.livestock.cattleHerdMax", .whole(0...maximumHerd)),
        ("population.livestock.sheepShare", .share),
        ("population.livestock.sheepHerdMin", .whole(0...maximumHerd)),
        ("population.livestock.sheepHerdMax", .whole(0...maximumHerd)),
        ("population.livestock.poultryShare", .share),
        ("population.livestock.poultryShares", .whole(0...maximumHerd)),
        ("population.debt.share", .share),
        ("population.debt.median", .positive),
        ("population.debt.sigma", .logNormalSigma),
        ("population.villages.minHouseholds", .whole(1...100_000_000)),
        ("population.villages.maxHouseholds", .whole(1...100_000_000)),
        ("population.villages.perCounty", .whole(1...100_000_000)),

        // economy
        ("economy.povertyLine", .positive),
        ("economy.monitoringLine", .nonNegative),
        // A multiple of z: below 1 the marginal type would hold only poor households, who are not in the cohort.
        ("economy.marginalLineFactor", .between(1...10, "a multiple of the poverty line")),
        ("economy.farming.cropValuePerMu", .nonNegative),
        ("economy.farming.productionCostShare", .share),
        ("economy.farming.cattleMarginPerHead", .nonNegative),
        ("economy.farming.sheepMarginPerHead", .nonNegative),
        ("economy.farming.poultryMarginPerShare", .nonNegative),
        ("economy.migrantWork.generalMonths", .months),
        ("economy.migrantWork.generalMonthlyPay", .nonNegative),
        ("economy.migrantWork.skilledMonths", .months),
        ("economy.migrantWork.skilledMonthlyPay", .nonNegative),
        ("economy.migrantWork.payNoiseSigma", .logNormalSigma),
        ("economy.localWages.general", .nonNegative),
        ("economy.localWages.skilled", .nonNegative),
        ("economy.localWages.weak", .nonNegative),
        ("economy.migration.stayProbability", .probability),
        ("economy.migration.startGeneral", .probability),
        ("economy.migration.startSkilled", .probability),
        // The start probability is multiplied by (offset + motivation) and capped at 1, so any offset ≥ 0 is meaningful.
        ("economy.migration.motivationOffset", .nonNegative),
        // Welfare dependence lowers the start probability; a factor above 1 would turn it into an incentive.
        ("economy.migration.dibaoFactor", .factor),
        ("economy.pensionPerElderly", .nonNegative),
        ("economy.disabilitySubsidyPerDisabled", .nonNegative),
        ("economy.highSchoolCost", .nonNegative),
        ("economy.universityCost", .nonNegative),
        ("economy.debtRepaymentShare", .share),
        ("economy.borrowingLineShare", .share),
        ("economy.assessmentNoiseSigma", .logNormalSigma),
        ("economy.lostMonthsPerHospitalisedWorker", .months),
        ("economy.lostMonthsPerHospitalisedDependant", .months),

        // demography: yearly transition probabilities
        ("demography.highSchoolGraduation", .probability),
        ("demography.universityEntryOfGraduates", .probability),
        ("demography.universityGraduation", .probability),
        ("demography.childToHighSchool", .probability),
        ("demography.retirement", .probability),
        ("demography.disablement", .probability),
        ("demography.elderlyMortality", .probability),
        ("demography.chronicOnset", .probability),

        // shocks
        ("shocks.illness.stayProbability", .probability),
        ("shocks.illness.chronicStayProbability", .probability),
        ("shocks.illness.billMedian", .positive),
        ("shocks.illness.billSigma", .logNormalSigma),
        ("shocks.illness.levelShares.township", .share),
        ("shocks.illness.levelShares.county", .share),
        ("shocks.illness.levelShares.prefecture", .share),
        ("shocks.illness.levelShares.province", .share),
        ("shocks.illness.chronicOutpatientMean", .nonNegative),
        ("shocks.illness.chronicOutpatientShape", .positive),
        ("shocks.illness.nonMedicalShare", .share),
        ("shocks.flood.probability", .probability),
        ("shocks.flood.householdHitProbability", .probability),
        ("shocks.flood.lossAlpha", .positive),
        ("shocks.flood.lossBeta", .positive),
        ("shocks.flood.forcedYear", .whole(0...maximumYears)),
        ("shocks.flood.forcedVillageShare", .share),
        ("shocks.avianFlu.outbreakProbability", .probability),
        ("shocks.avianFlu.householdHitProbability", .probability),
        ("shocks.avianFlu.lossAlpha", .positive),
        ("shocks.avianFlu.lossBeta", .positive),
        ("shocks.avianFlu.forcedYear", .whole(0...maximumYears)),
        ("shocks.livestockDisease.probability", .probability),
        ("shocks.livestockDisease.lossAlpha", .positive),
        ("shocks.livestockDisease.lossBeta", .positive),
        ("shocks.prices.sigma", .logNormalSigma),
        // Multipliers on migrants' pay: 0 is a year without migrant work; above 1 a boom.
        ("shocks.wages.schedule", .eachNonNegative("multiplier")),
        ("shocks.relocation.share", .share),
        ("shocks.relocation.livingCostPerPerson", .nonNegative),
        // Living costs fade: a factor above 1 would make them grow every year.
        ("shocks.relocation.yearlyDecay", .factor),
        // Relocation takes land away; it never adds crops.
        ("shocks.relocation.cropFactor", .factor),

        // interventions
        ("interventions.dibao.standard", .nonNegative),
        ("interventions.dibao.retention", .probability),
        ("interventions.dibao.exclusionError", .probability),
        ("interventions.dibao.inclusionError", .probability),
        ("interventions.training.coverage", .probability),
        ("interventions.training.coverageMonitored", .probability),
        ("interventions.training.certification", .probability),
        ("interventions.training.costPerTrainee", .nonNegative),
        ("interventions.medicalInsurance.coverage", .probability),
        ("interventions.medicalInsurance.threshold", .nonNegative),
        ("interventions.medicalInsurance.rate", .share),
        ("interventions.medicalInsurance.premiumPerPerson", .nonNegative),
        ("interventions.agriculturalInsurance.coverage", .probability),
        ("interventions.agriculturalInsurance.rate", .share),
        ("interventions.agriculturalInsurance.deductibleShare", .share),
        ("interventions.agriculturalInsurance.premiumPerHousehold", .nonNegative),
        ("interventions.basicMedical.deductibles.township", .nonNegative),
        ("interventions.basicMedical.deductibles.county", .nonNegative),
        ("interventions.basicMedical.deductibles.prefecture", .nonNegative),
        ("interventions.basicMedical.deductibles.province", .nonNegative),
        ("interventions.basicMedical.reimbursementRates.township", .share),
        ("interventions.basicMedical.reimbursementRates.county", .share),
        ("interventions.basicMedical.reimbursementRates.prefecture", .share),
        ("interventions.basicMedical.reimbursementRates.province", .share),
        ("interventions.basicMedical.chronicOutpatientRate", .share),
        ("interventions.majorIllness.threshold", .nonNegative),
        ("interventions.majorIllness.dibaoThreshold", .nonNegative),
        ("interventions.majorIllness.rate", .share),

        // run
        ("run.years", .whole(1...maximumYears)),
        ("run.replicates", .whole(1...100_000)),
        ("run.households", .whole(1...100_000_000)),
        ("run.seed", .any),
        ("run.generator", .any),
    ]

    /// The longest horizon a run may have.
    static let maximumYears = 100

    /// The largest amount a non-negative or positive parameter may have: no sum of money in yuan, mean, shape or
    /// Beta parameter of the model comes near a billion, and beyond it products such as wages × workers × months,
    /// stored as `Float`, and sums over millions of households overflow to infinity (found by fuzzing, issue 8).
    static let maximumAmount = 1e9

    /// The largest log-normal σ: e^(5·8) ≈ 2·10¹⁷ at eight standard deviations keeps every draw times any amount
    /// finite; the model's σs are below 1, and a larger one turns a median into a lottery.
    static let maximumLogNormalSigma = 5.0

    /// The largest herd or number of cooperative shares: a household stores it in one byte (`Household.herd`), so a
    /// larger range would be clamped to 255 without a word.
    static let maximumHerd = 255

    /// How far a group of shares may be from summing to 1 (the published tables are rounded to 0.01 %).
    static let sumTolerance = 0.001

    /// Rules between parameters, checked after every leaf is in range.
    static let relations: [Relation] = [
        .sumToOne(group: "population.householdSize", members: ["two", "three", "four", "fiveOrMore"]),
        .sumToOne(group: "population.illOrDisabledMembers", members: ["none", "one", "two", "three", "four"]),
        .sumAtMostOne(group: "population.people", members: ["generalLabour", "skilledLabour", "students"],
                      remainder: "weak labour and elderly"),
        .sumToOne(group: "population.studentStages", members: ["children", "highSchool", "university"]),
        .sumToOne(group: "population.headEducation", members: ["illiterate", "primary", "junior", "highSchool"]),
        .sumToOne(group: "shocks.illness.levelShares", members: ["township", "county", "prefecture", "province"]),
        .sumAtMostOne(group: "population.livestock", members: ["cattleShare", "sheepShare", "poultryShare"],
                      remainder: "households without livestock"),
        .ordered(lower: "population.livestock.cattleHerdMin", upper: "population.livestock.cattleHerdMax"),
        .ordered(lower: "population.livestock.sheepHerdMin", upper: "population.livestock.sheepHerdMax"),
        .ordered(lower: "population.villages.minHouseholds", upper: "population.villages.maxHouseholds"),
        .withinHorizon("shocks.flood.forcedYear"),
        .withinHorizon("shocks.avianFlu.forcedYear"),
        .listWithinHorizon("shocks.wages.schedule"),
    ]

    /// The table as a dictionary, for lookups by key path.
    static let byPath: [String: ValidRange] = Dictionary(table.map { ($0.path, $0.range) }, uniquingKeysWith: { first, _ in first })
}

/// The valid values of one leaf, and how to say so.
enum ValidRange: Sendable {
    /// A probability, [0, 1].
    case probability
    /// A share of a whole, or a rate of reimbursement, [0, 1].
    case share
    /// A multiplying factor that may only shrink what it multiplies, [0, 1].
    case factor
    /// The mean of a Beta distribution, (0, 1) exclusive.
    case betaMean
    /// Money, means: 0…`ValidRanges.maximumAmount`.
    case nonNegative
    /// Shapes, Beta parameters, medians, the poverty line: > 0 and at most `ValidRanges.maximumAmount`.
    case positive
    /// The σ of a log-normal: 0…`ValidRanges.maximumLogNormalSigma`.
    case logNormalSigma
    /// Months of a year, [0, 12].
    case months
    /// A real number in a closed range, described by a noun.
    case between(ClosedRange<Double>, String)
    /// A whole number in a closed range (the kind check has already refused fractions).
    case whole(ClosedRange<Int>)
    /// Text from a fixed list, with a note on why the list is short.
    case oneOf([String], note: String)
    /// A list whose every entry is 0…`ValidRanges.maximumAmount`, each described by a noun.
    case eachNonNegative(String)
    /// Anything the kind allows: every 64-bit seed; every generator name the kind check accepted.
    case any
}

/// A rule between parameters, stated with full key paths (group members relative to their group).
enum Relation: Sendable {
    /// The members must sum to 1 within `ValidRanges.sumTolerance`.
    case sumToOne(group: String, members: [String])
    /// The members must sum to at most 1 (plus the tolerance); the rest is `remainder`.
    case sumAtMostOne(group: String, members: [String], remainder: String)
    /// `lower` ≤ `upper`.
    case ordered(lower: String, upper: String)
    /// A year that must lie in 0…run.years.
    case withinHorizon(String)
    /// A list with at most run.years entries (one per year of the horizon).
    case listWithinHorizon(String)
}
