/// The interventions of MODEL.md §4, and the medical schemes every household has.
public struct InterventionParameters: Codable, Equatable, Sendable {
    public var dibao = DibaoParameters()
    public var training = TrainingParameters()
    public var medicalInsurance = MedicalInsuranceParameters()
    public var agriculturalInsurance = AgriculturalInsuranceParameters()
    /// The monitoring and assistance mechanism (MODEL.md §7; `000` §4): off in the reference, on in the baseline.
    public var monitoring = MonitoringParameters()
    /// Basic medical insurance: deductibles and reimbursement by level (everyone; MODEL.md §4 step 4).
    public var basicMedical = BasicMedicalParameters()
    /// Major-illness insurance (everyone; MODEL.md §4 step 4).
    public var majorIllness = MajorIllnessParameters()
    public init() {}
}

/// The minimum living guarantee (MODEL.md §4 step 3).
public struct DibaoParameters: Codable, Equatable, Sendable {
    /// The standard s, yuan per person a year (*assumed* 5,500).
    public var standard = 5_500.0
    /// Probability a household on dibao stays on ("alleviated without removing policies", `000` §4).
    public var retention = 0.9
    /// Probability an eligible household (assessed below s) is left off (*assumed* 0.15).
    public var exclusionError = 0.15
    /// Probability an ineligible household is put on (*assumed*; `001`).
    public var inclusionError = 0.03
    public init() {}
}

extension DibaoParameters: ParameterSection {
    /// The keys under `interventions.dibao`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("standard", \.standard, .nonNegative, unit: "yuan/person/yr", .assumed, source: "*assumed*"),
        .init("retention", \.retention, .probability, unit: "prob./yr", .sourced, source: "`000` §4"),
        .init("exclusionError", \.exclusionError, .probability, unit: "probability", .assumed, source: "*assumed*"),
        .init("inclusionError", \.inclusionError, .probability, unit: "probability", .assumed,
              source: "*assumed* (`001`: verification recommended 44.2 % of 1,404 households)"),
    ]
}

/// Vocational training of general labourers (MODEL.md §4 step 3; `000` §4.5).
public struct TrainingParameters: Codable, Equatable, Sendable {
    /// Yearly probability a general labourer is offered training.
    public var coverage = 0.05
    /// The same for a household below the monitoring line last year.
    public var coverageMonitored = 0.3
    /// Probability an accepted trainee is certified and becomes skilled at the end of the year (48,681 / 110,400).
    public var certification = 0.44
    /// Fiscal cost per accepted trainee (32.024 million yuan for 110,400).
    public var costPerTrainee = 290.0
    /// Probability that a migrant certified by training stays away as a skilled migrant (earning skilled pay away)
    /// rather than coming home as a skilled labourer at home (MODEL.md §7, "Certified migrants"): 1 = "stays away",
    /// the contract's default; 0 = every one comes home. *Assumed*: it carries most of training's effect, so
    /// `repoverty sensitivity` gives it a row of its own with the other setting (issue 16).
    public var certifiedMigrantsStayAway = 1.0
    public init() {}
}

extension TrainingParameters: ParameterSection {
    /// The keys under `interventions.training`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("coverage", \.coverage, .probability, unit: "prob./yr", .assumed, source: "*assumed*"),
        .init("coverageMonitored", \.coverageMonitored, .probability, unit: "prob./yr", .assumed, source: "*assumed*"),
        .init("certification", \.certification, .probability, unit: "probability", .sourced,
              source: "`000` §4.5 (48,681 certificates for 110,400 trainees)"),
        .init("costPerTrainee", \.costPerTrainee, .nonNegative, unit: "yuan", .sourced,
              source: "`000` §4.5 (32.024 million yuan for 110,400)"),
        .init("certifiedMigrantsStayAway", \.certifiedMigrantsStayAway, .switchProbability, unit: "probability", .assumed,
              source: "*assumed* (contract §7: \"stays away\")"),
    ]
}

/// Supplementary medical insurance (MODEL.md §4 steps 3–4; `003` §3.3, terms *assumed*).
public struct MedicalInsuranceParameters: Codable, Equatable, Sendable {
    /// Probability a household enrols at year 0 (0 in the reference; 0.5 when switched on, *assumed*).
    public var coverage = 0.0
    /// Pays `rate` of the medical out-of-pocket that remains above this amount.
    public var threshold = 3_000.0
    public var rate = 0.5
    /// Premium per person a year, government-paid.
    public var premiumPerPerson = 100.0
    public init() {}
}

