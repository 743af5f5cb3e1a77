import ArgumentParser
import Benchmarking
import Foundation
import Runs
import Scenarios

/// `repoverty bench [SCENARIO]`: how fast the engine runs and how much memory it takes (issue 5, docs/PERFORMANCE.md).
/// It writes no results; the measuring is `Benchmarking.Benchmark`, this command only prints.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure household-years per second, the speed-up over threads and memory per household.",
        discussion: """
            Runs the scenario (default scenarios/reference.yaml, 1,000,000 households × 5 years × 1 replicate) on one
            thread and on --threads, each the best of --repetitions runs, and prints the years' speed apart from
            population synthesis. Choose the generator with --set run.generator=taus113.
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var scenario: String = "scenarios/reference.yaml"

    @OptionGroup var options: RunOptions

    @Option(
        parsing: .unconditional,
        help: "Runs of each configuration; the best is reported.",
        transform: OptionValues.whole)
    var repetitions: Int = 1

    func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
    }

    func run() throws {
        // The benchmark's own sizes unless the options say otherwise; the scenario file's are for its runs, not this.
        var size = options.size
        size.households = size.households ?? 1_000_000
        size.years = size.years ?? 5
        size.replicates = size.replicates ?? 1
        let loaded = try Runner.load([scenario], overrides: options.overrides, size: size)[0]
        // As run does: a size that cannot fit is refused before anything is allocated (issue 13).
        try Runner(threads: size.resolvedThreads).checkMemory([loaded])
        let report: Benchmark.Report
        do {
            report = try Benchmark.measure(
                loaded, threads: size.resolvedThreads, repetitions: repetitions, observer: CommandObserver(quiet: true))
        } catch let error as RunError {
            throw error
        } catch {
            throw RunFailure(message: "\(scenario): the benchmark failed: \(error)")
        }
        print(BenchReportText.render(report, scenario: loaded.name))
    }
}

/// The printed form of a benchmark report.
enum BenchReportText {
    static func render(_ report: Benchmark.Report, scenario: String) -> String {
        func rate(_ value: Double) -> String { String(format: "%.2f million", value / 1e6) }
        func line(_ timing: Benchmark.Timing) -> String {
            String(
                format: "  %d thread%@: %@ household-years/s, %.1f ns per household-year; %@ year-steps/s, %.1f ns per"
                    + " year-step per core (run %.3f s, synthesis %.3f s = %@ households/s)",
                timing.threads, timing.threads == 1 ? "" : "s", rate(timing.householdYearsPerSecond),
                timing.nanosecondsPerHouseholdYear, rate(timing.yearStepsPerSecond),
                timing.nanosecondsPerYearStepPerCore, timing.runSeconds, timing.synthesisSeconds,
                rate(timing.synthesisHouseholdsPerSecond))
        }
        var lines = [
            "\(scenario): \(report.households) households × \(report.years) years × \(report.replicates) replicates,"
                + " generator \(report.generator.rawValue)",
            "years only (population synthesis timed apart):",
            line(report.single),
        ]
        if let parallel = report.parallel { lines.append(line(parallel)) }
        if let speedUp = report.speedUp, let parallel = report.parallel {
            lines.append(String(format: "speed-up from 1 to %d threads: %.2f", parallel.threads, speedUp))
        }
        lines.append(
            "state per household: \(report.householdBytes) bytes (stride \(report.householdStride)); households are not"
                + " stored, and the engine keeps " + String(format: "%.2f", report.retainedBytesPerHousehold)
                + " bytes per household (tallies, covariates, layout)")
        lines.append(String(format: "peak resident memory: %.1f MB", Double(report.peakResidentBytes) / 1e6))
        lines.append(
            String(
                format: "per year-step (counted over %d households on counting streams): %.2f GSL calls, %.2f stream"
                    + " restarts applied; share of time in GSL and libm: see docs/PERFORMANCE.md (a profile, not counted"
                    + " here)", report.draws.households, report.draws.gslCalls, report.draws.restarts))
        return lines.joined(separator: "\n")
    }
}
