import Foundation
import XCTest

@testable import Model
import Randomness

/// The whole year of MODEL.md §4 for samples of households: invariants, the cohort and entry bookkeeping, the order of
/// dibao's decision, and common random numbers between scenarios (§6: separate streams per phase).
final class YearlyStepTests: XCTestCase {
    /// One household-year as the step left it.
    struct Record {
        var before: Household
        var after: Household
        var year: HouseholdYear
        var outcome: YearOutcome
    }

    /// Covariates for test household `index` in `year`: households come in "villages" of 50 sharing a flood (0.2),
    /// an outbreak (0.2) and a price (Lognormal(0, 0.15)); the wage multiplier is 0.7 in year 2. Shocks are more
    /// frequent than in the reference so every path of the year is exercised.
    private func accounts(year: Int, index: Int, stream: RandomStream) -> HouseholdYear {
        stream.reseed(StreamKey(testSeed, 777, UInt64(year), UInt64(index / 50)))
        let price = stream.lognormal(zeta: 0, sigma: 0.15)
        let flooded = stream.bernoulli(0.2), outbreak = stream.bernoulli(0.2)
        return makeYear(year, price: price, wageMultiplier: year == 2 ? 0.7 : 1, flooded: flooded, outbreak: outbreak)
    }

    /// Run `households` through years 0…`years` under `parameters`; records[household][year].
    private func simulate(
        _ parameters: ScenarioParameters, households: [Household], years: Int = 5,
        covariates: ((Int, Int, RandomStream) -> HouseholdYear)? = nil
    ) -> [[Record]] {
        let step = try! YearlyStep(parameters)
        let stream = makeStream(), covariateStream = makeStream()
        return households.enumerated().map { index, start in
            var household = start
            return (0...years).map { t in
                let before = household
                var year = covariates?(t, index, covariateStream) ?? accounts(year: t, index: index, stream: covariateStream)
                let outcome = step.advance(&household, year: &year, key: testKey(index, year: t), stream: stream)
                return Record(before: before, after: household, year: year, outcome: outcome)
            }
        }
    }

    /// Every Double field of the accounts.
    private func doubles(_ year: HouseholdYear) -> [(String, Double)] {
        Mirror(reflecting: year).children.compactMap { child in
            (child.value as? Double).map { (child.label ?? "?", $0) }
        }
    }

    /// A scenario with every extension and intervention switched on, to exercise every phase.
    private func everythingOn() -> ScenarioParameters {
        var p = ScenarioParameters()
        p.interventions.medicalInsurance.coverage = 0.5
        p.shocks.relocation.share = 0.3
        p.shocks.wages.schedule = [1, 0.7]
        p.interventions.training.coverage = 0.2
        return p
    }

    // MARK: Invariants

