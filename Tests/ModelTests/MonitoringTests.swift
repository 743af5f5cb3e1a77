import XCTest

@testable import Model
import Randomness

/// The monitoring and assistance mechanism of MODEL.md §7 (`Monitoring.swift`), with fixed keys.
final class MonitoringTests: XCTestCase {
    private func monitoring(_ configure: (inout MonitoringParameters) -> Void = { _ in }) -> Monitoring {
        var parameters = MonitoringParameters()
        parameters.mechanism = .on
        configure(&parameters)
        return Monitoring(parameters, economy: EconomyParameters())
    }

    /// A cohort household of four with this assessed income per person (the village's figure, a_t).
    private func cohortHousehold(assessed: Float, onList: Bool = false, stableYears: Int = 0) -> Household {
        var household = makeHousehold(general: 2, children: 2, assessedIncome: assessed, flags: [.inCohort])
        household.monitoring.onList = onList
        household.monitoring.everOnList = onList
        household.monitoring.stableYears = stableYears
        return household
    }

    /// A year whose y is the assessed income (no noise), with a dibao benefit.
    private func year(income: Double, dibao: Double = 0) -> HouseholdYear {
        var year = makeYear()
        year.dibaoBenefit = dibao
        year.income = income + dibao / 4
        return year
    }

    func testDetectionFindsTheShareItSaysOfEligibleHouseholds() {
        // The statistical test of `detection`: of n eligible households not on the list, Binomial(n, p) are found.
        for p in [0.05, 0.3, 0.8] {
            let phase = monitoring { $0.detection = p }
            let n = 20_000
            var found = 0
            for index in 0..<n {
                var household = cohortHousehold(assessed: 3_000)
                var accounts = year(income: 3_000)
                phase.run(&household, &accounts, key: testKey(index), stream: makeStream())
                if accounts.monitoringEntry {
                    found += 1
                    XCTAssertTrue(household.monitoring.onList)
                    XCTAssertTrue(household.monitoring.everOnList)
                    XCTAssertEqual(accounts.monitoringTransfer, 0, "assistance starts the year after it is found")
                    XCTAssertTrue(accounts.identifiedRePoor, "found below the poverty line: identified re-poor")
                } else {
                    XCTAssertFalse(household.monitoring.onList)
                }
            }
            assertShare(found, of: n, near: p, "found at detection \(p)")
        }
    }

    /// Whether a cohort household assessed at `assessed` a person is found at detection 1, after `year` sets its
    /// accounts (dibao, bills, losses).
    private func foundAtCertainDetection(
        assessed: Float, dibao: Double = 0, inCohort: Bool = true, _ setUp: (inout HouseholdYear) -> Void = { _ in }
    ) -> (found: Bool, identified: Bool) {
        var household = cohortHousehold(assessed: assessed)
        if !inCohort { household.flags.remove(.inCohort) }
        var accounts = year(income: Double(assessed), dibao: dibao)
        setUp(&accounts)
        monitoring { $0.detection = 1 }.run(&household, &accounts, key: testKey(0), stream: makeStream())
        return (household.monitoring.onList, accounts.identifiedRePoor)
    }

    func testOnlyEligibleHouseholdsAreFound() {
        // Above the monitoring line (5,000) without a large bill or loss: never found, whatever the detection.
        XCTAssertFalse(foundAtCertainDetection(assessed: 6_000).found)
        // Dibao counts in the assessed income: 4,000 a person plus 4,400 of dibao for four = 5,100 ≥ 5,000.
        XCTAssertFalse(foundAtCertainDetection(assessed: 4_000, dibao: 4_400).found)
        // A large medical bill or disaster loss makes a household above the line eligible; a small one does not.
        let ill = foundAtCertainDetection(assessed: 8_000) { $0.medicalOutOfPocket = 4_000; $0.nonMedicalCosts = 1_001 }
        XCTAssertTrue(ill.found)
        XCTAssertFalse(ill.identified, "found, but not below the poverty line")
        XCTAssertTrue(foundAtCertainDetection(assessed: 8_000) { $0.floodLoss = 3_000; $0.epizooticLoss = 2_001 }.found)
        XCTAssertFalse(
            foundAtCertainDetection(assessed: 8_000) { $0.medicalOutOfPocket = 5_000; $0.floodLoss = 5_000 }.found,
            "thresholds are strict: 5,000 is not above 5,000")
        // Not in the cohort (poor in year 0): never found.
        XCTAssertFalse(foundAtCertainDetection(assessed: 1_000, inCohort: false).found)
        XCTAssertEqual(foundAtCertainDetection(assessed: 1_000).identified, true)
    }

    func testListedHouseholdsReceiveTheTransferUpToTheLine() {
        // Four people assessed at 3,500 with 2,000 of dibao: 4,000 a person with dibao, 1,000 below the line each.
        var household = cohortHousehold(assessed: 3_500, onList: true)
        var accounts = year(income: 3_500, dibao: 2_000)
        monitoring().run(&household, &accounts, key: testKey(0), stream: makeStream())
        XCTAssertEqual(accounts.monitoringTransfer, 4_000)
        XCTAssertEqual(accounts.income, 3_500 + 500 + 1_000)
        XCTAssertFalse(accounts.identifiedRePoor, "4,000 a person is not below the poverty line 4,000")
        XCTAssertFalse(accounts.monitoringEntry, "already on the list")
        // Half the gap with transferShare 0.5; identified re-poor below 4,000; a negative assessment counts as 0.
        var poor = cohortHousehold(assessed: -1_000, onList: true)
        accounts = year(income: -1_000)
        monitoring { $0.transferShare = 0.5 }.run(&poor, &accounts, key: testKey(1), stream: makeStream())
        XCTAssertEqual(accounts.monitoringTransfer, 4 * 0.5 * 5_000)
        XCTAssertTrue(accounts.identifiedRePoor)
        XCTAssertTrue(poor.monitoring.everIdentifiedRePoor)
        XCTAssertEqual(poor.monitoring.stableYears, 0)
    }

