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
        /// A line per series over x, with its 95 % band where the interval is known.
        case lines([Series], integerX: Bool)
        /// One bar per category with its 95 % interval as an error bar.
        case bars(categories: [String], values: [Estimate])
        /// One bar per category, stacked by part: `values[category][part]`.
        case stackedBars(categories: [String], parts: [String], values: [[Double]])
        /// Labelled points with 95 % intervals on both axes.
        case points([Point])
        /// A value per cell of a grid, `values[y][x]` (nil where no point was run).
        case heatMap(xValues: [String], yValues: [String], values: [[Double?]], valueLabel: String)
        /// Horizontal bars, one pair per key from the top: the change at the low and the high side with their 95 %
        /// intervals, coloured by the key's source status (a sensitivity analysis's tornado).
        case tornado(keys: [Chart.TornadoKey], lowLabel: String, highLabel: String)
    }

    public struct TornadoKey: Sendable {
        public let name: String
        /// `sourced`, `calibrated` or `assumed`.
        public let status: String
        public let low: Estimate
        public let high: Estimate
    }

    public struct Series: Sendable {
        public let name: String
        public let points: [(x: Double, estimate: Estimate)]
        /// Tick labels to show instead of the x values (for grid values that are not numbers), by x.
        public let xLabels: [String]?

        public init(name: String, points: [(x: Double, estimate: Estimate)], xLabels: [String]? = nil) {
            self.name = name
            self.points = points
            self.xLabels = xLabels
        }
    }

    public struct Point: Sendable {
        public let name: String
        public let x: Estimate
        public let y: Estimate
    }

    /// Values are scaled by `scale` before drawing (100 turns shares into percent).
    public let scale: Double

    public init(
        name: String, title: String, xLabel: String, yLabel: String, caption: String, provenance: String, plot: Plot,
        scale: Double = 1
    ) {
        self.name = name
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.caption = caption
        self.provenance = provenance
        self.plot = plot
        self.scale = scale
    }
}

extension Chart {
    /// Whether the chart has at least one finite value to draw. A run whose cohort is empty (every household poor in
    /// year 0) defines no rate at all; gnuplot refuses such a plot, so the report leaves the chart out with a note.
    public var hasData: Bool {
        func finite(_ value: Double?) -> Bool { value?.isFinite ?? false }
        switch plot {
        case .lines(let series, _): return series.contains { $0.points.contains { finite($0.estimate.mean) } }
        case .bars(_, let values): return values.contains { finite($0.mean) }
        case .stackedBars(_, _, let values): return values.contains { $0.contains { $0.isFinite && $0 != 0 } }
        case .points(let points): return points.contains { finite($0.x.mean) && finite($0.y.mean) }
        case .heatMap(_, _, let values, _): return values.contains { $0.contains { finite($0) } }
        case .tornado(let keys, _, _): return keys.contains { finite($0.low.mean) || finite($0.high.mean) }
        }
    }
}
