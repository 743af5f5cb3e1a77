import Foundation
import Yams

/// A problem with a scenario: which file, which line, which key, and what was expected.
///
/// Every failure of loading — unreadable file, YAML syntax, unknown key, wrong type, value out of range, `--set` typo — is
/// one of these, so the command line can print one line a planner can act on, in the `file:line: key: message` shape
/// that editors and terminals turn into a link. The fields stay separate (and `Equatable`) so tests can check each.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file the problem is in, as the user named it (or as an `extends` resolved it), or `"--set"` for an override.
    public var file: String
    /// The 1-based line of the offending key or value, when known (never for `--set`).
    public var line: Int?
    /// The dotted key path, e.g. `shocks.flood.probability`, when the problem belongs to a key.
    public var keyPath: String?
    /// What was expected and what was found, e.g. `expected a probability between 0 and 1, got 1.5`.
    public var message: String

    public init(file: String, line: Int? = nil, keyPath: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line: key.path: message`; the line and key path are left out when unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let keyPath, !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message
    }
}

extension ScenarioError {
    /// The file name used for errors in command-line overrides, which have no file or line.
    static let overrideFile = "--set"

    /// The line and wording of whatever Yams threw while composing `text`.
    ///
    /// Yams reports scanner, parser and composer problems with a `Mark`; a reader problem carries only a byte offset, so
    /// the line is counted from the text. Anything else is kept as its description rather than dropped.
    static func yamlProblem(_ error: any Error, text: String) -> (line: Int?, message: String) {
        guard let yamlError = error as? YamlError else {
            return (nil, "YAML syntax error: \(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line))"
            }
            return (mark.line, message)
        case let .reader(problem, offset, _, _):
            return (offset.map { lineNumber(ofUTF8Offset: $0, in: text) }, "cannot read the YAML text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            // Yams marks the first occurrence; the mistake a reader looks for is the repeat, further down.
            let repeated = duplicates.first.flatMap { repeatLine(of: $0, after: context.mark, in: text) }
            return (repeated ?? context.mark.line, "duplicate key \(keys) in the same mapping")
        default:
            return (nil, "YAML error: \(yamlError)")
        }
    }

    /// The line of the next key `key` at the indentation of its first occurrence (`first`, 1-based line and column), when
    /// it can be found by reading the lines; nil otherwise (flow mappings, quoted keys written differently).
    static func repeatLine(of key: String, after first: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indentation = first.column - 1
        for index in first.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            guard leading == indentation else { continue }
            let rest = line.dropFirst(leading)
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") { return index + 1 }
            }
        }
        return nil
    }

    /// The 1-based line containing the byte at `offset` of `text`'s UTF-8, clamped to the text.
    static func lineNumber(ofUTF8Offset offset: Int, in text: String) -> Int {
        let bytes = text.utf8.prefix(max(0, offset))
        return 1 + bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
