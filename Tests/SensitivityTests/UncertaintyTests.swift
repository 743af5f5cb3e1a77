import Foundation
import Model
import Runs
import Scenarios
import Sweeps
import Testing

@testable import Sensitivity

/// `--uncertainty`: the range each key is sampled over, the Latin hypercube of the assumed keys, the pairing with the
/// base and the PRCC of the result.
struct UncertaintyTests {
    @Test func theSampledRangeRunsFromTheLowToTheHighOneAtATimeValue() throws {
        for (value, kind) in [(0.95, NumericKind.unitInterval), (0.3, .unitInterval), (5500, .real), (50, .whole), (2, .whole)] {
            #expect(Perturbation.sampled(value, kind: kind, fraction: 0, change: 0.2) == Perturbation.moved(value, kind: kind, side: .low, change: 0.2))
            #expect(Perturbation.sampled(value, kind: kind, fraction: 1, change: 0.2) == Perturbation.moved(value, kind: kind, side: .high, change: 0.2))
            let middle = try #require(Perturbation.sampled(value, kind: kind, fraction: 0.5, change: 0.2))
            #expect(abs(middle - value) < 1e-12, "the middle of the range is the value itself")
        }
        // Monotone in the fraction, so the Latin hypercube's strata are the value's strata.
        let values = (0...10).map { Perturbation.sampled(0.95, kind: .unitInterval, fraction: Double($0) / 10, change: 0.2)! }
        #expect(values == values.sorted() && Set(values).count == values.count)
        // Switches and "none" keep their value.
        #expect(Perturbation.sampled(0, kind: .unitInterval, fraction: 0.7, change: 0.2) == nil)
        #expect(Perturbation.sampled(1, kind: .unitInterval, fraction: 0.7, change: 0.2) == nil)
        #expect(Perturbation.sampled(0, kind: .whole, fraction: 0.7, change: 0.2) == nil)
        #expect(Perturbation.sampled(0, kind: .real, fraction: 0.7, change: 0.2) == nil)
    }

    @Test func byDefaultEveryAssumedKeyWithARangeIsSampledAndNoOther() throws {
        let scenario = try SensitivityAnalysisTests.baseline(households: 100)
        let (sampled, skipped) = try UncertaintyAnalysis.keys(nil, in: scenario)
        #expect(!sampled.isEmpty && sampled.allSatisfy { scenario.status(of: $0) == .assumed && !$0.path.hasPrefix("run.") })
        let assumed = ScenarioKeys.all.filter { scenario.status(of: $0) == .assumed && !$0.path.hasPrefix("run.") }.map(\.path)
        #expect(Set(sampled.map(\.path)).union(skipped.map(\.key)) == Set(assumed))
        // Medical insurance is off in the baseline: its coverage of 0 is a switch, not sampled.
        #expect(skipped.contains { $0.key == "interventions.medicalInsurance.coverage" })
        #expect(sampled.contains { $0.path == "interventions.dibao.standard" })
        // Named keys are sampled whatever their status.
        let named = try UncertaintyAnalysis.keys(["shocks.illness.levelShares.county", "population.householdSize.two"], in: scenario)
        #expect(named.sampled.map(\.path) == ["shocks.illness.levelShares.county", "population.householdSize.two"])
    }

    /// Twelve samples of two keys: each key's values fall one in each of twelve equal strata of its range (the sweeps'
    /// Latin hypercube), every sample is paired with the base (its change is its level minus the base's, exactly), and
    /// the dibao standard, which lowers re-poverty strongly, has a clearly negative PRCC and is ranked first.
    @Test func twoKeysAreStratifiedPairedAndRanked() throws {
        let scenario = try SensitivityAnalysisTests.baseline(households: 300)
        let settings = SensitivitySettings(
            keys: ["interventions.dibao.standard", "economy.localWages.weak"], change: 0.3, uncertainty: 12)
        var seen = 0
        let result = try UncertaintyAnalysis.run(scenario, settings: settings, runner: Runner(threads: 2)) { _, _, _ in seen += 1 }
        #expect(seen == 12 && result.samples.count == 12 && result.runs == 13)
        let standard = scenario.parameters.interventions.dibao.standard
        let strata = result.samples.map { sample in Int((((sample.values[0] / standard) - 1) / 0.6 + 0.5) * 12) }
        #expect(strata.sorted() == Array(0..<12))
        let base = try #require(result.spreads.first { $0.form == "level" }?.base)
        for sample in result.samples {
            let level = try #require(sample.levels[0]), change = try #require(sample.changes[0])
            #expect(abs(change - (level - base)) < 1e-12)
        }
        let change = try #require(result.spreads.first { $0.form == "change" })
        #expect(change.minimum < 0 && change.maximum > 0 && change.p05 <= change.median && change.median <= change.p95)
        let dibao = try #require(result.prcc.first { $0.key == "interventions.dibao.standard" }?.coefficient)
        #expect(dibao.value < -0.5 && dibao.excludesZero)
        #expect(result.prcc.first?.key == "interventions.dibao.standard", "ranked first")
        #expect(result.prcc.allSatisfy { $0.source == "assumed" })
        let csv = UncertaintyFiles.csv(result).split(separator: "\n")
        #expect(csv[0] == "metric,form,base,samples,p05,median,p95,min,max")
        #expect(csv[1].hasPrefix("cumulative_repoverty_rate,level,"))
        let samples = UncertaintyFiles.samplesCSV(result).split(separator: "\n")
        #expect(samples[0] == "sample,interventions.dibao.standard,economy.localWages.weak,cumulative_repoverty_rate,cumulative_repoverty_rate_change")
        #expect(samples.count == 13)
    }

    @Test func againstAnIdenticalBaselineEveryDifferenceIsZero() throws {
        let scenario = try SensitivityAnalysisTests.baseline(households: 200)
        var baseline = scenario
        baseline.name = "same"
        let result = try UncertaintyAnalysis.run(
            scenario, against: baseline,
            settings: SensitivitySettings(keys: ["interventions.dibao.standard"], against: "same", uncertainty: 4),
            runner: Runner(threads: 2))
        #expect(result.samples.count == 4 && result.runs == 10)
        #expect(result.samples.allSatisfy { $0.levels == [0] && $0.changes == [0] })
    }

    @Test func badSampleCountsAreRefused() {
        #expect(throws: SensitivityError.badSampleCount(1)) { try SensitivityAnalysis.check(SensitivitySettings(uncertainty: 1)) }
        #expect(throws: SensitivityError.badSampleCount(-3)) { try SensitivityAnalysis.check(SensitivitySettings(uncertainty: -3)) }
    }
}
