import Foundation
import Model
import Yams

/// A key's source status in one scenario, where it differs from the key's declaration (issue 16, "per-profile status").
///
/// A key's declared status (`ParameterDeclaration`, `repoverty keys`) is that of its reference value. A profile that
/// sets other values, or keeps the reference's values for households they were not measured on, changes what the key
/// rests on: `liangshan-2020` calibrates `economy.farming.cropValuePerMu` to `002`, and borrows Dongxiang's land,
/// which is sourced for Dongxiang and only *assumed* for Liangshan. A scenario file says so under the reserved
/// top-level key `keyStatus:`, a mapping of a key path, or a prefix wildcard (`population.land.*`), to
/// `{status: sourced|calibrated|assumed, source: "text"}`, or `{status: declared}` to give a key its declared status
/// back (a file that puts a base file's values back, as `repoor-cohort.yaml` does the population):
///
/// ```yaml
/// keyStatus:
///   population.land.*: {status: assumed, source: borrowed from dongxiang-2017 (000)}
///   economy.farming.cropValuePerMu: {status: calibrated, source: 002 Tables 1 and 3}
/// ```
///
/// For a key, the last file of the `extends` chain with an entry naming it decides (the extending file has the last
/// word, as for values), and within that file the most specific entry (a key's own entry over any wildcard, a longer
/// prefix over a shorter one). A key no entry names keeps its declared status. Sensitivity reports, the tornado's colours,
/// `--uncertainty`'s choice of *assumed* keys and `validate --print` use this effective status.
public struct KeyStatusTable: Sendable, Equatable {
    /// One `keyStatus:` entry, where it was read.
    public struct Entry: Sendable, Equatable {
        /// The key path, or the prefix of a wildcard without its `.*`.
        public let pattern: String
        public let isWildcard: Bool
        /// nil for `declared`: the key's declared status and source.
        public let status: SourceStatus?
        public let source: String
        public let file: String
        public let line: Int?
        /// The file's place in the chain, base first.
        var layer = 0
    }

    /// Entries in chain order, base file first.
    public private(set) var entries: [Entry] = []

    public init() {}

    init(layers: [[Entry]]) {
        entries = layers.enumerated().flatMap { index, entries in
            entries.map { entry in
                var entry = entry
                entry.layer = index
                return entry
            }
        }
    }

    /// The entry that decides `path`'s status, if any names it.
    public func entry(for path: String) -> Entry? {
        var best: Entry?
        for entry in entries {
            let matches = entry.isWildcard ? path.hasPrefix(entry.pattern + ".") : path == entry.pattern
            guard matches else { continue }
            if let current = best, (current.layer, rank(current)) > (entry.layer, rank(entry)) { continue }
            best = entry
        }
        return best
    }

    /// Specificity: a key's own entry above every wildcard, a longer prefix above a shorter one.
    private func rank(_ entry: Entry) -> Int { entry.isWildcard ? entry.pattern.count : Int.max }

    // MARK: Reading

    /// The reserved top-level key.
    static let key = "keyStatus"

    /// The entries of a `keyStatus:` mapping of `file`, checked: each names a declared key (or a prefix of some), a
    /// status of the three, and at most a source text besides.
    static func entries(_ node: Node, file: String, keyLine: Int?) throws(ScenarioError) -> [Entry] {
        if node.tagName == .null { return [] }
        guard case let .mapping(mapping) = node else {
            throw ScenarioError(
                file: file, line: keyLine, keyPath: key,
                message: "expected a mapping of key paths (or prefixes such as population.land.*) to"
                    + " {status: sourced|calibrated|assumed, source: text}, got \(SchemaWalk.describe(node))")
        }
        let paths = ScenarioKeys.all.map(\.path)
        var entries: [Entry] = []
        for (name, value) in mapping {
            let line = name.mark?.line ?? keyLine
            guard case let .scalar(scalar) = name else {
                throw ScenarioError(file: file, line: line, keyPath: key, message: "expected a key path, got \(SchemaWalk.describe(name))")
            }
            let text = scalar.string
            let field = "\(key).\(text)"
            let isWildcard = text.hasSuffix(".*")
            let pattern = isWildcard ? String(text.dropLast(2)) : text
            let known = isWildcard ? paths.contains { $0.hasPrefix(pattern + ".") } : paths.contains(pattern)
            guard known, !pattern.isEmpty else {
                let message = isWildcard
                    ? "no key starts with `\(pattern).`; `repoverty keys` lists them"
                    : Suggestions.nearest(to: text, in: paths).map { "unknown key `\(text)`; did you mean `\($0)`?" }
                        ?? "unknown key `\(text)`; `repoverty keys` lists them"
                throw ScenarioError(file: file, line: line, keyPath: field, message: message)
            }
            guard case let .mapping(fields) = value else {
                throw ScenarioError(
                    file: file, line: line, keyPath: field,
                    message: "expected {status: sourced|calibrated|assumed, source: text}, got \(SchemaWalk.describe(value))")
            }
            var status: String?
            var source = ""
            for (fieldName, fieldValue) in fields {
                let fieldLine = fieldName.mark?.line ?? line
                let name = (fieldName.scalar?.string ?? "")
                guard case let .scalar(valueScalar) = fieldValue, fieldValue.tagName != .null else {
                    throw ScenarioError(
                        file: file, line: fieldLine, keyPath: "\(field).\(name)",
                        message: "expected a word or text, got \(SchemaWalk.describe(fieldValue))")
                }
                switch name {
                case "status":
                    guard valueScalar.string == "declared" || SourceStatus(rawValue: valueScalar.string) != nil else {
                        throw ScenarioError(
                            file: file, line: fieldLine, keyPath: "\(field).status",
                            message: "expected sourced, calibrated, assumed or declared, got `\(valueScalar.string.prefix(40))`")
                    }
                    status = valueScalar.string
                case "source":
                    source = valueScalar.string
                default:
                    throw ScenarioError(
                        file: file, line: fieldLine, keyPath: "\(field).\(name)",
                        message: Suggestions.unknown("field", name, validNames: ["status", "source"]))
                }
            }
            guard let status else {
                throw ScenarioError(
                    file: file, line: line, keyPath: "\(field).status",
                    message: "missing; expected sourced, calibrated, assumed or declared")
            }
            entries.append(Entry(
                pattern: pattern, isWildcard: isWildcard, status: SourceStatus(rawValue: status), source: source, file: file,
                line: line))
        }
        return entries
    }
}

extension Scenario {
    /// The status of `key` in this scenario: its `keyStatus:` entry if a file of the chain gives one, else the status
    /// the key is declared with.
    public func status(of key: ScenarioKey) -> SourceStatus { keyStatus.entry(for: key.path)?.status ?? key.status }
}
