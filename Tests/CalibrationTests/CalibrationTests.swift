@testable import Calibration
import Foundation
import Model
import Runs
import XCTest

/// The pieces of `calibrate`: GSL's simplex over Swift functions, the bounded map, parsing and the fitted file.
final class CalibrationTests: XCTestCase {
    /// Rosenbrock's valley: minimum 0 at (1, 1), a classic test of a simplex method.
    func testNelderMeadFindsTheMinimumOfRosenbrocksFunction() throws {
        let outcome = try NelderMead.minimize(start: [-1.2, 1], step: [0.5, 0.5], tolerance: 1e-8, maxIterations: 2_000) {
            let (x, y) = ($0[0], $0[1])
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        }
        XCTAssertTrue(outcome.converged)
        XCTAssertEqual(outcome.point[0], 1, accuracy: 1e-4)
        XCTAssertEqual(outcome.point[1], 1, accuracy: 1e-4)
        XCTAssertLessThan(outcome.value, 1e-8)
    }

    func testNelderMeadStopsAtTheIterationLimitAndRethrowsTheObjectivesError() throws {
        let limited = try NelderMead.minimize(start: [5], step: [1], tolerance: 1e-12, maxIterations: 3) { $0[0] * $0[0] }
        XCTAssertFalse(limited.converged)
        XCTAssertEqual(limited.iterations, 3)

        struct Boom: Error {}
        var calls = 0
        XCTAssertThrowsError(
            try NelderMead.minimize(start: [0], step: [1], tolerance: 1e-6, maxIterations: 50) { _ in
                calls += 1
                if calls == 3 { throw Boom() }
                return 1
            }
        ) { XCTAssertTrue($0 is Boom, "\($0)") }
        XCTAssertEqual(calls, 3, "no evaluation after the error")
        XCTAssertThrowsError(try NelderMead.minimize(start: [], step: [], tolerance: 1, maxIterations: 1) { _ in 0 })
    }

    func testTheLogisticMapKeepsEveryPointInsideTheBounds() throws {
        let free = try FreeParameter(parsing: "interventions.dibao.standard=4000..6500")
        XCTAssertEqual(free, FreeParameter(key: "interventions.dibao.standard", low: 4000, high: 6500))
        XCTAssertEqual(free.value(atCoordinate: free.coordinate(ofValue: 5500)), 5500, accuracy: 1e-9)
        for x in [-1e6, -30, 0, 30, 1e6] {
            XCTAssertTrue((4000...6500).contains(free.value(atCoordinate: x)), "x = \(x)")
        }
        XCTAssertEqual(free.value(atCoordinate: 0), 5250)
    }

    func testParsingRefusesMalformedInput() {
        XCTAssertEqual(try CalibrationTarget(parsing: "cumulative_repoverty_rate=0.12").value, 0.12)
        for bad in ["cumulative_repoverty_rate", "=0.1", "rate=abc", "rate=0", "rate=inf"] {
            XCTAssertThrowsError(try CalibrationTarget(parsing: bad), bad)
        }
        for bad in ["key", "key=1", "key=2..1", "key=1..1", "key=a..2", "=1..2"] {
            XCTAssertThrowsError(try FreeParameter(parsing: bad), bad)
        }
    }

    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/reference.yaml").path

    private func problem(free: String, target: String = "cumulative_repoverty_rate=0.2", overrides: [String] = [])
        throws -> CalibrationProblem
    {
        CalibrationProblem(
            scenarioPath: Self.reference, overrides: overrides, size: RunSize(replicates: 2, households: 300, years: 2),
            targets: [try CalibrationTarget(parsing: target)], free: [try FreeParameter(parsing: free)], threads: 1,
            maxIterations: 3)
    }

    /// Free keys are the schema's numeric keys (ScenarioKeys), never a run setting, and their bounds must be valid.
    func testFreeKeysMustBeNumericModelKeysWithValidBounds() throws {
        for free in ["interventions.dibao.nosuch=1..2", "interventions.dibao=1..2", "population.profile=1..2",
                     "run.seed=1..5"] {
            XCTAssertThrowsError(try Calibration.fit(try problem(free: free)), free) { error in
                XCTAssertTrue("\(error)".contains("not a numeric model key"), "\(error)")
            }
        }
        XCTAssertThrowsError(try Calibration.fit(try problem(free: "shocks.flood.probability=0.1..1.5"))) { error in
            XCTAssertTrue("\(error)".hasPrefix("--free shocks.flood.probability=0.1..1.5: "), "\(error)")
        }
    }

    /// A target undefined at every evaluation (an empty cohort) is an error, never a "fitted" scenario.
    func testAnUndefinedTargetFitsNothing() throws {
        let empty = try problem(free: "interventions.dibao.standard=4000..6500", overrides: ["economy.povertyLine=1e9"])
        XCTAssertThrowsError(try Calibration.fit(empty)) { error in
            XCTAssertTrue("\(error)".contains("undefined at the fitted point"), "\(error)")
        }
    }

    /// A target may be a metric of one year, `METRIC@YEAR` (issue 15: `monitored_share@2`); a year outside the horizon
    /// or an unknown name is refused with the way to spell one.
    func testTargetsOfAGivenYear() throws {
        let fit = try Calibration.fit(try problem(
            free: "interventions.monitoring.detection=0.05..0.9", target: "monitored_share@2=0.05",
            overrides: ["interventions.monitoring.mechanism=on"]))
        let share = try XCTUnwrap(fit.fitted.simulated.first ?? nil)
        XCTAssertGreaterThan(share, 0, "the year-2 share of a running mechanism")
        for bad in ["monitored_share@3=0.05", "monitored_shar@2=0.05"] {
            XCTAssertThrowsError(try Calibration.fit(try problem(free: "interventions.monitoring.detection=0.05..0.9", target: bad))) { error in
                XCTAssertTrue("\(error)".contains("METRIC@YEAR"), "\(error)")
            }
        }
    }

    func testFittedScenarioNestsKeysAndExtendsTheInputRelatively() {
        XCTAssertEqual(
            FittedScenario.tree([("a.b.c", "1"), ("a.d", "2"), ("a.b.e", "3"), ("f", "4")]),
            ["a:", "  b:", "    c: 1", "    e: 3", "  d: 2", "f: 4"])
        XCTAssertEqual(FittedScenario.relativePath(of: "/p/scenarios/base.yaml", fromFolderOf: "/p/out/fit.yaml"), "../scenarios/base.yaml")
        XCTAssertEqual(FittedScenario.relativePath(of: "/p/base.yaml", fromFolderOf: "/p/fit.yaml"), "base.yaml")
    }
}
