import ArgumentParser
import Foundation
import Runs
import Scenarios

/// `repoverty validate FILE...`: check scenario files without running them.
///
/// A planner edits YAML by hand and a sweep may run for hours on a cluster: a typo found before submitting costs
/// nothing. Each file is loaded exactly as `run` would load it (`extends`, `--set` and the run options applied) and
/// its run checked against the memory available, so a file that validates is a file that runs. Every file is
/// checked, not only up to the first bad one, so one pass lists every problem of a folder of scenarios.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files without running them.",
        discussion: """
            Prints 'FILE: ok' for each valid file and 'error: FILE:LINE: key.path: what was expected' for each bad \
            one. --set and the run options are checked as run would apply them.

            Exit codes: 0 every file is valid, 2 at least one is not (bad input or usage).
            """
    )

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    @OptionGroup var options: RunOptions

    @Flag(name: .customLong("print"),
          help: "Print each valid scenario fully resolved, every key, as YAML, each key's unit and source status in this scenario (keyStatus:) in a comment.")
    var printResolved = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let runner = Runner(threads: options.size.resolvedThreads)
        var invalid = 0
        for path in scenarios {
            do {
                let scenario = try Runner.load([path], overrides: options.overrides, size: options.size)[0]
                try runner.checkMemory([scenario])
                if printResolved {
                    print("# \(path)")
                    print(
                        ScenarioLoader.resolvedYAML(scenario.parameters, annotated: true, keyStatus: scenario.keyStatus),
                        terminator: "")
                    // A mixture's sub-populations, as comments so the text still loads as the scenario's parameters.
                    for subpopulation in scenario.subpopulations {
                        let keys = ScenarioLoader.differingKeys(subpopulation.parameters, from: scenario.parameters)
                        print("# sub-population \(subpopulation.name): share \(subpopulation.share), profile"
                              + " \(subpopulation.profile); \(keys.isEmpty ? "no key differs" : "keys that differ") from the scenario's")
                        for key in keys { print("#   \(key)") }
                    }
                } else if !quiet {
                    print("\(path): ok")
                }
            } catch let error as RunError {
                invalid += 1
                let message = (error.commandError as? BadInput)?.message ?? error.description
                FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            } catch {
                invalid += 1
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
        }
        if invalid > 0 {
            throw BadInput(message: "\(invalid) of \(scenarios.count) scenario files are not valid")
        }
    }
}
