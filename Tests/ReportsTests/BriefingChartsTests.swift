import Foundation
import XCTest

@testable import Reports

/// Issue 17's charts: the paired change against the baseline, one colour per scenario everywhere, small multiples
/// at many scenarios, shock scenarios explained where a chart leaves them out, sampled sweeps, PRCC, calendar years.
final class BriefingChartsTests: XCTestCase {
    static let nine = [
        "baseline", "avian-flu-2017", "combined", "dibao-expansion", "flood-2018", "insurance", "pandemic", "relocation",
        "training",
    ]

    /// A comparison of the nine shipped scenarios: interventions lower re-poverty and cost money, shocks raise it.
    func nineScenarios() throws -> URL {
        let folder = try Fixtures.folder(self)
        var compare = ["scenario,metric,mean,lo95,hi95,diff,diff_lo95,diff_hi95"]
        for (index, name) in Self.nine.enumerated() {
            let isShock = ["avian-flu-2017", "flood-2018", "pandemic", "relocation"].contains(name)
            let change = name == "baseline" ? 0 : isShock ? 0.005 * Double(index) : -0.01 * Double(index)
            try Fixtures.write(Fixtures.summary(name, level: 1 + change * 3), folder, "\(name)/summary.csv")
            try Fixtures.write(
                Fixtures.runRecord(name).replacingOccurrences(
                    of: "\"seed\" :", with: "\"description\" : \"The \(name) <scenario> & co.\", \"seed\" :"),
                folder, "\(name)/run.json")
            let cost = name == "baseline" ? 0 : isShock ? 1000.0 : 2_500_000.0 * Double(index)
            compare.append("\(name),cumulative_repoverty_rate,\(0.3 + change),0,1,\(change),\(change - 0.002),\(change + 0.002)")
            compare.append("\(name),cost_total,\(5e8 + cost),0,1,\(cost),\(cost - 1e5),\(cost + 1e5)")
            let perYear = cost / 1900 / 3
            compare.append(
                "\(name),cost_total_per_household_year,\(5e8 / 5700 + perYear),0,1,\(perYear),\(perYear - 10),\(perYear + 10)")
            let averted = name == "baseline" || isShock ? "0" : "\(100 * index)"
            compare.append("\(name),entries_averted,\(averted),,,\(averted),,")
            let perEntry = name == "baseline" || isShock ? "" : "\(cost / Double(100 * index))"
            compare.append("\(name),cost_per_entry_averted,\(perEntry),,,,,")
        }
        try Fixtures.write(compare.joined(separator: "\n") + "\n", folder, "compare.csv")
        return folder
    }

    func testTheChangeAgainstTheBaselineIsARankedForestOfRateAndCost() throws {
        let results = try ResultsFolder(try nineScenarios())
        let chart = try XCTUnwrap(ReportCharts.charts(for: results).charts.first { $0.name == "change-vs-baseline" })
        guard case .forest(let categories, let colours, let panels) = chart.plot else { return XCTFail("not a forest") }
        // Ranked by the change in the headline rate, largest fall first; the baseline is the zero line, not a row.
        XCTAssertEqual(categories.first, "training")
        XCTAssertEqual(categories.last, "relocation")
        XCTAssertFalse(categories.contains("baseline"))
        let changes = panels[0].values.compactMap(\.mean)
        XCTAssertEqual(changes, changes.sorted())
        XCTAssertEqual(panels[0].values[0].lower ?? 0, -0.082, accuracy: 1e-12)
        // The cost of each scenario in the same order, in millions of yuan.
        XCTAssertEqual(panels.count, 2)
        XCTAssertEqual(panels[1].values[0].mean, 20_000_000)
        XCTAssertEqual(panels[1].scale, 1e-6)
        XCTAssertTrue(panels[1].title.contains("million yuan"), panels[1].title)
        XCTAssertEqual(colours, categories.map { results.palette.colour(of: $0) })
    }

