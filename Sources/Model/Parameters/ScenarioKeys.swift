/// Every scenario key of `ScenarioParameters`, gathered from the declarations beside each section's struct.
///
/// This is the one place that lists the sections; everything about a key — its default, range, unit and source — is
/// declared with its section (`ParameterSection`), so a key is added by declaring it there. Validation, the key index
/// (`repoverty keys`), the comments of `repoverty validate --print`, and code that moves a key by its path
/// (calibration, sensitivity) all read the keys from here.
public enum ScenarioKeys {
    /// Every section that declares keys, once, with its key path from the root.
    static let sections: [DeclaredSection] = [
        DeclaredSection("population", \.population, PopulationParameters.self),
        DeclaredSection("population.householdSize", \.population.householdSize, HouseholdSizeShares.self),
        DeclaredSection("population.illOrDisabledMembers", \.population.illOrDisabledMembers, IllOrDisabledShares.self),
        DeclaredSection("population.people", \.population.people, PeopleShares.self),
        DeclaredSection("population.studentStages", \.population.studentStages, StudentStageShares.self),
        DeclaredSection("population.migrantShare", \.population.migrantShare, MigrantShares.self),
        DeclaredSection("population.headEducation", \.population.headEducation, HeadEducationShares.self),
        DeclaredSection("population.motivation", \.population.motivation, MotivationParameters.self),
        DeclaredSection("population.land", \.population.land, LandParameters.self),
        DeclaredSection("population.livestock", \.population.livestock, LivestockParameters.self),
        DeclaredSection("population.debt", \.population.debt, DebtParameters.self),
        DeclaredSection("population.villages", \.population.villages, VillageParameters.self),
        DeclaredSection("economy", \.economy, EconomyParameters.self),
        DeclaredSection("economy.farming", \.economy.farming, FarmingParameters.self),
        DeclaredSection("economy.migrantWork", \.economy.migrantWork, MigrantWorkParameters.self),
        DeclaredSection("economy.localWages", \.economy.localWages, LocalWageParameters.self),
        DeclaredSection("economy.migration", \.economy.migration, MigrationParameters.self),
        DeclaredSection("demography", \.demography, DemographyParameters.self),
        DeclaredSection("shocks.illness", \.shocks.illness, IllnessParameters.self),
        DeclaredSection("shocks.flood", \.shocks.flood, FloodParameters.self),
        DeclaredSection("shocks.avianFlu", \.shocks.avianFlu, AvianFluParameters.self),
        DeclaredSection("shocks.livestockDisease", \.shocks.livestockDisease, LivestockDiseaseParameters.self),
        DeclaredSection("shocks.prices", \.shocks.prices, PriceParameters.self),
        DeclaredSection("shocks.wages", \.shocks.wages, WageParameters.self),
        DeclaredSection("shocks.relocation", \.shocks.relocation, RelocationParameters.self),
        DeclaredSection("interventions.dibao", \.interventions.dibao, DibaoParameters.self),
        DeclaredSection("interventions.training", \.interventions.training, TrainingParameters.self),
        DeclaredSection("interventions.medicalInsurance", \.interventions.medicalInsurance, MedicalInsuranceParameters.self),
        DeclaredSection("interventions.agriculturalInsurance", \.interventions.agriculturalInsurance,
                        AgriculturalInsuranceParameters.self),
        DeclaredSection("interventions.monitoring", \.interventions.monitoring, MonitoringParameters.self),
        DeclaredSection("interventions.basicMedical", \.interventions.basicMedical, BasicMedicalParameters.self),
        DeclaredSection("interventions.majorIllness", \.interventions.majorIllness, MajorIllnessParameters.self),
        DeclaredSection("vulnerability", \.vulnerability, VulnerabilityParameters.self),
        DeclaredSection("run", \.run, RunSettings.self),
    ]

    /// Every rule between keys, with full key paths, in the order of `sections`.
    public static let relations: [ParameterRelation] = sections.flatMap(\.relations)

    /// Every key, in the order of the properties of `ScenarioParameters` (the order of a scenario file).
    public static let all: [ScenarioKey] = {
        let declarations = sections.flatMap(\.declarations)
        let order = Dictionary(leafPaths(of: ScenarioParameters(), prefix: "").enumerated().map { ($1, $0) },
                               uniquingKeysWith: { first, _ in first })
        let groups = shareGroups()
        let defaults = ScenarioParameters()
        return declarations
            .map { ScenarioKey($0, shareGroup: groups[$0.key], defaults: defaults) }
            .enumerated()
            .sorted { (order[$0.element.path] ?? Int.max, $0.offset) < (order[$1.element.path] ?? Int.max, $1.offset) }
            .map(\.element)
    }()

