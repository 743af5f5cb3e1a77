import XCTest

@testable import Model
import Randomness

/// Villages of 250–800 households, 100 villages a county (MODEL.md §3), drawn in order from one keyed stream.
final class VillageLayoutTests: XCTestCase {
    private func layout(_ households: Int, seed: UInt64 = testSeed, generator: GeneratorKind = .taus2) -> VillageLayout {
        try! VillageLayout(households: households, parameters: VillageParameters(), seed: seed, generator: generator)
    }

    func testVillageSizesWithinBounds() {
        // Every village but the last (cut by the end of the population) has 250–800 households; sizes are uniform on
        // those 551 values: mean 525, sd √((551² − 1) / 12) = 159.06.
        let households = 2_000_000
        let l = layout(households)
        XCTAssertEqual(l.firstHousehold.first, 0)
        var sizes = Sample()
        var seen = Set<Int>()
        for v in 0..<(l.villageCount - 1) {
            let size = l.firstHousehold[v + 1] - l.firstHousehold[v]
            XCTAssertTrue((250...800).contains(size), "village \(v) has \(size) households")
            sizes.add(Double(size))
            seen.insert(size)
        }
        let last = households - l.firstHousehold[l.villageCount - 1]
        XCTAssertTrue((1...800).contains(last))
        assertMean(sizes, near: 525, "village size")
        assertStandardDeviation(sizes, near: ((551.0 * 551 - 1) / 12).squareRoot(), "village size")
        // Both ends are reached among the ~3,800 villages (each of the 551 sizes has probability 1/551).
        XCTAssertTrue(seen.contains(250), "the lower end is reached")
        XCTAssertTrue(seen.contains(800), "the upper end is reached")
    }

    func testLayoutOfASharedPrefixDoesNotDependOnThePopulationSize() {
        let small = layout(50_000), large = layout(1_000_000)
        XCTAssertEqual(Array(large.firstHousehold.prefix(small.villageCount)), small.firstHousehold)
        for index in stride(from: 0, to: 50_000, by: 97) {
            XCTAssertEqual(small.village(ofHousehold: index), large.village(ofHousehold: index))
        }
        XCTAssertEqual(small.households, 50_000)
    }

    func testVillageOfHousehold() {
        let l = layout(200_000)
        XCTAssertEqual(l.village(ofHousehold: 0), 0)
        XCTAssertEqual(l.village(ofHousehold: 199_999), l.villageCount - 1)
        for index in stride(from: 0, to: 200_000, by: 37) {
            let v = l.village(ofHousehold: index)
            XCTAssertLessThanOrEqual(l.firstHousehold[v], index)
            if v + 1 < l.villageCount { XCTAssertLessThan(index, l.firstHousehold[v + 1]) }
        }
        // Around every boundary.
        for v in 1..<l.villageCount {
            XCTAssertEqual(l.village(ofHousehold: l.firstHousehold[v]), v)
            XCTAssertEqual(l.village(ofHousehold: l.firstHousehold[v] - 1), v - 1)
        }
    }

    func testCountyIsVillageOverHundred() {
        let l = layout(1_000_000)
        XCTAssertEqual(l.villagesPerCounty, 100)
        for v in [0, 1, 99, 100, 101, 199, 200, 1_234] { XCTAssertEqual(l.county(ofVillage: v), v / 100) }
        XCTAssertEqual(l.countyCount, (l.villageCount + 99) / 100)
        XCTAssertEqual(l.county(ofVillage: l.villageCount - 1), l.countyCount - 1)
    }

    func testSeedsAndReproducibility() {
        XCTAssertEqual(layout(100_000).firstHousehold, layout(100_000).firstHousehold)
        XCTAssertNotEqual(layout(100_000).firstHousehold, layout(100_000, seed: testSeed + 1).firstHousehold)
        // The stream is keyed by (seed, villages).
        let stream = try! RandomStream(key: StreamKey(testSeed, StreamPurpose.villages.rawValue))
        let first = 250 + stream.uniformInt(below: 551)
        XCTAssertEqual(layout(100_000).firstHousehold[1], first)
    }

    func testSmallPopulations() {
        let one = layout(1)
        XCTAssertEqual(one.firstHousehold, [0])
        XCTAssertEqual(one.countyCount, 1)
        let none = layout(0)
        XCTAssertEqual(none.villageCount, 1)
        XCTAssertEqual(none.village(ofHousehold: 0), 0)
    }
}