    func testEveryScenarioHasOneColourInEveryChartAndTheBaselineIsBlackOnTop() throws {
        let results = try ResultsFolder(try nineScenarios())
        let palette = results.palette
        XCTAssertEqual(palette.colour(of: "baseline"), "#000000")
        XCTAssertEqual(Set(Self.nine.map(palette.colour)).count, 9, "two scenarios share a colour")
        // The same colour for a scenario whatever the order or company it is in.
        XCTAssertEqual(
            ScenarioPalette(scenarios: ["baseline", "training"], baseline: "baseline").colour(of: "training"),
            palette.colour(of: "training"))
        let (charts, _) = ReportCharts.charts(for: results)
        for chart in charts {
            var seen: [(String, String)] = []
            switch chart.plot {
            case .panels(let series, let reference, _):
                seen = series.map { ($0.name, $0.colour ?? "") }
                XCTAssertEqual(reference?.name, "baseline", chart.name)
                XCTAssertEqual(reference?.colour, "#000000", chart.name)
                // One panel per scenario other than the baseline: nine lines never merge into one band.
                XCTAssertEqual(series.count, 8, chart.name)
            case .bars(let categories, _, let colours, let reference):
                seen = Array(zip(categories, colours))
                XCTAssertNotNil(reference, "the baseline's level is marked across the bars")
            case .forest(let categories, let colours, _): seen = Array(zip(categories, colours))
            case .points(let points): seen = points.map { ($0.name, $0.colour) }
            case .matrix: continue
            default: XCTFail("\(chart.name): unexpected plot")
            }
            XCTAssertFalse(seen.isEmpty, chart.name)
            for (name, colour) in seen { XCTAssertEqual(colour, palette.colour(of: name), "\(chart.name): \(name)") }
        }
        // With few scenarios, one panel of lines, the baseline drawn last so that nothing hides it.
        let two = ReportCharts.charts(for: try ResultsFolder(try Fixtures.comparison(self))).charts
        guard case .lines(let series, _) = try XCTUnwrap(two.first { $0.name == "incidence" }).plot else {
            return XCTFail("two scenarios are not one panel of lines")
        }
        XCTAssertEqual(series.map(\.name), ["combined", "baseline"])
    }

    func testTheCostChartSaysWhichScenariosItLeavesOutAndWhy() throws {
        let results = try ResultsFolder(try nineScenarios())
        let chart = try XCTUnwrap(ReportCharts.charts(for: results).charts.first { $0.name == "cost-per-entry-averted" })
        guard case .points(let points) = chart.plot else { return XCTFail("not points") }
        XCTAssertEqual(Set(points.map(\.name)), ["combined", "dibao-expansion", "insurance", "training"])
        let note = try XCTUnwrap(chart.note)
        for shock in ["avian-flu-2017", "flood-2018", "pandemic", "relocation"] {
            XCTAssertTrue(note.contains(shock) && chart.caption.contains(shock), "\(shock) left out silently")
        }
        let script = GnuplotScript(
            chart, terminal: .pngcairo, output: URL(fileURLWithPath: "/x.png"), dataFolder: URL(fileURLWithPath: "/d"))
        XCTAssertTrue(script.text.contains("avian-flu-2017"), "the note is not on the chart")
    }

    func testTheWholeNineScenarioReportDrawsInBothLanguages() throws {
        let folder = try nineScenarios()
        for language in ReportLanguage.allCases {
            let written = try Report.make(folder: folder, language: language)
            XCTAssertEqual(written.images.count, 6)
            for image in written.images { try assertRealPNG(image) }
        }
    }

    /// A Latin-hypercube sample without its store: every key takes a new value at every point.
    func sampledSweep() throws -> URL {
        let folder = try Fixtures.folder(self)
        var rows = [
            "point,seed,interventions.dibao.standard,shocks.flood.probability,economy.povertyLine,"
                + "cumulative_repoverty_rate,cumulative_repoverty_rate_lo95,cumulative_repoverty_rate_hi95"
        ]
        for point in 0..<12 {
            let standard = 4000 + 166.666666666667 * Double(point), flood = 0.2 - 0.0151234567891 * Double(point)
            let line = 3500 + 83.3333333333 * Double((point * 5) % 12)
            let rate = 0.4 - 0.00005 * (standard - 4000) + 0.0001 * (line - 3500)
            rows.append("\(point),\(UInt64.max - UInt64(point)),\(standard),\(flood),\(line),\(rate),\(rate - 0.01),\(rate + 0.01)")
        }
        try Fixtures.write(rows.joined(separator: "\n") + "\n", folder, "sweep.csv")
        return folder
    }

