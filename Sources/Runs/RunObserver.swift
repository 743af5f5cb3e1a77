import Engine
import Foundation
import Scenarios

/// Watches the runs of a command: progress, what was made and written, and a way to stop. The library never prints;
/// a command shows what it is told here, as it likes.
///
/// It is the engine's ``SimulationObserver`` too: told as (replicate, block) tasks finish, from worker threads, with
/// the engine's own count of tasks, and asked before each task whether to stop.
public protocol RunObserver: SimulationObserver {
    /// A scenario is about to be simulated.
    func runStarted(_ scenario: Scenario)
    /// The simulation of a scenario has ended, finished or not: a progress display can clear its line.
    func simulationEnded(_ scenario: Scenario)
    /// A scenario has been simulated and summarised (nothing is written yet).
    func runFinished(_ run: CompletedRun)
    /// A results file has been written, whole.
    func wrote(_ file: URL)
}

extension RunObserver {
    public func runStarted(_ scenario: Scenario) {}
    public func simulationEnded(_ scenario: Scenario) {}
    public func runFinished(_ run: CompletedRun) {}
    public func wrote(_ file: URL) {}
    public func taskFinished(completed: Int, total: Int) {}
}
