import Foundation
import Model

/// The defaults with every file's and override's settings laid over them, remembering where each value came from.
///
/// Merging typed leaves by key path is the deep merge the scenario format promises: a file replaces exactly the leaves it
/// names (a list replaces the whole list) and leaves the rest to its base. Keeping the origin of every leaf is what lets
/// a range error found after merging still point at the file and line that set the bad value.
struct MergedParameters {
    /// Where a leaf's value was set, and when (a later `order` was applied later).
    struct Source {
        var origin: Origin
        var order: Int
        var elementLines: [Int?]
    }

    private(set) var values: [String: LeafValue]
    private(set) var sources: [String: Source] = [:]
    private var applied = 0

    /// Starts from the leaves of `tree` (the defaults, or parameters built in code), none of them attributed to a file.
    init(_ tree: ParameterTree) {
        values = tree.values
    }

    /// Lays one setting over what is there.
    mutating func apply(_ setting: Setting) {
        values[setting.path] = setting.value
        sources[setting.path] = Source(origin: setting.origin, order: applied, elementLines: setting.elementLines)
        applied += 1
    }

    /// Whether `path` holds a list of yearly values for a key that is a number (``PerYearValues``).
    func isPerYear(_ path: String) -> Bool {
        guard case .list? = values[path], let key = ScenarioKeys.declaration(for: path) else { return false }
        if case .list = key.defaultValue { return false }
        return true
    }

    /// The last year a per-year list reaches (0 when there is none).
    var lastScheduledYear: Int {
        values.keys.filter(isPerYear).map { path -> Int in
            guard case let .list(items)? = values[path] else { return 0 }
            return items.count - 1
        }.max() ?? 0
    }

    /// The leaves of year `year`: each per-year list replaced by its value in that year (the last carried forward).
    func resolved(year: Int) -> MergedParameters {
        var copy = self
        for path in values.keys where isPerYear(path) {
            guard case let .list(items)? = values[path], !items.isEmpty else { continue }
            copy.values[path] = items[min(year, items.count - 1)]
        }
        return copy
    }

    /// Builds `ScenarioParameters` from the merged leaves.
    ///
    /// Every leaf is present (the defaults fill what no file set), so the synthesized `Decodable` of the model applies
    /// unchanged; JSON is only the carrier, written with shortest round-trip number formatting so no value changes on
    /// the way. A failure here would be a bug in this module, reported rather than crashed on.
    func decode(schema: KeyTree, file: String) throws(ScenarioError) -> ScenarioParameters {
        var json = ""
        Rendering.writeJSON(schema, path: [], values: resolved(year: 0).values, into: &json)
        do {
            var parameters = try JSONDecoder().decode(ScenarioParameters.self, from: Data(json.utf8))
            let perYear = ScenarioKeys.all.compactMap { key -> PerYearValues? in
                guard isPerYear(key.path), case let .list(items)? = values[key.path], items.count > 1 else { return nil }
                return PerYearValues(key: key.path, values: items.compactMap(\.number))
            }
            parameters.perYear = perYear.isEmpty ? nil : perYear
            return parameters
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw ScenarioError(file: file, keyPath: path, message: "internal error: the merged scenario lacks this key")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context),
                let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ScenarioError(file: file, keyPath: path.isEmpty ? nil : path,
                                message: "internal error: cannot build the parameters: \(context.debugDescription)")
        } catch {
            throw ScenarioError(file: file, message: "internal error: cannot build the parameters: \(error)")
        }
    }
}

extension LeafValue {
    /// The value as a number, if it is one.
    var number: Double? {
        switch self {
        case let .real(number): number
        case let .integer(number): Double(number)
        default: nil
        }
    }
}
