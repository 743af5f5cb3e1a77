import Engine
import Foundation
import Testing

@testable import Sensitivity

/// sensitivity.sqlite: runs come back bit for bit, only for the same label and parameters, only for the same program.
struct SensitivityStoreTests {
    @Test func aRunComesBackBitForBitOnlyForTheSameLabelParametersAndProgram() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sens-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(SensitivityStore.fileName)
        let metrics = [
            Metric(name: "cumulative_repoverty_rate", year: nil, values: [0.1 + 0.2, nil, -0.0, .nan, 1e-300]),
            Metric(name: "incidence", year: 3, values: [0.25]),
        ]
        let store = try SensitivityStore(at: url, program: "0.1.0 abc", resume: false)
        try store.record(label: "k high", parameters: "{\"a\":1}", metrics: metrics)
        try store.close()

        let again = try SensitivityStore(at: url, program: "0.1.0 abc", resume: true)
        let found = try #require(try again.metrics(label: "k high", parameters: "{\"a\":1}"))
        #expect(found.map(\.name) == metrics.map(\.name) && found.map(\.year) == metrics.map(\.year))
        for (a, b) in zip(found, metrics) {
            #expect(a.values.map { $0?.bitPattern } == b.values.map { $0?.bitPattern })
        }
        #expect(try again.metrics(label: "k high", parameters: "{\"a\":2}") == nil, "other parameters: run again")
        #expect(try again.metrics(label: "k low", parameters: "{\"a\":1}") == nil)
        #expect(again.reused == 1)
        try again.close()

        let otherProgram = try SensitivityStore(at: url, program: "0.2.0 def", resume: true)
        #expect(try otherProgram.count() == 0, "runs of another program are not reused")
        try otherProgram.close()
        let fresh = try SensitivityStore(at: url, program: "0.2.0 def", resume: false)
        #expect(try fresh.count() == 0)
    }
}
