import Foundation
import XCTest

@testable import Reports

/// Valid but degenerate results, and files damaged by hand: a report either draws what is defined and says what it
/// left out, or fails naming the file and line — never drops rows or charts silently (issue 13, family 9).
final class DegenerateResultsTests: XCTestCase {
    /// A run whose cohort is empty: every household poor in year 0, so no rate is defined.
    private func emptyCohort() throws -> URL {
        let folder = try Fixtures.folder(self)
        var lines = ["scenario,metric,year,mean,lo95,hi95,replicates", "x,cohort_households,,0,0,0,2",
                     "x,cumulative_repoverty_rate,,,,,0", "x,entries_total,,0,0,0,2", "x,entries_illness,,0,0,0,2"]
        for year in 1...3 { lines.append("x,incidence,\(year),,,,0") }
        try Fixtures.write(lines.joined(separator: "\n") + "\n", folder, "x/summary.csv")
        return folder
    }

    func testAnEmptyCohortGivesAReportThatSaysWhatIsLeftOut() throws {
        let folder = try emptyCohort()
        let written = try Report.make(folder: folder)
        XCTAssertFalse(written.images.map(\.lastPathComponent).contains("incidence.png"))
        XCTAssertTrue(written.notes.contains { $0.contains("incidence") && $0.contains("empty cohort") }, "\(written.notes)")
        let html = try String(contentsOf: written.page, encoding: .utf8)
        XCTAssertTrue(html.contains("empty cohort"), "the page does not say why charts are missing")
    }

    func testAStrayQuoteIsAnErrorNamingTheFileAndLine() throws {
        let folder = try Fixtures.folder(self)
        // An opening quote with no closing one swallows every line after it into one cell.
        var text = Fixtures.summary("x", level: 1)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[3] = "\"" + lines[3]
        text = lines.joined(separator: "\n")
        try Fixtures.write(text, folder, "x/summary.csv")
        XCTAssertThrowsError(try Report.make(folder: folder)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("\(folder.path)/x/summary.csv:4: "), message)
            XCTAssertTrue(message.contains("stray \""), message)
            XCTAssertTrue((error as? ReportError)?.isBadInput ?? false)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }

    func testAQuoteInsideACellIsAnErrorWithoutLibraryJargon() throws {
        let folder = try Fixtures.folder(self)
        try Fixtures.write(
            "scenario,metric,year,mean,lo95,hi95,replicates\nx,incid\"ence,1,0.1,0.09,0.11,4\n", folder, "x/summary.csv")
        XCTAssertThrowsError(try Report.make(folder: folder)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("\(folder.path)/x/summary.csv: "), message)
            XCTAssertFalse(message.contains("quotation(message"), message)
        }
    }

    func testARowWithMissingCellsIsAnError() throws {
        let folder = try Fixtures.folder(self)
        try Fixtures.write(
            "scenario,metric,year,mean,lo95,hi95,replicates\nx,incidence,1,0.1,0.09,0.11,4\nx,incidence,2,0.1\n",
            folder, "x/summary.csv")
        XCTAssertThrowsError(try ResultsFolder(folder)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(folder.path)/x/summary.csv:3: expected 7 cells"), "\(error)")
        }
    }

    /// A comparison cut short by SIGKILL keeps its mark: report refuses it rather than present part of it.
    func testAnIncompleteSetIsRefused() throws {
        let folder = try Fixtures.comparison(self)
        try Data("compare was writing here\n".utf8).write(to: folder.appendingPathComponent(".repoverty-incomplete"))
        XCTAssertThrowsError(try Report.make(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains("incomplete"), "\(error)")
            XCTAssertTrue((error as? ReportError)?.isBadInput ?? false)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }
}
