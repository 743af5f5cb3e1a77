import Foundation
import Model

/// The charts of a report, chosen from what the results folder holds (issues 7 and 17; the metrics of MODEL.md §4).
///
/// Scenario charts need `summary.csv` files; the change and cost charts need `compare.csv`; the sweep charts need
/// `sweep.csv` (and `prcc.csv` beside it for the rank correlations). A chart that cannot be drawn from the folder is
/// left out with a note saying why. Every scenario has one colour in every chart (``ScenarioPalette``), the baseline
/// black and drawn last.
public enum ReportCharts {
    /// The causes of MODEL.md §2.2 step 19, in the order of `summary.csv`: the model's own ``EntryCause`` names, so a
    /// cause added there is charted without a change here.
    public static let causes = EntryCause.allCases.map(\.metricName)

    /// Above this many scenarios a chart of lines is drawn as small multiples (a panel per scenario with the baseline
    /// in each): beyond four, overlapping bands merge into one.
    static let linesInOnePanel = 4

    public static func charts(for results: ResultsFolder, language: ReportLanguage = .en) -> (
        charts: [Chart], notes: [String]
    ) {
        let say = language
        var charts: [Chart] = []
        var notes: [String] = []
        func add(_ chart: Chart?, else note: String) {
            if let chart { charts.append(chart) } else { notes.append(note) }
        }
        let palette = results.palette
        if let comparison = results.comparison {
            add(changeVersusBaseline(comparison, results, language), else: say(.noCumulative))
        }
        if !results.scenarios.isEmpty {
            add(yearly(results, metric: "incidence", chart: "incidence", title: say(.incidenceTitle),
                       yLabel: say(.incidenceAxis), caption: say(.incidenceCaption), startsAtOne: false,
                       palette: palette, language: language),
                else: say(.noIncidence))
            add(cumulative(results, palette, language), else: say(.noCumulative))
            add(entriesByCause(results, palette, language), else: say(.noCauses))
            add(yearly(results, metric: "survival", chart: "survival", title: say(.survivalTitle),
                       yLabel: say(.survivalAxis), caption: say(.survivalCaption), startsAtOne: true,
                       palette: palette, language: language),
                else: say(.noSurvival))
        }
        if let comparison = results.comparison {
            add(costPerEntryAverted(comparison, results, palette, language), else: say(.noCostPerEntryAverted))
        }
        if let sweep = results.sweep {
            add(sweepChart(sweep, results, language), else: say(.sweepTooManyKeys(sweep.keys.count)))
            if let prcc = sweep.prcc {
                add(prccChart(prcc, sweep, results, language), else: say(.noPRCC))
            }
        }
        if let sensitivity = results.sensitivity {
            add(tornado(sensitivity, results), else: "sensitivity.csv has no rows: no key changed the metric.")
            for metric in sensitivity.metrics.dropFirst() {
                add(tornado(sensitivity, results, metric: metric), else: "sensitivity.csv: no key changed \(metric).")
            }
        }
        if let uncertainty = results.uncertainty {
            add(self.uncertainty(uncertainty, results), else: "uncertainty.csv: too few samples with the metric defined to draw.")
        }
        return (charts, notes)
    }

    /// Keys a tornado shows at most: beyond 20 the labels no longer read; the CSV has them all.
    static let tornadoKeys = 20

    /// The tornado of a sensitivity analysis, one chart per metric: `tornado` for the first metric, `tornado-<metric>`
    /// for each other; the metric's keys, largest change on top.
    static func tornado(_ sensitivity: SensitivityResults, _ results: ResultsFolder, metric chosen: String? = nil) -> Chart? {
        guard let metric = chosen ?? sensitivity.metrics.first else { return nil }
        let rows = sensitivity.rows.filter { $0.metric == metric }
        guard !rows.isEmpty else { return nil }
        let shown = rows.prefix(tornadoKeys)
        let percent = sensitivity.change.map { String(format: "%g %%", $0 * 100) } ?? "X %"
        let isShare = metric.contains("rate") || metric.contains("share") || metric == "survival" || metric == "incidence"
        let what = sensitivity.against.map { "\(readable(metric)) (scenario − \($0))" } ?? readable(metric)
        let provenance = sensitivity.provenance.isEmpty
            ? results.provenanceLine() : RunProvenance.line(sensitivity.provenance)
        return Chart(
            name: metric == sensitivity.metrics.first ? "tornado" : "tornado-\(metric)",
            title: "Which assumptions the answer rests on: change in the \(what)",
            xLabel: "change in \(what)" + (isShare ? " (percentage points)" : ""), yLabel: "",
            caption: "Each key moved down and up by \(percent) (probabilities and shares on the logit scale), one at a"
                + " time, each run paired with the base by replicate; light bars are the low side, dark the high side,"
                + " error bars 95 % intervals (t, R − 1 df). Colours give the key's source status."
                + (rows.count > shown.count ? " The \(shown.count) largest of \(rows.count) keys; sensitivity.csv has all." : ""),
            provenance: provenance,
            plot: .tornado(
                keys: shown.map { Chart.TornadoKey(name: $0.key, status: $0.source, low: $0.low, high: $0.high) },
                lowLabel: "−\(percent)", highLabel: "+\(percent)"),
            scale: isShare ? 100 : 1)
    }

