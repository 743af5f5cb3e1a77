import Engine
import Model
import Runs
import Scenarios
import XCTest

@testable import Benchmarking

/// The measuring behind `repoverty bench`: what it counts adds up, and its memory figure is the memory estimate's.
final class BenchmarkTests: XCTestCase {
    private func scenario(households: Int, years: Int = 2, replicates: Int = 1) -> Scenario {
        var parameters = ScenarioParameters()
        parameters.run.households = households
        parameters.run.years = years
        parameters.run.replicates = replicates
        return Scenario(name: "probe", sourcePath: "probe.yaml", parameters: parameters)
    }

    func testReportCountsHouseholdYearsOfTheHorizon() throws {
        let report = try Benchmark.measure(scenario(households: 2_000, years: 3, replicates: 2), threads: 2, repetitions: 1)
        XCTAssertEqual(report.single.householdYears, 2_000 * 3 * 2)
        XCTAssertEqual(report.single.threads, 1)
        XCTAssertEqual(report.parallel?.threads, 2)
        XCTAssertNotNil(report.speedUp)
        XCTAssertGreaterThan(report.single.householdYearsPerSecond, 0)
        XCTAssertEqual(report.householdBytes, MemoryLayout<Household>.size)
        XCTAssertGreaterThan(report.peakResidentBytes, 0)
        XCTAssertEqual(report.single.steps, 2_000 * 4 * 2)
        XCTAssertEqual(
            report.single.nanosecondsPerYearStepPerCore, report.single.simulationSeconds * 1e9 / Double(2_000 * 4 * 2),
            accuracy: 1e-6)
        XCTAssertEqual(report.draws.households, 2_000)
        XCTAssertGreaterThan(report.draws.gslCalls, report.draws.restarts)
        XCTAssertGreaterThan(report.draws.restarts, 1)
    }

    /// The bytes kept per household are those the memory check counts (one memory model), and grow with the tasks.
    func testRetainedStateIsTheMemoryEstimates() throws {
        let one = try Benchmark.measure(scenario(households: 5_000, replicates: 1), threads: 1, repetitions: 1)
        let two = try Benchmark.measure(scenario(households: 5_000, replicates: 2), threads: 1, repetitions: 1)
        let estimate = MemoryEstimate(scenario(households: 5_000, replicates: 1).parameters, threads: 1)
        XCTAssertEqual(
            one.retainedBytesPerHousehold, Double(estimate.tallies + estimate.covariates + estimate.layout) / 5_000)
        XCTAssertGreaterThan(two.retainedBytesPerHousehold, one.retainedBytesPerHousehold)
    }
}
