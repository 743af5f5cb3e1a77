import BuildInfo
import Engine
import Foundation
import Output
import Randomness
import Scenarios

extension RunProvenance {
    /// The commit the program was built from, compiled in (never read from the folder a command runs in, which may be
    /// another repository or none).
    public static var buildCommit: String { BuildInfo.commit }

    /// The provenance of `scenario`'s run: this program, its build and GSL, the scenario, its overrides and sizes.
    init(of scenario: Scenario, result: SimulationResult, startedAt: Date, wallSeconds: Double, vulnerability: Bool) {
        self.init(
            version: ProgramVersion.current, gitCommit: Self.buildCommit, gslVersion: GSLFunctions.version,
            scenario: scenario.name, scenarioFile: scenario.sourcePath, overrides: scenario.overrides,
            threads: result.threads, blockSize: Simulation.blockSize, villages: result.villageCount,
            counties: result.countyCount, startedAt: ISO8601DateFormatter().string(from: startedAt),
            wallSeconds: wallSeconds, parameters: scenario.parameters)
        if vulnerability { self.vulnerability = true }
        if !result.subpopulations.isEmpty {
            subpopulations = zip(scenario.subpopulations, result.subpopulations).map {
                RecordedSubpopulation($0, households: $1.households)
            }
        }
        if !scenario.description.isEmpty { description = scenario.description }
    }
}
