import BuildInfo
import Foundation
import XCTest

/// The commit compiled into the binary is the commit of the package's own sources, whatever folder reads it (issue 12).
final class BuildInfoTests: XCTestCase {
    /// The package folder, found from this file's path (Tests/BuildInfoTests/…), not from the current folder.
    private var packageFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    private func git(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", packageFolder.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func testCommitHasTheDocumentedForm() {
        let commit = BuildInfo.commit
        XCTAssertNotNil(
            commit.range(of: #"^([0-9a-f]{40}(-dirty)?|unknown)$"#, options: .regularExpression),
            "BuildInfo.commit is '\(commit)'")
    }

    func testCommitIsThePackagesHead() throws {
        let head = git(["rev-parse", "--verify", "-q", "HEAD"])
        guard head.status == 0, !head.output.isEmpty else {
            XCTAssertEqual(BuildInfo.commit, "unknown", "built outside a git work tree")
            return
        }
        // The test binary was built from this tree: its commit is HEAD or, when commits were made after the build
        // (`swift test --skip-build`), one of HEAD's ancestors — never a commit of another repository. Whether the tree
        // is dirty now says nothing of the build (files may change after it), so only the commit itself is checked.
        let commit = BuildInfo.commit.replacingOccurrences(of: "-dirty", with: "")
        if commit != head.output {
            XCTAssertEqual(git(["merge-base", "--is-ancestor", commit, "HEAD"]).status, 0,
                           "BuildInfo.commit \(BuildInfo.commit) is not in this package's history")
        }
    }
}
