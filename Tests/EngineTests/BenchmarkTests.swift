import XCTest

@testable import Engine
import Model
import Randomness

/// The engine's part of `repoverty bench` (the timing itself is in BenchmarkingTests): the synthesis pass makes the
/// run's own households, and the retained state counts one tally per task.
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

    /// The retained state grows with the tasks: one tally per (replicate, block), so twice the replicates of a
    /// population keep about twice the bytes.
    func testRetainedStateCountsOneTallyPerTask() {
        let one = Simulation.retainedStateBytes(households: 1_000_000, years: 5, replicates: 1, villages: 2_000, counties: 20)
        let two = Simulation.retainedStateBytes(households: 1_000_000, years: 5, replicates: 2, villages: 2_000, counties: 20)
        let tallyBytes = 8 * 6 * Tally.columnsPerYear * 245  // 245 blocks of 4,096
        XCTAssertGreaterThan(one, tallyBytes)
        XCTAssertEqual(two - one, one - 2_000 * MemoryLayout<Int>.stride)
    }
}
