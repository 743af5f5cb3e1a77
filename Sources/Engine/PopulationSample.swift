import Model
import Randomness

extension Simulation {
    /// Synthesises `households` households of `parameters` exactly as a run of that size and seed does, and counts
    /// them: the population `repoverty population` compares with its profile (MODEL.md §3, issue 6).
    ///
    /// Household h of block b is drawn from the stream keyed (seed, replicate 0, block b, year 0, population, h in
    /// block), as in ``BlockTask``, so the census describes the very households a run with this seed simulates.
    /// Sequential: 100,000 households take well under a second.
    public static func populationCensus(_ parameters: ScenarioParameters, households: Int, seed: UInt64) throws
        -> PopulationCensus
    {
        let generator = GeneratorKind(parameters.run.generator)
        let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        let layout = try VillageLayout(
            households: households, parameters: parameters.population.villages, seed: seed, generator: generator)
        let stream = try RandomStream(generator: generator)
        var census = PopulationCensus()
        var village = 0
        for block in 0..<((households + blockSize - 1) / blockSize) {
            let first = block * blockSize
            var key = HouseholdStreamKey(seed: seed, replicate: 0, block: block, year: 0, household: 0)
            for index in first..<min(households, first + blockSize) {
                while village + 1 < layout.villageCount && layout.firstHousehold[village + 1] <= index { village += 1 }
                key.household = UInt64(index - first)
                key.restart(stream, for: .population)
                census.record(synthesis.household(village: UInt32(village), stream: stream))
            }
        }
        return census
    }
}
