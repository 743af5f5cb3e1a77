import ArgumentParser
import Engine
import Foundation
import Output
import Runs

/// `repoverty run SCENARIO...`: simulate each scenario and write `DIR/<name>/summary.csv` and `run.json`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and write summary.csv and run.json for each.",
        discussion: """
            Every scenario is loaded and checked before any runs, so a bad file stops the command before any output; \
            every scenario is simulated before any results are written, so SIGINT or SIGTERM leaves no results file.

            Exit codes: 0 success, 1 a failure while running (an interruption, an unwritable folder), 2 bad input or usage.
            """
    )

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    @OptionGroup var options: RunOptions

    @Option(help: "Folder for the results; each scenario writes DIR/<name>/.")
    var output: String = "results"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Replace results of a different run in DIR/<name>/ (by default the command refuses, exit 2).")
    var force = false

    @Flag(help: ArgumentHelp(
        "Also report vulnerability as expected poverty: each cohort household's probability of being poor in year 1"
            + " across replicates, simulated and analytic (log-normal), with the bands of 002 (docs/MODEL.md §4)."))
    var vulnerability = false

    func run() throws {
        let loaded = try Runner.load(scenarios, overrides: options.overrides, size: options.size)
        let runner = Runner(
            threads: options.size.resolvedThreads, vulnerability: vulnerability,
            observer: CommandObserver(progress: options.progress, quiet: quiet))
        try runner.checkMemory(loaded)
        let folder = try runner.claim(URL(fileURLWithPath: output, isDirectory: true), for: loaded, force: force)
        // Every scenario is simulated before any is written, so a run stopped part-way leaves no results at all.
        let completed = try loaded.map { scenario throws in try runner.run(scenario) }
        try runner.write(completed, into: folder)
        let printed = completed.map {
            HeadlineTable.Column(
                name: $0.scenario.name, rows: $0.rows, description: $0.scenario.description,
                subpopulations: $0.subpopulationMetrics.map { ($0.name, $0.rows) })
        }
        if !quiet, let first = completed.first {
            print("")
            print(HeadlineTable.render(printed, years: first.scenario.parameters.run.years, labels: first.labels), terminator: "")
        }
    }
}
