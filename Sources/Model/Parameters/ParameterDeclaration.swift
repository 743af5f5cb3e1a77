import Randomness

/// Where a default comes from: the three answers docs/MODEL.md §3 and the contract (MODEL.md §1, §7) give.
public enum SourceStatus: String, CaseIterable, Codable, Sendable {
    /// Taken from a figure of a field study (`000`–`004`), directly or by arithmetic on published figures.
    case sourced
    /// Fitted so that the model reproduces a published figure (e.g. 22.49 % of households with a hospital stay).
    case calibrated
    /// No source: a modelling choice a planner may replace (the contract's *assumed*).
    case assumed
}

/// What kind of number a numeric key holds, for code that searches or samples keys (calibration, sensitivity).
public enum NumericKind: String, Sendable {
    /// A probability, share, factor or Beta mean: never outside [0, 1].
    case unitInterval
    /// A count, a year or a herd: a whole number.
    case whole
    /// Any other real number: money, means, shapes, σs.
    case real
}

/// The value of one scenario key, whatever its Swift type.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case real(Double)
    case whole(Int)
    case unsigned(UInt64)
    case text(String)
    case list([Double])

    /// The value as a scenario file would spell it: shortest round-trip numbers, lists in brackets.
    public var description: String {
        switch self {
        case let .real(number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
        case let .whole(number): "\(number)"
        case let .unsigned(number): "\(number)"
        case let .text(text): text
        case let .list(numbers): "[" + numbers.map { ParameterValue.real($0).description }.joined(separator: ", ") + "]"
        }
    }
}

/// The Swift types a scenario key may have, and how each is seen as a `ParameterValue`.
public protocol ParameterValueConvertible {
    var parameterValue: ParameterValue { get }
    /// The value of this type that `parameterValue` holds, or nil if it holds another kind.
    init?(parameterValue: ParameterValue)
}

extension Double: ParameterValueConvertible {
    public var parameterValue: ParameterValue { .real(self) }
    public init?(parameterValue: ParameterValue) {
        guard case let .real(number) = parameterValue else { return nil }
        self = number
    }
}

extension Int: ParameterValueConvertible {
    public var parameterValue: ParameterValue { .whole(self) }
    public init?(parameterValue: ParameterValue) {
        guard case let .whole(number) = parameterValue else { return nil }
        self = number
    }
}

extension UInt64: ParameterValueConvertible {
    public var parameterValue: ParameterValue { .unsigned(self) }
    public init?(parameterValue: ParameterValue) {
        guard case let .unsigned(number) = parameterValue else { return nil }
        self = number
    }
}

extension String: ParameterValueConvertible {
    public var parameterValue: ParameterValue { .text(self) }
    public init?(parameterValue: ParameterValue) {
        guard case let .text(text) = parameterValue else { return nil }
        self = text
    }
}

extension Array: ParameterValueConvertible where Element == Double {
    public var parameterValue: ParameterValue { .list(self) }
    public init?(parameterValue: ParameterValue) {
        guard case let .list(numbers) = parameterValue else { return nil }
        self = numbers
    }
}

/// A string-backed enum a scenario names by its raw value, such as `GeneratorKind`.
extension ParameterValueConvertible where Self: RawRepresentable, RawValue == String {
    public var parameterValue: ParameterValue { .text(rawValue) }
    public init?(parameterValue: ParameterValue) {
        guard case let .text(text) = parameterValue else { return nil }
        self.init(rawValue: text)
    }
}

extension GeneratorKind: ParameterValueConvertible {}

/// One scenario key of a section, declared once beside the struct that holds it: the property (by key path, so the
/// declaration cannot name a property that does not exist), its valid range, unit and source.
///
/// The default is not repeated here: it is whatever the struct's initialiser gives, read through the key path, so the
/// model's numbers cannot change by being declared. `key` is the property's name relative to the section (a dotted path
/// for a nested struct such as `HospitalLevels`); a test checks that it names exactly the leaf the key path reaches.
public struct ParameterDeclaration<Section>: @unchecked Sendable {
    // @unchecked: the closures capture only key paths, which are immutable.
    public let key: String
    public let range: ParameterRange
    /// The unit of docs/MODEL.md §3 ("prob./yr", "yuan/person/yr", "share of households", …).
    public let unit: String
    public let status: SourceStatus
    /// The source as docs/MODEL.md §3 cites it, e.g. "`000` case 6"; *assumed* with the reason where one is given.
    public let source: String
    let read: (Section) -> ParameterValue
    /// Writes a value of the key's own kind; false (and nothing written) for a value of another kind.
    let write: (inout Section, ParameterValue) -> Bool

    private init(_ key: String, _ range: ParameterRange, _ unit: String, _ status: SourceStatus, _ source: String,
                 read: @escaping (Section) -> ParameterValue, write: @escaping (inout Section, ParameterValue) -> Bool) {
        self.key = key
        self.range = range
        self.unit = unit
        self.status = status
        self.source = source
        self.read = read
        self.write = write
    }

    /// Declares the property at `property` as the key `key` of the section.
    public init<Value: ParameterValueConvertible>(_ key: String, _ property: WritableKeyPath<Section, Value>,
                                                  _ range: ParameterRange, unit: String, _ status: SourceStatus,
                                                  source: String) {
        self.init(key, range, unit, status, source, read: { $0[keyPath: property].parameterValue }, write: { section, value in
            guard let converted = Value(parameterValue: value) else { return false }
            section[keyPath: property] = converted
            return true
        })
    }

    /// The declaration seen from an enclosing struct that holds the section at `path`, named `prefix`.
    func lifted<Root>(prefix: String, at sectionPath: WritableKeyPath<Root, Section>) -> ParameterDeclaration<Root> {
        let read = self.read
        let write = self.write
        return ParameterDeclaration<Root>(prefix + "." + key, range, unit, status, source,
                                          read: { read($0[keyPath: sectionPath]) },
                                          write: { root, value in write(&root[keyPath: sectionPath], value) })
    }
}

/// A struct of scenario parameters whose leaves are declared beside it.
///
/// Every leaf of the section — each `Double`, `Int`, text, choice or list property, including those of a nested helper
/// struct such as `HospitalLevels` that has no declarations of its own — has exactly one declaration; nested sections
/// with declarations of their own are not repeated. `ScenarioKeys.sections` lists every section once.
///
/// To add a key: give the struct the property with its default; add its declaration to the struct's `declarations`
/// at the same position (key, key path, range, unit, status, source); add any rule it takes part in to `relations`;
/// for a new struct, conform it and add one line to `ScenarioKeys.sections`; add its row to docs/MODEL.md §3 (the
/// output of `repoverty keys` has every column but the meaning) and, at its default, to `scenarios/reference.yaml`.
/// The tests fail until each of these agrees.
public protocol ParameterSection {
    /// The section's leaves, in the order of the struct's properties.
    static var declarations: [ParameterDeclaration<Self>] { get }
    /// Rules between the section's leaves (shares that sum to 1, minima below maxima), with paths relative to it.
    static var relations: [ParameterRelation] { get }
}

extension ParameterSection {
    public static var relations: [ParameterRelation] { [] }
}
