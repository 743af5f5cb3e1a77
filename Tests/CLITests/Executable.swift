import Foundation
import XCTest

/// Runs the real `repoverty` executable, as a user's shell would.
struct Executable {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The folder of the built products (the test bundle sits beside the executable).
    static var productsDirectory: URL {
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                return bundle.bundleURL.deletingLastPathComponent()
            }
            fatalError("no .xctest bundle")
        #else
            return Bundle.main.bundleURL
        #endif
    }

    /// The package's root folder (this file is Tests/CLITests/Executable.swift).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `repoverty` (or `executable`, a path, such as a shell for a generated script) with `arguments`.
    static func run(
        _ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:], executable: String? = nil
    ) throws -> Result {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? productsDirectory.appendingPathComponent("repoverty")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh empty folder, removed at the end of the test.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repoverty-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
