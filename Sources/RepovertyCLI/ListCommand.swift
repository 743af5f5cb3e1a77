import ArgumentParser
import Foundation
import Sweeps

/// `repoverty list DIR`: a catalogue of the runs, comparisons and sweeps under a folder (issue 17).
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the runs, comparisons and sweeps under a folder of results.",
        discussion: """
            Reads every run.json, compare.json and sweep.sqlite below DIR (hidden folders and links to folders are not \
            entered) and prints one line each: kind, folder, scenario, description, seed, sizes, date, program version \
            and commit. --format csv or json prints every field for scripts; seeds are written as text so no reader \
            rounds them. A file of those names that is not a record of this program is reported on standard error \
            and the rest is still listed.

            Exit codes: 0 success (also when some records could not be read), 2 DIR is not a folder or bad usage.
            """
    )

    @Argument(help: "The folder to list (e.g. the --output of run, compare or sweep).")
    var folder: String = "results"

    @Option(help: "Output format: table (default), csv or json.")
    var format: ListFormat = .table

    enum ListFormat: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    func run() throws {
        let catalogue: ResultsCatalogue
        do { catalogue = try ResultsCatalogue.read(URL(fileURLWithPath: folder, isDirectory: true)) } catch {
            throw BadInput(message: error.description)
        }
        for problem in catalogue.problems where format != .json {
            printToStandardError("warning: \(folder)/\(ResultsCatalogue.printable(problem, limit: 300)): skipped")
        }
        switch format {
        case .table:
            if catalogue.entries.isEmpty {
                print("\(folder): no runs, comparisons or sweeps")
            } else {
                print(catalogue.table(), terminator: "")
            }
        case .csv: print(catalogue.csv(), terminator: "")
        case .json: print(try catalogue.json(), terminator: "")
        }
    }
}
