import Engine
import Model
import Randomness
import XCTest

/// MODEL.md §4 step 1: floods per village ~ Bernoulli(0.05), outbreaks per county ~ Bernoulli(0.08), prices per
/// county ~ Lognormal(0, 0.15), wages from the schedule; forced events.
final class CovariatesTests: XCTestCase {
    func covariates(_ parameters: ScenarioParameters, households: Int, years: Int, replicate: Int = 0) throws -> Covariates {
        let layout = try VillageLayout(households: households, parameters: parameters.population.villages, seed: 3, generator: .taus2)
        let step = try YearlyStep(parameters)
        return try Covariates(replicate: replicate, seed: 3, years: years, layout: layout, step: step, generator: .taus2)
    }

    /// The tables hold, for every place and year, what the phases' own covariate code draws from the keys
    /// (seed, purpose, replicate, year, place) of docs/MODEL.md §5: the engine adds nothing but the loop.
    func testTablesHoldThePhasesDrawsFromThePlaceKeys() throws {
        var parameters = ScenarioParameters()
        parameters.shocks.flood.probability = 0.4
        parameters.shocks.flood.forcedYear = 2
        parameters.shocks.avianFlu.outbreakProbability = 0.5
        let table = try covariates(parameters, households: 300_000, years: 3, replicate: 2)
        let flood = Flood(parameters), outbreak = AvianFlu(parameters)
        let swings = PriceAndWageSwings(prices: parameters.shocks.prices, wages: parameters.shocks.wages)
        let stream = try RandomStream(), forced = try RandomStream()
        for year in 0...3 {
            for village in 0..<table.villageCount {
                stream.reseed(.covariate(seed: 3, purpose: .floodCovariate, replicate: 2, year: year, place: village))
                forced.reseed(.covariate(seed: 3, purpose: .forcedFloodCovariate, replicate: 2, year: year, place: village))
                XCTAssertEqual(
                    table.householdYear(year: year, village: village, county: village / 100).villageFlooded,
                    flood.villageFloods(year: year, stream: stream, forcedStream: forced))
            }
            for county in 0..<table.countyCount {
                let accounts = table.householdYear(year: year, village: county * 100, county: county)
                stream.reseed(StreamKey(3, StreamPurpose.outbreakCovariate.rawValue, 2, UInt64(year), UInt64(county)))
                XCTAssertEqual(accounts.countyOutbreak, outbreak.countyOutbreak(year: year, stream: stream))
                stream.reseed(StreamKey(3, StreamPurpose.priceCovariate.rawValue, 2, UInt64(year), UInt64(county)))
                XCTAssertEqual(accounts.price, swings.countyPrice(stream: stream))
            }
        }
        XCTAssertEqual(Covariates.bytes, CovariateBytes(village: 1, county: 9, year: 8))
    }

    /// Frequencies over villages × years; tolerance 5 standard errors of a proportion (fails by chance ~1 in 3.5 million).
    func testFloodAndOutbreakFrequencies() throws {
        let parameters = ScenarioParameters()
        // ~ 20,000 villages and 200 counties.
        let table = try covariates(parameters, households: 10_500_000, years: 9)
        var flooded = 0.0, outbreaks = 0.0
        for year in 0...9 {
            flooded += table.floodedShare(year: year)
            outbreaks += table.outbreakShare(year: year)
        }
        let villageYears = Double(table.villageCount * 10), countyYears = Double(table.countyCount * 10)
        XCTAssertEqual(flooded / 10, 0.05, accuracy: 5 * (0.05 * 0.95 / villageYears).squareRoot())
        XCTAssertEqual(outbreaks / 10, 0.08, accuracy: 5 * (0.08 * 0.92 / countyYears).squareRoot())
    }

    func testPriceMultipliersAreLognormal() throws {
        let table = try covariates(ScenarioParameters(), households: 10_500_000, years: 9)
        var logs: [Double] = []
        for year in 0...9 { for county in 0..<table.countyCount { logs.append(log(table.countyPrice(year: year, county: county))) } }
        let n = Double(logs.count)
        let mean = logs.reduce(0, +) / n
        let sd = (logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        XCTAssertEqual(mean, 0, accuracy: 5 * 0.15 / n.squareRoot())
        // The sd of a sample sd of a normal is about σ/√(2n).
        XCTAssertEqual(sd, 0.15, accuracy: 5 * 0.15 / (2 * n).squareRoot())
    }

    func testForcedFloodAndOutbreak() throws {
        var parameters = ScenarioParameters()
        parameters.shocks.flood.forcedYear = 1
        parameters.shocks.avianFlu.forcedYear = 2
        let table = try covariates(parameters, households: 2_000_000, years: 3)
        let villages = Double(table.villageCount)
        // Forced share 0.3 instead of the ordinary 0.05 (contract §7): P(flood) = 0.3, not 1 − 0.95 × 0.7 = 0.335.
        XCTAssertEqual(table.floodedShare(year: 1), 0.3, accuracy: 5 * (0.3 * 0.7 / villages).squareRoot())
        XCTAssertEqual(table.outbreakShare(year: 2), 1)
        XCTAssertLessThan(table.floodedShare(year: 2), 0.2)
        XCTAssertLessThan(table.outbreakShare(year: 1), 0.5)
    }

    func testWageScheduleAppliesToItsYearsOnly() throws {
        var parameters = ScenarioParameters()
        parameters.shocks.wages.schedule = [1, 0.7]
        let table = try covariates(parameters, households: 1000, years: 4)
        XCTAssertEqual(table.householdYear(year: 2, village: 0, county: 0).wageMultiplier, 0.7)
        XCTAssertEqual(table.householdYear(year: 1, village: 0, county: 0).wageMultiplier, 1)
        XCTAssertEqual(table.householdYear(year: 3, village: 0, county: 0).wageMultiplier, 1)
        XCTAssertEqual(table.householdYear(year: 0, village: 0, county: 0).wageMultiplier, 1)
    }

    func testCovariatesDependOnReplicateNotOnLayoutSize() throws {
        let parameters = ScenarioParameters()
        let small = try covariates(parameters, households: 5_000, years: 3)
        let large = try covariates(parameters, households: 50_000, years: 3)
        let other = try covariates(parameters, households: 50_000, years: 3, replicate: 1)
        for year in 0...3 {
            XCTAssertEqual(small.countyPrice(year: year, county: 0), large.countyPrice(year: year, county: 0))
        }
        XCTAssertNotEqual(large.countyPrice(year: 1, county: 0), other.countyPrice(year: 1, county: 0))
    }
}

extension Covariates {
    /// Share of villages flooded in a year.
    func floodedShare(year: Int) -> Double {
        let flooded = (0..<villageCount).filter { householdYear(year: year, village: $0, county: 0).villageFlooded }
        return Double(flooded.count) / Double(villageCount)
    }

    /// Share of counties with an outbreak in a year.
    func outbreakShare(year: Int) -> Double {
        let outbreaks = (0..<countyCount).filter { householdYear(year: year, village: 0, county: $0).countyOutbreak }
        return Double(outbreaks.count) / Double(countyCount)
    }

    func countyPrice(year: Int, county: Int) -> Double { householdYear(year: year, village: 0, county: county).price }
}
