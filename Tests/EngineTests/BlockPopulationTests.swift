import XCTest

@testable import Engine
import Model
import Randomness

/// The one loop that synthesises household i of block b (used by runs, the benchmark's synthesis pass and the census).
final class BlockPopulationTests: XCTestCase {
    /// Every household comes in index order with its village and the household its own population key gives
    /// (docs/MODEL.md §2.0: (seed, 0, block, population, 0, household in block)), the last block cut short.
    func testBlocksYieldEachHouseholdWithItsVillageAndKey() throws {
        let parameters = ScenarioParameters(), households = 9_000, seed: UInt64 = 11
        let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        let layout = try VillageLayout(
            households: households, parameters: parameters.population.villages, seed: seed, generator: .taus2)
        let stream = try RandomStream(), reference = try RandomStream()
        XCTAssertEqual(Simulation.blockCount(households: households), 3)
        XCTAssertEqual(Simulation.blockCount(households: 8_192), 2)
        var expectedIndex = 0
        for block in 0..<Simulation.blockCount(households: households) {
            var population = BlockPopulation(
                seed: seed, block: block, households: households, layout: layout, synthesis: synthesis)
            while let next = population.next(stream: stream) {
                XCTAssertEqual(next.index, expectedIndex)
                XCTAssertEqual(next.village, layout.village(ofHousehold: next.index))
                reference.reseed(StreamKey(seed, 0, UInt64(block), 1, 0, UInt64(next.index - block * 4_096)))
                XCTAssertEqual(next.household, synthesis.household(stream: reference))
                expectedIndex += 1
            }
        }
        XCTAssertEqual(expectedIndex, households)
    }
}
