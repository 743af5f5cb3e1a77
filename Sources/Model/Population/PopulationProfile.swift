/// One published figure of a population profile (MODEL.md §3): what a synthetic population is compared with.
///
/// A profile file (`scenarios/profiles/NAME.yaml`) lists these under `targets:`, each with its source, so a reader
/// checks the synthesis against the field study without reading code.
public struct PopulationTarget: Equatable, Sendable {
    /// What is measured, e.g. `household size`; see ``PopulationCensus/value(attribute:category:)``.
    public var attribute: String
    /// Which share or moment of it, e.g. `2`, `mean`, `sd`.
    public var category: String
    /// The published figure.
    public var value: Double
    /// Where it is published (a source code of MODEL.md and its table).
    public var source: String
    /// `true` when the synthesis reaches the figure by design (a test holds it to it at 100,000 households); `false`
    /// for a figure the synthesis's form only approximates (the note says why).
    public var fitted: Bool
    public var note: String

    public init(attribute: String, category: String, value: Double, source: String, fitted: Bool = true, note: String = "") {
        self.attribute = attribute
        self.category = category
        self.value = value
        self.source = source
        self.fitted = fitted
        self.note = note
    }
}

/// One row of `population.csv`: a target beside what the synthesis produced.
public struct PopulationComparisonRow: Equatable, Sendable {
    public var attribute: String
    /// The target's category, with the rule that moved the target when one did (e.g. the cap at household size).
    public var category: String
    /// The figure the synthesis aims at: the published one, or what a documented rule of MODEL.md §3 makes of it.
    public var target: Double
    public var simulated: Double
    /// Whether the figure is a share (compared in percentage points) rather than a mean or a spread.
    public var isShare: Bool
    public var fitted: Bool
    /// Standard error of `simulated` over the households counted: the yardstick of the statistical test.
    public var standardError: Double
}

/// Sums over synthesised households, enough to measure every attribute a profile publishes (MODEL.md §3).
///
/// Plain counters, no dictionary: a census folds in 100,000 households in a blink and two censuses merge by addition.
public struct PopulationCensus: Sendable, Equatable {
    public private(set) var households = 0
    var sizeClass = [Int](repeating: 0, count: 4)
    var sizeSum = 0.0, sizeSquares = 0.0
    var dibaoHouseholds = 0
    var dibaoPeople = 0.0, dibaoPeopleSquares = 0.0
    var illOrDisabled = [Int](repeating: 0, count: 5)
    var disabledSum = 0.0, disabledSquares = 0.0
    var chronicSum = 0.0, chronicSquares = 0.0
    var education = [Int](repeating: 0, count: 4)
    var educationCodeSum = 0.0, educationCodeSquares = 0.0
    var people = 0.0
    var general = 0.0, skilled = 0.0, students = 0.0, noOrWeakLabour = 0.0
    var labourers = 0.0, migrants = 0.0
    var debtors = 0, debtSum = 0.0, debtSquares = 0.0

    public init() {}

    /// Counts one household as synthesised (year 0, before any step).
    public mutating func record(_ household: Household) {
        households += 1
        let size = household.size
        sizeClass[min(max(size, 2), 5) - 2] += 1
        sizeSum += Double(size)
        sizeSquares += Double(size * size)
        if household.flags.contains(.onDibao) {
            dibaoHouseholds += 1
            dibaoPeople += Double(size)
            dibaoPeopleSquares += Double(size * size)
        }
        let disabled = Double(household.disabled), chronic = Double(household.chronicIll)
        illOrDisabled[min(Int(household.disabled) + Int(household.chronicIll), 4)] += 1
        disabledSum += disabled
        disabledSquares += disabled * disabled
        chronicSum += chronic
        chronicSquares += chronic * chronic
        let educationIndex = Int(household.headEducation.rawValue)
        education[educationIndex] += 1
        let code = Self.educationCode[educationIndex]
        educationCodeSum += code
        educationCodeSquares += code * code
        let students = Int(household.children) + Int(household.highSchool) + Int(household.university)
        people += Double(size)
        general += Double(household.generalLabour)
        skilled += Double(household.skilledLabour)
        self.students += Double(students)
        // `000` Table 4's no-or-weak labour includes the disabled (MODEL.md §7, "Labour shares").
        noOrWeakLabour += Double(Int(household.weakLabour) + Int(household.elderly) + Int(household.disabled))
        labourers += Double(Int(household.generalLabour) + Int(household.skilledLabour))
        migrants += Double(Int(household.generalMigrants) + Int(household.skilledMigrants))
        if household.debt > 0 {
            debtors += 1
            let debt = Double(household.debt)
            debtSum += debt
            debtSquares += debt * debt
        }
    }

