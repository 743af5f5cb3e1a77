import Dispatch
import Model
import Randomness
import Synchronization

/// What a run produced: one tally per replicate, each the merge of its blocks in block order.
public struct SimulationResult: Sendable {
    public let parameters: ScenarioParameters
    public let threads: Int
    public let blockCount: Int
    public let villageCount: Int
    public let countyCount: Int
    /// Tallies by replicate.
    public let replicates: [Tally]
    /// Each sub-population's tallies by replicate, in list order, when the scenario is a mixture (MODEL.md §7); empty
    /// otherwise. A replicate's tally in ``replicates`` is the merge of the same blocks.
    public var subpopulations: [SubpopulationTallies] = []
    /// Vulnerability as expected poverty (MODEL.md §5, optional), when the run was asked for it.
    public var vulnerability: VulnerabilityEstimate? = nil
    /// GSL calls and restarts applied over the whole run, when it was asked to count them (`bench`, issue 14).
    public var drawCounts: DrawCounts? = nil
}

/// One sub-population's part of a run: who it is, how many households it had, and its tallies by replicate.
public struct SubpopulationTallies: Sendable {
    public let name: String
    public let share: Double
    public let households: Int
    public let replicates: [Tally]
}

/// Watches a run from its worker threads: progress for bars and schedulers, and a way to stop.
public protocol SimulationObserver: Sendable {
    /// A (replicate, block) task has finished: `completed` of `total`. Called from worker threads, in any order.
    func taskFinished(completed: Int, total: Int)
    /// Read before each task starts: true stops the run, which then throws ``SimulationError/cancelled``.
    var isCancelled: Bool { get }
}

/// Why a run stopped without a result.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
    /// The observer asked the run to stop.
    case cancelled
    /// Fewer households than sub-populations: one of them would have none (the loader refuses such a scenario first).
    case tooFewHouseholds(households: Int, subpopulations: Int)

    public var description: String {
        switch self {
        case .cancelled: "the run was stopped before it finished"
        case let .tooFewHouseholds(households, subpopulations):
            "\(households) households cannot hold \(subpopulations) sub-populations of at least one household each"
        }
    }
}

/// The engine: households in fixed blocks, (replicate, block) tasks run in parallel by Dispatch, tallies merged in
/// block order (MODEL.md §6).
///
/// Determinism does not depend on scheduling: every draw comes from a stream keyed by the household's coordinates,
/// a task writes only its own slot, and the merge order is fixed. So any `threads` gives byte-identical output.
public enum Simulation {
    /// Households per block. A constant, never derived from the thread count: block numbers are part of every stream
    /// key. 4,096 households of 48 bytes keep a block's working set in a core's cache.
    public static let blockSize = 4_096

    /// The number of blocks of `households` households: the last one may be short.
    public static func blockCount(households: Int) -> Int { (households + blockSize - 1) / blockSize }

