import Engine
import Foundation
import Model
import Runs
import Scenarios

/// How big a sweep is and how long it should take, before running it (`repoverty plan`).
///
/// The time comes from a short calibration run of the first point at full horizon, one replicate, and at most two
/// blocks of households per thread: household-years per second on this machine with these threads, applied to every
/// point. The calibration runs twice and the second, warm run sets the speed (the first pays once-only costs — page
/// faults, lazy tables — that a long sweep pays once, not per point). To the simulation time it adds what a sweep does
/// besides simulating: committing each point's rows to `sweep.sqlite` (timed by writing the calibration's rows into a
/// scratch store) and loading every point again (`loadingSeconds`, the time the plan took to load them). Measured
/// against real sweeps at several sizes in the README ("Parameter sweeps"). The memory is the process's peak resident size before the calibration, plus the growth the calibration's
/// (replicate, block) tasks caused, scaled to the largest point's task count: points run one at a time, so that is the
/// sweep's peak. Both are estimates; the store records each point's real wall time.
public struct SweepEstimate: Sendable {
    public let points: Int
    /// Replicate runs over all points (a point with R replicates counts R).
    public let replicateRuns: Int
    /// Households × (years + 1) × replicates, summed over points: the simulator's unit of work (year 0 included).
    public let householdYears: Double
    /// Measured in the calibration run.
    public let householdYearsPerSecond: Double
    public let seconds: Double
    public let peakMemoryBytes: Double
    /// About 100 bytes per stored metric row (as many as the calibration's), plus each point's resolved parameters (twice).
    public let storeBytes: Double

    /// Measures a calibration run on the plan's first point and scales it to the plan.
    public static func measure(_ plan: SweepPlan, threads: Int, loadingSeconds: Double = 0) throws -> SweepEstimate {
        try measure(
            plan.points.map(\.scenario), threads: threads, loadingSeconds: loadingSeconds, storedPoint: plan.points.first)
    }

    /// Measures a calibration run on the first of `scenarios` and scales it to them all, run one at a time (a sweep's
    /// points, a sensitivity analysis's moved runs); `storedPoint`, when the runs are committed to a sweep store, times
    /// one such commit, and `loadingSeconds` is the time already spent loading the points.
    /// - Parameter observer: watches the calibration runs, so a signal stops them (`RunError.cancelled`).
    public static func measure(
        _ scenarios: [Scenario], threads: Int, loadingSeconds: Double = 0, storedPoint: PlannedPoint? = nil,
        observer: RunObserver? = nil
    ) throws -> SweepEstimate {
        guard let first = scenarios.first else {
            return SweepEstimate(
                points: 0, replicateRuns: 0, householdYears: 0, householdYearsPerSecond: 0, seconds: 0, peakMemoryBytes: 0,
                storeBytes: 0)
        }
        var calibration = first
        // At most two blocks per thread, and about 400,000 household-years however long the horizon: a plan answers
        // in about a second even for a sweep far too large to run.
        let years = calibration.parameters.run.years
        let households = min(
            calibration.parameters.run.households, 2 * Simulation.blockSize * max(1, threads),
            max(Simulation.blockSize, 400_000 / (years + 1)))
        calibration.parameters.run.households = households
        calibration.parameters.run.replicates = 1
        let before = peakResidentBytes()
        // A one-year run first warms the code, the caches and the allocator, so the timed run that follows measures
        // the steady speed; it is kept short so that a plan of a long horizon still answers in seconds.
        var warmUp = calibration
        warmUp.parameters.run.years = min(1, calibration.parameters.run.years)
        _ = try Runner(threads: threads, observer: observer).run(warmUp)
        let run = try Runner(threads: threads, observer: observer).run(calibration)
        let seconds = max(run.provenance.wallSeconds, 1e-6)
        let storeSeconds = try storedPoint.map { try commitSeconds(of: run, point: $0) } ?? 0
        let growth = max(0, peakResidentBytes() - before)
        let rate = Double(households * (calibration.parameters.run.years + 1)) / seconds
        let perTask = growth / Double(max(1, run.tasks))

        let rowsPerPoint = run.rows.count
        var householdYears = 0.0, replicateRuns = 0, maxTasks = 0, metricRows = 0.0, parameterBytes = 0.0
        for scenario in scenarios {
            let run = scenario.parameters.run
            householdYears += Double(run.households) * Double(run.years + 1) * Double(run.replicates)
            replicateRuns += run.replicates
            let blocks = Simulation.blockCount(households: run.households)
            maxTasks = max(maxTasks, blocks * run.replicates)
            metricRows += Double(rowsPerPoint)
            parameterBytes += Double(ScenarioLoader.resolvedJSON(scenario.parameters).utf8.count)
        }
        return SweepEstimate(
            points: scenarios.count, replicateRuns: replicateRuns, householdYears: householdYears,
            householdYearsPerSecond: rate,
            seconds: householdYears / rate + Double(scenarios.count) * storeSeconds + loadingSeconds,
            peakMemoryBytes: before + perTask * Double(maxTasks), storeBytes: metricRows * 100 + 2 * parameterBytes)
    }

    /// The time to commit one point's rows and provenance to a store: a scratch store in a temporary folder, removed.
    static func commitSeconds(of run: CompletedRun, point: PlannedPoint) throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repoverty-plan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SweepStore.create(
            at: folder.appendingPathComponent("sweep.sqlite"),
            identity: SweepIdentity(scenario: "plan", design: "calibration", keyPaths: point.keyPaths, pointCount: 1, seed: 0))
        defer { try? store.close() }
        try store.addPending([point])
        let started = Date()
        try store.recordCompletion(point: point.index, rows: run.rows, provenance: run.provenance)
        return Date().timeIntervalSince(started)
    }

    /// The process's peak resident set size so far (`getrusage`; Linux reports kilobytes).
    static func peakResidentBytes() -> Double {
        var usage = rusage()
        #if os(Linux)
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
            return Double(usage.ru_maxrss) * 1024
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
            return Double(usage.ru_maxrss)
        #endif
    }
}
