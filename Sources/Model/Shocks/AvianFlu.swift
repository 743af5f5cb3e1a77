import Randomness

/// Avian flu (MODEL.md §4 steps 1 and 5; `000` case 6: the 2017 outbreak in Dongxiang).
///
/// An outbreak is a county covariate (``CountyOutbreak``), drawn on a stream keyed by (seed, outbreakCovariate,
/// replicate, year, county); a scenario may force one in every county in one year. A poultry household in an outbreak
/// county is hit with a probability and loses a Beta share of its poultry income, after any flood loss (losses
/// compound). The loss is an epizootic loss of the year's accounts: agricultural insurance covers it and it is the
/// `epizootic` entry cause of step 10.
public struct AvianFlu: YearPhase {
    public typealias Covariates = CountyOutbreak
    public static var purpose: StreamPurpose { .avianFlu }
    public var parameters: AvianFluParameters

    public init(_ parameters: AvianFluParameters) { self.parameters = parameters }
    public init(_ parameters: ScenarioParameters) { self.init(parameters.shocks.avianFlu) }

    /// Whether a county has an outbreak in a year; `stream` is keyed by (seed, outbreakCovariate, replicate, year, county).
    public func countyOutbreak(year: Int, stream: RandomStream) -> Bool {
        let outbreak = stream.bernoulli(parameters.outbreakProbability)
        return outbreak || (year > 0 && year == parameters.forcedYear)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        guard year.countyOutbreak, household.livestock == .poultry, year.livestockIncome > 0,
            stream.bernoulli(parameters.householdHitProbability)
        else { return }
        let loss = stream.beta(parameters.lossAlpha, parameters.lossBeta) * year.livestockIncome
        year.livestockIncome -= loss
        year.epizooticLoss += loss
    }
}

/// Whether the household's county has an outbreak this year (MODEL.md §4 step 1): ``HouseholdYear/countyOutbreak``.
public struct CountyOutbreak: PlaceCovariate {
    public static var place: CovariatePlace { .county }
    public static var streamPurposes: [StreamPurpose] { [.outbreakCovariate] }
    public let avianFlu: AvianFlu

    public init(_ parameters: ScenarioParameters) { avianFlu = AvianFlu(parameters) }

    public func value(draws: CovariateDraws) -> Bool {
        avianFlu.countyOutbreak(year: draws.year, stream: draws.stream(.outbreakCovariate))
    }

    @inline(__always)
    public static func record(_ value: Bool, into accounts: inout HouseholdYear) { accounts.countyOutbreak = value }
}

extension StreamPurpose {
    /// A poultry household's hit and loss share, step 5.
    public static var avianFlu: StreamPurpose { 13 }
    /// A county's outbreak, keyed by county.
    public static var outbreakCovariate: StreamPurpose { 4 }
}

/// Avian flu: an outbreak per county, then a hit per poultry household (`000` case 6: the 2017 outbreak).
public struct AvianFluParameters: Codable, Equatable, Sendable {
    /// Yearly probability of an outbreak in a county.
    public var outbreakProbability = 0.08
    /// Probability a poultry household in an outbreak county is hit.
    public var householdHitProbability = 0.6
    /// Loss of poultry income ~ Beta(lossAlpha, lossBeta).
    public var lossAlpha = 3.0
    public var lossBeta = 2.0
    /// A year (1…years) with an outbreak in every county; 0 forces none (an extension, off in the reference).
    public var forcedYear = 0
    public init() {}
}

extension AvianFluParameters: ParameterSection {
    /// The keys under `shocks.avianFlu`; docs/MODEL.md §3 explains each.
    public static let declarations: [ParameterDeclaration<Self>] = [
        .init("outbreakProbability", \.outbreakProbability, .probability, unit: "prob./yr", .assumed,
              source: "`000` (the 2017 outbreak, case 6); rate *assumed*"),
        .init("householdHitProbability", \.householdHitProbability, .probability, unit: "probability", .sourced,
              source: "`000` case 6"),
        .init("lossAlpha", \.lossAlpha, .positive, unit: "Beta α", .sourced, source: "`000` case 6"),
        .init("lossBeta", \.lossBeta, .positive, unit: "Beta β", .sourced, source: "`000` case 6"),
        .init("forcedYear", \.forcedYear, .whole(0...ParameterRange.maximumYears), unit: "year", .assumed,
              source: "*assumed*"),
    ]

    public static let relations: [ParameterRelation] = [
        .withinHorizon("forcedYear"),
    ]
}
