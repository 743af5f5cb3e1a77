import Foundation

/// gnuplot, found on the PATH and run as a separate process on a generated script.
///
/// gnuplot draws every chart of the report (issue 7 asks for a well-kept plotting tool, not hand-drawn images).
/// Debian's `gnuplot-nox` has both PNG terminals; cairo's is preferred and libgd's used when it is missing.
struct Gnuplot {
    let executable: URL
    let terminal: GnuplotScript.Terminal

    /// Find gnuplot on `path` (a PATH value) and the PNG terminal it has.
    init(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws {
        let folders = (path ?? "").split(separator: ":").map(String.init)
        guard let found = folders.lazy.map({ URL(fileURLWithPath: $0).appendingPathComponent("gnuplot") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { throw ReportError.gnuplotMissing }
        executable = found
        let probe = try Self.run(found, arguments: ["-e", "set terminal pngcairo"])
        terminal = probe.status == 0 && probe.message.isEmpty ? .pngcairo : .png
    }

    /// Draw `chart` into `output`, with its script and data files in `workFolder`.
    func draw(_ chart: Chart, to output: URL, workFolder: URL) throws {
        let script = GnuplotScript(chart, terminal: terminal, output: output, dataFolder: workFolder)
        let scriptFile = workFolder.appendingPathComponent("\(chart.name).gp")
        do {
            for (name, contents) in script.dataFiles {
                try contents.write(to: workFolder.appendingPathComponent(name), atomically: false, encoding: .utf8)
            }
            try script.text.write(to: scriptFile, atomically: false, encoding: .utf8)
        } catch {
            throw ReportError.cannotWrite(path: workFolder.path, reason: error.localizedDescription)
        }
        let result = try Self.run(executable, arguments: [scriptFile.path])
        guard result.status == 0 else {
            throw ReportError.gnuplotFailed(chart: chart.name, status: result.status, message: result.message)
        }
    }

    private static func run(_ executable: URL, arguments: [String]) throws -> (status: Int32, message: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ReportError.gnuplotFailed(chart: "-", status: -1, message: "cannot start \(executable.path): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
