import XCTest

@testable import Model
import Randomness

/// The cause of a re-poverty entry (MODEL.md §4 step 10): the largest magnitude, ties to the earlier cause in the order
/// illness, flood, epizootic, relocation, education, debt, macro, dibao loss, labour loss, structural; all zero gives
/// structural.
final class EntryCauseTests: XCTestCase {
    private let z = 4_000.0
    private let productionCostShare = 0.3

    /// A one-person household whose every magnitude is 0: its expected income (100,000 of wages) is far above z × size,
    /// so the structural magnitude (z·size − expected income)⁺ is 0 too.
    private func quietCase() -> (Household, HouseholdYear) {
        let household = makeHousehold(general: 1)
        var year = makeYear(price: 1, wageMultiplier: 1)
        year.expectedWages = 100_000
        return (household, year)
    }

    /// Give each listed cause exactly the listed magnitude (yuan), the others 0.
    private func makeCase(_ magnitudes: [EntryCause: Double]) -> (Household, HouseholdYear) {
        var (household, year) = quietCase()
        for (cause, m) in magnitudes {
            switch cause {
            case .illness: year.medicalOutOfPocket = m
            case .flood: year.floodLoss = m
            case .epizootic: year.epizooticLoss = m
            case .relocation: year.relocationCosts = m
            case .education: year.educationCosts = m
            case .debt: year.debtRepayment = m
            case .macro:
                // (1 − 0.5)⁺ × crop value at price 1 (2m) = m.
                year.price = 0.5
                year.cropValueAtUnitPrice = 2 * m
            case .dibaoLoss:
                household.lastDibaoBenefit = Float(m)
                year.dibaoBenefit = 0
            case .labourLoss, .structural: break  // below: they depend on the expected income
            }
        }
        if let m = magnitudes[.structural] {
            // Expected income = 0.7 × crop value + livestock + expected wages + pensions; make z·1 − it = m.
            let other = (1 - productionCostShare) * year.cropValueAtUnitPrice + year.livestockValueAtUnitPrice
                + year.pensionsAndSubsidies
            year.expectedWages = z - m - other
        }
        if let m = magnitudes[.labourLoss] {
            household.lastExpectedWages = Float(year.expectedWages + m)
        }
        return (household, year)
    }

    private func cause(_ c: (Household, HouseholdYear)) -> EntryCause {
        EntryCause.attribute(household: c.0, year: c.1, povertyLine: z, productionCostShare: productionCostShare)
    }

    func testAllZeroIsStructural() {
        XCTAssertEqual(cause(quietCase()), .structural)
    }

    func testEachCauseIsChosenWhenItAloneIsLargest() {
        for target in EntryCause.allCases {
            // The target at 1,000, every other cause at 999 (so each cause's arithmetic is exercised at once).
            var magnitudes: [EntryCause: Double] = [:]
            for other in EntryCause.allCases { magnitudes[other] = 999 }
            magnitudes[target] = 1_000
            XCTAssertEqual(cause(makeCase(magnitudes)), target, "\(target) at 1,000, the rest at 999")
            XCTAssertEqual(cause(makeCase([target: 1_000])), target, "\(target) alone")
        }
    }

    func testTiesGoToTheEarlierCause() {
        let all = EntryCause.allCases
        for (i, first) in all.enumerated() {
            for second in all[(i + 1)...] {
                XCTAssertEqual(
                    cause(makeCase([first: 1_000, second: 1_000])), first, "tie between \(first) and \(second)")
            }
        }
        // A ten-way tie goes to illness.
        var magnitudes: [EntryCause: Double] = [:]
        for c in all { magnitudes[c] = 1_000 }
        XCTAssertEqual(cause(makeCase(magnitudes)), .illness)
    }

    func testIllnessAddsOutOfPocketNonMedicalCostsAndLostEarnings() {
        // 1,000 + 200 + 300 = 1,500 > debt 1,400; < debt 1,600.
        let (household, quiet) = quietCase()
        var year = quiet
        year.medicalOutOfPocket = 1_000
        year.nonMedicalCosts = 200
        year.lostEarnings = 300
        year.debtRepayment = 1_400
        XCTAssertEqual(cause((household, year)), .illness)
        year.debtRepayment = 1_600
        XCTAssertEqual(cause((household, year)), .debt)
    }

