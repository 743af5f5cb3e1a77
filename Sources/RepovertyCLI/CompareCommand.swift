import ArgumentParser
import Engine
import Foundation
import Model
import Output
import Runs
import Scenarios

/// `repoverty compare BASELINE SCENARIO...`: every scenario against the baseline, paired by replicate.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare scenarios with a baseline under common random numbers.",
        discussion: """
            Every scenario runs with the baseline's seed, replicates, households, years and generator, so replicate r of
            each meets the same households, floods, outbreaks and illnesses; differences are paired by replicate.
            Writes DIR/compare.csv, DIR/compare.json (the runs it was made of, for `repoverty reproduce`) and
            DIR/<name>/summary.csv for the baseline and every scenario, and prints the
            scenarios ranked by re-poverty entries averted.
            """
    )

    @Argument(help: "The baseline scenario file.")
    var baseline: String

    @Argument(help: "Scenario files to compare with the baseline.")
    var scenarios: [String]

    @OptionGroup var options: RunOptions

    @Option(help: "Folder for compare.csv and each scenario's DIR/<name>/.")
    var output: String = "results"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Replace results of a different run in DIR/<name>/ (by default the command refuses, exit 2).")
    var force = false

    func run() throws {
        let loaded = try Runner.load([baseline] + scenarios, overrides: options.overrides, size: options.size)
        let base = loaded[0]
        for scenario in loaded.dropFirst() where scenario.parameters.run != base.parameters.run {
            throw BadInput(
                message: "\(scenario.sourcePath): run settings differ from the baseline's (\(describe(scenario.parameters.run))"
                    + " against \(describe(base.parameters.run))); a comparison pairs replicates, so every scenario needs"
                    + " the baseline's seed, replicates, households, years and generator")
        }
        let runner = Runner(
            threads: options.size.resolvedThreads, observer: CommandObserver(progress: options.progress, quiet: quiet))
        try runner.checkMemory(loaded)
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let folder = try runner.claim(directory, for: loaded, force: force)
        do { try folder.checkComparisonReplaceable(scenarios: loaded.map(\.name), force: force) } catch {
            throw RunError.cannotClaim(files: [base.sourcePath], error)
        }
        // Every scenario is simulated before any file is written, so a run stopped part-way leaves no results at all.
        let completed = try loaded.map { scenario throws in try runner.run(scenario) }
        let runs = completed.map { Comparison.Run(name: $0.scenario.name, metrics: $0.metrics) }
        let rows = Comparison.rows(baseline: runs[0], scenarios: Array(runs.dropFirst()))
        // compare.json lists the runs compare.csv was made of, so `repoverty reproduce` can re-make it.
        let record = ComparisonRecord(
            version: ProgramVersion.current, gitCommit: RunProvenance.buildCommit, scenarios: runs.map(\.name))
        try runner.write(
            completed,
            extra: [
                ("compare.csv", ComparisonCSV.render(rows, labels: completed[0].labels)),
                (ComparisonRecord.fileName, try record.json()),
            ],
            into: folder)
        if !quiet {
            print("")
            print(
                ComparisonTable.render(
                    baseline: base.name, scenarios: runs.dropFirst().map(\.name), rows: rows,
                    descriptions: Dictionary(uniqueKeysWithValues: loaded.map { ($0.name, $0.description) }),
                    years: base.parameters.run.years, labels: completed[0].labels),
                terminator: "")
        }
    }

    private func describe(_ run: RunSettings) -> String {
        "seed \(run.seed), \(run.replicates) replicates, \(run.households) households, \(run.years) years, \(run.generator.rawValue)"
    }
}
