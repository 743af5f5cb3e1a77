import Foundation
import GRDB
import Output

/// What a results tree holds (`repoverty list DIR`, issue 17): every run, comparison and sweep under a folder, with the
/// scenario, its description, the seed, the sizes, when it was made and by which program and commit.
///
/// The catalogue only reads. It recognises a run by its `run.json`, a comparison by its `compare.json`, a sweep by its
/// `sweep.sqlite`; a file of that name that is not a record of this program is reported as a problem, not listed, and
/// the rest of the tree is still read. Hidden folders (the program's staging folders among them) and symbolic links to
/// folders are not entered, so a link cannot make the walk loop or leave the tree; the walk stops at
/// ``maximumDepth`` folders below `DIR`.
public struct ResultsCatalogue: Sendable {
    /// One run, comparison or sweep.
    public struct Entry: Codable, Sendable, Equatable {
        /// `run`, `comparison` or `sweep`.
        public var kind: String
        /// The folder holding it, relative to the listed folder ("." for the folder itself).
        public var path: String
        /// The scenario's name; for a comparison its baseline, for a sweep its base scenario.
        public var scenario: String
        /// The scenario file's `description:`; for a comparison the baseline's; empty when none is recorded.
        public var description: String
        /// A comparison: the scenarios compared with the baseline. A run: the comparison it belongs to, if any.
        public var scenarios: [String]?
        public var comparison: String?
        /// The seed, as decimal text (seeds are 64-bit: a number would lose digits in JSON readers and spreadsheets).
        public var seed: String
        public var households: Int?
        public var years: Int?
        public var replicates: Int?
        /// A sweep: its design (`factorial 3 × 2`, `latin-hypercube 40`), points and those complete.
        public var design: String?
        public var points: Int?
        public var completePoints: Int?
        /// When the run started (ISO 8601); a comparison's baseline's; a sweep's first point's.
        public var date: String
        public var version: String
        public var commit: String
    }

    public var entries: [Entry] = []
    /// Records found but not readable, one line each: "path: why".
    public var problems: [String] = []

    /// How deep the walk goes below the listed folder.
    public static let maximumDepth = 12

