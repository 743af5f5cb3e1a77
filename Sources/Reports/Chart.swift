/// A chart of the report, described independently of the tool that draws it.
///
/// Every chart carries a title, axis labels with units, its series' names (the legend) and a provenance line, so a
/// PNG lifted onto a slide still says what it shows and where the numbers came from.
public struct Chart: Sendable {
    /// The file name without extension, e.g. `incidence` for `charts/incidence.png`.
    public let name: String
    public let title: String
    public let xLabel: String
    public let yLabel: String
    /// How to read the chart, shown under it in the HTML page.
    public let caption: String
    public let provenance: String
    public let plot: Plot

    public enum Plot: Sendable {
        /// A line per series over x, with its 95 % band where the interval is known, drawn in order (the baseline
        /// last, on top).
        case lines([Series], integerX: Bool)
        /// Small multiples: a panel per series, each with `reference` (the baseline) drawn on top in its colour, so
        /// nine scenarios never merge into one band.
        case panels([Series], reference: Series?, integerX: Bool)
        /// One bar per category with its 95 % interval as an error bar, each in its colour (the palette's first when
        /// none is given); `reference` draws a dashed line across at that value (the baseline's).
        case bars(categories: [String], values: [Estimate], colours: [String] = [], reference: Double? = nil)
        /// A table of numbers as a chart: a cell per row and column with its value printed, shaded within its row.
        case matrix(rows: [String], columns: [String], values: [[Double?]], columnColours: [String])
        /// Labelled points with 95 % intervals on both axes.
        case points([Point])
        /// A value per cell of a grid, `values[y][x]` (nil where no point was run).
        case heatMap(xValues: [String], yValues: [String], values: [[Double?]], valueLabel: String)
        /// Horizontal bars, one pair per key from the top: the change at the low and the high side with their 95 %
        /// intervals, coloured by the key's source status (a sensitivity analysis's tornado).
        case tornado(keys: [Chart.TornadoKey], lowLabel: String, highLabel: String)
        /// A forest plot: categories from the top, a panel per figure side by side with each category's estimate and
        /// 95 % interval, and a line at zero (the paired change of each scenario from the baseline).
        case forest(categories: [String], colours: [String], panels: [ForestPanel])
        /// A panel per key: the response at each sampled point against the key's value, with 95 % intervals.
        case scatter([ScatterPanel])
        /// Horizontal bars from zero, one per key from the top, with 95 % intervals, coloured by source status
        /// (partial rank correlation coefficients, between −1 and 1); the legend names each status as `statusNames`
        /// says (the report's language).
        case coefficients(keys: [Chart.Coefficient], statusNames: [String: String])
    }

    public struct ForestPanel: Sendable {
        public let title: String
        /// By category, in the order of the chart's categories; scaled by `scale` before drawing.
        public let values: [Estimate]
        public let scale: Double
        public init(title: String, values: [Estimate], scale: Double) {
            self.title = title
            self.values = values
            self.scale = scale
        }
    }

    public struct ScatterPanel: Sendable {
        public let xLabel: String
        public let points: [(x: Double, estimate: Estimate)]
        public init(xLabel: String, points: [(x: Double, estimate: Estimate)]) {
            self.xLabel = xLabel
            self.points = points
        }
    }

    public struct Coefficient: Sendable {
        public let name: String
        /// `sourced`, `calibrated` or `assumed`: the colour of the bar.
        public let status: String
        public let estimate: Estimate
    }

    public struct TornadoKey: Sendable {
        public let name: String
        /// `sourced`, `calibrated` or `assumed`.
        public let status: String
        public let low: Estimate
        public let high: Estimate

        public init(name: String, status: String, low: Estimate, high: Estimate) {
            self.name = name
            self.status = status
            self.low = low
            self.high = high
        }
    }

    public struct Series: Sendable {
        public let name: String
        public let points: [(x: Double, estimate: Estimate)]
        /// Tick labels to show instead of the x values (for grid values that are not numbers), by x.
        public let xLabels: [String]?
        /// `#RRGGBB`; the palette's first colour when nil.
        public let colour: String?

        public init(
            name: String, points: [(x: Double, estimate: Estimate)], xLabels: [String]? = nil, colour: String? = nil
        ) {
            self.name = name
            self.points = points
            self.xLabels = xLabels
            self.colour = colour
        }
    }

    public struct Point: Sendable {
        public let name: String
        public let x: Estimate
        public let y: Estimate
        public let colour: String
    }

    /// Values are scaled by `scale` before drawing (100 turns shares into percent).
    public let scale: Double
    /// The image's height in pixels (small multiples need more than one panel's).
    public let height: Int
    /// A line printed on the chart above the provenance, e.g. which scenarios it leaves out and why.
    public let note: String?

    public init(
        name: String, title: String, xLabel: String, yLabel: String, caption: String, provenance: String, plot: Plot,
        scale: Double = 1, height: Int = 720, note: String? = nil
    ) {
        self.name = name
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.caption = caption
        self.provenance = provenance
        self.plot = plot
        self.scale = scale
        self.height = height
        self.note = note
    }
}

extension Chart {
    /// Rows × columns of `count` small multiples: one row up to three, then two, three or four columns.
    public static func panelGrid(_ count: Int) -> (rows: Int, columns: Int) {
        let columns = count <= 3 ? max(count, 1) : count <= 4 ? 2 : count <= 9 ? 3 : 4
        return ((count + columns - 1) / columns, columns)
    }

    /// Whether the chart has at least one finite value to draw. A run whose cohort is empty (every household poor in
    /// year 0) defines no rate at all; gnuplot refuses such a plot, so the report leaves the chart out with a note.
    public var hasData: Bool {
        func finite(_ value: Double?) -> Bool { value?.isFinite ?? false }
        switch plot {
        case .lines(let series, _), .panels(let series, _, _):
            return series.contains { $0.points.contains { finite($0.estimate.mean) } }
        case .bars(_, let values, _, _): return values.contains { finite($0.mean) }
        case .matrix(_, _, let values, _): return values.contains { $0.contains { finite($0) && $0 != 0 } }
        case .forest(_, _, let panels): return panels.contains { $0.values.contains { finite($0.mean) } }
        case .scatter(let panels): return panels.contains { $0.points.contains { finite($0.estimate.mean) } }
        case .coefficients(let keys, _): return keys.contains { finite($0.estimate.mean) }
        case .points(let points): return points.contains { finite($0.x.mean) && finite($0.y.mean) }
        case .heatMap(_, _, let values, _): return values.contains { $0.contains { finite($0) } }
        case .tornado(let keys, _, _): return keys.contains { finite($0.low.mean) || finite($0.high.mean) }
        }
    }
}