    func testASampledSweepIsTheResponseAgainstEachKeyWithUnits() throws {
        let folder = try sampledSweep()
        let results = try ResultsFolder(folder)
        XCTAssertTrue(try XCTUnwrap(results.sweep).isSampled)
        let chart = try XCTUnwrap(ReportCharts.charts(for: results).charts.first)
        guard case .scatter(let panels) = chart.plot else { return XCTFail("a sample is not drawn against each key") }
        XCTAssertEqual(panels.map(\.xLabel), [
            "interventions.dibao.standard (yuan/person/yr)", "shocks.flood.probability (prob./yr)",
            "economy.povertyLine (yuan/person/yr)",
        ])
        XCTAssertEqual(panels[0].points.count, 12)
        XCTAssertEqual(panels[0].points[3].x, 4500, accuracy: 1e-9)
        // No seed of every point at the foot: the file's 12 seeds are not listed one by one.
        XCTAssertLessThan(chart.provenance.count, 200, chart.provenance)
        let written = try Report.make(folder: folder)
        try assertRealPNG(written.images[0])
    }

    func testAFactorialGridKeepsItsHeatMapWithUnitsAndShortTicks() throws {
        let folder = try Fixtures.folder(self)
        var rows = ["interventions.dibao.standard,shocks.flood.probability,cumulative_repoverty_rate"]
        for standard in ["4000", "4333.333333333333", "4666.666666666667"] {
            for flood in ["0.01", "0.1"] { rows.append("\(standard),\(flood),0.3") }
        }
        try Fixtures.write(rows.joined(separator: "\n") + "\n", folder, "sweep.csv")
        let chart = try XCTUnwrap(ReportCharts.charts(for: try ResultsFolder(folder)).charts.first)
        guard case .heatMap(let xValues, _, _, _) = chart.plot else { return XCTFail("not a heat map") }
        XCTAssertEqual(xValues, ["4000", "4333", "4667"])
        XCTAssertEqual(chart.xLabel, "interventions.dibao.standard (yuan/person/yr)")
        XCTAssertEqual(chart.yLabel, "shocks.flood.probability (prob./yr)")
    }

    func testPRCCBesideTheSweepIsDrawnAsBarsWithIntervals() throws {
        let folder = try sampledSweep()
        try Fixtures.write(
            """
            metric,key,source,prcc,prcc_lo95,prcc_hi95,points
            cost_total,interventions.dibao.standard,sourced,0.99,0.98,0.995,12
            cumulative_repoverty_rate,interventions.dibao.standard,sourced,-0.8,-0.9,-0.6,12
            cumulative_repoverty_rate,shocks.flood.probability,calibrated,0.05,-0.3,0.4,12
            cumulative_repoverty_rate,economy.povertyLine,sourced,0.85,0.7,0.93,12

            """, folder, "prcc.csv")
        let results = try ResultsFolder(folder)
        let chart = try XCTUnwrap(ReportCharts.charts(for: results).charts.first { $0.name == "prcc" })
        guard case .coefficients(let keys, let statusNames) = chart.plot else { return XCTFail("not coefficients") }
        // The headline metric's keys, largest in size first, with their units.
        XCTAssertEqual(keys.map(\.name), [
            "economy.povertyLine (yuan/person/yr)", "interventions.dibao.standard (yuan/person/yr)",
            "shocks.flood.probability (prob./yr)",
        ])
        XCTAssertEqual(keys[1].estimate, Estimate(mean: -0.8, lower: -0.9, upper: -0.6))
        XCTAssertEqual(keys.map(\.status), ["sourced", "sourced", "calibrated"])
        XCTAssertEqual(statusNames["assumed"], "assumed")
        let written = try Report.make(folder: folder)
        XCTAssertEqual(written.images.map(\.lastPathComponent), ["sweep.png", "prcc.png"])

        try Fixtures.write("metric,key,prcc\nm,k,0.1\n", folder, "prcc.csv")
        XCTAssertThrowsError(try ResultsFolder(folder)) { error in
            XCTAssertTrue("\(error)".contains("prcc.csv:1: missing columns source, prcc_lo95, prcc_hi95, points"), "\(error)")
        }
    }

