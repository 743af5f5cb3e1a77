import Model

/// The shape of a scenario file: every valid key, nested as in `ScenarioParameters`, with each leaf's type.
///
/// It is read off `ScenarioParameters()` by reflection rather than written out by hand, so a parameter added to the
/// model is at once a valid scenario key with the right type, and the schema can never drift from the structs. (The
/// synthesized `Codable` keys are the property names, which is what `Mirror` reports.) Reflection rather than encoding,
/// because an encoder cannot tell `0` the `Int` from `0.0` the `Double`, nor the element type of an empty list.
indirect enum KeyTree: Sendable {
    /// A mapping of keys in declaration order.
    case section([(key: String, node: KeyTree)])
    /// A value.
    case leaf(LeafKind)

    /// The child named `key`, if this is a section that has it.
    func child(_ key: String) -> KeyTree? {
        guard case let .section(entries) = self else { return nil }
        return entries.first { $0.key == key }?.node
    }

    /// The node at a dotted key path, if there is one.
    func leaf(at dottedPath: String) -> KeyTree? {
        var node: KeyTree? = self
        for part in dottedPath.split(separator: ".") { node = node?.child(String(part)) }
        return node
    }

    /// The valid keys of a section, in declaration order (empty for a leaf).
    var keys: [String] {
        guard case let .section(entries) = self else { return [] }
        return entries.map(\.key)
    }
}

/// The type of a scenario value, which decides what YAML it accepts.
indirect enum LeafKind: Sendable, Equatable {
    /// A finite number (`Double`); whole numbers are accepted too.
    case real
    /// A whole number (`Int`): counts, years, herd sizes.
    case integer
    /// A whole number from 0 to 2⁶⁴ − 1 (`UInt64`): the seed.
    case unsigned
    case boolean
    /// Free text (`String`); its declared range may narrow it to a list of names.
    case text
    /// One of a fixed set of names (a `String`-backed enum such as `GeneratorKind`).
    case choice([String])
    /// A YAML sequence of the element kind; it replaces the default as a whole.
    case list(LeafKind)

    /// How the kind is named in "expected …" messages.
    var expectation: String {
        switch self {
        case .real: "a number"
        case .integer: "a whole number"
        case .unsigned: "a whole number from 0 to \(UInt64.max)"
        case .boolean: "true or false"
        case .text: "a string"
        case let .choice(names): "one of " + names.joined(separator: ", ")
        case let .list(element): "a list of \(element.pluralExpectation) such as [1, 0.7]"
        }
    }

    private var pluralExpectation: String {
        switch self {
        case .real: "numbers"
        case .integer: "whole numbers"
        default: "values (\(expectation))"
        }
    }
}

/// A typed scenario value: what a YAML node is turned into once it has been checked against its `LeafKind`.
enum LeafValue: Sendable, Equatable {
    case real(Double)
    case integer(Int)
    case unsigned(UInt64)
    case boolean(Bool)
    case text(String)
    case list([LeafValue])
}

/// The leaves of one `ScenarioParameters`, by dotted key path, with the schema they were read from.
struct ParameterTree: Sendable {
    var schema: KeyTree
    /// Every leaf's key path in declaration order (the order checks and renderings follow).
    var paths: [String]
    var values: [String: LeafValue]
    /// Property types reflection could not map to a `LeafKind`; empty unless the model grew a new kind of field.
    var unsupported: [String]

    /// Reflects `parameters` into a tree of sections and typed leaves.
    init(_ parameters: ScenarioParameters) {
        schema = .section([])
        paths = []
        values = [:]
        unsupported = []
        schema = reflect(parameters, path: [])
        // A key given per year is a list where its number would be (issue 15): what a file says, and reads back.
        for entry in parameters.perYear ?? [] {
            guard case let .leaf(kind)? = schema.leaf(at: entry.key) else { continue }
            values[entry.key] = .list(entry.values.map { kind == .integer ? .integer(Int($0)) : .real($0) })
        }
    }

    /// The schema and defaults of the reference model, computed once.
    static let defaults = ParameterTree(ScenarioParameters())

    private mutating func reflect(_ value: Any, path: [String]) -> KeyTree {
        if let (kind, leaf) = Self.classify(value) {
            let key = path.joined(separator: ".")
            paths.append(key)
            values[key] = leaf
            return .leaf(kind)
        }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct, !mirror.children.isEmpty else {
            unsupported.append(path.joined(separator: ".") + ": \(type(of: value))")
            return .section([])
        }
        var entries: [(key: String, node: KeyTree)] = []
        for child in mirror.children {
            guard let label = child.label, !(path.isEmpty && label == ScenarioParameters.perYearProperty) else { continue }
            entries.append((label, reflect(child.value, path: path + [label])))
        }
        return .section(entries)
    }

    /// The leaf kind and value of a property, or nil for a nested struct.
    private static func classify(_ value: Any) -> (LeafKind, LeafValue)? {
        switch value {
        case let number as Double: (.real, .real(number))
        case let number as Int: (.integer, .integer(number))
        case let number as UInt64: (.unsigned, .unsigned(number))
        case let flag as Bool: (.boolean, .boolean(flag))
        case let string as String: (.text, .text(string))
        case let choice as any CaseIterable & RawRepresentable<String>: (.choice(caseNames(of: choice)), .text(choice.rawValue))
        case let numbers as [Double]: (.list(.real), .list(numbers.map(LeafValue.real)))
        case let numbers as [Int]: (.list(.integer), .list(numbers.map(LeafValue.integer)))
        default: nil
        }
    }

    /// The names of every case of a string-backed enum such as `GeneratorKind`.
    private static func caseNames<Choice: CaseIterable & RawRepresentable<String>>(of _: Choice) -> [String] {
        Choice.allCases.map(\.rawValue)
    }
}
