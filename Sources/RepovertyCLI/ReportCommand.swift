import ArgumentParser
import Foundation
import Reports

/// `repoverty report DIR`: charts of what `run`, `compare` or `sweep` wrote, as PNGs and one HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw the charts of a results folder into DIR/report.html and DIR/charts/*.png (and .svg).",
        discussion: """
            DIR is the --output folder of run, compare or sweep (or one scenario's folder). The page is self-contained
            (charts embedded), to open or mail; each chart is also a PNG for slides and an SVG for print. Charts are
            drawn with gnuplot (Debian: apt-get install gnuplot-nox); --lang zh needs a CJK font (Debian:
            apt-get install fonts-wqy-zenhei).
            """
    )

    @Argument(help: "The results folder.")
    var folder: String

    @Option(help: "Language of the page and the charts: en (English) or zh (Chinese).")
    var lang = "en"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let written: Report.Written
        do {
            let language = try ReportLanguage(code: lang)
            written = try Report.make(
                folder: URL(fileURLWithPath: folder, isDirectory: true), language: language,
                isCancelled: { Interruption.shared.isCancelled })
        } catch let error as ReportError {
            if error == .interrupted { throw RunFailure(message: error.description) }
            if error.isBadInput { throw BadInput(message: error.description) }
            throw RunFailure(message: error.description)
        }
        guard !quiet else { return }
        for (image, vector) in zip(written.images, written.vectorImages) {
            print("→ \(image.path)")
            print("→ \(vector.path)")
        }
        print("→ \(written.page.path)")
        for note in written.notes { print("note: \(note)") }
    }
}
