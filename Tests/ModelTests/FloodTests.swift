import XCTest

@testable import Model
import Randomness

/// Floods (MODEL.md §4 steps 1 and 5): a village floods with probability 0.05 (or is forced in a share 0.3 of villages
/// in a forced year); in a flooded village 0.30 of the households are hit, losing Beta(2, 3) of crop and livestock
/// income.
final class FloodTests: XCTestCase {
    private let flood = Flood(FloodParameters())

    /// A farm with crops 2,120 and livestock 7,500 at price 1 (10 mu, 3 cattle), after the farming phase.
    private func farmedYear(flooded: Bool, price: Double = 1) -> (Household, HouseholdYear) {
        var household = makeHousehold(general: 2, land: 10, livestock: .cattle, herd: 3)
        var year = makeYear(price: price, flooded: flooded)
        Farming(FarmingParameters(), relocation: RelocationParameters())
            .run(&household, &year, key: testKey(0), stream: makeStream())
        return (household, year)
    }

    func testNoFloodNoLoss() {
        let stream = makeStream()
        for index in 0..<2_000 {
            var (household, year) = farmedYear(flooded: false)
            flood.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertEqual(year.floodLoss, 0)
            XCTAssertEqual(year.cropIncome, 2_120, accuracy: 1e-9)
            XCTAssertEqual(year.livestockIncome, 7_500, accuracy: 1e-9)
        }
    }

    func testHitShareAndLossShareInAFloodedVillage() {
        // Hit share 0.30 (binomial standard error); mean loss share 2 / 5 = 0.4 among the hit (sample standard error;
        // Beta(2, 3) has sd 0.2).
        let stream = makeStream()
        let n = 20_000
        var hits = 0
        var lossShare = Sample()
        for index in 0..<n {
            var (household, year) = farmedYear(flooded: true, price: 1.1)
            let before = year.cropIncome + year.livestockIncome
            flood.run(&household, &year, key: testKey(index), stream: stream)
            guard year.floodLoss > 0 else { continue }
            hits += 1
            let share = year.floodLoss / before
            lossShare.add(share)
            // Both incomes lose the same share, and the loss is what they lost.
            XCTAssertEqual(year.cropIncome, 2_120 * 1.1 * (1 - share), accuracy: 1e-6)
            XCTAssertEqual(year.livestockIncome, 7_500 * 1.1 * (1 - share), accuracy: 1e-6)
            XCTAssertEqual(year.cropIncome + year.livestockIncome + year.floodLoss, before, accuracy: 1e-6)
            // Values at price 1 and the production cost are those before the loss.
            XCTAssertEqual(year.cropValueAtUnitPrice, 2_120, accuracy: 1e-9)
            XCTAssertEqual(year.productionCost, 0.3 * 2_120 * 1.1, accuracy: 1e-9)
        }
        assertShare(hits, of: n, near: 0.30, "households hit in a flooded village")
        assertMean(lossShare, near: 0.4, "flood loss share")
        assertStandardDeviation(lossShare, near: 0.2, "flood loss share (Beta(2, 3))")
    }

    func testReproducible() {
        for index in 0..<100 {
            var (h1, y1) = farmedYear(flooded: true)
            var (h2, y2) = farmedYear(flooded: true)
            flood.run(&h1, &y1, key: testKey(index), stream: makeStream())
            flood.run(&h2, &y2, key: testKey(index), stream: makeStream())
            XCTAssertEqual(fields(y1), fields(y2))
        }
    }

    func testVillageFloodProbabilityAndForcedYear() {
        // Covariate: Bernoulli(0.05) per village and year; in the forced year a village floods with the forced share
        // 0.3 *instead of* 0.05 (MODEL.md §7), not 1 − 0.95 × 0.7 = 0.335. Year 0 is never forced (forcedYear 0 = none).
        var parameters = FloodParameters()
        parameters.forcedYear = 2
        let forced = Flood(parameters)
        let stream = makeStream(), forcedStream = makeStream()
        let villages = 20_000
        var floodedByYear = [0, 0, 0, 0]
        for year in 0..<4 {
            for village in 0..<villages {
                stream.reseed(StreamKey(testSeed, StreamPurpose.floodCovariate.rawValue, 0, UInt64(year), UInt64(village)))
                forcedStream.reseed(
                    StreamKey(testSeed, StreamPurpose.forcedFloodCovariate.rawValue, 0, UInt64(year), UInt64(village)))
                if forced.villageFloods(year: year, stream: stream, forcedStream: forcedStream) {
                    floodedByYear[year] += 1
                }
            }
        }
        assertShare(floodedByYear[0], of: villages, near: 0.05, "year 0")
        assertShare(floodedByYear[1], of: villages, near: 0.05, "year 1")
        assertShare(floodedByYear[2], of: villages, near: 0.3, "forced year 2")
        assertShare(floodedByYear[3], of: villages, near: 0.05, "year 3")
    }

    func testProbabilityZeroSwitchesFloodsOff() {
        var parameters = FloodParameters()
        parameters.probability = 0
        let off = Flood(parameters)
        let stream = makeStream(), forcedStream = makeStream()
        for village in 0..<1_000 {
            stream.reseed(mixedKey: UInt64(village))
            forcedStream.reseed(mixedKey: UInt64(village) &+ 1_000_000)
            XCTAssertFalse(off.villageFloods(year: 1, stream: stream, forcedStream: forcedStream))
        }
    }
}
