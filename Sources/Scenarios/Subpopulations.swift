import Foundation
import Model
import Yams

/// A scenario's `subpopulations:` list as written (MODEL.md §7, "Profiles may be mixtures"), checked entry by entry.
struct SubpopulationList {
    /// One entry: what it says and where each field is, for messages.
    struct Entry {
        var name: String
        var nameLine: Int?
        var share: Double
        var profile: String
        var profileLine: Int?
        /// The entry's `set:` as settings (attributed to the scenario file and their lines) and as `key=value` text.
        var settings: [Setting]
        var setText: [String]
        var line: Int?
    }

    var file: String
    var line: Int?
    var entries: [Entry]

    /// The top-level key, reserved beside `extends`, `description` and `targets`.
    static let key = "subpopulations"
    /// The fields of an entry.
    static let fields = ["name", "share", "profile", "set"]

    /// Reads the value of `subpopulations:` in `file` (the key at `keyLine`), refusing anything but a list of at least
    /// two entries, each a mapping of the four fields with a well-formed name, a share in (0, 1], a profile path and
    /// valid `set:` keys and values, names unique, shares summing to 1 within ``Subpopulation/shareSumTolerance``.
    init(_ node: Node, keyLine: Int?, file: String) throws(ScenarioError) {
        self.file = file
        line = keyLine
        func fail(_ line: Int?, _ keyPath: String, _ message: String) -> ScenarioError {
            ScenarioError(file: file, line: line, keyPath: keyPath, message: message)
        }
        let expected = "a list of sub-populations, each {name, share, profile, set}"
        guard case let .sequence(items) = node else {
            throw fail(keyLine, Self.key, "expected \(expected), got \(SchemaWalk.describe(node))")
        }
        guard items.count >= 2 else {
            throw fail(keyLine, Self.key, "expected at least 2 sub-populations (a mixture of one is its profile), got \(items.count)")
        }
        var entries: [Entry] = []
        for (index, item) in items.enumerated() {
            let path = "\(Self.key)[\(index)]"
            guard case let .mapping(mapping) = item else {
                throw fail(item.mark?.line, path, "expected a mapping {name, share, profile, set}, got \(SchemaWalk.describe(item))")
            }
            var found: [String: (key: Node, value: Node)] = [:]
            for (key, value) in mapping {
                guard case let .scalar(scalar) = key, Self.fields.contains(scalar.string) else {
                    throw fail(key.mark?.line, path, Suggestions.unknown("field", key.string ?? "\(key)", validNames: Self.fields))
                }
                found[scalar.string] = (key, value)
            }
            func required(_ field: String) throws(ScenarioError) -> (key: Node, value: Node) {
                guard let pair = found[field] else {
                    throw fail(item.mark?.line, path, "missing `\(field)`: expected \(Self.describe(field))")
                }
                return pair
            }
            let name = try required("name")
            guard case .scalar = name.value, let nameText = name.value.string,
                  Subpopulation.isValidName(nameText)
            else {
                throw fail(name.key.mark?.line, "\(path).name", "expected \(Self.describe("name")), got \(SchemaWalk.describe(name.value))")
            }
            if let earlier = entries.firstIndex(where: { $0.name == nameText }) {
                throw fail(name.key.mark?.line, "\(path).name",
                           "expected a name of its own, got '\(nameText)', the name of sub-population \(earlier + 1) too")
            }
            let share = try required("share")
            guard case .scalar = share.value, share.value.tagName == .float || share.value.tagName == .int,
                  let value = share.value.string.flatMap(Double.init), value.isFinite, value > 0, value <= 1
            else {
                throw fail(share.key.mark?.line, "\(path).share", "expected \(Self.describe("share")), got \(SchemaWalk.describe(share.value, expectingNumber: true))")
            }
            let profile = try required("profile")
            guard case .scalar = profile.value, profile.value.tagName != .null, let profileText = profile.value.string,
                  !profileText.isEmpty
            else {
                throw fail(profile.key.mark?.line, "\(path).profile",
                           "expected \(Self.describe("profile")), got \(SchemaWalk.describe(profile.value))")
            }
            var settings: [Setting] = []
            var setText: [String] = []
            if let set = found["set"], set.value.tagName != .null {
                guard case .mapping = set.value else {
                    throw fail(set.key.mark?.line, "\(path).set", "expected \(Self.describe("set")), got \(SchemaWalk.describe(set.value))")
                }
                var walk = SchemaWalk(file: file)
                try walk.walk(set.value, against: ParameterTree.defaults.schema, path: [], keyLine: set.key.mark?.line)
                settings = walk.settings
                setText = settings.map { "\($0.path)=\(Rendering.yamlLiteral($0.value))" }
            }
            entries.append(Entry(
                name: nameText, nameLine: name.key.mark?.line, share: value, profile: profileText,
                profileLine: profile.key.mark?.line, settings: settings, setText: setText, line: item.mark?.line))
        }
        let sum = entries.reduce(0) { $0 + $1.share }
        guard abs(sum - 1) <= Subpopulation.shareSumTolerance else {
            throw fail(keyLine, Self.key, "expected the shares to sum to 1 (within \(Validation.format(Subpopulation.shareSumTolerance))), got \(Validation.formatSum(sum))")
        }
        self.entries = entries
    }

