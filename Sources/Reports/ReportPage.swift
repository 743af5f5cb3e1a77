import Foundation

/// `report.html`: one self-contained page (no external file, script or font) that a planner can open or mail.
///
/// Each chart is embedded as a PNG data URI with its caption and provenance; a table gives the headline figure of
/// each scenario with its interval, so the page is readable even where images are blocked.
enum ReportPage {
    struct DrawnChart {
        let chart: Chart
        let png: Data
        let svg: Data
        let image: PNGImage
    }

    static func render(folder: ResultsFolder, charts: [DrawnChart], notes: [String], language: ReportLanguage = .en)
        -> String
    {
        let say = language
        let title = say(.pageTitle(folder.url.lastPathComponent))
        let fonts = language == .zh
            ? "system-ui, \"Noto Sans CJK SC\", \"WenQuanYi Zen Hei\", \"Microsoft YaHei\", sans-serif"
            : "system-ui, sans-serif"
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.htmlCode)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: \(fonts); max-width: 1240px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.95em; }
            th, td { padding: 0.35em 0.7em; border-bottom: 1px solid #ddd; vertical-align: top; }
            th { text-align: left; background: #f6f6f6; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.description { color: #444; max-width: 26em; } td.name { white-space: nowrap; }
            .interval { color: #666; font-size: 0.85em; display: block; }
            .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px; }
            figure { margin: 1.5em 0; max-width: 1202px; } img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption, .provenance, .note { color: #555; font-size: 0.9em; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="provenance">\(escape(folder.scenarios.isEmpty ? folder.sweepProvenanceLine(language) : folder.provenanceLine(language: language)))</p>

            """
        html += headlineTable(folder, language)
        for scenario in folder.scenarios where !scenario.subpopulations.isEmpty {
            html += subpopulationTable(scenario, language)
        }
        for drawn in charts {
            html += """
                <figure id="\(escape(drawn.chart.name))">
                <h2>\(escape(drawn.chart.title))</h2>
                <img src="data:image/png;base64,\(drawn.png.base64EncodedString())" width="\(drawn.image.width)" \
                height="\(drawn.image.height)" alt="\(escape(drawn.chart.title))">
                <figcaption>\(escape(drawn.chart.caption)) <span class="provenance">\(escape(drawn.chart.provenance))</span></figcaption>
                </figure>

                """
        }
        for note in notes { html += "<p class=\"note\">\(escape(note))</p>\n" }
        html += "<p class=\"note\">\(escape(say(.madeBy)))</p>\n"
        html += "</body>\n</html>\n"
        return html
    }

    /// The scenarios' headline figures: with a comparison, as complete and ranked as the terminal's comparison table
    /// (the baseline, then by entries averted), with costs; each scenario's description beside its name.
    static func headlineTable(_ folder: ResultsFolder, _ language: ReportLanguage) -> String {
        let palette = folder.palette
        let byName = Dictionary(folder.scenarios.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var names = folder.scenarios.map(\.name)
        // The cost per cohort household and year, where compare.csv has it (runs of versions that write it).
        let perHouseholdYear = folder.comparison?.rows.values.contains { $0["cost_total_per_household_year"] != nil } ?? false
        // Descriptions as run.json records them; the column is left out when no run recorded one.
        let described = folder.scenarios.contains { !($0.provenance?.description ?? "").isEmpty }
        var header = [language(.scenarioColumn)] + (described ? [language(.descriptionColumn)] : [])
            + [language(.cumulativeColumn)]
        if let comparison = folder.comparison, let baseline = comparison.baseline {
            func averted(_ name: String) -> Double { comparison.rows[name]?["entries_averted"]?.level.mean ?? -.infinity }
            names = [baseline] + comparison.scenarios.filter { $0 != baseline }.sorted { averted($0) > averted($1) }
            header += [
                language(.changeColumn(baseline: baseline)), language(.entriesAvertedColumn), language(.extraCostColumn),
            ]
            if perHouseholdYear { header.append(language(.extraCostPerHouseholdYearColumn)) }
            header.append(language(.costPerEntryAvertedColumn))
        } else {
            header.append(language(.costColumn))
        }
        let rows = names.compactMap { name -> String? in
            guard let scenario = byName[name], let rate = scenario.horizon["cumulative_repoverty_rate"] else { return nil }
            var cells = "<td class=\"name\"><span class=\"swatch\" style=\"background:\(palette.colour(of: name))\"></span>"
                + "\(escape(name))</td>"
            if described {
                cells += "<td class=\"description\">\(escape(scenario.provenance?.description ?? ""))</td>"
            }
            cells += cell(rate, percent)
            if let comparison = folder.comparison {
                let rows = comparison.rows[name]
                if name == comparison.baseline {
                    cells += String(repeating: "<td class=\"number\">—</td>", count: perHouseholdYear ? 5 : 4)
                } else {
                    cells += cell(rows?["cumulative_repoverty_rate"]?.difference, points)
                    cells += cell(rows?["entries_averted"]?.level) { ReportLanguage.grouped($0) }
                    cells += cell(rows?["cost_total"]?.difference) { ReportLanguage.grouped($0) }
                    if perHouseholdYear {
                        cells += cell(rows?["cost_total_per_household_year"]?.difference) { ReportLanguage.grouped($0) }
                    }
                    cells += cell(rows?["cost_per_entry_averted"]?.level) { ReportLanguage.grouped($0) }
                }
            } else {
                cells += cell(scenario.horizon["cost_total"]) { ReportLanguage.grouped($0) }
            }
            return "<tr>\(cells)</tr>"
        }
        guard !rows.isEmpty else { return "" }
        let headerCells = header.map { "<th>\(escape($0))</th>" }.joined()
        return "<table>\n<tr>\(headerCells)</tr>\n" + rows.joined(separator: "\n") + "\n</table>\n"
    }

    /// A mixture's headline figures (MODEL.md §7): one row for the whole population, then one per sub-population.
    static func subpopulationTable(_ scenario: ScenarioResults, _ language: ReportLanguage) -> String {
        let header = [
            language(.subpopulationColumn), language(.cohortColumn), language(.cumulativeColumn), language(.annualColumn),
            language(.costPerHouseholdYearColumn),
        ]
        let rows = ([(scenario.name, scenario.horizon)] + scenario.subpopulations).map { name, horizon in
            "<tr><td class=\"name\">\(escape(name))</td>"
                + cell(horizon["cohort_households"]) { ReportLanguage.grouped($0) }
                + cell(horizon["cumulative_repoverty_rate"], percent) + cell(horizon["annual_repoverty_rate"], percent)
                + cell(horizon["cost_total_per_household_year"]) { ReportLanguage.grouped($0) } + "</tr>"
        }
        return "<h2>\(escape(language(.subpopulationsTitle(scenario: scenario.name))))</h2>\n<table>\n<tr>"
            + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n" + rows.joined(separator: "\n") + "\n</table>\n"
    }

    /// A figure and, under it, its 95 % interval.
    static func cell(_ estimate: Estimate?, _ format: (Double) -> String) -> String {
        guard let estimate, let mean = estimate.mean else { return "<td class=\"number\">—</td>" }
        var text = "<td class=\"number\">\(escape(format(mean)))"
        if let lower = estimate.lower, let upper = estimate.upper {
            text += "<span class=\"interval\">\(escape(format(lower))) – \(escape(format(upper)))</span>"
        }
        return text + "</td>"
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

    /// A difference of shares in percentage points, with a true minus sign: `−9.00`, `+0.41`.
    static func points(_ difference: Double) -> String {
        String(format: "%+.2f", difference * 100).replacingOccurrences(of: "-", with: "−")
    }

    /// Text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
