import ArgumentParser
import Scenarios

/// `repoverty keys`: print the index of every scenario key from the declarations in the model.
///
/// A planner writing a scenario needs each key's default, unit, valid range and whether its number has a source; the
/// declarations beside the parameter structs hold all of it, so the index printed here is the model's own, never a
/// copy that can drift. docs/MODEL.md §3 adds what each key means.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every scenario key with its default, unit, range and source.",
        discussion: """
            Status is sourced (a field-study figure), calibrated (fitted to a published figure) or assumed (no source). \
            This is each key's declared status, that of its default value; a scenario or profile may give a key \
            another status with a top-level keyStatus: entry (a profile that borrows a value measured elsewhere makes \
            it assumed), which sensitivity and validate --print use. docs/MODEL.md §3 explains what each key means. Any number under interventions. may be given per year \
            as a list, years 0, 1, 2, ... with the last carried forward (interventions.dibao.standard: [5500, 6000]).

            Exit codes: 0 success, 2 bad usage.
            """
    )

    @Option(help: "Output format: \(KeyIndex.Format.allCases.map(\.rawValue).joined(separator: " or ")).")
    var format: KeyIndex.Format = .markdown

    func run() throws {
        print(KeyIndex.text(format), terminator: "")
    }
}

extension KeyIndex.Format: ExpressibleByArgument {}
