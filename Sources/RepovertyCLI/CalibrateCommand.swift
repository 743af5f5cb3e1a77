import ArgumentParser
import Calibration
import Engine
import Foundation
import Output
import Randomness
import Runs
import Scenarios

/// `repoverty calibrate SCENARIO --target METRIC=VALUE... --free KEY=LOW..HIGH...`: fit free keys to published figures
/// and write the fitted scenario (issue 6).
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit free scenario keys to target metrics and write the fitted scenario as YAML.",
        discussion: """
            Minimises the sum of squared relative errors of whole-horizon metrics (summary.csv rows with an empty year) \
            with GSL's Nelder-Mead simplex. Every evaluation runs the same seed (common random numbers), so the objective \
            changes only with the free keys. Each free key stays inside LOW..HIGH through a logistic map. The fitted \
            file extends the input and sets only the fitted keys; comments give each target against its fitted value, \
            the objective, iterations, seed, replicates, version and date.

            Exit codes: 0 success (also when the iteration limit stopped the fit: the file says so), 1 a failure while \
            running, 2 bad input or usage.
            """
    )

    @Argument(help: "The scenario file to fit (YAML).")
    var scenario: String

    @Option(name: .customLong("target"), help: ArgumentHelp("A figure to match.", valueName: "metric=value"))
    var targets: [String] = []

    @Option(name: .customLong("free"), help: ArgumentHelp("A key to fit, within bounds.", valueName: "key=low..high"))
    var free: [String] = []

    @OptionGroup var options: RunOptions

    @Option(help: "The fitted scenario file. Default: NAME-calibrated.yaml in the current folder.")
    var output: String?

    @Option(parsing: .unconditional, help: "Simplex iterations at most.", transform: OptionValues.whole)
    var maxIterations = 60

    @Option(parsing: .unconditional, help: "Simplex size, in logistic coordinates, at which the fit has converged.")
    var tolerance = 1e-3

    @Flag(help: "Replace an --output file that is not a fitted scenario (by default refused, exit 2).")
    var force = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if targets.isEmpty { throw ValidationError("give at least one --target METRIC=VALUE") }
        if free.isEmpty { throw ValidationError("give at least one --free KEY=LOW..HIGH") }
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1, got \(maxIterations)") }
        if !(tolerance > 0) { throw ValidationError("--tolerance must be above 0, got \(tolerance)") }
    }

    func run() throws {
        var parsedTargets: [CalibrationTarget] = [], parsedFree: [FreeParameter] = []
        do {
            for text in targets { parsedTargets.append(try CalibrationTarget(parsing: text)) }
            for text in free { parsedFree.append(try FreeParameter(parsing: text)) }
        } catch { throw BadInput(message: error.description) }
        let problem = CalibrationProblem(
            scenarioPath: scenario, overrides: options.overrides, size: options.size, targets: parsedTargets,
            free: parsedFree, threads: options.size.resolvedThreads, maxIterations: maxIterations, tolerance: tolerance)
        let loaded = try problem.load()
        try BadInput.refusingMixture(loaded, command: "calibrate")
        try Runner(threads: problem.threads).checkMemory([loaded])
        let destination = output ?? "\(loaded.name)-calibrated.yaml"
        // Before the fit: the folder must take the file, and a file there must be an earlier fit (issue 13).
        let target = URL(fileURLWithPath: destination)
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: target.deletingLastPathComponent()) } catch {
            throw RunError.outputFolder(error)
        }
        defer { folder.release() }
        do { try FittedScenario.checkReplaceable(target, force: force) } catch { throw BadInput(message: error.description) }

        let observer = CommandObserver(quiet: true)
        let quiet = self.quiet
        var count = 0
        let result: CalibrationResult
        do {
            result = try Calibration.fit(problem, observer: observer) { evaluation in
                count += 1
                guard !quiet else { return }
                let values = zip(problem.free, evaluation.values).map { "\($0.key)=\(String(format: "%.6g", $1))" }
                let figures = zip(problem.targets, evaluation.simulated).map {
                    "\($0.metric)=\($1.map { String(format: "%.6g", $0) } ?? "undefined")"
                }
                print(
                    String(format: "%4d  ", count) + values.joined(separator: " ") + "  →  " + figures.joined(separator: " ")
                        + String(format: "  objective %.4g", evaluation.objective))
                fflush(nil)
            }
        } catch let error as CalibrationError {
            throw BadInput(message: "\(scenario): \(error.description)")
        } catch RunError.cancelled {
            throw Interruption.shared.failure()
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw RunFailure(message: "\(scenario): the calibration failed: \(error)")
        }

        let text = FittedScenario.yaml(
            problem: problem, result: result, run: loaded.parameters.run, outputPath: destination,
            provenance: CalibrationProvenance(
                programVersion: ProgramVersion.current, gslVersion: GSLFunctions.version, date: Date()))
        try Interruption.shared.checkpoint()
        do { try folder.writeFile(target.lastPathComponent, Data(text.utf8)) } catch {
            throw RunError.outputFolder(error)
        }
        if !quiet {
            print("")
            print(text.split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n"))
            print("→ \(destination)")
        }
    }
}