    /// `002` codes head education 1 elementary or below, 2 junior high, 3 vocational, 4 high school, 5 college: the
    /// model's four levels map to 1, 1, 2, 4 (MODEL.md §3, profile `liangshan-2020`).
    static let educationCode: [Double] = [1, 1, 2, 4]

    public mutating func merge(_ other: PopulationCensus) {
        households += other.households
        for index in sizeClass.indices { sizeClass[index] += other.sizeClass[index] }
        for index in illOrDisabled.indices { illOrDisabled[index] += other.illOrDisabled[index] }
        for index in education.indices { education[index] += other.education[index] }
        sizeSum += other.sizeSum; sizeSquares += other.sizeSquares
        dibaoHouseholds += other.dibaoHouseholds
        dibaoPeople += other.dibaoPeople; dibaoPeopleSquares += other.dibaoPeopleSquares
        disabledSum += other.disabledSum; disabledSquares += other.disabledSquares
        chronicSum += other.chronicSum; chronicSquares += other.chronicSquares
        educationCodeSum += other.educationCodeSum; educationCodeSquares += other.educationCodeSquares
        people += other.people
        general += other.general; skilled += other.skilled; students += other.students
        noOrWeakLabour += other.noOrWeakLabour
        labourers += other.labourers; migrants += other.migrants
        debtors += other.debtors; debtSum += other.debtSum; debtSquares += other.debtSquares
    }

    /// A measured figure: its value, whether it is a share, and its standard error; `nil` for an unknown attribute or
    /// category (the names a profile's `targets:` may use are listed in MODEL.md §3).
    public func value(attribute: String, category: String) -> (value: Double, isShare: Bool, standardError: Double)? {
        let n = Double(max(households, 1))
        func share(_ count: Int, of total: Double) -> (Double, Bool, Double) {
            let p = Double(count) / max(total, 1)
            return (p, true, (p * (1 - p) / max(total, 1)).squareRoot())
        }
        func share(_ part: Double, of total: Double, clusters: Double) -> (Double, Bool, Double) {
            // Members cluster in households: the binomial error over members understates it, so count households.
            let p = part / max(total, 1)
            return (p, true, (p * (1 - p) / max(clusters, 1)).squareRoot())
        }
        func mean(_ sum: Double, _ squares: Double, over count: Double) -> (Double, Bool, Double) {
            let m = sum / max(count, 1)
            let variance = max(0, squares / max(count, 1) - m * m)
            return (m, false, (variance / max(count, 1)).squareRoot())
        }
        func spread(_ sum: Double, _ squares: Double, over count: Double) -> (Double, Bool, Double) {
            let m = sum / max(count, 1)
            let sd = max(0, squares / max(count, 1) - m * m).squareRoot()
            return (sd, false, sd / (2 * max(count - 1, 1)).squareRoot())
        }
        switch (attribute, category) {
        case ("household size", "2"): return share(sizeClass[0], of: n)
        case ("household size", "3"): return share(sizeClass[1], of: n)
        case ("household size", "4"): return share(sizeClass[2], of: n)
        case ("household size", "5 or more"): return share(sizeClass[3], of: n)
        case ("household size", "mean"): return mean(sizeSum, sizeSquares, over: n)
        case ("household size", "sd"): return spread(sizeSum, sizeSquares, over: n)
        case ("dibao", "share of households"): return share(dibaoHouseholds, of: n)
        case ("dibao", "people per household"): return mean(dibaoPeople, dibaoPeopleSquares, over: n)
        case ("dibao", "people per household sd"): return spread(dibaoPeople, dibaoPeopleSquares, over: n)
        case ("members ill or disabled", let k) where ["0", "1", "2", "3", "4"].contains(k):
            return share(illOrDisabled[Int(k) ?? 0], of: n)
        case ("disabled members", "mean"): return mean(disabledSum, disabledSquares, over: n)
        case ("chronic-ill members", "mean"): return mean(chronicSum, chronicSquares, over: n)
        case ("head education", "illiterate"): return share(education[0], of: n)
        case ("head education", "primary"): return share(education[1], of: n)
        case ("head education", "junior"): return share(education[2], of: n)
        case ("head education", "high school"): return share(education[3], of: n)
        case ("head education", "code mean"): return mean(educationCodeSum, educationCodeSquares, over: n)
        case ("head education", "code sd"): return spread(educationCodeSum, educationCodeSquares, over: n)
        case ("people", "general labour"): return share(general, of: people, clusters: n)
        case ("people", "skilled labour"): return share(skilled, of: people, clusters: n)
        case ("people", "students"): return share(students, of: people, clusters: n)
        case ("people", "no or weak labour"): return share(noOrWeakLabour, of: people, clusters: n)
        case ("migrants", "share of labourers"): return share(migrants, of: labourers, clusters: n)
        case ("debt", "mean of debtors"): return mean(debtSum, debtSquares, over: Double(debtors))
        case ("debt", "mean"): return mean(debtSum, debtSquares, over: n)
        case ("debt", "sd"): return spread(debtSum, debtSquares, over: n)
        default: return nil
        }
    }
}

