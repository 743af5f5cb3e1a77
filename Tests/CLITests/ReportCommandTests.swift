import Foundation
import XCTest

/// `repoverty report` on what `compare` wrote: the acceptance, and its two kinds of failure.
final class ReportCommandTests: XCTestCase {
    func testReportOfAComparisonOfBaselineAndCombined() throws {
        let folder = try Executable.temporaryDirectory(self)
        let compare = try Executable.run(
            ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml", "--households", "3000", "--replicates", "3",
             "--years", "3", "--output", folder.path, "--quiet"])
        XCTAssertEqual(compare.status, 0, compare.standardError)
        let report = try Executable.run(["report", folder.path])
        XCTAssertEqual(report.status, 0, report.standardError)
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("charts").path)
            .filter { $0.hasSuffix(".png") }
        XCTAssertGreaterThanOrEqual(charts.count, 3, "\(charts)")
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        for chart in charts {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("charts/\(chart)")).prefix(8))
            XCTAssertEqual(bytes, [137, 80, 78, 71, 13, 10, 26, 10], "\(chart) is not a PNG")
            XCTAssertTrue(report.standardOutput.contains(chart), report.standardOutput)
            XCTAssertTrue(html.contains("<figure id=\"\((chart as NSString).deletingPathExtension)\">"), chart)
        }
        XCTAssertTrue(html.contains("data:image/png;base64,"))
    }

    func testMissingGnuplotIsAFailureThatSaysHowToInstallIt() throws {
        let folder = try Executable.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("s"), withIntermediateDirectories: true)
        try "scenario,metric,year,mean,lo95,hi95,replicates\ns,incidence,1,0.1,0.09,0.11,2\n"
            .write(to: folder.appendingPathComponent("s/summary.csv"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Executable.productsDirectory.appendingPathComponent("repoverty")
        process.arguments = ["report", folder.path]
        process.environment = ["PATH": "/nonexistent-folder"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, message)
        XCTAssertTrue(message.contains("gnuplot") && message.contains("apt-get install gnuplot-nox"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }

    func testAFolderWithoutResultsIsBadInput() throws {
        let folder = try Executable.temporaryDirectory(self)
        let report = try Executable.run(["report", folder.path])
        XCTAssertEqual(report.status, 2)
        XCTAssertTrue(report.standardError.contains("no results to report"), report.standardError)
    }
}
