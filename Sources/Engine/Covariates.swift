import Model
import Randomness

/// The draws shared by many households, for one replicate (MODEL.md §4 step 1): the tables of the place covariates the
/// phases declare (``YearPhases``' ``PlaceCovariateList``), by village, county and year.
///
/// The engine only loops over years and places and stores the values; what is drawn, from which keyed stream
/// ((seed, purpose, replicate, year, place), never by block), and which field of the accounts it fills is the model's.
/// So a household sees the same events whatever block or thread simulates it, so does every scenario with the same
/// seed, and a new village- or county-level shock needs no change here.
public struct Covariates: Sendable {
    public typealias List = YearPhases.Covariates
    public let years: Int
    public let villageCount: Int
    public let countyCount: Int
    /// The bytes of village v in year t start at village[(t * villageCount + v) * bytes.village], and likewise for
    /// counties and years (a flag takes a byte, a multiplier eight); one spare byte at the end, so a place kind with
    /// no covariate still has an address to hand over.
    private let village: [UInt8]
    private let county: [UInt8]
    private let year: [UInt8]

    public init(
        replicate: Int, seed: UInt64, years: Int, layout: VillageLayout, step: YearlyStep, generator: GeneratorKind
    ) throws {
        self.years = years
        villageCount = layout.villageCount
        countyCount = layout.countyCount
        let stream = try RandomStream(generator: generator)
        let list = step.covariates
        func table(_ place: CovariatePlace, places: Int) -> [UInt8] {
            let width = List.bytes[place]
            var values = [UInt8](repeating: 0, count: (years + 1) * places * width + 1)
            values.withUnsafeMutableBytes { buffer in
                for year in 0...years {
                    for index in 0..<places {
                        let draws = CovariateDraws(seed: seed, replicate: replicate, year: year, place: index, stream: stream)
                        list.draw(place, draws: draws, into: buffer.baseAddress! + (year * places + index) * width)
                    }
                }
            }
            return values
        }
        village = table(.village, places: villageCount)
        county = table(.county, places: countyCount)
        year = table(.year, places: 1)
    }

    /// This year's accounts for a household of `village` in `county`, with the place's covariates filled in.
    @inline(__always)
    public func householdYear(year t: Int, village v: Int, county c: Int) -> HouseholdYear {
        var accounts = HouseholdYear(year: t)
        let bytes = List.bytes
        village.withUnsafeBytes { villages in
            county.withUnsafeBytes { counties in
                year.withUnsafeBytes { years in
                    List.record(
                        village: villages.baseAddress! + (t * villageCount + v) * bytes.village,
                        county: counties.baseAddress! + (t * countyCount + c) * bytes.county,
                        year: years.baseAddress! + t * bytes.year, into: &accounts)
                }
            }
        }
        return accounts
    }

    /// Bytes of the tables, for the memory estimate: per village-year, county-year and year.
    public static var bytes: CovariateBytes { List.bytes }
}
