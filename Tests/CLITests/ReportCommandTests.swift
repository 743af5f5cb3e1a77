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

    func testAnUnknownLanguageIsBadInputNamingTheChoices() throws {
        let folder = try Executable.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("s"), withIntermediateDirectories: true)
        try "scenario,metric,year,mean,lo95,hi95,replicates\ns,incidence,1,0.1,0.09,0.11,2\n"
            .write(to: folder.appendingPathComponent("s/summary.csv"), atomically: true, encoding: .utf8)
        let report = try Executable.run(["report", folder.path, "--lang", "fr"])
        XCTAssertEqual(report.status, 2, report.standardError)
        XCTAssertTrue(
            report.standardError.contains("--lang: expected one of en, zh") && report.standardError.contains("'fr'"),
            report.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }

    func testASampledSweepIsChartedAgainstEachKeyWithTheProvenanceOfItsStore() throws {
        let folder = try Executable.temporaryDirectory(self)
        let sweep = try Executable.run(
            ["sweep", "scenarios/baseline.yaml", "--grid", "interventions.dibao.standard=4000..6000",
             "--grid", "shocks.flood.probability=0.01..0.2", "--sample", "6", "--households", "300", "--replicates", "2",
             "--years", "2", "--seed", "11", "--output", folder.path, "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.standardError)
        for language in ["en", "zh"] {
            let report = try Executable.run(["report", folder.path, "--lang", language, "--quiet"])
            XCTAssertEqual(report.status, 0, report.standardError)
            let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
            XCTAssertFalse(html.contains("provenance unknown") || html.contains("来源不明"), "the store's provenance was not read")
            let expected = language == "en"
                ? ["latin-hypercube 6", "6 points", "sweep seed 11", "2 replicates", "300 households"]
                : ["拉丁超立方 6", "扫描种子 11", "2 次重复", "300 户", "累计返贫率与各扫描参数"]
            for text in expected { XCTAssertTrue(html.contains(text), "\(language): the page lacks \(text)") }
        }
        for file in ["sweep.png", "sweep.svg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("charts/\(file)").path), file)
        }
    }
}
