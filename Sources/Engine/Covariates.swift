import Model
import Randomness

/// The draws shared by many households: floods per village, outbreaks and prices per county, wages per year
/// (MODEL.md §4 step 1).
///
/// Each is drawn on a stream keyed by (seed, purpose, replicate, year, place), never by block, so a household sees
/// the same flood whatever block or thread simulates it, and every scenario with the same seed sees the same events.
public struct Covariates: Sendable {
    public let years: Int
    public let villageCount: Int
    public let countyCount: Int
    /// flooded[year * villageCount + village]
    private let flooded: [Bool]
    /// outbreak[year * countyCount + county]
    private let outbreak: [Bool]
    /// price[year * countyCount + county]
    private let price: [Double]
    /// wageMultiplier[year]
    private let wageMultiplier: [Double]

    public init(
        replicate: Int, seed: UInt64, years: Int, layout: VillageLayout, step: YearlyStep, swings: PriceAndWageSwings,
        generator: GeneratorKind
    ) throws {
        self.years = years
        villageCount = layout.villageCount
        countyCount = layout.countyCount
        let stream = try RandomStream(generator: generator)
        let forcedStream = try RandomStream(generator: generator)
        let r = UInt64(replicate)
        var flooded = [Bool](repeating: false, count: (years + 1) * villageCount)
        var outbreak = [Bool](repeating: false, count: (years + 1) * countyCount)
        var price = [Double](repeating: 1, count: (years + 1) * countyCount)
        for year in 0...years {
            let t = UInt64(year)
            for village in 0..<villageCount {
                stream.reseed(StreamKey(seed, StreamPurpose.floodCovariate.rawValue, r, t, UInt64(village)))
                forcedStream.reseed(StreamKey(seed, StreamPurpose.forcedFloodCovariate.rawValue, r, t, UInt64(village)))
                flooded[year * villageCount + village] = step.flood.villageFloods(
                    year: year, stream: stream, forcedStream: forcedStream)
            }
            for county in 0..<countyCount {
                stream.reseed(StreamKey(seed, StreamPurpose.outbreakCovariate.rawValue, r, t, UInt64(county)))
                outbreak[year * countyCount + county] = step.avianFlu.countyOutbreak(year: year, stream: stream)
                stream.reseed(StreamKey(seed, StreamPurpose.priceCovariate.rawValue, r, t, UInt64(county)))
                price[year * countyCount + county] = swings.countyPrice(stream: stream)
            }
        }
        self.flooded = flooded
        self.outbreak = outbreak
        self.price = price
        wageMultiplier = (0...years).map { swings.wageMultiplier(year: $0) }
    }

    /// This year's accounts for a household of `village` in `county`, with the place's covariates filled in.
    @inline(__always)
    public func householdYear(year: Int, village: Int, county: Int) -> HouseholdYear {
        HouseholdYear(
            year: year, price: price[year * countyCount + county], wageMultiplier: wageMultiplier[year],
            villageFlooded: flooded[year * villageCount + village], countyOutbreak: outbreak[year * countyCount + county])
    }

    /// Share of villages flooded in a year (for tests and reports).
    public func floodedShare(year: Int) -> Double {
        Double(flooded[(year * villageCount)..<((year + 1) * villageCount)].filter { $0 }.count) / Double(villageCount)
    }

    /// Share of counties with an outbreak in a year.
    public func outbreakShare(year: Int) -> Double {
        Double(outbreak[(year * countyCount)..<((year + 1) * countyCount)].filter { $0 }.count) / Double(countyCount)
    }

    public func countyPrice(year: Int, county: Int) -> Double { price[year * countyCount + county] }
}
