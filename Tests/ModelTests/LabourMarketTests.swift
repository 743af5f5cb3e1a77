import Foundation
import XCTest

@testable import Model
import Randomness

/// Wages and transfers (MODEL.md §4 step 6): migrants_t = Binomial(migrants, 0.95) + Binomial(stayers, p_start ×
/// (0.5 + motivation) × 0.8 if on dibao, capped at 1), p_start 0.0306 general / 0.0611 skilled. Migrants earn 6 × 2,800
/// (general) or 9 × 3,800 (skilled) × wage multiplier × earnings factor × Lognormal(0, 0.1); at home 6,000 / 9,000 /
/// 2,000 (weak) × earnings factor; minus lost earnings (3 months a hospitalised worker, 1 a hospitalised dependant, at
/// the wages per worker-month, at most the wages). Pension 1,300 an elderly person, 1,200 a disabled dependant.
final class LabourMarketTests: XCTestCase {
    private func market(_ configure: (inout EconomyParameters) -> Void = { _ in }) -> LabourMarket {
        var economy = EconomyParameters()
        configure(&economy)
        return LabourMarket(economy)
    }

    /// A market whose migration is frozen (migrants stay, nobody starts) and whose pay has no noise.
    private func frozen() -> LabourMarket {
        market {
            $0.migration.stayProbability = 1
            $0.migration.startGeneral = 0
            $0.migration.startSkilled = 0
            $0.migrantWork.payNoiseSigma = 0
        }
    }

    private func migrantShare(
        _ phase: LabourMarket, general: Int = 0, generalMigrants: Int = 0, skilled: Int = 0, skilledMigrants: Int = 0,
        motivation: Float, flags: HouseholdFlags = [], n: Int = 20_000
    ) -> (general: Int, skilled: Int) {
        let stream = makeStream()
        var g = 0, s = 0
        for index in 0..<n {
            var household = makeHousehold(
                general: general, skilled: skilled, generalMigrants: generalMigrants, skilledMigrants: skilledMigrants,
                motivation: motivation, flags: flags)
            var year = makeYear()
            phase.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertLessThanOrEqual(household.generalMigrants, household.generalLabour)
            XCTAssertLessThanOrEqual(household.skilledMigrants, household.skilledLabour)
            g += Int(household.generalMigrants)
            s += Int(household.skilledMigrants)
        }
        return (g, s)
    }

    func testMigrantsStayAwayWithProbability95Percent() {
        // Everyone away at the start; starting rates do not matter (no stayers). 80,000 migrants of each kind.
        let result = migrantShare(market(), general: 4, generalMigrants: 4, skilled: 4, skilledMigrants: 4, motivation: 0.5)
        assertShare(result.general, of: 80_000, near: 0.95, "general migrants staying away")
        assertShare(result.skilled, of: 80_000, near: 0.95, "skilled migrants staying away")
    }

    func testStartingRatesScaleWithMotivationAndDibao() {
        // Nobody away at the start; 80,000 stayers of each kind per case.
        //   motivation 0.5, off dibao: × 1.0 → 0.0306 and 0.0611
        //   motivation 1.0, off dibao: × 1.5 → 0.0459 and 0.09165
        //   motivation 0.5, on dibao:  × 0.8 → 0.02448 and 0.04888
        //   motivation 0.0, on dibao:  × 0.4 → 0.01224 and 0.02444
        let cases: [(Float, HouseholdFlags, Double)] = [(0.5, [], 1.0), (1, [], 1.5), (0.5, .onDibao, 0.8), (0, .onDibao, 0.4)]
        for (motivation, flags, factor) in cases {
            let result = migrantShare(market(), general: 4, skilled: 4, motivation: motivation, flags: flags)
            assertShare(result.general, of: 80_000, near: 0.0306 * factor, "general starting, motivation \(motivation) \(flags)")
            assertShare(result.skilled, of: 80_000, near: 0.0611 * factor, "skilled starting, motivation \(motivation) \(flags)")
        }
    }

    func testStartingProbabilityIsCappedAtOne() {
        // 0.9 × (0.5 + 1) = 1.35 → 1: everyone at home leaves.
        let phase = market { $0.migration.startGeneral = 0.9; $0.migration.startSkilled = 0.9 }
        let result = migrantShare(phase, general: 3, skilled: 2, motivation: 1, n: 500)
        XCTAssertEqual(result.general, 1_500)
        XCTAssertEqual(result.skilled, 1_000)
    }

