import XCTest

@testable import Engine
import Model

/// The memory estimate against what a run really allocates, and its arithmetic at sizes that would overflow.
final class MemoryEstimateTests: XCTestCase {
    private func parameters(households: Int, replicates: Int, years: Int) -> ScenarioParameters {
        var parameters = ScenarioParameters()
        parameters.run.households = households
        parameters.run.replicates = replicates
        parameters.run.years = years
        return parameters
    }

    /// Every term bounds what the run holds: villages, tallies per task and per replicate.
    func testTheEstimateBoundsWhatARunHolds() throws {
        let parameters = parameters(households: 9_000, replicates: 3, years: 4)
        let result = try Simulation.run(parameters, threads: 2)
        let estimate = MemoryEstimate(parameters, threads: 2)
        let tallyBytes = result.replicates[0].values.count * MemoryLayout<Double>.stride
        XCTAssertGreaterThanOrEqual(estimate.replicateTallies, result.replicates.count * tallyBytes)
        XCTAssertGreaterThanOrEqual(estimate.tallies, (result.blockCount + 1) * result.replicates.count * tallyBytes)
        XCTAssertGreaterThanOrEqual(estimate.layout, result.villageCount * MemoryLayout<Int>.stride)
        let covariateBytes = (4 + 1) * (result.villageCount + result.countyCount * 9) * result.replicates.count
        XCTAssertGreaterThanOrEqual(estimate.covariates, covariateBytes)
        let metrics = Summary.metrics(result)
        XCTAssertGreaterThanOrEqual(estimate.metrics, metrics.count * 3 * MemoryLayout<Double?>.stride)
        XCTAssertLessThanOrEqual(metrics.count, MemoryEstimate.metricsOverTheHorizon + 4 * MemoryEstimate.metricsPerYear)
    }

    /// Tallies dominate large runs and grow with tasks × years.
    func testTalliesGrowWithTasksAndYears() {
        let small = MemoryEstimate(parameters(households: 409_600, replicates: 10, years: 5), threads: 2)
        let twiceTheReplicates = MemoryEstimate(parameters(households: 409_600, replicates: 20, years: 5), threads: 2)
        XCTAssertEqual(Double(twiceTheReplicates.tallies) / Double(small.tallies), 2, accuracy: 0.001)
        let longer = MemoryEstimate(parameters(households: 409_600, replicates: 10, years: 11), threads: 2)
        XCTAssertGreaterThan(Double(longer.tallies) / Double(small.tallies), 1.8)
        XCTAssertGreaterThan(small.total, small.tallies)
    }

    func testTheLargestValidRunSaturatesInsteadOfOverflowing() {
        let estimate = MemoryEstimate(parameters(households: 100_000_000, replicates: 100_000, years: 100), threads: 64)
        XCTAssertGreaterThan(estimate.total, 1 << 46, "tens of terabytes: 2.4 billion tasks of 37 kB")
        XCTAssertGreaterThan(estimate.tallies, 0)
    }
}
