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

    static let width = 1200

    /// The script draws the chart into `output` (PNG) and, when `svgOutput` is given, the same chart into it with
    /// gnuplot's svg terminal (vector, for print and for slides that scale).
    ///
    /// - Parameter font: the font family fontconfig is asked for (one with CJK glyphs for a Chinese report).
    init(
        _ chart: Chart, terminal: Terminal, output: URL, svgOutput: URL? = nil, dataFolder: URL, font: String = "Sans"
    ) {
        var body = Body(chart: chart, dataFolder: dataFolder)
        body.draw()
        var lines: [String] = []
        switch terminal {
        case .pngcairo:
            lines.append("set terminal pngcairo size \(Self.width),\(chart.height) font \(Self.quote(font + ",12")) noenhanced")
        case .png:
            lines.append("set terminal png size \(Self.width),\(chart.height) noenhanced")
        }
        lines.append("set output \(Self.quote(output.path))")
        lines += body.lines
        lines.append("unset output")
        if let svgOutput {
            lines.append(
                "set terminal svg size \(Self.width),\(chart.height) font \(Self.quote(font + ",12")) noenhanced"
                    + " background rgb 'white'")
            lines.append("set output \(Self.quote(svgOutput.path))")
            lines += body.lines
            lines.append("unset output")
        }
        text = lines.joined(separator: "\n") + "\n"
        dataFiles = body.files
    }

    /// The terminal-free commands of a chart and its data files.
    private struct Body {
        let chart: Chart
        let dataFolder: URL
        var lines: [String] = []
        var files: [String: String] = [:]

        init(chart: Chart, dataFolder: URL) {
            self.chart = chart
            self.dataFolder = dataFolder
        }

        func quote(_ text: String) -> String { GnuplotScript.quote(text) }
        func number(_ value: Double?) -> String { GnuplotScript.number(value) }
        func scaled(_ value: Double?) -> Double? { value.map { $0 * chart.scale } }

        /// Write a data file of numbers (and quoted texts) and give its quoted path.
        mutating func data(_ name: String, _ rows: [[String]]) -> String {
            files[name] = rows.map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n"
            return quote(dataFolder.appendingPathComponent(name).path)
        }

        mutating func data(_ name: String, numbers rows: [[Double?]]) -> String {
            data(name, rows.map { $0.map(GnuplotScript.number) })
        }

        /// `#RRGGBB` as the integer gnuplot's `lc rgb variable` reads.
        static func rgb(_ colour: String) -> String { String(Int(colour.dropFirst(), radix: 16) ?? 0) }

        /// The commands every single-panel chart starts with.
        mutating func header() {
            lines += [
                "reset",
                "set encoding utf8",
                "set title \(quote(chart.title)) font ',15'",
                "set xlabel \(quote(chart.xLabel))",
                "set ylabel \(quote(chart.yLabel))",
                "set bmargin \(chart.note == nil ? 6 : 8)",
                "set grid ytics lc rgb '#dddddd'",
                "set border 3",
                "set tics nomirror",
                "set key outside right top box opaque",
                provenanceLabel,
            ]
        }

        var provenanceLabel: String {
            "set label 1000 \(quote(chart.provenance)) at screen 0.01, screen 0.015 left font ',9' tc rgb '#555555'"
                + (chart.note.map {
                    "\nset label 1001 \(quote($0)) at screen 0.01, screen \(number(34.0 / Double(chart.height)))"
                        + " left font ',10' tc rgb '#333333'"
                } ?? "")
        }

        /// A multiplot's start: the chart's title across the top and its provenance at the foot, once.
        mutating func multiplotHeader() {
            lines += [
                "reset",
                "set encoding utf8",
                "set multiplot title \(quote(chart.title)) font ',15'",
                provenanceLabel,
                "set tics nomirror",
                "set border 3",
            ]
        }

        static func grid(_ count: Int) -> (rows: Int, columns: Int) { Chart.panelGrid(count) }

        /// The round step (1, 2 or 5 times a power of ten) nearest above `step`.
        static func roundStep(_ step: Double) -> Double {
            guard step > 0, step.isFinite else { return 1 }
            let power = pow(10, floor(log10(step)))
            return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= step * 0.999 } ?? 10 * power
        }

        /// The y label of a grid of panels, once, along the left edge of the image.
        var sharedYLabel: String {
            "set label 1002 \(quote(chart.yLabel)) at screen 0.012, screen 0.5 center rotate by 90 font ',11'"
        }

        /// The screen margins of panel `index` in a grid, leaving room for the title above and the provenance below.
        static func margins(_ index: Int, rows: Int, columns: Int, top: Double = 0.92, bottom: Double = 0.05)
            -> [String]
        {
            let row = index / columns, column = index % columns
            let width = 1.0 / Double(columns), height = (top - bottom) / Double(rows)
            let left = Double(column) * width, upper = top - Double(row) * height
            return [
                "set lmargin at screen \(GnuplotScript.number(left + 0.035 + width * 0.07))",
                "set rmargin at screen \(GnuplotScript.number(left + width * 0.93))",
                "set tmargin at screen \(GnuplotScript.number(upper - height * 0.12))",
                "set bmargin at screen \(GnuplotScript.number(upper - height * 0.80))",
            ]
        }

        /// The y range that holds every value and interval of `series`, padded, so panels share one scale.
        func range(of series: [Chart.Series]) -> String {
            let values = series.flatMap { $0.points.flatMap { [$0.estimate.mean, $0.estimate.lower, $0.estimate.upper] } }
                .compactMap { scaled($0) }.filter(\.isFinite)
            guard let low = values.min(), let high = values.max() else { return "set yrange [*:*]" }
            let pad = max((high - low) * 0.08, abs(high) * 0.02, 1e-9)
            return "set yrange [\(number(max(0, low - pad))):\(number(high + pad))]"
        }

        /// A series' band (when its interval is known) and line.
        mutating func seriesPlots(_ one: Chart.Series, file name: String, colour: String, title: String?, width: Double)
            -> [String]
        {
            let file = data(
                name,
                numbers: one.points.map { [$0.x, scaled($0.estimate.mean), scaled($0.estimate.lower), scaled($0.estimate.upper)] })
            var plots: [String] = []
            if one.points.contains(where: { $0.estimate.lower != nil && $0.estimate.upper != nil }) {
                plots.append(
                    "\(file) using 1:3:4 with filledcurves lc rgb '\(colour)' fs transparent solid 0.18 noborder notitle")
            }
            plots.append(
                "\(file) using 1:2 with linespoints lc rgb '\(colour)' lw \(number(width)) pt 7 ps 0.8 "
                    + (title.map { "title \(quote($0))" } ?? "notitle"))
            return plots
        }

        mutating func draw() {
            switch chart.plot {
            case .lines(let series, let integerX):
                header()
                if integerX { lines.append("set xtics 1") }
                if let labels = series.first?.xLabels {
                    lines.append("set xtics (" + labels.enumerated().map { "\(quote($1)) \($0)" }.joined(separator: ", ") + ")")
                    lines.append("set xrange [-0.5:\(Double(labels.count) - 0.5)]")
                }
                var plots: [String] = []
                for (index, one) in series.enumerated() {
                    let colour = one.colour ?? GnuplotScript.colours[index % GnuplotScript.colours.count]
                    plots += seriesPlots(
                        one, file: "series\(index).dat", colour: colour, title: one.name,
                        width: colour == ScenarioPalette.baselineColour ? 3 : 2)
                }
                lines.append("plot " + plots.joined(separator: ", \\\n     "))

            case .panels(let series, let reference, let integerX):
                multiplotHeader()
                let (rows, columns) = Self.grid(series.count)
                // The legend where the lines are not: at the bottom when they fall (survival), at the top when not.
                let means = (reference ?? series[0]).points.compactMap(\.estimate.mean)
                let falling = (means.last ?? 0) < (means.first ?? 0)
                lines += [
                    range(of: series + (reference.map { [$0] } ?? [])),
                    "set grid ytics lc rgb '#dddddd'",
                    "set key \(falling ? "bottom" : "top") left font ',9' box opaque samplen 2",
                ]
                if integerX { lines.append("set xtics 1") }
                for (index, one) in series.enumerated() {
                    lines += Self.margins(index, rows: rows, columns: columns)
                    let colour = one.colour ?? GnuplotScript.colours[index % GnuplotScript.colours.count]
                    lines.append("set title \(quote(one.name)) font ',12' tc rgb '\(colour)'")
                    lines.append(index + columns >= series.count ? "set xlabel \(quote(chart.xLabel))" : "unset xlabel")
                    if index == 0 { lines.append(sharedYLabel) }
                    var plots = seriesPlots(one, file: "panel\(index).dat", colour: colour, title: nil, width: 2)
                    if let reference {
                        plots += seriesPlots(
                            Chart.Series(name: reference.name, points: reference.points.map {
                                (x: $0.x, estimate: Estimate(mean: $0.estimate.mean))
                            }),
                            file: "reference\(index).dat", colour: reference.colour ?? ScenarioPalette.baselineColour,
                            title: reference.name, width: 1.5)
                    }
                    lines.append("plot " + plots.joined(separator: ", \\\n     "))
                    if index == 0 { lines.append("unset label 1000; unset label 1001; unset label 1002") }
                }
                lines.append("unset multiplot")

            case .bars(let categories, let values, let colours, let reference):
                header()
                lines += GnuplotScript.categoryAxis(categories)
                lines += ["set style fill solid 0.8 border -1", "set boxwidth 0.6", "set yrange [0:*]", "set key off"]
                if let reference, let value = scaled(reference) {
                    lines.append(
                        "set arrow 1 from graph 0, first \(number(value)) to graph 1, first \(number(value)) nohead"
                            + " dt 2 lw 1.5 lc rgb '\(ScenarioPalette.baselineColour)' front")
                }
                let file = data(
                    "bars.dat",
                    values.enumerated().map { index, value in
                        [number(Double(index)), number(scaled(value.mean)), number(scaled(value.lower)),
                         number(scaled(value.upper)), Self.rgb(index < colours.count ? colours[index] : GnuplotScript.colours[0])]
                    })
                lines.append(
                    "plot \(file) using 1:2:5 with boxes lc rgb variable notitle, \\\n     \(file) using 1:2:3:4 with"
                        + " yerrorbars lc rgb '#000000' pt 7 ps 0.4 lw 1.5 notitle")

            case .matrix(let rows, let columns, let values, _):
                header()
                lines += [
                    "set xtics (" + columns.enumerated().map { "\(quote($1)) \($0)" }.joined(separator: ", ") + ")"
                        + (columns.count > 5 ? " rotate by -30" : "") + " scale 0",
                    columns.count > 5 ? "set bmargin 9" : "",
                    "set ytics (" + rows.enumerated().map { "\(quote($1)) \(rows.count - 1 - $0)" }.joined(separator: ", ")
                        + ") scale 0",
                    "set xrange [-0.5:\(Double(columns.count) - 0.5)]", "set yrange [-0.5:\(Double(rows.count) - 0.5)]",
                    "set palette defined (0 '#ffffff', 1 '#fdd0a2', 2 '#f16913')", "set cbrange [0:1]",
                    "unset colorbox", "set grid noytics", "set key off", "set border 0", "unset ylabel",
                    "set lmargin \(min(max(rows.map(GnuplotScript.displayWidth).max() ?? 10, 10), 40) + 2)",
                ]
                var cells: [[String]] = []
                for (row, rowValues) in values.enumerated() {
                    let largest = rowValues.compactMap { $0 }.filter(\.isFinite).max() ?? 0
                    for (column, value) in rowValues.enumerated() {
                        let shade = value.map { largest > 0 ? $0 / largest : 0 }
                        let label = value.map { "\"" + ReportLanguage.grouped($0) + "\"" } ?? "\"–\""
                        cells.append([number(Double(column)), number(Double(rows.count - 1 - row)), number(shade), label])
                    }
                }
                let file = data("matrix.dat", cells)
                lines.append(
                    "plot \(file) using 1:2:3 with image pixels notitle, \\\n     \(file) using 1:2:4 with labels font ',11'"
                        + " notitle")

            case .points(let points):
                header()
                lines += ["set xzeroaxis lt -1 lc rgb '#999999'", "set yzeroaxis lt -1 lc rgb '#999999'", "set key off",
                          "set offsets graph 0.08, graph 0.15, graph 0.1, graph 0.1",
                          // Both axes reach zero, so "averts none" and "costs nothing extra" are on the chart.
                          "set xrange [*<0:0<*]", "set yrange [*<0:0<*]"]
                for (index, point) in points.enumerated() {
                    if let x = scaled(point.x.mean), let y = scaled(point.y.mean) {
                        lines.append(
                            "set label \(index + 1) \(quote(point.name)) at \(number(x)), \(number(y))"
                                + " offset 1, 1 tc rgb '\(point.colour)'")
                    }
                }
                let file = data(
                    "points.dat",
                    points.map { point in
                        [point.x.mean, point.y.mean, point.x.lower ?? point.x.mean, point.x.upper ?? point.x.mean,
                         point.y.lower ?? point.y.mean, point.y.upper ?? point.y.mean].map { number(scaled($0)) }
                            + [Self.rgb(point.colour)]
                    })
                lines.append("plot \(file) using 1:2:3:4:5:6:7 with xyerrorbars lc rgb variable pt 7 ps 1.4 lw 2 notitle")

            case .heatMap(let xValues, let yValues, let values, let valueLabel):
                header()
                lines.append("set xtics (" + xValues.enumerated().map { "\(quote($1)) \($0)" }.joined(separator: ", ") + ")")
                lines.append("set ytics (" + yValues.enumerated().map { "\(quote($1)) \($0)" }.joined(separator: ", ") + ")")
                lines += [
                    "set xrange [-0.5:\(Double(xValues.count) - 0.5)]", "set yrange [-0.5:\(Double(yValues.count) - 0.5)]",
                    "set palette defined (0 '#fff7ec', 1 '#fdbb84', 2 '#d7301f', 3 '#7f0000')",
                    "set cblabel \(quote(valueLabel))", "set grid noytics", "set key off", "set border 15",
                ]
                var cells: [[Double?]] = []
                for (y, row) in values.enumerated() {
                    for (x, value) in row.enumerated() { cells.append([Double(x), Double(y), scaled(value)]) }
                }
                let file = data("grid.dat", numbers: cells)
                // White figures on the dark cells, black on the light ones, so every figure reads.
                let shown = cells.compactMap { $0[2] }.filter(\.isFinite)
                let dark = number((shown.min() ?? 0) + 0.55 * ((shown.max() ?? 0) - (shown.min() ?? 0)))
                lines.append(
                    "plot \(file) using 1:2:3 with image pixels notitle, \\\n     \(file) using 1:2:($3 > \(dark) ? sprintf('%.1f', $3) : '')"
                        + " with labels font ',12' tc rgb '#ffffff' notitle, \\\n     \(file) using 1:2:($3 > \(dark) ? '' :"
                        + " sprintf('%.1f', $3)) with labels font ',12' tc rgb '#000000' notitle")

            case .tornado(let keys, let lowLabel, let highLabel):
                header()
                tornado(keys, lowLabel: lowLabel, highLabel: highLabel)

            case .forest(let categories, let colours, let panels):
                multiplotHeader()
                let count = categories.count
                let longest = categories.map(GnuplotScript.displayWidth).max() ?? 10
                let nameWidth = min(0.32, 0.04 + Double(longest) * 0.0085)
                let panelWidth = (0.97 - nameWidth) / Double(max(panels.count, 1))
                lines += [
                    "set yrange [-0.7:\(Double(count) - 0.3)]", "set grid xtics lc rgb '#dddddd'", "set key off",
                    "set xrange [*<0:0<*]", "set offsets graph 0.06, graph 0.06, 0, 0",
                    "set tmargin at screen 0.86", "set bmargin at screen 0.16",
                ]
                for (index, panel) in panels.enumerated() {
                    let left = nameWidth + Double(index) * panelWidth
                    lines += [
                        "set lmargin at screen \(number(left + (index == 0 ? 0 : 0.03)))",
                        "set rmargin at screen \(number(left + panelWidth - 0.01))",
                        "set ytics (" + categories.enumerated().map {
                            "\(quote(index == 0 ? $1 : "")) \(count - 1 - $0)"
                        }.joined(separator: ", ") + ") scale 0" + (index == 0 ? " font ',12'" : ""),
                        "set xlabel \(quote(panel.title))",
                        "set arrow 1 from 0, graph 0 to 0, graph 1 nohead lc rgb '#444444' lw 1.5",
                    ]
                    let file = data(
                        "forest\(index).dat",
                        panel.values.enumerated().map { row, value in
                            [number(Double(count - 1 - row))]
                                + [value.mean, value.lower ?? value.mean, value.upper ?? value.mean].map {
                                    number($0.map { $0 * panel.scale })
                                }
                                + [Self.rgb(row < colours.count ? colours[row] : GnuplotScript.colours[0])]
                        })
                    lines.append("plot \(file) using 2:1:3:4:5 with xerrorbars lc rgb variable pt 7 ps 1.8 lw 2.5 notitle")
                    if index == 0 { lines.append("unset label 1000; unset label 1001; unset label 1002") }
                }
                lines.append("unset multiplot")

            case .scatter(let panels):
                multiplotHeader()
                let (rows, columns) = Self.grid(panels.count)
                let all = panels.map { Chart.Series(name: "", points: $0.points) }
                lines += [range(of: all), "set grid xtics ytics lc rgb '#dddddd'", "set key off", "set format x '%g'"]
                for (index, panel) in panels.enumerated() {
                    lines += Self.margins(index, rows: rows, columns: columns)
                    lines.append("set xlabel \(quote(panel.xLabel))")
                    if index == 0 { lines.append(sharedYLabel) }
                    let xs = panel.points.map(\.x).filter(\.isFinite)
                    if let low = xs.min(), let high = xs.max(), high > low {
                        // About four ticks a panel, at round values: narrow panels cannot hold more.
                        lines.append("set xtics \(GnuplotScript.number(Self.roundStep((high - low) / 4)))")
                    } else {
                        lines.append("set xtics autofreq")
                    }
                    let file = data(
                        "scatter\(index).dat",
                        numbers: panel.points.map {
                            [$0.x, scaled($0.estimate.mean), scaled($0.estimate.lower ?? $0.estimate.mean),
                             scaled($0.estimate.upper ?? $0.estimate.mean)]
                        })
                    lines.append(
                        "plot \(file) using 1:2:3:4 with yerrorbars lc rgb '\(GnuplotScript.colours[0])' pt 7 ps 0.9 lw 1"
                            + " notitle")
                    if index == 0 { lines.append("unset label 1000; unset label 1001; unset label 1002") }
                }
                lines.append("unset multiplot")

            case .coefficients(let keys, let statusNames):
                header()
                let count = keys.count
                keyAxis(keys.map(\.name))
                lines.append("set xrange [-1:1]")
                var plots: [String] = []
                for (statusIndex, status) in GnuplotScript.statusColours.enumerated() {
                    let rows = keys.enumerated().filter { $0.element.status == status.status }.map { index, key -> [Double?] in
                        let centre = Double(count - 1 - index), value = key.estimate.mean
                        return [value.map { $0 / 2 }, centre, value.map { min(0, $0) }, value.map { max(0, $0) },
                                centre - 0.32, centre + 0.32, value, key.estimate.lower, key.estimate.upper]
                    }
                    guard !rows.isEmpty else { continue }
                    let file = data("coefficients-\(statusIndex).dat", numbers: rows)
                    plots.append(
                        "\(file) using 1:2:3:4:5:6 with boxxyerror lc rgb '\(status.colour)' fs solid 0.85 notitle")
                    plots.append("\(file) using 7:2:8:9 with xerrorbars lc rgb '#222222' pt 7 ps 0.4 lw 1.2 notitle")
                }
                for status in GnuplotScript.statusColours {
                    plots.append(
                        "NaN with boxes fs solid 0.85 lc rgb '\(status.colour)' title"
                            + " \(quote(statusNames[status.status] ?? status.status))")
                }
                lines.append("plot " + plots.joined(separator: ", \\\n     "))
            }
        }

        /// Keys named down the y axis from the top, room for their names on the left, and a line at zero.
        mutating func keyAxis(_ names: [String]) {
            let count = names.count
            let longest = names.map(GnuplotScript.displayWidth).max() ?? 10
            lines += [
                "set ytics (" + names.enumerated().map { "\(quote($1)) \(count - 1 - $0)" }.joined(separator: ", ")
                    + ") font ',10'",
                "set yrange [-0.7:\(Double(count) - 0.3)]", "set lmargin \(min(max(longest, 10), 60) * 3 / 4 + 2)",
                "set grid noytics xtics lc rgb '#dddddd'", "set yzeroaxis lt -1 lc rgb '#444444' lw 1.5",
                "set key outside right top box opaque", "unset ylabel",
            ]
        }

        /// A sensitivity analysis's tornado (the sensitivity helper's chart, unchanged in substance).
        mutating func tornado(_ keys: [Chart.TornadoKey], lowLabel: String, highLabel: String) {
            // Keys from the top; each key's low bar just above its tick and its high bar just below.
            let count = keys.count
            keyAxis(keys.map(\.name))
            var plots: [String] = []
            for (statusIndex, status) in GnuplotScript.statusColours.enumerated() {
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
                    let file = data("tornado-\(statusIndex)-\(side).dat", numbers: rows)
                    let fill = side == "low" ? "transparent solid 0.35" : "solid 0.9"
                    plots.append(
                        "\(file) using 1:2:3:4:5:6 with boxxyerror lc rgb '\(status.colour)' fs \(fill) border lc rgb"
                            + " '\(status.colour)' notitle")
                    plots.append("\(file) using 7:2:8:9 with xerrorbars lc rgb '#222222' pt 7 ps 0.3 lw 1 notitle")
                }
            }
            // Every status in the legend, present or not, so charts of different analyses read alike; then the two
            // shades, in grey.
            for status in GnuplotScript.statusColours {
                plots.append("NaN with boxes fs solid 0.9 lc rgb '\(status.colour)' title \(quote(status.status))")
            }
            plots.append("NaN with boxes fs transparent solid 0.35 lc rgb '#777777' title \(quote("low: " + lowLabel))")
            plots.append("NaN with boxes fs solid 0.9 lc rgb '#777777' title \(quote("high: " + highLabel))")
            lines.append("plot " + plots.joined(separator: ", \\\n     "))
        }
    }

    /// Categories 0…n−1 on x, labelled by name.
    static func categoryAxis(_ categories: [String]) -> [String] {
        [
            "set xtics (" + categories.enumerated().map { "\(quote($1)) \($0)" }.joined(separator: ", ") + ")"
                + (categories.count > 5 ? " rotate by -30" : ""),
            // Room for slanted names between the axis, its label and the provenance line.
            categories.count > 5 ? "set bmargin 9" : "",
            "set xrange [-0.6:\(Double(categories.count) - 0.4)]",
        ]
    }

    /// The width of a label in character cells: a CJK character takes two, so margins fit Chinese labels too.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x2E80...0x9FFF).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value) ? 2 : 1)
        }
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
