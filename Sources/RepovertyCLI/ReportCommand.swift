import ArgumentParser
import Foundation
import Reports

/// `repoverty report DIR`: charts of what `run`, `compare` or `sweep` wrote, as PNGs and one HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw the charts of a results folder into DIR/report.html and DIR/charts/*.png.",
        discussion: """
            DIR is the --output folder of run, compare or sweep (or one scenario's folder). The page is self-contained
            (charts embedded), to open or mail; each chart is also a PNG for slides. Charts are drawn with gnuplot
            (Debian: apt-get install gnuplot-nox).
            """
    )

    @Argument(help: "The results folder.")
    var folder: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let written: Report.Written
        do {
            written = try Report.make(
                folder: URL(fileURLWithPath: folder, isDirectory: true),
                isCancelled: { Interruption.shared.isCancelled })
        } catch let error as ReportError {
            if error == .interrupted { throw RunFailure(message: error.description) }
            if error.isBadInput { throw BadInput(message: error.description) }
            throw RunFailure(message: error.description)
        }
        guard !quiet else { return }
        for image in written.images { print("→ \(image.path)") }
        print("→ \(written.page.path)")
        for note in written.notes { print("note: \(note)") }
    }
}
