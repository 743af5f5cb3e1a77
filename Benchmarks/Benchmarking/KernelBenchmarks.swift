import Dispatch
@_spi(Benchmarking) import Engine
import Model
import Randomness

/// Nanoseconds per call of the hot kernels: the draws, one household-year and the block loop (issue 5; printed by the
/// `RepovertyKernels` executable, docs/PERFORMANCE.md). Each kernel runs in rounds on the monotonic clock and the best
/// round is kept; every result feeds a checksum, so the work cannot be optimised away.
public enum KernelBenchmarks {
    /// One measured kernel.
    public struct Result: Sendable {
        public let name: String
        public let nanosecondsPerCall: Double
    }

    /// Everything, for the reference scenario's parameters; `scale` multiplies the number of calls (1 = about a
    /// second in all on this kind of machine).
    public static func all(_ parameters: ScenarioParameters, scale: Double = 1) throws -> (results: [Result], checksum: Double) {
        var results: [Result] = []
        var checksum = 0.0
        /// `body(n)` makes n calls, each of `unitsPerCall` units; the time is reported per unit.
        func record(_ name: String, calls: Int, unitsPerCall: Int = 1, _ body: (Int) -> Double) {
            let calls = max(1, Int(Double(calls) * scale))
            var best = Double.infinity
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                checksum += body(calls)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
                best = min(best, elapsed / Double(calls * unitsPerCall))
            }
            results.append(Result(name: name, nanosecondsPerCall: best))
        }

        for (label, generator) in [("taus2", GeneratorKind.taus2), ("taus113", .taus113), ("mt19937", .mt19937)] {
            let stream = try RandomStream(generator: generator)
            stream.reseed(mixedKey: 1)
            record("\(label): uniform", calls: 2_000_000) { n in (0..<n).reduce(0.0) { sum, _ in sum + stream.uniform() } }
            record("\(label): bernoulli(0.3)", calls: 2_000_000) { n in
                Double((0..<n).reduce(0) { sum, _ in sum + (stream.bernoulli(0.3) ? 1 : 0) })
            }
            record("\(label): binomial(4, 0.0368)", calls: 1_000_000) { n in
                Double((0..<n).reduce(0) { sum, _ in sum + stream.binomial(4, 0.0368) })
            }
            record("\(label): lognormal(0, 0.3)", calls: 500_000) { n in
                (0..<n).reduce(0.0) { sum, _ in sum + stream.lognormal(zeta: 0, sigma: 0.3) }
            }
            record("\(label): gamma(2, 0.6)", calls: 500_000) { n in
                (0..<n).reduce(0.0) { sum, _ in sum + stream.gamma(shape: 2, scale: 0.6) }
            }
            record("\(label): reseed from a 64-bit key", calls: 1_000_000) { n in
                for key in 0..<n { stream.reseed(mixedKey: UInt64(key)) }
                return stream.uniform()
            }
            let partial = PartialStreamKey(wordCount: 6).appending(7).appending(0).appending(3).appending(11)
            record("\(label): lazy restart and its first uniform", calls: 1_000_000) { n in
                (0..<n).reduce(0.0) { sum, household in
                    stream.restart(partial, 1, UInt64(household))
                    return sum + stream.uniform()
                }
            }
        }

        let step = try YearlyStep(parameters)
        let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
        let stream = try RandomStream(generator: parameters.run.generator)
        var key = HouseholdStreamKey(seed: parameters.run.seed, replicate: 0, block: 0, year: 0, household: 0, years: 1)
        let households: [Household] = (0..<Simulation.blockSize).map { index in
            key.household = UInt64(index)
            key.restart(stream, for: .population)
            var household = synthesis.household(stream: stream)
            var year = HouseholdYear(year: 0, price: 1, wageMultiplier: 1, villageFlooded: false, countyOutbreak: false)
            _ = step.advance(&household, year: &year, key: key, stream: stream)
            return household
        }
        record("population synthesis: one household", calls: 200_000) { n in
            var members = 0
            for index in 0..<n {
                key.household = UInt64(index % Simulation.blockSize)
                key.restart(stream, for: .population)
                members += synthesis.household(stream: stream).size
            }
            return Double(members)
        }
        record("one household-year (YearlyStep.advance, year 1)", calls: 400_000) { n in
            var income = 0.0
            key.year = 1
            for index in 0..<n {
                var household = households[index % households.count]
                key.household = UInt64(index % households.count)
                var year = HouseholdYear(year: 1, price: 1, wageMultiplier: 1, villageFlooded: false, countyOutbreak: false)
                _ = step.advance(&household, year: &year, key: key, stream: stream)
                income += year.income
            }
            return income
        }

        let layout = try VillageLayout(
            households: Simulation.blockSize, parameters: parameters.population.villages, seed: parameters.run.seed,
            generator: parameters.run.generator)
        let years = parameters.run.years
        let covariates = try Covariates(
            replicate: 0, seed: parameters.run.seed, years: years, layout: layout, step: step,
            generator: parameters.run.generator)
        let task = BlockKernel(
            seed: parameters.run.seed, replicate: 0, block: 0, households: Simulation.blockSize, years: years)
        let perBlock = Simulation.blockSize * (years + 1)
        record(
            "block loop, per household-year step (4,096 households × years 0…\(years), with synthesis)", calls: 4,
            unitsPerCall: perBlock
        ) { n in
            var total = 0.0
            for _ in 0..<n {
                total += task.run(step: step, synthesis: synthesis, layout: layout, covariates: covariates, stream: stream)
                    .cohortHouseholds
            }
            return total
        }
        return (results, checksum)
    }
}
