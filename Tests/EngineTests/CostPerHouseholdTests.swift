import Engine
import Model
import XCTest

/// `cost_*_per_household_year` (issue 17): each cost over the horizon per cohort household per year, replicate by
/// replicate, placed after the other whole-horizon metrics.
final class CostPerHouseholdTests: XCTestCase {
    func testEveryCostHasItsFigurePerCohortHouseholdPerYear() throws {
        var parameters = DeterminismTests.smallRun()
        parameters.interventions.training.coverage = 0.2
        let metrics = Summary.metrics(try Simulation.run(parameters, threads: 2))
        func metric(_ name: String) throws -> Metric {
            try XCTUnwrap(metrics.first { $0.name == name && $0.year == nil }, name)
        }
        let cohort = try metric("cohort_households").values.map { try XCTUnwrap($0) }
        let costs = metrics.filter { $0.year == nil && $0.name.hasPrefix("cost_") && !$0.name.hasSuffix("_per_household_year") }
        XCTAssertGreaterThanOrEqual(costs.count, 5)
        for cost in costs {
            let perHousehold = try metric(cost.name + "_per_household_year")
            for (replicate, total) in cost.values.enumerated() {
                let expected = try XCTUnwrap(total) / (cohort[replicate] * Double(parameters.run.years))
                XCTAssertEqual(try XCTUnwrap(perHousehold.values[replicate]), expected, accuracy: 1e-9 * max(1, expected))
            }
        }
        XCTAssertGreaterThan(try XCTUnwrap(try metric("cost_training_per_household_year").values[0]), 0)
        let firstByYear = try XCTUnwrap(metrics.firstIndex { $0.year != nil })
        let lastPerHousehold = try XCTUnwrap(metrics.lastIndex { $0.name.hasSuffix("_per_household_year") })
        XCTAssertEqual(lastPerHousehold, firstByYear - 1, "whole-horizon metrics come before the metrics by year")
    }
}
