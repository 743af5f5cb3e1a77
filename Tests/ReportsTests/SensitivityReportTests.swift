import Foundation
import XCTest

@testable import Reports

/// The tornado chart of a `repoverty sensitivity` folder (issue 16).
final class SensitivityReportTests: XCTestCase {
    func sensitivityFolder() throws -> URL {
        let folder = try Fixtures.folder(self)
        try Fixtures.write(summary, folder, "baseline/summary.csv")
        try Fixtures.write(Fixtures.runRecord("baseline"), folder, "baseline/run.json")
        try Fixtures.write(
            """
            key,source,base,low,high,metric,change_low,change_low_lo95,change_low_hi95,change_high,change_high_lo95,change_high_hi95,elasticity_low,elasticity_high
            interventions.dibao.standard,assumed,5500,4400,6600,cumulative_repoverty_rate,0.1,0.08,0.12,-0.07,-0.09,-0.04,-3.5,-2.3
            population.householdSize.two,sourced,0.0937,0.079,0.11,cumulative_repoverty_rate,0.004,-0.006,0.013,-0.007,-0.015,0.001,-0.17,-0.28
            illness.hospitalisation,calibrated,0.2249,0.19,0.26,cumulative_repoverty_rate,-0.02,-0.03,-0.01,0.02,0.01,0.03,0.5,0.5
            interventions.medicalInsurance.coverage,assumed,0,,0.2,cumulative_repoverty_rate,,,,0.001,-0.004,0.006,,

            """, folder, "sensitivity.csv")
        return folder
    }

    var summary: String { Fixtures.summary("baseline", level: 1) }

    func testTheTornadoRanksKeysColouredByStatusWithIntervals() throws {
        let folder = try sensitivityFolder()
        let results = try ResultsFolder(folder)
        let sensitivity = try XCTUnwrap(results.sensitivity)
        XCTAssertEqual(sensitivity.rows.map(\.key).first, "interventions.dibao.standard")
        let (charts, _) = ReportCharts.charts(for: results)
        let tornado = try XCTUnwrap(charts.first { $0.name == "tornado" })
        guard case let .tornado(keys, _, _) = tornado.plot else { return XCTFail("not a tornado: \(tornado.plot)") }
        XCTAssertEqual(keys.map(\.status), ["assumed", "sourced", "calibrated", "assumed"])
        XCTAssertEqual(keys[0].low.upper, 0.12)
        XCTAssertEqual(tornado.scale, 100)
        XCTAssertTrue(tornado.xLabel.contains("percentage points"))
        let script = GnuplotScript(
            tornado, terminal: .png, output: folder.appendingPathComponent("t.png"), dataFolder: folder)
        for text in ["boxxyerror", "xerrorbars", "'sourced'", "'calibrated'", "'assumed'", "'interventions.dibao.standard' 3"] {
            XCTAssertTrue(script.text.contains(text), "the script lacks \(text)")
        }

        let written = try Report.make(folder: folder)
        let image = try XCTUnwrap(written.images.first { $0.lastPathComponent == "tornado.png" })
        try assertRealPNG(image)
        XCTAssertEqual(image.deletingLastPathComponent().lastPathComponent, "charts")
    }

    func testASensitivityFolderWithoutTheBaseRunIsStillReported() throws {
        let folder = try sensitivityFolder()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("baseline"))
        let written = try Report.make(folder: folder)
        XCTAssertEqual(written.images.map(\.lastPathComponent), ["tornado.png"])
    }

    func testAMalformedSensitivityFileNamesTheMissingColumn() throws {
        let folder = try Fixtures.folder(self)
        try Fixtures.write("key,source,metric\nx,assumed,m\n", folder, "sensitivity.csv")
        XCTAssertThrowsError(try ResultsFolder(folder)) { error in
            XCTAssertTrue("\(error)".contains("change_low"), "\(error)")
        }
    }

    /// Every metric of the analysis gets its own tornado: `tornado` for the first, `tornado-<metric>` for the others.
    func testEachMetricHasItsOwnTornado() throws {
        let folder = try Fixtures.folder(self)
        try Fixtures.write(
            """
            key,source,base,low,high,metric,change_low,change_low_lo95,change_low_hi95,change_high,change_high_lo95,change_high_hi95,elasticity_low,elasticity_high
            interventions.dibao.standard,assumed,5500,4400,6600,cumulative_repoverty_rate,0.1,0.08,0.12,-0.07,-0.09,-0.04,-3.5,-2.3
            economy.povertyLine,sourced,4000,3200,4800,cumulative_repoverty_rate,-0.05,-0.06,-0.04,0.06,0.05,0.07,1,1
            interventions.dibao.standard,assumed,5500,4400,6600,cost_total,-9000,-9500,-8500,12000,11000,13000,1,1

            """, folder, "sensitivity.csv")
        let (charts, _) = ReportCharts.charts(for: try ResultsFolder(folder))
        XCTAssertEqual(charts.map(\.name), ["tornado", "tornado-cost_total"])
        guard case let .tornado(keys, _, _) = charts[1].plot else { return XCTFail("not a tornado") }
        XCTAssertEqual(keys.map(\.name), ["interventions.dibao.standard"])
        XCTAssertEqual(charts[1].scale, 1, "a cost is not a share")
        XCTAssertTrue(charts[1].title.contains("change in the cost total"), charts[1].title)
        XCTAssertEqual(try Report.make(folder: folder).images.map(\.lastPathComponent), ["tornado.png", "tornado-cost_total.png"])
    }
}
