import Engine
import Output
import XCTest

final class HeadlineTableTests: XCTestCase {
    func testOneColumnPerScenarioWithIntervalsAndCausesLargestFirst() {
        func rows(_ rate: Double) -> [SummaryRow] {
            [
                SummaryRow(metric: "cumulative_repoverty_rate", year: nil, estimate: ReplicateEstimate([rate - 0.01, rate + 0.01])),
                SummaryRow(metric: "entries_illness", year: nil, estimate: ReplicateEstimate([10, 12])),
                SummaryRow(metric: "entries_flood", year: nil, estimate: ReplicateEstimate([30, 30])),
                SummaryRow(metric: "entries_debt", year: nil, estimate: ReplicateEstimate([0, 0])),
            ]
        }
        let table = HeadlineTable.render(
            [HeadlineTable.Column(name: "base", rows: rows(0.3)), HeadlineTable.Column(name: "plan", rows: rows(0.2))], years: 5)
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasSuffix("plan") && lines[0].contains(" base "), table)
        let rate = lines.first { $0.hasPrefix("cumulative re-poverty rate, households") } ?? ""
        XCTAssertTrue(rate.contains("30.0% [") && rate.contains("20.0% ["), table)
        let flood = lines.firstIndex { $0.contains("entries: flood") }, illness = lines.firstIndex { $0.contains("entries: illness") }
        XCTAssertNotNil(flood)
        XCTAssertLessThan(flood ?? 99, illness ?? 0, "causes are listed largest first")
        XCTAssertFalse(table.contains("entries: debt"), "causes with no entries are left out")
        XCTAssertEqual(Set(lines.map(\.count)).count, 1, "columns are aligned:\n\(table)")
    }

    /// docs/MODEL.md §4, "Which to cite": `002`'s estimator with income mostly reports its floor; the table says so.
    func testVulnerabilityRowsMarkAMostlyFlooredEstimator() {
        func rows(floored: Double) -> [SummaryRow] {
            [
                SummaryRow(metric: "vulnerability_fgls_mean", year: nil, estimate: ReplicateEstimate([0.013, 0.015])),
                SummaryRow(metric: "vulnerability_fgls_variance_floored_share", year: nil,
                           estimate: ReplicateEstimate([floored, floored])),
                SummaryRow(metric: "vulnerability_fgls_no_income_mean", year: nil, estimate: ReplicateEstimate([0.05, 0.07])),
            ]
        }
        let floored = HeadlineTable.render([HeadlineTable.Column(name: "base", rows: rows(floored: 0.9))], years: 5)
        XCTAssertTrue(floored.contains("vulnerability, 002's estimator (mean) *"), floored)
        XCTAssertTrue(floored.contains("quote the row without income"), floored)
        XCTAssertTrue(floored.contains("6.0% ["), "the no-income mean is shown:\n\(floored)")
        let fine = HeadlineTable.render([HeadlineTable.Column(name: "base", rows: rows(floored: 0.02))], years: 5)
        XCTAssertTrue(fine.contains("vulnerability, 002's estimator (mean) ") && !fine.contains("quote the row"), fine)
        let none = HeadlineTable.render([HeadlineTable.Column(name: "base", rows: [])], years: 5)
        XCTAssertFalse(none.contains("vulnerability"), "no rows without --vulnerability:\n\(none)")
    }
}
