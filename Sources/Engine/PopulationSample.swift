import Model
import Randomness

extension Simulation {
    /// Synthesises `households` households of `parameters` exactly as a run of that size and seed does, and counts
    /// them: the population `repoverty population` compares with its profile (MODEL.md §3, issue 6).
    ///
    /// Household h of block b is drawn from the stream keyed (seed, replicate 0, block b, year 0, population, h in
    /// block), by the same ``BlockPopulation`` as ``BlockTask``, so the census describes the very households a run with this seed simulates.
    /// Sequential: 100,000 households take well under a second. `isCancelled` is read before each block: true stops
    /// the census with ``SimulationError/cancelled``.
    public static func populationCensus(
        _ parameters: ScenarioParameters, households: Int, seed: UInt64, isCancelled: () -> Bool = { false }
    ) throws -> PopulationCensus {
        let generator = parameters.run.generator
        let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        let layout = try VillageLayout(
            households: households, parameters: parameters.population.villages, seed: seed, generator: generator)
        let stream = try RandomStream(generator: generator)
        var census = PopulationCensus()
        for block in 0..<blockCount(households: households) {
            if isCancelled() { throw SimulationError.cancelled }
            var population = BlockPopulation(
                seed: seed, block: block, households: households, layout: layout, synthesis: synthesis)
            while let next = population.next(stream: stream) { census.record(next.household) }
        }
        return census
    }
}