    /// Run the scenario with the given number of worker threads.
    ///
    /// - Parameter observer: told as tasks finish, and asked before each task whether to stop. It never changes results.
    /// - Parameter vulnerability: also estimate each household's probability of being poor in year 1 across replicates
    ///   (``VulnerabilityAccumulators``). Tallies are the same either way; only the order in which tasks run changes.
    /// - Parameter countingDraws: count every GSL call and every restart applied (``SimulationResult/drawCounts``), on
    ///   counting streams that draw exactly what ordinary ones do.
    /// - Parameter subpopulations: the sub-populations of a mixture (MODEL.md §7), in list order; empty for a plain
    ///   scenario, which then runs exactly as before. Each synthesises and runs its households with its own parameters
    ///   (``BlockPlan`` says which blocks are whose); `parameters` stays the run's: its size, seed, village layout,
    ///   poverty line and vulnerability settings, which the loader checked every sub-population agrees with.
    public static func run(
        _ parameters: ScenarioParameters, subpopulations: [Subpopulation] = [], threads: Int,
        observer: (any SimulationObserver)? = nil, vulnerability: Bool = false, countingDraws: Bool = false
    ) throws -> SimulationResult {
        let settings = parameters.run
        let generator = settings.generator
        let households = settings.households, years = settings.years, replicateCount = settings.replicates
        guard households >= subpopulations.count else {
            throw SimulationError.tooFewHouseholds(households: households, subpopulations: subpopulations.count)
        }
        let plan = BlockPlan(households: households, subpopulations: subpopulations)
        let layout = try VillageLayout(
            households: households, parameters: parameters.population.villages, seed: settings.seed, generator: generator)
        // One group per sub-population (one for a plain scenario): its steps, synthesis and covariates. Covariates are
        // drawn from each group's own step but from the same keyed streams (seed, replicate, year, place), so groups
        // with the same probabilities see the very same events, and a different probability compares the same
        // uniform with another threshold (common random numbers).
        let groups = try (subpopulations.isEmpty ? [parameters] : subpopulations.map(\.parameters)).map { group in
            try BlockGroup(group, run: settings, layout: layout)
        }
        let blockCount = plan.blockCount
        let taskCount = replicateCount * blockCount
        // With vulnerability on, a worker takes a whole block and runs its replicates in order, so each household's
        // accumulators are written by one thread in a fixed order; otherwise a worker takes one (replicate, block).
        let accumulators = vulnerability
            ? VulnerabilityCollector(households: households, replicates: replicateCount, povertyLine: groups[0].steps.first.povertyLine)
            : nil
        let claimCount = accumulators == nil ? taskCount : blockCount
        let workers = max(1, min(threads, claimCount))
        let slots = TaskSlots(count: taskCount, empty: Tally(years: years))
        defer { slots.release() }
        let nextTask = Atomic<Int>(0)
        let finishedTasks = Atomic<Int>(0)
        let cancelled = Atomic<Bool>(false)
        let failure = Mutex<(any Error)?>(nil)
        let counts = Mutex(DrawCounts())

        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let stream: RandomStream
            do { stream = try RandomStream(generator: generator, counting: countingDraws) } catch {
                failure.withLock { $0 = $0 ?? error }
                return
            }
            defer { if countingDraws { counts.withLock { $0 = $0 + stream.counts } } }
            while true {
                if observer?.isCancelled == true { cancelled.store(true, ordering: .relaxed) }
                if cancelled.load(ordering: .relaxed) { break }
                let claim = nextTask.wrappingAdd(1, ordering: .relaxed).oldValue
                if claim >= claimCount { break }
                // One (replicate, block) task, or every replicate of block `claim` when accumulating vulnerability.
                let blockIndex = accumulators == nil ? claim % blockCount : claim
                let replicates = accumulators == nil ? claim / blockCount..<claim / blockCount + 1 : 0..<replicateCount
                let group = groups[plan.groupOfBlock[blockIndex]]
                for replicate in replicates {
                    if replicate != replicates.lowerBound, observer?.isCancelled == true {
                        cancelled.store(true, ordering: .relaxed)
                    }
                    if cancelled.load(ordering: .relaxed) { break }
                    let task = replicate * blockCount + blockIndex
                    let block = BlockTask(
                        seed: settings.seed, replicate: replicate, block: blockIndex,
                        households: plan.households(ofBlock: blockIndex), years: years)
                    // Specialised for a constant step, so a scenario without per-year keys runs the loop it always ran.
                    slots[task] = group.steps.isConstant
                        ? block.run(
                            steps: ConstantStep(group.steps.first), synthesis: group.synthesis, layout: layout,
                            covariates: group.covariates[block.replicate], stream: stream, vulnerability: accumulators)
                        : block.run(
                            steps: group.steps, synthesis: group.synthesis, layout: layout,
                            covariates: group.covariates[block.replicate], stream: stream, vulnerability: accumulators)
                    let finished = finishedTasks.wrappingAdd(1, ordering: .relaxed).newValue
                    observer?.taskFinished(completed: finished, total: taskCount)
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        if cancelled.load(ordering: .relaxed) { throw SimulationError.cancelled }

        // Each replicate's tally merges its blocks in block order; a sub-population's, its own blocks in that order.
        func merged(_ replicate: Int, _ blocks: Range<Int>) -> Tally {
            var total = Tally(years: years)
            for block in blocks { total.merge(slots[replicate * blockCount + block]) }
            return total
        }
        let tallies = (0..<replicateCount).map { merged($0, 0..<blockCount) }
        let parts = subpopulations.enumerated().map { group, subpopulation in
            SubpopulationTallies(
                name: subpopulation.name, share: subpopulation.share, households: plan.households[group],
                replicates: (0..<replicateCount).map { merged($0, plan.blocks(ofGroup: group)) })
        }
        return SimulationResult(
            parameters: parameters, threads: workers, blockCount: blockCount, villageCount: layout.villageCount,
            countyCount: layout.countyCount, replicates: tallies, subpopulations: parts,
            vulnerability: try accumulators?.estimate(parameters: parameters),
            drawCounts: countingDraws ? counts.withLock { $0 } : nil)
    }
}

/// What the blocks of one sub-population (or of a plain scenario) run with: built once before the run.
private struct BlockGroup {
    let steps: YearlySteps
    let synthesis: PopulationSynthesis
    /// By replicate.
    let covariates: [Covariates]

    /// - Parameter run: the run's settings (the scenario's, which every sub-population's agree with): its seed,
    ///   horizon, replicates and generator key the covariates.
    init(_ parameters: ScenarioParameters, run: RunSettings, layout: VillageLayout) throws {
        steps = try YearlySteps(parameters)
        synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        let step = steps.first
        covariates = try (0..<run.replicates).map {
            try Covariates(
                replicate: $0, seed: run.seed, years: run.years, layout: layout, step: step, generator: run.generator)
        }
    }
}

extension Simulation {
    /// Synthesise every household of the scenario's population once, in blocks on `threads` workers, and return the
    /// total number of members (so the work cannot be optimised away): what population synthesis costs in a run, per
    /// replicate, measured apart from the years by ``Benchmark`` (issue 5).
    public static func synthesisePopulation(_ parameters: ScenarioParameters, threads: Int) throws -> Int {
        let settings = parameters.run
        let generator = settings.generator
        let households = settings.households
        let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        let layout = try VillageLayout(
            households: households, parameters: parameters.population.villages, seed: settings.seed, generator: generator)
        let blockCount = blockCount(households: households)
        let nextBlock = Atomic<Int>(0)
        let members = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, blockCount))) { _ in
            let stream: RandomStream
            do { stream = try RandomStream(generator: generator) } catch {
                failure.withLock { $0 = $0 ?? error }
                return
            }
            var sum = 0
            while true {
                let block = nextBlock.wrappingAdd(1, ordering: .relaxed).oldValue
                if block >= blockCount { break }
                var population = BlockPopulation(
                    seed: settings.seed, block: block, households: households, layout: layout, synthesis: synthesis)
                while let next = population.next(stream: stream) { sum += next.household.size }
            }
            members.wrappingAdd(sum, ordering: .relaxed)
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return members.load(ordering: .relaxed)
    }
}

