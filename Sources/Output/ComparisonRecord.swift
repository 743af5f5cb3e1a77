import Foundation

/// `compare.json`, written beside `compare.csv`: which runs a comparison was made of, so that it can be re-made.
///
/// A comparison is the baseline and each scenario run under common random numbers (README, "Comparing scenarios");
/// `compare.csv` is a function of their metrics alone. Each scenario's own `run.json` already records its resolved
/// parameters, seed and sizes, so this file only lists those records, baseline first, by paths relative to its folder.
/// `repoverty reproduce` re-runs them all to check `compare.csv` byte for byte.
public struct ComparisonRecord: Codable, Sendable, Equatable {
    /// One scenario of the comparison and where its `run.json` is.
    public struct Entry: Codable, Sendable, Equatable {
        public var scenario: String
        /// Relative to the folder of `compare.json`, e.g. `baseline/run.json`.
        public var run: String

        public init(scenario: String, run: String) {
            self.scenario = scenario
            self.run = run
        }
    }

    public var program = "repoverty"
    public var version: String
    public var gitCommit: String?
    /// The file the comparison's rows are in, relative to this file's folder.
    public var output = "compare.csv"
    /// The baseline first, then the scenarios in the order given on the command line (the order of `compare.csv`).
    public var scenarios: [Entry]

    public init(version: String, gitCommit: String?, scenarios: [String]) {
        self.version = version
        self.gitCommit = gitCommit
        self.scenarios = scenarios.map { Entry(scenario: $0, run: "\($0)/run.json") }
    }

    /// The name of the file beside `compare.csv`.
    public static let fileName = "compare.json"

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
