import ArgumentParser
import Foundation
import Runs
import Sweeps

/// `repoverty plan SCENARIO --grid ...`: the size of a sweep and an estimate of its time and memory, without running it.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a sweep's points, runs and an estimate of its time and memory, without running it.",
        discussion: """
            Every point is loaded and checked, as `sweep` would. The time comes from a calibration run of the first point
            (one replicate, at most two blocks of households per thread, usually well under a second), scaled to every
            point; the memory from that run's peak resident size, scaled to the largest point.
            Exit codes: 0 success, 1 a failure while running, 2 bad input or usage.
            """
    )

    @OptionGroup var definition: SweepDefinitionOptions

    @OptionGroup var options: RunOptions

    @Option(help: ArgumentHelp("Estimate only shard I of N.", valueName: "I/N"))
    var shard: String?

    func validate() throws {
        if let shard {
            do { _ = try Shard.parse(shard) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let shard = try self.shard.map { text throws in try Shard.parse(text) } ?? .whole
        let loading = Date()
        let plan = try definition.plan(overrides: options.overrides, size: options.size, shard: shard)
        let loadingSeconds = Date().timeIntervalSince(loading)
        let threads = options.size.resolvedThreads
        let estimate: SweepEstimate
        do { estimate = try SweepEstimate.measure(plan, threads: threads, loadingSeconds: loadingSeconds) } catch {
            throw RunFailure(message: "the calibration run failed: \(error)")
        }
        let keys = plan.keyPaths.joined(separator: ", ")
        print("""
            sweep of \(plan.scenarioName): \(plan.design.summary) over \(keys), seed \(plan.seed)
            points:            \(estimate.points)\(shard == .whole ? "" : " of \(plan.totalPoints) (shard \(shard))")
            runs:              \(estimate.points) (\(estimate.replicateRuns) replicate runs)
            household-years:   \(String(format: "%.0f", estimate.householdYears))
            speed:             \(String(format: "%.0f", estimate.householdYearsPerSecond)) household-years/s on \(threads) threads (calibration run)
            time:              about \(Plan.duration(estimate.seconds))
            memory:            about \(Plan.megabytes(estimate.peakMemoryBytes)) peak (points run one at a time)
            sweep.sqlite:      about \(Plan.megabytes(estimate.storeBytes))
            """)
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return String(format: "%.1f s", seconds) }
        if seconds < 5400 { return String(format: "%.1f min", seconds / 60) }
        return String(format: "%.1f h", seconds / 3600)
    }

    static func megabytes(_ bytes: Double) -> String {
        bytes < 1_000_000 ? String(format: "%.0f kB", bytes / 1_000) : String(format: "%.0f MB", bytes / 1_000_000)
    }
}
