import Yams
import Model

/// Where a value came from: the file (or `--set`) and the line of its key.
struct Origin: Sendable, Equatable {
    var file: String
    var line: Int?
}

/// One leaf value a file or override sets, already type-checked.
struct Setting: Sendable {
    var path: String
    var value: LeafValue
    var origin: Origin
    /// For a list, the line of each entry, so a bad entry can be pointed at after merging.
    var elementLines: [Int?] = []
}

/// Checks a composed YAML node against the key tree and turns it into typed settings.
///
/// This is where every structural mistake is caught — unknown keys, mappings where numbers belong, text where numbers
/// belong, fractions where counts belong — each with the line and key path of the offending entry, before any value is
/// merged. Range checks wait until everything is merged (`Validation`), because only then is the whole scenario known.
struct SchemaWalk {
    /// The file named in errors and origins.
    let file: String
    /// False for `--set` values, whose lines (always 1) would mislead.
    let reportsLines: Bool
    /// Top-level keys the loader handles itself (`extends`, `description`): skipped here, but offered as suggestions.
    let reservedTopLevelKeys: [String]
    private(set) var settings: [Setting] = []

    init(file: String, reportsLines: Bool = true, reservedTopLevelKeys: [String] = []) {
        self.file = file
        self.reportsLines = reportsLines
        self.reservedTopLevelKeys = reservedTopLevelKeys
    }

    /// Walks `node`, which sits at `path` in the tree where `schema` is expected.
    ///
    /// `keyLine` is the line of the key that holds `node`; leaf errors point there, because the key is what the reader
    /// looks for (an empty value's own mark can be on the next line).
    mutating func walk(_ node: Node, against schema: KeyTree, path: [String], keyLine: Int?) throws(ScenarioError) {
        switch schema {
        case let .leaf(kind):
            let line = keyLine ?? self.line(of: node)
            let (value, elementLines) = try convert(node, to: kind, path: path, line: line)
            settings.append(Setting(path: path.joined(separator: "."), value: value,
                                    origin: Origin(file: file, line: line), elementLines: elementLines))
        case .section:
            switch node {
            case let .mapping(mapping):
                try walkMapping(mapping, against: schema, path: path)
            case .scalar where node.tagName == .null:
                // `shocks:` with every child commented out: nothing is set, which is not a mistake. (A quoted `''`
                // is text, not null, and is refused below.)
                break
            default:
                let keys = schema.keys.prefix(4).joined(separator: ", ")
                throw error(at: keyLine ?? line(of: node), path,
                            "expected a mapping of keys (\(keys)\(schema.keys.count > 4 ? ", …" : "")), got \(Self.describe(node))")
            }
        }
    }

    /// Walks the pairs of a mapping: YAML merge keys (`<<: *base`) first, so the explicit keys beside them win.
    private mutating func walkMapping(_ mapping: Node.Mapping, against schema: KeyTree, path: [String]) throws(ScenarioError) {
        for (key, value) in mapping where key.tagName == .merge {
            switch value {
            case .mapping:
                try walk(value, against: schema, path: path, keyLine: nil)
            case let .sequence(sources):
                // In a list of merged mappings the earlier ones win, so they are applied last.
                for source in sources.reversed() {
                    guard case .mapping = source else {
                        throw error(at: line(of: source), path, "a merge key `<<` takes mappings, got \(Self.describe(source))")
                    }
                    try walk(source, against: schema, path: path, keyLine: nil)
                }
            default:
                throw error(at: line(of: key), path, "a merge key `<<` takes a mapping or a list of mappings, got \(Self.describe(value))")
            }
        }
        for (key, value) in mapping where key.tagName != .merge {
            guard case let .scalar(scalar) = key, !scalar.string.isEmpty else {
                throw error(at: line(of: key), path, "expected a key name, got \(Self.describe(key))")
            }
            if path.isEmpty, reservedTopLevelKeys.contains(scalar.string) { continue }
            let keyLine = line(of: key)
            let (child, childPath) = try resolve(scalar.string, from: schema, at: path, line: keyLine)
            try walk(value, against: child, path: childPath, keyLine: keyLine)
        }
    }