    /// What a field holds, for messages.
    static func describe(_ field: String) -> String {
        switch field {
        case "name": "a name of letters, digits, `_` and `-` (it names the sub-population in the outputs)"
        case "share": "a share of the households greater than 0 and at most 1"
        case "profile": "the path of a profile file, relative to this file (e.g. profiles/liangshan-2020.yaml)"
        default: "a mapping of key paths to values, as --set takes them (e.g. {interventions.dibao.retention: 0.95})"
        }
    }

    /// Each sub-population resolved (MODEL.md §7; docs/MODEL.md §2.0, "Mixtures"): the defaults, then the settings of
    /// the scenario's files that are not profiles (`scenarioLayers`: a profile the scenario extends is *replaced* by
    /// the sub-population's, not stacked under it), then the layers of the entry's profile file (its own `extends`
    /// chain), then the entry's `set:`, then the command line's `overrides`; validated as a scenario is, errors naming
    /// the sub-population; and each place-level key (``Subpopulation/placeLevelKeyPrefixes``) checked to resolve to
    /// the scenario's own value.
    func resolve(
        scenarioLayers: [FileLayer], overrides: [Setting], scenario: MergedParameters
    ) throws(ScenarioError) -> [Subpopulation] {
        guard case let .integer(households)? = scenario.values["run.households"] else { return [] }
        if households < entries.count {
            let origin = scenario.sources["run.households"]?.origin
            throw ScenarioError(
                file: origin?.file ?? file, line: origin?.line, keyPath: "run.households",
                message: "expected at least \(entries.count) households, one for each sub-population of \(file), got \(households)")
        }
        let base = scenarioLayers.filter { !$0.isProfile }.flatMap(\.settings)
        var resolved: [Subpopulation] = []
        for (index, entry) in entries.enumerated() {
            func named(_ error: ScenarioError) -> ScenarioError {
                var named = error
                named.message = "sub-population `\(entry.name)`: " + error.message
                return named
            }
            let profilePath = Extends.resolve(entry.profile, relativeTo: file)
            let profileLayers: [FileLayer]
            switch Extends.readText(profilePath) {
            case let .success(text):
                do { profileLayers = try Extends.layers(text: text, file: profilePath) } catch { throw named(error) }
            case let .failure(problem):
                throw ScenarioError(
                    file: file, line: entry.profileLine, keyPath: "\(Self.key)[\(index)].profile",
                    message: "sub-population `\(entry.name)`: cannot read `\(profilePath)`: \(problem.reason)")
            }
            if let nested = profileLayers.first(where: { $0.subpopulations != nil }) {
                throw ScenarioError(
                    file: nested.file, line: nested.subpopulations?.line, keyPath: Self.key,
                    message: "sub-population `\(entry.name)`: its profile is itself a mixture; a sub-population takes one profile")
            }
            var merged = MergedParameters(ParameterTree.defaults)
            for setting in base + profileLayers.flatMap(\.settings) + entry.settings + overrides {
                merged.apply(setting)
            }
            do { try Validation(merged: merged, fallbackFile: file).check() } catch { throw named(error) }
            if let path = Self.placeLevelDifference(merged.values, scenario.values) {
                let origin = merged.sources[path]?.origin
                throw ScenarioError(
                    file: origin?.file ?? file, line: origin?.line, keyPath: path,
                    message: Self.placeLevelMessage(entry.name, merged.values[path], scenario.values[path]))
            }
            let parameters: ScenarioParameters
            do { parameters = try merged.decode(schema: ParameterTree.defaults.schema, file: file) } catch { throw named(error) }
            resolved.append(Subpopulation(
                name: entry.name, share: entry.share, profile: profilePath, set: entry.setText, parameters: parameters))
        }
        return resolved
    }

    /// The first place-level key (``Subpopulation/placeLevelKeyPrefixes``) in which two sets of leaves differ.
    static func placeLevelDifference(_ subpopulation: [String: LeafValue], _ scenario: [String: LeafValue]) -> String? {
        ParameterTree.defaults.paths.first { Subpopulation.isPlaceLevel($0) && subpopulation[$0] != scenario[$0] }
    }

    /// Why a sub-population's place-level key is refused.
    static func placeLevelMessage(_ name: String, _ mine: LeafValue?, _ theirs: LeafValue?) -> String {
        let keys = Subpopulation.placeLevelKeyPrefixes.map { $0.hasSuffix(".") ? $0 + "*" : $0 }.joined(separator: ", ")
        return "sub-population `\(name)` resolves this to \(mine.map(Rendering.yamlLiteral) ?? "nothing"), the scenario to"
            + " \(theirs.map(Rendering.yamlLiteral) ?? "nothing"); it is one value for the whole run (\(keys)), so set it in"
            + " the scenario, not per sub-population"
    }
}
