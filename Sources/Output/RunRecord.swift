import Foundation
import Model

/// `run.json`: everything needed to re-make a run and to know where its numbers came from.
public struct RunRecord: Codable, Sendable {
    public var program = "repoverty"
    public var version: String
    /// The git commit of the working copy the command ran in, when known.
    public var gitCommit: String?
    public var gslVersion: String
    public var scenario: String
    public var scenarioFile: String
    /// The `--set` overrides and run options as given on the command line, in order.
    public var overrides: [String]
    public var seed: UInt64
    public var generator: String
    public var replicates: Int
    public var households: Int
    public var years: Int
    public var threads: Int
    public var blockSize: Int
    public var villages: Int
    public var counties: Int
    public var startedAt: String
    public var wallSeconds: Double
    /// The fully resolved scenario: every parameter, defaults included.
    public var parameters: ScenarioParameters
    /// true when the run estimated vulnerability (`run --vulnerability`, MODEL.md §5); absent otherwise.
    public var vulnerability: Bool?

    public init(
        version: String, gitCommit: String?, gslVersion: String, scenario: String, scenarioFile: String,
        overrides: [String], threads: Int, blockSize: Int, villages: Int, counties: Int, startedAt: Date,
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
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.wallSeconds = wallSeconds
        self.parameters = parameters
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// The program's version, recorded in every `run.json`.
public enum ProgramVersion {
    public static let current = "0.1.0"
}
