import ArgumentParser
import Foundation
import Output
import Runs
import Sweeps

/// `repoverty merge DIR... --output DIR`: combine the shards of a sweep into one store and one `sweep.csv`.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the shards of a sweep into one sweep.sqlite and sweep.csv.",
        discussion: """
            Every input (a sweep folder, or a sweep.sqlite file) must hold the same sweep, and together they must hold
            every point complete; otherwise nothing is written. The merged rows are the same as a whole sweep's.
            Exit codes: 0 success, 1 a failure while running, 2 bad input or usage (shards of different sweeps, or
            missing points).
            """
    )

    @Argument(help: "The shards' folders (or their sweep.sqlite files).")
    var inputs: [String]

    @Option(help: "Folder for the merged sweep.sqlite and sweep.csv.")
    var output: String

    @Flag(help: "Print nothing but errors (and the rows, with --format).")
    var quiet = false

    @Option(help: "Also print the rows to standard output as csv or json.")
    var format: SweepOutputFormat?

    @Flag(help: "Replace a different sweep in the output folder (by default merge refuses, exit 2).")
    var force = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("expected at least one shard folder to merge") }
    }

    func run() throws {
        let urls = inputs.map { input -> URL in
            var isFolder: ObjCBool = false
            let url = URL(fileURLWithPath: input)
            if FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
                return url.appendingPathComponent("sweep.sqlite")
            }
            return url
        }
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let storeURL = directory.appendingPathComponent("sweep.sqlite")
        let csvURL = directory.appendingPathComponent("sweep.csv")
        let folder: OutputFolder
        do { folder = try OutputFolder(claiming: directory) } catch { throw RunError.outputFolder(error) }
        defer { folder.release() }
        do {
            let (report, points) = try SweepMerge.merge(
                inputs: urls, into: storeURL, force: force, isCancelled: { Interruption.shared.isCancelled })
            let rows = SweepTable.rows(points)
            try AtomicFile.write(SweepTable.csv(keyPaths: report.identity.keyPaths, rows: rows), to: csvURL)
            try writePRCC(identity: report.identity, rows: rows, into: directory)
            if let format { printSweepRows(format, keyPaths: report.identity.keyPaths, rows: rows) }
            if !quiet {
                let line = "\(report.identity.scenario): merged \(urls.count) stores, \(report.complete) points → \(csvURL.path), \(storeURL.path)"
                if format != nil { printToStandardError(line) } else { print(line) }
            }
        } catch { throw sweepFailure(error, writing: storeURL.path) }
    }
}

/// `prcc.csv` beside `sweep.csv` once a Latin-hypercube sweep is complete (issue 16), for `sweep` and `merge` alike.
func writePRCC(identity: SweepIdentity, rows: [SweepTable.Row], into directory: URL) throws {
    guard let text = PRCCTable.sweepCSV(identity: identity, rows: rows) else { return }
    try AtomicFile.write(text, to: directory.appendingPathComponent(PRCCTable.fileName))
}
