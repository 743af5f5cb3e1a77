import Engine

/// `replicates.csv`, beside `summary.csv`: every metric's value in every replicate, `scenario,metric,year,replicate,value`
/// (issue 17), for a researcher who wants the distribution and not only the mean and interval `summary.csv` gives.
///
/// One row per metric of `summary.csv` (the vulnerability rows, which are frequencies across replicates and have no
/// value of their own in a replicate, are left out) and replicate, metric by metric in `summary.csv`'s order, replicates
/// 1…R within each (replicate r is the one drawn from the stream keys with replicate index r − 1, README). `year` is
/// empty for whole-horizon figures; `value` is empty where the figure is undefined in that replicate (a poverty gap with
/// nobody poor) — exactly the replicates `summary.csv`'s `replicates` column leaves out. Numbers as in `summary.csv`
/// (`%.10g`), so the mean of a metric's `value`s is its `mean` there to ten significant digits.
public enum ReplicatesCSV {
    public static let header = "scenario,metric,year,replicate,value"

    /// The file's name in a results folder.
    public static let fileName = "replicates.csv"

    /// - Parameter labels: `calendar_year` and `value_represented` columns follow as in `summary.csv` (``RunLabels``).
    public static func render(scenario: String, metrics: [Metric], labels: RunLabels = .none) -> String {
        var lines = [([header] + labels.extraHeader(years: true, represented: ["value"])).joined(separator: ",")]
        lines.reserveCapacity(metrics.reduce(1) { $0 + $1.values.count })
        let name = SummaryCSV.field(scenario)
        for metric in metrics {
            let year = metric.year.map(String.init) ?? ""
            for (index, value) in metric.values.enumerated() {
                lines.append(
                    ([name, metric.name, year, String(index + 1), SummaryCSV.number(value)]
                        + labels.extraCells(year: metric.year, hasYears: true, metric: metric.name, represented: [value]))
                        .joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
