import XCTest

@testable import Model
import Randomness

/// Living costs after relocation (MODEL.md §4 step 7): 800 per person × 0.85^(years since relocation).
final class RelocationTests: XCTestCase {
    private let relocation = Relocation(RelocationParameters())

    private func costs(_ household: Household) -> Double {
        var household = household
        var year = makeYear()
        relocation.run(&household, &year, key: testKey(0), stream: makeStream())
        return year.relocationCosts
    }

    func testNotRelocatedPaysNothing() {
        XCTAssertEqual(costs(makeHousehold(general: 2, elderly: 2, yearsSinceRelocation: 3)), 0)
    }

    func testFirstYearCostsEightHundredAPerson() {
        // 5 people × 800 × 0.85⁰ = 4,000.
        XCTAssertEqual(costs(makeHousehold(general: 2, elderly: 1, children: 2, flags: .relocated)), 4_000, accuracy: 1e-9)
    }

    func testCostsFadeByFifteenPercentAYear() {
        // 5 people × 800 × 0.85³ = 4,000 × 0.614125 = 2,456.5.
        let household = makeHousehold(general: 2, elderly: 1, children: 2, yearsSinceRelocation: 3, flags: .relocated)
        XCTAssertEqual(costs(household), 2_456.5, accuracy: 1e-9)
        // 3 people after 1 year: 2,400 × 0.85 = 2,040.
        XCTAssertEqual(
            costs(makeHousehold(general: 1, university: 1, disabled: 1, yearsSinceRelocation: 1, flags: .relocated)),
            2_040, accuracy: 1e-9)
    }

    func testRelocationDrawsNothing() {
        XCTAssertEqual(Relocation.purpose, .deterministic)
    }
}
