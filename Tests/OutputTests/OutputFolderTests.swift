import Foundation
import Model
import XCTest

@testable import Output

/// Claiming an output folder: locked, probed, and never replacing results of a different run (issue 13).
final class OutputFolderTests: XCTestCase {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repoverty-claim-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func record(_ parameters: ScenarioParameters, version: String = ProgramVersion.current) throws -> Data {
        var record = RunProvenance(
            version: version, gitCommit: nil, gslVersion: "2.7", scenario: "s", scenarioFile: "s.yaml", overrides: [],
            threads: 1, blockSize: 4096, villages: 1, counties: 1, startedAt: "2026-01-01T00:00:00Z", wallSeconds: 0,
            parameters: parameters)
        record.vulnerability = nil
        return Data(try record.json().utf8)
    }

    func testAClaimCreatesLocksAndOnReleaseRemovesAnUnusedFolder() throws {
        let folder = try scratch().appendingPathComponent("out")
        var claim: OutputFolder? = try OutputFolder(claiming: folder)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path))
        XCTAssertThrowsError(try OutputFolder(claiming: folder)) { error in
            XCTAssertEqual(error as? OutputFolderError, .busy(path: folder.standardizedFileURL.path))
            XCTAssertTrue("\(error)".contains("another repoverty command is writing into"))
        }
        claim?.release()
        claim = nil
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "an unused, created folder was left")
        // A folder the claim made but something else wrote into (a sweep's store) is kept, with its files.
        claim = try OutputFolder(claiming: folder)
        try Data("store".utf8).write(to: folder.appendingPathComponent("sweep.sqlite"))
        claim?.release()
        claim = nil
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sweep.sqlite").path))
        try FileManager.default.removeItem(at: folder)
        // A folder that held something before is kept.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try OutputFolder(claiming: folder).release()
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
    }

    func testAFileWhereTheFolderBelongsIsRefusedBeforeAnyWork() throws {
        let base = try scratch()
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let file = base.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try OutputFolder(claiming: file)) { error in
            XCTAssertEqual(error as? OutputFolderError, .notWritable(path: file.path, reason: "it is a file, not a folder"))
            XCTAssertFalse((error as? OutputFolderError)?.isBadInput ?? true)
        }
        XCTAssertThrowsError(try OutputFolder(claiming: file.appendingPathComponent("below"))) { error in
            guard case .notWritable = error as? OutputFolderError else { return XCTFail("\(error)") }
            XCTAssertFalse("\(error)".contains("NSError") || "\(error)".contains("Domain="), "\(error)")
        }
    }

    func testNamesThatEscapeOrCollideAreRefused() {
        for name in ["", ".", "..", "a/b", ".hidden", "compare.csv", "sweep.sqlite", "charts", "a\nb"] {
            XCTAssertThrowsError(try OutputFolder.checkName(name), name) { error in
                XCTAssertTrue((error as? OutputFolderError)?.isBadInput ?? false)
                XCTAssertFalse("\(error)".contains("\n"), "\(error)")
            }
        }
        for name in ["baseline", "dibao-expansion", "my plan", "计划"] { XCTAssertNoThrow(try OutputFolder.checkName(name)) }
    }

    func testOnlyAnIdenticalRunOrForceMayReplaceResults() throws {
        let claim = try OutputFolder(claiming: try scratch())
        var parameters = ScenarioParameters()
        parameters.run.seed = 7
        // Nothing there yet: fine.
        XCTAssertNoThrow(try claim.checkReplaceable(
            name: "s", parameters: parameters, vulnerability: false, version: ProgramVersion.current, force: false))
        try claim.replaceFolder(name: "s", files: [("summary.csv", Data("a\n".utf8)), ("run.json", try record(parameters))])
        // The identical run again: fine.
        XCTAssertNoThrow(try claim.checkReplaceable(
            name: "s", parameters: parameters, vulnerability: false, version: ProgramVersion.current, force: false))
        var other = parameters
        other.run.seed = 8
        XCTAssertThrowsError(try claim.checkReplaceable(
            name: "s", parameters: other, vulnerability: false, version: ProgramVersion.current, force: false)
        ) { error in
            XCTAssertTrue((error as? OutputFolderError)?.isBadInput ?? false)
            XCTAssertTrue("\(error)".contains("seed 7, now 8"), "\(error)")
            XCTAssertTrue("\(error)".contains("--force"), "\(error)")
        }
        other = parameters
        other.shocks.flood.probability = 0.2
        XCTAssertThrowsError(try claim.checkReplaceable(
            name: "s", parameters: other, vulnerability: false, version: ProgramVersion.current, force: false)
        ) { error in XCTAssertTrue("\(error)".contains("its shocks section differs"), "\(error)") }
        XCTAssertThrowsError(try claim.checkReplaceable(
            name: "s", parameters: parameters, vulnerability: true, version: ProgramVersion.current, force: false))
        XCTAssertThrowsError(try claim.checkReplaceable(
            name: "s", parameters: parameters, vulnerability: false, version: "9.9.9", force: false)
        ) { error in XCTAssertTrue("\(error)".contains("repoverty \(ProgramVersion.current), this is 9.9.9"), "\(error)") }
        XCTAssertNoThrow(try claim.checkReplaceable(
            name: "s", parameters: other, vulnerability: true, version: "9.9.9", force: true))
        // A record of an earlier version, written before keys were added that this version's record needs: the
        // refusal names the version that made it rather than calling it a foreign file.
        try claim.replaceFolder(
            name: "old", files: [("run.json", Data(#"{"program": "repoverty", "version": "0.0.9", "seed": 7}"#.utf8))])
        XCTAssertThrowsError(try claim.checkReplaceable(
            name: "old", parameters: parameters, vulnerability: false, version: ProgramVersion.current, force: false)
        ) { error in
            XCTAssertTrue("\(error)".contains("repoverty 0.0.9, this is \(ProgramVersion.current)"), "\(error)")
        }
        // Files that are not a run of this program.
        try claim.replaceFolder(name: "t", files: [("notes.txt", Data("mine".utf8))])
        XCTAssertThrowsError(try claim.checkReplaceable(
            name: "t", parameters: parameters, vulnerability: false, version: ProgramVersion.current, force: false)
        ) { error in XCTAssertTrue("\(error)".contains("no run.json"), "\(error)") }
    }

    func testAReplacedFolderHoldsExactlyTheNewFiles() throws {
        let claim = try OutputFolder(claiming: try scratch())
        try claim.replaceFolder(name: "s", files: [("summary.csv", Data("old\n".utf8)), ("extra.csv", Data("x".utf8))])
        let folder = try claim.replaceFolder(name: "s", files: [("summary.csv", Data("new\n".utf8))])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["summary.csv"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8), "new\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: claim.url.path).filter { $0.hasPrefix(".s.") }
        XCTAssertEqual(leftovers, [])
    }

    /// What a command killed with SIGKILL leaves (staging folders, temporary files) is removed by the next claim,
    /// and nothing else is.
    func testAClaimRemovesTheLeftoversOfAKilledCommandOnly() throws {
        let folder = try scratch()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let leftovers = [".baseline.new-123-456", ".baseline.old-123-456", ".report-ABC", ".compare.csv.partial-1-2"]
        let kept = ["baseline", ".notes", "my.new-file", "compare.csv"]
        for name in leftovers + kept { try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(name), withIntermediateDirectories: true) }
        try OutputFolder(claiming: folder).release()
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)), Set(kept))
    }

    func testASetBeingWrittenIsMarkedUntilItEnds() throws {
        let claim = try OutputFolder(claiming: try scratch())
        let marker = claim.url.appendingPathComponent(OutputFolder.incompleteMarker)
        try claim.beginSet("a comparison")
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path))
        claim.endSet()
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))
    }
}
