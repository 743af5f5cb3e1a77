import Engine
import Model
import XCTest

/// The year-0 cross-section of all households (docs/MODEL.md §4, `year = 0` rows): the sums behind the figures a
/// profile is fitted to (`002` Tables 1 and 3).
final class CrossSectionTests: XCTestCase {
    private func household(generalLabour: UInt8, elderly: UInt8, onDibao: Bool) -> Household {
        var household = Household()
        household.generalLabour = generalLabour
        household.elderly = elderly
        if onDibao { household.flags.insert(.onDibao) }
        return household
    }

    private func year(income: Double, wages: Double) -> HouseholdYear {
        var year = HouseholdYear(year: 0)
        year.income = income
        year.wages = wages
        return year
    }

    func testSumsIncomeWageShareAndDibaoPeopleOverEveryHousehold() {
        var tally = Tally(years: 1)
        // 3 members, 8,000 a person: net income 24,000, wages 6,000 (share 0.25), on dibao (3 people).
        tally.recordYearZero(
            household: household(generalLabour: 1, elderly: 2, onDibao: true), year: year(income: 8000, wages: 6000))
        // 2 members, 3,000 a person: 6,000, wages 9,000 (share capped at 1), not on dibao.
        tally.recordYearZero(
            household: household(generalLabour: 2, elderly: 0, onDibao: false), year: year(income: 3000, wages: 9000))
        // 2 members, a loss: counted in income and dibao, not in the wage share.
        tally.recordYearZero(
            household: household(generalLabour: 1, elderly: 1, onDibao: false), year: year(income: -500, wages: 1000))

        XCTAssertEqual(tally[.households], 3)
        XCTAssertEqual(tally[.netIncomeSum], 29000)
        XCTAssertEqual(tally[.netIncomeSquares], 613_000_000)  // 24,000² + 6,000² + 1,000²
        XCTAssertEqual(tally[.positiveIncomeHouseholds], 2)
        XCTAssertEqual(tally[.wageShareSum], 1.25)
        XCTAssertEqual(tally[.wageShareSquares], 1.0625)
        XCTAssertEqual(tally[.dibaoPeopleSum], 3)
        XCTAssertEqual(tally[.dibaoPeopleSquares], 9)

        // Merging adds the cross-section as it adds the yearly counts.
        var merged = Tally(years: 1)
        merged.merge(tally)
        merged.merge(tally)
        XCTAssertEqual(merged[.households], 6)
        XCTAssertEqual(merged[.netIncomeSum], 58000)
    }

    func testYearZeroRowsDescribeAllHouseholdsOfARun() throws {
        var parameters = ScenarioParameters()
        parameters.run.households = 3000
        parameters.run.replicates = 2
        parameters.run.years = 1
        let result = try Simulation.run(parameters, threads: 1)
        let rows = Summary.rows(result).filter { $0.year == 0 }
        XCTAssertEqual(
            rows.map(\.metric),
            ["household_net_income_mean", "household_net_income_sd", "wage_share_mean", "wage_share_sd",
             "dibao_people_mean", "dibao_people_sd"])
        for tally in result.replicates {
            // Every household, poor or not, is in the cross-section; the cohort is a part of it.
            XCTAssertEqual(tally[.households], 3000)
            XCTAssertLessThan(tally.cohortHouseholds, tally[.households])
        }
        let figures = Dictionary(uniqueKeysWithValues: rows.map { ($0.metric, $0.estimate.mean) })
        XCTAssertGreaterThan(figures["wage_share_mean"]!, 0)
        XCTAssertLessThanOrEqual(figures["wage_share_mean"]!, 1)
        XCTAssertGreaterThan(figures["household_net_income_sd"]!, 0)
        XCTAssertGreaterThan(figures["dibao_people_mean"]!, 0)
    }
}
