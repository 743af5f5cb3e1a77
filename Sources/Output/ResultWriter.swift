import Engine
import Foundation

/// Writes one scenario's results into `DIR/<scenario>/`: `summary.csv` and `run.json`, each atomically.
public enum ResultWriter {
    /// - Returns: the folder written.
    @discardableResult
    public static func write(
        scenario: String, rows: [SummaryRow], record: RunRecord, into directory: URL
    ) throws -> URL {
        let folder = directory.appendingPathComponent(scenario, isDirectory: true)
        let csv = SummaryCSV.render(scenario: scenario, rows: rows)
        let json = try record.json()
        try AtomicFile.write(csv, to: folder.appendingPathComponent("summary.csv"))
        try AtomicFile.write(json, to: folder.appendingPathComponent("run.json"))
        return folder
    }
}
