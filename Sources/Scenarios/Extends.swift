import Foundation
import Yams

/// One scenario file's contribution: its settings, and its own description.
struct FileLayer {
    var file: String
    var description: String?
    var settings: [Setting]
    /// True for a profile file (one with a top-level `targets:`): a mixture's sub-populations replace it.
    var isProfile = false
    /// The file's `subpopulations:` list, when it has one (MODEL.md §7).
    var subpopulations: SubpopulationList? = nil
    /// Its own `keyStatus:` entries (``KeyStatusTable``).
    var keyStatus: [KeyStatusTable.Entry] = []
}

/// Reads a scenario file and, through `extends`, the files it builds on.
///
/// A scenario usually differs from another in a handful of keys; `extends` lets it say only those, so a change to the
/// base reaches every variant. The chain is followed to its root, each file checked on its own (errors name the file
/// they are in), and returned base first so that merging in order gives the extending file the last word.
enum Extends {
    /// The top-level keys that are not parameter sections.
    static let extendsKey = "extends"
    static let descriptionKey = "description"
    /// A profile file's published figures (`scenarios/profiles/`, MODEL.md §3): read by ``ProfileTargets``, not parameters.
    static let targetsKey = "targets"
    /// Every top-level key that is not a parameter section.
    static let reservedKeys = [extendsKey, descriptionKey, targetsKey, SubpopulationList.key, KeyStatusTable.key]
    /// Deeper than this is a mistake (cycles are caught separately and sooner).
    static let maximumDepth = 32

    /// A file on the chain being read: as named (for messages) and as canonical path (to recognise it again).
    struct Visit {
        var file: String
        var canonical: String
    }

    /// The layers of `text` (the contents of `file`) and of everything it extends, base first.
    static func layers(text: String, file: String, visiting: [Visit] = []) throws(ScenarioError) -> [FileLayer] {
        let visiting = visiting.isEmpty ? [Visit(file: file, canonical: canonicalPath(file))] : visiting
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (line, message) = ScenarioError.yamlProblem(error, text: text)
            throw ScenarioError(file: file, line: line, message: message)
        }
        guard let root else { return [FileLayer(file: file, description: nil, settings: [])] }
        let mapping: Node.Mapping
        switch root {
        case let .mapping(found):
            mapping = found
        case .scalar where root.tagName == .null:
            return [FileLayer(file: file, description: nil, settings: [])]
        default:
            // A file whose top level is not a mapping is not a scenario at all (`extends: /etc/passwd`, a `.env`): its
            // contents are never echoed, only what kind of thing it holds (issue 13, family 5).
            let sections = ParameterTree.defaults.schema.keys.joined(separator: ", ")
            let found = if case .scalar = root { "plain text" } else { SchemaWalk.describe(root) }
            throw ScenarioError(file: file, line: root.mark?.line,
                                message: "not a scenario file: expected a mapping of sections (\(sections)) at the top"
                                    + " level, got \(found)")
        }

        var extends: (path: String, line: Int?)?
        var description: String?
        var isProfile = false
        var subpopulations: SubpopulationList?
        var keyStatus: [KeyStatusTable.Entry] = []
        for (key, value) in mapping {
            guard case let .scalar(keyScalar) = key else { continue }
            switch keyScalar.string {
            case extendsKey:
                guard case let .scalar(scalar) = value, value.tagName != .null, !scalar.string.isEmpty else {
                    throw ScenarioError(file: file, line: key.mark?.line, keyPath: extendsKey,
                                        message: "expected the path of another scenario file, got \(SchemaWalk.describe(value))")
                }
                extends = (scalar.string, key.mark?.line)
            case descriptionKey:
                guard case let .scalar(scalar) = value else {
                    throw ScenarioError(file: file, line: key.mark?.line, keyPath: descriptionKey,
                                        message: "expected a line of text, got \(SchemaWalk.describe(value))")
                }
                description = value.tagName == .null ? "" : scalar.string
            case targetsKey:
                isProfile = true
            case SubpopulationList.key:
                subpopulations = try SubpopulationList(value, keyLine: key.mark?.line, file: file)
            case KeyStatusTable.key:
                keyStatus = try KeyStatusTable.entries(value, file: file, keyLine: key.mark?.line)
            default:
                continue
            }
        }

        var walk = SchemaWalk(file: file, reservedTopLevelKeys: reservedKeys)
        try walk.walk(root, against: ParameterTree.defaults.schema, path: [], keyLine: nil)
        let layer = FileLayer(
            file: file, description: description, settings: walk.settings, isProfile: isProfile,
            subpopulations: subpopulations, keyStatus: keyStatus)
        guard let extends else { return [layer] }

        let basePath = resolve(extends.path, relativeTo: file)
        let base = Visit(file: basePath, canonical: canonicalPath(basePath))
        func failure(_ message: String) -> ScenarioError {
            ScenarioError(file: file, line: extends.line, keyPath: extendsKey, message: message)
        }
        if visiting.contains(where: { $0.canonical == base.canonical }) {
            let chain = (visiting + [base]).map(\.file).joined(separator: " -> ")
            throw failure("extends cycle: \(chain)")
        }
        guard visiting.count < maximumDepth else {
            throw failure("the extends chain is deeper than \(maximumDepth) files")
        }
        let baseText: String
        switch readText(basePath) {
        case let .success(text): baseText = text
        case let .failure(problem): throw failure("cannot read `\(basePath)`: \(problem.reason)")
        }
        return try layers(text: baseText, file: basePath, visiting: visiting + [base]) + [layer]
    }

    // MARK: Files

    /// Why a file could not be read, in words.
    struct ReadProblem: Error {
        var reason: String
    }

    /// The UTF-8 text of a file, or why it cannot be had.
    static func readText(_ path: String) -> Result<String, ReadProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadProblem(reason: "no such file"))
        }
        guard !isDirectory.boolValue else { return .failure(ReadProblem(reason: "it is a directory, not a file")) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failure(ReadProblem(reason: FileManager.default.isReadableFile(atPath: path)
                                            ? "\(error.localizedDescription)" : "permission denied"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadProblem(reason: "it is not UTF-8 text"))
        }
        return .success(text)
    }

    /// `extends: base.yaml` in `scenarios/x.yaml` means `scenarios/base.yaml`: relative to the extending file's folder.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    /// An absolute path with `.`, `..` and symbolic links resolved, so one file reached two ways is seen as one.
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
