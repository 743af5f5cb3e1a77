import Engine
import Foundation
import Runs
import Scenarios
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

    /// A base run is kept whole (its folder and provenance are written from the store by `merge`), found again only
    /// for the same parameters; two shards' stores holding one run with other figures are refused by merge.
    @Test func aBaseRunComesBackWholeAndConflictingShardsAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sens-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SensitivityAnalysisTests.baseline(households: 100)
        let run = try Runner(threads: 1).run(scenario)
        let settings = SensitivitySettings(keys: ["interventions.dibao.standard"])
        let identity = SensitivityIdentity(program: "p", scenario: scenario, baseline: nil, settings: settings, runs: 3)
        var stores: [URL] = []
        for (index, bias) in [0.0, 1e-9].enumerated() {
            let url = folder.appendingPathComponent("\(index).sqlite")
            let store = try SensitivityStore(at: url, program: "p", resume: false)
            try store.setIdentity(identity, shard: "\(index)/2")
            if index == 0 {
                try store.record(label: "base", run: run)
                let back = try #require(try store.completedRun(label: "base", of: scenario))
                #expect(back.summaryCSV == run.summaryCSV && back.replicatesCSV == run.replicatesCSV)
                #expect(try back.provenance.json() == run.provenance.json() && back.tasks == run.tasks)
                var other = scenario
                other.parameters.run.seed += 1
                #expect(try store.completedRun(label: "base", of: other) == nil)
                #expect(try store.identity()?.identity == identity)
            }
            let metrics = [Metric(name: "cumulative_repoverty_rate", year: nil, values: [0.2 + bias])]
            try store.record(label: "interventions.dibao.standard low", parameters: "{}", metrics: metrics)
            try store.close()
            stores.append(url)
        }
        #expect(throws: SensitivityMergeError.conflictingRun("interventions.dibao.standard low", stores[0].path, stores[1].path)) {
            try SensitivityMerge.merge(
                inputs: stores, into: folder.appendingPathComponent("merged.sqlite"), scenario: scenario, baseline: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged.sqlite").path))
        var otherChange = settings
        otherChange.change = 0.1
        #expect(identity.differences(
            from: SensitivityIdentity(program: "p", scenario: scenario, baseline: nil, settings: otherChange, runs: 3))
            == ["--change (20.0 % and 10.0 %)"])
    }
}
