import XCTest

@testable import Model
import Randomness

/// Education costs and debt repayment (MODEL.md §4 step 7): 4,000 per high-school and 8,000 per university student;
/// 20 % of debt repaid, which reduces the debt.
final class ExpendituresTests: XCTestCase {
    private let expenditures = Expenditures(EconomyParameters())

    func testEducationCosts() {
        // 2 high-school students × 4,000 + 1 university student × 8,000 = 16,000. Children cost nothing.
        var household = makeHousehold(general: 2, children: 3, highSchool: 2, university: 1)
        var year = makeYear()
        expenditures.run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.educationCosts, 16_000)
    }

    func testDebtRepaymentIsOneFifthAndReducesTheDebt() {
        // 10,000 × 0.2 = 2,000 repaid, 8,000 left.
        var household = makeHousehold(general: 2, debt: 10_000)
        var year = makeYear()
        expenditures.run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.debtRepayment, 2_000, accuracy: 1e-9)
        XCTAssertEqual(household.debt, 8_000, accuracy: 1e-3)

        // Five years: 10,000 × 0.8⁵ = 3,276.8 left; repaid in total 6,723.2.
        household.debt = 10_000
        var repaid = 0.0
        for t in 1...5 {
            var year = makeYear(t)
            expenditures.run(&household, &year, key: testKey(0, year: t), stream: makeStream())
            repaid += year.debtRepayment
        }
        XCTAssertEqual(Double(household.debt), 3_276.8, accuracy: 1e-2)
        XCTAssertEqual(repaid, 6_723.2, accuracy: 1e-2)
    }

    func testNoDebtNoRepayment() {
        var household = makeHousehold(general: 2)
        var year = makeYear()
        expenditures.run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.debtRepayment, 0)
        XCTAssertEqual(year.educationCosts, 0)
        XCTAssertEqual(household.debt, 0)
    }

    func testShareIsAParameter() {
        var economy = EconomyParameters()
        economy.debtRepaymentShare = 0.5
        economy.highSchoolCost = 1_000
        var household = makeHousehold(general: 1, highSchool: 1, debt: 3_000)
        var year = makeYear()
        Expenditures(economy).run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.debtRepayment, 1_500, accuracy: 1e-9)
        XCTAssertEqual(household.debt, 1_500, accuracy: 1e-3)
        XCTAssertEqual(year.educationCosts, 1_000)
    }
}
