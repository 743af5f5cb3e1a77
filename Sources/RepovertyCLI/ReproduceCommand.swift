import ArgumentParser
import Engine
import Foundation
import Output
import Reproduction
import Runs
import Scenarios

/// `repoverty reproduce PATH/run.json...`: re-make recorded runs and say whether every output file is byte-identical.
struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run what a run.json records and check that every output file beside it is byte-identical.",
        discussion: """
            Each run is re-made from its run.json alone (the resolved parameters, seed, generator and sizes recorded
            there, not the scenario file, which may have changed) and its summary.csv is compared byte for byte. If the
            folder above holds a compare.json listing the run, the comparison's other runs are re-made too and
            compare.csv is checked; a compare.json may also be given. A record from another program version is still
            re-run, with a warning. Nothing is written unless --output is given.

            Exit codes: 0 every file is identical; 1 a file differs or is missing (the first differing line is shown),
            or the run failed; 2 a record that cannot be read or run.
            """
    )

    @Argument(help: "run.json files (or a comparison's compare.json).")
    var records: [String]

    @Option(
        parsing: .unconditional,
        help: "Worker threads; results are identical for any number. Default: the number of cores.",
        transform: OptionValues.whole)
    var threads: Int?

    @Option(help: "Also write the re-made files into this folder (DIR/<scenario>/summary.csv, replicates.csv and run.json, DIR/compare.csv).")
    var output: String?

    @Flag(help: "Print only the files that differ, and errors.")
    var quiet = false

    @Flag(help: "With --output: replace results of a different run there (by default the command refuses, exit 2).")
    var force = false

    func validate() throws {
        do { try RunSize(threads: threads).check() } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let targets: [Reproduction.Target]
        do { targets = try Reproduction.plan(records.map { URL(fileURLWithPath: $0) }) } catch {
            throw BadInput(message: error.description)
        }
        for warning in targets.flatMap(\.warnings).uniqued() {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        // The same runner as `run`'s, so the re-made summary.csv comes from the same code; it refuses, as `run` does,
        // a record too large for the memory before anything is allocated.
        // The output folder, when asked for, is claimed before the work: an unwritable one is found now, not after.
        var folder: OutputFolder?
        if let output {
            do { folder = try OutputFolder(claiming: URL(fileURLWithPath: output, isDirectory: true)) } catch {
                throw RunError.outputFolder(error)
            }
        }
        defer { folder?.release() }
        // As `run` and `compare`: results of a different run in DIR/<name>/ are never replaced without --force.
        if let folder {
            do {
                for target in targets {
                    for run in target.runs {
                        try folder.checkReplaceable(
                            name: run.scenario, parameters: run.parameters, subpopulations: run.subpopulations,
                            vulnerability: run.vulnerability,
                            version: ProgramVersion.current, force: force)
                    }
                    if let comparison = target.comparison {
                        try folder.checkComparisonReplaceable(scenarios: comparison.runs.map(\.scenario), force: force)
                    }
                }
            } catch { throw RunError.outputFolder(error) }
        }
        var reproduction = Reproduction(
            runner: Runner(threads: RunSize(threads: threads).resolvedThreads, observer: CommandObserver(quiet: true)))
        let report = try reproduction.reproduce(targets)
        if let folder { try write(report, into: folder) }
        var printed = Set<String>()
        for check in report.checks where printed.insert(check.file.path).inserted {
            let path = relative(check.file)
            switch check.outcome {
            case .identical:
                if !quiet { print("\(path): identical") }
            case .missing:
                print("\(path): missing (the re-made file has \(check.reproduced.count) bytes)")
            case let .differs(line, recorded, reproduced):
                print("\(path): differs from line \(line)")
                print("  recorded:   \(recorded ?? "<end of file>")")
                print("  reproduced: \(reproduced ?? "<end of file>")")
            }
        }
        if !report.allIdentical {
            let differing = report.checks.filter { $0.outcome != .identical }.map { relative($0.file) }.uniqued()
            throw RunFailure(
                message: "not reproduced: \(differing.joined(separator: ", ")) \(differing.count == 1 ? "differs" : "differ")"
                    + " from the re-made run")
        }
        if !quiet { print("reproduced: \(printed.count) file\(printed.count == 1 ? "" : "s") byte-identical") }
    }

    /// The re-made files, laid out as `run` and `compare` lay out theirs: each scenario's folder replaced whole.
    private func write(_ report: Reproduction.Report, into folder: OutputFolder) throws {
        do {
            for check in report.checks where check.scenario == nil {
                try folder.writeFile(check.file.lastPathComponent, check.reproduced)
            }
            let byScenario = Dictionary(grouping: report.checks.filter { $0.scenario != nil }) { $0.scenario ?? "" }
            for (scenario, checks) in byScenario.sorted(by: { $0.key < $1.key }) {
                var files = checks.map { ($0.file.lastPathComponent, $0.reproduced) }
                if let record = try? report.records[scenario]?.json() { files.append(("run.json", Data(record.utf8))) }
                try folder.replaceFolder(name: scenario, files: files)
            }
        } catch { throw RunError.outputFolder(error) }
    }

    /// A path as the user would type it: relative to the current folder when inside it.
    private func relative(_ file: URL) -> String {
        let path = file.standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
