import XCTest

@testable import Model
import Randomness

/// Farming (MODEL.md §4 step 5): crops = land × 212 × price, production cost 30 % of that, relocated crops halved,
/// livestock margins 2,500 a head of cattle, 250 a head of sheep, 4,000 a poultry share, × price.
final class FarmingTests: XCTestCase {
    private let farming = Farming(FarmingParameters(), relocation: RelocationParameters())

    private func farm(_ household: Household, price: Double = 1) -> HouseholdYear {
        var household = household
        var year = makeYear(price: price)
        farming.run(&household, &year, key: testKey(0), stream: makeStream())
        return year
    }

    func testCaseOneOfSource000NineAndAHalfMuGiveTwoThousandYuan() {
        // 000 case 1: 9.42 mu give 2,000 yuan. 9.42 × 212 = 1,997.04 (212 is 2,000 / 9.42 = 212.3 rounded).
        let year = farm(makeHousehold(general: 2, land: 9.42))
        XCTAssertEqual(year.cropValueAtUnitPrice, 1_997.04, accuracy: 1e-3)
        XCTAssertEqual(year.cropValueAtUnitPrice, 2_000, accuracy: 0.2 / 100 * 2_000, "within 0.2 % of 000's 2,000")
        XCTAssertEqual(year.cropIncome, 1_997.04, accuracy: 1e-3)
        // Production cost 30 %: 0.3 × 1,997.04 = 599.112.
        XCTAssertEqual(year.productionCost, 599.112, accuracy: 1e-3)
        XCTAssertEqual(year.livestockValueAtUnitPrice, 0)
        XCTAssertEqual(year.livestockIncome, 0)
    }

    func testPriceMultipliesIncomeNotTheValueAtUnitPrice() {
        // 10 mu × 212 = 2,120 at price 1; at price 1.25: 2,650; cost 0.3 × 2,650 = 795.
        let year = farm(makeHousehold(general: 1, land: 10), price: 1.25)
        XCTAssertEqual(year.cropValueAtUnitPrice, 2_120, accuracy: 1e-9)
        XCTAssertEqual(year.cropIncome, 2_650, accuracy: 1e-9)
        XCTAssertEqual(year.productionCost, 795, accuracy: 1e-9)
    }

    func testRelocationHalvesCropsButNotLivestock() {
        // 10 mu relocated: 2,120 × 0.5 = 1,060 (at price 1 and at price 0.8: 848), cost 0.3 × 848 = 254.4.
        // 3 cattle: 3 × 2,500 = 7,500 at price 1, 6,000 at price 0.8, not halved.
        let year = farm(
            makeHousehold(general: 1, land: 10, livestock: .cattle, herd: 3, flags: .relocated), price: 0.8)
        XCTAssertEqual(year.cropValueAtUnitPrice, 1_060, accuracy: 1e-9)
        XCTAssertEqual(year.cropIncome, 848, accuracy: 1e-9)
        XCTAssertEqual(year.productionCost, 254.4, accuracy: 1e-9)
        XCTAssertEqual(year.livestockValueAtUnitPrice, 7_500, accuracy: 1e-9)
        XCTAssertEqual(year.livestockIncome, 6_000, accuracy: 1e-9)
    }

    func testLivestockMargins() {
        // Cattle 2,500 a head, sheep 250 a head, poultry 4,000 a share; none is worth nothing whatever its herd.
        let cases: [(LivestockKind, Int, Double)] = [
            (.cattle, 4, 10_000), (.sheep, 15, 3_750), (.poultry, 1, 4_000), (.poultry, 2, 8_000), (.none, 5, 0),
        ]
        for (kind, herd, expected) in cases {
            let year = farm(makeHousehold(general: 1, livestock: kind, herd: herd), price: 1.1)
            XCTAssertEqual(year.livestockValueAtUnitPrice, expected, accuracy: 1e-9, "\(kind) × \(herd)")
            XCTAssertEqual(year.livestockIncome, expected * 1.1, accuracy: 1e-9, "\(kind) × \(herd) at price 1.1")
            // No production cost on livestock: the margin is net.
            XCTAssertEqual(year.productionCost, 0, "\(kind)")
        }
    }

    func testFarmingDrawsNothing() {
        XCTAssertEqual(Farming.purpose, .deterministic)
        let stream = makeStream(), untouched = makeStream()
        stream.reseed(mixedKey: 42)
        untouched.reseed(mixedKey: 42)
        var household = makeHousehold(general: 1, land: 3, livestock: .sheep, herd: 12)
        var year = makeYear()
        farming.apply(to: &household, year: &year, stream: stream)
        XCTAssertEqual(stream.nextRaw(), untouched.nextRaw())
    }
}
