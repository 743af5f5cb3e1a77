import ArgumentParser
import Engine
import Foundation
import Model
import Output
import Runs
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
            The households are those a run of that seed synthesises. For a mixture of sub-populations, each \
            sub-population's households are compared with the targets of its own profile file, and population.csv \
            gains a first column `subpopulation`.

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

    @Flag(help: "Replace a population.csv of another scenario, seed or size in DIR (by default refused, exit 2).")
    var force = false

    /// The most households a run may have (`run.households`), so the census describes a run that can exist.
    static let maximumHouseholds = 100_000_000

    func validate() throws {
        guard households >= 1 else { throw ValidationError("--households must be at least 1, got \(households)") }
        guard households <= Self.maximumHouseholds else {
            throw ValidationError("--households must be at most 100,000,000 (as run.households), got \(households)")
        }
    }

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        let parameters = loaded.parameters
        // The targets of each group compared: the scenario's profile, or each sub-population's (MODEL.md §7).
        let targets: [[PopulationTarget]] = loaded.subpopulations.isEmpty
            ? [try ProfileTargets.load(for: loaded).targets]
            : try loaded.subpopulations.map { subpopulation throws in
                let targets = try ProfileTargets.read(subpopulation.profile)
                guard !targets.isEmpty else {
                    throw BadInput(message: "\(subpopulation.profile): targets: sub-population `\(subpopulation.name)`"
                                   + " of \(scenario): expected a list of targets in its profile file, found none")
                }
                return targets
            }
        guard households >= loaded.subpopulations.count else {
            throw BadInput(message: "--households must be at least \(loaded.subpopulations.count), one for each"
                           + " sub-population of \(scenario), got \(households)")
        }
        let record = PopulationRecord(
            version: ProgramVersion.current, scenario: loaded.name, households: households,
            seed: seed ?? parameters.run.seed, population: parameters.population,
            subpopulations: loaded.subpopulations.isEmpty ? nil : loaded.subpopulations.map {
                PopulationRecord.Part(name: $0.name, share: $0.share, population: $0.parameters.population)
            })
        // The folder is claimed, and any earlier population.csv checked, before the synthesis (issue 13).
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: URL(fileURLWithPath: output, isDirectory: true)) } catch {
            throw RunError.outputFolder(error)
        }
        defer { folder.release() }
        try record.checkReplaceable(in: folder.url, force: force)
        // Through the one home for driving the engine; SIGINT/SIGTERM stop it between blocks (exit 1).
        let runner = Runner(threads: 1, observer: CommandObserver(quiet: true))
        let censuses: [(households: Int, census: PopulationCensus)] = loaded.subpopulations.isEmpty
            ? [(households, try runner.populationCensus(of: loaded, households: households, seed: record.seed))]
            : try runner.subpopulationCensuses(of: loaded, households: households, seed: record.seed)
        let groups = loaded.subpopulations.isEmpty
            ? [parameters.population] : loaded.subpopulations.map(\.parameters.population)
        var rows: [[PopulationComparisonRow]] = []
        for index in groups.indices {
            do {
                rows.append(try PopulationComparison.rows(
                    targets: targets[index], census: censuses[index].census, parameters: groups[index]))
            } catch { throw BadInput(message: "\(scenario): unknown target \(error.attribute) / \(error.category)") }
        }
        let names = loaded.subpopulations.map(\.name)
        let csv = names.isEmpty
            ? PopulationCSV.render(rows[0]) : PopulationCSV.render(subpopulations: Array(zip(names, rows)))
        do {
            try Interruption.shared.checkpoint()
            // The record first: a population.csv is never left beside the record of another population.
            folder.removeFiles(["population.csv"])
            try folder.writeFile(PopulationRecord.fileName, Data(try record.json().utf8))
            try folder.writeFile("population.csv", Data(csv.utf8))
        } catch let error as OutputFolderError { throw RunError.outputFolder(error) }
        guard !quiet else { return }
        if names.isEmpty {
            print(PopulationCSV.table(rows[0], households: households), terminator: "")
        } else {
            for (index, name) in names.enumerated() {
                print("sub-population \(name) (profile \(loaded.subpopulations[index].profile)): ", terminator: "")
                print(PopulationCSV.table(rows[index], households: censuses[index].households), terminator: "")
            }
        }
    }
}

/// `population.json` beside `population.csv`: what made it, so that a different population is never replaced silently.
struct PopulationRecord: Codable, Equatable {
    static let fileName = "population.json"
    var program = "repoverty"
    var version: String
    var scenario: String
    var households: Int
    var seed: UInt64
    var population: PopulationParameters
    /// A mixture's sub-populations (MODEL.md §7); absent otherwise.
    var subpopulations: [Part]?

    /// One sub-population's share and synthesis parameters.
    struct Part: Codable, Equatable {
        var name: String
        var share: Double
        var population: PopulationParameters
    }

    init(
        version: String, scenario: String, households: Int, seed: UInt64, population: PopulationParameters,
        subpopulations: [Part]? = nil
    ) {
        self.version = version
        self.scenario = scenario
        self.households = households
        self.seed = seed
        self.population = population
        self.subpopulations = subpopulations
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Refuse (exit 2) to replace a `population.csv` in `folder` made from another scenario, seed, size or version,
    /// or one without its record, unless `force`.
    func checkReplaceable(in folder: URL, force: Bool) throws {
        let csv = folder.appendingPathComponent("population.csv")
        guard !force, FileManager.default.fileExists(atPath: csv.path) else { return }
        let earlier = (try? Data(contentsOf: folder.appendingPathComponent(Self.fileName)))
            .flatMap { try? JSONDecoder().decode(Self.self, from: $0) }
        guard earlier != self else { return }
        let what = earlier.map {
            "\($0.scenario), seed \($0.seed), \($0.households) households, repoverty \($0.version)"
        } ?? "no population.json beside it"
        throw BadInput(
            message: "\(csv.path) already holds another population (\(what)); nothing was run. Choose another --output,"
                + " or give --force to replace it")
    }
}
