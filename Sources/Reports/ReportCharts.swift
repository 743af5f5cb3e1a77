import Model

/// The charts of a report, chosen from what the results folder holds (issue 7; the metrics of MODEL.md §4).
///
/// Scenario charts need `summary.csv` files; the cost-effectiveness chart needs `compare.csv`; the grid chart needs
/// `sweep.csv`. A chart that cannot be drawn from the folder is left out with a note saying why.
public enum ReportCharts {
    /// The causes of MODEL.md §2.2 step 19, in the order of `summary.csv`: the model's own ``EntryCause`` names, so a
    /// cause added there is charted without a change here.
    public static let causes = EntryCause.allCases.map(\.metricName)

    public static func charts(for results: ResultsFolder) -> (charts: [Chart], notes: [String]) {
        var charts: [Chart] = []
        var notes: [String] = []
        func add(_ chart: Chart?, else note: String) {
            if let chart { charts.append(chart) } else { notes.append(note) }
        }
        if !results.scenarios.isEmpty {
            add(yearly(results, metric: "incidence", chart: "incidence", title: "Re-poverty incidence by year",
                       yLabel: "cohort poor in the year (%)",
                       caption: "Share of the cohort (households not poor in year 0) below the poverty line in each year;"
                           + " shaded bands are 95 % intervals over replicates.",
                       startsAtOne: false),
                else: "No incidence by year in the summaries.")
            add(cumulative(results), else: "No cumulative re-poverty rate in the summaries.")
            add(entriesByCause(results), else: "No re-poverty entries by cause in the summaries.")
            add(yearly(results, metric: "survival", chart: "survival", title: "Survival: share of the cohort never re-poor",
                       yLabel: "cohort never re-poor by the year (%)",
                       caption: "Share of the cohort not yet fallen back into poverty in any year up to this one (100 % in"
                           + " year 0 by definition); shaded bands are 95 % intervals over replicates.",
                       startsAtOne: true),
                else: "No survival curve in the summaries (metric `survival` by year).")
        }
        if let comparison = results.comparison {
            add(costPerEntryAverted(comparison, results),
                else: "Cost per entry averted: no scenario averts re-poverty entries on average, so no cost per entry"
                    + " averted is defined (compare.csv).")
        }
        if let sweep = results.sweep {
            add(sweepChart(sweep, results),
                else: "The sweep varies \(sweep.keys.count) keys; the grid chart shows one key (lines) or two (a heat"
                    + " map). See sweep.csv for the figures.")
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

    static func yearly(
        _ results: ResultsFolder, metric: String, chart name: String, title: String, yLabel: String, caption: String,
        startsAtOne: Bool
    ) -> Chart? {
        let series = results.scenarios.compactMap { scenario -> Chart.Series? in
            guard let years = scenario.byYear[metric], !years.isEmpty else { return nil }
            var points = years.map { (x: Double($0.year), estimate: $0.estimate) }
            if startsAtOne { points.insert((0, Estimate(mean: 1, lower: 1, upper: 1)), at: 0) }
            return Chart.Series(name: scenario.name, points: points)
        }
        guard !series.isEmpty else { return nil }
        return Chart(
            name: name, title: title, xLabel: "year after selection (year 0)", yLabel: yLabel, caption: caption,
            provenance: results.provenanceLine(of: series.map(\.name)), plot: .lines(series, integerX: true), scale: 100)
    }

    static func cumulative(_ results: ResultsFolder) -> Chart? {
        let chosen = results.scenarios.filter { $0.horizon["cumulative_repoverty_rate"]?.mean != nil }
        guard !chosen.isEmpty else { return nil }
        let years = chosen.compactMap { $0.provenance?.years }.max()
        return Chart(
            name: "cumulative", title: "Cumulative re-poverty rate by scenario", xLabel: "scenario",
            yLabel: "cohort re-poor at least once in years 1–\(years.map(String.init) ?? "T") (%)",
            caption: "The headline figure: share of the cohort below the poverty line in at least one year of the"
                + " horizon; error bars are 95 % intervals over replicates.",
            provenance: results.provenanceLine(of: chosen.map(\.name)),
            plot: .bars(categories: chosen.map(\.name), values: chosen.map { $0.horizon["cumulative_repoverty_rate"]! }),
            scale: 100)
    }

    static func entriesByCause(_ results: ResultsFolder) -> Chart? {
        let present = causes.filter { cause in
            results.scenarios.contains { ($0.horizon["entries_\(cause)"]?.mean ?? 0) > 0 }
        }
        guard !present.isEmpty else { return nil }
        return Chart(
            name: "entries-by-cause", title: "Re-poverty entries by cause", xLabel: "scenario",
            yLabel: "entries over the horizon (households, mean over replicates)",
            caption: "Entries into re-poverty over the whole horizon, split by the largest cause of each entry (MODEL.md"
                + " §2.2); counts are households of the simulated population, not scaled.",
            provenance: results.provenanceLine(),
            plot: .stackedBars(
                categories: results.scenarios.map(\.name), parts: present.map { $0.replacingOccurrences(of: "_", with: " ") },
                values: results.scenarios.map { scenario in present.map { scenario.horizon["entries_\($0)"]?.mean ?? 0 } }))
    }

    static func costPerEntryAverted(_ comparison: ComparisonResults, _ results: ResultsFolder) -> Chart? {
        let points = comparison.scenarios.dropFirst().compactMap { name -> Chart.Point? in
            guard let rows = comparison.rows[name], let cost = rows["cost_per_entry_averted"]?.level, cost.mean != nil,
                let averted = rows["entries_averted"]?.level, averted.mean != nil
            else { return nil }
            return Chart.Point(name: name, x: averted, y: cost)
        }
        guard !points.isEmpty else { return nil }
        return Chart(
            name: "cost-per-entry-averted",
            title: "Cost per re-poverty entry averted against entries averted, vs \(comparison.baseline ?? "baseline")",
            xLabel: "re-poverty entries averted over the horizon (households)",
            yLabel: "extra cost per entry averted (yuan)",
            caption: "Each scenario against the baseline, paired by replicate: entries averted (right is better) and"
                + " the extra fiscal cost of each (lower is better; below zero the scenario also saves money). Bars are"
                + " 95 % intervals. Scenarios that avert no entries on average have no cost per entry and are not shown.",
            provenance: results.provenanceLine(of: comparison.scenarios), plot: .points(points))
    }

    static func sweepChart(_ sweep: SweepResults, _ results: ResultsFolder) -> Chart? {
        let provenance = provenance(of: sweep, results)
        let yLabel = "cohort re-poor at least once (%)"
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
                name: "sweep", title: "Cumulative re-poverty rate across the sweep of \(sweep.keys[0])",
                xLabel: sweep.keys[0], yLabel: yLabel,
                caption: "The headline figure at each grid point; the shaded band is its 95 % interval over replicates.",
                provenance: provenance,
                plot: .lines([Chart.Series(name: "cumulative re-poverty rate", points: points,
                                           xLabels: numeric ? nil : values)], integerX: false),
                scale: 100)
        case 2:
            let xValues = sweep.values(ofKey: 0), yValues = sweep.values(ofKey: 1)
            var grid = [[Double?]](repeating: [Double?](repeating: nil, count: xValues.count), count: yValues.count)
            for (point, estimate) in zip(sweep.points, sweep.estimates) {
                guard let x = xValues.firstIndex(of: point[0]), let y = yValues.firstIndex(of: point[1]) else { continue }
                grid[y][x] = estimate.mean
            }
            return Chart(
                name: "sweep", title: "Cumulative re-poverty rate across the grid", xLabel: sweep.keys[0],
                yLabel: sweep.keys[1],
                caption: "The headline figure at each grid point (darker is worse); see sweep.csv for the intervals.",
                provenance: provenance,
                plot: .heatMap(xValues: xValues, yValues: yValues, values: grid, valueLabel: yLabel), scale: 100)
        default:
            return nil
        }
    }

    private static func provenance(of sweep: SweepResults, _ results: ResultsFolder) -> String {
        if let record = results.folderProvenance { return RunProvenance.line([record]) }
        let records = results.scenarios.compactMap(\.provenance)
        if !records.isEmpty { return RunProvenance.line(records) }
        if let described = sweep.columnsProvenance { return "repoverty · " + described }
        return RunProvenance.line([])
    }
}
