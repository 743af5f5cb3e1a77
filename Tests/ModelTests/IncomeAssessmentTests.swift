import Foundation
import XCTest

@testable import Model
import Randomness

/// Income and its assessment (MODEL.md §1, §4 step 8) and borrowing (§4 step 9).
final class IncomeAssessmentTests: XCTestCase {
    private func exactAssessment() -> IncomeAssessment {
        var economy = EconomyParameters()
        economy.assessmentNoiseSigma = 0
        return IncomeAssessment(economy)
    }

    /// Accounts with every term of y_pre set.
    private func filledYear() -> HouseholdYear {
        var year = makeYear()
        year.cropIncome = 2_000
        year.livestockIncome = 3_000
        year.wages = 10_000
        year.pensionsAndSubsidies = 1_300
        year.agriculturalInsurancePayout = 500
        year.productionCost = 600
        year.medicalOutOfPocket = 1_200
        year.nonMedicalCosts = 300
        year.educationCosts = 4_000
        year.relocationCosts = 700
        year.debtRepayment = 1_000
        year.dibaoBenefit = 9_999  // not in y_pre
        return year
    }

    func testGSLLognormalWithSigmaZeroIsExactlyOne() {
        // gsl_ran_lognormal returns exp(sigma · normal + zeta): with sigma 0 and zeta 0 that is exp(0) = 1 exactly.
        let stream = makeStream()
        stream.reseed(mixedKey: 7)
        for _ in 0..<1_000 { XCTAssertEqual(stream.lognormal(zeta: 0, sigma: 0), 1) }
    }

    func testIncomeBeforeDibaoIsTheContractFormula() {
        // earned = 2,000 + 3,000 + 10,000 + 1,300 + 500 − 600 = 16,200;
        // rigid = 1,200 + 300 + 4,000 + 700 + 1,000 = 7,200; y_pre = 9,000 / 4 people = 2,250. Dibao is left out.
        var household = makeHousehold(general: 2, elderly: 1, children: 1)
        var year = filledYear()
        exactAssessment().run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.incomeBeforeDibao, 2_250, accuracy: 1e-9)
        // With σ = 0 the assessment is y_pre itself (stored as Float).
        XCTAssertEqual(household.assessedIncome, 2_250)
    }

    func testNegativeIncomeIsKept() {
        // Rigid expenditures above earnings: y_pre = (0 − 12,000) / 3 = −4,000, assessed −4,000.
        var household = makeHousehold(general: 3)
        var year = makeYear()
        year.debtRepayment = 12_000
        exactAssessment().run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.incomeBeforeDibao, -4_000, accuracy: 1e-9)
        XCTAssertEqual(household.assessedIncome, -4_000)
    }

    func testAssessmentErrorIsLognormalWithSigmaQuarter() {
        // a = y_pre × Lognormal(0, 0.25): ln(a / y_pre) has mean 0 and sd 0.25 (20,000 keys, 5 standard errors).
        let assessment = IncomeAssessment(EconomyParameters())
        let stream = makeStream()
        var logRatio = Sample()
        for index in 0..<20_000 {
            var household = makeHousehold(general: 2, elderly: 1, children: 1)
            var year = filledYear()
            assessment.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertEqual(year.incomeBeforeDibao, 2_250, accuracy: 1e-9)
            logRatio.add(log(Double(household.assessedIncome) / 2_250))
        }
        assertMean(logRatio, near: 0, "ln(a / y_pre)")
        assertStandardDeviation(logRatio, near: 0.25, "ln(a / y_pre)")
    }

    func testAssessmentIsReproducible() {
        let assessment = IncomeAssessment(EconomyParameters())
        var first = makeHousehold(general: 2), second = first
        var year1 = filledYear(), year2 = filledYear()
        assessment.run(&first, &year1, key: testKey(5), stream: makeStream())
        assessment.run(&second, &year2, key: testKey(5), stream: makeStream())
        XCTAssertEqual(first, second)
        var third = makeHousehold(general: 2)
        var year3 = filledYear()
        assessment.run(&third, &year3, key: testKey(6), stream: makeStream())
        XCTAssertNotEqual(first.assessedIncome, third.assessedIncome, "another household draws another error")
    }

    // MARK: Borrowing

    private let borrowing = Borrowing(EconomyParameters())

    func testBorrowsTheGapToEightyPercentOfTheLine() {
        // y = 1,000 < 0.8 × 4,000 = 3,200: borrows 4 people × 2,200 = 8,800 on top of a debt of 1,000; y unchanged.
        var household = makeHousehold(general: 2, children: 2, debt: 1_000)
        var year = makeYear()
        year.income = 1_000
        borrowing.run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.borrowed, 8_800, accuracy: 1e-9)
        XCTAssertEqual(household.debt, 9_800)
        XCTAssertEqual(year.income, 1_000)
    }

    func testNegativeIncomeBorrowsMore() {
        // y = −500: 2 people × (3,200 + 500) = 7,400.
        var household = makeHousehold(general: 2)
        var year = makeYear()
        year.income = -500
        borrowing.run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.borrowed, 7_400, accuracy: 1e-9)
        XCTAssertEqual(household.debt, 7_400)
    }

    func testAtOrAboveTheBorrowingLineNoBorrowing() {
        for income in [3_200.0, 3_900, 20_000] {
            var household = makeHousehold(general: 2, debt: 500)
            var year = makeYear()
            year.income = income
            borrowing.run(&household, &year, key: testKey(0), stream: makeStream())
            XCTAssertEqual(year.borrowed, 0, "y = \(income)")
            XCTAssertEqual(household.debt, 500, "y = \(income)")
        }
        XCTAssertEqual(Borrowing.purpose, .deterministic)
    }
}
