import Foundation
import XCTest

/// Small hand-written results folders, shaped as `run`, `compare` and `sweep` write them (MODEL.md §4).
enum Fixtures {
    static func folder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repoverty-report-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    static func write(_ text: String, _ folder: URL, _ path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A scenario's summary.csv over three years, with `level` scaling its re-poverty.
    static func summary(_ name: String, level: Double) -> String {
        var lines = ["scenario,metric,year,mean,lo95,hi95,replicates"]
        func row(_ metric: String, _ year: Int?, _ mean: Double, _ halfWidth: Double) {
            lines.append("\(name),\(metric),\(year.map(String.init) ?? ""),\(mean),\(mean - halfWidth),\(mean + halfWidth),4")
        }
        row("cohort_households", nil, 1900, 5)
        row("cumulative_repoverty_rate", nil, 0.3 * level, 0.01)
        row("entries_total", nil, 700 * level, 20)
        row("entries_illness", nil, 300 * level, 10)
        row("entries_flood", nil, 0, 0)
        row("entries_dibao_loss", nil, 250 * level, 10)
        row("entries_labour_loss", nil, 150 * level, 10)
        for year in 1...3 {
            row("incidence", year, 0.07 * level + 0.002 * Double(year), 0.004)
            row("survival", year, 1 - 0.1 * level * Double(year), 0.005)
            row("entries_illness", year, 100 * level, 5)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func runRecord(_ name: String, seed: Int = 7) -> String {
        """
        {
          "program" : "repoverty", "version" : "0.1.0", "gitCommit" : "0123456789abcdef", "gslVersion" : "2.7.1",
          "scenario" : "\(name)", "scenarioFile" : "scenarios/\(name).yaml", "overrides" : [], "seed" : \(seed),
          "generator" : "taus2", "replicates" : 4, "households" : 2000, "years" : 3, "threads" : 2, "blockSize" : 4096,
          "villages" : 10, "counties" : 1, "startedAt" : "2026-01-01T00:00:00Z", "wallSeconds" : 0.5,
          "parameters" : { "some" : "thing" }, "aKeyOfALaterVersion" : 1
        }
        """
    }

    /// An output folder of `repoverty compare baseline.yaml combined.yaml`, with one extra column in compare.csv.
    static func comparison(_ test: XCTestCase) throws -> URL {
        let folder = try folder(test)
        for (name, level) in [("baseline", 1.0), ("combined", 0.7)] {
            try write(summary(name, level: level), folder, "\(name)/summary.csv")
            try write(runRecord(name), folder, "\(name)/run.json")
        }
        // An older run in the same folder is not part of the comparison and must not be charted.
        try write(summary("old-run", level: 2), folder, "old-run/summary.csv")
        try write(
            """
            scenario,metric,mean,lo95,hi95,diff,diff_lo95,diff_hi95,note
            baseline,cumulative_repoverty_rate,0.3,0.29,0.31,0,0,0,x
            baseline,entries_averted,0,0,0,0,0,0,
            baseline,cost_per_entry_averted,,,,,,,
            combined,cumulative_repoverty_rate,0.21,0.2,0.22,-0.09,-0.095,-0.085,
            combined,entries_averted,210,200,220,210,200,220,
            combined,cost_per_entry_averted,80000,78000,82000,,,,

            """, folder, "compare.csv")
        return folder
    }
}

/// An independent check that a file is a PNG image: the signature, then an IHDR chunk with width and height > 0.
func assertRealPNG(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
    let bytes = [UInt8](try Data(contentsOf: url))
    XCTAssertGreaterThan(bytes.count, 1000, "\(url.lastPathComponent) is too small for a chart", file: file, line: line)
    XCTAssertEqual(Array(bytes.prefix(8)), [137, 80, 78, 71, 13, 10, 26, 10], "not a PNG: \(url.path)", file: file, line: line)
    guard bytes.count >= 24 else { return XCTFail("truncated: \(url.path)", file: file, line: line) }
    XCTAssertEqual(String(decoding: bytes[12..<16], as: UTF8.self), "IHDR", file: file, line: line)
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    XCTAssertGreaterThan(width, 0, file: file, line: line)
    XCTAssertGreaterThan(height, 0, file: file, line: line)
}
