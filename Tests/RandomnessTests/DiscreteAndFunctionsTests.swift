import XCTest
@testable import Randomness

/// `DiscreteDistribution` validation and probabilities, and the GSL functions that are not draws.
final class DiscreteAndFunctionsTests: XCTestCase {
    private func assertInvalid(_ weights: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try DiscreteDistribution(weights: weights), "weights \(weights) accepted",
                             file: file, line: line) { error in
            guard case RandomnessError.invalidParameters = error else {
                return XCTFail("weights \(weights) threw \(error), not invalidParameters", file: file, line: line)
            }
        }
    }

    func testInvalidWeightsThrowInvalidParameters() {
        assertInvalid([])
        assertInvalid([0, 0])
        assertInvalid([-1, 2])
        assertInvalid([.nan])
        assertInvalid([1, .nan])
        assertInvalid([.infinity, 1])
        assertInvalid([-0.0, 0])
    }

    func testProbabilitiesAreNormalisedWeights() throws {
        for weights in [[0.30, 0.45, 0.15, 0.10], [3, 0, 1, 6], [1], [1e-3, 2e-3, 7e-3], [5, 5, 5, 5, 5, 5, 5]] {
            let table = try DiscreteDistribution(weights: weights)
            XCTAssertEqual(table.weights, weights)
            let total = weights.reduce(0, +)
            for (k, weight) in weights.enumerated() {
                XCTAssertEqual(table.probability(of: k), weight / total, accuracy: 1e-12, "P(\(k)) for \(weights)")
            }
        }
    }

    func testStandardNormalCDF() {
        XCTAssertEqual(GSLFunctions.standardNormalCDF(0), 0.5, accuracy: 1e-15)
        XCTAssertEqual(GSLFunctions.standardNormalCDF(1.959963984540054), 0.975, accuracy: 1e-12)
        XCTAssertEqual(GSLFunctions.standardNormalCDF(-1.959963984540054), 0.025, accuracy: 1e-12)
        // Φ(1) = 0.841344746068542948... (Abramowitz and Stegun, table 26.1).
        XCTAssertEqual(GSLFunctions.standardNormalCDF(1), 0.8413447460685429, accuracy: 1e-12)
        for x in stride(from: -6.0, through: 6.0, by: 0.25) {
            XCTAssertEqual(GSLFunctions.standardNormalCDF(x) + GSLFunctions.standardNormalCDF(-x), 1, accuracy: 1e-14)
        }
    }

    func testGSLVersion() {
        XCTAssertTrue(GSLFunctions.version.hasPrefix("2."), "linked against GSL \(GSLFunctions.version)")
    }

    func testErrorDescriptionsNameTheProblem() {
        XCTAssertTrue(RandomnessError.invalidParameters("x").description.contains("invalid distribution parameters"))
        XCTAssertTrue(RandomnessError.unexpectedStateLayout(generator: "taus2", bytes: 12).description.contains("taus2"))
    }
}
