import Engine
import Foundation
import Model
import Output
import Runs
import Scenarios

/// Re-making recorded runs and checking that every output file comes out byte for byte the same (README,
/// "Reproducing a run"; docs/MODEL.md §6: the same parameters and seed give the same figures on any number of threads).
///
/// A run is re-made from its `run.json` alone: the resolved parameters, seed, generator and sizes recorded there.
/// `summary.csv` beside it is re-made by the very code `repoverty run` uses (`Runner.run`, `CompletedRun.summaryCSV`).
/// When the folder above holds a `compare.json` listing the run, the comparison's other runs are re-made too and
/// `compare.csv` is checked; a `compare.json` may also be given directly. Each run is simulated once however many of
/// the given files need it.
public struct Reproduction {
    /// One output file re-made and compared with the recorded one.
    public struct Check: Sendable {
        /// The recorded file (beside its run.json or compare.json).
        public let file: URL
        /// The scenario whose `summary.csv` this is; nil for `compare.csv`.
        public let scenario: String?
        /// The bytes re-made.
        public let reproduced: Data
        public let outcome: FileComparison
    }

    /// What a reproduction found: every file checked, in the order the records were given, and every warning.
    public struct Report: Sendable {
        public var checks: [Check] = []
        public var warnings: [String] = []
        /// The `run.json` of each re-made run whose files were checked, by scenario: written with them by
        /// `reproduce --output`, so the folder is a results folder like any other.
        public var records: [String: RunProvenance] = [:]
        /// True when every recorded file was re-made byte for byte.
        public var allIdentical: Bool { checks.allSatisfy { $0.outcome == .identical } }
    }

    let runner: Runner
    /// Each run re-made so far, by the standardised path of its run.json.
    private var runs: [String: CompletedRun] = [:]

    /// - Parameter runner: its threads and observer; whether to estimate vulnerability is each record's own.
    public init(runner: Runner) {
        self.runner = runner
    }

    /// Reads every record before simulating anything, so a malformed one stops the command before any work.
    ///
    /// - Parameter records: `run.json` or `compare.json` files.
    /// - Throws: ``ReproductionError/badRecord(_:)`` for a record that cannot be read or run,
    ///   or a `RunError` while running (`RunError.cancelled` when the observer asks to stop).
    public static func plan(_ records: [URL]) throws(ReproductionError) -> [Target] {
        var targets: [Target] = []
        for file in records {
            if file.lastPathComponent == ComparisonRecord.fileName {
                let (runs, warnings) = try comparison(file)
                targets.append(Target(runs: runs, comparison: (file, runs), comparisonWarnings: warnings))
                continue
            }
            let run = try RecordedRun(file: file)
            let enclosing = file.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(ComparisonRecord.fileName)
            if FileManager.default.fileExists(atPath: enclosing.path) {
                let (runs, warnings) = try comparison(enclosing)
                let path = file.standardizedFileURL.path
                if runs.contains(where: { $0.file.standardizedFileURL.path == path }) {
                    targets.append(Target(runs: [run], comparison: (enclosing, runs), comparisonWarnings: warnings))
                    continue
                }
            }
            targets.append(Target(runs: [run], comparison: nil, comparisonWarnings: []))
        }
        return targets
    }

    /// What one given record asks to re-make: its runs' summaries and, for a comparison, `compare.csv`.
    public struct Target: Sendable {
        /// Runs whose `summary.csv` is checked.
        public let runs: [RecordedRun]
        /// The comparison's `compare.json` and every run it lists, baseline first, when `compare.csv` is checked.
        public let comparison: (file: URL, runs: [RecordedRun])?
        let comparisonWarnings: [String]

        /// Every warning of the records involved, once each.
        public var warnings: [String] {
            var seen = Set<String>(), result: [String] = []
            for warning in comparisonWarnings + (runs + (comparison?.runs ?? [])).flatMap(\.warnings) where seen.insert(warning).inserted {
                result.append(warning)
            }
            return result
        }
    }

