import Foundation

/// One scenario's `summary.csv` (MODEL.md §4) and where its numbers came from (`run.json`).
public struct ScenarioResults: Sendable {
    public let name: String
    /// Whole-horizon figures by metric (the rows with an empty `year`).
    public let horizon: [String: Estimate]
    /// Yearly figures by metric, each sorted by year.
    public let byYear: [String: [(year: Int, estimate: Estimate)]]
    public let provenance: RunProvenance?
    /// A mixture's sub-populations (MODEL.md §7), in file order, each with its whole-horizon figures, read from
    /// `subpopulations.csv`; empty when the folder has none.
    public let subpopulations: [(name: String, horizon: [String: Estimate])]

    /// Read `folder/summary.csv` and, when present, `folder/subpopulations.csv` and `folder/run.json`.
    public init(folder: URL) throws {
        let table = try CSVTable(file: folder.appendingPathComponent("summary.csv"))
        try table.require(["scenario", "metric", "year", "mean", "lo95", "hi95"])
        var horizon: [String: Estimate] = [:]
        var byYear: [String: [(year: Int, estimate: Estimate)]] = [:]
        for row in table.rows.indices {
            let estimate = Estimate(
                mean: try table.number(row, "mean"), lower: try table.number(row, "lo95"),
                upper: try table.number(row, "hi95"))
            let metric = table.text(row, "metric"), year = table.text(row, "year")
            if year.isEmpty {
                horizon[metric] = estimate
            } else if let value = Int(year) {
                byYear[metric, default: []].append((value, estimate))
            } else {
                throw ReportError.malformed(
                    file: table.file.path, line: table.line(of: row), reason: "year: expected a whole number, got `\(year)`")
            }
        }
        for metric in byYear.keys { byYear[metric]?.sort { $0.year < $1.year } }
        name = table.rows.indices.first.map { table.text($0, "scenario") } ?? folder.lastPathComponent
        self.horizon = horizon
        self.byYear = byYear
        let record = folder.appendingPathComponent("run.json")
        provenance = FileManager.default.fileExists(atPath: record.path) ? try RunProvenance(file: record) : nil
        subpopulations = try Self.subpopulations(folder.appendingPathComponent("subpopulations.csv"))
    }

    /// The whole-horizon rows of `subpopulations.csv` by sub-population, in the order they first appear.
    private static func subpopulations(_ file: URL) throws -> [(name: String, horizon: [String: Estimate])] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let table = try CSVTable(file: file)
        try table.require(["subpopulation", "metric", "year", "mean", "lo95", "hi95"])
        var result: [(name: String, horizon: [String: Estimate])] = []
        for row in table.rows.indices where table.text(row, "year").isEmpty {
            let name = table.text(row, "subpopulation")
            let estimate = Estimate(
                mean: try table.number(row, "mean"), lower: try table.number(row, "lo95"),
                upper: try table.number(row, "hi95"))
            if let index = result.firstIndex(where: { $0.name == name }) {
                result[index].horizon[table.text(row, "metric")] = estimate
            } else {
                result.append((name, [table.text(row, "metric"): estimate]))
            }
        }
        return result
    }
}

/// The part of `run.json` a chart cites: program version, commit, seed and sizes.
///
/// Decoded leniently (only these keys, extra keys ignored), so a report reads run.json files of other versions.
public struct RunProvenance: Decodable, Equatable, Sendable {
    public var version: String
    public var gitCommit: String?
    public var seed: UInt64
    public var replicates: Int
    public var households: Int
    public var years: Int
    public var generator: String?
    /// The scenario file's `description:`, when the run recorded it.
    public var description: String?
    /// The calendar year of year 0 (`run.startYear`), when the run recorded one (a recorded 0 means none).
    public var startYear: Int?

    enum CodingKeys: String, CodingKey {
        case version, gitCommit, seed, replicates, households, years, generator, description, parameters, startYear
    }

    /// The part of the resolved parameters read here: `run.startYear`, where a version records it.
    private struct Parameters: Decodable {
        struct Run: Decodable { let startYear: Int? }
        let run: Run?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        gitCommit = try container.decodeIfPresent(String.self, forKey: .gitCommit)
        seed = try container.decode(UInt64.self, forKey: .seed)
        replicates = try container.decode(Int.self, forKey: .replicates)
        households = try container.decode(Int.self, forKey: .households)
        years = try container.decode(Int.self, forKey: .years)
        generator = try container.decodeIfPresent(String.self, forKey: .generator)
        description = try? container.decodeIfPresent(String.self, forKey: .description)
        let parameters = try? container.decodeIfPresent(Parameters.self, forKey: .parameters)
        // 0 is how a run records that no calendar year was set.
        startYear = ((try? container.decodeIfPresent(Int.self, forKey: .startYear)) ?? parameters?.run?.startYear)
            .flatMap { $0 > 0 ? $0 : nil }
    }

    public init(
        version: String, gitCommit: String?, seed: UInt64, replicates: Int, households: Int, years: Int,
        generator: String?
    ) {
        self.version = version
        self.gitCommit = gitCommit
        self.seed = seed
        self.replicates = replicates
        self.households = households
        self.years = years
        self.generator = generator
    }

    init(file: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw ReportError.unreadable(file: file.path, reason: error.localizedDescription)
        }
        do { self = try JSONDecoder().decode(RunProvenance.self, from: data) } catch {
            throw ReportError.malformed(
                file: file.path, line: nil, reason: "not a run.json of repoverty: \(Self.describe(error, data: data))")
        }
    }

    /// Why a run.json could not be read, in a reader's words: the key at fault, never the decoder's dump.
    private static func describe(_ error: any Error, data: Data) -> String {
        if data.isEmpty { return "the file is empty" }
        switch error {
        case DecodingError.keyNotFound(let key, _): return "\(key.stringValue): missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): not the expected kind of value"
        default: return "not valid JSON"
        }
    }

    /// One line for the foot of a chart, e.g. `repoverty 0.1.0 (commit 4fcdaad) · seed 7 · 8 replicates · …`.
    /// Values that differ between the runs are listed, separated by `/`.
    ///
    /// - Parameters:
    ///   - design: for a sweep, its design and seed (`latin-hypercube 40`, 7), said instead of every point's seed.
    public static func line(
        _ runs: [RunProvenance], language: ReportLanguage = .en, design: (name: String, seed: UInt64)? = nil
    ) -> String {
        guard !runs.isEmpty else { return "repoverty · " + language(.provenanceUnknown) }
        func distinct(_ values: [String]) -> String {
            var seen: [String] = []
            for value in values where !seen.contains(value) { seen.append(value) }
            return seen.joined(separator: "/")
        }
        let commits = runs.compactMap { $0.gitCommit.map { String($0.prefix(7)) } }
        var parts = ["repoverty " + distinct(runs.map(\.version)) + (commits.isEmpty ? "" : " (commit \(distinct(commits)))")]
        if let design {
            parts.append(language(.design(design.name)))
            parts.append(language(.sweepSeed(String(design.seed))))
        } else {
            parts.append(language(.seed(distinct(runs.map { String($0.seed) }))))
        }
        parts.append(language(.replicates(distinct(runs.map { String($0.replicates) }))))
        parts.append(language(.households(distinct(runs.map { ReportLanguage.grouped(Double($0.households)) }))))
        parts.append(language(.years(distinct(runs.map { String($0.years) }))))
        let generators = runs.compactMap(\.generator)
        if !generators.isEmpty { parts.append(language(.generator(distinct(generators)))) }
        return parts.joined(separator: " · ")
    }
}
