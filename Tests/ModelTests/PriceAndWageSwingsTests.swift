import Foundation
import XCTest

@testable import Model
import Randomness

/// Price and wage swings (MODEL.md §4 step 1): a county price multiplier ~ Lognormal(0, 0.15) a year; a wage
/// multiplier per year, 1 unless a schedule gives it.
final class PriceAndWageSwingsTests: XCTestCase {
    func testCountyPriceIsLognormal() {
        // ln(price) has mean 0 and sd 0.15 over 20,000 county-years.
        let swings = PriceAndWageSwings(prices: PriceParameters(), wages: WageParameters())
        let stream = makeStream()
        var logPrice = Sample()
        for county in 0..<20_000 {
            stream.reseed(StreamKey(testSeed, StreamPurpose.priceCovariate.rawValue, 0, 1, UInt64(county)))
            let price = swings.countyPrice(stream: stream)
            XCTAssertGreaterThan(price, 0)
            logPrice.add(log(price))
        }
        assertMean(logPrice, near: 0, "ln price")
        assertStandardDeviation(logPrice, near: 0.15, "ln price")
    }

    func testSigmaZeroGivesPriceOne() {
        var prices = PriceParameters()
        prices.sigma = 0
        let swings = PriceAndWageSwings(prices: prices, wages: WageParameters())
        let stream = makeStream()
        for county in 0..<100 {
            stream.reseed(mixedKey: UInt64(county))
            XCTAssertEqual(swings.countyPrice(stream: stream), 1)
        }
    }

    func testReproducible() {
        let swings = PriceAndWageSwings(prices: PriceParameters(), wages: WageParameters())
        let key = StreamKey(testSeed, StreamPurpose.priceCovariate.rawValue, 0, 3, 17)
        let a = swings.countyPrice(stream: try! RandomStream(key: key))
        let b = swings.countyPrice(stream: try! RandomStream(key: key))
        XCTAssertEqual(a, b)
    }

    func testWageScheduleStartsInYearOne() {
        var wages = WageParameters()
        wages.schedule = [0.8, 0.9]
        let swings = PriceAndWageSwings(prices: PriceParameters(), wages: wages)
        XCTAssertEqual(swings.wageMultiplier(year: 0), 1)
        XCTAssertEqual(swings.wageMultiplier(year: 1), 0.8)
        XCTAssertEqual(swings.wageMultiplier(year: 2), 0.9)
        XCTAssertEqual(swings.wageMultiplier(year: 3), 1)
        let reference = PriceAndWageSwings(prices: PriceParameters(), wages: WageParameters())
        for year in 0...5 { XCTAssertEqual(reference.wageMultiplier(year: year), 1, "reference year \(year)") }
    }

    func testPriceReachesCropsAndWageMultiplierReachesOnlyMigrants() {
        // Price 0.7 on 10 mu (2,120) and 2 cattle (5,000): 4,984. Wage multiplier 0.5 on one general migrant
        // (16,800 → 8,400), not on one general labourer at home (6,000): wages 14,400.
        var household = makeHousehold(general: 2, generalMigrants: 1, land: 10, livestock: .cattle, herd: 2)
        var year = makeYear(price: 0.7, wageMultiplier: 0.5)
        Farming(FarmingParameters(), relocation: RelocationParameters())
            .run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.cropIncome + year.livestockIncome, 4_984, accuracy: 1e-9)
        var economy = EconomyParameters()
        economy.migrantWork.payNoiseSigma = 0
        economy.migration.stayProbability = 1
        economy.migration.startGeneral = 0
        LabourMarket(economy).run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.wages, 14_400, accuracy: 1e-6)
        XCTAssertEqual(year.migrantPayAtUnitMultiplier, 16_800, accuracy: 1e-6)
    }
}
