import Foundation
import Model

/// Text renderings of resolved parameters: YAML for people and provenance, JSON for machines.
enum Rendering {
    /// Resolved parameters as a complete scenario file, keys in declaration order.
    ///
    /// Numbers use Swift's shortest round-trip form, so loading the text gives back exactly the same parameters — what
    /// provenance needs: a run can be repeated from its own record.
    ///
    /// - Parameter annotated: end each key's line with a comment giving its unit and source status (for people reading
    ///   `repoverty validate --print`; provenance keeps the bare form).
    static func yaml(
        _ parameters: ScenarioParameters, annotated: Bool = false, keyStatus: KeyStatusTable = KeyStatusTable()
    ) -> String {
        let tree = ParameterTree(parameters)
        var out = ""
        writeYAML(tree.schema, path: [], indent: 0, values: tree.values, annotated: annotated, keyStatus: keyStatus, into: &out)
        return out
    }

    /// The column at which annotations start, as in `scenarios/reference.yaml` (longer lines take two spaces).
    static let annotationColumn = 40

    private static func writeYAML(_ node: KeyTree, path: [String], indent: Int, values: [String: LeafValue],
                                  annotated: Bool, keyStatus: KeyStatusTable, into out: inout String) {
        guard case let .section(entries) = node else { return }
        let padding = String(repeating: " ", count: indent)
        for (key, child) in entries {
            let childPath = path + [key]
            switch child {
            case .section:
                out += "\(padding)\(key):\n"
                writeYAML(
                    child, path: childPath, indent: indent + 2, values: values, annotated: annotated, keyStatus: keyStatus,
                    into: &out)
            case .leaf:
                let keyPath = childPath.joined(separator: ".")
                let line = "\(padding)\(key): " + (values[keyPath].map(yamlLiteral) ?? "null")
                if annotated, let declared = ScenarioKeys.declaration(for: keyPath) {
                    let gap = String(repeating: " ", count: max(2, annotationColumn - line.count))
                    if let entry = keyStatus.entry(for: keyPath), let status = entry.status {
                        // Comments end at the line: a source holding a line break would start a key (issue 13).
                        let source = entry.source.components(separatedBy: .newlines).joined(separator: " ")
                        out += line + gap + "# \(declared.unit); \(status.rawValue) here"
                            + (source.isEmpty ? "" : ": \(source)") + "; declared \(declared.status.rawValue)\n"
                    } else {
                        out += line + gap + "# \(declared.unit); \(declared.status.rawValue)\n"
                    }
                } else {
                    out += line + "\n"
                }
            }
        }
    }

    static func yamlLiteral(_ value: LeafValue) -> String {
        switch value {
        case let .text(text): isPlainSafe(text) ? text : jsonString(text)
        case let .list(items): "[" + items.map(yamlLiteral).joined(separator: ", ") + "]"
        default: jsonLiteral(value)
        }
    }

    /// Whether text can be written unquoted and still read back as the same text (not a number, bool or null).
    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.letters.contains(first), first.isASCII else { return false }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard text.unicodeScalars.allSatisfy(allowed.contains) else { return false }
        let reserved: Set = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        return !reserved.contains(text.lowercased())
    }

    /// The JSON object of a key tree's leaves, keys in declaration order.
    static func writeJSON(_ node: KeyTree, path: [String], values: [String: LeafValue], into out: inout String) {
        switch node {
        case let .section(entries):
            out += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += "," }
                out += jsonString(entry.key) + ":"
                writeJSON(entry.node, path: path + [entry.key], values: values, into: &out)
            }
            out += "}"
        case .leaf:
            out += values[path.joined(separator: ".")].map(jsonLiteral) ?? "null"
        }
    }

    private static func jsonLiteral(_ value: LeafValue) -> String {
        switch value {
        // Non-finite numbers never pass the kind check; `null` keeps the text valid JSON if one is rendered anyway.
        case let .real(number): number.isFinite ? "\(number)" : "null"
        case let .integer(number): "\(number)"
        case let .unsigned(number): "\(number)"
        case let .boolean(flag): flag ? "true" : "false"
        case let .text(text): jsonString(text)
        case let .list(items): "[" + items.map(jsonLiteral).joined(separator: ",") + "]"
        }
    }

    /// A double-quoted string valid both as JSON and as YAML: controls and line separators escaped as `\uXXXX`.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let code = scalar.value
                if code < 0x20 || (0x7F...0x9F).contains(code) || code == 0x2028 || code == 0x2029 || code == 0xFEFF {
                    let hex = String(code, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