/// Sets a profile's targets beside a census (MODEL.md §3).
public enum PopulationComparison {
    /// One row per target, in the profile's order; throws on a target the census cannot measure.
    ///
    /// Members ill or disabled are drawn from the published shares and then capped at the household's size (MODEL.md
    /// §3): the row's target is the share that rule implies, with the published figure in its category.
    public static func rows(
        targets: [PopulationTarget], census: PopulationCensus, parameters: PopulationParameters
    ) throws(UnknownPopulationTarget) -> [PopulationComparisonRow] {
        let capped = cappedIllOrDisabledShares(parameters)
        var rows: [PopulationComparisonRow] = []
        for target in targets {
            guard let measured = census.value(attribute: target.attribute, category: target.category) else {
                throw UnknownPopulationTarget(attribute: target.attribute, category: target.category)
            }
            var category = target.category
            var aim = target.value
            if target.attribute == "members ill or disabled", let k = Int(target.category), capped.indices.contains(k),
               abs(capped[k] - target.value) > 1e-9 {
                aim = capped[k]
                category = "\(target.category) (capped at household size; published \(target.value))"
            }
            rows.append(PopulationComparisonRow(
                attribute: target.attribute, category: category, target: aim, simulated: measured.value,
                isShare: measured.isShare, fitted: target.fitted, standardError: measured.standardError))
        }
        return rows
    }

    /// Shares of households with 0…4 members ill or disabled once the drawn count is capped at the size (whose
    /// classes 2, 3, 4 are exact and ≥ 5 exceeds the largest count). Not renormalised: a share the cap does not move
    /// stays the published figure (the published shares sum to 0.9999 by rounding).
    public static func cappedIllOrDisabledShares(_ parameters: PopulationParameters) -> [Double] {
        let ill = parameters.illOrDisabledMembers
        let drawn = [ill.none, ill.one, ill.two, ill.three, ill.four]
        let size = parameters.householdSize
        let sizeTotal = size.two + size.three + size.four + size.fiveOrMore
        let sizeShares = [(2, size.two), (3, size.three), (4, size.four), (5, size.fiveOrMore)]
        var capped = [Double](repeating: 0, count: 5)
        for (count, share) in drawn.enumerated() {
            for (members, sizeShare) in sizeShares {
                capped[min(count, members)] += share * sizeShare / sizeTotal
            }
        }
        return capped
    }
}

/// A profile target names an attribute or category the census does not measure.
public struct UnknownPopulationTarget: Error, Equatable {
    public let attribute: String
    public let category: String
}
