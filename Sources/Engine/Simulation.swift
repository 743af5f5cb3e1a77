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
    /// Vulnerability as expected poverty (MODEL.md §5, optional), when the run was asked for it.
    public var vulnerability: VulnerabilityEstimate? = nil
    /// GSL calls and restarts applied over the whole run, when it was asked to count them (`bench`, issue 14).
    public var drawCounts: DrawCounts? = nil
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

    public var description: String {
        switch self {
        case .cancelled: "the run was stopped before it finished"
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
    public static func run(
        _ parameters: ScenarioParameters, threads: Int, observer: (any SimulationObserver)? = nil,
        vulnerability: Bool = false, countingDraws: Bool = false
    ) throws -> SimulationResult {
        let settings = parameters.run
        let generator = settings.generator
        let households = settings.households, years = settings.years, replicateCount = settings.replicates
        let steps = try YearlySteps(parameters)
        let step = steps.first
        let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        let layout = try VillageLayout(
            households: households, parameters: parameters.population.villages, seed: settings.seed, generator: generator)
        let covariates = try (0..<replicateCount).map {
            try Covariates(replicate: $0, seed: settings.seed, years: years, layout: layout, step: step, generator: generator)
        }
        let blockCount = blockCount(households: households)
        let taskCount = replicateCount * blockCount
        // With vulnerability on, a worker takes a whole block and runs its replicates in order, so each household's
        // accumulators are written by one thread in a fixed order; otherwise a worker takes one (replicate, block).
        let accumulators = vulnerability
            ? VulnerabilityCollector(households: households, replicates: replicateCount, povertyLine: step.povertyLine)
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
                for replicate in replicates {
                    if replicate != replicates.lowerBound, observer?.isCancelled == true {
                        cancelled.store(true, ordering: .relaxed)
                    }
                    if cancelled.load(ordering: .relaxed) { break }
                    let task = replicate * blockCount + blockIndex
                    let block = BlockTask(
                        seed: settings.seed, replicate: replicate, block: blockIndex, households: households,
                        years: years)
                    // Specialised for a constant step, so a scenario without per-year keys runs the loop it always ran.
                    slots[task] = steps.isConstant
                        ? block.run(
                            steps: ConstantStep(step), synthesis: synthesis, layout: layout,
                            covariates: covariates[block.replicate], stream: stream, vulnerability: accumulators)
                        : block.run(
                            steps: steps, synthesis: synthesis, layout: layout, covariates: covariates[block.replicate],
                            stream: stream, vulnerability: accumulators)
                    let finished = finishedTasks.wrappingAdd(1, ordering: .relaxed).newValue
                    observer?.taskFinished(completed: finished, total: taskCount)
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        if cancelled.load(ordering: .relaxed) { throw SimulationError.cancelled }

        var tallies: [Tally] = []
        for replicate in 0..<replicateCount {
            var total = Tally(years: years)
            for block in 0..<blockCount { total.merge(slots[replicate * blockCount + block]) }
            tallies.append(total)
        }
        return SimulationResult(
            parameters: parameters, threads: workers, blockCount: blockCount, villageCount: layout.villageCount,
            countyCount: layout.countyCount, replicates: tallies,
            vulnerability: try accumulators?.estimate(parameters: parameters),
            drawCounts: countingDraws ? counts.withLock { $0 } : nil)
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
    let households: Int
    let years: Int

    func run<Steps: YearStepSource>(
        steps: Steps, synthesis: PopulationSynthesis, layout: VillageLayout, covariates: Covariates,
        stream: RandomStream, vulnerability: VulnerabilityCollector? = nil
    ) -> Tally {
        let povertyLine = steps[0].povertyLine
        var tally = Tally(years: years)
        var population = BlockPopulation(
            seed: seed, block: block, households: households, layout: layout, synthesis: synthesis)
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

    init(seed: UInt64, block: Int, households: Int, layout: VillageLayout, synthesis: PopulationSynthesis) {
        first = block * Simulation.blockSize
        end = min(households, first + Simulation.blockSize)
        self.layout = layout
        self.synthesis = synthesis
        key = .population(seed: seed, block: block)
        index = first
        village = layout.village(ofHousehold: first)
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
