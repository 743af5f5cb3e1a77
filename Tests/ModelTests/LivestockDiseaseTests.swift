import XCTest

@testable import Model
import Randomness

/// Endemic livestock disease (MODEL.md §4 step 5): every livestock household is hit with probability 0.08 a year and
/// loses Beta(1, 3) of its livestock income (mean 0.25), compounding with earlier losses.
final class LivestockDiseaseTests: XCTestCase {
    private let disease = LivestockDisease(LivestockDiseaseParameters())

    private func farmed(_ kind: LivestockKind, herd: Int) -> (Household, HouseholdYear) {
        var household = makeHousehold(general: 2, land: 4, livestock: kind, herd: herd)
        var year = makeYear(price: 0.9)
        Farming(FarmingParameters(), relocation: RelocationParameters())
            .run(&household, &year, key: testKey(0), stream: makeStream())
        return (household, year)
    }

    func testHitShareAndLossShareForEveryKind() {
        // 0.08 hit share (binomial standard error) and mean loss share 1 / 4 (Beta(1, 3), sd √(3 / 80) = 0.194),
        // over 8,000 households of each kind.
        let stream = makeStream()
        var hits = 0, trials = 0
        var lossShare = Sample()
        for (kind, herd) in [(LivestockKind.poultry, 1), (.cattle, 3), (.sheep, 15)] {
            var kindHits = 0
            for index in 0..<8_000 {
                var (household, year) = farmed(kind, herd: herd)
                let before = year.livestockIncome
                disease.run(&household, &year, key: testKey(index), stream: stream)
                trials += 1
                guard year.epizooticLoss > 0 else { continue }
                hits += 1
                kindHits += 1
                lossShare.add(year.epizooticLoss / before)
                XCTAssertEqual(year.livestockIncome + year.epizooticLoss, before, accuracy: 1e-6)
                XCTAssertEqual(year.cropIncome, 4 * 212 * 0.9, accuracy: 1e-6, "crops are untouched")
            }
            assertShare(kindHits, of: 8_000, near: 0.08, "\(kind) households hit")
        }
        assertShare(hits, of: trials, near: 0.08, "livestock households hit")
        assertMean(lossShare, near: 0.25, "disease loss share")
        assertStandardDeviation(lossShare, near: (3.0 / 80).squareRoot(), "disease loss share (Beta(1, 3))")
    }

    func testNoLivestockNoDisease() {
        let stream = makeStream()
        for index in 0..<2_000 {
            var (household, year) = farmed(.none, herd: 0)
            disease.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertEqual(year.epizooticLoss, 0)
            // A kind with an empty herd has no income to lose either.
            var (household2, year2) = farmed(.cattle, herd: 0)
            disease.run(&household2, &year2, key: testKey(index), stream: stream)
            XCTAssertEqual(year2.epizooticLoss, 0)
        }
    }

    func testAddsToAvianFluLoss() {
        // Loss of the remaining livestock income is added to the epizootic loss already recorded.
        let stream = makeStream()
        var compounded = 0
        for index in 0..<3_000 {
            var (household, year) = farmed(.poultry, herd: 1)
            year.countyOutbreak = true
            AvianFlu(AvianFluParameters()).run(&household, &year, key: testKey(index), stream: stream)
            let flu = year.epizooticLoss, left = year.livestockIncome
            disease.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertEqual(year.epizooticLoss - flu, left - year.livestockIncome, accuracy: 1e-6)
            XCTAssertEqual(year.epizooticLoss + year.livestockIncome, 4_000 * 0.9, accuracy: 1e-6)
            if flu > 0 && year.epizooticLoss > flu { compounded += 1 }
        }
        XCTAssertGreaterThan(compounded, 20)
    }

    func testReproducible() {
        for index in 0..<100 {
            var (h1, y1) = farmed(.cattle, herd: 3)
            var (h2, y2) = farmed(.cattle, herd: 3)
            disease.run(&h1, &y1, key: testKey(index), stream: makeStream())
            disease.run(&h2, &y2, key: testKey(index), stream: makeStream())
            XCTAssertEqual(fields(y1), fields(y2))
        }
    }
}
