import XCTest

@testable import Model
import Randomness

/// Agricultural insurance (MODEL.md §4 step 5): for an enrolled household, 0.7 × (flood + epizootic loss − 10 % of the
/// pre-loss crop and livestock value)⁺; premium 60 a household (step 11).
final class AgriculturalInsuranceTests: XCTestCase {
    private let insurance = AgriculturalInsurance(AgriculturalInsuranceParameters())

    private func apply(
        enrolled: Bool, crop: Double, livestock: Double, price: Double, flood: Double, epizootic: Double
    ) -> HouseholdYear {
        var household = makeHousehold(general: 2, flags: enrolled ? .agriculturalInsurance : [])
        var year = makeYear(price: price)
        year.cropValueAtUnitPrice = crop
        year.livestockValueAtUnitPrice = livestock
        year.floodLoss = flood
        year.epizooticLoss = epizootic
        insurance.run(&household, &year, key: testKey(0), stream: makeStream())
        return year
    }

    func testPaysSeventyPercentOfLossesAboveTheDeductible() {
        // Pre-loss value (2,000 + 4,000) × price 1.25 = 7,500; deductible 10 % = 750.
        // Losses 1,500 + 600 = 2,100: pays 0.7 × (2,100 − 750) = 0.7 × 1,350 = 945.
        let year = apply(enrolled: true, crop: 2_000, livestock: 4_000, price: 1.25, flood: 1_500, epizootic: 600)
        XCTAssertEqual(year.agriculturalInsurancePayout, 945, accuracy: 1e-9)
        XCTAssertEqual(year.agriculturalInsurancePremium, 60)
    }

    func testLossesBelowTheDeductiblePayNothing() {
        // Deductible 0.1 × 7,500 = 750 > losses 700.
        let year = apply(enrolled: true, crop: 2_000, livestock: 4_000, price: 1.25, flood: 500, epizootic: 200)
        XCTAssertEqual(year.agriculturalInsurancePayout, 0)
        XCTAssertEqual(year.agriculturalInsurancePremium, 60)
    }

    func testNotEnrolledGetsNothingAndCostsNothing() {
        let year = apply(enrolled: false, crop: 2_000, livestock: 4_000, price: 1, flood: 3_000, epizootic: 1_000)
        XCTAssertEqual(year.agriculturalInsurancePayout, 0)
        XCTAssertEqual(year.agriculturalInsurancePremium, 0)
    }

    func testWithFarmingAndARealFlood() {
        // 10 mu (2,120) and 2 cattle (5,000) at price 1: pre-loss value 7,120. A flood taking share s of both incomes
        // loses 7,120 s; the payout is 0.7 × (7,120 s − 712)⁺ whatever s the flood drew.
        var household = makeHousehold(general: 2, land: 10, livestock: .cattle, herd: 2, flags: .agriculturalInsurance)
        let stream = makeStream()
        var checked = 0
        for index in 0..<200 {
            var year = makeYear(flooded: true)
            let key = testKey(index)
            Farming(FarmingParameters(), relocation: RelocationParameters()).run(&household, &year, key: key, stream: stream)
            Flood(FloodParameters()).run(&household, &year, key: key, stream: stream)
            insurance.run(&household, &year, key: key, stream: stream)
            guard year.floodLoss > 0 else { continue }
            checked += 1
            let share = year.floodLoss / 7_120
            XCTAssertEqual(year.agriculturalInsurancePayout, 0.7 * max(0, 7_120 * share - 712), accuracy: 1e-6)
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testDrawsNothing() {
        XCTAssertEqual(AgriculturalInsurance.purpose, .deterministic)
    }
}