    func testYearAxesShowCalendarYearsWhenTheRunRecordsAStartYear() throws {
        let folder = try Fixtures.comparison(self)
        for name in ["baseline", "combined"] {
            let record = Fixtures.runRecord(name).replacingOccurrences(
                of: "\"parameters\" : { \"some\" : \"thing\" }", with: "\"parameters\" : { \"run\" : { \"startYear\" : 2020 } }")
            try Fixtures.write(record, folder, "\(name)/run.json")
        }
        let charts = ReportCharts.charts(for: try ResultsFolder(folder)).charts
        let incidence = try XCTUnwrap(charts.first { $0.name == "incidence" })
        guard case .lines(let series, _) = incidence.plot else { return XCTFail("not lines") }
        XCTAssertEqual(series[0].points.map(\.x), [2021, 2022, 2023])
        XCTAssertEqual(incidence.xLabel, "year")
        // Without it, or with the 0 a run records when none was set, years since selection.
        let plain = ReportCharts.charts(for: try ResultsFolder(try Fixtures.comparison(self))).charts
        XCTAssertEqual(plain.first { $0.name == "incidence" }?.xLabel, "year after selection (year 0)")
        let unset = try Fixtures.comparison(self)
        for name in ["baseline", "combined"] {
            let record = Fixtures.runRecord(name).replacingOccurrences(
                of: "\"parameters\" : { \"some\" : \"thing\" }", with: "\"parameters\" : { \"run\" : { \"startYear\" : 0 } }")
            try Fixtures.write(record, unset, "\(name)/run.json")
        }
        let fromZero = ReportCharts.charts(for: try ResultsFolder(unset)).charts.first { $0.name == "incidence" }
        XCTAssertEqual(fromZero?.xLabel, "year after selection (year 0)")
    }

    func testThePageTableIsCompleteRankedWithCostsSeparatorsAndDescriptions() throws {
        let folder = try nineScenarios()
        let written = try Report.make(folder: folder)
        let html = try String(contentsOf: written.page, encoding: .utf8)
        let table = try XCTUnwrap(html.range(of: "<table>").flatMap { start in
            html.range(of: "</table>").map { String(html[start.lowerBound..<$0.upperBound]) }
        })
        for header in ["scenario", "description", "cumulative re-poverty", "change vs baseline (points)", "entries averted",
                       "extra cost, yuan", "extra cost per cohort household a year, yuan", "cost per entry averted, yuan"] {
            XCTAssertTrue(table.contains("<th>\(header)</th>"), "the table lacks the column \(header)")
        }
        // As the terminal's comparison table: the baseline, then by entries averted, largest first.
        let order = Self.nine.compactMap { name in table.range(of: "</span>\(name)</td>").map { (name, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        XCTAssertEqual(order.count, 9)
        XCTAssertEqual(Array(order.prefix(5)), ["baseline", "training", "insurance", "dibao-expansion", "combined"])
        // Thousands separators: training's extra cost of 20 million yuan, its cost per entry averted 25,000 yuan.
        XCTAssertTrue(table.contains(">20,000,000<"), table)
        XCTAssertTrue(table.contains(">25,000<"), table)
        XCTAssertTrue(table.contains(">3,509<"), table)  // 20,000,000 / 1,900 households / 3 years
        // Each scenario's description from its run.json, escaped.
        XCTAssertTrue(table.contains("The training &lt;scenario&gt; &amp; co."), table)
        // A swatch of the scenario's colour, as in every chart.
        XCTAssertTrue(table.contains("background:#000000\"></span>baseline"), table)
    }
}
