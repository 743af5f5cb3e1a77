import Foundation
import Model
import XCTest

@testable import Reports

/// `report --lang`: every word of the page and charts from one table per language, every metric name translated.
final class ReportLanguageTests: XCTestCase {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every metric the model writes, as the committed reference runs hold them (summary.csv and compare.csv), and
    /// every cause and household type the model knows.
    static func allMetricNames() throws -> Set<String> {
        let reference = packageRoot.appendingPathComponent("results/reference")
        var files = [reference.appendingPathComponent("compare.csv")]
        for folder in try FileManager.default.contentsOfDirectory(atPath: reference.path) {
            let summary = reference.appendingPathComponent(folder).appendingPathComponent("summary.csv")
            if FileManager.default.fileExists(atPath: summary.path) { files.append(summary) }
        }
        var names = Set<String>()
        for file in files {
            let table = try CSVTable(file: file)
            for row in table.rows.indices { names.insert(table.text(row, "metric")) }
        }
        names.formUnion(EntryCause.allCases.map { "entries_\($0.metricName)" })
        for type in HouseholdType.allCases {
            names.formUnion(["cohort", "entries", "cumulative_repoverty_rate"].map { "\($0)_type_\(type.metricName)" })
        }
        return names
    }

    func testEveryMetricNameHasATranslationInEveryLanguage() throws {
        let names = try Self.allMetricNames()
        XCTAssertGreaterThan(names.count, 50, "the reference runs were not found")
        for language in ReportLanguage.allCases {
            let missing = names.filter { language.metricName($0) == nil }.sorted()
            XCTAssertEqual(missing, [], "\(language.rawValue) has no name for these metrics")
        }
        for name in names {
            let chinese = try XCTUnwrap(ReportLanguage.zh.metricName(name))
            XCTAssertTrue(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name): \(chinese)")
        }
        XCTAssertNil(ReportLanguage.zh.metricName("no_such_metric"))
        XCTAssertEqual(ReportLanguage.zh.metricName("cumulative_repoverty_rate_type_dibao"), "低保户：累计返贫率")
        XCTAssertEqual(ReportLanguage.en.metricName("entries_dibao_loss"), "entries: loss of dibao")
        XCTAssertEqual(ReportLanguage.zh.metricName("cost_total_per_household_year"), "干预总成本（每户每年）")
        XCTAssertNil(ReportLanguage.en.metricName("no_such_cost_per_household_year"))
    }

    func testTheLanguageIsValidatedWithAClearError() throws {
        XCTAssertEqual(try ReportLanguage(code: "zh"), .zh)
        XCTAssertEqual(try ReportLanguage(code: "EN"), .en)
        XCTAssertThrowsError(try ReportLanguage(code: "fr")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("--lang") && message.contains("en, zh") && message.contains("'fr'"), message)
            XCTAssertTrue((error as? ReportError)?.isBadInput ?? false)
        }
    }

    func testAChineseReportSaysItsPageChartsAndMetricsInChinese() throws {
        let folder = try Fixtures.comparison(self)
        let results = try ResultsFolder(folder)
        let (charts, _) = ReportCharts.charts(for: results, language: .zh)
        let english = ReportCharts.charts(for: results, language: .en).charts
        XCTAssertEqual(charts.map(\.name), english.map(\.name))
        for (chart, inEnglish) in zip(charts, english) {
            for (text, original) in [(chart.title, inEnglish.title), (chart.xLabel, inEnglish.xLabel),
                                     (chart.yLabel, inEnglish.yLabel), (chart.caption, inEnglish.caption)] {
                XCTAssertNotEqual(text, original, "\(chart.name): not translated")
                XCTAssertTrue(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(chart.name): \(text)")
            }
            XCTAssertTrue(chart.provenance.contains("种子 7"), chart.provenance)
        }
        let incidence = try XCTUnwrap(charts.first { $0.name == "incidence" })
        let script = GnuplotScript(
            incidence, terminal: .pngcairo, output: URL(fileURLWithPath: "/x.png"), dataFolder: URL(fileURLWithPath: "/d"),
            font: ReportLanguage.zh.chartFont)
        XCTAssertTrue(script.text.contains("font 'WenQuanYi Zen Hei,12'"), script.text)

        let written = try Report.make(folder: folder, language: .zh)
        for image in written.images { try assertRealPNG(image) }
        let html = try String(contentsOf: written.page, encoding: .utf8)
        for text in ["<html lang=\"zh-Hans\">", "返贫报告", "累计返贫率", "情景", "避免的返贫户数", "每避免一户返贫的成本",
                     "相对 baseline 的变化", "各年返贫发生率", "种子 7"] {
            XCTAssertTrue(html.contains(text), "the Chinese page lacks \(text)")
        }
        XCTAssertFalse(html.contains("Re-poverty incidence by year"))
    }

    func testGroupedNumbersHaveThousandsSeparators() {
        XCTAssertEqual(ReportLanguage.grouped(544_517_074), "544,517,074")
        XCTAssertEqual(ReportLanguage.grouped(-1_234.4), "−1,234")
        XCTAssertEqual(ReportLanguage.grouped(999), "999")
        XCTAssertEqual(ReportLanguage.grouped(1_234.567, decimals: 1), "1,234.6")
        XCTAssertEqual(ReportLanguage.grouped(-0.2), "0")
    }
}