    func testInvariantsOverFiveYears() {
        for (name, parameters, relocatedShare) in [
            ("reference", ScenarioParameters(), 0.0), ("everything on", everythingOn(), 0.3),
        ] {
            var relocation = RelocationParameters()
            relocation.share = relocatedShare
            let households = dongxiangHouseholds(1_500, relocation: relocation)
            let records = simulate(parameters, households: households)
            var entries = 0, cohort = 0
            for history in records {
                let inCohort = history[0].after.flags.contains(.inCohort)
                if inCohort { cohort += 1 }
                var everPoor = false, spell = 0, leftAgain = false
                for (t, r) in history.enumerated() {
                    let h = r.after, y = r.year, o = r.outcome
                    let context = "\(name), year \(t)"
                    // Finite accounts.
                    for (label, value) in doubles(y) { XCTAssertTrue(value.isFinite, "\(context): \(label) = \(value)") }
                    XCTAssertTrue(h.debt.isFinite && h.debt >= 0, context)
                    XCTAssertTrue(h.assessedIncome.isFinite, context)
                    // Counts.
                    XCTAssertGreaterThanOrEqual(h.size, 1, context)
                    XCTAssertLessThanOrEqual(h.generalMigrants, h.generalLabour, context)
                    XCTAssertLessThanOrEqual(h.skilledMigrants, h.skilledLabour, context)
                    XCTAssertLessThanOrEqual(Int(h.chronicIll), h.size, context)
                    XCTAssertLessThanOrEqual(r.after.size, r.before.size, "\(context): no births")
                    XCTAssertLessThanOrEqual(y.trainees, Int(r.before.generalLabour) + Int(r.before.highSchool), context)
                    XCTAssertLessThanOrEqual(y.certifiedTrainees, y.trainees, context)
                    // Money that cannot be negative.
                    for value in [
                        y.medicalOutOfPocket, y.nonMedicalCosts, y.lostEarnings, y.wages, y.dibaoBenefit, y.floodLoss,
                        y.epizooticLoss, y.agriculturalInsurancePayout, y.educationCosts, y.relocationCosts,
                        y.debtRepayment, y.borrowed, y.trainingCost, y.cropIncome, y.livestockIncome,
                    ] { XCTAssertGreaterThanOrEqual(value, -1e-9, context) }
                    // Income: y = y_pre + dibao / size; borrowing to 0.8 z; debt bookkeeping.
                    XCTAssertEqual(y.income, y.incomeBeforeDibao + y.dibaoBenefit / Double(h.size), accuracy: 1e-6, context)
                    XCTAssertEqual(y.borrowed, Double(h.size) * max(0, 3_200 - y.income), accuracy: 1e-6, context)
                    XCTAssertEqual(
                        Double(h.debt), Double(r.before.debt) * 0.8 + y.borrowed,
                        accuracy: 1e-3 * max(1, Double(h.debt)), context)
                    if !h.flags.contains(.onDibao) { XCTAssertEqual(y.dibaoBenefit, 0, context) }
                    // Status flags carried to next year.
                    XCTAssertEqual(o.poor, y.income < 4_000, context)
                    XCTAssertEqual(h.flags.contains(.poorLastYear), o.poor, context)
                    XCTAssertEqual(h.flags.contains(.belowMonitoringLastYear), y.income < 5_000, context)
                    XCTAssertEqual(h.lastDibaoBenefit, Float(y.dibaoBenefit), context)
                    XCTAssertEqual(h.lastExpectedWages, Float(y.expectedWages), context)
                    // The cohort flag is set only in year 0, from year 0's status.
                    XCTAssertEqual(h.flags.contains(.inCohort), inCohort, context)
                    if t == 0 {
                        XCTAssertEqual(inCohort, !o.poor, context)
                        XCTAssertFalse(o.inCohort, "year 0 is not in the metrics")
                        XCTAssertNil(o.entry)
                        XCTAssertEqual(Int(h.sizeAtSelection), h.size, context)
                    } else {
                        XCTAssertEqual(o.wasPoor, history[t - 1].outcome.poor, context)
                        XCTAssertEqual(o.inCohort, inCohort, context)
                        XCTAssertEqual(h.sizeAtSelection, history[0].after.sizeAtSelection, context)
                        // Entries only for cohort households poor now and not last year; exits the reverse.
                        XCTAssertEqual(o.entry != nil, inCohort && o.poor && !o.wasPoor, context)
                        XCTAssertEqual(o.exit, inCohort && !o.poor && o.wasPoor, context)
                        if o.entry != nil { entries += 1 }
                        if o.poor { everPoor = true }
                        XCTAssertEqual(h.flags.contains(.everRePoor), inCohort && everPoor, context)
                        // Re-poverty spells (outputs of issue 3): their length so far, and on an exit the length ended.
                        if inCohort {
                            if o.exit {
                                XCTAssertEqual(o.endedSpellYears, spell, context)
                                leftAgain = true
                            }
                            spell = o.poor ? spell + 1 : 0
                        }
                        XCTAssertEqual(Int(h.spellYears), spell, context)
                        XCTAssertEqual(h.history.contains(.leftAgainAfterRePoverty), leftAgain, context)
                    }
                    // What the household was in year 0, fixed from then on.
                    let y0 = history[0]
                    XCTAssertEqual(
                        h.history.contains(.dibaoAtSelection), y0.after.flags.contains(.onDibao), context)
                    XCTAssertEqual(h.history.contains(.chronicIllnessAtSelection), y0.after.chronicIll > 0, context)
                    XCTAssertEqual(
                        h.history.contains(.marginalAtSelection),
                        y0.year.income >= 4_000 && y0.year.income < 1.5 * 4_000, context)
                    // Insurance only from year 0; kept.
                    if t > 0 {
                        XCTAssertEqual(
                            h.flags.intersection([.medicalInsurance, .agriculturalInsurance]),
                            history[0].after.flags.intersection([.medicalInsurance, .agriculturalInsurance]), context)
                    }
                    if h.flags.contains(.agriculturalInsurance) { XCTAssertTrue(history[0].before.farms, context) }
                    // Years since relocation count up for the relocated only.
                    if h.flags.contains(.relocated) {
                        XCTAssertEqual(Int(h.yearsSinceRelocation), t + 1, context)
                        XCTAssertEqual(
                            y.relocationCosts, 800 * Double(h.size) * pow(0.85, Double(t)), accuracy: 1e-6, context)
                    } else {
                        XCTAssertEqual(h.yearsSinceRelocation, 0, context)
                        XCTAssertEqual(y.relocationCosts, 0, context)
                    }
                }
            }
            XCTAssertGreaterThan(cohort, 100, "\(name): a cohort to follow")
            XCTAssertGreaterThan(entries, 10, "\(name): some entries happen")
        }
    }

