import Engine
import XCTest

/// MODEL.md §1: mean and 95 % interval mean ± 1.96·sd/√R with sd over R − 1; no interval with one replicate.
final class ReplicateStatisticsTests: XCTestCase {
    func testIntervalFromHandComputedValues() {
        // values 1, 2, 3, 6: mean 3, sd = √(((−2)² + (−1)² + 0 + 3²) / 3) = √(14/3), half width 1.96·sd/2.
        let estimate = ReplicateEstimate([1, 2, 3, 6])
        let half = 1.96 * (14.0 / 3.0).squareRoot() / 2
        XCTAssertEqual(estimate.mean, 3)
        XCTAssertEqual(estimate.lower!, 3 - half, accuracy: 1e-12)
        XCTAssertEqual(estimate.upper!, 3 + half, accuracy: 1e-12)
        XCTAssertEqual(estimate.replicates, 4)
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
