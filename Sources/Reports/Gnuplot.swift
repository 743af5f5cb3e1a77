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

    /// Draw `chart` into `output` (PNG) and `svg`, with its script and data files in `workFolder`.
    func draw(_ chart: Chart, to output: URL, svg: URL? = nil, font: String = "Sans", workFolder: URL) throws {
        let script = GnuplotScript(
            chart, terminal: terminal, output: output, svgOutput: svg, dataFolder: workFolder, font: font)
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
    ///
    /// gnuplot is started with `posix_spawn` in a process group of its own and waited for with `waitpid`: Foundation's
    /// `Process` on Linux reports a child as running for as long as any process it left behind (a background job
    /// holding its files) lives, which hung the report. When gnuplot ends, or is ended, its whole group is killed, so
    /// nothing it started outlives the report.
    private static func run(
        _ executable: URL, arguments: [String], chart: String, timeLimit: Double,
        isCancelled: @Sendable () -> Bool
    ) throws -> (status: Int32, message: String) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            throw ReportError.gnuplotFailed(chart: chart, status: -1, message: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (to end all of it), and SIGINT/SIGTERM back to their defaults: this program ignores
        // them to receive them as events, and an ignored signal would stay ignored in gnuplot.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let words = [executable.path] + arguments
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for word in argv { free(word) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, &argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw ReportError.gnuplotFailed(
                chart: chart, status: -1, message: "cannot start \(executable.path): \(String(cString: strerror(spawned)))")
        }

        let kept = Mutex<(bytes: Data, dropped: Int)>((Data(), 0))
        let drained = DispatchSemaphore(value: 0)
        // Read standard error on a thread of its own until end of file, keeping only the head.
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                kept.withLock { kept in
                    let room = max(0, messageLimit - kept.bytes.count)
                    kept.bytes.append(contentsOf: buffer[0..<min(room, count)])
                    kept.dropped += max(0, count - room)
                }
            }
            close(readEnd)
            drained.signal()
        }
        thread.start()

        let started = Date()
        var ended: ReportError?
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            if ended == nil {
                if isCancelled() {
                    ended = .interrupted
                } else if Date().timeIntervalSince(started) > timeLimit {
                    ended = .gnuplotTimedOut(chart: chart, seconds: timeLimit)
                }
                if ended != nil { stop(pid) }
            }
            usleep(5_000)
        }
        // Whatever gnuplot left running in its group goes with it, so the pipe closes and nothing outlives the report.
        kill(-pid, SIGKILL)
        _ = drained.wait(timeout: .now() + 1)
        if let ended { throw ended }
        let (bytes, dropped) = kept.withLock { ($0.bytes, $0.dropped) }
        var message = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if dropped > 0 { message += " … (\(dropped) more bytes not shown)" }
        // The exit code when gnuplot exited; 128 + the signal's number when a signal ended it, as a shell says.
        let signal = status & 0x7f
        return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, message)
    }

    /// End gnuplot's group: SIGTERM, then SIGKILL if gnuplot is still there after half a second.
    private static func stop(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(0.5)
        while Date() < deadline {
            if kill(pid, 0) != 0 { return }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                // Reaped here: leave a zombie-free state for the caller's loop, which then sees ECHILD and stops.
                return
            }
            usleep(5_000)
        }
        kill(-pid, SIGKILL)
    }
}