    /// Reads the tree under `folder`.
    ///
    /// - Throws: ``ResultsCatalogueError`` when `folder` does not exist or is not a folder.
    public static func read(_ folder: URL) throws(ResultsCatalogueError) -> ResultsCatalogue {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw .missing(folder.path)
        }
        guard isFolder.boolValue else { throw .notAFolder(folder.path) }
        var catalogue = ResultsCatalogue()
        catalogue.walk(folder.standardizedFileURL, relative: ".", depth: 0)
        catalogue.linkRunsToComparisons()
        catalogue.entries.sort { ($0.path, $0.kind) < ($1.path, $1.kind) }
        return catalogue
    }

    private mutating func walk(_ folder: URL, relative: String, depth: Int) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() } catch {
            problems.append("\(relative): cannot read the folder: \(OutputFolder.reason(error))")
            return
        }
        for name in names where name == "run.json" || name == ComparisonRecord.fileName || name == "sweep.sqlite" {
            let file = folder.appendingPathComponent(name)
            guard isRegularFile(file) else { continue }
            do {
                switch name {
                case "run.json": entries.append(try Self.run(file, path: relative))
                case ComparisonRecord.fileName: entries.append(try Self.comparison(file, path: relative))
                default: entries.append(try Self.sweep(file, path: relative))
                }
            } catch {
                problems.append("\(relative == "." ? name : relative + "/" + name): \(error.reason)")
            }
        }
        guard depth < Self.maximumDepth else { return }
        for name in names where !name.hasPrefix(".") {
            let child = folder.appendingPathComponent(name)
            var status = stat()
            guard lstat(child.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { continue }
            walk(child, relative: relative == "." ? name : relative + "/" + name, depth: depth + 1)
        }
    }

    private func isRegularFile(_ file: URL) -> Bool {
        var status = stat()
        return stat(file.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Marks each run listed by a comparison beside it.
    private mutating func linkRunsToComparisons() {
        let comparisons = entries.filter { $0.kind == "comparison" }
        for index in entries.indices where entries[index].kind == "run" {
            let parent = (entries[index].path as NSString).deletingLastPathComponent
            let folder = parent.isEmpty ? "." : parent
            if let comparison = comparisons.first(where: {
                $0.path == folder && ([$0.scenario] + ($0.scenarios ?? [])).contains(entries[index].scenario)
            }) {
                entries[index].comparison = comparison.path
            }
        }
    }

    /// A record's file is at most this big: anything larger is not a record this program wrote.
    static let maximumRecordBytes = 64 << 20

    private static func data(_ file: URL) throws(CatalogueProblem) -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        guard size <= maximumRecordBytes else { throw CatalogueProblem(reason: "larger than any record (\(size) bytes)") }
        do { return try Data(contentsOf: file) } catch {
            throw CatalogueProblem(reason: "cannot read it: \(OutputFolder.reason(error))")
        }
    }

    /// What the catalogue reads of a `run.json`.
    private struct RunFacts: Decodable {
        var program: String
        var version: String
        var gitCommit: String?
        var scenario: String
        var description: String?
        var seed: UInt64
        var households: Int
        var years: Int
        var replicates: Int
        var startedAt: String
    }

    /// The record in `file` as `type`, if it is one of this program's (`isOurs`); else why not, as `what` it is not.
    private static func decode<Record: Decodable>(
        _ type: Record.Type, _ file: URL, notA what: String, isOurs: (Record) -> Bool
    ) throws(CatalogueProblem) -> Record {
        let bytes = try data(file)
        guard let record = try? JSONDecoder().decode(type, from: bytes), isOurs(record) else {
            throw CatalogueProblem(reason: "not a \(what) of this program")
        }
        return record
    }

    static func run(_ file: URL, path: String) throws(CatalogueProblem) -> Entry {
        let facts = try decode(RunFacts.self, file, notA: "run record") { $0.program == "repoverty" }
        return Entry(
            kind: "run", path: path, scenario: facts.scenario, description: facts.description ?? "", scenarios: nil,
            comparison: nil, seed: String(facts.seed), households: facts.households, years: facts.years,
            replicates: facts.replicates, design: nil, points: nil, completePoints: nil, date: facts.startedAt,
            version: facts.version, commit: facts.gitCommit ?? "")
    }

    static func comparison(_ file: URL, path: String) throws(CatalogueProblem) -> Entry {
        let record = try decode(ComparisonRecord.self, file, notA: "comparison record") {
            $0.program == "repoverty" && !$0.scenarios.isEmpty
        }
        let baseline = record.scenarios[0]
        // Seed, sizes and date are the baseline's run's (every run of a comparison shares seed and sizes).
        let base = try? run(file.deletingLastPathComponent().appendingPathComponent(baseline.run), path: path)
        return Entry(
            kind: "comparison", path: path, scenario: baseline.scenario, description: base?.description ?? "",
            scenarios: record.scenarios.dropFirst().map(\.scenario), comparison: nil, seed: base?.seed ?? "",
            households: base?.households, years: base?.years, replicates: base?.replicates, design: nil, points: nil,
            completePoints: nil, date: base?.date ?? "", version: record.version, commit: record.gitCommit ?? "")
    }

    static func sweep(_ file: URL, path: String) throws(CatalogueProblem) -> Entry {
        let facts: SweepStore.CatalogueFacts
        do { facts = try SweepStore.open(at: file).catalogueFacts() } catch {
            let why = if case SweepStoreError.notAStore(_, let why) = error { why } else { SweepStoreError.plainReason(error) }
            throw CatalogueProblem(reason: "not a sweep store of this program (\(why))")
        }
        return Entry(
            kind: "sweep", path: path, scenario: facts.identity.scenario, description: "", scenarios: nil, comparison: nil,
            seed: String(facts.identity.seed), households: facts.households, years: facts.years,
            replicates: facts.replicates, design: facts.identity.design, points: facts.identity.pointCount,
            completePoints: facts.complete, date: facts.firstStarted ?? "", version: facts.version ?? "",
            commit: facts.commit ?? "")
    }
}

/// Why one record could not be listed.
struct CatalogueProblem: Error { let reason: String }

/// Why a folder cannot be listed at all (exit 2).
public enum ResultsCatalogueError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case notAFolder(String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such folder; give the folder a command wrote its results into (--output)"
        case .notAFolder(let path): "\(path): expected a folder of results, found a file"
        }
    }
}

