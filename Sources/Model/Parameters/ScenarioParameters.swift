import Randomness

/// Everything a scenario file says about the model: the sections of a scenario file, as plain data.
///
/// Each default is MODEL.md's (v1.2); docs/MODEL.md maps every key to its source or marks it *assumed*. A scenario file
/// overrides only what differs; the loader merges it onto these defaults and checks ranges once, so the yearly loop
/// sees only numbers.
public struct ScenarioParameters: Codable, Equatable, Sendable {
    /// Who the households are at year 0 (MODEL.md §3).
    public var population = PopulationParameters()
    /// Incomes, prices and expenditures that are not shocks (MODEL.md §1, §4 steps 5–9).
    public var economy = EconomyParameters()
    /// Ageing, schooling, disability and deaths (MODEL.md §4 step 2).
    public var demography = DemographyParameters()
    /// Illness, floods, epizootics, relocation costs, price and wage swings (MODEL.md §4 steps 1, 4, 5, 7).
    public var shocks = ShockParameters()
    /// Dibao, training, insurance and the medical schemes everyone has (MODEL.md §4 steps 3, 4, 5, 11).
    public var interventions = InterventionParameters()
    /// How `run --vulnerability` estimates vulnerability as `002` does (MODEL.md §7); read by no phase of the year.
    public var vulnerability = VulnerabilityParameters()
    /// Size, horizon, replicates, seed and generator of a run.
    public var run = RunSettings()
    /// Intervention keys given per year (``PerYearValues``), in declaration order; nil when none is, and then absent
    /// from `run.json`, which stays as it was. Each key's own field holds its year-0 value.
    public var perYear: [PerYearValues]? = nil

    public init() {}
}

/// How big a run is and where its randomness starts.
public struct RunSettings: Codable, Equatable, Sendable {
    /// Years of the horizon after the selection year 0 (MODEL.md §1: 5, the transition period).
    public var years = 5
    /// Independent replicates of the years (the population is the same in each: MODEL.md §3).
    public var replicates = 10
    /// Households synthesised (*assumed*: enough for a county-sized answer in seconds).
    public var households = 10_000
    /// The seed from which every stream key starts (MODEL.md §6).
    public var seed: UInt64 = 1
    /// The GSL generator behind every stream.
    public var generator = GeneratorKind.taus2
    /// The calendar year of year 0, the selection year (e.g. 2020: years 1–5 are 2021–2025), or 0 for none. It only
    /// labels outputs (a `calendar_year` column, the printed tables) and never changes a figure (issue 15 item 6).
    public var startYear = 0
    /// How many households of the real population the synthetic `households` stand for, or 0 for none: counts and
    /// costs are then also written scaled by represents / households, in separate `*_represented` columns. It never
    /// changes a figure (issue 17).
    public var represents = 0.0

    public init() {}

    /// Whether `startYear` labels years.
    public var hasStartYear: Bool { startYear != 0 }
    /// The factor from the synthetic households to those they stand for, or nil when `represents` is not given.
    public var representedScale: Double? { represents > 0 ? represents / Double(households) : nil }

    /// The calendar year of year t of the horizon, or nil without `startYear`.
    public func calendarYear(_ year: Int) -> Int? { hasStartYear ? startYear + year : nil }
}

/// A `run.json` written before the labels existed still reads (as "no label"), so `run` can tell whether a folder
/// holds the identical run. New records hold every key, the labels included.
extension RunSettings {
    private enum CodingKeys: String, CodingKey {
        case years, replicates, households, seed, generator, startYear, represents
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        years = try container.decode(Int.self, forKey: .years)
        replicates = try container.decode(Int.self, forKey: .replicates)
        households = try container.decode(Int.self, forKey: .households)
        seed = try container.decode(UInt64.self, forKey: .seed)
        generator = try container.decode(GeneratorKind.self, forKey: .generator)
        startYear = try container.decodeIfPresent(Int.self, forKey: .startYear) ?? 0
        represents = try container.decodeIfPresent(Double.self, forKey: .represents) ?? 0
    }
}

extension RunSettings: ParameterSection {
    /// The keys under `run`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("years", \.years, .whole(1...ParameterRange.maximumYears), unit: "years", .assumed,
              source: "*assumed* (contract §1)"),
        .init("replicates", \.replicates, .whole(1...100_000), unit: "replicates", .assumed, source: "*assumed*"),
        .init("households", \.households, .whole(1...100_000_000), unit: "households", .assumed, source: "*assumed*"),
        .init("seed", \.seed, .any, unit: "64-bit integer", .assumed, source: "*assumed*"),
        .init("generator", \.generator, .oneOf(GeneratorKind.allCases.map(\.rawValue), note: "a GSL generator"),
              unit: "name", .assumed, source: "*assumed*"),
        .init("startYear", \.startYear, .whole(0...9999), unit: "calendar year of year 0, 0 for none", .assumed,
              source: "*assumed*: a label the planner gives, never a model figure"),
        .init("represents", \.represents, .between(0...1e10, "a number of real households, 0 for none"),
              unit: "households", .assumed, source: "*assumed*: a label the planner gives, never a model figure"),
    ]
}
