import Engine
import Model
import Output
import XCTest

/// MODEL.md §6: the same scenario and seed give byte-identical output whatever the number of threads, and an
/// intervention switched off reproduces the baseline exactly.
final class DeterminismTests: XCTestCase {
    /// Several blocks (the last one partial) and replicates, so threads really interleave tasks.
    static func smallRun(seed: UInt64 = 7) -> ScenarioParameters {
        var parameters = ScenarioParameters()
        parameters.run.households = 2 * Simulation.blockSize + 517
        parameters.run.replicates = 3
        parameters.run.years = 4
        parameters.run.seed = seed
        return parameters
    }

    func csv(_ parameters: ScenarioParameters, threads: Int) throws -> String {
        SummaryCSV.render(scenario: "test", rows: Summary.rows(try Simulation.run(parameters, threads: threads)))
    }

    func testIdenticalBytesForAnyThreadCount() throws {
        let parameters = Self.smallRun()
        let single = try csv(parameters, threads: 1)
        for threads in [2, 3, 8] {
            XCTAssertEqual(try csv(parameters, threads: threads), single, "\(threads) threads differ from 1 thread")
        }
    }

    /// Counting draws (for `bench`) changes no figure, and counts what a run must make: every year-step restarts at
    /// least the phases that always draw (demography, illness, dibao or its assessment, the labour market).
    func testCountingDrawsChangesNothing() throws {
        let parameters = Self.smallRun()
        let counted = try Simulation.run(parameters, threads: 2, countingDraws: true)
        XCTAssertEqual(
            SummaryCSV.render(scenario: "test", rows: Summary.rows(counted)), try csv(parameters, threads: 1))
        let counts = try XCTUnwrap(counted.drawCounts)
        let yearSteps = Double(parameters.run.households * (parameters.run.years + 1) * parameters.run.replicates)
        XCTAssertGreaterThan(Double(counts.restarts) / yearSteps, 3)
        XCTAssertGreaterThan(counts.gslCalls, counts.restarts)
        XCTAssertNil(try Simulation.run(parameters, threads: 1).drawCounts)
    }

    func testRepeatedRunsAreIdentical() throws {
        let parameters = Self.smallRun()
        XCTAssertEqual(try Simulation.run(parameters, threads: 2).replicates, try Simulation.run(parameters, threads: 2).replicates)
    }

    func testAnotherSeedGivesOtherFigures() throws {
        let seven = try Simulation.run(Self.smallRun(seed: 7), threads: 2).replicates
        let eight = try Simulation.run(Self.smallRun(seed: 8), threads: 2).replicates
        XCTAssertNotEqual(seven.map { $0[.everRePoor, year: 4] }, eight.map { $0[.everRePoor, year: 4] })
        XCTAssertNotEqual(seven.map(\.cohortHouseholds), eight.map(\.cohortHouseholds))
    }

    func testReplicatesShareThePopulationButNotTheYears() throws {
        let tallies = try Simulation.run(Self.smallRun(), threads: 2).replicates
        // Year 0 draws (illness, assessment...) differ by replicate, so cohorts differ a little; the years differ more.
        XCTAssertEqual(Set(tallies.map { $0[.everRePoor, year: 4] }).count, tallies.count)
    }

    func testSupplementaryInsuranceAtCoverageZeroReproducesTheBaseline() throws {
        let baseline = Self.smallRun()
        var switchedOff = baseline
        switchedOff.interventions.medicalInsurance.coverage = 0
        switchedOff.interventions.medicalInsurance.rate = 0.9
        switchedOff.interventions.medicalInsurance.threshold = 100
        switchedOff.interventions.medicalInsurance.premiumPerPerson = 500
        XCTAssertEqual(try csv(switchedOff, threads: 2), try csv(baseline, threads: 1))
    }

    func testTrainingAtCoverageZeroReproducesTrainingTermsChanged() throws {
        var noTraining = Self.smallRun()
        noTraining.interventions.training.coverage = 0
        noTraining.interventions.training.coverageMonitored = 0
        var otherTerms = noTraining
        otherTerms.interventions.training.certification = 0.99
        otherTerms.interventions.training.costPerTrainee = 10_000
        XCTAssertEqual(try csv(otherTerms, threads: 2), try csv(noTraining, threads: 1))
        // And the switch matters: training on changes the figures.
        XCTAssertNotEqual(try csv(Self.smallRun(), threads: 2), try csv(noTraining, threads: 2))
    }

    func testSwitchingInsuranceOnChangesOnlyWhatItShould() throws {
        let baseline = Self.smallRun()
        var insured = baseline
        insured.interventions.medicalInsurance.coverage = 0.5
        let base = try Simulation.run(baseline, threads: 2).replicates
        let with = try Simulation.run(insured, threads: 2).replicates
        // Common random numbers: same population and shocks, so the cohort moves only through year-0 insurance payouts.
        for (b, w) in zip(base, with) {
            XCTAssertEqual(b.cohortHouseholds, w.cohortHouseholds, accuracy: b.cohortHouseholds * 0.01)
            XCTAssertGreaterThan(w[.medicalInsurancePremiums, year: 1], 0)
            XCTAssertEqual(b[.medicalInsurancePremiums, year: 1], 0)
        }
    }
}

/// The observer sees every task finish, can stop a run, and never changes the results.
final class SimulationObserverTests: XCTestCase {
    final class Recorder: SimulationObserver, @unchecked Sendable {
        let lock = NSLock()
        var finished: [Int] = []
        var total = 0
        let stopAfter: Int?
        init(stopAfter: Int? = nil) { self.stopAfter = stopAfter }
        func taskFinished(completed: Int, total: Int) {
            lock.withLock {
                finished.append(completed)
                self.total = total
            }
        }
        var isCancelled: Bool { lock.withLock { stopAfter.map { finished.count >= $0 } ?? false } }
    }

    func testProgressCoversEveryTaskAndLeavesResultsUnchanged() throws {
        let parameters = DeterminismTests.smallRun()
        let recorder = Recorder()
        let watched = try Simulation.run(parameters, threads: 2, observer: recorder)
        let tasks = parameters.run.replicates * ((parameters.run.households + Simulation.blockSize - 1) / Simulation.blockSize)
        XCTAssertEqual(recorder.total, tasks)
        XCTAssertEqual(recorder.finished.sorted(), Array(1...tasks))
        XCTAssertEqual(watched.replicates, try Simulation.run(parameters, threads: 1).replicates)
    }

    func testCancellingStopsTheRunWithAnError() throws {
        var parameters = DeterminismTests.smallRun()
        parameters.run.replicates = 6
        let recorder = Recorder(stopAfter: 2)
        XCTAssertThrowsError(try Simulation.run(parameters, threads: 1, observer: recorder)) { error in
            XCTAssertEqual(error as? SimulationError, .cancelled)
        }
        XCTAssertEqual(recorder.finished.count, 2, "no task starts after the observer asks to stop")
    }
}
