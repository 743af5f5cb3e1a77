@testable import Engine
import Model
import XCTest

/// Intervention keys given per year (issue 15, item 6): each year's step has that year's numbers, the last carried
/// forward, and a run with a schedule differs from the constant one only from the year the schedule departs.
final class PerYearValuesTests: XCTestCase {
    func testEachYearResolvesToItsValueAndTheLastIsCarriedForward() {
        var parameters = ScenarioParameters()
        parameters.perYear = [PerYearValues(key: "interventions.dibao.standard", values: [5_500, 6_000, 7_000])]
        XCTAssertEqual(parameters.lastScheduledYear, 2)
        XCTAssertEqual(
            (0...5).map { parameters.resolved(year: $0).interventions.dibao.standard },
            [5_500, 6_000, 7_000, 7_000, 7_000, 7_000])
        XCTAssertNil(parameters.resolved(year: 1).perYear)
        // Setting the key as one number makes it hold in every year.
        ScenarioKeys.declaration(for: "interventions.dibao.standard")?.numeric?.set(&parameters, 6_500)
        XCTAssertNil(parameters.perYear)
        XCTAssertEqual(parameters.resolved(year: 4).interventions.dibao.standard, 6_500)
    }

    /// A dibao standard that rises from year 2: the same households meet the same draws (common random numbers), so
    /// years 0 and 1 are identical to the constant run, and from year 2 the higher standard pays more and leaves fewer
    /// households poor.
    func testARisingDibaoStandardAppliesFromItsYear() throws {
        var constant = ScenarioParameters()
        constant.run.households = 3_000
        constant.run.replicates = 2
        constant.run.years = 3
        constant.run.seed = 5
        var rising = constant
        rising.perYear = [PerYearValues(key: "interventions.dibao.standard", values: [5_500, 5_500, 9_000, 12_000])]
        let before = try Simulation.run(constant, threads: 2)
        let after = try Simulation.run(rising, threads: 2)
        XCTAssertEqual(try Simulation.run(rising, threads: 1).replicates, after.replicates, "deterministic")
        for replicate in 0..<2 {
            let base = before.replicates[replicate], scheduled = after.replicates[replicate]
            XCTAssertEqual(base.cohortHouseholds, scheduled.cohortHouseholds)
            for column in Tally.Column.allCases {
                XCTAssertEqual(base[column, year: 1], scheduled[column, year: 1], "year 1, \(column)")
            }
            XCTAssertGreaterThan(scheduled[.dibaoCost, year: 2], base[.dibaoCost, year: 2])
            XCTAssertGreaterThan(scheduled[.dibaoCost, year: 3], scheduled[.dibaoCost, year: 2], "12,000 in year 3")
            XCTAssertLessThan(scheduled[.poor, year: 2], base[.poor, year: 2])
        }
    }
}
