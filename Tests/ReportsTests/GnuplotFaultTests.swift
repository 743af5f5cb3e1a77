import Foundation
import Synchronization
import XCTest

@testable import Reports

/// gnuplot is another program: a stuck one is ended, a talkative one is cut short, a stop request is honoured, and in
/// every case the report writes nothing (issue 13, family 6).
final class GnuplotFaultTests: XCTestCase {
    /// A folder holding a fake `gnuplot` that answers the terminal probe at once and then behaves as `body` says.
    private func fakeGnuplot(_ body: String) throws -> String {
        let folder = try Fixtures.folder(self).appendingPathComponent("bin", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("gnuplot")
        // The probe is `gnuplot -e 'set terminal pngcairo'`; a chart is `gnuplot FILE.gp`.
        try "#!/bin/sh\nif [ \"$1\" = -e ]; then exit 0; fi\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return folder.path + ":/usr/bin:/bin"
    }

    private func assertNothingWritten(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(entries.contains("report.html"), file: file, line: line)
        XCTAssertFalse(entries.contains("charts"), file: file, line: line)
        XCTAssertFalse(entries.contains { $0.hasPrefix(".report-") }, "a staging folder was left behind", file: file, line: line)
    }

    func testAStuckGnuplotIsStoppedAtItsTimeLimit() throws {
        let folder = try Fixtures.comparison(self)
        let path = try fakeGnuplot("exec sleep 600")
        let started = Date()
        XCTAssertThrowsError(try Report.make(folder: folder, searchPath: path, gnuplotTimeLimit: 0.5)) { error in
            guard case .gnuplotTimedOut(let chart, let seconds) = error as? ReportError else {
                return XCTFail("expected a time-out, got \(error)")
            }
            XCTAssertEqual(chart, "change-vs-baseline")
            XCTAssertEqual(seconds, 0.5)
            XCTAssertTrue("\(error)".contains("REPOVERTY_GNUPLOT_TIMEOUT"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the stuck gnuplot was not ended")
        try assertNothingWritten(folder)
    }

    func testAGnuplotThatIgnoresSIGTERMIsKilled() throws {
        let folder = try Fixtures.comparison(self)
        let path = try fakeGnuplot("trap '' TERM\nwhile :; do sleep 1; done")
        XCTAssertThrowsError(try Report.make(folder: folder, searchPath: path, gnuplotTimeLimit: 0.3)) { error in
            XCTAssertEqual((error as? ReportError).map { if case .gnuplotTimedOut = $0 { true } else { false } }, true)
        }
        try assertNothingWritten(folder)
    }

    func testAFloodOnStandardErrorIsCutToAShortMessage() throws {
        let folder = try Fixtures.comparison(self)
        // 20 MB on standard error, then a failure: the pipe must be drained, and the message kept short.
        let path = try fakeGnuplot("head -c 20000000 /dev/zero | tr '\\\\0' x >&2; exit 3")
        XCTAssertThrowsError(try Report.make(folder: folder, searchPath: path)) { error in
            guard case .gnuplotFailed(_, let status, let message) = error as? ReportError else {
                return XCTFail("expected a gnuplot failure, got \(error)")
            }
            XCTAssertEqual(status, 3)
            XCTAssertLessThan(message.utf8.count, Gnuplot.messageLimit + 100)
            XCTAssertTrue(message.hasSuffix("more bytes not shown)"), String(message.suffix(80)))
        }
        try assertNothingWritten(folder)
    }

    func testAStopRequestEndsGnuplotAndWritesNothing() throws {
        let folder = try Fixtures.comparison(self)
        let path = try fakeGnuplot("exec sleep 600")
        let asked = Atomic<Bool>(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { asked.store(true, ordering: .relaxed) }
        let started = Date()
        XCTAssertThrowsError(
            try Report.make(folder: folder, searchPath: path, isCancelled: { asked.load(ordering: .relaxed) })
        ) { error in
            XCTAssertEqual(error as? ReportError, .interrupted)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        try assertNothingWritten(folder)
    }

    func testTheTimeLimitSettingIsChecked() throws {
        XCTAssertEqual(try Gnuplot.timeLimitFromEnvironment([:]), Gnuplot.defaultTimeLimit)
        XCTAssertEqual(try Gnuplot.timeLimitFromEnvironment(["REPOVERTY_GNUPLOT_TIMEOUT": "2.5"]), 2.5)
        for bad in ["0", "-1", "soon", "nan"] {
            XCTAssertThrowsError(try Gnuplot.timeLimitFromEnvironment(["REPOVERTY_GNUPLOT_TIMEOUT": bad])) { error in
                XCTAssertTrue("\(error)".hasPrefix("REPOVERTY_GNUPLOT_TIMEOUT: expected a positive number"), "\(error)")
                XCTAssertTrue((error as? ReportError)?.isBadInput ?? false)
            }
        }
    }

    func testAFailedWriteLeavesNoPartOfANewReport() throws {
        let folder = try Fixtures.comparison(self)
        // A file where the charts folder belongs: every chart is drawn and staged, then the folder cannot be made.
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("charts"))
        XCTAssertThrowsError(try Report.make(folder: folder)) { error in
            guard case .cannotWrite = error as? ReportError else { return XCTFail("\(error)") }
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(entries.contains("report.html"))
        XCTAssertFalse(entries.contains { $0.hasPrefix(".report-") }, "a staging folder was left behind")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("charts"), encoding: .utf8), "not a folder")
    }
}

/// A gnuplot that leaves a background job holding its standard error does not hang the report, and the job is
/// ended with it (issue 13, family 6).
final class GnuplotBackgroundJobTests: XCTestCase {
    func testABackgroundJobOfGnuplotNeitherHangsTheReportNorOutlivesIt() throws {
        let folder = try Fixtures.comparison(self)
        let bin = try Fixtures.folder(self).appendingPathComponent("bin", isDirectory: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let marker = "repoverty-test-\(UUID().uuidString.prefix(8))"
        try "#!/bin/bash\nif [ \"$1\" = -e ]; then exit 0; fi\n(exec -a \(marker) sleep 300) &\nexit 0\n"
            .write(to: bin.appendingPathComponent("gnuplot"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("gnuplot").path)
        let started = Date()
        XCTAssertThrowsError(try Report.make(folder: folder, searchPath: bin.path + ":/usr/bin:/bin")) { error in
            XCTAssertEqual(error as? ReportError, .notAnImage(chart: "change-vs-baseline"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the report waited for gnuplot's background job")
        usleep(200_000)
        // Any process whose command line carries the marker (read from /proc, which every Linux has).
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let left = processes.filter { Int($0) != nil }.filter { pid in
            let line = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            return String(decoding: line, as: UTF8.self).contains(marker)
        }
        XCTAssertEqual(left, [], "gnuplot's background job outlived the report")
    }
}
