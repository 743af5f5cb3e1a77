import Foundation
import Runs
import Scenarios
import Synchronization

/// What a command watches its runs with: progress on standard error, a line per finished scenario and per file
/// written on standard output (flushed, so a log file or pipe on a cluster sees each as it happens), and the signals
/// that stop it (`Interruption`). `--quiet` shows nothing.
final class CommandObserver: RunObserver {
    let progress: ProgressMode
    let quiet: Bool
    /// The current scenario's progress display; read by the worker threads.
    private let reporter = Mutex<ProgressReporter?>(nil)

    init(progress: ProgressMode = .none, quiet: Bool) {
        self.progress = progress
        self.quiet = quiet
    }

    var isCancelled: Bool { Interruption.shared.isCancelled }

    func runStarted(_ scenario: Scenario) {
        let shown = progress.reporter(scenario: scenario.name, quiet: quiet)
        reporter.withLock { $0 = shown }
    }

    func taskFinished(completed: Int, total: Int) {
        reporter.withLock { $0 }?.taskFinished(completed: completed, total: total)
    }

    func simulationEnded(_ scenario: Scenario) {
        reporter.withLock { shown in
            defer { shown = nil }
            return shown
        }?.finish()
    }

    func runFinished(_ run: CompletedRun) {
        guard !quiet else { return }
        let record = run.provenance
        print(
            "\(run.scenario.name): \(record.households) households × \(record.years) years"
                + " × \(record.replicates) replicates, seed \(record.seed), \(record.threads) threads, "
                + String(format: "%.2f s", record.wallSeconds))
        fflush(nil)
    }

    func wrote(_ file: URL) {
        if !quiet { print("→ \(file.path)") }
    }
}
