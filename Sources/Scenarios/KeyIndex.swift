import Model

/// The index of every scenario key — path, default, unit, range, source status and source — printed from the
/// declarations beside the parameter structs (`repoverty keys`), so it cannot fall behind the model.
///
/// docs/MODEL.md §3 gives the same keys with their meaning; a test holds its tables to these declarations.
public enum KeyIndex {
    /// How the index is printed.
    public enum Format: String, CaseIterable, Sendable {
        /// A Markdown table, as in docs/MODEL.md.
        case markdown
        /// Comma-separated values with a header row (RFC 4180 quoting), for spreadsheets and scripts.
        case csv
    }

    /// The columns, in order.
    static let header = ["key", "default", "unit", "range", "status", "source"]

    /// Every key, in the order of a scenario file.
    public static func text(_ format: Format) -> String {
        let rows = ScenarioKeys.all.map { key in
            [key.path, key.defaultValue.description, key.unit, key.range.summary, key.status.rawValue, key.source]
        }
        switch format {
        case .markdown:
            var out = "| Key | Default | Unit | Range | Status | Source |\n|---|---|---|---|---|---|\n"
            for row in rows {
                let cells = [code(row[0]), row[1], row[2], row[3], row[4], row[5]]
                out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
            }
            return out
        case .csv:
            return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
    }

    private static func code(_ text: String) -> String { "`\(text)`" }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
