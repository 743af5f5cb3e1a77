import Model

/// A loaded scenario: its name and files, and the parameters it resolves to.
public struct Scenario: Sendable, Equatable {
    /// The file's base name without `.yaml`/`.yml`, e.g. `reference`: how results and comparisons name it.
    public var name: String
    /// The path as given to the loader.
    public var sourcePath: String
    /// The file's own top-level `description:` (not inherited through `extends`), or `""`.
    public var description: String
    /// Fully resolved: defaults, then the `extends` chain from its base, then this file, then the overrides.
    public var parameters: ScenarioParameters
    /// Every file read, the base of the `extends` chain first and `sourcePath` last (for provenance).
    public var files: [String]
    /// The `--set` overrides applied, in order (for provenance).
    public var overrides: [String]
    /// The sub-populations of a mixture (MODEL.md §7), each fully resolved, in list order; empty for a scenario of one
    /// population. `parameters` stays the run's (its size, seed, villages, poverty line) either way.
    public var subpopulations: [Subpopulation]
    /// The `keyStatus:` entries of the chain's files: each key's status in this scenario (``status(of:)``).
    public var keyStatus: KeyStatusTable

    public init(name: String, sourcePath: String, description: String = "", parameters: ScenarioParameters = ScenarioParameters(),
                files: [String] = [], overrides: [String] = [], subpopulations: [Subpopulation] = [],
                keyStatus: KeyStatusTable = KeyStatusTable()) {
        self.subpopulations = subpopulations
        self.name = name
        self.sourcePath = sourcePath
        self.description = description
        self.parameters = parameters
        self.files = files
        self.overrides = overrides
        self.keyStatus = keyStatus
    }

    /// `scenarios/reference.yaml` → `reference`; other extensions are kept, since they are part of what the user named.
    static func name(fromPath path: String) -> String {
        let base = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where base.lowercased().hasSuffix(suffix) && base.count > suffix.count {
            return String(base.dropLast(suffix.count))
        }
        return base
    }
}
