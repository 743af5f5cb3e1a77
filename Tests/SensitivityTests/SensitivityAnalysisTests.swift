import Foundation
import Model
import Runs
import Scenarios
import Testing

@testable import Sensitivity

/// The analysis on tiny runs: a key of known direction, a key that cannot reach the run, the comparison form, a stop.
struct SensitivityAnalysisTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func baseline(households: Int = 400) throws -> Scenario {
        try Runner.load(
            [root.appendingPathComponent("scenarios/baseline.yaml").path],
            size: RunSize(replicates: 4, households: households, years: 3))[0]
    }

    @Test func aHigherDibaoStandardLowersRePovertyAndASwitchedOffKeyHasNoEffect() throws {
        let settings = SensitivitySettings(
            keys: ["interventions.dibao.standard", "interventions.medicalInsurance.threshold"], change: 0.2)
        var seen: [String] = []
        let result = try SensitivityAnalysis.run(try Self.baseline(), settings: settings, runner: Runner(threads: 2)) {
            index, count, key in seen.append("\(index)/\(count) \(key)")
        }
        #expect(seen == ["1/2 interventions.dibao.standard", "2/2 interventions.medicalInsurance.threshold"])
        let dibao = try #require(result.rows.first { $0.key == "interventions.dibao.standard" })
        #expect(dibao.status == .assumed)
        #expect(dibao.low == dibao.base * 0.8 && dibao.high == dibao.base * 1.2)
        // A higher guarantee lifts households above the line: fewer fall back, and 4 paired replicates show it.
        let high = try #require(dibao.changeHigh), low = try #require(dibao.changeLow)
        #expect(high.mean < 0 && high.excludesZero)
        #expect(low.mean > 0 && low.excludesZero)
        #expect((dibao.elasticityHigh ?? 0) < 0)
        // Medical insurance is off in the baseline (coverage 0): its threshold cannot change the run.
        #expect(result.noEffect == ["interventions.medicalInsurance.threshold"])
        #expect(result.rows.count == 1)
        #expect(result.runs == 5)
        let csv = SensitivityFiles.csv(result)
        #expect(csv.hasPrefix(SensitivityFiles.header + "\ninterventions.dibao.standard,assumed,"))
    }

    @Test func inTheComparisonFormAKeyMovedInTwoIdenticalScenariosChangesNoDifference() throws {
        let scenario = try Self.baseline(households: 300)
        var baseline = scenario
        baseline.name = "same"
        let result = try SensitivityAnalysis.run(
            scenario, against: baseline, settings: SensitivitySettings(keys: ["interventions.dibao.standard"], against: "same"),
            runner: Runner(threads: 2))
        let row = try #require(result.rows.first)
        #expect(row.changeLow?.mean == 0 && row.changeHigh?.mean == 0)
        #expect(result.baseline != nil)
        #expect(result.runs == 6)
    }

    @Test func badSettingsAreRefusedBeforeAnyRun() throws {
        #expect(throws: SensitivityError.badChange(0)) { try SensitivityAnalysis.check(SensitivitySettings(change: 0)) }
        #expect(throws: SensitivityError.self) {
            try SensitivityAnalysis.run(
                try Self.baseline(households: 100), settings: SensitivitySettings(keys: ["run.years"]),
                runner: Runner(threads: 1))
        }
        #expect(throws: SensitivityError.self) {
            try SensitivityAnalysis.run(
                try Self.baseline(households: 100),
                settings: SensitivitySettings(keys: ["interventions.dibao.standard"], metrics: ["incidense"]),
                runner: Runner(threads: 1))
        }
    }

    @Test func aStopRequestStopsTheAnalysis() throws {
        final class Stop: RunObserver {
            var isCancelled: Bool { true }
            func taskFinished(completed: Int, total: Int) {}
        }
        #expect(throws: RunError.cancelled) {
            try SensitivityAnalysis.run(
                try Self.baseline(households: 100), settings: SensitivitySettings(keys: ["interventions.dibao.standard"]),
                runner: Runner(threads: 1, observer: Stop()))
        }
    }

    @Test func theStudentTMultiplierIsGSLs() {
        let result = PairedChange([1, 2, 3])
        // mean 2, sd 1, t(0.975, 2) = 4.302653
        #expect(abs((result?.upper ?? 0) - (2 + 4.302652729911275 / 3.0.squareRoot())) < 1e-9)
        #expect(PairedChange([nil, 5])?.lower == nil)
    }
}
