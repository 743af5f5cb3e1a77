import Model
import Randomness

/// The memory a run will allocate, estimated from its sizes before anything is allocated (issue 8).
///
/// A run of 100 million households and 100,000 replicates passes validation, yet its per-task tallies alone would need
/// terabytes; on a shared cluster node it would be killed by the kernel hours in, or take the node down with it. So
/// the command compares this estimate with the memory available and refuses a run that cannot fit, saying how much it
/// needs. The estimate follows what ``Simulation/run(_:subpopulations:threads:observer:vulnerability:countingDraws:)`` allocates (MODEL.md §6), each term next to
/// the sizes it reads; it is an upper bound in the number of villages (every village at its minimum size) and leaves
/// out what does not grow with the run (the program, GSL's discrete tables). Measured once: 1 household × 20,000
/// replicates × 100 years peaked at 1.95 GB resident (VmHWM); the estimate says 2.7 GiB.
public struct MemoryEstimate: Equatable, Sendable {
    /// Covariates of every replicate, built before the tasks run: the bytes of the place covariates the phases declare
    /// (a flag one, a multiplier eight), per village and year, per county and year, and per year (`Covariates.bytes`).
    public let covariates: Int
    /// The first household of every village (`VillageLayout`).
    public let layout: Int
    /// One `Tally` per (replicate, block) task, all kept until the merge in block order (`TaskSlots`), and one per
    /// replicate after it.
    public let tallies: Int
    /// One GSL generator per worker thread and two per replicate's covariates (`RandomStream`).
    public let streams: Int
    /// The metrics by replicate that `Summary.metrics` makes from the tallies.
    public let metrics: Int

    /// What `--vulnerability` collects (`VulnerabilityCollector`): the per-household sums across replicates, the
    /// year-0 cross-section of every replicate, and the workspace of one replicate's estimate; else 0.
    public let vulnerability: Int

    /// The replicates' merged tallies alone, which live on into the summary.
    public let replicateTallies: Int

    /// The peak, in bytes: the larger of the simulation (covariates, layout, every task's tally and the merged ones,
    /// streams) and the summary that follows it (the merged tallies and the metrics; the rest is freed by then).
    public var total: Int {
        let simulation = [covariates, layout, tallies, streams, vulnerability].reduce(0, Self.sum)
        return max(simulation, Self.sum(replicateTallies, metrics))
    }

    /// The estimate for `parameters` run on `threads` worker threads. Saturates at `Int.max` rather than overflow.
    ///
    /// - Parameter subpopulations: the sub-populations of a mixture (MODEL.md §7), 0 for none: each has its own
    ///   covariate tables and tallies, and may add a short block.
    public init(_ parameters: ScenarioParameters, threads: Int, vulnerability: Bool = false, subpopulations: Int = 0) {
        let groups = max(1, subpopulations)
        let run = parameters.run
        let villageSizes = parameters.population.villages
        let years = max(0, run.years) + 1, replicates = max(1, run.replicates), households = max(1, run.households)
        let villages = (households + max(1, villageSizes.minHouseholds) - 1) / max(1, villageSizes.minHouseholds)
        let counties = (villages + max(1, villageSizes.perCounty) - 1) / max(1, villageSizes.perCounty)
        let blocks = Simulation.blockCount(households: households) + groups - 1
        let tasks = Self.product(replicates, blocks)
        let double = MemoryLayout<Double>.stride
        /// Bytes Swift adds to every array's storage (object header, count and capacity).
        let arrayHeader = 32

        let bytes = Covariates.bytes
        let perReplicateCovariates = Self.product(Self.product(years, villages), bytes.village)
            + Self.product(Self.product(years, counties), bytes.county) + years * bytes.year + 4 * arrayHeader
        covariates = Self.product(Self.product(replicates, groups), perReplicateCovariates)
        layout = villages * MemoryLayout<Int>.stride + arrayHeader
        let tally = MemoryLayout<Tally>.stride + Self.product(years, Tally.columnsPerYear) * double
            + HouseholdType.allCases.count * double + Tally.CrossSection.allCases.count * double + 3 * arrayHeader
        tallies = Self.product(Self.sum(tasks, replicates), tally)
        replicateTallies = Self.product(Self.product(replicates, subpopulations + 1), tally)
        self.vulnerability = vulnerability ? VulnerabilityCollector.bytes(households: households, replicates: replicates) : 0
        streams = Self.product(Self.sum(max(1, threads), 2 * replicates), Self.bytesPerStream(run.generator))
        // Each metric row holds a value per replicate; the summary builds each row's values once more on the way.
        let metricRows = Self.sum(Self.metricsOverTheHorizon, Self.product(years, Self.metricsPerYear))
        metrics = Self.product(Self.product(metricRows, subpopulations + 1), Self.sum(Self.product(2 * replicates, MemoryLayout<Double?>.stride), 128))
    }

    /// Generous bytes for one generator and its Swift wrapper: mt19937's state is 2.5 kB, the Tausworthe ones' a few
    /// words.
    static func bytesPerStream(_ generator: GeneratorKind) -> Int {
        switch generator {
        case .mt19937: 8_192
        case .taus2, .taus113: 512
        }
    }

    /// Upper bounds on the metrics `Summary` reports per year and for the whole horizon with the year-0 rows (31 and 67
    /// now).
    static let metricsPerYear = 32
    static let metricsOverTheHorizon = 72

    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : result
    }

    private static func product(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : result
    }
}
