import Foundation
import XCTest

@testable import Reports

/// `Report.make`: every chart drawn by gnuplot as a real PNG, all of them embedded in one self-contained page.
final class ReportTests: XCTestCase {
    func testComparisonGivesEveryChartAsPNGAndEmbedsThemInThePage() throws {
        let folder = try Fixtures.comparison(self)
        let written = try Report.make(folder: folder)
        let names = written.images.map { $0.deletingPathExtension().lastPathComponent }
        XCTAssertEqual(
            names, ["change-vs-baseline", "incidence", "cumulative", "entries-by-cause", "survival", "cost-per-entry-averted"])
        // An SVG beside every PNG, drawn by gnuplot's svg terminal.
        XCTAssertEqual(
            written.vectorImages.map { $0.deletingPathExtension().lastPathComponent }, names)
        for vector in written.vectorImages {
            let text = try String(contentsOf: vector, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("<?xml") && text.contains("<svg") && text.contains("</svg>"), vector.path)
            XCTAssertEqual(vector.deletingLastPathComponent().lastPathComponent, "charts")
        }
        XCTAssertEqual(written.notes, [])
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        for image in written.images {
            XCTAssertEqual(image.deletingLastPathComponent().lastPathComponent, "charts")
            try assertRealPNG(image)
            let base64 = try Data(contentsOf: image).base64EncodedString()
            XCTAssertTrue(html.contains("src=\"data:image/png;base64,\(base64)\""), "\(image.lastPathComponent) not embedded")
        }
        // Self-contained: no image, script or style sheet from elsewhere.
        XCTAssertFalse(html.contains("src=\"http") || html.contains("<link") || html.contains("<script"))
        XCTAssertEqual(html.components(separatedBy: "<img ").count - 1, 6)
        for text in ["baseline", "combined", "Re-poverty incidence by year", "seed 7", "4 replicates", "repoverty 0.1.0",
                     "30.0 %", "−9.00"] {
            XCTAssertTrue(html.contains(text), "report.html lacks \(text)")
        }
        XCTAssertFalse(html.contains("old-run"), "a run outside compare.csv was reported")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }
        XCTAssertEqual(leftovers, [])
    }

    func testChartsCarryTitleAxisLabelsLegendAndProvenance() throws {
        let results = try ResultsFolder(try Fixtures.comparison(self))
        let (charts, _) = ReportCharts.charts(for: results)
        for chart in charts {
            XCTAssertFalse(chart.title.isEmpty || chart.xLabel.isEmpty || chart.yLabel.isEmpty, chart.name)
            // The axis of values says its unit: y, or x where the categories run down the chart; a table of counts
            // says it in its caption.
            let valueAxis: String
            switch chart.plot {
            case .forest: valueAxis = chart.xLabel
            case .matrix: valueAxis = chart.caption
            default: valueAxis = chart.yLabel
            }
            XCTAssertTrue(valueAxis.contains("(") && valueAxis.contains(")"), "\(chart.name): no unit in \(valueAxis)")
            XCTAssertEqual(
                chart.provenance, "repoverty 0.1.0 (commit 0123456) · seed 7 · 4 replicates · 2,000 households · 3 years"
                    + " · generator taus2", chart.name)
            let script = GnuplotScript(chart, terminal: .pngcairo, output: URL(fileURLWithPath: "/x.png"),
                                       dataFolder: URL(fileURLWithPath: "/d"))
            for line in ["title '\(chart.title)'", "set xlabel", "'\(chart.provenance)'"] {
                XCTAssertTrue(script.text.contains(line), "\(chart.name) script lacks \(line)")
            }
            if case .forest = chart.plot { continue }
            XCTAssertTrue(script.text.contains("set ylabel") || script.text.contains("rotate by 90"), chart.name)
        }
        let incidence = try XCTUnwrap(charts.first { $0.name == "incidence" })
        let script = GnuplotScript(incidence, terminal: .png, output: URL(fileURLWithPath: "/x.png"),
                                   dataFolder: URL(fileURLWithPath: "/d"))
        XCTAssertTrue(script.text.contains("title 'baseline'") && script.text.contains("title 'combined'"))
        // The baseline is drawn last (on top), in black. Year 1 of it in percent: mean 7.2, interval 6.8–7.6.
        XCTAssertEqual(script.dataFiles["series1.dat"]?.split(separator: "\n").first, "1 7.2 6.8 7.6")
        XCTAssertTrue(script.text.contains("series1.dat' using 1:2 with linespoints lc rgb '#000000'"), script.text)
        // Causes with no entries anywhere (flood here) are left out of the table of causes.
        guard case .matrix(let causes, let scenarios, let values, _) = try XCTUnwrap(
            charts.first { $0.name == "entries-by-cause" }).plot
        else { return XCTFail("entries by cause is not a table of counts") }
        XCTAssertEqual(causes, ["illness", "loss of dibao", "loss of labour"])
        XCTAssertEqual(scenarios, ["baseline", "combined"])
        XCTAssertEqual(values[0][0], 300)
        XCTAssertEqual(values[0][1] ?? 0, 210, accuracy: 1e-9)
    }

    func testSweepOverOneKeyIsALineAndOverTwoAHeatMap() throws {
        let one = try Fixtures.folder(self)
        try Fixtures.write(
            """
            point,interventions.dibao.standard,seed,cumulative_repoverty_rate,cumulative_repoverty_rate_lo95,cumulative_repoverty_rate_hi95,entries_total
            0,4000,7,0.31,0.30,0.32,700
            1,6000,7,0.24,0.23,0.25,550
            2,5000,7,0.27,0.26,0.28,600

            """, one, "sweep.csv")
        let written = try Report.make(folder: one)
        XCTAssertEqual(written.images.map(\.lastPathComponent), ["sweep.png"])
        try assertRealPNG(written.images[0])
        let lines = ReportCharts.charts(for: try ResultsFolder(one)).charts[0]
        guard case .lines(let series, _) = lines.plot else { return XCTFail("one key is not drawn as lines") }
        XCTAssertEqual(series[0].points.map(\.x), [4000, 5000, 6000], "points are not in the order of the key")
        XCTAssertTrue(lines.provenance.contains("seed 7"), lines.provenance)

        let two = try Fixtures.folder(self)
        var rows = ["interventions.dibao.standard,shocks.wages.schedule,cumulative_repoverty_rate"]
        for standard in [4000, 5000, 6000] {
            for schedule in ["\"[1,0.7]\"", "\"[1,1]\""] { rows.append("\(standard),\(schedule),0.\(standard / 100)") }
        }
        try Fixtures.write(rows.joined(separator: "\n") + "\n", two, "sweep.csv")
        let map = try Report.make(folder: two)
        try assertRealPNG(map.images[0])
        let chart = ReportCharts.charts(for: try ResultsFolder(two)).charts[0]
        guard case .heatMap(let xValues, let yValues, let values, _) = chart.plot else { return XCTFail("not a heat map") }
        XCTAssertEqual(xValues, ["4000", "5000", "6000"])
        XCTAssertEqual(yValues, ["[1,0.7]", "[1,1]"])
        XCTAssertEqual(values[1][2], 0.6)
    }

    func testMissingGnuplotFailsClearlyAndWritesNothing() throws {
        let folder = try Fixtures.comparison(self)
        XCTAssertThrowsError(try Report.make(folder: folder, searchPath: "/nonexistent-folder")) { error in
            XCTAssertEqual(error as? ReportError, .gnuplotMissing)
            XCTAssertFalse((error as? ReportError)?.isBadInput ?? true)
            XCTAssertTrue("\(error)".contains("apt-get install gnuplot-nox"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("charts").path))
    }

    func testBadInputNamesTheFileTheLineAndTheField() throws {
        let empty = try Fixtures.folder(self)
        XCTAssertThrowsError(try ResultsFolder(empty)) { error in
            XCTAssertEqual(error as? ReportError, .notResults(folder: empty.path))
        }
        let broken = try Fixtures.folder(self)
        try Fixtures.write(
            "scenario,metric,year,mean,lo95,hi95,replicates\nx,incidence,1,0.1,0.09,0.11,4\nx,incidence,2,lots,,,4\n",
            broken, "x/summary.csv")
        XCTAssertThrowsError(try ResultsFolder(broken)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("\(broken.path)/x/summary.csv:3: mean: expected a number"), message)
            XCTAssertTrue((error as? ReportError)?.isBadInput ?? false)
        }
        let noHeader = try Fixtures.folder(self)
        try Fixtures.write("scenario,metric,mean\nx,incidence,0.1\n", noHeader, "summary.csv")
        XCTAssertThrowsError(try ResultsFolder(noHeader)) { error in
            XCTAssertTrue("\(error)".contains("summary.csv:1: missing columns year, lo95, hi95"), "\(error)")
        }
    }

    func testTextIsQuotedForGnuplotAndHTML() {
        XCTAssertEqual(GnuplotScript.quote("farmer's plan"), "'farmer''s plan'")
        XCTAssertEqual(GnuplotScript.number(nil), "NaN")
        XCTAssertEqual(ReportPage.escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;")
        XCTAssertEqual(
            RunProvenance.line([
                RunProvenance(version: "0.1.0", gitCommit: nil, seed: 7, replicates: 8, households: 20000, years: 5,
                              generator: nil),
                RunProvenance(version: "0.1.0", gitCommit: nil, seed: 8, replicates: 8, households: 1234567, years: 5,
                              generator: nil),
            ]),
            "repoverty 0.1.0 · seed 7/8 · 8 replicates · 20,000/1,234,567 households · 5 years")
    }

    func testPNGSizeIsReadFromTheHeader() {
        var bytes: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += [0, 0, 4, 176, 0, 0, 2, 208]
        XCTAssertEqual(PNGImage(Data(bytes)), PNGImage(width: 1200, height: 720))
        XCTAssertNil(PNGImage(Data(bytes.prefix(20))))
        XCTAssertNil(PNGImage(Data("<html>not an image, at least 24 bytes</html>".utf8)))
    }
}
