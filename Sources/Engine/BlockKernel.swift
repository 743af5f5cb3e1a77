import Model
import Randomness

/// One (replicate, block) task of a run, callable from outside the engine only by the kernel harness
/// (`Benchmarks/Benchmarking`, `@_spi(Benchmarking) import Engine`), which times the block loop apart from the rest of
/// a run. It is the engine's own task, not a copy, so the figure is that of the loop runs use.
@_spi(Benchmarking)
public struct BlockKernel {
    let task: BlockTask

    public init(seed: UInt64, replicate: Int, block: Int, households: Int, years: Int) {
        task = BlockTask(seed: seed, replicate: replicate, block: block, households: households, years: years)
    }

    /// Synthesises the block's households and runs each through years 0…T, as a run does.
    public func run(
        step: YearlyStep, synthesis: PopulationSynthesis, layout: VillageLayout, covariates: Covariates,
        stream: RandomStream
    ) -> Tally {
        task.run(steps: ConstantStep(step), synthesis: synthesis, layout: layout, covariates: covariates, stream: stream)
    }
}
