import Yams

/// `--set key.path=value` overrides from the command line.
///
/// They exist so a planner can try one change without writing a file; they are checked exactly like file entries (the
/// value is read as YAML, so `[1, 0.7]` is a list and `mt19937` a name), and their errors name `--set` and the key path,
/// since there is no line to point at.
enum Overrides {
    /// The settings of each override, in the order given.
    static func settings(_ overrides: [String]) throws(ScenarioError) -> [Setting] {
        var settings: [Setting] = []
        for override in overrides {
            settings += try self.settings(override)
        }
        return settings
    }

    private static func settings(_ override: String) throws(ScenarioError) -> [Setting] {
        let file = ScenarioError.overrideFile
        guard let equals = override.firstIndex(of: "=") else {
            let key = override.trimmingCharacters(in: .whitespaces)
            throw ScenarioError(file: file, keyPath: key.isEmpty ? nil : key,
                                message: "expected key.path=value, got '\(override)'")
        }
        let key = override[..<equals].trimmingCharacters(in: .whitespaces)
        let valueText = String(override[override.index(after: equals)...])
        guard !key.isEmpty else {
            throw ScenarioError(file: file, message: "missing the key before '=' in '\(override)'; write e.g. shocks.flood.probability=0.1")
        }
        if let first = key.split(separator: ".").first, Extends.reservedKeys.contains(String(first)) {
            throw ScenarioError(file: file, keyPath: key, message: "`\(first)` belongs in a scenario file; --set changes model parameters only")
        }
        guard !valueText.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ScenarioError(file: file, keyPath: key, message: "missing the value after '='; write e.g. \(key)=<value>")
        }
        var walk = SchemaWalk(file: file, reportsLines: false)
        let (schema, path) = try walk.resolve(key, from: ParameterTree.defaults.schema, at: [], line: nil)
        let node: Node?
        do {
            node = try Yams.compose(yaml: valueText)
        } catch {
            let (_, problem) = ScenarioError.yamlProblem(error, text: valueText)
            throw ScenarioError(file: file, keyPath: key, message: "cannot read the value '\(valueText.replacingOccurrences(of: "\n", with: "\\n"))': \(problem)")
        }
        guard let node else {
            throw ScenarioError(file: file, keyPath: key, message: "missing the value after '='; write e.g. \(key)=<value>")
        }
        try walk.walk(node, against: schema, path: path, keyLine: nil)
        return walk.settings
    }
}
