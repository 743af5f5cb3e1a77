import Randomness

/// Price and wage swings (MODEL.md §4 step 1; `000` case 5: wages in the pandemic).
///
/// A price multiplier per county and year ~ Lognormal(0, σ) multiplies crop and livestock income; a wage multiplier
/// per year, 1 unless the scenario's schedule says otherwise, multiplies migrants' pay. Both are covariates: they act
/// through ``Farming`` and ``LabourMarket`` and their shortfall below 1 is the macro cause of step 10.
public struct PriceAndWageSwings: Sendable {
    public var priceSigma: Double
    public var wageSchedule: [Double]

    public init(prices: PriceParameters, wages: WageParameters) {
        priceSigma = prices.sigma
        wageSchedule = wages.schedule
    }

    /// A county's price multiplier in a year; `stream` is keyed by (seed, priceCovariate, replicate, year, county).
    public func countyPrice(stream: RandomStream) -> Double {
        priceSigma > 0 ? stream.lognormal(zeta: 0, sigma: priceSigma) : 1
    }

    /// The wage multiplier of year t: the schedule's entry t (its first entry is year 1), else 1.
    public func wageMultiplier(year: Int) -> Double {
        year >= 1 && year <= wageSchedule.count ? wageSchedule[year - 1] : 1
    }
}