extension Error {
    fileprivate var reason: String { (self as? CatalogueProblem)?.reason ?? "\(self)" }
}

extension SweepStore {
    /// What `list` shows of a sweep: its identity, how many points are complete, and the first point's run.
    public struct CatalogueFacts: Sendable {
        public let identity: SweepIdentity
        public let complete: Int
        public let households: Int?
        public let years: Int?
        public let replicates: Int?
        public let firstStarted: String?
        public let version: String?
        public let commit: String?
    }

    public func catalogueFacts() throws -> CatalogueFacts {
        let identity = try identity()
        return try queue.read { db in
            let complete = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM points WHERE status = 'complete'") ?? 0
            let first = try Row.fetchOne(
                db, sql: "SELECT households, years, replicates, started_at, version, git_commit FROM runs ORDER BY started_at LIMIT 1")
            return CatalogueFacts(
                identity: identity, complete: complete, households: first?["households"], years: first?["years"],
                replicates: first?["replicates"], firstStarted: first?["started_at"], version: first?["version"],
                commit: first?["git_commit"])
        }
    }
}

extension ResultsCatalogue {
    /// The CSV columns of `list --format csv`, one row per entry.
    public static let csvHeader =
        "kind,path,scenario,description,scenarios,comparison,seed,households,years,replicates,design,points,complete_points,date,version,commit"

    /// `list --format csv`: every field as recorded (RFC 4180 quoting); `seed` is decimal text, and `scenarios` the
    /// compared scenarios separated by `;`.
    public func csv() -> String {
        var lines = [Self.csvHeader]
        for entry in entries {
            let cells: [String] = [
                entry.kind, entry.path, entry.scenario, entry.description, (entry.scenarios ?? []).joined(separator: ";"),
                entry.comparison ?? "", entry.seed, text(entry.households), text(entry.years), text(entry.replicates),
                entry.design ?? "", text(entry.points), text(entry.completePoints), entry.date, entry.version, entry.commit,
            ]
            lines.append(cells.map(SummaryCSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `list --format json`: `{"entries": [...], "problems": [...]}`, keys sorted; the seed is a string.
    public func json() throws -> String {
        struct Document: Encodable {
            let entries: [Entry]
            let problems: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(entries: entries, problems: problems)), as: UTF8.self) + "\n"
    }

    /// The printed catalogue: one line per entry, aligned; descriptions shortened to 48 characters and control
    /// characters shown as `?`, so no recorded text can break the table or the terminal.
    public func table() -> String {
        var rows: [[String]] = [["kind", "path", "scenario", "description", "seed", "size", "date", "version", "commit"]]
        for entry in entries {
            var size = [entry.households.map { "\(HeadlineTable.grouped(Double($0))) households" },
                        entry.years.map { "\($0) years" }, entry.replicates.map { "\($0) replicates" }]
                .compactMap { $0 }.joined(separator: " × ")
            if let points = entry.points {
                size = "\(entry.completePoints ?? 0)/\(points) points" + (size.isEmpty ? "" : ", " + size)
            }
            var scenario = entry.scenario
            if let scenarios = entry.scenarios { scenario += " vs " + scenarios.joined(separator: ", ") }
            if let comparison = entry.comparison { scenario += " (in \(comparison == "." ? "this" : comparison) comparison)" }
            if let design = entry.design { scenario += " (\(design))" }
            rows.append([
                entry.kind, entry.path, scenario, entry.description, entry.seed, size, entry.date, entry.version,
                String(entry.commit.prefix(12)) + (entry.commit.hasSuffix("-dirty") ? "-dirty" : ""),
            ].enumerated().map { column, cell in Self.printable(cell, limit: column == 3 ? 48 : 80) })
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    private func text(_ number: Int?) -> String { number.map(String.init) ?? "" }

    /// Text for one cell of the printed table: one line, control characters as `?`, at most `limit` characters.
    public static func printable(_ text: String, limit: Int) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map {
            CharacterSet.controlCharacters.contains($0) || $0.properties.generalCategory == .format ? "?" : $0
        }))
        return cleaned.count > limit ? String(cleaned.prefix(limit - 1)) + "…" : cleaned
    }
}