    func testWagesArithmetic() {
        // Earnings factor 1.2, wage multiplier 0.8, no noise, migration frozen.
        // General 3 (1 away), skilled 2 (1 away), weak 1, elderly 2, disabled 1.
        //   migrant pay at multiplier 1: (16,800 + 34,200) × 1.2 = 61,200
        //   at home: (2 × 6,000 + 1 × 9,000 + 1 × 2,000) × 1.2 = 27,600
        //   wages = 61,200 × 0.8 + 27,600 = 76,560; expected wages (multiplier 1) = 88,800
        //   pensions and subsidies = 2 × 1,300 + 1,200 = 3,800
        var household = makeHousehold(
            general: 3, skilled: 2, weak: 1, elderly: 2, disabled: 1, generalMigrants: 1, skilledMigrants: 1,
            earningsFactor: 1.2)
        var year = makeYear(wageMultiplier: 0.8)
        frozen().run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(household.generalMigrants, 1)
        XCTAssertEqual(household.skilledMigrants, 1)
        let relative = 1e-6
        XCTAssertEqual(year.migrantPayAtUnitMultiplier, 61_200, accuracy: 61_200 * relative)
        XCTAssertEqual(year.wages, 76_560, accuracy: 76_560 * relative)
        XCTAssertEqual(year.expectedWages, 88_800, accuracy: 88_800 * relative)
        XCTAssertEqual(year.pensionsAndSubsidies, 3_800, accuracy: 1e-9)
        XCTAssertEqual(year.lostEarnings, 0)
    }

    func testLostEarningsArithmetic() {
        // Same household, 3 stays of which 2 workers: 2 × 3 + 1 × 1 = 7 months; 6 workers: wages per worker-month
        // 76,560 / 72 = 1,063.33; lost 7 × 1,063.33 = 7,443.33; wages 69,116.67. Expected wages ignore illness.
        var household = makeHousehold(
            general: 3, skilled: 2, weak: 1, elderly: 2, disabled: 1, generalMigrants: 1, skilledMigrants: 1,
            earningsFactor: 1.2)
        var year = makeYear(wageMultiplier: 0.8)
        year.hospitalStays = 3
        year.hospitalisedWorkers = 2
        frozen().run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.lostEarnings, 7 * 76_560 / 72, accuracy: 1e-2)
        XCTAssertEqual(year.wages, 76_560 - 7 * 76_560 / 72, accuracy: 1e-2)
        XCTAssertEqual(year.expectedWages, 88_800, accuracy: 1e-1)
    }

    func testLostEarningsNeverExceedWages() {
        // One worker, 12 stays of which 1 worker: 3 + 11 = 14 months > 12: lost = all wages.
        var household = makeHousehold(general: 1, elderly: 11)
        var year = makeYear()
        year.hospitalStays = 12
        year.hospitalisedWorkers = 1
        frozen().run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.lostEarnings, 6_000, accuracy: 1e-9)
        XCTAssertEqual(year.wages, 0, accuracy: 1e-9)
        // No workers: nothing to lose.
        var dependants = makeHousehold(elderly: 2)
        var year2 = makeYear()
        year2.hospitalStays = 2
        frozen().run(&dependants, &year2, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year2.lostEarnings, 0)
        XCTAssertEqual(year2.wages, 0)
        XCTAssertEqual(year2.pensionsAndSubsidies, 2_600)
    }

    func testLostEarningsBoundedOverRandomHouseholds() {
        let phase = market()
        let stream = makeStream()
        for (index, start) in dongxiangHouseholds(3_000).enumerated() {
            var household = start
            var year = makeYear(wageMultiplier: index % 3 == 0 ? 0.6 : 1)
            year.hospitalStays = index % 5
            year.hospitalisedWorkers = min(year.hospitalStays, household.workers, index % 3)
            phase.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertGreaterThanOrEqual(year.lostEarnings, 0)
            XCTAssertLessThanOrEqual(year.lostEarnings, year.wages + year.lostEarnings + 1e-9)
            XCTAssertGreaterThanOrEqual(year.wages, -1e-9)
            XCTAssertTrue(year.wages.isFinite)
        }
    }

    func testPayNoiseIsLognormalTenPercent() {
        // One general migrant who stays: ln(migrant pay / 16,800) has mean 0 and sd 0.1.
        let phase = market { $0.migration.stayProbability = 1 }
        let stream = makeStream()
        var logNoise = Sample()
        for index in 0..<20_000 {
            var household = makeHousehold(general: 1, generalMigrants: 1)
            var year = makeYear()
            phase.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertEqual(year.expectedWages, 16_800, accuracy: 1e-9, "expected wages carry no noise")
            logNoise.add((year.migrantPayAtUnitMultiplier / 16_800).logarithm)
        }
        assertMean(logNoise, near: 0, "ln pay noise")
        assertStandardDeviation(logNoise, near: 0.1, "ln pay noise")
    }

    func testReproducible() {
        let phase = market()
        for index in 0..<200 {
            var h1 = makeHousehold(general: 3, skilled: 1, generalMigrants: 1, motivation: 0.7), h2 = h1
            var y1 = makeYear(), y2 = makeYear()
            phase.run(&h1, &y1, key: testKey(index), stream: makeStream())
            phase.run(&h2, &y2, key: testKey(index), stream: makeStream())
            XCTAssertEqual(h1, h2)
            XCTAssertEqual(fields(y1), fields(y2))
        }
    }
}

private extension Double {
    var logarithm: Double { Foundation.log(self) }
}
