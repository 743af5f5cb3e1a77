import ArgumentParser
import Foundation
import Output
import Runs
import Scenarios

/// The `repoverty` command: parses arguments and calls the library; all printing happens here.
///
/// Exit codes (kept stable for scripts): 0 success; 1 a failure while running; 2 bad input or usage.
@main
struct Repoverty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repoverty",
        abstract: "Simulate re-poverty of households lifted out of poverty, under shocks and interventions.",
        discussion: """
            Exit codes: 0 success, 1 a failure while running, 2 bad input or usage.
            Scenario files are YAML; see scenarios/reference.yaml and docs/MODEL.md for every key.
            """,
        version: ProgramVersion.current,
        subcommands: [
            Run.self, Compare.self, Validate.self, Sweep.self, Plan.self, Merge.self, ReportCommand.self, Bench.self,
            PopulationCommand.self, Reproduce.self, Calibrate.self, Keys.self, SensitivityCommand.self, List.self,
        ]
    )

    static func main() {
        Interruption.shared.install()
        do {
            var command = try parseAsRoot()
            do { try command.run() } catch let error as RunError { throw error.commandError }
            try StandardOutput.finish()
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            Foundation.exit(ExitStatus.badInput)
        } catch let error as BadInput {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(ExitStatus.badInput)
        } catch let error as RunFailure {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(ExitStatus.failure)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                do { try StandardOutput.finish() } catch {
                    FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                    Foundation.exit(ExitStatus.failure)
                }
                Foundation.exit(ExitStatus.success)
            }
            FileHandle.standardError.write(Data((message.isEmpty ? "\(error)" : message).utf8 + [0x0A]))
            Foundation.exit(code == .validationFailure ? ExitStatus.badInput : ExitStatus.failure)
        }
    }
}

/// The documented exit codes.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let badInput: Int32 = 2
}

/// Input the user can fix: exit 2.
struct BadInput: Error { let message: String }

extension BadInput {
    /// Refuses a mixture of sub-populations (MODEL.md §7) to a command that moves or reads the parameters of one
    /// population (`sensitivity`, `calibrate`, `population`): it would change or describe the scenario's own
    /// parameters, not those its sub-populations run with.
    static func refusingMixture(_ scenario: Scenario, command: String) throws {
        guard !scenario.subpopulations.isEmpty else { return }
        let names = scenario.subpopulations.map(\.name).joined(separator: ", ")
        throw BadInput(
            message: "\(scenario.sourcePath): subpopulations: `\(command)` takes a scenario of one population, and this one"
                + " is a mixture (\(names)); run it on a scenario of each sub-population's profile instead")
    }
}

/// A failure while running: exit 1.
struct RunFailure: Error { let message: String }
