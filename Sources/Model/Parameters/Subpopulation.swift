/// One sub-population of a mixture (MODEL.md §7, "Profiles may be mixtures of sub-populations with stated shares"):
/// a named share of the households, synthesised and run with parameters of its own.
///
/// A planner describes their county as, say, 90 % alleviated households and 10 % households that already fell back
/// once; each sub-population is resolved from its own profile file (docs/MODEL.md §2.0, "Mixtures"). Only the
/// household-level keys may differ between sub-populations: the place-level ones (``placeLevelKeyPrefixes``) are one
/// value for the whole run and must agree.
public struct Subpopulation: Codable, Equatable, Sendable {
    /// `[A-Za-z0-9_-]+`, unique within the scenario: names the sub-population in every output.
    public var name: String
    /// Its stated share of the households, > 0; the shares of a scenario sum to 1.
    public var share: Double
    /// The profile file it was synthesised from, as the loader read it: the scenario's `profile:` resolved relative to
    /// the file that names it (`scenarios/profiles/liangshan-2020.yaml` for `profiles/liangshan-2020.yaml` in
    /// `scenarios/county-mixture.yaml`), as ``Scenario/files`` lists the files of the `extends` chain.
    public var profile: String
    /// Its own overrides (`set:` in the scenario), as `key.path=value`, in order.
    public var set: [String]
    /// Fully resolved: defaults, the scenario's files that are not profiles, the profile's files, `set`, `--set`.
    public var parameters: ScenarioParameters

    public init(name: String, share: Double, profile: String, set: [String] = [], parameters: ScenarioParameters) {
        self.name = name
        self.share = share
        self.profile = profile
        self.set = set
        self.parameters = parameters
    }

    /// How far from 1 the shares may sum: rounding only. Shares are stated, not estimated (write 0.9 and 0.1, or the
    /// counts' exact fractions), so a sum of 0.95 is a mistake, not noise.
    public static let shareSumTolerance = 1e-9

    /// Whether `name` can name a sub-population: `[A-Za-z0-9_-]+`, so it is a plain CSV field and file-name part.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    /// Key paths (and prefixes ending in `.`) the engine takes as one value for all households: the run's size and
    /// seed, the poverty line every tally counts against, the village layout the households share, and the
    /// vulnerability estimator run over all households. A sub-population must resolve to the scenario's value for
    /// each (the loader refuses a mixture otherwise); the one list of them.
    public static let placeLevelKeyPrefixes = ["run.", "economy.povertyLine", "population.villages.", "vulnerability."]

    /// Whether `path` is a place-level key.
    public static func isPlaceLevel(_ path: String) -> Bool {
        placeLevelKeyPrefixes.contains { $0.hasSuffix(".") ? path.hasPrefix($0) : path == $0 }
    }

    /// Households of each share of `households`, by largest remainder: the floors of share × households, then one more
    /// to the largest remainders (ties to the earlier) until they sum to `households`; any share given 0 then takes
    /// one from the largest, so each has at least one (the caller ensures households ≥ shares.count).
    public static func split(_ households: Int, shares: [Double]) -> [Int] {
        guard !shares.isEmpty else { return [] }
        let total = shares.reduce(0, +)
        let exact = shares.map { $0 / total * Double(households) }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { a, b in
            let (ra, rb) = (exact[a] - Double(counts[a]), exact[b] - Double(counts[b]))
            return ra != rb ? ra > rb : a < b
        }
        var left = households - counts.reduce(0, +)
        var next = 0
        while left > 0 {
            counts[order[next % order.count]] += 1
            left -= 1
            next += 1
        }
        while let empty = counts.firstIndex(of: 0), let largest = counts.indices.max(by: { counts[$0] < counts[$1] }),
              counts[largest] > 1
        {
            counts[empty] += 1
            counts[largest] -= 1
        }
        return counts
    }
}
