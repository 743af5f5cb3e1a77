import XCTest

@testable import Model
import Randomness

/// Training (MODEL.md §4 steps 3 and 12): each general labourer is offered training with probability 0.05 (0.3 if the
/// household was below the monitoring line last year), accepts with probability = motivation, is certified with
/// probability 0.44 and becomes skilled at the end of the year; 290 per accepted trainee.
final class TrainingTests: XCTestCase {
    private func training(_ configure: (inout TrainingParameters) -> Void = { _ in }) -> Training {
        var parameters = TrainingParameters()
        configure(&parameters)
        return Training(parameters)
    }

    /// Trainees and certified trainees over `n` households with `general` general labourers each.
    private func trainees(
        _ phase: Training, general: Int = 4, motivation: Float, flags: HouseholdFlags = [], year: Int = 1,
        n: Int = 20_000
    ) -> (trainees: Int, certified: Int, cost: Double) {
        let stream = makeStream()
        var total = 0, certified = 0, cost = 0.0
        for index in 0..<n {
            var household = makeHousehold(general: general, elderly: 1, motivation: motivation, flags: flags)
            var accounts = makeYear(year)
            phase.run(&household, &accounts, key: testKey(index, year: year), stream: stream)
            XCTAssertLessThanOrEqual(accounts.trainees, general)
            XCTAssertLessThanOrEqual(accounts.certifiedTrainees, accounts.trainees)
            // Training changes nothing in the household until the end of the year.
            XCTAssertEqual(household, makeHousehold(general: general, elderly: 1, motivation: motivation, flags: flags))
            total += accounts.trainees
            certified += accounts.certifiedTrainees
            cost += accounts.trainingCost
        }
        return (total, certified, cost)
    }

    func testOfferedShareIsCoverage() {
        // Motivation 1: every offer is accepted, so trainees / general labourers ≈ 0.05 (80,000 labourers).
        let result = trainees(training(), motivation: 1)
        assertShare(result.trainees, of: 80_000, near: 0.05, "offered (all accept)")
    }

    func testMonitoredHouseholdsAreOfferedMoreOftenFromYearOne() {
        // Below the monitoring line last year: 0.3. In year 0 there is no last year, so 0.05.
        let monitored = trainees(training(), motivation: 1, flags: .belowMonitoringLastYear)
        assertShare(monitored.trainees, of: 80_000, near: 0.3, "offered, monitored")
        let yearZero = trainees(training(), motivation: 1, flags: .belowMonitoringLastYear, year: 0)
        assertShare(yearZero.trainees, of: 80_000, near: 0.05, "offered in year 0")
    }

    func testAcceptanceIsMotivationAndCertificationIs44Percent() {
        // Coverage 1: everyone is offered; accepted share = motivation 0.4; certified share of trainees 0.44.
        let result = trainees(training { $0.coverage = 1 }, motivation: 0.4)
        assertShare(result.trainees, of: 80_000, near: 0.4, "accepted")
        assertShare(result.certified, of: result.trainees, near: 0.44, "certified among trainees")
        // Cost: 290 per accepted trainee, exactly.
        XCTAssertEqual(result.cost, 290 * Double(result.trainees), accuracy: 1e-6)
    }

    func testCoverageZeroTrainsNobody() {
        let result = trainees(training { $0.coverage = 0; $0.coverageMonitored = 0 }, motivation: 1, n: 2_000)
        XCTAssertEqual(result.trainees, 0)
        XCTAssertEqual(result.cost, 0)
    }

