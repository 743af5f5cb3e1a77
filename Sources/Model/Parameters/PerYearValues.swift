/// An intervention key given per year (issue 15, item 6): the values of years 0, 1, 2, …, the last carried forward
/// to the end of the horizon — a dibao standard that rises each year, monitoring switched on from year 2.
///
/// A scenario writes the key with a list instead of a number (`interventions.dibao.standard: [5500, 5800, 6100]`);
/// any numeric key under `interventions.` may be (``ScenarioKeys/mayVaryByYear(_:)``), through the same declarations
/// as every key, so a key added there can vary by year with no further code. The key's own field in
/// ``ScenarioParameters`` holds the year-0 value; ``ScenarioParameters/resolved(year:)`` gives the parameters of one
/// year, from which the engine builds that year's step once (``YearlySteps``): the yearly loop sees plain numbers.
public struct PerYearValues: Codable, Equatable, Sendable {
    /// The key's dotted path, e.g. `interventions.dibao.standard`.
    public var key: String
    /// Year 0 first; at least two values (a single value is the key's plain number).
    public var values: [Double]

    public init(key: String, values: [Double]) {
        self.key = key
        self.values = values
    }

    /// The value in `year`: the last one given for years beyond the list.
    public func value(inYear year: Int) -> Double { values[min(max(0, year), values.count - 1)] }
}

extension ScenarioKeys {
    /// Whether a key may be given per year: a numeric key (a number or a whole number) under `interventions.`.
    /// Interventions are what planners schedule; shocks, the population and run settings are not policies of a year.
    public static func mayVaryByYear(_ path: String) -> Bool {
        guard path.hasPrefix("interventions."), let key = declaration(for: path) else { return false }
        return key.numericKind != nil
    }
}

extension ScenarioParameters {
    /// The name of the property holding the per-year keys: no scenario key, skipped where the key tree is reflected.
    public static let perYearProperty = "perYear"

    /// The parameters of year `year`: every per-year key set to its value in that year, and no per-year keys left.
    /// The same parameters when no key varies by year.
    public func resolved(year: Int) -> ScenarioParameters {
        guard let perYear else { return self }
        var resolved = self
        resolved.perYear = nil
        for entry in perYear {
            guard let key = ScenarioKeys.declaration(for: entry.key), let numeric = key.numeric else { continue }
            numeric.set(&resolved, entry.value(inYear: year))
        }
        return resolved
    }

    /// The last year whose parameters differ from the year before's: the longest list's length − 1 (0 without lists).
    public var lastScheduledYear: Int {
        (perYear ?? []).map { $0.values.count - 1 }.max() ?? 0
    }
}
