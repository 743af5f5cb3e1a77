import Foundation

/// A JSON document as a tree that keeps every number exactly as recorded.
///
/// `run.json` holds 64-bit seeds (beyond a double's 53 bits) and doubles written in their shortest round-trip form;
/// decoding integers as integers and the rest as doubles, and encoding them back with `JSONEncoder`, gives the same
/// values bit for bit, which `JSONSerialization` does not promise. The tree lets a recorded `parameters` object be laid
/// over this version's defaults key by key before it is decoded (see `RecordedRun`).
enum JSONTree: Codable, Equatable {
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

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, member) in members { try container.encode(member, forKey: AnyKey(key)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .unsigned(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .integer(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .real(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    /// `recorded` laid over `self` (the defaults): recorded values win; objects merge member by member.
    ///
    /// - Parameters:
    ///   - path: the key path of this node, for the notes.
    ///   - notes: receives each key the record lacks (the default is used) and each it has that this version does not
    ///     know (it is ignored): a record from another version is still re-run, and says how it was read.
    func overlaid(with recorded: JSONTree, path: String, notes: inout [String]) -> JSONTree {
        guard case .object(let defaults) = self, case .object(let given) = recorded else { return recorded }
        var merged: [String: JSONTree] = [:]
        for key in defaults.keys.sorted() {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if let value = given[key] {
                merged[key] = defaults[key]!.overlaid(with: value, path: keyPath, notes: &notes)
            } else {
                notes.append("\(keyPath) is not recorded; this version's default is used")
                merged[key] = defaults[key]
            }
        }
        for key in given.keys.sorted() where defaults[key] == nil {
            notes.append("\(path.isEmpty ? key : "\(path).\(key)") is not a parameter of this version; it is ignored")
        }
        return .object(merged)
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
