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
        let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        return try census(
            parameters, plan: BlockPlan(households: [households]), syntheses: [synthesis], seed: seed,
            isCancelled: isCancelled)[0]
    }

    /// The census of each sub-population of a mixture (MODEL.md §7), in list order: exactly the households a run of
    /// `households` households with `seed` synthesises for it, in its own blocks (``BlockPlan``), from its own
    /// parameters.
    public static func populationCensus(
        _ parameters: ScenarioParameters, subpopulations: [Subpopulation], households: Int, seed: UInt64,
        isCancelled: () -> Bool = { false }
    ) throws -> [(households: Int, census: PopulationCensus)] {
        guard households >= subpopulations.count else {
            throw SimulationError.tooFewHouseholds(households: households, subpopulations: subpopulations.count)
        }
        let plan = BlockPlan(households: households, subpopulations: subpopulations)
        let syntheses = try subpopulations.map {
            try PopulationSynthesis($0.parameters.population, relocation: $0.parameters.shocks.relocation)
        }
        let censuses = try census(parameters, plan: plan, syntheses: syntheses, seed: seed, isCancelled: isCancelled)
        return zip(plan.households, censuses).map { ($0, $1) }
    }

    /// The census of each group of `plan`, block by block in order, each group from its own synthesis.
    private static func census(
        _ parameters: ScenarioParameters, plan: BlockPlan, syntheses: [PopulationSynthesis], seed: UInt64,
        isCancelled: () -> Bool
    ) throws -> [PopulationCensus] {
        let generator = parameters.run.generator
        let layout = try VillageLayout(
            households: plan.totalHouseholds, parameters: parameters.population.villages, seed: seed,
            generator: generator)
        let stream = try RandomStream(generator: generator)
        var censuses = syntheses.map { _ in PopulationCensus() }
        for block in 0..<plan.blockCount {
            if isCancelled() { throw SimulationError.cancelled }
            let group = plan.groupOfBlock[block]
            var population = BlockPopulation(
                seed: seed, block: block, range: plan.households(ofBlock: block), layout: layout,
                synthesis: syntheses[group])
            while let next = population.next(stream: stream) { censuses[group].record(next.household) }
        }
        return censuses
    }
}
