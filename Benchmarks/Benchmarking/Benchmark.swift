import Dispatch
import Engine
import Model
import Randomness
import Runs
import Scenarios

#if canImport(Glibc)
import Glibc
#endif

/// Speed and memory of whole runs, measured rather than asserted (issue 5; docs/PERFORMANCE.md).
///
/// A run does population synthesis and the years interleaved, household by household; the benchmark times the whole
/// run (as `repoverty run` makes it, through `Runner`, writing aside) and, apart, a pass that only synthesises the same
/// population on the same threads, and reports the years alone as the difference. Household-years count the horizon,
/// households × years × replicates (the selection year 0 also runs every phase, so the year-steps are
/// households × (years + 1) × replicates).
public enum Benchmark {
    /// One timed configuration.
    public struct Timing: Sendable {
        public let threads: Int
        /// Best wall time of the whole run over the repetitions, seconds.
        public let runSeconds: Double
        /// Best wall time of synthesising the population once on as many threads, seconds (a run synthesises it once
        /// per replicate).
        public let synthesisSeconds: Double
        public let householdYears: Int
        public let replicates: Int

        /// Seconds spent in the years: the run less its synthesis, never below zero.
        public var simulationSeconds: Double { max(1e-9, runSeconds - Double(replicates) * synthesisSeconds) }
        public var householdYearsPerSecond: Double { Double(householdYears) / simulationSeconds }
        public var nanosecondsPerHouseholdYear: Double { simulationSeconds * 1e9 / Double(householdYears) }
        /// Households synthesised per second.
        public var synthesisHouseholdsPerSecond: Double { Double(householdYears / replicates) / synthesisSeconds }
        /// Year-steps, households × (years + 1) × replicates: the unit of issue 14 (year 0 runs every phase too).
        let households: Int
        /// Year-steps, households × (years + 1) × replicates: the unit of issue 14 (year 0 runs every phase too).
        public let steps: Int
        public var yearStepsPerSecond: Double { Double(steps) / simulationSeconds }
        /// Nanoseconds per year-step and core: the time on all threads divided by the year-steps.
        public var nanosecondsPerYearStepPerCore: Double { simulationSeconds * 1e9 * Double(threads) / Double(steps) }
    }

    /// GSL calls and stream restarts per year-step, counted on a counting pass (``RandomStream/counts``).
    public struct DrawsPerYearStep: Sendable {
        /// The households of the counting pass (the benchmark's, at most ``countingHouseholds``).
        public let households: Int
        public let gslCalls: Double
        public let restarts: Double
    }

    /// The counting pass runs at most this many households: the counts are averages, and it runs on one thread.
    public static let countingHouseholds = 100_000

    /// What ``measure(_:threads:repetitions:)`` found.
    public struct Report: Sendable {
        public let households: Int
        public let years: Int
        public let replicates: Int
        public let generator: GeneratorKind
        /// On one thread, then on the requested number (absent when that is 1).
        public let single: Timing
        public let parallel: Timing?
        /// The state of one household: `MemoryLayout<Household>.size` and `.stride`. Households are not stored (each
        /// runs through all its years before the next), so only one a worker is alive at a time.
        public let householdBytes: Int
        public let householdStride: Int
        /// What the engine keeps for the whole run (tallies, covariates, layout), per household: the terms of
        /// `MemoryEstimate` that grow with the population, the same model that refuses a run too large for the memory.
        public let retainedBytesPerHousehold: Double
        /// Peak resident memory of the process so far, bytes (`getrusage`'s `ru_maxrss`).
        public let peakResidentBytes: Int
        /// Counted on a separate pass, so the timed runs draw through ordinary streams.
        public let draws: DrawsPerYearStep

        /// Speed-up of the years from one thread to the requested number.
        public var speedUp: Double? {
            parallel.map { single.simulationSeconds / $0.simulationSeconds }
        }
    }

    /// Time the scenario on one thread and on `threads`, each the best of `repetitions` runs.
    ///
    /// - Parameter observer: asked between blocks and repetitions whether to stop (then ``RunError/cancelled``).
    public static func measure(
        _ scenario: Scenario, threads: Int, repetitions: Int, observer: (any RunObserver)? = nil
    ) throws -> Report {
        let run = scenario.parameters.run
        let single = try timing(scenario, threads: 1, repetitions: repetitions, observer: observer)
        let parallel =
            threads > 1 ? try timing(scenario, threads: threads, repetitions: repetitions, observer: observer) : nil
        let estimate = MemoryEstimate(
            scenario.parameters, threads: threads, subpopulations: scenario.subpopulations.count)
        let retained = estimate.tallies + estimate.covariates + estimate.layout
        let draws = try countDraws(scenario)
        return Report(
            households: run.households, years: run.years, replicates: run.replicates,
            generator: run.generator, single: single, parallel: parallel,
            householdBytes: MemoryLayout<Household>.size, householdStride: MemoryLayout<Household>.stride,
            retainedBytesPerHousehold: Double(retained) / Double(run.households), peakResidentBytes: peakResidentBytes(),
            draws: draws)
    }

    /// Count GSL calls and applied restarts per year-step on the scenario at no more than ``countingHouseholds``
    /// households, one thread. Calls directly into the engine, because a run through `Runner` never counts.
    static func countDraws(_ scenario: Scenario) throws -> DrawsPerYearStep {
        var parameters = scenario.parameters
        parameters.run.households = max(
            min(parameters.run.households, countingHouseholds), scenario.subpopulations.count)
        // A mixture's sub-populations run at the engine's run settings, the scenario's (MODEL.md §7).
        let result = try Simulation.run(
            parameters, subpopulations: scenario.subpopulations, threads: 1, countingDraws: true)
        let counts = result.drawCounts ?? DrawCounts()
        let run = parameters.run
        let steps = Double(run.households * (run.years + 1) * run.replicates)
        return DrawsPerYearStep(
            households: run.households, gslCalls: Double(counts.gslCalls) / steps,
            restarts: Double(counts.restarts) / steps)
    }

    private static func timing(
        _ scenario: Scenario, threads: Int, repetitions: Int, observer: (any RunObserver)?
    ) throws -> Timing {
        var bestRun = Double.infinity, bestSynthesis = Double.infinity
        let runner = Runner(threads: threads, observer: observer)
        for _ in 0..<max(1, repetitions) {
            if observer?.isCancelled == true { throw RunError.cancelled }
            let synthesisStart = now()
            _ = try Simulation.synthesisePopulation(scenario.parameters, threads: threads)
            bestSynthesis = min(bestSynthesis, now() - synthesisStart)
            let runStart = now()
            _ = try runner.run(scenario)
            bestRun = min(bestRun, now() - runStart)
        }
        let run = scenario.parameters.run
        return Timing(
            threads: threads, runSeconds: bestRun, synthesisSeconds: bestSynthesis,
            householdYears: run.households * run.years * run.replicates, replicates: run.replicates,
            households: run.households, steps: run.households * (run.years + 1) * run.replicates)
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Peak resident memory of this process, bytes (`ru_maxrss` is in kilobytes on Linux).
    public static func peakResidentBytes() -> Int {
        #if canImport(Glibc)
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
        #else
        return 0
        #endif
    }
}
