import Foundation

/// A chart as a gnuplot script and its data files.
///
/// Text goes into single-quoted gnuplot strings (only `'` needs escaping) with enhanced text off, so scenario names
/// and key paths print as written (`dibao_loss` is not a subscript). Data files hold numbers only; labels are set as
/// tics, and an undefined figure is written `NaN`, which gnuplot skips.
struct GnuplotScript {
    let text: String
    /// File name (inside the data folder) → contents.
    let dataFiles: [String: String]

    /// A colour-blind-safe palette (Okabe–Ito, then Tableau), cycled when there are more series.
    static let colours = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000", "#8C564B", "#7F7F7F",
    ]

    /// The colour of each source status of a key (sourced, calibrated, assumed), the same in every tornado.
    static let statusColours: [(status: String, colour: String)] = [
        ("sourced", "#009E73"), ("calibrated", "#0072B2"), ("assumed", "#D55E00"),
    ]

    /// The PNG terminals gnuplot may have: cairo's anti-aliased one, else libgd's.
    enum Terminal: String {
        case pngcairo, png
    }

    static let width = 1200, height = 720

    init(_ chart: Chart, terminal: Terminal, output: URL, dataFolder: URL) {
        var lines: [String] = []
        var files: [String: String] = [:]
        switch terminal {
        case .pngcairo:
            lines.append("set terminal pngcairo size \(Self.width),\(Self.height) font 'Sans,12' noenhanced")
        case .png:
            lines.append("set terminal png size \(Self.width),\(Self.height) noenhanced")
        }
        lines += [
            "set output \(Self.quote(output.path))",
            "set encoding utf8",
            "set title \(Self.quote(chart.title)) font ',15'",
            "set xlabel \(Self.quote(chart.xLabel))",
            "set ylabel \(Self.quote(chart.yLabel))",
            "set bmargin 6",
            "set grid ytics lc rgb '#dddddd'",
            "set border 3",
            "set tics nomirror",
            "set key outside right top box opaque",
            "set label 1000 \(Self.quote(chart.provenance)) at screen 0.01, screen 0.02 left font ',9' tc rgb '#555555'",
        ]
        let scale = chart.scale
        func data(_ name: String, _ rows: [[Double?]]) -> String {
            files[name] = rows.map { $0.map(Self.number).joined(separator: " ") }.joined(separator: "\n") + "\n"
            return Self.quote(dataFolder.appendingPathComponent(name).path)
        }
        func scaled(_ value: Double?) -> Double? { value.map { $0 * scale } }

        switch chart.plot {
        case .lines(let series, let integerX):
            if integerX { lines.append("set xtics 1") }
            if let labels = series.first?.xLabels {
                lines.append("set xtics (" + labels.enumerated().map { "\(Self.quote($1)) \($0)" }.joined(separator: ", ") + ")")
                lines.append("set xrange [-0.5:\(Double(labels.count) - 0.5)]")
            }
            var plots: [String] = []
            for (index, one) in series.enumerated() {
                let colour = Self.colours[index % Self.colours.count]
                let file = data(
                    "series\(index).dat",
                    one.points.map { [$0.x, scaled($0.estimate.mean), scaled($0.estimate.lower), scaled($0.estimate.upper)] })
                if one.points.contains(where: { $0.estimate.lower != nil && $0.estimate.upper != nil }) {
                    plots.append(
                        "\(file) using 1:3:4 with filledcurves lc rgb '\(colour)' fs transparent solid 0.18 noborder notitle")
                }
                plots.append("\(file) using 1:2 with linespoints lc rgb '\(colour)' lw 2 pt 7 ps 0.8 title \(Self.quote(one.name))")
            }
            lines.append("plot " + plots.joined(separator: ", \\\n     "))

        case .bars(let categories, let values):
            lines += Self.categoryAxis(categories)
            lines += ["set style fill solid 0.75 border -1", "set boxwidth 0.6", "set yrange [0:*]", "set key off"]
            let file = data(
                "bars.dat",
                values.enumerated().map { [Double($0), scaled($1.mean), scaled($1.lower), scaled($1.upper)] })
            let colour = Self.colours[0]
            lines.append(
                "plot \(file) using 1:2 with boxes lc rgb '\(colour)' notitle, \\\n     \(file) using 1:2:3:4 with yerrorbars"
                    + " lc rgb '#000000' pt 7 ps 0.4 lw 1.5 notitle")

        case .stackedBars(let categories, let parts, let values):
            // Stacks are drawn as boxes from the top down: each box reaches the running sum up to its part, so the
            // one drawn after it covers all but its own slice.
            lines += Self.categoryAxis(categories)
            lines += ["set style fill solid 0.85 border rgb '#ffffff'", "set boxwidth 0.6", "set yrange [0:*]"]
            let sums = values.map { row -> [Double?] in
                var running = 0.0
                return row.map { value in
                    running += value
                    return running
                }
            }
            let file = data("stacks.dat", sums.enumerated().map { [Double($0)] + $1 })
            var plots: [String] = []
            for part in parts.indices.reversed() {
                let colour = Self.colours[part % Self.colours.count]
                plots.append("\(file) using 1:\(part + 2) with boxes lc rgb '\(colour)' title \(Self.quote(parts[part]))")
            }
            lines.append("plot " + plots.joined(separator: ", \\\n     "))

        case .points(let points):
            lines += ["set xzeroaxis lt -1 lc rgb '#999999'", "set yzeroaxis lt -1 lc rgb '#999999'", "set key off",
                      "set offsets graph 0.08, graph 0.15, graph 0.1, graph 0.1",
                      // Both axes reach zero, so "averts none" and "costs nothing extra" are on the chart.
                      "set xrange [*<0:0<*]", "set yrange [*<0:0<*]"]
            for (index, point) in points.enumerated() {
                if let x = point.x.mean, let y = point.y.mean {
                    lines.append(
                        "set label \(index + 1) \(Self.quote(point.name)) at \(Self.number(x)), \(Self.number(y))"
                            + " offset 1, 1 tc rgb '\(Self.colours[index % Self.colours.count])'")
                }
            }
            let file = data(
                "points.dat",
                points.map { point in
                    [point.x.mean, point.y.mean, point.x.lower ?? point.x.mean, point.x.upper ?? point.x.mean,
                     point.y.lower ?? point.y.mean, point.y.upper ?? point.y.mean]
                })
            lines.append(
                "plot \(file) using 1:2:3:4:5:6 with xyerrorbars lc rgb '#0072B2' pt 7 ps 1.2 lw 1.5 notitle")

        case .heatMap(let xValues, let yValues, let values, let valueLabel):
            lines.append("set xtics (" + xValues.enumerated().map { "\(Self.quote($1)) \($0)" }.joined(separator: ", ") + ")")
            lines.append("set ytics (" + yValues.enumerated().map { "\(Self.quote($1)) \($0)" }.joined(separator: ", ") + ")")
            lines += [
                "set xrange [-0.5:\(Double(xValues.count) - 0.5)]", "set yrange [-0.5:\(Double(yValues.count) - 0.5)]",
                "set palette defined (0 '#fff7ec', 1 '#fdbb84', 2 '#d7301f', 3 '#7f0000')",
                "set cblabel \(Self.quote(valueLabel))", "set grid noytics", "set key off", "set border 15",
            ]
            var cells: [[Double?]] = []
            for (y, row) in values.enumerated() {
                for (x, value) in row.enumerated() { cells.append([Double(x), Double(y), scaled(value)]) }
            }
            let file = data("grid.dat", cells)
            lines.append(
                "plot \(file) using 1:2:3 with image notitle, \\\n     \(file) using 1:2:(sprintf('%.1f', $3)) with labels"
                    + " font ',10' notitle")

        case .tornado(let keys, let lowLabel, let highLabel):
            // Keys from the top; each key's low bar just above its tick and its high bar just below.
            let count = keys.count
            let longest = keys.map(\.name.count).max() ?? 10
            lines += [
                "set ytics (" + keys.enumerated().map { "\(Self.quote($1.name)) \(count - 1 - $0)" }.joined(separator: ", ")
                    + ") font ',10'",
                "set yrange [-0.7:\(Double(count) - 0.3)]", "set lmargin \(min(max(longest, 10), 60) * 3 / 4 + 2)",
                "set grid noytics xtics lc rgb '#dddddd'", "set yzeroaxis lt -1 lc rgb '#444444' lw 1.5",
                "set key outside right top box opaque", "unset ylabel",
            ]
            var plots: [String] = []
            for (statusIndex, status) in Self.statusColours.enumerated() {
                for side in ["low", "high"] {
                    let rows = keys.enumerated().filter { $0.element.status == status.status }.map { index, key -> [Double?] in
                        let estimate = side == "low" ? key.low : key.high
                        let centre = Double(count - 1 - index) + (side == "low" ? 0.19 : -0.19)
                        let mean = scaled(estimate.mean)
                        return [
                            mean.map { $0 / 2 }, centre, mean.map { min(0, $0) }, mean.map { max(0, $0) }, centre - 0.17,
                            centre + 0.17, mean, scaled(estimate.lower), scaled(estimate.upper),
                        ]
                    }
                    guard !rows.isEmpty else { continue }
                    let file = data("tornado-\(statusIndex)-\(side).dat", rows)
                    let fill = side == "low" ? "transparent solid 0.35" : "solid 0.9"
                    plots.append(
                        "\(file) using 1:2:3:4:5:6 with boxxyerror lc rgb '\(status.colour)' fs \(fill) border lc rgb"
                            + " '\(status.colour)' notitle")
                    plots.append("\(file) using 7:2:8:9 with xerrorbars lc rgb '#222222' pt 7 ps 0.3 lw 1 notitle")
                }
            }
            // Every status in the legend, present or not, so charts of different analyses read alike; then the two
            // shades, in grey.
            for status in Self.statusColours {
                plots.append("NaN with boxes fs solid 0.9 lc rgb '\(status.colour)' title \(Self.quote(status.status))")
            }
            plots.append("NaN with boxes fs transparent solid 0.35 lc rgb '#777777' title \(Self.quote("low: " + lowLabel))")
            plots.append("NaN with boxes fs solid 0.9 lc rgb '#777777' title \(Self.quote("high: " + highLabel))")
            lines.append("plot " + plots.joined(separator: ", \\\n     "))
        }
        lines.append("unset output")
        text = lines.joined(separator: "\n") + "\n"
        dataFiles = files
    }

    /// Categories 0…n−1 on x, labelled by name.
    static func categoryAxis(_ categories: [String]) -> [String] {
        [
            "set xtics (" + categories.enumerated().map { "\(quote($1)) \($0)" }.joined(separator: ", ") + ")"
                + (categories.count > 5 ? " rotate by -30" : ""),
            "set xrange [-0.6:\(Double(categories.count) - 0.4)]",
        ]
    }

    /// A gnuplot single-quoted string: only the quote itself is special, written twice.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: " ") + "'"
    }

    /// A number for a data file or script; NaN when undefined.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "NaN" }
        return String(format: "%.10g", value)
    }
}
