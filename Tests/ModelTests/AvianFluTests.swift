import XCTest

@testable import Model
import Randomness

/// Avian flu (MODEL.md §4 steps 1 and 5; `000` case 6): an outbreak per county ~ Bernoulli(0.08) (all counties in a
/// forced year); a poultry household in an outbreak county is hit with probability 0.6, losing Beta(3, 2) of its
/// poultry income, after any flood loss (losses compound).
final class AvianFluTests: XCTestCase {
    private let avianFlu = AvianFlu(AvianFluParameters())

    private func farmed(_ kind: LivestockKind, herd: Int, outbreak: Bool, flooded: Bool = false)
        -> (Household, HouseholdYear)
    {
        var household = makeHousehold(general: 2, land: 5, livestock: kind, herd: herd)
        var year = makeYear(flooded: flooded, outbreak: outbreak)
        Farming(FarmingParameters(), relocation: RelocationParameters())
            .run(&household, &year, key: testKey(0), stream: makeStream())
        return (household, year)
    }

    func testOnlyPoultryInAnOutbreakCountyIsHit() {
        let stream = makeStream()
        for index in 0..<3_000 {
            for (kind, herd, outbreak) in [
                (LivestockKind.poultry, 1, false), (.cattle, 3, true), (.sheep, 12, true), (.none, 0, true),
            ] {
                var (household, year) = farmed(kind, herd: herd, outbreak: outbreak)
                let before = year.livestockIncome
                avianFlu.run(&household, &year, key: testKey(index), stream: stream)
                XCTAssertEqual(year.epizooticLoss, 0, "\(kind), outbreak \(outbreak)")
                XCTAssertEqual(year.livestockIncome, before)
            }
        }
    }

    func testHitShareAndLossShare() {
        // Hit share 0.6 of poultry households in an outbreak county; mean loss share 3 / 5 = 0.6 (Beta(3, 2), sd 0.2).
        let stream = makeStream()
        let n = 20_000
        var hits = 0
        var lossShare = Sample()
        for index in 0..<n {
            var (household, year) = farmed(.poultry, herd: 1, outbreak: true)
            avianFlu.run(&household, &year, key: testKey(index), stream: stream)
            guard year.epizooticLoss > 0 else { continue }
            hits += 1
            lossShare.add(year.epizooticLoss / 4_000)
            XCTAssertEqual(year.livestockIncome + year.epizooticLoss, 4_000, accuracy: 1e-6)
            XCTAssertEqual(year.cropIncome, 5 * 212, accuracy: 1e-6, "crops are untouched")
        }
        assertShare(hits, of: n, near: 0.6, "poultry households hit in an outbreak county")
        assertMean(lossShare, near: 0.6, "avian-flu loss share")
        assertStandardDeviation(lossShare, near: 0.2, "avian-flu loss share (Beta(3, 2))")
    }

    func testLossesCompoundAfterAFlood() {
        // Flood takes share f of 4,000, avian flu share a of what is left: income 4,000 (1 − f)(1 − a),
        // epizootic loss 4,000 (1 − f) a.
        let stream = makeStream()
        var both = 0
        for index in 0..<2_000 {
            var (household, year) = farmed(.poultry, herd: 1, outbreak: true, flooded: true)
            Flood(FloodParameters()).run(&household, &year, key: testKey(index), stream: stream)
            let afterFlood = year.livestockIncome
            avianFlu.run(&household, &year, key: testKey(index), stream: stream)
            XCTAssertEqual(year.livestockIncome + year.epizooticLoss, afterFlood, accuracy: 1e-6)
            if year.floodLoss > 0 && year.epizooticLoss > 0 {
                both += 1
                XCTAssertLessThan(afterFlood, 4_000)
            }
        }
        XCTAssertGreaterThan(both, 50)
    }

    func testEpizooticLossAccumulates() {
        let (household, farmedYear) = farmed(.poultry, herd: 1, outbreak: true)
        var year = farmedYear
        year.epizooticLoss = 100
        let stream = makeStream()
        for index in 0..<100 {
            var y = year, h = household
            avianFlu.run(&h, &y, key: testKey(index), stream: stream)
            XCTAssertEqual(y.epizooticLoss - 100, 4_000 - y.livestockIncome, accuracy: 1e-6)
        }
    }

    func testCountyOutbreakProbabilityAndForcedYear() {
        var parameters = AvianFluParameters()
        parameters.forcedYear = 3
        let forced = AvianFlu(parameters)
        let stream = makeStream()
        let counties = 20_000
        var outbreaks = [0, 0, 0, 0]
        for year in 0..<4 {
            for county in 0..<counties {
                stream.reseed(
                    StreamKey(testSeed, StreamPurpose.outbreakCovariate.rawValue, 0, UInt64(year), UInt64(county)))
                if forced.countyOutbreak(year: year, stream: stream) { outbreaks[year] += 1 }
            }
        }
        assertShare(outbreaks[0], of: counties, near: 0.08, "year 0")
        assertShare(outbreaks[1], of: counties, near: 0.08, "year 1")
        assertShare(outbreaks[2], of: counties, near: 0.08, "year 2")
        XCTAssertEqual(outbreaks[3], counties, "forced year: every county")
    }

    func testReproducible() {
        for index in 0..<100 {
            var (h1, y1) = farmed(.poultry, herd: 1, outbreak: true)
            var (h2, y2) = farmed(.poultry, herd: 1, outbreak: true)
            avianFlu.run(&h1, &y1, key: testKey(index), stream: makeStream())
            avianFlu.run(&h2, &y2, key: testKey(index), stream: makeStream())
            XCTAssertEqual(fields(y1), fields(y2))
        }
    }
}