    func testCohortIsNeverJoinedAfterYearZero() {
        // A household outside the cohort stays outside, even when rich; its years produce no entry or exit.
        let step = try! YearlyStep(ScenarioParameters())
        let stream = makeStream()
        for index in 0..<200 {
            var household = makeHousehold(general: 3, skilled: 2, land: 5, earningsFactor: 2, flags: .poorLastYear)
            for t in 1...3 {
                var year = makeYear(t)
                let outcome = step.advance(&household, year: &year, key: testKey(index, year: t), stream: stream)
                XCTAssertFalse(household.flags.contains(.inCohort))
                XCTAssertFalse(household.flags.contains(.everRePoor))
                XCTAssertFalse(outcome.inCohort)
                XCTAssertNil(outcome.entry)
                XCTAssertFalse(outcome.exit)
            }
        }
    }

    func testReproducible() {
        let households = dongxiangHouseholds(300)
        let a = simulate(everythingOn(), households: households)
        let b = simulate(everythingOn(), households: households)
        for (ha, hb) in zip(a, b) {
            for (ra, rb) in zip(ha, hb) {
                XCTAssertEqual(ra.after, rb.after)
                XCTAssertEqual(ra.outcome, rb.outcome)
                XCTAssertEqual(fields(ra.year), fields(rb.year))
            }
        }
    }

    // MARK: Dibao's timing

    func testDibaoInYearZeroUsesThatYearsOwnAssessment() {
        // With no errors and no retention, on dibao ⇔ the assessment a is below s = 5,500; in year 0 that is the
        // assessment made in step 8 of year 0 itself, later it is last year's.
        var parameters = ScenarioParameters()
        parameters.interventions.dibao.exclusionError = 0
        parameters.interventions.dibao.inclusionError = 0
        parameters.interventions.dibao.retention = 0
        let records = simulate(parameters, households: dongxiangHouseholds(1_000), years: 3)
        var onCount = 0
        for history in records {
            for (t, r) in history.enumerated() {
                let assessed = Double(t == 0 ? r.after.assessedIncome : r.before.assessedIncome)
                let on = assessed < 5_500
                if on { onCount += 1 }
                XCTAssertEqual(r.after.flags.contains(.onDibao), on, "year \(t), a = \(assessed)")
                XCTAssertEqual(
                    r.year.dibaoBenefit, on ? Double(r.after.size) * (5_500 - max(0, assessed)) : 0,
                    accuracy: 1e-6, "year \(t)")
            }
        }
        XCTAssertGreaterThan(onCount, 100)
    }

    func testMajorIllnessThresholdUsesTheProfileFlagInYearZero() {
        // In year 0 illness comes before dibao's decision, so the major-illness threshold follows the profile's flag
        // (on₋₁). Two copies of each household differing only in that flag: the on-dibao copy never pays more.
        let step = try! YearlyStep(ScenarioParameters())
        let stream = makeStream()
        var differ = 0
        for (index, start) in dongxiangHouseholds(2_000).enumerated() {
            var off = start, on = start
            off.flags.remove(.onDibao)
            on.flags.insert(.onDibao)
            var y1 = makeYear(0), y2 = makeYear(0)
            _ = step.advance(&off, year: &y1, key: testKey(index, year: 0), stream: stream)
            _ = step.advance(&on, year: &y2, key: testKey(index, year: 0), stream: stream)
            XCTAssertEqual(y1.hospitalBills, y2.hospitalBills)
            XCTAssertLessThanOrEqual(y2.medicalOutOfPocket, y1.medicalOutOfPocket + 1e-9)
            if y2.medicalOutOfPocket < y1.medicalOutOfPocket - 1e-9 { differ += 1 }
        }
        XCTAssertGreaterThan(differ, 10)
    }

