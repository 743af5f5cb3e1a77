import Foundation

/// `report.html`: one self-contained page (no external file, script or font) that a planner can open or mail.
///
/// Each chart is embedded as a PNG data URI with its caption and provenance; a table gives the headline figure of
/// each scenario with its interval, so the page is readable even where images are blocked.
enum ReportPage {
    struct DrawnChart {
        let chart: Chart
        let png: Data
        let image: PNGImage
    }

    static func render(folder: ResultsFolder, charts: [DrawnChart], notes: [String]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Re-poverty report: \(escape(folder.url.lastPathComponent))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 1240px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
            table { border-collapse: collapse; margin: 1em 0; } th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1.5em 0; } img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption, .provenance, .note { color: #555; font-size: 0.9em; }
            </style>
            </head>
            <body>
            <h1>Re-poverty report: \(escape(folder.url.lastPathComponent))</h1>
            <p class="provenance">\(escape(folder.provenanceLine()))</p>

            """
        html += headlineTable(folder)
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
        html += "<p class=\"note\">Made by <code>repoverty report</code>; the model is described in docs/MODEL.md.</p>\n"
        html += "</body>\n</html>\n"
        return html
    }

    static func headlineTable(_ folder: ResultsFolder) -> String {
        let rows = folder.scenarios.compactMap { scenario -> String? in
            guard let rate = scenario.horizon["cumulative_repoverty_rate"], let mean = rate.mean else { return nil }
            var cells = "<td>\(escape(scenario.name))</td><td class=\"number\">\(percent(mean))</td>"
            cells += "<td class=\"number\">\(interval(rate.lower, rate.upper, percent))</td>"
            if let comparison = folder.comparison {
                let difference = comparison.rows[scenario.name]?["cumulative_repoverty_rate"]?.difference
                let averted = comparison.rows[scenario.name]?["entries_averted"]?.level
                let points: (Double) -> String = { String(format: "%+.2f", $0 * 100) }
                cells += "<td class=\"number\">\(difference?.mean.map(points) ?? "")"
                cells += " \(interval(difference?.lower, difference?.upper, points))</td>"
                cells += "<td class=\"number\">\(averted?.mean.map { String(format: "%.0f", $0) } ?? "")"
                cells += " \(interval(averted?.lower, averted?.upper) { String(format: "%.0f", $0) })</td>"
            }
            return "<tr>\(cells)</tr>"
        }
        guard !rows.isEmpty else { return "" }
        var header = "<th>scenario</th><th>cumulative re-poverty</th><th>95 % interval</th>"
        if folder.comparison != nil {
            header += "<th>change vs \(escape(folder.comparison?.baseline ?? "baseline")) (points)</th><th>entries averted</th>"
        }
        return "<table>\n<tr>\(header)</tr>\n" + rows.joined(separator: "\n") + "\n</table>\n"
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

    static func interval(_ lower: Double?, _ upper: Double?, _ format: (Double) -> String) -> String {
        guard let lower, let upper else { return "" }
        return "[\(format(lower)), \(format(upper))]"
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