/// One (replicate, block) task: synthesise the block's households and run each through years 0…T.
///
/// Households are independent within a year (no village-level feedback in MODEL.md), so each household runs through
/// all its years before the next starts: its state lives in registers, and a block needs no buffer.
struct BlockTask {
    let seed: UInt64
    let replicate: Int
    let block: Int
    /// The block's households, as indices in the whole population (``BlockPlan``).
    let households: Range<Int>
    let years: Int

    init(seed: UInt64, replicate: Int, block: Int, households: Range<Int>, years: Int) {
        self.seed = seed
        self.replicate = replicate
        self.block = block
        self.households = households
        self.years = years
    }

    /// Block `block` of a population of `households` without sub-populations.
    init(seed: UInt64, replicate: Int, block: Int, households: Int, years: Int) {
        self.init(seed: seed, replicate: replicate, block: block,
                  households: BlockPopulation.range(block: block, households: households), years: years)
    }

    func run<Steps: YearStepSource>(
        steps: Steps, synthesis: PopulationSynthesis, layout: VillageLayout, covariates: Covariates,
        stream: RandomStream, vulnerability: VulnerabilityCollector? = nil
    ) -> Tally {
        let povertyLine = steps[0].povertyLine
        var tally = Tally(years: years)
        var population = BlockPopulation(
            seed: seed, block: block, range: households, layout: layout, synthesis: synthesis)
        var key = HouseholdStreamKey(seed: seed, replicate: replicate, block: block, year: 0, household: 0, years: years)
        while case let (index, village, synthesised)? = population.next(stream: stream) {
            var household = synthesised
            let county = layout.county(ofVillage: village)
            key.household = UInt64(index - population.first)
            for year in 0...years {
                var accounts = covariates.householdYear(year: year, village: village, county: county)
                key.year = UInt64(year)
                let outcome = steps[year].advanceCheckingInvariants(&household, year: &accounts, key: key, stream: stream)
                if year == 0 {
                    tally.recordYearZero(household: household, year: accounts)
                    vulnerability?.crossSection.record(
                        replicate: replicate, household: index, year: accounts, state: household,
                        synthesisedDebt: synthesised.debt)
                    // Every metric is over the cohort (MODEL.md §1), and a household's draws come from its own
                    // streams: a household poor in year 0 can change no figure, so its later years are skipped
                    // (but for year 1, which the all-households vulnerability counts, when that is collected).
                    if household.flags.contains(.inCohort) {
                        tally.recordCohortMember(household)
                    } else if vulnerability == nil {
                        break
                    }
                } else if outcome.inCohort {
                    tally.record(outcome, household: household, year: accounts, povertyLine: povertyLine)
                }
                if year == 1, let vulnerability {
                    vulnerability.recordYearOne(household: index, income: accounts.income, outcome: outcome)
                    if !outcome.inCohort { break }
                }
            }
        }
        return tally
    }
}

