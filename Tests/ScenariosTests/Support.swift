import Foundation
import Model
import XCTest

@testable import Scenarios

/// A fresh folder for scenario files, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("scenarios-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` inside the folder (creating subfolders) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// Parses `yaml` as the file `path` and returns the error it must raise (failing the test if it loads).
func loadError(_ yaml: String, path: String = "scenarios/test.yaml", overrides: [String] = [],
               file: StaticString = #filePath, line: UInt = #line) -> ScenarioError? {
    do {
        let scenario = try ScenarioLoader.parse(yaml: yaml, path: path, overrides: overrides)
        XCTFail("expected an error, loaded \(scenario.name)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Asserts an error's file, line and key path, and that its message contains every one of `words`.
func assertError(_ error: ScenarioError?, file expectedFile: String, line expectedLine: Int?, keyPath: String?,
                 contains words: [String], file: StaticString = #filePath, line: UInt = #line) {
    guard let error else {
        XCTFail("no error", file: file, line: line)
        return
    }
    XCTAssertEqual(error.file, expectedFile, "file of \(error)", file: file, line: line)
    XCTAssertEqual(error.line, expectedLine, "line of \(error)", file: file, line: line)
    XCTAssertEqual(error.keyPath, keyPath, "key path of \(error)", file: file, line: line)
    for word in words {
        XCTAssertTrue(error.message.contains(word), "'\(error.message)' lacks '\(word)'", file: file, line: line)
    }
}