extension MedicalInsuranceParameters: ParameterSection {
    /// The keys under `interventions.medicalInsurance`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("coverage", \.coverage, .probability, unit: "probability", .assumed, source: "*assumed*"),
        .init("threshold", \.threshold, .nonNegative, unit: "yuan/household/yr", .assumed,
              source: "`003` §3.3; terms *assumed*"),
        .init("rate", \.rate, .share, unit: "share", .assumed, source: "`003` §3.3; terms *assumed*"),
        .init("premiumPerPerson", \.premiumPerPerson, .nonNegative, unit: "yuan/person/yr", .assumed,
              source: "*assumed*"),
    ]
}

/// Agricultural insurance (MODEL.md §4 steps 3 and 5; `000` §4.5).
public struct AgriculturalInsuranceParameters: Codable, Equatable, Sendable {
    /// Probability a household with land or livestock enrols at year 0.
    public var coverage = 0.806
    /// Pays this share of flood and epizootic losses above the deductible.
    public var rate = 0.7
    /// Deductible as a share of the pre-loss crop and livestock value.
    public var deductibleShare = 0.1
    /// Premium per enrolled household a year, government-paid.
    public var premiumPerHousehold = 60.0
    public init() {}
}

extension AgriculturalInsuranceParameters: ParameterSection {
    /// The keys under `interventions.agriculturalInsurance`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("coverage", \.coverage, .probability, unit: "probability", .sourced, source: "`000` §4.5"),
        .init("rate", \.rate, .share, unit: "share", .assumed, source: "*assumed*"),
        .init("deductibleShare", \.deductibleShare, .share, unit: "share", .assumed, source: "*assumed*"),
        .init("premiumPerHousehold", \.premiumPerHousehold, .nonNegative, unit: "yuan/household/yr", .assumed,
              source: "*assumed*"),
    ]
}

/// Whether the monitoring and assistance mechanism runs (MODEL.md §7).
public enum MonitoringMechanism: String, CaseIterable, Codable, Sendable, ParameterValueConvertible {
    /// The reference model: nobody is monitored.
    case off
    /// The status quo since 2019–2020 (`000` §4).
    case on
}

/// The monitoring and assistance mechanism (MODEL.md §7; `000` §4: self-application, village screening, comparison of
/// department data; assistance for those found; removal once stable).
///
/// From year 1, after the assessment, a cohort household whose assessed income with dibao is below the monitoring
/// line, or whose year brought medical costs or a disaster loss above a threshold, is found with probability
/// `detection`; it is on the list from the next year, when it receives a transfer filling `transferShare` of its gap
/// to the monitoring line, training at `training.coverageMonitored` and a dibao review with `dibaoExclusionError`
/// (priority for training and dibao review); it leaves after `stableYears` consecutive years
/// above the monitoring line. Thresholds, stable years and the assistance terms are *assumed*; `detection` is
/// calibrated to `000`'s village figures.
public struct MonitoringParameters: Codable, Equatable, Sendable {
    /// `off` in the reference model, `on` in the baseline.
    public var mechanism = MonitoringMechanism.off
    /// Probability a year that an eligible household not yet on the list is found: fitted by `repoverty calibrate
    /// scenarios/baseline.yaml --target monitored_share@2=0.041 --free interventions.monitoring.detection=0.02..0.3
    /// --years 2` (the baseline's 20,000 households, 8 replicates, seed 1: 0.0895) to `000`'s villages at the end of
    /// 2020, about two years into the mechanism: 25 of their 603 formerly poor households monitored (6 of 153, 10 of
    /// 161, 9 of 289; 4.1 %, inside the 3–6 % of the three).
    public var detection = 0.09
    /// Medical costs of the year (out-of-pocket after insurance plus non-medical costs) above which a household is
    /// eligible whatever its income, yuan a household.
    public var medicalCostThreshold = 5_000.0
    /// Flood and epizootic losses of the year above which a household is eligible whatever its income, yuan a
    /// household.
    public var disasterLossThreshold = 5_000.0
    /// Consecutive years above the monitoring line after which a household leaves the list.
    public var stableYears = 2
    /// Share of the gap between the monitoring line and the assessed income with dibao that the temporary transfer
    /// fills, for a household on the list.
    public var transferShare = 1.0
    /// Exclusion error of the dibao review for an eligible household on the list (priority for dibao review).
    public var dibaoExclusionError = 0.05
    public init() {}
}

