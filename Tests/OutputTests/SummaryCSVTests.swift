import Engine
import Output
import XCTest

final class SummaryCSVTests: XCTestCase {
    func testLayoutOfRows() {
        let rows = [
            SummaryRow(metric: "cumulative_repoverty_rate", year: nil, estimate: ReplicateEstimate([0.25, 0.35])),
            SummaryRow(metric: "incidence", year: 3, estimate: ReplicateEstimate([0.125])),
            SummaryRow(metric: "poverty_gap", year: 1, estimate: ReplicateEstimate([nil, nil])),
        ]
        let csv = SummaryCSV.render(scenario: "base", rows: rows)
        // sd of (0.25, 0.35) is √0.005; two replicates: t with one degree of freedom, tan(0.475π).
        let half = ReplicateEstimate.multiplier(replicates: 2) * (0.005 as Double).squareRoot() / 2.squareRoot()
        XCTAssertEqual(
            csv,
            """
            scenario,metric,year,mean,lo95,hi95,replicates
            base,cumulative_repoverty_rate,,0.3,\(String(format: "%.10g", 0.3 - half)),\(String(format: "%.10g", 0.3 + half)),2
            base,incidence,3,0.125,,,1
            base,poverty_gap,1,,,,0

            """)
    }

    func testNumbersAreWrittenTheSameWayEveryTime() {
        XCTAssertEqual(SummaryCSV.number(0), "0")
        XCTAssertEqual(SummaryCSV.number(12345), "12345")
        XCTAssertEqual(SummaryCSV.number(0.1 + 0.2), "0.3")
        XCTAssertEqual(SummaryCSV.number(532296555.52565897), "532296555.5")
        XCTAssertEqual(SummaryCSV.number(-2.5), "-2.5")
        XCTAssertEqual(SummaryCSV.number(.nan), "")
        XCTAssertEqual(SummaryCSV.number(.infinity), "")
        XCTAssertEqual(SummaryCSV.number(nil), "")
    }

    func testScenarioNamesWithCommasAreQuoted() {
        let csv = SummaryCSV.render(scenario: "a,\"b\"", rows: [SummaryRow(metric: "m", year: nil, estimate: ReplicateEstimate([1]))])
        XCTAssertTrue(csv.contains("\n\"a,\"\"b\"\"\",m,,1,,,1\n"), csv)
    }
}
