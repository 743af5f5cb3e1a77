import Engine
import XCTest

/// MODEL.md §7: mean and 95 % interval mean ± t₀.₉₇₅,R−1·sd/√R with sd over R − 1; no interval with one replicate.
final class ReplicateStatisticsTests: XCTestCase {
    func testIntervalFromHandComputedValues() {
        // values 1, 2, 3, 6: mean 3, sd = √(((−2)² + (−1)² + 0 + 3²) / 3) = √(14/3), half width t₀.₉₇₅,₃·sd/2
        // with t₀.₉₇₅,₃ = 3.182446305 (tables of Student's t).
        let estimate = ReplicateEstimate([1, 2, 3, 6])
        let half = 3.182446305284263 * (14.0 / 3.0).squareRoot() / 2
        XCTAssertEqual(estimate.mean, 3)
        XCTAssertEqual(estimate.lower!, 3 - half, accuracy: 1e-12)
        XCTAssertEqual(estimate.upper!, 3 + half, accuracy: 1e-12)
        XCTAssertEqual(estimate.replicates, 4)
    }

    /// Two replicates: one degree of freedom, t₀.₉₇₅,₁ = tan(0.475π) = 12.7062047, not 1.96 (issue 17).
    func testTwoReplicatesUseTWithOneDegreeOfFreedom() {
        let estimate = ReplicateEstimate([0.25, 0.35])
        let t1 = tan(0.475 * Double.pi)  // the Cauchy quantile: t with one degree of freedom in closed form
        XCTAssertEqual(t1, 12.706204736174707, accuracy: 1e-9)
        let half = t1 * (0.005 as Double).squareRoot() / 2.squareRoot()  // sd of (0.25, 0.35) is √0.005
        XCTAssertEqual(estimate.lower!, 0.3 - half, accuracy: 1e-9)
        XCTAssertEqual(estimate.upper!, 0.3 + half, accuracy: 1e-9)
        XCTAssertEqual((estimate.upper! - estimate.lower!) / 2, 12.706 * 0.05, accuracy: 1e-4)
    }

    func testMultiplierApproachesTheNormalQuantile() {
        XCTAssertEqual(ReplicateEstimate.multiplier(replicates: 10), 2.262157163, accuracy: 1e-8)
        XCTAssertEqual(ReplicateEstimate.multiplier(replicates: 31), 2.042272456, accuracy: 1e-8)
        XCTAssertEqual(ReplicateEstimate.multiplier(replicates: 100_001), 1.959985, accuracy: 1e-5)
        XCTAssertTrue(ReplicateEstimate.multiplier(replicates: 1).isNaN)
    }

    func testOneReplicateHasNoInterval() {
        let estimate = ReplicateEstimate([0.25])
        XCTAssertEqual(estimate.mean, 0.25)
        XCTAssertNil(estimate.lower)
        XCTAssertNil(estimate.upper)
    }

    func testUndefinedReplicatesAreLeftOut() {
        let estimate = ReplicateEstimate([nil, 4, nil, 6])
        XCTAssertEqual(estimate.mean, 5)
        XCTAssertEqual(estimate.replicates, 2)
        XCTAssertTrue(ReplicateEstimate([nil, nil]).mean.isNaN)
    }
}
