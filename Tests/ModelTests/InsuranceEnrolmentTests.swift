import XCTest

@testable import Model
import Randomness

/// Insurance enrolment (MODEL.md §4 step 3): in year 0 only, kept; supplementary medical with probability
/// `medicalCoverage`; agricultural with probability 0.806 for households with land or livestock.
final class InsuranceEnrolmentTests: XCTestCase {
    private func enrolment(medical: Double, agricultural: Double = 0.806) -> InsuranceEnrolment {
        var m = MedicalInsuranceParameters(), a = AgriculturalInsuranceParameters()
        m.coverage = medical
        a.coverage = agricultural
        return InsuranceEnrolment(medical: m, agricultural: a)
    }

    private let farmer = makeHousehold(general: 2, land: 3)
    private let herder = makeHousehold(general: 2, livestock: .cattle, herd: 2)
    private let landless = makeHousehold(general: 2)

    func testCoverageSharesInYearZero() {
        // Medical at 0.5 for everyone; agricultural at 0.806 for farming households only.
        let phase = enrolment(medical: 0.5)
        let stream = makeStream()
        let n = 10_000
        var medical = 0, farmerInsured = 0, herderInsured = 0
        for index in 0..<n {
            for (which, template) in [farmer, herder, landless].enumerated() {
                var household = template
                var year = makeYear(0)
                phase.run(&household, &year, key: testKey(index, year: 0), stream: stream)
                if which == 0 && household.flags.contains(.medicalInsurance) { medical += 1 }
                let insured = household.flags.contains(.agriculturalInsurance)
                switch which {
                case 0: if insured { farmerInsured += 1 }
                case 1: if insured { herderInsured += 1 }
                default: XCTAssertFalse(insured, "a household without land or livestock cannot enrol")
                }
            }
        }
        assertShare(medical, of: n, near: 0.5, "medical enrolment")
        assertShare(farmerInsured, of: n, near: 0.806, "agricultural enrolment, land")
        assertShare(herderInsured, of: n, near: 0.806, "agricultural enrolment, livestock only")
    }

    func testCoverageZeroEnrolsNobodyAndOneEveryone() {
        let none = enrolment(medical: 0, agricultural: 0), all = enrolment(medical: 1, agricultural: 1)
        let stream = makeStream()
        for index in 0..<2_000 {
            var h1 = farmer, h2 = farmer
            var y1 = makeYear(0), y2 = makeYear(0)
            none.run(&h1, &y1, key: testKey(index, year: 0), stream: stream)
            all.run(&h2, &y2, key: testKey(index, year: 0), stream: stream)
            XCTAssertFalse(h1.flags.contains(.medicalInsurance))
            XCTAssertFalse(h1.flags.contains(.agriculturalInsurance))
            XCTAssertTrue(h2.flags.contains(.medicalInsurance))
            XCTAssertTrue(h2.flags.contains(.agriculturalInsurance))
        }
    }

    func testOnlyInYearZero() {
        let all = enrolment(medical: 1, agricultural: 1)
        for year in 1...5 {
            var household = farmer
            var accounts = makeYear(year)
            all.run(&household, &accounts, key: testKey(0, year: year), stream: makeStream())
            XCTAssertEqual(household, farmer, "year \(year)")
        }
        // And enrolment is kept: a later year never removes a flag.
        var enrolled = makeHousehold(general: 1, land: 2, flags: [.medicalInsurance, .agriculturalInsurance])
        var accounts = makeYear(3)
        enrolment(medical: 0, agricultural: 0).run(&enrolled, &accounts, key: testKey(0, year: 3), stream: makeStream())
        XCTAssertTrue(enrolled.flags.isSuperset(of: [.medicalInsurance, .agriculturalInsurance]))
    }

    func testMedicalCoverageDoesNotMoveAgriculturalDraws() {
        // Both uniforms are drawn in a fixed order, so the agricultural decision is the same whatever the medical
        // coverage (common random numbers between scenarios).
        let stream = makeStream()
        for index in 0..<5_000 {
            var h1 = farmer, h2 = farmer
            var y1 = makeYear(0), y2 = makeYear(0)
            enrolment(medical: 0).run(&h1, &y1, key: testKey(index, year: 0), stream: stream)
            enrolment(medical: 0.5).run(&h2, &y2, key: testKey(index, year: 0), stream: stream)
            XCTAssertEqual(h1.flags.contains(.agriculturalInsurance), h2.flags.contains(.agriculturalInsurance))
        }
    }
}