    /// The x axis of yearly charts: calendar years when the runs record the calendar year of year 0
    /// (`run.startYear`), else years since selection.
    static func yearAxis(_ results: ResultsFolder, _ language: ReportLanguage) -> (offset: Int, label: String) {
        let starts = Set(results.scenarios.compactMap { $0.provenance?.startYear })
        if starts.count == 1, let start = starts.first { return (start, language(.calendarYearAxis)) }
        return (0, language(.yearAxis))
    }

    static func yearly(
        _ results: ResultsFolder, metric: String, chart name: String, title: String, yLabel: String, caption: String,
        startsAtOne: Bool, palette: ScenarioPalette, language: ReportLanguage
    ) -> Chart? {
        let axis = yearAxis(results, language)
        let byName = Dictionary(results.scenarios.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let series = palette.drawingOrder(results.scenarios.map(\.name)).compactMap { scenarioName -> Chart.Series? in
            guard let scenario = byName[scenarioName], let years = scenario.byYear[metric], !years.isEmpty else {
                return nil
            }
            var points = years.map { (x: Double($0.year + axis.offset), estimate: $0.estimate) }
            if startsAtOne { points.insert((Double(axis.offset), Estimate(mean: 1, lower: 1, upper: 1)), at: 0) }
            return Chart.Series(name: scenario.name, points: points, colour: palette.colour(of: scenario.name))
        }
        guard !series.isEmpty else { return nil }
        let provenance = results.provenanceLine(of: series.map(\.name), language: language)
        if series.count > linesInOnePanel, let baseline = palette.baseline,
            let reference = series.first(where: { $0.name == baseline })
        {
            let others = series.filter { $0.name != baseline }
            let rows = Chart.panelGrid(others.count).rows
            return Chart(
                name: name, title: title, xLabel: axis.label, yLabel: yLabel,
                caption: caption + " " + language(.baselineInEveryPanel(baseline: baseline)), provenance: provenance,
                plot: .panels(others, reference: reference, integerX: true), scale: 100, height: 180 + 270 * rows)
        }
        return Chart(
            name: name, title: title, xLabel: axis.label, yLabel: yLabel, caption: caption, provenance: provenance,
            plot: .lines(series, integerX: true), scale: 100)
    }

    static func cumulative(_ results: ResultsFolder, _ palette: ScenarioPalette, _ language: ReportLanguage) -> Chart? {
        let chosen = results.scenarios.filter { $0.horizon["cumulative_repoverty_rate"]?.mean != nil }
        guard !chosen.isEmpty else { return nil }
        let years = chosen.compactMap { $0.provenance?.years }.max()
        let baseline = chosen.first { $0.name == palette.baseline }
        return Chart(
            name: "cumulative", title: language(.cumulativeTitle), xLabel: language(.scenarioAxis),
            yLabel: language(.cumulativeAxis(years: years.map(String.init) ?? "T")),
            caption: language(.cumulativeCaption(baseline: chosen.count > 1 ? baseline?.name : nil)),
            provenance: results.provenanceLine(of: chosen.map(\.name), language: language),
            plot: .bars(
                categories: chosen.map(\.name), values: chosen.map { $0.horizon["cumulative_repoverty_rate"]! },
                colours: chosen.map { palette.colour(of: $0.name) },
                reference: chosen.count > 1 ? baseline?.horizon["cumulative_repoverty_rate"]?.mean : nil),
            scale: 100)
    }

    /// Entries by cause as a table of counts (cause × scenario), shaded within each cause: stacked bars lost the
    /// small causes under the large ones.
    static func entriesByCause(_ results: ResultsFolder, _ palette: ScenarioPalette, _ language: ReportLanguage)
        -> Chart?
    {
        let present = causes.filter { cause in
            results.scenarios.contains { ($0.horizon["entries_\(cause)"]?.mean ?? 0) > 0 }
        }
        guard !present.isEmpty else { return nil }
        let scenarios = results.scenarios
        return Chart(
            name: "entries-by-cause", title: language(.causesTitle), xLabel: language(.scenarioAxis),
            yLabel: language(.causeAxis), caption: language(.causesCaption),
            provenance: results.provenanceLine(language: language),
            plot: .matrix(
                rows: present.map(language.causeName), columns: scenarios.map(\.name),
                values: present.map { cause in scenarios.map { $0.horizon["entries_\(cause)"]?.mean } },
                columnColours: scenarios.map { palette.colour(of: $0.name) }),
            height: max(480, 200 + 48 * present.count))
    }

    /// The paired change of every scenario from the baseline in the headline rate and in cost, with 95 % intervals
    /// (compare.csv's `diff` columns): a forest plot ranked by the change in the rate, best (most negative) on top.
    static func changeVersusBaseline(
        _ comparison: ComparisonResults, _ results: ResultsFolder, _ language: ReportLanguage
    ) -> Chart? {
        guard let baseline = comparison.baseline else { return nil }
        let palette = results.palette
        let ranked = comparison.scenarios.dropFirst()
            .filter { comparison.rows[$0]?["cumulative_repoverty_rate"]?.difference.mean != nil }
            .sorted {
                (comparison.rows[$0]!["cumulative_repoverty_rate"]!.difference.mean!, $0)
                    < (comparison.rows[$1]!["cumulative_repoverty_rate"]!.difference.mean!, $1)
            }
        guard !ranked.isEmpty else { return nil }
        var panels = [
            Chart.ForestPanel(
                title: language(.changeRatePanel),
                values: ranked.map { comparison.rows[$0]!["cumulative_repoverty_rate"]!.difference }, scale: 100)
        ]
        let costs = ranked.map { comparison.rows[$0]?["cost_total"]?.difference ?? Estimate(mean: nil) }
        if costs.contains(where: { $0.mean != nil }) {
            panels.append(
                Chart.ForestPanel(
                    title: language(.changeCostPanel(unit: language(.moneyUnit))), values: costs,
                    scale: 1 / language.moneyScale))
        }
        let years = results.scenarios.compactMap { $0.provenance?.years }.max()
        return Chart(
            name: "change-vs-baseline", title: language(.changeTitle(baseline: baseline)), xLabel: panels[0].title,
            yLabel: language(.scenarioAxis),
            caption: language(.changeCaption(baseline: baseline, years: years.map(String.init) ?? "T")),
            provenance: results.provenanceLine(of: comparison.scenarios, language: language),
            plot: .forest(categories: ranked, colours: ranked.map { palette.colour(of: $0) }, panels: panels),
            height: max(480, 260 + 46 * ranked.count))
    }

    static func costPerEntryAverted(
        _ comparison: ComparisonResults, _ results: ResultsFolder, _ palette: ScenarioPalette,
        _ language: ReportLanguage
    ) -> Chart? {
        var omitted: [String] = []
        let points = comparison.scenarios.dropFirst().compactMap { name -> Chart.Point? in
            guard let rows = comparison.rows[name], let cost = rows["cost_per_entry_averted"]?.level, cost.mean != nil,
                let averted = rows["entries_averted"]?.level, averted.mean != nil
            else {
                omitted.append(name)
                return nil
            }
            return Chart.Point(name: name, x: averted, y: cost, colour: palette.colour(of: name))
        }
        guard !points.isEmpty else { return nil }
        return Chart(
            name: "cost-per-entry-averted", title: language(.costTitle), xLabel: language(.costXAxis),
            yLabel: language(.costYAxis(unit: language(.yuanUnit))),
            caption: language(.costCaption) + (omitted.isEmpty ? "" : " " + language(.omittedScenarios(omitted))),
            provenance: results.provenanceLine(of: comparison.scenarios, language: language), plot: .points(points),
            note: omitted.isEmpty ? nil : language(.omittedScenarios(omitted)))
    }

    /// A key path with its unit as the key's declaration gives it: `interventions.dibao.standard (yuan/person/yr)`.
    static func keyLabel(_ key: String) -> String {
        guard let unit = ScenarioKeys.declaration(for: key)?.unit, !unit.isEmpty else { return key }
        return "\(key) (\(unit))"
    }

    /// A grid value as a tick label: numbers with at most four significant digits (no 12-digit ticks), text as it is.
    static func tickLabel(_ value: String) -> String {
        guard let number = Double(value), number.isFinite else { return value }
        return String(format: "%.4g", number)
    }

    static func sweepChart(_ sweep: SweepResults, _ results: ResultsFolder, _ language: ReportLanguage) -> Chart? {
        let provenance = results.sweepProvenanceLine(language)
        let yLabel = language(.sweepAxis)
        if sweep.isSampled {
            let panels = sweep.keys.indices.map { index in
                Chart.ScatterPanel(
                    xLabel: keyLabel(sweep.keys[index]),
                    points: zip(sweep.points, sweep.estimates).compactMap { point, estimate in
                        Double(point[index]).map { (x: $0, estimate: estimate) }
                    })
            }
            let rows = Chart.panelGrid(panels.count).rows
            return Chart(
                name: "sweep", title: language(.sweepScatterTitle), xLabel: panels.first?.xLabel ?? "", yLabel: yLabel,
                caption: language(.sweepScatterCaption(points: sweep.points.count)), provenance: provenance,
                plot: .scatter(panels), scale: 100, height: max(560, 160 + 330 * rows))
        }
        switch sweep.keys.count {
        case 1:
            let values = sweep.values(ofKey: 0)
            let numbers = values.compactMap(Double.init)
            let numeric = numbers.count == values.count
            let points = values.enumerated().compactMap { index, value -> (x: Double, estimate: Estimate)? in
                guard let row = sweep.points.firstIndex(where: { $0[0] == value }) else { return nil }
                return (numeric ? numbers[index] : Double(index), sweep.estimates[row])
            }
            return Chart(
                name: "sweep", title: language(.sweepLineTitle(key: sweep.keys[0])), xLabel: keyLabel(sweep.keys[0]),
                yLabel: yLabel, caption: language(.sweepLineCaption), provenance: provenance,
                plot: .lines([Chart.Series(name: language(.headlineSeries), points: points,
                                           xLabels: numeric ? nil : values.map(tickLabel))], integerX: false),
                scale: 100)
        case 2:
            let xValues = sweep.values(ofKey: 0), yValues = sweep.values(ofKey: 1)
            var grid = [[Double?]](repeating: [Double?](repeating: nil, count: xValues.count), count: yValues.count)
            for (point, estimate) in zip(sweep.points, sweep.estimates) {
                guard let x = xValues.firstIndex(of: point[0]), let y = yValues.firstIndex(of: point[1]) else { continue }
                grid[y][x] = estimate.mean
            }
            return Chart(
                name: "sweep", title: language(.sweepHeatTitle), xLabel: keyLabel(sweep.keys[0]),
                yLabel: keyLabel(sweep.keys[1]), caption: language(.sweepHeatCaption), provenance: provenance,
                plot: .heatMap(
                    xValues: xValues.map(tickLabel), yValues: yValues.map(tickLabel), values: grid, valueLabel: yLabel),
                scale: 100)
        default:
            return nil
        }
    }

    /// Partial rank correlation coefficients of the headline metric (or the file's first metric) with each key.
    static func prccChart(
        _ prcc: PRCCResults, _ sweep: SweepResults, _ results: ResultsFolder, _ language: ReportLanguage
    ) -> Chart? {
        let metric = prcc.metrics.contains(SweepResults.headlineMetric) ? SweepResults.headlineMetric : prcc.metrics.first
        guard let metric else { return nil }
        let rows = prcc.rows.filter { $0.metric == metric }
            .sorted { abs($0.estimate.mean ?? 0) > abs($1.estimate.mean ?? 0) }
        guard !rows.isEmpty else { return nil }
        let points = Set(rows.map(\.points)).sorted().map(String.init).joined(separator: "/")
        return Chart(
            name: "prcc", title: language(.prccTitle(metric: language.metricLabel(metric))), xLabel: language(.prccAxis),
            yLabel: "", caption: language(.prccCaption(points: points)),
            provenance: results.sweepProvenanceLine(language),
            plot: .coefficients(
                keys: rows.map { Chart.Coefficient(name: keyLabel($0.key), status: $0.source, estimate: $0.estimate) },
                statusNames: Dictionary(uniqueKeysWithValues: ["sourced", "calibrated", "assumed"].map {
                    ($0, language(.sourceStatus($0)))
                })),
            height: max(420, 220 + 40 * rows.count))
    }
}
