import ArgumentParser
import Foundation
import Output
import Runs
import Sensitivity

/// `repoverty sensitivity SCENARIO`: which assumptions the answer rests on (issue 16). Every model key moved down
/// and up, each run paired with the base by replicate; the library runs and ranks, this command parses and prints.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Move each model key down and up and rank the keys by how much the answer changes.",
        discussion: """
            One at a time, every model key (or those of --keys; never run.*) is moved by --change down and up \
            (probabilities and shares on the logit scale, shares of a group renormalised, whole numbers by at least \
            one) and the scenario is run with the base's seed and sizes, so each change is paired by replicate with \
            the base (common random numbers). Keys that change nothing here are listed as having no effect.
            With --against BASELINE, the change reported is that of the difference scenario − baseline when the key \
            moves in both alike.

            Writes DIR/sensitivity.csv, DIR/sensitivity.json (provenance, skipped keys) and the base run's \
            DIR/<name>/; `repoverty report DIR` draws the tornado chart.

            Exit codes: 0 success, 1 a failure while running (an interruption, an unwritable folder), 2 bad input or usage.
            """
    )

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("Keys to move, comma-separated (default: every model key).", valueName: "key,..."))
    var keys: String?

    @Option(help: ArgumentHelp("How far each key moves, in percent (default 20%).", valueName: "X%"))
    var change: String = "20%"

    @Option(help: ArgumentHelp(
        "Whole-horizon metrics of summary.csv, comma-separated (default cumulative_repoverty_rate).", valueName: "M,..."))
    var metric: String = SensitivitySettings.defaultMetric

    @Option(help: "A baseline scenario: report the change in the difference scenario − baseline.")
    var against: String?

    @OptionGroup var options: RunOptions

    @Option(help: "Folder for the results (default results/sensitivity-<name>).")
    var output: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Replace the results of a different earlier analysis in DIR (by default the command refuses, exit 2).")
    var force = false

    /// `20%`, `20` or `12.5 %`: always percent.
    static func percent(_ text: String) -> Double? {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasSuffix("%") { digits.removeLast() }
        guard let number = Double(digits.trimmingCharacters(in: .whitespaces)), number.isFinite else { return nil }
        return number / 100
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        guard let relative = Self.percent(change) else {
            throw BadInput(message: "--change: expected a percentage such as 20%, got '\(change.prefix(32))'")
        }
        let settings = SensitivitySettings(
            keys: keys.map(Self.list), change: relative, metrics: Self.list(metric),
            against: against.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        guard !settings.metrics.isEmpty else { throw BadInput(message: "--metric: expected at least one metric") }
        do { try SensitivityAnalysis.check(settings) } catch { throw BadInput(message: error.description) }

        let loaded = try Runner.load([scenario] + (against.map { [$0] } ?? []), overrides: options.overrides, size: options.size)
        let base = loaded[0]
        if loaded.count > 1, loaded[1].parameters.run != base.parameters.run {
            throw BadInput(message: SensitivityError.runSettingsDiffer(
                scenario: base.sourcePath, baseline: loaded[1].sourcePath).description)
        }
        // Per-run lines would be hundreds; progress is one line per key, on standard error.
        let runner = Runner(threads: options.size.resolvedThreads, observer: CommandObserver(progress: .none, quiet: true))
        try runner.checkMemory(loaded)
        let directory = URL(fileURLWithPath: output ?? "results/sensitivity-\(base.name)", isDirectory: true)
        let folder = try runner.claim(directory, for: loaded, force: force)
        if !force, case .some(let earlier) = SensitivityFiles.earlierSettings(in: directory), earlier != settings {
            throw BadInput(
                message: "\(directory.path) holds the results of a different sensitivity analysis"
                    + (earlier == nil ? " (an unreadable sensitivity.json)" : " (other keys, change, metrics or baseline)")
                    + "; choose another --output or add --force to replace them")
        }
        let quiet = self.quiet
        let result: SensitivityResult
        do {
            result = try SensitivityAnalysis.run(
                base, against: loaded.count > 1 ? loaded[1] : nil, settings: settings, runner: runner
            ) { index, count, key in
                guard !quiet else { return }
                FileHandle.standardError.write(Data("key \(index)/\(count): \(key)\n".utf8))
            }
        } catch let error as SensitivityError {
            throw BadInput(message: error.description)
        }
        try Interruption.shared.checkpoint()
        try runner.write(
            [result.base] + (result.baseline.map { [$0] } ?? []),
            extra: [
                (SensitivityFiles.csvName, SensitivityFiles.csv(result)),
                (SensitivityFiles.jsonName, try SensitivityFiles.json(result)),
            ],
            into: folder)
        guard !quiet else { return }
        print(SensitivityTable.render(result, limit: 10), terminator: "")
        print("→ \(directory.appendingPathComponent(SensitivityFiles.csvName).path)")
        print("→ \(directory.appendingPathComponent(SensitivityFiles.jsonName).path)")
    }
}

/// The printed table: the keys the answer rests on most, with their paired changes and 95 % intervals.
enum SensitivityTable {
    static func render(_ result: SensitivityResult, limit: Int) -> String {
        guard let metric = result.settings.metrics.first else { return "" }
        let rows = result.rows.filter { $0.metric == metric }.prefix(limit)
        let change = Int((result.settings.change * 100).rounded())
        let what = result.settings.against.map { "\(metric) (scenario − \($0))" } ?? metric
        var text = "\nTop \(rows.count) of \(result.rows.filter { $0.metric == metric }.count) keys by change in \(what)"
            + " at −\(change) % / +\(change) %, paired by replicate (95 % intervals, t with R − 1 df):\n"
        let header = ["key", "status", "base", "change low [95 %]", "change high [95 %]"]
        var table: [[String]] = [header]
        for row in rows {
            table.append([
                row.key, row.status.rawValue, number(row.base), estimate(row.changeLow), estimate(row.changeHigh),
            ])
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, line) in table.enumerated() {
            text += line.enumerated().map { column, cell in
                column <= 1 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
            if index == 0 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        text += "\(result.noEffect.count) keys had no effect in this scenario; \(result.skipped.filter { $0.side == nil }.count)"
            + " were not moved (see sensitivity.json); \(result.runs) runs in " + String(format: "%.1f s", result.wallSeconds) + "\n"
        return text
    }

    static func number(_ value: Double) -> String { String(format: "%.6g", value) }

    static func estimate(_ change: PairedChange?) -> String {
        guard let change else { return "–" }
        guard let lower = change.lower, let upper = change.upper else { return String(format: "%+.4f", change.mean) }
        return String(format: "%+.4f [%+.4f, %+.4f]", change.mean, lower, upper)
    }
}
