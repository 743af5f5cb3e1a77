import Dispatch
import Engine
import Foundation
import Synchronization

/// SIGINT (Ctrl-C) and SIGTERM (a scheduler's time limit, `kill`) turned into a flag the simulation reads between tasks.
///
/// A sweep on a shared cluster is stopped by the scheduler with SIGTERM, a run at a terminal with Ctrl-C; either way
/// the command must stop promptly and leave no results file that looks complete but is not. The default action of
/// both signals kills the process wherever it is, so both are ignored as signals and received instead by a
/// `DispatchSourceSignal` on a queue of its own (which always gets a thread, even while every core simulates). Its
/// handler only sets the flag; the engine sees it before the next (replicate, block) task, throws
/// ``SimulationError/cancelled``, and the command removes nothing because it has written nothing yet (results are
/// written only after every scenario has been simulated).
final class Interruption: SimulationObserver, @unchecked Sendable {
    /// The process's one watcher; `install()` is called once, first thing in `Repoverty.main`.
    static let shared = Interruption()

    /// The signal received first, or 0.
    private let received = Atomic<Int32>(0)
    private let queue = DispatchQueue(label: "repoverty.interruption")
    /// Kept alive for the life of the process: a released source stops delivering.
    private var sources: [any DispatchSourceSignal] = []

    /// Start watching SIGINT and SIGTERM. Called once, before any command runs.
    func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                _ = received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
            }
            source.resume()
            sources.append(source)
        }
        // Dispatch installs its own handler for a signal source, possibly a moment after `resume()`; until then the
        // signal is only ignored, and one arriving in between would be lost. Wait (at most a second) until both are
        // caught, so that from here on every SIGINT and SIGTERM reaches the flag.
        let deadline = DispatchTime.now() + .seconds(1)
        while DispatchTime.now() < deadline && ![SIGINT, SIGTERM].allSatisfy(Self.isCaught) { usleep(1_000) }
    }

    /// Whether `number` has a handler (not the default action, not ignored).
    private static func isCaught(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        return handler != unsafeBitCast(SIG_IGN, to: Int.self) && handler != unsafeBitCast(SIG_DFL, to: Int.self)
    }

    /// Whether a signal has asked the command to stop.
    var isCancelled: Bool { received.load(ordering: .relaxed) != 0 }

    func taskFinished(completed: Int, total: Int) {}

    /// The signal received, by name (`SIGTERM`), or nil before any.
    var signalName: String? {
        switch received.load(ordering: .relaxed) {
        case 0: nil
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "a signal"
        }
    }

    /// The failure a stopped command reports: which signal, and that nothing was written.
    func failure() -> RunFailure {
        RunFailure(
            message: "interrupted by \(signalName ?? "a signal"): the run was stopped before it finished;"
                + " no results were written")
    }

    /// Throws ``failure()`` if a signal has arrived: called before results are written.
    func checkpoint() throws(RunFailure) {
        if isCancelled { throw failure() }
    }
}