extension MonitoringParameters: ParameterSection {
    /// The keys under `interventions.monitoring`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("mechanism", \.mechanism, .oneOf(MonitoringMechanism.allCases.map(\.rawValue), note: "off or on"),
              unit: "switch", .sourced, source: "`000` §4 (in place since 2019–2020); off in the reference"),
        .init("detection", \.detection, .probability, unit: "prob./yr", .calibrated,
              source: "calibrated: `000` §4 village figures, end of 2020 (6 of 153, 10 of 161, 9 of 289 monitored, 25 of 603: monitored_share@2 = 0.041 in baseline.yaml)"),
        .init("medicalCostThreshold", \.medicalCostThreshold, .nonNegative, unit: "yuan/household/yr", .assumed,
              source: "*assumed*"),
        .init("disasterLossThreshold", \.disasterLossThreshold, .nonNegative, unit: "yuan/household/yr", .assumed,
              source: "*assumed*"),
        .init("stableYears", \.stableYears, .whole(1...MonitoringStatus.maximumStableYears), unit: "years", .assumed,
              source: "*assumed*"),
        .init("transferShare", \.transferShare, .share, unit: "share of the gap", .assumed, source: "*assumed*"),
        .init("dibaoExclusionError", \.dibaoExclusionError, .probability, unit: "probability", .assumed,
              source: "*assumed*"),
    ]
}

/// Basic medical insurance by hospital level (`000` gives the ends, the middle is *assumed*; `001`).
public struct BasicMedicalParameters: Codable, Equatable, Sendable {
    public var deductibles = HospitalLevels(township: 150, county: 600, prefecture: 1_500, province: 3_000)
    public var reimbursementRates = HospitalLevels(township: 0.85, county: 0.75, prefecture: 0.65, province: 0.60)
    /// Share of chronic outpatient costs reimbursed (`001`: 90–60 % by level).
    public var chronicOutpatientRate = 0.8
    public init() {}
}

extension BasicMedicalParameters: ParameterSection {
    /// The keys under `interventions.basicMedical`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("deductibles.township", \.deductibles.township, .nonNegative, unit: "yuan/stay", .sourced,
              source: "`000` case 3"),
        .init("deductibles.county", \.deductibles.county, .nonNegative, unit: "yuan/stay", .assumed,
              source: "*assumed*"),
        .init("deductibles.prefecture", \.deductibles.prefecture, .nonNegative, unit: "yuan/stay", .assumed,
              source: "*assumed*"),
        .init("deductibles.province", \.deductibles.province, .nonNegative, unit: "yuan/stay", .sourced,
              source: "`000` case 3"),
        .init("reimbursementRates.township", \.reimbursementRates.township, .share, unit: "share", .sourced,
              source: "`000` case 3"),
        .init("reimbursementRates.county", \.reimbursementRates.county, .share, unit: "share", .assumed,
              source: "*assumed*"),
        .init("reimbursementRates.prefecture", \.reimbursementRates.prefecture, .share, unit: "share", .assumed,
              source: "*assumed*"),
        .init("reimbursementRates.province", \.reimbursementRates.province, .share, unit: "share", .sourced,
              source: "`000` case 3"),
        .init("chronicOutpatientRate", \.chronicOutpatientRate, .share, unit: "share", .sourced,
              source: "`001` (90–60 % by level)"),
    ]
}

/// Major-illness insurance: reimburses a share of the household's medical out-of-pocket above a threshold (`000`).
public struct MajorIllnessParameters: Codable, Equatable, Sendable {
    public var threshold = 5_000.0
    /// The threshold for a household on dibao.
    public var dibaoThreshold = 2_000.0
    /// Share reimbursed above the threshold (*assumed*).
    public var rate = 0.6
    public init() {}
}

extension MajorIllnessParameters: ParameterSection {
    /// The keys under `interventions.majorIllness`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("threshold", \.threshold, .nonNegative, unit: "yuan/household/yr", .sourced, source: "`000` case 3"),
        .init("dibaoThreshold", \.dibaoThreshold, .nonNegative, unit: "yuan/household/yr", .sourced,
              source: "`000` case 3"),
        .init("rate", \.rate, .share, unit: "share", .assumed, source: "*assumed*"),
    ]
}