    private static let byPath: [String: ScenarioKey] = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })

    /// The key at a dotted path such as `interventions.dibao.standard`, or nil if no section declares it.
    public static func declaration(for path: String) -> ScenarioKey? {
        byPath[path]
    }

    /// The group of shares each member key belongs to.
    private static func shareGroups() -> [String: ShareGroup] {
        var groups: [String: ShareGroup] = [:]
        for relation in relations {
            let group: ShareGroup
            switch relation {
            case let .sumToOne(path, members):
                group = ShareGroup(path: path, members: members.map { "\(path).\($0)" }, sumsToOne: true)
            case let .sumAtMostOne(path, members, _):
                group = ShareGroup(path: path, members: members.map { "\(path).\($0)" }, sumsToOne: false)
            default:
                continue
            }
            for member in group.members { groups[member] = group }
        }
        return groups
    }

    /// The dotted paths of a value's leaves in property order: what a scenario file's order follows.
    static func leafPaths(of value: Any, prefix: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        let isLeaf = value is Double || value is Int || value is UInt64 || value is String || value is [Double]
            || value is any RawRepresentable || mirror.displayStyle != .struct || mirror.children.isEmpty
        if isLeaf { return [prefix] }
        return mirror.children.flatMap { child -> [String] in
            guard let label = child.label, !(prefix.isEmpty && label == ScenarioParameters.perYearProperty) else { return [] }
            return leafPaths(of: child.value, prefix: prefix.isEmpty ? label : prefix + "." + label)
        }
    }
}

/// A section's declarations and relations seen from the root, under its key path.
struct DeclaredSection: Sendable {
    let prefix: String
    let declarations: [ParameterDeclaration<ScenarioParameters>]
    let relations: [ParameterRelation]

    init<Section: ParameterSection>(_ prefix: String, _ path: WritableKeyPath<ScenarioParameters, Section>,
                                    _ section: Section.Type) {
        self.prefix = prefix
        declarations = Section.declarations.map { $0.lifted(prefix: prefix, at: path) }
        relations = Section.relations.map { $0.prefixed(prefix) }
    }
}

/// Keys that are shares of one whole: the members of a `sumToOne` or `sumAtMostOne` relation.
public struct ShareGroup: Sendable, Equatable {
    /// The group's key path, e.g. `population.householdSize`.
    public let path: String
    /// The members' full key paths.
    public let members: [String]
    /// True if the members must sum to 1; false if to at most 1, the rest being a remainder no key names.
    public let sumsToOne: Bool
}

/// One scenario key: its path, range, unit, source and default, and access to its value in `ScenarioParameters`.
public struct ScenarioKey: Sendable {
    /// The dotted key path, e.g. `shocks.flood.probability`.
    public let path: String
    public let range: ParameterRange
    /// The unit of docs/MODEL.md §3.
    public let unit: String
    public let status: SourceStatus
    /// The source as docs/MODEL.md §3 cites it.
    public let source: String
    /// The group of shares the key belongs to, if any.
    public let shareGroup: ShareGroup?
    /// The value in `ScenarioParameters()`: the model's default, read through the key path.
    public let defaultValue: ParameterValue
    private let declaration: ParameterDeclaration<ScenarioParameters>

    init(_ declaration: ParameterDeclaration<ScenarioParameters>, shareGroup: ShareGroup?, defaults: ScenarioParameters) {
        path = declaration.key
        range = declaration.range
        unit = declaration.unit
        status = declaration.status
        source = declaration.source
        self.shareGroup = shareGroup
        defaultValue = declaration.read(defaults)
        self.declaration = declaration
    }

    /// The key's value in `parameters`.
    public func value(in parameters: ScenarioParameters) -> ParameterValue {
        declaration.read(parameters)
    }

    /// Sets the key in `parameters`; false, and nothing changed, if `value` is not of the key's kind (`.whole` for an
    /// `Int` key, `.text` naming a valid case for a choice, …). The range is not checked: `ScenarioLoader.validate` does.
    ///
    /// The value then holds in every year: a per-year list the key had (``PerYearValues``) is dropped.
    @discardableResult
    public func set(_ value: ParameterValue, in parameters: inout ScenarioParameters) -> Bool {
        guard declaration.write(&parameters, value) else { return false }
        parameters.dropPerYearValues(of: path)
        return true
    }

    /// What kind of number the key holds; nil for text, choices, lists and the seed.
    public var numericKind: NumericKind? {
        switch defaultValue {
        case .real, .whole: range.numericKind
        default: nil
        }
    }

    /// The key as a number, for searches and samples over numeric keys; nil for the others.
    public var numeric: NumericAccess? {
        guard let kind = numericKind else { return nil }
        let declaration = declaration
        let path = path
        return NumericAccess(
            kind: kind,
            get: { parameters in
                switch declaration.read(parameters) {
                case let .real(number): number
                case let .whole(number): Double(number)
                default: .nan
                }
            },
            set: { parameters, number in
                if kind == .whole {
                    // Rounded, and beyond Int's range (or NaN) pinned to an end that validation then refuses.
                    let whole = Int(exactly: number.rounded()) ?? (number > 0 ? Int.max : Int.min)
                    _ = declaration.write(&parameters, .whole(whole))
                } else {
                    _ = declaration.write(&parameters, .real(number))
                }
                parameters.dropPerYearValues(of: path)
            })
    }
}

extension ScenarioParameters {
    /// Forget `path`'s per-year values: a key set as one number holds it in every year.
    mutating func dropPerYearValues(of path: String) {
        guard perYear != nil else { return }
        perYear?.removeAll { $0.key == path }
        if perYear?.isEmpty == true { perYear = nil }
    }
}

/// Reading and writing a numeric key as a `Double`.
public struct NumericAccess: Sendable {
    public let kind: NumericKind
    /// The key's value.
    public let get: @Sendable (ScenarioParameters) -> Double
    /// Sets the key in every year; a whole key takes the value rounded to the nearest whole number.
    public let set: @Sendable (inout ScenarioParameters, Double) -> Void
}