    func testHouseholdsLeaveAfterStableYearsAboveTheLine() {
        let phase = monitoring { $0.stableYears = 2; $0.detection = 0 }
        var household = cohortHousehold(assessed: 6_000, onList: true)
        var accounts = year(income: 6_000)
        phase.run(&household, &accounts, key: testKey(0, year: 1), stream: makeStream())
        XCTAssertTrue(household.monitoring.onList)
        XCTAssertEqual(household.monitoring.stableYears, 1)
        XCTAssertEqual(accounts.monitoringTransfer, 0)
        // A year below the line restarts the count.
        household.assessedIncome = 4_500
        accounts = year(income: 4_500)
        phase.run(&household, &accounts, key: testKey(0, year: 2), stream: makeStream())
        XCTAssertEqual(household.monitoring.stableYears, 0)
        XCTAssertEqual(accounts.monitoringTransfer, 2_000)
        household.assessedIncome = 6_000
        for year in 3...4 {
            accounts = self.year(income: 6_000)
            phase.run(&household, &accounts, key: testKey(0, year: year), stream: makeStream())
        }
        XCTAssertFalse(household.monitoring.onList, "two stable years: off the list")
        XCTAssertTrue(household.monitoring.everOnList)
        XCTAssertEqual(household.monitoring.stableYears, 0)
    }

    func testOffChangesNothing() {
        var parameters = MonitoringParameters()
        parameters.detection = 1
        let off = Monitoring(parameters, economy: EconomyParameters())
        XCTAssertEqual(parameters.mechanism, .off, "off in the reference model")
        var household = cohortHousehold(assessed: 0, onList: true)
        let before = household
        var accounts = year(income: 0)
        let accountsBefore = fields(accounts)
        off.run(&household, &accounts, key: testKey(0), stream: makeStream())
        XCTAssertEqual(household, before)
        XCTAssertEqual(fields(accounts), accountsBefore)
    }

    func testListedHouseholdsHavePriorityForTrainingAndDibao() {
        // Training: a listed household is offered at coverageMonitored (0.3) even if it was above the line last year.
        let training = Training(TrainingParameters())
        var offered = 0, n = 20_000
        for index in 0..<n {
            var household = makeHousehold(general: 1, motivation: 1)
            household.monitoring.onList = true
            var accounts = makeYear()
            training.run(&household, &accounts, key: testKey(index), stream: makeStream())
            offered += accounts.trainees
        }
        assertShare(offered, of: n, near: 0.3, "training offered to listed households")
        // Dibao review: an eligible listed household is left off with dibaoExclusionError (0.05), not 0.15.
        var scenario = ScenarioParameters()
        scenario.interventions.monitoring.mechanism = .on
        scenario.interventions.dibao.retention = 0
        let dibao = Dibao(scenario)
        var admitted = 0
        n = 20_000
        for index in 0..<n {
            var household = makeHousehold(general: 2, assessedIncome: 1_000)
            household.monitoring.onList = true
            var accounts = makeYear()
            dibao.run(&household, &accounts, key: testKey(index), stream: makeStream())
            if household.flags.contains(.onDibao) { admitted += 1 }
        }
        assertShare(admitted, of: n, near: 0.95, "dibao for eligible listed households")
        XCTAssertEqual(Dibao(ScenarioParameters()).listedExclusionError, 0.15, "off: the ordinary review")
    }

    func testStatusByteAndHouseholdSize() {
        var status = MonitoringStatus()
        status.onList = true
        status.stableYears = 31
        status.everIdentifiedRePoor = true
        XCTAssertTrue(status.onList)
        XCTAssertEqual(status.stableYears, 31)
        status.stableYears = 40
        XCTAssertEqual(status.stableYears, 31, "capped at what five bits hold")
        status.onList = false
        XCTAssertFalse(status.onList)
        XCTAssertTrue(status.everIdentifiedRePoor)
        XCTAssertFalse(status.everOnList)
        XCTAssertEqual(MemoryLayout<MonitoringStatus>.size, 1)
        XCTAssertEqual(MemoryLayout<Household>.size, 48, "the monitoring byte fits in the padding")
    }

    func testReproducible() {
        let phase = monitoring { $0.detection = 0.5 }
        for index in 0..<200 {
            var h1 = cohortHousehold(assessed: 3_000), h2 = h1
            var y1 = year(income: 3_000), y2 = y1
            phase.run(&h1, &y1, key: testKey(index), stream: makeStream())
            phase.run(&h2, &y2, key: testKey(index), stream: makeStream())
            XCTAssertEqual(h1, h2)
            XCTAssertEqual(fields(y1), fields(y2))
        }
    }
}
