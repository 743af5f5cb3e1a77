import Foundation
import Model
import Yams

/// The published figures of a population profile, read from a profile file's `targets:` list (MODEL.md §3).
///
/// A profile file (`scenarios/profiles/NAME.yaml`) is a scenario fragment: its `population:` section holds the
/// synthesis parameters (a scenario takes them with `extends: profiles/NAME.yaml`), and its `targets:` list the
/// figures of the field study, each with its source. The loader skips `targets:`; this reads it.
public enum ProfileTargets {
    /// The targets of the profile a scenario file uses: the `targets:` of the last file of its `extends` chain that
    /// has one, else of `profiles/PROFILE.yaml` beside the scenario (PROFILE is its `population.profile`).
    public static func load(for scenario: Scenario) throws(ScenarioError) -> (file: String, targets: [PopulationTarget]) {
        for file in scenario.files.reversed() {
            let targets = try read(file)
            if !targets.isEmpty { return (file, targets) }
        }
        // `profiles/<profile>.yaml` beside the scenario, else beside each file it extends: a planner's scenario kept in
        // a folder of their own that extends a shipped one finds the shipped profile.
        let name = "profiles/\(scenario.parameters.population.profile).yaml"
        let candidates = ([scenario.sourcePath] + scenario.files.reversed()).map { file -> String in
            let folder = (file as NSString).deletingLastPathComponent
            return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(name)
        }
        guard let profileFile = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw ScenarioError(file: scenario.sourcePath, keyPath: "population.profile",
                                message: "no targets: neither the scenario's files nor \(candidates[0]) list any")
        }
        let targets = try read(profileFile)
        guard !targets.isEmpty else {
            throw ScenarioError(file: profileFile, keyPath: "targets", message: "expected a list of targets, found none")
        }
        return (profileFile, targets)
    }

    /// The `targets:` list of one file, or `[]` when it has none.
    public static func read(_ file: String) throws(ScenarioError) -> [PopulationTarget] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ScenarioError(file: file, message: "cannot read the profile file")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let (line, message) = ScenarioError.yamlProblem(error, text: text)
            throw ScenarioError(file: file, line: line, message: message)
        }
        guard let list = root?.mapping?["targets"] else { return [] }
        guard let items = list.sequence else {
            throw ScenarioError(file: file, line: list.mark?.line, keyPath: "targets",
                                message: "expected a list of {attribute, category, target, source}")
        }
        var targets: [PopulationTarget] = []
        for (index, item) in items.enumerated() {
            let keyPath = "targets[\(index)]"
            func text(_ key: String, required: Bool = true) throws(ScenarioError) -> String {
                guard let value = item.mapping?[key]?.string else {
                    if !required { return "" }
                    throw ScenarioError(file: file, line: item.mark?.line, keyPath: "\(keyPath).\(key)",
                                        message: "expected a text \(key)")
                }
                return value
            }
            let valueText = try text("target")
            guard let value = Double(valueText), value.isFinite else {
                throw ScenarioError(file: file, line: item.mapping?["target"]?.mark?.line, keyPath: "\(keyPath).target",
                                    message: "expected a number, got '\(valueText)'")
            }
            let fittedText = try text("fitted", required: false)
            guard ["", "true", "false"].contains(fittedText) else {
                throw ScenarioError(file: file, line: item.mark?.line, keyPath: "\(keyPath).fitted",
                                    message: "expected true or false, got '\(fittedText)'")
            }
            let target = PopulationTarget(
                attribute: try text("attribute"), category: try text("category"), value: value,
                source: try text("source"), fitted: fittedText != "false", note: try text("note", required: false))
            guard PopulationCensus().value(attribute: target.attribute, category: target.category) != nil else {
                throw ScenarioError(file: file, line: item.mark?.line, keyPath: keyPath,
                                    message: "unknown attribute '\(target.attribute)' with category '\(target.category)'")
            }
            targets.append(target)
        }
        return targets
    }
}
