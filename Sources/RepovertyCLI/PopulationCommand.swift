import ArgumentParser
import Engine
import Foundation
import Model
import Output
import Scenarios

/// `repoverty population PROFILE_OR_SCENARIO --households N [--seed S] --output DIR`: synthesise a population and set
/// it beside the published figures of its profile (MODEL.md §3, issue 6).
///
/// A planner trusts the figures only if the synthetic households look like the surveyed ones: this writes
/// `DIR/population.csv` (`attribute,category,target,simulated`) and prints it as a table.
struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "Synthesise households and compare them with their profile's published figures.",
        discussion: """
            PROFILE_OR_SCENARIO is a profile file (scenarios/profiles/NAME.yaml) or a scenario; a scenario's targets \
            are those of the profile file it extends, else scenarios/profiles/<population.profile>.yaml beside it. \
            The households are those a run of that seed synthesises.

            Exit codes: 0 success, 1 a failure while running (an unwritable folder), 2 bad input or usage.
            """
    )

    @Argument(help: "A profile file or a scenario file (YAML).")
    var scenario: String

    @Option(parsing: .unconditional, help: "Households to synthesise.", transform: OptionValues.whole)
    var households: Int = 100_000

    @Option(
        parsing: .unconditional,
        help: "Seed of the population (default: the scenario's run.seed).",
        transform: OptionValues.seed)
    var seed: UInt64?

    @Option(help: "Folder for population.csv.")
    var output: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard households >= 1 else { throw ValidationError("--households must be at least 1, got \(households)") }
    }

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        let (_, targets) = try ProfileTargets.load(for: loaded)
        let parameters = loaded.parameters
        let census: PopulationCensus
        do {
            census = try Simulation.populationCensus(parameters, households: households, seed: seed ?? parameters.run.seed)
        } catch {
            throw RunFailure(message: "cannot synthesise the population: \(error)")
        }
        let rows: [PopulationComparisonRow]
        do { rows = try PopulationComparison.rows(targets: targets, census: census, parameters: parameters.population) }
        catch { throw BadInput(message: "\(scenario): unknown target \(error.attribute) / \(error.category)") }
        let file = URL(fileURLWithPath: output).appendingPathComponent("population.csv")
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try AtomicFile.write(PopulationCSV.render(rows), to: file)
        } catch {
            throw RunFailure(message: "cannot write \(file.path): \(error)")
        }
        if !quiet { print(PopulationCSV.table(rows, households: households), terminator: "") }
    }
}
