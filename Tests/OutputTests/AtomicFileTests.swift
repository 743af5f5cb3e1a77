import Foundation
import Output
import XCTest

final class AtomicFileTests: XCTestCase {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testWritesAndReplacesLeavingNoTemporaryFile() throws {
        let folder = try folder()
        let target = folder.appendingPathComponent("nested/summary.csv")
        try AtomicFile.write("first\n", to: target)
        try AtomicFile.write("second\n", to: target)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "second\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path), ["summary.csv"])
    }

    func testFailureLeavesTheOldFileAndNoTemporaryFile() throws {
        let folder = try folder()
        // The destination is a non-empty folder: rename cannot replace it.
        let target = folder.appendingPathComponent("summary.csv")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try "keep".write(to: target.appendingPathComponent("inside"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try AtomicFile.write("new", to: target))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["summary.csv"])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8), "keep")
    }
}