    func testFloodAndEpizooticAreNetOfTheirShareOfThePayout() {
        // Losses 3,000 (flood) + 1,000 (epizootic), payout 2,000 shared 3 : 1 → flood 3,000 − 1,500 = 1,500,
        // epizootic 1,000 − 500 = 500.
        let (household, quiet) = quietCase()
        var year = quiet
        year.floodLoss = 3_000
        year.epizooticLoss = 1_000
        year.agriculturalInsurancePayout = 2_000
        year.educationCosts = 1_499
        XCTAssertEqual(cause((household, year)), .flood)
        year.educationCosts = 1_501
        XCTAssertEqual(cause((household, year)), .education)
        // Epizootic alone against the same payout rule: 1,000 − 500 = 500 vs education 499 / 501.
        year.floodLoss = 0
        year.epizooticLoss = 1_000
        year.agriculturalInsurancePayout = 500
        year.educationCosts = 499
        XCTAssertEqual(cause((household, year)), .epizootic)
        year.educationCosts = 501
        XCTAssertEqual(cause((household, year)), .education)
    }

    func testMacroCombinesPriceAndWageShortfalls() {
        // Price 0.8 on crops 2,000 + livestock 1,000 at price 1: 0.2 × 3,000 = 600. Wage multiplier 0.5 on migrant pay
        // 16,800 at multiplier 1: 0.5 × 16,800 = 8,400. Macro = 9,000.
        let (household, quiet) = quietCase()
        var year = quiet
        year.price = 0.8
        year.wageMultiplier = 0.5
        year.cropValueAtUnitPrice = 2_000
        year.livestockValueAtUnitPrice = 1_000
        year.migrantPayAtUnitMultiplier = 16_800
        year.debtRepayment = 8_999
        XCTAssertEqual(cause((household, year)), .macro)
        year.debtRepayment = 9_001
        XCTAssertEqual(cause((household, year)), .debt)
        // Prices and wages above 1 are not a cause: (1 − 1.3)⁺ = 0.
        year.price = 1.3
        year.wageMultiplier = 1.2
        year.debtRepayment = 1
        XCTAssertEqual(cause((household, year)), .debt)
    }

    func testDibaoLossAndLabourLossCountOnlyDecreases() {
        var (household, year) = quietCase()
        household.lastDibaoBenefit = 5_000
        year.dibaoBenefit = 8_000  // more than last year: no loss
        household.lastExpectedWages = 90_000  // year.expectedWages is 100,000: no loss
        XCTAssertEqual(cause((household, year)), .structural)
        year.dibaoBenefit = 1_000  // 5,000 − 1,000 = 4,000
        household.lastExpectedWages = 103_000  // 103,000 − 100,000 = 3,000
        XCTAssertEqual(cause((household, year)), .dibaoLoss)
        household.lastExpectedWages = 105_000  // 5,000 > 4,000
        XCTAssertEqual(cause((household, year)), .labourLoss)
    }

    func testStructuralGapFromExpectedIncome() {
        // Four people: z·size = 16,000. Expected income = crops 2,000 + livestock 1,000 − 0.3 × 2,000 + wages 5,000
        // + pensions 1,300 = 8,700. Structural = 7,300: beats illness 7,000, loses to illness 7,400.
        let household = makeHousehold(general: 2, elderly: 1, children: 1)
        var year = makeYear()
        year.cropValueAtUnitPrice = 2_000
        year.livestockValueAtUnitPrice = 1_000
        year.expectedWages = 5_000
        year.pensionsAndSubsidies = 1_300
        year.medicalOutOfPocket = 7_000
        XCTAssertEqual(cause((household, year)), .structural)
        year.medicalOutOfPocket = 7_400
        XCTAssertEqual(cause((household, year)), .illness)
        // Losses and this year's price do not enter the expected income: a flood of 100 and price 2 change nothing
        // in the structural gap (flood 100 < 7,300).
        year.medicalOutOfPocket = 0
        year.floodLoss = 100
        year.price = 2
        XCTAssertEqual(cause((household, year)), .structural)
    }

    func testMetricNamesAndOrder() {
        XCTAssertEqual(
            EntryCause.allCases.map(\.metricName),
            [
                "illness", "flood", "epizootic", "relocation", "education", "debt", "macro", "dibao_loss", "labour_loss",
                "structural",
            ])
        XCTAssertEqual(EntryCause.allCases.map(\.rawValue), Array(0..<10))
    }
}
