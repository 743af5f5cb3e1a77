import Foundation

/// Progress of a command made of many runs, one step at a time (sensitivity's keys or samples; a sweep's points could
/// use it too): `--progress` as `run` has it, counted in steps instead of a run's tasks.
///
/// A bar when standard error is a terminal (`auto`, after the same delay as a run's) or always (`bar`); one JSON line
/// per finished step with `json`; nothing with `none` or `--quiet`. With `auto` and standard error not a terminal (a
/// log file, a cluster job) it writes one plain line per step instead, as `sweep` writes one per point.
final class StepProgress {
    private let reporter: ProgressReporter?
    private let lines: Bool
    private var finished = 0
    private var total = 0

    init(mode: ProgressMode, label: String, quiet: Bool) {
        reporter = mode.reporter(scenario: label, quiet: quiet)
        lines = !quiet && mode == .auto && reporter == nil
    }

    /// Step `index` (from 1) of `total` is about to start; `text` says what it is.
    func starting(_ index: Int, of total: Int, _ text: String) {
        self.total = total
        while finished < index - 1 { stepFinished() }
        if lines { FileHandle.standardError.write(Data("\(text)\n".utf8)) }
    }

    /// Every step is done: the last one counted, and the bar cleared or the `finish` line written.
    func finish() {
        while finished < total { stepFinished() }
        reporter?.finish()
    }

    private func stepFinished() {
        finished += 1
        reporter?.taskFinished(completed: finished, total: total)
    }
}
