import Foundation
import Output

/// `repoverty report DIR`: the charts of a results folder as PNG files for slides, and `DIR/report.html` with all of
/// them embedded (issue 7).
///
/// Every chart is drawn into a temporary folder first and checked to be a PNG image; only when all are drawn are the
/// PNGs and the page moved into place, each by an atomic rename, so a failure leaves no partial report.
public enum Report {
    /// What was written.
    public struct Written: Sendable {
        public let page: URL
        public let images: [URL]
        /// Charts left out, and why.
        public let notes: [String]
    }

    /// The folder, inside the results folder, that holds the PNG files.
    public static let imagesFolder = "charts"

    /// Make the report of the results in `folder`.
    ///
    /// - Parameter searchPath: where to look for gnuplot (a PATH value); the process's PATH by default.
    public static func make(
        folder: URL, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    ) throws -> Written {
        let results = try ResultsFolder(folder)
        let (charts, notes) = ReportCharts.charts(for: results)
        let gnuplot = try Gnuplot(path: searchPath)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("repoverty-report-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw ReportError.cannotWrite(path: work.path, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: work) }

        var drawn: [ReportPage.DrawnChart] = []
        for chart in charts {
            let chartFolder = work.appendingPathComponent(chart.name, isDirectory: true)
            try? FileManager.default.createDirectory(at: chartFolder, withIntermediateDirectories: true)
            let image = chartFolder.appendingPathComponent("\(chart.name).png")
            try gnuplot.draw(chart, to: image, workFolder: chartFolder)
            guard let png = try? Data(contentsOf: image), let size = PNGImage(png) else {
                throw ReportError.notAnImage(chart: chart.name)
            }
            drawn.append(ReportPage.DrawnChart(chart: chart, png: png, image: size))
        }

        let imageFolder = folder.appendingPathComponent(imagesFolder, isDirectory: true)
        var images: [URL] = []
        for one in drawn {
            let destination = imageFolder.appendingPathComponent("\(one.chart.name).png")
            try write(one.png, to: destination)
            images.append(destination)
        }
        let page = folder.appendingPathComponent("report.html")
        try write(Data(ReportPage.render(folder: results, charts: drawn, notes: notes).utf8), to: page)
        return Written(page: page, images: images, notes: notes)
    }

    private static func write(_ data: Data, to url: URL) throws {
        do { try AtomicFile.write(data, to: url) } catch {
            throw ReportError.cannotWrite(path: url.path, reason: "\(error)")
        }
    }
}