    // MARK: Common random numbers

    private func assertSameTrajectories(
        _ a: [[Record]], _ b: [[Record]], file: StaticString = #filePath, line: UInt = #line
    ) {
        for (index, (ha, hb)) in zip(a, b).enumerated() {
            for (t, (ra, rb)) in zip(ha, hb).enumerated() {
                XCTAssertEqual(ra.after, rb.after, "household \(index), year \(t)", file: file, line: line)
                XCTAssertEqual(ra.outcome, rb.outcome, "household \(index), year \(t)", file: file, line: line)
                XCTAssertEqual(fields(ra.year), fields(rb.year), "household \(index), year \(t)", file: file, line: line)
            }
        }
    }

    private func trainingOff(_ parameters: ScenarioParameters = ScenarioParameters()) -> ScenarioParameters {
        var p = parameters
        p.interventions.training.coverage = 0
        p.interventions.training.coverageMonitored = 0
        return p
    }

    func testUnusedTrainingTermsChangeNothing() {
        // Training off (both coverages 0) with the reference terms, and with certification 0.9 and cost 999: nobody is
        // trained, so every household, account and outcome is identical.
        let households = dongxiangHouseholds(1_000)
        var other = trainingOff()
        other.interventions.training.certification = 0.9
        other.interventions.training.costPerTrainee = 999
        assertSameTrajectories(
            simulate(trainingOff(), households: households), simulate(other, households: households))
    }

    func testUnusedMedicalInsuranceTermsChangeNothing() {
        // Nobody enrols at coverage 0, so the scheme's terms cannot matter.
        let households = dongxiangHouseholds(1_000)
        var other = ScenarioParameters()
        other.interventions.medicalInsurance.rate = 0.9
        other.interventions.medicalInsurance.threshold = 0
        other.interventions.medicalInsurance.premiumPerPerson = 999
        assertSameTrajectories(simulate(ScenarioParameters(), households: households), simulate(other, households: households))
    }

    func testHouseholdsWithoutTraineesMeetTheSameYearsWithAndWithoutTraining() {
        // Coverage 0.05 (the reference, 0.3 when monitored) against training off. A household never trained under
        // the reference has identical years in both: the same illness (stays, bills, out-of-pocket), shocks and
        // outcomes. And in every year that starts from the same state, illness outcomes agree even for trainees.
        let households = dongxiangHouseholds(2_000)
        let off = simulate(trainingOff(), households: households)
        let on = simulate(ScenarioParameters(), households: households)
        var untrained = 0, trained = 0, sameStartYears = 0
        for (ho, hn) in zip(off, on) {
            if hn.allSatisfy({ $0.year.trainees == 0 }) {
                untrained += 1
                for (ro, rn) in zip(ho, hn) {
                    XCTAssertEqual(ro.year.hospitalStays, rn.year.hospitalStays)
                    XCTAssertEqual(ro.year.medicalOutOfPocket, rn.year.medicalOutOfPocket)
                    XCTAssertEqual(fields(ro.year), fields(rn.year))
                    XCTAssertEqual(ro.after, rn.after)
                    XCTAssertEqual(ro.outcome, rn.outcome)
                }
            } else {
                trained += 1
            }
            for (ro, rn) in zip(ho, hn) where ro.before == rn.before {
                sameStartYears += 1
                XCTAssertEqual(ro.year.hospitalStays, rn.year.hospitalStays)
                XCTAssertEqual(ro.year.hospitalBills, rn.year.hospitalBills)
                XCTAssertEqual(ro.year.medicalOutOfPocket, rn.year.medicalOutOfPocket)
                XCTAssertEqual(ro.year.floodLoss, rn.year.floodLoss)
                XCTAssertEqual(ro.year.dibaoBenefit, rn.year.dibaoBenefit)
            }
        }
        XCTAssertGreaterThan(untrained, 500)
        XCTAssertGreaterThan(trained, 50, "the reference trains someone")
        XCTAssertGreaterThan(sameStartYears, untrained * 6)
    }

