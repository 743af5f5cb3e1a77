import Foundation
import Model

/// Where a run's numbers came from: everything needed to re-make it, written as `run.json` and as a row of a sweep
/// store's `runs` table (one type for both, so the two records cannot drift apart).
///
/// The JSON keys are those `run.json` has always had, so every recorded run still reads back (`repoverty reproduce`);
/// the fields a plain run does not have (``shard``) and those a sweep store does not keep (``villages``, ``counties``)
/// are optional and left out of the JSON when absent.
public struct RunProvenance: Codable, Sendable, Equatable {
    public var program = "repoverty"
    public var version: String
    /// The commit the program was built from (`BuildInfo.commit`: 40 hex digits, `-dirty` when the sources had
    /// uncommitted changes, `unknown` outside git); nil in records written before it was known.
    public var gitCommit: String?
    public var gslVersion: String
    /// The scenario's name, which `summary.csv` repeats on every row.
    public var scenario: String
    /// The scenario file's own `description:` (what the scenario is for, in the planner's words), shown by the printed
    /// tables, `report` and `list`; absent when the file has none.
    public var description: String?
    public var scenarioFile: String
    /// The overrides applied to the scenario file, in order, as `key.path=value` (the `--set` values, then the run
    /// options; for a sweep point also its swept values and its seed): with the file, they re-make the run.
    public var overrides: [String]
    public var seed: UInt64
    public var generator: String
    public var replicates: Int
    public var households: Int
    public var years: Int
    public var threads: Int
    public var blockSize: Int
    /// The villages and counties the households were laid out in; nil when read back from a sweep store.
    public var villages: Int?
    public var counties: Int?
    /// ISO 8601.
    public var startedAt: String
    public var wallSeconds: Double
    /// The fully resolved scenario: every parameter, defaults included.
    public var parameters: ScenarioParameters
    /// true when the run estimated vulnerability (`run --vulnerability`, MODEL.md §5); absent otherwise.
    public var vulnerability: Bool?
    /// The shard of a sweep that ran the point, `I/N`; absent for a plain run.
    public var shard: String?
    /// The sub-populations of a mixture (MODEL.md §7), each with its households and fully resolved parameters, so the
    /// record alone re-makes the run; absent for a scenario of one population.
    public var subpopulations: [RecordedSubpopulation]?

    /// The sizes and seed are taken from `parameters.run`, so they cannot disagree with the parameters.
    public init(
        version: String, gitCommit: String?, gslVersion: String, scenario: String, scenarioFile: String,
        overrides: [String], threads: Int, blockSize: Int, villages: Int?, counties: Int?, startedAt: String,
        wallSeconds: Double, parameters: ScenarioParameters
    ) {
        self.version = version
        self.gitCommit = gitCommit
        self.gslVersion = gslVersion
        self.scenario = scenario
        self.scenarioFile = scenarioFile
        self.overrides = overrides
        seed = parameters.run.seed
        generator = parameters.run.generator.rawValue
        replicates = parameters.run.replicates
        households = parameters.run.households
        years = parameters.run.years
        self.threads = threads
        self.blockSize = blockSize
        self.villages = villages
        self.counties = counties
        self.startedAt = startedAt
        self.wallSeconds = wallSeconds
        self.parameters = parameters
    }

    /// `run.json`'s text: pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// One sub-population as `run.json` records it: what the scenario said (name, share, profile file, `set:`), the
/// households it was given, and its resolved parameters.
public struct RecordedSubpopulation: Codable, Sendable, Equatable {
    public var name: String
    public var share: Double
    public var households: Int
    public var profile: String
    public var set: [String]
    public var parameters: ScenarioParameters

    public init(_ subpopulation: Subpopulation, households: Int) {
        name = subpopulation.name
        share = subpopulation.share
        self.households = households
        profile = subpopulation.profile
        set = subpopulation.set
        parameters = subpopulation.parameters
    }

    /// The sub-population it records.
    public var subpopulation: Subpopulation {
        Subpopulation(name: name, share: share, profile: profile, set: set, parameters: parameters)
    }
}

/// The program's version, recorded in every `run.json`.
public enum ProgramVersion {
    public static let current = "0.3.0"
}
