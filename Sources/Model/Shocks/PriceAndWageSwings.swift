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

/// The county's price multiplier this year (MODEL.md §4 step 1): ``HouseholdYear/price``, read by ``Farming``.
public struct CountyPrice: PlaceCovariate {
    public static var place: CovariatePlace { .county }
    public static var streamPurposes: [StreamPurpose] { [.priceCovariate] }
    public let swings: PriceAndWageSwings

    public init(_ parameters: ScenarioParameters) {
        swings = PriceAndWageSwings(prices: parameters.shocks.prices, wages: parameters.shocks.wages)
    }

    public func value(draws: CovariateDraws) -> Double { swings.countyPrice(stream: draws.stream(.priceCovariate)) }

    @inline(__always)
    public static func record(_ value: Double, into accounts: inout HouseholdYear) { accounts.price = value }
}

/// The year's wage multiplier (MODEL.md §4 step 1): ``HouseholdYear/wageMultiplier``, read by ``LabourMarket``. Not
/// drawn: the scenario's schedule.
public struct YearWageMultiplier: PlaceCovariate {
    public static var place: CovariatePlace { .year }
    public static var streamPurposes: [StreamPurpose] { [] }
    public let swings: PriceAndWageSwings

    public init(_ parameters: ScenarioParameters) {
        swings = PriceAndWageSwings(prices: parameters.shocks.prices, wages: parameters.shocks.wages)
    }

    public func value(draws: CovariateDraws) -> Double { swings.wageMultiplier(year: draws.year) }

    @inline(__always)
    public static func record(_ value: Double, into accounts: inout HouseholdYear) { accounts.wageMultiplier = value }
}

extension StreamPurpose {
    /// A county's price multiplier, keyed by county.
    public static var priceCovariate: StreamPurpose { 5 }
}
