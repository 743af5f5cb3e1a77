import Foundation
import XCTest

/// `repoverty calibrate`: recovers a parameter from figures the simulator itself made, and refuses bad input with exit 2.
final class CalibrateCommandTests: XCTestCase {
    static let size = ["--households", "3000", "--replicates", "2", "--years", "3", "--seed", "5", "--threads", "2"]

    /// On the reference model (its dibao review enrols 85 % of the eligible, so the standard moves the rate; the
    /// baseline's fitted review enrols few since 0.3.0), make the target with `interventions.dibao.standard` = 5000,
    /// then fit the standard over 4000..6500 from the
    /// scenario's 5500. Tolerance: at this size the cohort is about 2,200 households in each of 2 replicates, so one
    /// household moves the mean cumulative re-poverty rate by about 1/4,400 ≈ 2.3e-4, and near 5000 the rate falls by
    /// about 1.1e-4 a yuan (measured: 0.314 at 4500, 0.207 at 5500). The rate is a step function of the standard, so the
    /// fit can only find the plateau of values that give the target's figure: within ±25 yuan is within about 12
    /// households' worth of the figure, 1 % of the range searched.
    func testRecoversAKnownDibaoStandard() throws {
        let folder = try Executable.temporaryDirectory(self)
        let made = try Executable.run(
            ["run", "scenarios/reference.yaml", "--set", "interventions.dibao.standard=5000", "--quiet", "--output",
             folder.path] + Self.size)
        XCTAssertEqual(made.status, 0, made.standardError)
        let summary = try String(contentsOf: folder.appendingPathComponent("reference/summary.csv"), encoding: .utf8)
        let row = try XCTUnwrap(summary.split(separator: "\n").first { $0.hasPrefix("reference,cumulative_repoverty_rate,,") })
        let target = String(row.split(separator: ",", omittingEmptySubsequences: false)[3])

        let fitted = folder.appendingPathComponent("fitted.yaml")
        let fit = try Executable.run(
            ["calibrate", "scenarios/reference.yaml", "--target", "cumulative_repoverty_rate=\(target)", "--free",
             "interventions.dibao.standard=4000..6500", "--output", fitted.path, "--quiet"] + Self.size)
        XCTAssertEqual(fit.status, 0, fit.standardError)
        let text = try String(contentsOf: fitted, encoding: .utf8)
        let standardLine = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("    standard: ") })
        let standard = try XCTUnwrap(Double(standardLine.dropFirst("    standard: ".count)))
        XCTAssertEqual(standard, 5000, accuracy: 25, "fitted \(standard)\n\(text)")
        XCTAssertTrue(text.contains("#   interventions.dibao.standard in [4000, 6500]: 5500 -> "), text)
        XCTAssertTrue(text.contains("#   cumulative_repoverty_rate: \(target), "), text)
        XCTAssertTrue(text.contains("seed 5, 2 replicates, 3000 households, 3 years"), text)
        XCTAssertTrue(text.contains("extends: ../"), "extends the input relative to the fitted file:\n\(text)")

        // The fitted file is a valid scenario that resolves to the fitted standard.
        let check = try Executable.run(["validate", fitted.path, "--print"])
        XCTAssertEqual(check.status, 0, check.standardError)
        // `--print` ends each key's line with its unit and status in a comment.
        XCTAssertTrue(check.standardOutput.contains("\n" + standardLine + " "), check.standardOutput)
        // The fitted key is calibrated in the fitted scenario (keyStatus:), though declared assumed.
        XCTAssertTrue(
            check.standardOutput.contains("calibrated here: fitted by repoverty calibrate to cumulative_repoverty_rate "),
            check.standardOutput)
    }

    func testBadInputExitsTwoAndWritesNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let fitted = folder.appendingPathComponent("fitted.yaml")
        let small = ["--households", "200", "--replicates", "1", "--years", "1", "--output", fitted.path, "--quiet"]
        let cases: [([String], String)] = [
            (["--target", "no_such_metric=0.2", "--free", "interventions.dibao.standard=4000..6500"], "no_such_metric"),
            (["--target", "cumulative_repoverty_rate=0", "--free", "interventions.dibao.standard=4000..6500"], "must not be 0"),
            (["--target", "cumulative_repoverty_rate=0.2", "--free", "interventions.dibao.nosuch=1..2"], "nosuch"),
            (["--target", "cumulative_repoverty_rate=0.2", "--free", "interventions.dibao.standard=6500..4000"], "LOW"),
            (["--target", "cumulative_repoverty_rate=0.2", "--free", "interventions.dibao.retention=0.5..7"], "retention"),
            (["--free", "interventions.dibao.standard=4000..6500"], "--target"),
        ]
        for (arguments, expected) in cases {
            let run = try Executable.run(["calibrate", "scenarios/baseline.yaml"] + arguments + small)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.standardError)")
            XCTAssertTrue(run.standardError.contains(expected), "\(arguments): \(run.standardError)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: fitted.path), "\(arguments) wrote a file")
        }
    }
}
