import Foundation
import Output

/// `repoverty report DIR`: the charts of a results folder as PNG files for slides, and `DIR/report.html` with all of
/// them embedded (issue 7), with an SVG beside each PNG (issue 17).
///
/// Every chart is drawn into a temporary folder first and checked to be a PNG image; only when all are drawn are the
/// PNGs and the page moved into place, each by an atomic rename, so a failure leaves no partial report.
public enum Report {
    /// What was written.
    public struct Written: Sendable {
        public let page: URL
        /// The PNG of every chart.
        public let images: [URL]
        /// The SVG of every chart, beside its PNG.
        public let vectorImages: [URL]
        /// Charts left out, and why.
        public let notes: [String]
    }

    /// The folder, inside the results folder, that holds the PNG files.
    public static let imagesFolder = "charts"

    /// Make the report of the results in `folder`.
    ///
    /// - Parameters:
    ///   - searchPath: where to look for gnuplot (a PATH value); the process's PATH by default.
    ///   - gnuplotTimeLimit: seconds one chart may take; `REPOVERTY_GNUPLOT_TIMEOUT` or 60 by default.
    ///   - isCancelled: read between charts and while gnuplot runs; true stops the report with
    ///     ``ReportError/interrupted`` and writes nothing.
    ///   - language: the language of the page and the charts (issue 17).
    public static func make(
        folder: URL, searchPath: String? = ProcessInfo.processInfo.environment["PATH"],
        gnuplotTimeLimit: Double? = nil, language: ReportLanguage = .en,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws -> Written {
        // report writes into the results folder: it claims it as every writer does, so it never draws a folder
        // another command is writing, and leftovers of a killed report are cleared.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReportError.unreadable(file: folder.path, reason: "no such folder")
        }
        let claim: OutputFolder
        do { claim = try OutputFolder(claiming: folder) } catch {
            throw ReportError.cannotWrite(path: folder.path, reason: "\(error)")
        }
        defer { claim.release() }
        let results = try ResultsFolder(folder)
        let (all, chartNotes) = ReportCharts.charts(for: results, language: language)
        let charts = all.filter(\.hasData)
        let notes = chartNotes + all.filter { !$0.hasData }.map { language(.emptyChartNote(title: $0.title)) }
        let gnuplot = try Gnuplot(path: searchPath, timeLimit: gnuplotTimeLimit, isCancelled: isCancelled)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("repoverty-report-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw ReportError.cannotWrite(path: work.path, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: work) }

        var drawn: [ReportPage.DrawnChart] = []
        for chart in charts {
            if isCancelled() { throw ReportError.interrupted }
            let chartFolder = work.appendingPathComponent(chart.name, isDirectory: true)
            try? FileManager.default.createDirectory(at: chartFolder, withIntermediateDirectories: true)
            let image = chartFolder.appendingPathComponent("\(chart.name).png")
            let vector = chartFolder.appendingPathComponent("\(chart.name).svg")
            try gnuplot.draw(chart, to: image, svg: vector, font: language.chartFont, workFolder: chartFolder)
            guard let png = try? Data(contentsOf: image), let size = PNGImage(png) else {
                throw ReportError.notAnImage(chart: chart.name)
            }
            guard let svg = try? Data(contentsOf: vector), String(decoding: svg.prefix(400), as: UTF8.self).contains("<svg")
            else { throw ReportError.notAnImage(chart: chart.name) }
            drawn.append(ReportPage.DrawnChart(chart: chart, png: png, svg: svg, image: size))
        }
        if isCancelled() { throw ReportError.interrupted }

        // Every file is first written whole into a staging folder beside the results (the same file system), and only
        // then renamed into place: a full disk or a failed write leaves the earlier report as it was, never part of a
        // new one, and a rename needs no space.
        let staging = folder.appendingPathComponent(".report-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        var files: [(staged: URL, destination: URL)] = []
        let imageFolder = folder.appendingPathComponent(imagesFolder, isDirectory: true)
        var contents: [Data] = []
        for one in drawn {
            for (kind, data) in [("png", one.png), ("svg", one.svg)] {
                files.append((staging.appendingPathComponent("\(one.chart.name).\(kind)"),
                              imageFolder.appendingPathComponent("\(one.chart.name).\(kind)")))
                contents.append(data)
            }
        }
        let page = folder.appendingPathComponent("report.html")
        files.append((staging.appendingPathComponent("report.html"), page))
        contents.append(Data(ReportPage.render(folder: results, charts: drawn, notes: notes, language: language).utf8))
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            for (file, data) in zip(files, contents) { try data.write(to: file.staged) }
            try FileManager.default.createDirectory(at: imageFolder, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: folder.path, reason: OutputFolder.reason(error))
        }
        for file in files {
            if rename(file.staged.path, file.destination.path) != 0 {
                throw ReportError.cannotWrite(path: file.destination.path, reason: String(cString: strerror(errno)))
            }
        }
        let images = files.dropLast().map(\.destination)
        return Written(
            page: page, images: images.filter { $0.pathExtension == "png" },
            vectorImages: images.filter { $0.pathExtension == "svg" }, notes: notes)
    }
}