    func testCertifyMovesCertifiedToSkilledKeepingMigrantsConsistent() {
        // 4 general labourers (2 migrants), 1 skilled (1 migrant), 3 certified: 1 general and 4 skilled after.
        // Migrants among the certified: Hypergeometric(3 drawn from 2 migrants + 2 at home): 1 or 2, mean 3 × 2/4 = 1.5.
        let phase = training()
        let stream = makeStream()
        var certifiedMigrants = Sample()
        for index in 0..<10_000 {
            var household = makeHousehold(general: 4, skilled: 1, elderly: 1, generalMigrants: 2, skilledMigrants: 1)
            stream.reseed(mixedKey: testKey(index).mixed(.trainingCertification))
            phase.certify(&household, certifiedTrainees: 3, stream: stream)
            XCTAssertEqual(household.generalLabour, 1)
            XCTAssertEqual(household.skilledLabour, 4)
            XCTAssertEqual(household.size, 6)
            let moved = Int(household.skilledMigrants) - 1
            XCTAssertTrue((1...2).contains(moved), "migrants among 3 certified of 4 (2 migrants): \(moved)")
            XCTAssertEqual(Int(household.generalMigrants), 2 - moved, "migrants are conserved")
            XCTAssertLessThanOrEqual(household.generalMigrants, household.generalLabour)
            XCTAssertLessThanOrEqual(household.skilledMigrants, household.skilledLabour)
            certifiedMigrants.add(Double(moved))
        }
        assertMean(certifiedMigrants, near: 1.5, "migrants among the certified")
    }

    func testCertifiedMigrantsComeHomeWhenTheKeySaysSo() {
        // MODEL.md §7: whether a certified migrant stays away is a key. With 0.25 of them staying away, a household of
        // 4 general migrants all certified keeps Binomial(4, 0.25) skilled migrants (mean 1); the rest are skilled at
        // home. At 0 none stays away; at 1 (the default) all do.
        let stream = makeStream()
        var away = Sample()
        let quarter = training { $0.certifiedMigrantsStayAway = 0.25 }
        let none = training { $0.certifiedMigrantsStayAway = 0 }
        for index in 0..<10_000 {
            stream.reseed(mixedKey: testKey(index).mixed(.trainingCertification))
            var household = makeHousehold(general: 4, generalMigrants: 4)
            quarter.certify(&household, certifiedTrainees: 4, stream: stream)
            XCTAssertEqual(household.skilledLabour, 4)
            XCTAssertEqual(household.generalMigrants, 0)
            away.add(Double(household.skilledMigrants))
            var home = makeHousehold(general: 4, generalMigrants: 4)
            none.certify(&home, certifiedTrainees: 4, stream: stream)
            XCTAssertEqual(home.skilledMigrants, 0)
            XCTAssertEqual(home.skilledLabour, 4)
        }
        assertMean(away, near: 1, "certified migrants staying away at 0.25")
        XCTAssertEqual(TrainingParameters().certifiedMigrantsStayAway, 1, "the contract's default: stays away")
    }

    func testCertifyEdgeCases() {
        let phase = training()
        let stream = makeStream()
        stream.reseed(mixedKey: 1)
        // Nobody certified: nothing changes.
        var household = makeHousehold(general: 3, generalMigrants: 1)
        phase.certify(&household, certifiedTrainees: 0, stream: stream)
        XCTAssertEqual(household, makeHousehold(general: 3, generalMigrants: 1))
        // All general labourers are migrants: all certified are migrants.
        var allAway = makeHousehold(general: 3, generalMigrants: 3)
        phase.certify(&allAway, certifiedTrainees: 2, stream: stream)
        XCTAssertEqual(allAway.generalLabour, 1)
        XCTAssertEqual(allAway.generalMigrants, 1)
        XCTAssertEqual(allAway.skilledLabour, 2)
        XCTAssertEqual(allAway.skilledMigrants, 2)
        // None are migrants: none move.
        var home = makeHousehold(general: 3)
        phase.certify(&home, certifiedTrainees: 2, stream: stream)
        XCTAssertEqual(home.generalMigrants, 0)
        XCTAssertEqual(home.skilledMigrants, 0)
        XCTAssertEqual(home.skilledLabour, 2)
    }

    func testReproducible() {
        let phase = training { $0.coverage = 0.5 }
        for index in 0..<200 {
            var h1 = makeHousehold(general: 4, motivation: 0.6), h2 = h1
            var y1 = makeYear(), y2 = makeYear()
            phase.run(&h1, &y1, key: testKey(index), stream: makeStream())
            phase.run(&h2, &y2, key: testKey(index), stream: makeStream())
            XCTAssertEqual(fields(y1), fields(y2))
        }
    }
}