    func testCoverageZeroAgainstFivePercentWithTheMonitoredRateKept() {
        // The brief's literal pair: `coverage` 0 against 0.05, `coverageMonitored` left at 0.3 in both. A household
        // with no trainee in either scenario in any year has identical years, illness included.
        let households = dongxiangHouseholds(1_000)
        var zero = ScenarioParameters()
        zero.interventions.training.coverage = 0
        let a = simulate(zero, households: households), b = simulate(ScenarioParameters(), households: households)
        var untrained = 0
        for (ha, hb) in zip(a, b)
        where ha.allSatisfy({ $0.year.trainees == 0 }) && hb.allSatisfy({ $0.year.trainees == 0 }) {
            untrained += 1
            for (ra, rb) in zip(ha, hb) {
                XCTAssertEqual(ra.year.hospitalStays, rb.year.hospitalStays)
                XCTAssertEqual(ra.year.medicalOutOfPocket, rb.year.medicalOutOfPocket)
                XCTAssertEqual(fields(ra.year), fields(rb.year))
                XCTAssertEqual(ra.after, rb.after)
            }
        }
        XCTAssertGreaterThan(untrained, 300)
    }

    func testAFloodDoesNotMoveOtherPhasesDraws() {
        // The same household and key, flooded or not: illness, migration, dibao and training are unchanged.
        let households = dongxiangHouseholds(1_000)
        let dry = simulate(ScenarioParameters(), households: households, years: 0) { t, _, _ in makeYear(t) }
        let wet = simulate(ScenarioParameters(), households: households, years: 0) { t, _, _ in
            makeYear(t, flooded: true, outbreak: true)
        }
        var hit = 0
        for (d, w) in zip(dry, wet) {
            let a = d[0].year, b = w[0].year
            XCTAssertEqual(a.hospitalStays, b.hospitalStays)
            XCTAssertEqual(a.hospitalBills, b.hospitalBills)
            XCTAssertEqual(a.medicalOutOfPocket, b.medicalOutOfPocket)
            XCTAssertEqual(a.trainees, b.trainees)
            XCTAssertEqual(a.expectedWages, b.expectedWages)
            XCTAssertEqual(a.migrantPayAtUnitMultiplier, b.migrantPayAtUnitMultiplier)
            XCTAssertEqual(d[0].after.generalMigrants, w[0].after.generalMigrants)
            if b.floodLoss > 0 { hit += 1 }
        }
        XCTAssertGreaterThan(hit, 200)
    }

    func testTrainingCoverageZeroAloneStillTrainsMonitoredHouseholds() {
        // `coverage: 0` leaves `coverageMonitored` at 0.3, so households below the monitoring line last year are
        // still trained: only both at 0 switch training off (see the report on MODEL.md §6).
        var coverageOnly = ScenarioParameters()
        coverageOnly.interventions.training.coverage = 0
        let records = simulate(coverageOnly, households: dongxiangHouseholds(1_000), years: 2)
        let trainees = records.reduce(0) { $0 + $1.reduce(0) { $0 + $1.year.trainees } }
        XCTAssertGreaterThan(trainees, 0)
        let allOff = simulate(trainingOff(), households: dongxiangHouseholds(1_000), years: 2)
        XCTAssertEqual(allOff.reduce(0) { $0 + $1.reduce(0) { $0 + $1.year.trainees } }, 0)
    }

    func testPhaseOrderAndPurposes() {
        // Each drawing phase has its own purpose; the deterministic ones draw nothing.
        XCTAssertEqual(Demography.purpose, .demography)
        XCTAssertEqual(Illness.purpose, .illness)
        XCTAssertEqual(Flood.purpose, .flood)
        XCTAssertEqual(AvianFlu.purpose, .avianFlu)
        XCTAssertEqual(LivestockDisease.purpose, .livestockDisease)
        XCTAssertEqual(LabourMarket.purpose, .migration)
        XCTAssertEqual(IncomeAssessment.purpose, .assessment)
        XCTAssertEqual(Dibao.purpose, .dibao)
        XCTAssertEqual(InsuranceEnrolment.purpose, .insuranceEnrolment)
        XCTAssertEqual(Training.purpose, .training)
        for purpose: StreamPurpose in [
            Farming.purpose, Expenditures.purpose, Relocation.purpose, MedicalInsurance.purpose,
            AgriculturalInsurance.purpose, Borrowing.purpose,
        ] { XCTAssertEqual(purpose, .deterministic) }
        XCTAssertEqual(Monitoring.purpose, .monitoring)
    }

