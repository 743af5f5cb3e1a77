import Foundation
import Output

/// What `repoverty run`, `compare`, `sweep` or `sensitivity` left in a folder: the scenarios' summaries, and
/// `compare.csv`, `sweep.csv` and `sensitivity.csv` when there.
///
/// The folder may be an output folder (`DIR/<scenario>/summary.csv`, `DIR/compare.csv`, `DIR/sweep.csv`) or one
/// scenario's own folder (`DIR/summary.csv`). With a `compare.csv`, only its scenarios are read, in its order (the
/// baseline first), so older runs in the same folder do not creep into the report.
public struct ResultsFolder: Sendable {
    public let url: URL
    public let scenarios: [ScenarioResults]
    public let comparison: ComparisonResults?
    public let sweep: SweepResults?
    /// `sensitivity.csv` of `repoverty sensitivity`, when there.
    public let sensitivity: SensitivityResults?
    /// `uncertainty.csv` of `repoverty sensitivity --uncertainty`, when there.
    public let uncertainty: UncertaintyResults?
    /// Provenance of runs found beside a sweep (`DIR/run.json`), when there.
    public let folderProvenance: RunProvenance?

    public init(_ url: URL) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReportError.unreadable(file: url.path, reason: "no such folder")
        }
        self.url = url
        let marker = url.appendingPathComponent(OutputFolder.incompleteMarker)
        if files.fileExists(atPath: marker.path) {
            throw ReportError.malformed(
                file: url.path, line: nil,
                reason: "the results here are incomplete: a command writing them was stopped before it finished"
                    + " (\(OutputFolder.incompleteMarker) is still there); run it again")
        }
        let compareFile = url.appendingPathComponent("compare.csv")
        comparison = files.fileExists(atPath: compareFile.path) ? try ComparisonResults(file: compareFile) : nil
        let sweepFile = url.appendingPathComponent("sweep.csv")
        sweep = files.fileExists(atPath: sweepFile.path) ? try SweepResults(file: sweepFile) : nil
        let sensitivityFile = url.appendingPathComponent("sensitivity.csv")
        sensitivity = files.fileExists(atPath: sensitivityFile.path) ? try SensitivityResults(file: sensitivityFile) : nil
        let uncertaintyFile = url.appendingPathComponent("uncertainty.csv")
        uncertainty = files.fileExists(atPath: uncertaintyFile.path) ? try UncertaintyResults(file: uncertaintyFile) : nil

        var folders: [URL] = []
        if let comparison {
            for name in comparison.scenarios {
                let folder = url.appendingPathComponent(name, isDirectory: true)
                guard files.fileExists(atPath: folder.appendingPathComponent("summary.csv").path) else {
                    throw ReportError.malformed(
                        file: compareFile.path, line: nil,
                        reason: "lists the scenario \(name), but \(folder.path)/summary.csv is missing")
                }
                folders.append(folder)
            }
        } else if files.fileExists(atPath: url.appendingPathComponent("summary.csv").path) {
            folders = [url]
        } else {
            let entries = (try? files.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
            folders = entries.filter { files.fileExists(atPath: $0.appendingPathComponent("summary.csv").path) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        scenarios = try folders.map { try ScenarioResults(folder: $0) }
        let record = url.appendingPathComponent("run.json")
        folderProvenance =
            folders != [url] && files.fileExists(atPath: record.path) ? try RunProvenance(file: record) : nil
        if scenarios.isEmpty && sweep == nil && sensitivity == nil && uncertainty == nil { throw ReportError.notResults(folder: url.path) }
    }

    /// The provenance line of charts drawn from these scenarios' runs.
    public func provenanceLine(of names: [String]? = nil, language: ReportLanguage = .en) -> String {
        let chosen = scenarios.filter { names?.contains($0.name) ?? true }
        return RunProvenance.line(chosen.compactMap(\.provenance), language: language)
    }

    /// The provenance line of a sweep's charts: from the sweep's store (its design, its seed and the points' runs),
    /// else from run.json files beside it, else from the columns of sweep.csv.
    public func sweepProvenanceLine(_ language: ReportLanguage = .en) -> String {
        if let store = sweep?.store, !store.runs.isEmpty {
            return RunProvenance.line(
                store.runs, language: language,
                design: ("\(store.design) · " + language(.points(store.pointCount)), store.seed))
        }
        if let folderProvenance { return RunProvenance.line([folderProvenance], language: language) }
        let records = scenarios.compactMap(\.provenance)
        if !records.isEmpty { return RunProvenance.line(records, language: language) }
        if let described = sweep?.columnsProvenance { return "repoverty · " + described }
        return RunProvenance.line([], language: language)
    }

    /// One colour per scenario for every chart of the report, the baseline (compare.csv's first scenario, else a
    /// scenario named `baseline`) black.
    public var palette: ScenarioPalette {
        let names = comparison?.scenarios ?? scenarios.map(\.name)
        return ScenarioPalette(
            scenarios: names, baseline: comparison?.baseline ?? (names.contains("baseline") ? "baseline" : nil))
    }
}
