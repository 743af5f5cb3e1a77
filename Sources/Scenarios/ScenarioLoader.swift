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
        // A mixture (MODEL.md §7): the last file of the chain that lists sub-populations gives the whole list.
        let subpopulations = try layers.last(where: { $0.subpopulations != nil })?.subpopulations?.resolve(
            scenarioLayers: layers, overrides: overrideSettings, scenario: merged) ?? []
        return Scenario(name: Scenario.name(fromPath: path), sourcePath: path, description: layers.last?.description ?? "",
                        parameters: parameters, files: layers.map(\.file), overrides: overrides,
                        subpopulations: subpopulations,
                        keyStatus: KeyStatusTable(layers: layers.map(\.keyStatus)))
    }

    /// Checks parameters built in code (a sweep, a test) against the same ranges and rules as a file.
    ///
    /// - Parameter label: what errors name as their file, since no file set these values.
    public static func validate(_ parameters: ScenarioParameters, label: String = "<parameters>") throws(ScenarioError) {
        try Validation(merged: MergedParameters(ParameterTree(parameters)), fallbackFile: label).check()
    }

    /// Checks a mixture built in code or read from a record (MODEL.md §7) as the loader checks one read from a file:
    /// at least two sub-populations, names well-formed and unique, shares in (0, 1] summing to 1, at least one household
    /// each, and each place-level key (``Subpopulation/placeLevelKeyPrefixes``) the run's. Each sub-population's own
    /// parameters are checked by ``validate(_:label:)``, not here.
    public static func checkMixture(
        _ subpopulations: [Subpopulation], of parameters: ScenarioParameters, label: String = "<parameters>"
    ) throws(ScenarioError) {
        guard !subpopulations.isEmpty else { return }
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(file: label, keyPath: SubpopulationList.key, message: message)
        }
        guard subpopulations.count >= 2 else { throw fail("expected at least 2 sub-populations, got \(subpopulations.count)") }
        for (index, subpopulation) in subpopulations.enumerated() {
            guard Subpopulation.isValidName(subpopulation.name),
                  !subpopulations[..<index].contains(where: { $0.name == subpopulation.name })
            else { throw fail("expected unique names of letters, digits, _ and -, got '\(subpopulation.name)'") }
            guard subpopulation.share > 0, subpopulation.share <= 1 else {
                throw fail("expected shares greater than 0 and at most 1, got \(Validation.format(subpopulation.share))")
            }
        }
        let sum = subpopulations.reduce(0) { $0 + $1.share }
        guard abs(sum - 1) <= Subpopulation.shareSumTolerance else {
            throw fail("expected the shares to sum to 1 (within \(Validation.format(Subpopulation.shareSumTolerance))), got \(Validation.formatSum(sum))")
        }
        guard parameters.run.households >= subpopulations.count else {
            throw fail("expected at least \(subpopulations.count) households, one for each sub-population, got \(parameters.run.households)")
        }
        let run = ParameterTree(parameters).values
        for subpopulation in subpopulations {
            let own = ParameterTree(subpopulation.parameters).values
            if let path = SubpopulationList.placeLevelDifference(own, run) {
                throw ScenarioError(
                    file: label, keyPath: path,
                    message: SubpopulationList.placeLevelMessage(subpopulation.name, own[path], run[path]))
            }
        }
    }

    /// The keys on which `parameters` (a sub-population's) differ from `scenario`'s, as `key.path: value` lines in
    /// declaration order: what `validate --print` shows of each sub-population of a mixture.
    public static func differingKeys(_ parameters: ScenarioParameters, from scenario: ScenarioParameters) -> [String] {
        let own = ParameterTree(parameters), theirs = ParameterTree(scenario).values
        return own.paths.compactMap { path in
            guard let value = own.values[path], value != theirs[path] else { return nil }
            return "\(path): \(Rendering.yamlLiteral(value))"
        }
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
