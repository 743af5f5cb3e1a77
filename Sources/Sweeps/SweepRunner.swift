import Foundation
import Output
import Runs

/// Follows a sweep from the command line: progress for people and schedulers, and a way to stop between points.
public protocol SweepObserver: AnyObject {
    /// A point is about to run; `position` counts from 1 among the `remaining` points this run will do.
    func pointStarted(_ point: PlannedPoint, position: Int, remaining: Int)
    /// A point's results are committed to the store.
    func pointFinished(_ point: PlannedPoint, position: Int, remaining: Int, seconds: Double)
    /// Read before each point: true stops the sweep there, with every finished point kept.
    var shouldStop: Bool { get }
}

/// Why a sweep ended before its last point.
public enum SweepRunError: Error, CustomStringConvertible {
    /// The observer asked to stop; `completed` of `total` points of the shard are in the store.
    case stopped(completed: Int, total: Int)
    /// A point's simulation failed.
    case pointFailed(point: Int, reason: String)

    public var description: String {
        switch self {
        case .stopped(let completed, let total):
            "the sweep stopped with \(completed) of \(total) points complete; run it again with --resume to finish"
        case .pointFailed(let point, let reason): "point \(point) failed: \(reason)"
        }
    }
}

/// Runs a plan's points that the store does not yet hold, one after another, each committed on its own.
///
/// Points run one at a time, each with every thread (the engine parallelises a point's replicates and blocks), so a
/// point's figures never depend on how many points or threads there are.
public struct SweepRunner {
    public let threads: Int
    /// Read between points and between the blocks of a point (a signal, a scheduler's time limit): true stops the
    /// sweep; the point under way is dropped and runs again on `--resume`, so the result is the same.
    public let isCancelled: @Sendable () -> Bool

    public init(threads: Int, isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.threads = threads
        self.isCancelled = isCancelled
    }

    /// The engine's view of ``isCancelled``.
    private struct Cancellation: RunObserver {
        let isCancelledNow: @Sendable () -> Bool
        var isCancelled: Bool { isCancelledNow() }
    }

    /// What a run did.
    public struct Report: Equatable, Sendable {
        /// Points run now.
        public let ran: Int
        /// Points already complete in the store (from an earlier, interrupted run).
        public let skipped: Int
    }

    /// Runs the plan's incomplete points and records each in `store`.
    ///
    /// Every point's memory is checked before any runs, as `run` checks a scenario's (issue 13): a sweep too large
    /// for the machine is refused at once, not after hours.
    ///
    /// - Throws: ``RunError`` when a point cannot fit in memory; ``SweepRunError`` when stopped or when a point
    ///   fails; points finished before stay in the store.
    public func run(_ plan: SweepPlan, store: SweepStore, observer: SweepObserver? = nil) throws -> Report {
        let runner = Runner(threads: threads, observer: Cancellation(isCancelledNow: isCancelled))
        try runner.checkMemory(plan.points.map(\.scenario))
        try store.addPending(plan.points)
        let done = try store.completedPoints()
        let remaining = plan.points.filter { !done.contains($0.index) }
        let skipped = plan.points.count - remaining.count
        for (offset, point) in remaining.enumerated() {
            if observer?.shouldStop == true || isCancelled() {
                throw SweepRunError.stopped(completed: skipped + offset, total: plan.points.count)
            }
            observer?.pointStarted(point, position: offset + 1, remaining: remaining.count)
            var completed: CompletedRun
            do { completed = try runner.run(point.scenario) } catch .cancelled {
                throw SweepRunError.stopped(completed: skipped + offset, total: plan.points.count)
            } catch {
                throw SweepRunError.pointFailed(point: point.index, reason: "\(error)")
            }
            completed.provenance.shard = plan.shard.description
            let seconds = completed.provenance.wallSeconds
            try store.recordCompletion(point: point.index, rows: completed.rows, provenance: completed.provenance)
            observer?.pointFinished(point, position: offset + 1, remaining: remaining.count, seconds: seconds)
        }
        return Report(ran: remaining.count, skipped: skipped)
    }
}
