/// The valid values of one scenario key, and how to say so.
///
/// Each key's range was decided from what the parameter means in MODEL.md and what the sampler does with it, not from
/// its name alone: probabilities and shares lie in [0, 1]; money, counts, means and σs cannot be negative; shapes, Beta
/// parameters, medians and the poverty line must be strictly positive, because a zero there sends GSL's Gamma, Beta or
/// Lognormal (or a division by z) into infinities and NaNs rather than a clear failure; Beta means lie strictly inside
/// (0, 1) since both Beta parameters, mean × concentration and (1 − mean) × concentration, must be positive; months lie
/// in a year; sizes have upper bounds that keep a run's memory and GSL's 32-bit integer draws sane. The loader checks
/// every key against its range once, so the yearly loop never does.
public enum ParameterRange: Sendable, Equatable {
    /// A probability, [0, 1].
    case probability
    /// A probability whose ends 0 and 1 are two settings the contract names, [0, 1]: whether certified migrants stay
    /// away (MODEL.md §7). `repoverty sensitivity` gives it a row of the other setting instead of a move of ±X %.
    case switchProbability
    /// A share of a whole, or a rate of reimbursement, [0, 1].
    case share
    /// A multiplying factor that may only shrink what it multiplies, [0, 1].
    case factor
    /// The mean of a Beta distribution, (0, 1) exclusive.
    case betaMean
    /// Money, means: 0…`maximumAmount`.
    case nonNegative
    /// Shapes, Beta parameters, medians, the poverty line: > 0 and at most `maximumAmount`.
    case positive
    /// The σ of a log-normal: 0…`maximumLogNormalSigma`.
    case logNormalSigma
    /// Months of a year, [0, 12].
    case months
    /// A real number in a closed range, described by a noun.
    case between(ClosedRange<Double>, String)
    /// A whole number in a closed range (the kind check has already refused fractions).
    case whole(ClosedRange<Int>)
    /// Text from a fixed list, with a note on why the list is short.
    case oneOf([String], note: String)
    /// A list whose every entry is 0…`maximumAmount`, each described by a noun.
    case eachNonNegative(String)
    /// Anything the key's type allows: every 64-bit seed; every generator name.
    case any

    /// The longest horizon a run may have.
    public static let maximumYears = 100

    /// The largest amount a non-negative or positive parameter may have: no sum of money in yuan, mean, shape or
    /// Beta parameter of the model comes near a billion, and beyond it products such as wages × workers × months,
    /// stored as `Float`, and sums over millions of households overflow to infinity (found by fuzzing, issue 8).
    public static let maximumAmount = 1e9

    /// The largest log-normal σ: e^(5·8) ≈ 2·10¹⁷ at eight standard deviations keeps every draw times any amount
    /// finite; the model's σs are below 1, and a larger one turns a median into a lottery.
    public static let maximumLogNormalSigma = 5.0

    /// The largest herd or number of cooperative shares: a household stores it in one byte (`Household.herd`), so a
    /// larger range would be clamped to 255 without a word.
    public static let maximumHerd = 255

    /// How far a group of shares may be from summing to 1 (the published tables are rounded to 0.01 %).
    public static let sumTolerance = 0.001

    /// The kind of number the range admits, for code that moves a key within it; nil for text and lists.
    public var numericKind: NumericKind? {
        switch self {
        case .probability, .switchProbability, .share, .factor, .betaMean: .unitInterval
        case .whole: .whole
        case .nonNegative, .positive, .logNormalSigma, .months, .between: .real
        case .oneOf, .eachNonNegative, .any: nil
        }
    }

    /// The closed bounds of a numeric range (a Beta mean's open bounds are given as 0 and 1); nil for the others.
    public var bounds: ClosedRange<Double>? {
        switch self {
        case .probability, .switchProbability, .share, .factor, .betaMean: 0...1
        case .nonNegative, .positive: 0...Self.maximumAmount
        case .logNormalSigma: 0...Self.maximumLogNormalSigma
        case .months: 0...12
        case let .between(bounds, _): bounds
        case let .whole(bounds): Double(bounds.lowerBound)...Double(bounds.upperBound)
        case .oneOf, .eachNonNegative, .any: nil
        }
    }

    /// A short account for indexes and comments: `[0, 1]`, `> 0, ≤ 1e9`, `whole 1…100`.
    public var summary: String {
        func number(_ x: Double) -> String { ParameterValue.real(x).description }
        return switch self {
        case .probability, .share, .factor: "[0, 1]"
        case .switchProbability: "[0, 1]; 0 and 1 are the two settings"
        case .betaMean: "(0, 1)"
        case .nonNegative: "[0, 1e9]"
        case .positive: "(0, 1e9]"
        case .logNormalSigma: "[0, \(number(Self.maximumLogNormalSigma))]"
        case .months: "[0, 12]"
        case let .between(bounds, _): "[\(number(bounds.lowerBound)), \(number(bounds.upperBound))]"
        case let .whole(bounds): "whole \(bounds.lowerBound)…\(bounds.upperBound)"
        case let .oneOf(names, _): "one of " + names.joined(separator: ", ")
        case .eachNonNegative: "each [0, 1e9]"
        case .any: "any"
        }
    }
}

/// A rule between parameters. A section states it with paths relative to itself; `ScenarioKeys.relations` gives it
/// with full key paths (group members stay relative to their group).
public enum ParameterRelation: Sendable, Equatable {
    /// The members must sum to 1 within `ParameterRange.sumTolerance`.
    case sumToOne(group: String, members: [String])
    /// The members must sum to at most 1 (plus the tolerance); the rest is `remainder`.
    case sumAtMostOne(group: String, members: [String], remainder: String)
    /// `lower` ≤ `upper`.
    case ordered(lower: String, upper: String)
    /// A year that must lie in 0…run.years.
    case withinHorizon(String)
    /// A list with at most run.years entries (one per year of the horizon).
    case listWithinHorizon(String)

    /// The relation with every path under `prefix`; a group that is the section itself is written `""`.
    func prefixed(_ prefix: String) -> ParameterRelation {
        func full(_ path: String) -> String { path.isEmpty ? prefix : prefix + "." + path }
        return switch self {
        case let .sumToOne(group, members): .sumToOne(group: full(group), members: members)
        case let .sumAtMostOne(group, members, remainder): .sumAtMostOne(group: full(group), members: members, remainder: remainder)
        case let .ordered(lower, upper): .ordered(lower: full(lower), upper: full(upper))
        case let .withinHorizon(path): .withinHorizon(full(path))
        case let .listWithinHorizon(path): .listWithinHorizon(full(path))
        }
    }

    /// Every full key path the relation reads (run.years, read by the horizon rules, aside).
    public var keyPaths: [String] {
        switch self {
        case let .sumToOne(group, members), let .sumAtMostOne(group, members, _): members.map { "\(group).\($0)" }
        case let .ordered(lower, upper): [lower, upper]
        case let .withinHorizon(path), let .listWithinHorizon(path): [path]
        }
    }
}
