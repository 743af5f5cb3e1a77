import Engine
import Output
import XCTest

/// `replicates.csv`: one row per metric and replicate, numbered from 1, empty where undefined (issue 17).
final class ReplicatesCSVTests: XCTestCase {
    func testLayoutOfRows() {
        let metrics = [
            Metric(name: "cumulative_repoverty_rate", year: nil, values: [0.25, 0.35]),
            Metric(name: "poverty_gap", year: 3, values: [nil, 812.5]),
        ]
        XCTAssertEqual(
            ReplicatesCSV.render(scenario: "plan, revised", metrics: metrics),
            """
            scenario,metric,year,replicate,value
            "plan, revised",cumulative_repoverty_rate,,1,0.25
            "plan, revised",cumulative_repoverty_rate,,2,0.35
            "plan, revised",poverty_gap,3,1,
            "plan, revised",poverty_gap,3,2,812.5

            """)
    }
}