    /// The runs a `compare.json` lists, baseline first, and a warning if another version wrote it.
    private static func comparison(_ file: URL) throws(ReproductionError) -> (runs: [RecordedRun], warnings: [String]) {
        let record: ComparisonRecord
        do { record = try JSONDecoder().decode(ComparisonRecord.self, from: Data(contentsOf: file)) } catch {
            throw .badRecord("\(file.path): not a comparison record: \(error)")
        }
        guard record.program == "repoverty", !record.scenarios.isEmpty else {
            throw .badRecord("\(file.path): expected a repoverty comparison record listing at least the baseline")
        }
        let folder = file.deletingLastPathComponent()
        var runs: [RecordedRun] = []
        for entry in record.scenarios { runs.append(try RecordedRun(file: folder.appendingPathComponent(entry.run))) }
        let warnings =
            record.version == ProgramVersion.current
            ? [] : ["\(file.path): written by repoverty \(record.version), this is \(ProgramVersion.current)"]
        return (runs, warnings)
    }

    /// Re-makes every target's files in the given order and compares them with the recorded ones.
    ///
    /// A record names its own sizes: one that cannot fit in the memory is refused, as `run` refuses it, before any
    /// is simulated (``RunError/insufficientMemory(_:)``).
    public mutating func reproduce(_ targets: [Target]) throws(RunError) -> Report {
        try runner.checkMemory(targets.flatMap { $0.runs + ($0.comparison?.runs ?? []) }.map(\.asScenario))
        var report = Report()
        var seenWarnings = Set<String>()
        for target in targets {
            for warning in target.warnings where seenWarnings.insert(warning).inserted { report.warnings.append(warning) }
            for run in target.runs {
                let made = try remake(run)
                report.records[run.scenario] = made.provenance
                let folder = run.file.deletingLastPathComponent()
                report.checks.append(
                    check(folder.appendingPathComponent("summary.csv"), run.scenario, Data(made.summaryCSV.utf8)))
                // Runs recorded before replicates.csv existed (issue 17) have none: only a recorded one is checked.
                let replicates = folder.appendingPathComponent(ReplicatesCSV.fileName)
                if FileManager.default.fileExists(atPath: replicates.path) {
                    report.checks.append(check(replicates, run.scenario, Data(made.replicatesCSV.utf8)))
                }
                // A mixture's per-sub-population summary (MODEL.md §7): a recorded one missing is a difference too.
                if let subpopulations = made.subpopulationsCSV {
                    report.checks.append(check(
                        folder.appendingPathComponent(SummaryCSV.subpopulationsFileName), run.scenario,
                        Data(subpopulations.utf8)))
                }
            }
            if let (file, runs) = target.comparison {
                var made: [Comparison.Run] = []
                for run in runs { made.append(Comparison.Run(name: run.scenario, metrics: try remake(run).metrics)) }
                let rows = Comparison.rows(baseline: made[0], scenarios: Array(made.dropFirst()))
                let csv = Data(ComparisonCSV.render(rows, labels: RunLabels(runs[0].parameters.run)).utf8)
                report.checks.append(check(file.deletingLastPathComponent().appendingPathComponent("compare.csv"), nil, csv))
            }
        }
        return report
    }

    private func check(_ file: URL, _ scenario: String?, _ reproduced: Data) -> Check {
        let recorded = try? Data(contentsOf: file)
        return Check(file: file, scenario: scenario, reproduced: reproduced, outcome: FileComparison.compare(recorded: recorded, reproduced: reproduced))
    }

    /// The run re-made, once however many files need it.
    private mutating func remake(_ run: RecordedRun) throws(RunError) -> CompletedRun {
        let key = run.file.standardizedFileURL.path
        if let done = runs[key] { return done }
        var runner = self.runner
        runner.vulnerability = run.vulnerability
        let made = try runner.run(run.asScenario)
        runs[key] = made
        return made
    }
}
