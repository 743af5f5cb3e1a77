import Engine
import Model
import Output
import XCTest

/// `run.startYear` and `run.represents` add columns and lines, never change one (issues 15 and 17).
final class RunLabelsTests: XCTestCase {
    let rows = [
        SummaryRow(metric: "entries_total", year: nil, estimate: ReplicateEstimate([100, 120])),
        SummaryRow(metric: "cumulative_repoverty_rate", year: nil, estimate: ReplicateEstimate([0.25, 0.35])),
        SummaryRow(metric: "cost_total_per_household_year", year: nil, estimate: ReplicateEstimate([900, 1100])),
        SummaryRow(metric: "cost_dibao", year: 2, estimate: ReplicateEstimate([5000])),
    ]

    func labels(startYear: Int = 0, represents: Double = 0, households: Int = 2_000) -> RunLabels {
        var run = RunSettings()
        run.startYear = startYear
        run.represents = represents
        run.households = households
        return RunLabels(run)
    }

    func testWithoutLabelsTheFilesAreAsBefore() {
        let plain = SummaryCSV.render(scenario: "base", rows: rows)
        XCTAssertEqual(SummaryCSV.render(scenario: "base", rows: rows, labels: labels()), plain)
        XCTAssertTrue(plain.hasPrefix("scenario,metric,year,mean,lo95,hi95,replicates\n"))
        let metrics = [Metric(name: "entries_total", year: 1, values: [3, 4])]
        XCTAssertEqual(
            ReplicatesCSV.render(scenario: "base", metrics: metrics, labels: labels()),
            ReplicatesCSV.render(scenario: "base", metrics: metrics))
    }

    func testStartYearAddsTheCalendarYearAfterTheExistingColumns() {
        let csv = SummaryCSV.render(scenario: "base", rows: rows, labels: labels(startYear: 2020))
        let plain = SummaryCSV.render(scenario: "base", rows: rows).split(separator: "\n")
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(lines[0], "scenario,metric,year,mean,lo95,hi95,replicates,calendar_year")
        for (line, before) in zip(lines.dropFirst(), plain.dropFirst()) {
            XCTAssertTrue(line.hasPrefix(before + ","), "existing columns unchanged: \(line)")
        }
        XCTAssertEqual(lines[4], "base,cost_dibao,2,5000,,,1,2022", "year 2 of a run starting (year 0) in 2020")
        XCTAssertEqual(lines[1].split(separator: ",", omittingEmptySubsequences: false).last, "", "no year, no calendar year")
        let replicates = ReplicatesCSV.render(
            scenario: "base", metrics: [Metric(name: "exits", year: 3, values: [7])], labels: labels(startYear: 2020))
        XCTAssertEqual(replicates, "scenario,metric,year,replicate,value,calendar_year\nbase,exits,3,1,7,2023\n")
    }

    func testRepresentsScalesCountsAndCostsOnly() {
        // 2,000 synthetic households stand for 500,000: × 250.
        let csv = SummaryCSV.render(scenario: "base", rows: rows, labels: labels(represents: 500_000))
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(
            lines[0], "scenario,metric,year,mean,lo95,hi95,replicates,mean_represented,lo95_represented,hi95_represented")
        let entries = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(entries[7], "27500")
        XCTAssertEqual(Double(entries[8])!, Double(entries[4])! * 250, accuracy: 1e-3)
        XCTAssertTrue(lines[2].hasSuffix(",2,,,"), "a rate is not scaled: \(lines[2])")
        XCTAssertTrue(lines[3].hasSuffix(",2,,,"), "a cost per household is not scaled: \(lines[3])")
        XCTAssertTrue(lines[4].hasSuffix(",1,1250000,,"), "a cost is scaled: \(lines[4])")
        for metric in ["cohort_households", "entries_illness", "entries_type_dibao", "exits", "cost_total", "payout_medical_insurance",
                       "trainees", "entries_averted", "monitoring_entries"] {
            XCTAssertTrue(RunLabels.scales(metric), metric)
        }
        for metric in ["cumulative_repoverty_rate_type_dibao", "poverty_gap", "cost_per_entry_averted", "survival",
                       "cost_total_per_household_year", "vulnerability_mean", "spell_length_mean"] {
            XCTAssertFalse(RunLabels.scales(metric), metric)
        }
    }

    func testComparisonFileGainsRepresentedColumns() {
        let level = ReplicateEstimate([10, 14]), difference = ReplicateEstimate([2, 4])
        let row = ComparisonRow(scenario: "plan", metric: "entries_averted", level: level, difference: difference)
        let csv = ComparisonCSV.render([row], labels: labels(startYear: 2020, represents: 20_000))
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], ComparisonCSV.header + ",mean_represented,lo95_represented,hi95_represented,"
            + "diff_represented,diff_lo95_represented,diff_hi95_represented")
        XCTAssertTrue(lines[1].hasPrefix(ComparisonCSV.render([row]).split(separator: "\n")[1] + ",120,"), lines[1])
    }

    func testPrintedTableGroupsDigitsAndShowsDescriptionsAndRepresented() {
        let table = HeadlineTable.render(
            [HeadlineTable.Column(
                name: "base", rows: rows + [SummaryRow(metric: "cost_total", year: nil, estimate: ReplicateEstimate([544_517_074]))],
                description: "Status quo policies.")],
            years: 5, labels: labels(startYear: 2020, represents: 1_000_000))
        XCTAssertTrue(table.hasPrefix("metric (years 1–5, 2021–2025)"), table)
        XCTAssertTrue(table.contains("  per cohort household per year, yuan  "), table)
        XCTAssertTrue(table.contains(" 1,000 [-270 to 2,270]\n") || table.contains("1,000 ["), table)
        XCTAssertTrue(table.contains("544,517,074\n"), table)
        XCTAssertTrue(table.contains("in the 1,000,000 households represented:"), table)
        XCTAssertTrue(table.contains("272,258,537,000\n"), "544,517,074 × 500: \(table)")
        XCTAssertTrue(table.hasSuffix("\nbase  Status quo policies.\n"), table)
    }

    func testGroupedDigits() {
        XCTAssertEqual(HeadlineTable.grouped(0), "0")
        XCTAssertEqual(HeadlineTable.grouped(999), "999")
        XCTAssertEqual(HeadlineTable.grouped(1000), "1,000")
        XCTAssertEqual(HeadlineTable.grouped(-1234567.4), "-1,234,567")
        XCTAssertEqual(HeadlineTable.grouped(-0.2), "0")
        XCTAssertEqual(HeadlineTable.grouped(123456789012), "123,456,789,012")
    }
}
