import Engine

/// `compare.csv`: `scenario,metric,mean,lo95,hi95,diff,diff_lo95,diff_hi95`, one row per scenario and whole-horizon
/// metric; `diff` is the scenario minus the baseline paired by replicate (0 in the baseline's own rows).
public enum ComparisonCSV {
    public static let header = "scenario,metric,mean,lo95,hi95,diff,diff_lo95,diff_hi95"

    /// - Parameter labels: with `run.represents`, the six figures again × represents / households follow, as
    ///   `mean_represented,…,diff_hi95_represented` (``RunLabels``); the file has no years, so `run.startYear` adds
    ///   nothing here.
    public static func render(_ rows: [ComparisonRow], labels: RunLabels = .none) -> String {
        let columns = ["mean", "lo95", "hi95", "diff", "diff_lo95", "diff_hi95"]
        var lines = [([header] + labels.extraHeader(years: false, represented: columns)).joined(separator: ",")]
        for row in rows {
            let figures = [
                row.level.mean, row.level.lower, row.level.upper, row.difference.mean, row.difference.lower,
                row.difference.upper,
            ]
            lines.append(
                ([SummaryCSV.field(row.scenario), row.metric] + figures.map(SummaryCSV.number)
                    + labels.extraCells(year: nil, hasYears: false, metric: row.metric, represented: figures))
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