    /// The registry runs the phases in MODEL.md §4's order (docs/MODEL.md §2.2's table): insurance enrolment only in
    /// year 0; dibao at step 3 from year 1 on, but after the assessment in year 0; y with dibao right after; status
    /// (step 10) before the end of the year (step 12).
    func testRegistryRunsThePhasesInTheContractsOrder() {
        let common = ["Training", "Illness", "MedicalInsurance", "Farming", "Flood", "AvianFlu", "LivestockDisease",
                      "AgriculturalInsurance", "LabourMarket", "Expenditures", "Relocation", "IncomeAssessment"]
        let end = ["Borrowing", "PovertyStatus", "TrainingCertification", "EndOfYear"]
        XCTAssertEqual(
            YearPhases.phaseNames(year: 0),
            ["Demography", "InsuranceEnrolment"] + common + ["Dibao", "IncomeWithDibao"] + end)
        // Monitoring (contract §7) from year 1, after the assessment and y, before borrowing and the status.
        for year in [1, 2, 7] {
            XCTAssertEqual(
                YearPhases.phaseNames(year: year), ["Demography", "Dibao"] + common + ["IncomeWithDibao", "Monitoring"] + end)
        }
    }

    /// The purposes' numbers are part of every result (docs/MODEL.md §5): each registered phase and covariate keeps
    /// its number, and no two share one.
    func testStreamPurposeNumbersAreTheContracts() {
        let contract: [StreamPurpose: UInt64] = [
            .population: 1, .villages: 2, .floodCovariate: 3, .outbreakCovariate: 4, .priceCovariate: 5,
            .forcedFloodCovariate: 6, .demography: 10, .illness: 11, .flood: 12, .avianFlu: 13, .livestockDisease: 14,
            .migration: 15, .assessment: 16, .monitoring: 17, .dibao: 20, .insuranceEnrolment: 21, .training: 22,
            .trainingCertification: 23, .deterministic: 99,
        ]
        XCTAssertEqual(contract.count, 19, "two purposes share a number")
        for (purpose, number) in contract { XCTAssertEqual(purpose.rawValue, number) }
        let registered = YearlyStep.allPurposes
        XCTAssertEqual(Set(registered).count, registered.count, "two phases or covariates share a purpose")
        XCTAssertEqual(Set(registered), Set(contract.keys).subtracting([.deterministic]))
    }

    /// The covariates the phases declare, by place: a village flood, a county outbreak and price, a yearly wage.
    func testPhasesDeclareTheirPlaceCovariates() {
        XCTAssertEqual(YearPhases.Covariates.bytes, CovariateBytes(village: 1, county: 9, year: 8))
        XCTAssertEqual(
            YearPhases.Covariates.purposes.map(\.purpose), [.priceCovariate, .floodCovariate, .forcedFloodCovariate, .outbreakCovariate])
    }

    func testCertifiedTraineesBecomeSkilledAtTheEndOfTheYear() {
        // Training for everyone who is offered (coverage 1, motivation 1, certification 1): after the year every
        // general labourer present at the training is skilled, migrants kept.
        var parameters = ScenarioParameters()
        parameters.interventions.training.coverage = 1
        parameters.interventions.training.certification = 1
        parameters.demography.retirement = 0
        parameters.demography.disablement = 0
        parameters.demography.highSchoolGraduation = 0
        let step = try! YearlyStep(parameters)
        let stream = makeStream()
        for index in 0..<200 {
            var household = makeHousehold(general: 3, skilled: 1, generalMigrants: 2, motivation: 1)
            var year = makeYear(1)
            _ = step.advance(&household, year: &year, key: testKey(index), stream: stream)
            XCTAssertEqual(year.trainees, 3)
            XCTAssertEqual(year.certifiedTrainees, 3)
            XCTAssertEqual(year.trainingCost, 870)
            XCTAssertEqual(household.generalLabour, 0)
            XCTAssertEqual(household.skilledLabour, 4)
            XCTAssertEqual(household.generalMigrants, 0)
            XCTAssertLessThanOrEqual(household.skilledMigrants, 4)
        }
    }
}
