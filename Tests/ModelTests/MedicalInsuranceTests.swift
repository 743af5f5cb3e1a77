import XCTest

@testable import Model
import Randomness

/// Supplementary medical insurance (MODEL.md §4 step 4): for an enrolled household, 50 % of the out-of-pocket that
/// remains (after basic and major-illness insurance) above 3,000; premium 100 a person (step 11).
final class MedicalInsuranceTests: XCTestCase {
    private let insurance = MedicalInsurance(MedicalInsuranceParameters())

    private func apply(_ household: Household, outOfPocket: Double) -> HouseholdYear {
        var household = household
        var year = makeYear()
        year.medicalOutOfPocket = outOfPocket
        insurance.run(&household, &year, key: testKey(0), stream: makeStream())
        return year
    }

    func testNotEnrolledChangesNothing() {
        let year = apply(makeHousehold(general: 2, elderly: 2), outOfPocket: 9_000)
        XCTAssertEqual(year.medicalOutOfPocket, 9_000)
        XCTAssertEqual(year.medicalInsurancePayout, 0)
        XCTAssertEqual(year.medicalInsurancePremium, 0)
    }

    func testPaysHalfOfWhatRemainsAboveThreeThousand() {
        // 7,000 left after the other schemes: pays 0.5 × (7,000 − 3,000) = 2,000, leaving 5,000. 4 people × 100 premium.
        let year = apply(makeHousehold(general: 2, elderly: 2, flags: .medicalInsurance), outOfPocket: 7_000)
        XCTAssertEqual(year.medicalInsurancePayout, 2_000, accuracy: 1e-9)
        XCTAssertEqual(year.medicalOutOfPocket, 5_000, accuracy: 1e-9)
        XCTAssertEqual(year.medicalInsurancePremium, 400, accuracy: 1e-9)
    }

    func testBelowTheThresholdPaysNothingButThePremiumIsDue() {
        let year = apply(makeHousehold(general: 1, children: 2, flags: .medicalInsurance), outOfPocket: 2_500)
        XCTAssertEqual(year.medicalInsurancePayout, 0)
        XCTAssertEqual(year.medicalOutOfPocket, 2_500)
        XCTAssertEqual(year.medicalInsurancePremium, 300, accuracy: 1e-9)
    }

    func testChainOfBasicMajorIllnessAndSupplementaryInsurance() {
        // The whole step 4 for one household, by hand. One stay of 40,000 at county level (deductible 600, rate 75 %):
        //   basic out-of-pocket = 40,000 − (40,000 − 600) × 0.75 = 40,000 − 29,550 = 10,450.
        // Major illness (not on dibao, threshold 5,000, 60 %): 10,450 − 0.6 × 5,450 = 10,450 − 3,270 = 7,180.
        // Supplementary (threshold 3,000, 50 %): pays 0.5 × 4,180 = 2,090, leaving 5,090.
        // The illness phase is run with bills fixed: σ 0, median 40,000, every stay at county level, one member who is
        // always hospitalised (the bill's Lognormal with σ = 0 is exp(ln 40,000), equal to 40,000 up to rounding).
        var illnessParameters = IllnessParameters()
        illnessParameters.stayProbability = 1
        illnessParameters.billMedian = 40_000
        illnessParameters.billSigma = 0
        illnessParameters.levelShares = HospitalLevels(township: 0, county: 1, prefecture: 0, province: 0)
        let illness = try! Illness(
            illnessParameters, basic: BasicMedicalParameters(), majorIllness: MajorIllnessParameters())
        var household = makeHousehold(general: 1, flags: .medicalInsurance)
        var year = makeYear()
        let stream = makeStream()
        illness.run(&household, &year, key: testKey(0), stream: stream)
        XCTAssertEqual(year.hospitalStays, 1)
        XCTAssertEqual(year.hospitalBills, 40_000, accuracy: 1e-6)
        XCTAssertEqual(year.medicalOutOfPocket, 7_180, accuracy: 1e-6)
        XCTAssertEqual(year.nonMedicalCosts, 4_000, accuracy: 1e-6)  // 10 % of the bill, never reimbursed
        insurance.run(&household, &year, key: testKey(0), stream: stream)
        XCTAssertEqual(year.medicalInsurancePayout, 2_090, accuracy: 1e-6)
        XCTAssertEqual(year.medicalOutOfPocket, 5_090, accuracy: 1e-6)
        XCTAssertEqual(year.nonMedicalCosts, 4_000, accuracy: 1e-6)
        XCTAssertEqual(year.medicalInsurancePremium, 100, accuracy: 1e-9)
    }

    func testDrawsNothing() {
        XCTAssertEqual(MedicalInsurance.purpose, .deterministic)
    }
}