/// The households of one block as the population synthesis makes them, in order: household i of block b comes with
/// its village and is drawn from its population key (``HouseholdStreamKey/population(seed:block:)``), the same in a
/// run, in ``Simulation/synthesisePopulation(_:threads:)`` and in ``Simulation/populationCensus(_:households:seed:)``,
/// so they all describe the same households (docs/MODEL.md §2.0).
struct BlockPopulation {
    /// The block's first household index.
    let first: Int
    private let end: Int
    private let layout: VillageLayout
    private let synthesis: PopulationSynthesis
    private var key: HouseholdStreamKey
    private var index: Int
    private var village: Int

    /// Block `block` of a population of `households` without sub-populations.
    init(seed: UInt64, block: Int, households: Int, layout: VillageLayout, synthesis: PopulationSynthesis) {
        self.init(seed: seed, block: block, range: Self.range(block: block, households: households), layout: layout,
                  synthesis: synthesis)
    }

    /// Block `block`, holding the households `range` of the whole population (``BlockPlan``).
    init(seed: UInt64, block: Int, range: Range<Int>, layout: VillageLayout, synthesis: PopulationSynthesis) {
        first = range.lowerBound
        end = range.upperBound
        self.layout = layout
        self.synthesis = synthesis
        key = .population(seed: seed, block: block)
        index = first
        village = layout.village(ofHousehold: first)
    }

    /// The households of block `block` of `households` in plain blocks: b·blockSize up to the next block or the end.
    static func range(block: Int, households: Int) -> Range<Int> {
        let first = block * Simulation.blockSize
        return first..<min(households, first + Simulation.blockSize)
    }

    /// The next household of the block, its index in the population and its village; nil after the last.
    @inline(__always)
    mutating func next(stream: RandomStream) -> (index: Int, village: Int, household: Household)? {
        guard index < end else { return nil }
        defer { index += 1 }
        while village + 1 < layout.villageCount && layout.firstHousehold[village + 1] <= index { village += 1 }
        key.household = UInt64(index - first)
        key.restart(stream, for: .population)
        return (index, village, synthesis.household(stream: stream))
    }
}

/// One result slot per task, written by exactly one worker and read after all have finished.
private final class TaskSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Tally>
    private let count: Int

    init(count: Int, empty: Tally) {
        self.count = count
        storage = UnsafeMutablePointer<Tally>.allocate(capacity: max(1, count))
        storage.initialize(repeating: empty, count: count)
    }

    subscript(_ index: Int) -> Tally {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    func release() {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
}
