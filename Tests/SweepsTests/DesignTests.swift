import Randomness
import XCTest

@testable import Sweeps

/// Point order, shards, per-point seeds and the Latin-hypercube sample.
final class DesignTests: XCTestCase {
    func testFactorialOrderHasTheFirstKeySlowest() throws {
        let design = try SweepDesign.make(
            grid: [try GridArgument.parse("a.x=1,2,3"), try GridArgument.parse("b.y=p,q")], sample: nil, seed: 1)
        XCTAssertEqual(design.pointCount, 6)
        XCTAssertEqual(design.keyPaths, ["a.x", "b.y"])
        XCTAssertEqual(
            try design.values(), [["1", "p"], ["1", "q"], ["2", "p"], ["2", "q"], ["3", "p"], ["3", "q"]])
    }

    func testShardsAreDisjointAndCoverEveryPoint() throws {
        for count in 1...7 {
            let shards = try (0..<count).map { try Shard.parse("\($0)/\(count)") }
            for point in 0..<50 {
                XCTAssertEqual(shards.filter { $0.contains(point: point) }.count, 1, "point \(point) of \(count) shards")
            }
        }
    }

    func testPointSeedIsTheDocumentedMixOfSeedAndIndex() {
        XCTAssertEqual(PointSeed.derive(seed: 7, point: 3), StreamKey(7, 200, 3).mixed & (1 << 53 - 1))
        // Below 2^53, so exact in any reader that parses numbers as doubles (issue 17).
        for point in 0..<1000 {
            let seed = PointSeed.derive(seed: .max, point: point)
            XCTAssertLessThan(seed, 1 << 53)
            XCTAssertEqual(UInt64(exactly: Double(seed)), seed)
        }
        let seeds = Set((0..<1000).map { PointSeed.derive(seed: 7, point: $0) })
        XCTAssertEqual(seeds.count, 1000)
        XCTAssertNotEqual(PointSeed.derive(seed: 7, point: 0), PointSeed.derive(seed: 8, point: 0))
    }

    /// The defining property: in every dimension each of the N strata [k/N, (k+1)/N) holds exactly one point.
    func testLatinHypercubeFillsEveryStratumOnceInEveryDimension() throws {
        for (samples, dimensions) in [(1, 1), (10, 3), (97, 5)] {
            let points = try LatinHypercube.fractions(samples: samples, dimensions: dimensions, seed: 11, generator: .taus2)
            XCTAssertEqual(points.count, samples)
            for dimension in 0..<dimensions {
                let strata = points.map { Int(($0[dimension] * Double(samples)).rounded(.down)) }
                XCTAssertEqual(strata.sorted(), Array(0..<samples), "dimension \(dimension) of \(samples)")
            }
        }
    }

    func testLatinHypercubeIsReproducibleFromItsSeed() throws {
        let a = try LatinHypercube.fractions(samples: 20, dimensions: 2, seed: 5, generator: .taus2)
        XCTAssertEqual(a, try LatinHypercube.fractions(samples: 20, dimensions: 2, seed: 5, generator: .taus2))
        XCTAssertNotEqual(a, try LatinHypercube.fractions(samples: 20, dimensions: 2, seed: 6, generator: .taus2))
    }

    /// Within a stratum a point is uniform: over many samples the mean offset inside the strata is 1/2 with
    /// standard error sqrt(1/12 / n); the test allows 5 standard errors.
    func testLatinHypercubePointsAreUniformWithinTheirStrata() throws {
        let samples = 4000
        let points = try LatinHypercube.fractions(samples: samples, dimensions: 2, seed: 3, generator: .taus2)
        for dimension in 0..<2 {
            let offsets = points.map { $0[dimension] * Double(samples) - ($0[dimension] * Double(samples)).rounded(.down) }
            let mean = offsets.reduce(0, +) / Double(samples)
            XCTAssertEqual(mean, 0.5, accuracy: 5 * (1.0 / 12 / Double(samples)).squareRoot())
        }
        // Dimensions are paired by independent permutations: the correlation of strata is near 0 (sd 1/sqrt(n)).
        let x = points.map { $0[0] - 0.5 }, y = points.map { $0[1] - 0.5 }
        let correlation = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / (Double(samples) / 12)
        XCTAssertEqual(correlation, 0, accuracy: 5 / Double(samples).squareRoot())
    }

    func testSampledValuesStayInTheirRangeAndRoundWholeNumbers() throws {
        let design = try SweepDesign.make(
            grid: [try GridArgument.parse("a.x=4000..6000"), try GridArgument.parse("b.y=0.01..0.2")], sample: 50, seed: 9)
        let values = try design.values()
        XCTAssertEqual(values.count, 50)
        for row in values {
            let whole = try XCTUnwrap(Int(row[0]))
            XCTAssertTrue((4000...6000).contains(whole))
            let fraction = try XCTUnwrap(Double(row[1]))
            XCTAssertTrue(fraction >= 0.01 && fraction <= 0.2)
        }
    }
}
