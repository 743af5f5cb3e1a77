import ArgumentParser
import Foundation
import Synchronization

/// How a run shows its progress on standard error (`--progress`).
///
/// Standard error, not standard output: a script that reads the printed table, or redirects it, gets progress on a
/// separate channel. Progress only watches the run (through `CommandObserver`), so it never changes the results.
enum ProgressMode: String, CaseIterable, ExpressibleByArgument {
    /// A bar when standard error is a terminal and the run has lasted over ``ProgressReporter/barDelaySeconds``.
    case auto
    /// A bar even when standard error is not a terminal (after the same delay).
    case bar
    /// One JSON line per finished task, plus `start` and `finish` lines, for scripts and schedulers.
    case json
    /// Nothing.
    case none

    /// The reporter for one scenario's run, or nil when nothing is to be shown (`--quiet` shows nothing).
    func reporter(scenario: String, quiet: Bool) -> ProgressReporter? {
        switch quiet ? .none : self {
        case .none: nil
        case .json: ProgressReporter(style: .json, scenario: scenario)
        case .bar: ProgressReporter(style: .bar(delaySeconds: ProgressReporter.barDelaySeconds), scenario: scenario)
        case .auto:
            isatty(STDERR_FILENO) == 1
                ? ProgressReporter(style: .bar(delaySeconds: ProgressReporter.barDelaySeconds), scenario: scenario)
                : nil
        }
    }
}

/// Reports a run's (replicate, block) tasks as they finish, from the worker threads.
///
/// Tasks may report out of order, so the reporter keeps its own count under a lock: lines count 1, 2, … total. The
/// total is the engine's own, passed with every task, so the reporter never needs to know how a run is cut into tasks;
/// the `start` line is therefore written when the first task reports.
final class ProgressReporter: Sendable {
    enum Style: Sendable, Equatable {
        case bar(delaySeconds: Double)
        case json
    }

    /// Short runs show no bar: it would only flicker.
    static let barDelaySeconds = 2.0
    /// The bar is redrawn at most this often.
    static let barIntervalSeconds = 0.1

    let style: Style
    let scenario: String
    private let started = ContinuousClock.now
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    private struct State {
        /// The engine's count of tasks, known from the first task on.
        var total: Int?
        var started = false
        var completed = 0
        var lastDrawn = -Double.infinity
        var barShown = false
    }

    init(
        style: Style, scenario: String,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.style = style
        self.scenario = scenario
        self.write = write
    }

    /// The `start` line, once, before anything else (for `json`).
    private func startIfNeeded(_ state: inout State) {
        guard !state.started else { return }
        state.started = true
        if style == .json { write(Self.json(ProgressEvent(event: "start", scenario: scenario, total: state.total ?? 0))) }
    }

    func taskFinished(completed _: Int, total: Int) {
        state.withLock { state in
            state.total = total
            startIfNeeded(&state)
            state.completed += 1
            let elapsed = seconds()
            let eta = elapsed / Double(state.completed) * Double(total - state.completed)
            switch style {
            case .json:
                write(Self.json(ProgressEvent(
                    event: "progress", scenario: scenario, completed: state.completed, total: total,
                    elapsedSeconds: Self.rounded(elapsed), etaSeconds: Self.rounded(eta))))
            case .bar(let delay):
                guard elapsed >= delay, elapsed - state.lastDrawn >= Self.barIntervalSeconds || state.completed == total
                else { return }
                write("\r" + Self.bar(scenario: scenario, completed: state.completed, total: total, etaSeconds: eta)
                    + "\u{1B}[K")
                state.lastDrawn = elapsed
                state.barShown = true
            }
        }
    }

    /// The total is known before the first task ends (a sweep's points): the `start` line now, with it.
    func begin(total: Int) {
        state.withLock { state in
            state.total = total
            startIfNeeded(&state)
        }
    }

    /// Clears the bar's line, if one is shown, so a line printed next starts at the margin; the next task redraws it.
    func clearBar() {
        state.withLock { state in
            if case .bar = style, state.barShown { write("\r\u{1B}[K") }
        }
    }

    /// The run is over: a `finish` line, or the bar's line cleared for what is printed next.
    func finish() {
        state.withLock { state in
            startIfNeeded(&state)
            switch style {
            case .json:
                write(Self.json(ProgressEvent(
                    event: "finish", scenario: scenario, completed: state.completed, total: state.total ?? 0,
                    elapsedSeconds: Self.rounded(seconds()))))
            case .bar:
                if state.barShown { write("\r\u{1B}[K") }
            }
        }
    }

    /// `baseline [############------------------]  40%  16/40  1:05 left`
    static func bar(scenario: String, completed: Int, total: Int, etaSeconds: Double, width: Int = 30) -> String {
        let share = total > 0 ? Double(completed) / Double(total) : 1
        let filled = min(width, Int((share * Double(width)).rounded(.down)))
        let eta = max(0, Int(etaSeconds.rounded()))
        return "\(scenario) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + String(format: "%3d%%", Int((share * 100).rounded(.down))) + "  \(completed)/\(total)  "
            + String(format: "%d:%02d left", eta / 60, eta % 60)
    }

    private func seconds() -> Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private static func json(_ event: ProgressEvent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(event)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// One line of `--progress json`.
struct ProgressEvent: Codable, Equatable {
    var event: String
    var scenario: String
    var completed: Int?
    var total: Int
    var elapsedSeconds: Double?
    var etaSeconds: Double?
}
