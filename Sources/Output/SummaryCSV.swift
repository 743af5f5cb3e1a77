import Engine
import Foundation

/// `summary.csv`: a tidy table with the columns `scenario,metric,year,mean,lo95,hi95,replicates`.
///
/// `year` is empty for whole-horizon figures; `lo95` and `hi95` are empty with one replicate (no interval). Numbers are written with
/// ten significant digits by `%.10g`, the same bytes for the same doubles on every run.
public enum SummaryCSV {
    public static let header = "scenario,metric,year,mean,lo95,hi95,replicates"

    /// - Parameter labels: with `run.startYear`, a `calendar_year` column follows; with `run.represents`,
    ///   `mean_represented,lo95_represented,hi95_represented` follow (``RunLabels``). Without either, the file is
    ///   exactly the seven columns.
    public static func render(scenario: String, rows: [SummaryRow], labels: RunLabels = .none) -> String {
        ([header(labels)] + lines(scenario: scenario, rows: rows, labels: labels)).joined(separator: "\n") + "\n"
    }

    /// `subpopulations.csv` of a mixture (MODEL.md §7): `summary.csv`'s columns after a first column `subpopulation`,
    /// every row of each sub-population in list order, each rendered exactly as `summary.csv` renders its rows.
    public static func renderSubpopulations(
        scenario: String, subpopulations: [(name: String, rows: [SummaryRow])], labels: RunLabels = .none
    ) -> String {
        var lines = [subpopulationColumn + "," + header(labels)]
        for (name, rows) in subpopulations {
            let prefix = field(name) + ","
            lines += self.lines(scenario: scenario, rows: rows, labels: labels).map { prefix + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first column of `subpopulations.csv`, and its file name.
    public static let subpopulationColumn = "subpopulation"
    public static let subpopulationsFileName = "subpopulations.csv"

    private static func header(_ labels: RunLabels) -> String {
        ([header] + labels.extraHeader(years: true, represented: ["mean", "lo95", "hi95"])).joined(separator: ",")
    }

    private static func lines(scenario: String, rows: [SummaryRow], labels: RunLabels) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        let name = field(scenario)
        for row in rows {
            let estimate = row.estimate
            lines.append(
                ([
                    name, row.metric, row.year.map(String.init) ?? "", number(estimate.mean), number(estimate.lower),
                    number(estimate.upper), String(estimate.replicates),
                ] + labels.extraCells(
                    year: row.year, hasYears: true, metric: row.metric,
                    represented: [estimate.mean, estimate.lower, estimate.upper])).joined(separator: ","))
        }
        return lines
    }

    /// A number as written in the CSV: empty when absent or not finite.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == 0 { return "0" }
        return String(format: "%.10g", value)
    }

    /// A text field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
