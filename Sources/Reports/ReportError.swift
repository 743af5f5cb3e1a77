/// Why a report could not be made. ``isBadInput`` separates what the user can fix in the folder given (exit 2) from
/// failures while drawing or writing (exit 1).
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The folder holds nothing a report can be made from.
    case notResults(folder: String)
    case unreadable(file: String, reason: String)
    /// A results file that does not have the expected shape; `line` is 1-based.
    case malformed(file: String, line: Int?, reason: String)
    /// No gnuplot on the PATH.
    case gnuplotMissing
    /// gnuplot ran but did not draw the chart.
    case gnuplotFailed(chart: String, status: Int32, message: String)
    /// gnuplot claimed success but the file is not a PNG image.
    case notAnImage(chart: String)
    case cannotWrite(path: String, reason: String)
    /// gnuplot took longer than its time limit and was ended.
    case gnuplotTimedOut(chart: String, seconds: Double)
    /// A signal asked the command to stop; nothing of the report was written.
    case interrupted
    /// An environment setting the report reads is not valid.
    case badSetting(name: String, reason: String)

    public var isBadInput: Bool {
        switch self {
        case .notResults, .unreadable, .malformed, .badSetting: true
        case .gnuplotMissing, .gnuplotFailed, .notAnImage, .cannotWrite, .gnuplotTimedOut, .interrupted: false
        }
    }

    public var description: String {
        switch self {
        case .notResults(let folder):
            "\(folder): no results to report: expected compare.csv, sweep.csv, summary.csv or DIR/<scenario>/summary.csv"
                + " as written by `repoverty run`, `compare` or `sweep`"
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .malformed(let file, let line, let reason): "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case .gnuplotMissing:
            "gnuplot is not installed (not found on the PATH); the report draws its charts with it."
                + " Install it with `apt-get install gnuplot-nox` (Debian, Ubuntu) or your system's gnuplot package"
        case .gnuplotFailed(let chart, let status, let message):
            "gnuplot failed to draw the chart \(chart) (exit status \(status)): \(message)"
        case .notAnImage(let chart): "gnuplot did not produce a PNG image for the chart \(chart)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .gnuplotTimedOut(let chart, let seconds):
            "gnuplot did not finish the chart \(chart) within \(String(format: "%g", seconds)) s and was stopped; no report was"
                + " written (set REPOVERTY_GNUPLOT_TIMEOUT to allow longer)"
        case .interrupted: "interrupted: the report was stopped before it finished; no report was written"
        case .badSetting(let name, let reason): "\(name): \(reason)"
        }
    }
}
