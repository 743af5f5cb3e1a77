import XCTest

@testable import Engine
import Model
import Randomness

/// The engine's part of `repoverty bench` (the timing itself is in BenchmarkingTests): the synthesis pass makes the
/// run's own households.
final class BenchmarkTests: XCTestCase {
    private func parameters(households: Int, years: Int = 2, replicates: Int = 1) -> ScenarioParameters {
        var parameters = ScenarioParameters()
        parameters.run.households = households
        parameters.run.years = years
        parameters.run.replicates = replicates
        return parameters
    }

    /// The synthesis pass makes the run's own households: the members it counts are those of the households the
    /// population synthesis gives under the run's keys, whatever the threads.
    func testSynthesisPassMakesTheRunsHouseholds() throws {
        let scenario = parameters(households: 5_000)
        let synthesis = try PopulationSynthesis(scenario.population, relocation: scenario.shocks.relocation)
        let layout = try VillageLayout(
            households: 5_000, parameters: scenario.population.villages, seed: scenario.run.seed, generator: .taus2)
        let stream = try RandomStream()
        var members = 0
        for index in 0..<5_000 {
            let key = HouseholdStreamKey(
                seed: scenario.run.seed, replicate: 0, block: index / Simulation.blockSize, year: 0,
                household: index % Simulation.blockSize)
            stream.reseed(mixedKey: key.mixed(.population))
            members += synthesis.household(stream: stream).size
        }
        XCTAssertEqual(try Simulation.synthesisePopulation(scenario, threads: 1), members)
        XCTAssertEqual(try Simulation.synthesisePopulation(scenario, threads: 2), members)
    }
}
