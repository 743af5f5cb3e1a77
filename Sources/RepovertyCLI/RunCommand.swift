import ArgumentParser
import Engine
import Foundation
import Output

/// `repoverty run SCENARIO...`: simulate each scenario and write `DIR/<name>/summary.csv` and `run.json`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and write summary.csv and run.json for each.",
        discussion: "Every scenario is loaded and checked before any runs, so a bad file stops the command before any output."
    )

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    @OptionGroup var options: RunOptions

    @Option(help: "Folder for the results; each scenario writes DIR/<name>/.")
    var output: String = "results"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let loaded = try ScenarioRunner.load(scenarios, overrides: options.allOverrides)
        let runner = ScenarioRunner(options: options, output: output, quiet: quiet)
        var printed: [(name: String, rows: [SummaryRow])] = []
        for scenario in loaded {
            let metrics = try runner.run(scenario)
            printed.append((scenario.name, metrics.map { SummaryRow(metric: $0.name, year: $0.year, estimate: $0.estimate) }))
        }
        if !quiet, let years = loaded.first?.parameters.run.years {
            print("")
            print(HeadlineTable.render(printed, years: years), terminator: "")
        }
    }
}

/// The version string `--version` prints.
enum ProgramVersionText {
    static let current = ProgramVersion.current
}
