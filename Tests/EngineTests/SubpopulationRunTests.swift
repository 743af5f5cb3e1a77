import Engine
import Model
import Output
import XCTest

/// Mixtures of sub-populations in the engine (MODEL.md §7; docs/ARCHITECTURE.md): the split of the households, the
/// blocks of each sub-population, and what the tallies of a mixture must satisfy.
final class SubpopulationRunTests: XCTestCase {
    func testLargestRemainderSplit() {
        XCTAssertEqual(Subpopulation.split(10, shares: [0.25, 0.25, 0.5]), [3, 2, 5], "ties go to the earlier")
        XCTAssertEqual(Subpopulation.split(10, shares: [0.9, 0.1]), [9, 1])
        XCTAssertEqual(Subpopulation.split(7, shares: [0.5, 0.3, 0.2]), [4, 2, 1], "3.5, 2.1, 1.4: the .5 takes the last")
        XCTAssertEqual(Subpopulation.split(3, shares: [0.9, 0.05, 0.05]), [1, 1, 1], "every share at least one")
        XCTAssertEqual(Subpopulation.split(20_000, shares: [0.9, 0.1]), [18_000, 2_000])
        // Any split sums to the households, each within one of its exact share.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let count = Int.random(in: 2...6, using: &generator)
            let raw = (0..<count).map { _ in Double.random(in: 0.01...1, using: &generator) }
            let shares = raw.map { $0 / raw.reduce(0, +) }
            let households = Int.random(in: 100...100_000, using: &generator)
            let split = Subpopulation.split(households, shares: shares)
            XCTAssertEqual(split.reduce(0, +), households)
            for (n, share) in zip(split, shares) { XCTAssertLessThan(abs(Double(n) - share * Double(households)), 1) }
        }
    }

    func testNoBlockHoldsTwoSubpopulations() {
        let plan = BlockPlan(households: [5_000, 3_000, 4_096, 1])
        XCTAssertEqual(plan.firstHousehold, [0, 5_000, 8_000, 12_096])
        XCTAssertEqual(plan.firstBlock, [0, 2, 3, 4])
        XCTAssertEqual(plan.groupOfBlock, [0, 0, 1, 2, 3])
        XCTAssertEqual((0..<plan.blockCount).map(plan.households(ofBlock:)),
                       [0..<4_096, 4_096..<5_000, 5_000..<8_000, 8_000..<12_096, 12_096..<12_097])
        // Random plans: blocks tile the population in order, each inside its group's households, none longer than a block.
        for _ in 0..<100 {
            let sizes = (0..<Int.random(in: 1...5)).map { _ in Int.random(in: 1...20_000) }
            let plan = BlockPlan(households: sizes)
            var next = 0
            for block in 0..<plan.blockCount {
                let range = plan.households(ofBlock: block), group = plan.groupOfBlock[block]
                XCTAssertEqual(range.lowerBound, next)
                XCTAssertFalse(range.isEmpty)
                XCTAssertLessThanOrEqual(range.count, Simulation.blockSize)
                XCTAssertGreaterThanOrEqual(range.lowerBound, plan.firstHousehold[group])
                XCTAssertLessThanOrEqual(range.upperBound, plan.firstHousehold[group] + sizes[group])
                next = range.upperBound
            }
            XCTAssertEqual(next, sizes.reduce(0, +))
        }
        // Without sub-populations, the blocks runs always had.
        let plain = BlockPlan(households: 2 * Simulation.blockSize + 517, subpopulations: [])
        XCTAssertEqual(plain.blockCount, Simulation.blockCount(households: 2 * Simulation.blockSize + 517))
        XCTAssertEqual(plain.households(ofBlock: 2), 2 * Simulation.blockSize..<2 * Simulation.blockSize + 517)
    }

    /// A run of the reference model and a second sub-population that differs in its population and its floods.
    static func mixture(households: Int = 6_000, replicates: Int = 4) -> (ScenarioParameters, [Subpopulation]) {
        var run = ScenarioParameters()
        run.run.households = households
        run.run.replicates = replicates
        run.run.years = 4
        run.run.seed = 11
        var other = run
        other.population.dibaoShare = 0.2
        other.shocks.flood.probability = 0.3
        return (run, [
            Subpopulation(name: "reference", share: 0.7, profile: "a", parameters: run),
            Subpopulation(name: "other", share: 0.3, profile: "b", parameters: other),
        ])
    }

    func testTheWholePopulationIsTheSumOfItsSubpopulations() throws {
        let (run, subpopulations) = Self.mixture()
        let result = try Simulation.run(run, subpopulations: subpopulations, threads: 2)
        XCTAssertEqual(result.subpopulations.map(\.name), ["reference", "other"])
        XCTAssertEqual(result.subpopulations.map(\.households), [4_200, 1_800])
        let years = run.run.years
        for replicate in 0..<run.run.replicates {
            let whole = result.replicates[replicate]
            let parts = result.subpopulations.map { $0.replicates[replicate] }
            XCTAssertEqual(whole.cohortHouseholds, parts.reduce(0) { $0 + $1.cohortHouseholds })
            XCTAssertEqual(whole[.everRePoor, year: years], parts.reduce(0) { $0 + $1[.everRePoor, year: years] })
            // The cumulative rate is the cohort-weighted mean of the sub-populations' rates.
            let rate = whole[.everRePoor, year: years] / whole.cohortHouseholds
            let weighted = parts.reduce(0) { $0 + $1.cohortHouseholds * ($1[.everRePoor, year: years] / $1.cohortHouseholds) }
                / whole.cohortHouseholds
            XCTAssertEqual(rate, weighted, accuracy: 1e-12)
            var merged = Tally(years: years)
            for part in parts { merged.merge(part) }
            XCTAssertEqual(merged[.everRePoor, year: years], whole[.everRePoor, year: years])
        }
        // The sub-populations really differ: the other's floods and dibao move its figures.
        let metrics = Summary.subpopulationMetrics(result)
        let cumulative = metrics.map { $0.metrics.first { $0.name == "cumulative_repoverty_rate" && $0.year == nil }!.estimate.mean }
        XCTAssertNotEqual(cumulative[0], cumulative[1])
    }

    func testAMixtureIsTheSameOnOneOrTwoThreads() throws {
        let (run, subpopulations) = Self.mixture(households: 2 * Simulation.blockSize + 517, replicates: 3)
        for vulnerability in [false, true] {
            let one = try Simulation.run(run, subpopulations: subpopulations, threads: 1, vulnerability: vulnerability)
            let two = try Simulation.run(run, subpopulations: subpopulations, threads: 2, vulnerability: vulnerability)
            XCTAssertEqual(one.replicates, two.replicates)
            XCTAssertEqual(one.subpopulations.map(\.replicates), two.subpopulations.map(\.replicates))
            XCTAssertEqual(one.vulnerability, two.vulnerability)
            XCTAssertEqual(one.vulnerability == nil, !vulnerability)
        }
    }

    /// Two halves of one profile whose blocks fall where the plain run's do (2 × 4,096 households): the same stream
    /// keys, villages and covariates, so exactly the plain run.
    func testHalvesOnBlockBoundariesAreExactlyThePlainRun() throws {
        var run = ScenarioParameters()
        run.run.households = 2 * Simulation.blockSize
        run.run.replicates = 2
        run.run.years = 3
        let halves = ["a", "b"].map { Subpopulation(name: $0, share: 0.5, profile: "p", parameters: run) }
        let plain = try Simulation.run(run, threads: 2)
        let mixed = try Simulation.run(run, subpopulations: halves, threads: 2)
        XCTAssertEqual(plain.replicates, mixed.replicates)
        XCTAssertTrue(plain.subpopulations.isEmpty)
    }

    /// Two halves of one profile whose blocks do not fall where the plain run's do: households 3,000–5,999 are drawn
    /// from other keys, so the figures differ by Monte Carlo error only. Each metric's difference of means over 12
    /// replicates must be within four standard errors estimated as for two independent samples (conservative: the runs
    /// share households 0–2,999 and every covariate, so their difference varies less). For independent runs a false
    /// failure has probability about 6·10⁻⁴ per metric (Student t, about 22 degrees of freedom); the seed is fixed.
    func testHalvesOfOneProfileAgreeWithThePlainRunWithinMonteCarloError() throws {
        var run = ScenarioParameters()
        run.run.households = 6_000
        run.run.replicates = 12
        run.run.years = 5
        run.run.seed = 3
        let halves = ["a", "b"].map { Subpopulation(name: $0, share: 0.5, profile: "p", parameters: run) }
        let plain = Summary.metrics(try Simulation.run(run, threads: 2))
        let mixed = Summary.metrics(try Simulation.run(run, subpopulations: halves, threads: 2))
        var compared = 0
        for name in ["cumulative_repoverty_rate", "annual_repoverty_rate", "incidence", "cohort_households"] {
            let a = try XCTUnwrap(plain.first { $0.name == name && $0.year == nil }).values.compactMap { $0 }
            let b = try XCTUnwrap(mixed.first { $0.name == name && $0.year == nil }).values.compactMap { $0 }
            func meanAndVariance(_ x: [Double]) -> (Double, Double) {
                let mean = x.reduce(0, +) / Double(x.count)
                return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1))
            }
            let (ma, va) = meanAndVariance(a), (mb, vb) = meanAndVariance(b)
            let standardError = (va / Double(a.count) + vb / Double(b.count)).squareRoot()
            XCTAssertGreaterThan(standardError, 0, name)
            XCTAssertLessThan(abs(ma - mb), 4 * standardError, "\(name): plain \(ma), halves \(mb)")
            XCTAssertNotEqual(a, b, "\(name): the halves must come from other streams than the plain run")
            compared += 1
        }
        XCTAssertEqual(compared, 4)
    }

    func testFewerHouseholdsThanSubpopulationsIsRefused() {
        var (run, subpopulations) = Self.mixture()
        run.run.households = 1
        XCTAssertThrowsError(try Simulation.run(run, subpopulations: subpopulations, threads: 1)) {
            XCTAssertEqual($0 as? SimulationError, .tooFewHouseholds(households: 1, subpopulations: 2))
        }
    }
}
