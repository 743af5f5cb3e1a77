import Engine

/// `compare.csv`: `scenario,metric,mean,lo95,hi95,diff,diff_lo95,diff_hi95`, one row per scenario and whole-horizon
/// metric; `diff` is the scenario minus the baseline paired by replicate (0 in the baseline's own rows).
public enum ComparisonCSV {
    public static let header = "scenario,metric,mean,lo95,hi95,diff,diff_lo95,diff_hi95"

    public static func render(_ rows: [ComparisonRow]) -> String {
        var lines = [header]
        for row in rows {
            lines.append(
                [
                    SummaryCSV.field(row.scenario), row.metric, SummaryCSV.number(row.level.mean),
                    SummaryCSV.number(row.level.lower), SummaryCSV.number(row.level.upper),
                    SummaryCSV.number(row.difference.mean), SummaryCSV.number(row.difference.lower),
                    SummaryCSV.number(row.difference.upper),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
