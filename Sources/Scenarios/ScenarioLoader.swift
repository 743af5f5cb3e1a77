import Foundation
import Model

/// Loads scenario files: YAML in, fully resolved and range-checked `ScenarioParameters` out, or one located error.
///
/// The order of precedence, lowest first: the model's defaults, the files of the `extends` chain from its base, the
/// file itself, then each `--set` override in the order given. Nothing reaches the model until every key is known, every
/// value has the right type and every range and cross-parameter rule holds, so the yearly loop never checks inputs.
public enum ScenarioLoader {
    /// Reads, resolves and checks the scenario file at `path`.
    ///
    /// - Parameters:
    ///   - path: the scenario file; `extends` paths inside it are relative to its folder.
    ///   - overrides: `key.path=value` strings from the command line (`--set`), applied last, in order.
    public static func load(path: String, overrides: [String] = []) throws(ScenarioError) -> Scenario {
        switch Extends.readText(path) {
        case let .success(text):
            return try parse(yaml: text, path: path, overrides: overrides)
        case let .failure(problem):
            throw ScenarioError(file: path, message: "cannot read the scenario file: \(problem.reason)")
        }
    }

    /// Resolves and checks scenario text as if it were the file at `path` (which need not exist unless the text extends
    /// another file, resolved relative to `path`'s folder). For tests and for scenarios that do not live in files.
    public static func parse(yaml: String, path: String, overrides: [String] = []) throws(ScenarioError) -> Scenario {
        let layers = try Extends.layers(text: yaml, file: path)
        let overrideSettings = try Overrides.settings(overrides)
        var merged = MergedParameters(ParameterTree.defaults)
        for setting in layers.flatMap(\.settings) + overrideSettings {
            merged.apply(setting)
        }
        try Validation(merged: merged, fallbackFile: path).check()
        let parameters = try merged.decode(schema: ParameterTree.defaults.schema, file: path)
        return Scenario(name: Scenario.name(fromPath: path), sourcePath: path, description: layers.last?.description ?? "",
                        parameters: parameters, files: layers.map(\.file), overrides: overrides,
                        keyStatus: KeyStatusTable(layers: layers.map(\.keyStatus)))
    }

    /// Checks parameters built in code (a sweep, a test) against the same ranges and rules as a file.
    ///
    /// - Parameter label: what errors name as their file, since no file set these values.
    public static func validate(_ parameters: ScenarioParameters, label: String = "<parameters>") throws(ScenarioError) {
        try Validation(merged: MergedParameters(ParameterTree(parameters)), fallbackFile: label).check()
    }

    /// The resolved parameters as a complete scenario file (every key, declaration order); loading it gives back
    /// exactly `parameters`. For a run's provenance and for `repoverty validate --print`.
    ///
    /// - Parameters:
    ///   - annotated: end each key's line with a YAML comment giving its unit and source status
    ///     (`# prob./yr; assumed`); the text still loads back to exactly `parameters`.
    ///   - keyStatus: the scenario's `keyStatus:` entries: a key one names is annotated with its status in this
    ///     scenario and the entry's source, and its declared status (`# mu/person; assumed here: borrowed from
    ///     dongxiang-2017 (000); declared sourced`).
    public static func resolvedYAML(
        _ parameters: ScenarioParameters, annotated: Bool = false, keyStatus: KeyStatusTable = KeyStatusTable()
    ) -> String {
        Rendering.yaml(parameters, annotated: annotated, keyStatus: keyStatus)
    }

    /// The resolved parameters as pretty-printed JSON with sorted keys, for `run.json`.
    public static func resolvedJSON(_ parameters: ScenarioParameters) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Only parameters built in code can hold a non-finite number; spell it rather than fail.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(parameters), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    /// Every valid key path, in declaration order: for documentation, completion and tests.
    public static var keyPaths: [String] {
        ParameterTree.defaults.paths
    }
}
