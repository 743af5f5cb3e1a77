import Foundation
import Model

/// A JSON document as a tree that keeps every number exactly as recorded.
///
/// `run.json` holds 64-bit seeds (beyond a double's 53 bits) and doubles written in their shortest round-trip form;
/// decoding integers as integers and the rest as doubles gives the same values bit for bit, which
/// `JSONSerialization` does not promise. `RecordedRun` reads a recorded `parameters` object
/// through it key by key, as the scenario keys' declarations (``ScenarioKeys``) list them.
enum JSONTree: Decodable, Equatable {
    case object([String: JSONTree])
    case array([JSONTree])
    case string(String)
    case bool(Bool)
    case unsigned(UInt64)
    case integer(Int64)
    case real(Double)
    case null

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONTree] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONTree.self)) }
            self = .array(elements)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: JSONTree] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONTree.self, forKey: key) }
            self = .object(members)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let flag = try? value.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? value.decode(UInt64.self) {
            self = .unsigned(number)
        } else if let number = try? value.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? value.decode(Double.self) {
            self = .real(number)
        } else {
            self = .string(try value.decode(String.self))
        }
    }

    /// The node at a dotted key path (`shocks.flood.probability`), if every step is an object member.
    func member(at path: String) -> JSONTree? {
        var node = self
        for part in path.split(separator: ".") {
            guard case .object(let members) = node, let next = members[String(part)] else { return nil }
            node = next
        }
        return node
    }

    /// This node as a number, if it is one.
    var number: Double? {
        switch self {
        case .real(let x): x
        case .integer(let n): Double(n)
        case .unsigned(let n): Double(n)
        default: nil
        }
    }

    /// The dotted paths of every leaf (anything that is not a non-empty object), in sorted order.
    func leafPaths(prefix: String = "") -> [String] {
        guard case .object(let members) = self, !members.isEmpty else { return prefix.isEmpty ? [] : [prefix] }
        return members.keys.sorted().flatMap { key in
            members[key]!.leafPaths(prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
        }
    }

    /// This node as a value of the kind of `example` (a key's default): numbers exactly as recorded, integers as whole
    /// numbers only when they are; nil when the kinds do not match.
    func parameterValue(like example: ParameterValue) -> ParameterValue? {
        switch (example, self) {
        case (.real, .real(let number)): .real(number)
        case (.real, .unsigned(let number)): .real(Double(number))
        case (.real, .integer(let number)): .real(Double(number))
        case (.whole, .unsigned(let number)): number <= UInt64(Int.max) ? .whole(Int(number)) : nil
        case (.whole, .integer(let number)): .whole(Int(number))
        case (.unsigned, .unsigned(let number)): .unsigned(number)
        case (.unsigned, .integer(let number)): number >= 0 ? .unsigned(UInt64(number)) : nil
        case (.text, .string(let text)): .text(text)
        case (.list, .array(let elements)):
            Optional(elements.compactMap { element -> Double? in
                switch element {
                case .real(let number): number
                case .unsigned(let number): Double(number)
                case .integer(let number): Double(number)
                default: nil
                }
            }).flatMap { $0.count == elements.count ? .list($0) : nil }
        default: nil
        }
    }
}

/// A coding key for any member name.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
