import Foundation
import Synchronization

/// gnuplot, found on the PATH and run as a separate process on a generated script.
///
/// gnuplot draws every chart of the report (issue 7 asks for a well-kept plotting tool, not hand-drawn images).
/// Debian's `gnuplot-nox` has both PNG terminals; cairo's is preferred and libgd's used when it is missing.
///
/// gnuplot is another program, so the report never trusts it to finish or to be brief (issue 13): each call is ended
/// after ``timeLimit`` seconds, or as soon as the command is asked to stop, and only the first
/// ``messageLimit`` bytes of what it writes to standard error are kept for the error message.
struct Gnuplot {
    let executable: URL
    let terminal: GnuplotScript.Terminal
    /// Seconds one gnuplot call may take before it is ended: `REPOVERTY_GNUPLOT_TIMEOUT`, or 60 (a chart takes well
    /// under one second).
    let timeLimit: Double
    /// Read between charts and every few milliseconds while gnuplot runs: true ends gnuplot and stops the report.
    let isCancelled: @Sendable () -> Bool

    /// Bytes of gnuplot's standard error kept for a message; the rest is read and dropped.
    static let messageLimit = 2_000
    static let defaultTimeLimit = 60.0

    /// Find gnuplot on `path` (a PATH value) and the PNG terminal it has.
    init(
        path: String? = ProcessInfo.processInfo.environment["PATH"], timeLimit: Double? = nil,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws {
        let folders = (path ?? "").split(separator: ":").map(String.init)
        guard let found = folders.lazy.map({ URL(fileURLWithPath: $0).appendingPathComponent("gnuplot") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { throw ReportError.gnuplotMissing }
        executable = found
        self.timeLimit = try timeLimit ?? Self.timeLimitFromEnvironment()
        self.isCancelled = isCancelled
        let probe = try Self.run(
            found, arguments: ["-e", "set terminal pngcairo"], chart: "-", timeLimit: self.timeLimit,
            isCancelled: isCancelled)
        terminal = probe.status == 0 && probe.message.isEmpty ? .pngcairo : .png
    }

    /// `REPOVERTY_GNUPLOT_TIMEOUT`, a positive number of seconds, or the default.
    static func timeLimitFromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Double {
        guard let text = environment["REPOVERTY_GNUPLOT_TIMEOUT"] else { return defaultTimeLimit }
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds > 0 else {
            throw ReportError.badSetting(
                name: "REPOVERTY_GNUPLOT_TIMEOUT", reason: "expected a positive number of seconds, got '\(text.prefix(40))'")
        }
        return seconds
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
        let result = try Self.run(
            executable, arguments: [scriptFile.path], chart: chart.name, timeLimit: timeLimit, isCancelled: isCancelled)
        guard result.status == 0 else {
            throw ReportError.gnuplotFailed(chart: chart.name, status: result.status, message: result.message)
        }
    }

    /// Run gnuplot to its end, its time limit or a request to stop, keeping at most ``messageLimit`` bytes of its
    /// standard error (all of it is read, so a talkative gnuplot never blocks on a full pipe).
    private static func run(
        _ executable: URL, arguments: [String], chart: String, timeLimit: Double,
        isCancelled: @Sendable () -> Bool
    ) throws -> (status: Int32, message: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let kept = Mutex<(bytes: Data, dropped: Int)>((Data(), 0))
        let reader = errors.fileHandleForReading
        let drained = DispatchSemaphore(value: 0)
        // Read standard error on a thread of its own until end of file, keeping only the head.
        let thread = Thread {
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                kept.withLock { buffer in
                    let room = max(0, messageLimit - buffer.bytes.count)
                    buffer.bytes.append(chunk.prefix(room))
                    buffer.dropped += max(0, chunk.count - room)
                }
            }
            drained.signal()
        }
        do { try process.run() } catch {
            throw ReportError.gnuplotFailed(chart: chart, status: -1, message: "cannot start \(executable.path): \(error)")
        }
        try? errors.fileHandleForWriting.close()
        thread.start()

        let started = Date()
        var ended: ReportError?
        while process.isRunning {
            if isCancelled() {
                ended = .interrupted
            } else if Date().timeIntervalSince(started) > timeLimit {
                ended = .gnuplotTimedOut(chart: chart, seconds: timeLimit)
            }
            if ended != nil {
                stop(process)
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        // A grandchild holding the pipe open must not hang the report: wait a moment for the rest, then go on.
        _ = drained.wait(timeout: .now() + 1)
        if let ended { throw ended }
        let (bytes, dropped) = kept.withLock { ($0.bytes, $0.dropped) }
        var message = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if dropped > 0 { message += " … (\(dropped) more bytes not shown)" }
        return (process.terminationStatus, message)
    }

    /// End gnuplot: SIGTERM, then SIGKILL if it is still there after half a second.
    private static func stop(_ process: Process) {
        process.terminate()
        let deadline = Date().addingTimeInterval(0.5)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
