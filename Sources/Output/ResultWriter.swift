import Foundation

/// Writes one scenario's results into `DIR/<scenario>/`: `summary.csv` and `run.json`, each atomically.
public enum ResultWriter {
    /// - Parameter summary: `summary.csv`'s text, rendered by the caller (the same rendering `reproduce` compares).
    /// - Returns: the folder written.
    @discardableResult
    public static func write(
        scenario: String, summary: String, provenance: RunProvenance, into directory: URL
    ) throws -> URL {
        let folder = directory.appendingPathComponent(scenario, isDirectory: true)
        let json = try provenance.json()
        try AtomicFile.write(summary, to: folder.appendingPathComponent("summary.csv"))
        try AtomicFile.write(json, to: folder.appendingPathComponent("run.json"))
        return folder
    }
}