    /// Follows a key, possibly dotted (`flood.probability`), from `schema` down to the node it names.
    ///
    /// Dotted keys are accepted in files as in `--set`, so the two spellings of a key path mean the same everywhere.
    func resolve(_ dottedKey: String, from schema: KeyTree, at path: [String], line: Int?)
        throws(ScenarioError) -> (KeyTree, [String]) {
        var node = schema
        var currentPath = path
        for component in dottedKey.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard !component.isEmpty else {
                throw error(at: line, currentPath, "the key `\(dottedKey)` has an empty part; write key paths like `shocks.flood.probability`")
            }
            guard case .section = node else {
                throw error(at: line, currentPath + [component],
                            "`\(currentPath.last ?? "")` is a value, not a section, so it has no key `\(component)`")
            }
            guard let child = node.child(component) else {
                let candidates = node.keys + (currentPath.isEmpty ? reservedTopLevelKeys : [])
                throw error(at: line, currentPath + [component], Suggestions.unknown("key", component, validNames: candidates))
            }
            node = child
            currentPath.append(component)
        }
        return (node, currentPath)
    }

    // MARK: Values

    /// Checks a value node against its kind; a list also yields the line of each entry.
    private func convert(_ node: Node, to kind: LeafKind, path: [String], line: Int?, entriesAreYears: Bool = false)
        throws(ScenarioError) -> (LeafValue, [Int?]) {
        guard case let .list(elementKind) = kind else {
            if case let .sequence(sequence) = node {
                // An intervention's number may be given per year (issue 15): a list of the same kind of number.
                guard ScenarioKeys.mayVaryByYear(path.joined(separator: ".")) else {
                    throw error(at: line, path, "expected \(kind.expectation), got a list (only the numbers of "
                                + "interventions.* keys may be given per year)")
                }
                guard !sequence.isEmpty else {
                    throw error(at: line, path, "expected \(kind.expectation) or a list of them by year (years 0, 1, 2, …, "
                                + "the last carried forward), got an empty list")
                }
                return try convert(node, to: .list(kind), path: path, line: line, entriesAreYears: true)
            }
            switch Self.scalarValue(node, kind: kind) {
            case let .success(value): return (value, [])
            case let .failure(problem): throw error(at: line, path, problem.message)
            }
        }
        guard case let .sequence(sequence) = node else {
            throw error(at: line, path, "expected \(kind.expectation), got \(Self.describe(node))")
        }
        var values: [LeafValue] = []
        var lines: [Int?] = []
        for (index, element) in sequence.enumerated() {
            let elementLine = self.line(of: element) ?? line
            switch Self.scalarValue(element, kind: elementKind) {
            case let .success(value):
                values.append(value)
                lines.append(elementLine)
            case let .failure(problem):
                let entry = entriesAreYears ? "year \(index)" : "entry \(index + 1)"
                throw error(at: elementLine, path, "\(entry): \(problem.message)")
            }
        }
        return (.list(values), lines)
    }

    /// Why a node is not a value of the kind expected.
    struct Problem: Error {
        var message: String
    }

    /// The typed value of a scalar node, or what is wrong with it.
    ///
    /// Numbers must be YAML numbers (a quoted `"0.5"` is text, and the message says to drop the quotes); `.inf` and
    /// `.nan` are refused, since no parameter means anything infinite; whole-number fields accept `3` and `3.0`, not `2.5`.
    static func scalarValue(_ node: Node, kind: LeafKind) -> Result<LeafValue, Problem> {
        let got = describe(node, expectingNumber: [.real, .integer, .unsigned].contains(kind))
        func problem(_ message: String) -> Result<LeafValue, Problem> { .failure(Problem(message: message)) }
        guard case let .scalar(scalar) = node else {
            return problem("expected \(kind.expectation), got \(got)")
        }
        let tag = node.tagName
        let isNull = tag == .null
        switch kind {
        case .real:
            switch tag {
            case .int:
                if let whole = Int.construct(from: scalar) { return .success(.real(Double(whole))) }
                if let number = Double(scalar.string.replacingOccurrences(of: "_", with: "")), number.isFinite {
                    return .success(.real(number))
                }
                return problem("expected a number, got \(scalar.string), which is out of range")
            case .float:
                guard let number = Double.construct(from: scalar) else { return problem("expected a number, got \(got)") }
                guard number.isFinite else { return problem("expected a finite number, got \(scalar.string)") }
                return .success(.real(number))
            default:
                return problem("expected a number, got \(got)")
            }
        case .integer:
            switch tag {
            case .int:
                if let whole = Int.construct(from: scalar) { return .success(.integer(whole)) }
                return problem("expected a whole number, got \(scalar.string), which is too large")
            case .float:
                if let number = Double.construct(from: scalar), number.isFinite, let whole = Int(exactly: number) {
                    return .success(.integer(whole))
                }
                return problem("expected a whole number, got \(scalar.string)")
            default:
                return problem("expected a whole number, got \(got)")
            }
        case .unsigned:
            if tag == .int, let whole = UInt64.construct(from: scalar) { return .success(.unsigned(whole)) }
            if tag == .float, let number = Double.construct(from: scalar), number.isFinite,
               let whole = UInt64(exactly: number) {
                return .success(.unsigned(whole))
            }
            let shown = tag == .int || tag == .float ? scalar.string : got
            return problem("expected \(kind.expectation), got \(shown)")
        case .boolean:
            guard tag == .bool, let flag = Bool.construct(from: scalar) else { return problem("expected true or false, got \(got)") }
            return .success(.boolean(flag))
        case .text:
            guard !isNull else { return problem("expected a string, got \(got)") }
            return .success(.text(scalar.string))
        case let .choice(names):
            guard !isNull else { return problem("expected one of \(names.joined(separator: ", ")), got \(got)") }
            guard names.contains(scalar.string) else {
                var message = "expected one of \(names.joined(separator: ", ")), got \(got)"
                if let match = Suggestions.nearest(to: scalar.string, in: names) { message += "; did you mean `\(match)`?" }
                return problem(message)
            }
            return .success(.text(scalar.string))
        case .list:
            return problem("expected \(kind.expectation), got \(got)")
        }
    }

    /// A short account of a node for "got …": numbers as written, text in quotes, structures by kind.
    ///
    /// When a number is expected, a quoted number is pointed out: `"0.5"` is text in YAML, a common slip.
    static func describe(_ node: Node, expectingNumber: Bool = false) -> String {
        switch node {
        case let .scalar(scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            if node.tagName == .null, !quoted { return scalar.string.isEmpty ? "nothing" : scalar.string }
            // At most a short, one-line excerpt of a value: an error message is no place to copy a file into.
            let oneLine = scalar.string.replacingOccurrences(of: "\n", with: " ")
            let text = oneLine.count > 32 ? String(oneLine.prefix(29)) + "..." : oneLine
            if expectingNumber, quoted, Double(scalar.string.trimmingCharacters(in: .whitespaces)) != nil {
                return "the quoted text '\(text)' (remove the quotes to give a number)"
            }
            switch node.tagName {
            case .int, .float, .bool: return text
            default: return "'\(text)'"
            }
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Helpers

    private func line(of node: Node) -> Int? {
        reportsLines ? node.mark?.line : nil
    }

    private func error(at line: Int?, _ path: [String], _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: reportsLines ? line : nil,
                      keyPath: path.isEmpty ? nil : path.joined(separator: "."), message: message)
    }
}

extension Node {
    /// The resolved tag (`int`, `float`, `str`, `null`, …); Yams keeps `Tag.name` internal, so go through `rawValue`.
    var tagName: Tag.Name {
        Tag.Name(rawValue: tag.rawValue)
    }
}
