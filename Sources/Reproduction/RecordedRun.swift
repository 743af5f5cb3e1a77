import Engine
import Foundation
import Model
import Output
import Randomness
import Scenarios

/// A `run.json` read back for re-running: its resolved parameters and what it says about where it came from.
///
/// The parameters are the record's own (`parameters`), never the scenario file's, which may have changed since. They are
/// read key by key through the keys' declarations, so a record written by another version still runs: a key it lacks
/// takes this version's default and a key this version does not know is ignored, each noted (README, "Reproducing a
/// run").
public struct RecordedRun: Sendable {
    /// The run.json file, as given.
    public let file: URL
    /// The scenario name, which `summary.csv` repeats on every row.
    public let scenario: String
    public let parameters: ScenarioParameters
    /// Whether the run estimated vulnerability (`run --vulnerability`, recorded as `"vulnerability": true`).
    public let vulnerability: Bool
    /// The sub-populations of a mixture (MODEL.md §7), each with its recorded parameters; empty otherwise.
    public let subpopulations: [Subpopulation]
    /// Where the record differs from this program (version, GSL, block size) or was read with defaults, one per line.
    public let warnings: [String]

    /// The run as a scenario to run again: its name, its record as the file errors name, its resolved parameters.
    public var asScenario: Scenario {
        Scenario(name: scenario, sourcePath: file.path, parameters: parameters, subpopulations: subpopulations)
    }

    /// Reads and checks `file`; throws ``ReproductionError/badRecord(_:)`` naming the file and the problem.
    public init(file: URL) throws(ReproductionError) {
        self.file = file
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw .badRecord("\(file.path): cannot read the run record: \(error.localizedDescription)")
        }
        let tree: JSONTree
        do { tree = try JSONDecoder().decode(JSONTree.self, from: data) } catch {
            throw .badRecord("\(file.path): not a run record: \(data.isEmpty ? "the file is empty" : "not valid JSON")")
        }
        guard case .object(let members) = tree else { throw .badRecord("\(file.path): expected a JSON object") }
        guard case .string(let program)? = members["program"], program == "repoverty" else {
            throw .badRecord("\(file.path): expected \"program\": \"repoverty\"; not a repoverty run.json")
        }
        guard case .string(let scenario)? = members["scenario"], !scenario.isEmpty else {
            throw .badRecord("\(file.path): scenario: expected the scenario's name")
        }
        // The name becomes a folder of --output: it must not escape it (`../x`) nor collide with its files.
        do { try OutputFolder.checkName(scenario) } catch {
            throw .badRecord("\(file.path): scenario: \(error)")
        }
        guard let recorded = members["parameters"] else {
            throw .badRecord("\(file.path): parameters: missing; the record holds no resolved scenario to re-run")
        }
        var notes: [String] = []
        let parameters = try Self.parameters(recorded, notes: &notes, file: file)
        do { try ScenarioLoader.validate(parameters, label: file.path) } catch {
            throw .badRecord(error.description)
        }
        try Self.checkHeader(members, against: parameters.run, file: file)
        self.scenario = scenario
        self.parameters = parameters
        subpopulations = try Self.subpopulations(members["subpopulations"], run: parameters, notes: &notes, file: file)
        if case .bool(true)? = members["vulnerability"] { vulnerability = true } else { vulnerability = false }

        var warnings: [String] = []
        func recordedText(_ key: String) -> String? {
            switch members[key] {
            case .string(let text)?: text
            case .unsigned(let number)?: String(number)
            case .integer(let number)?: String(number)
            default: nil
            }
        }
        let version = recordedText("version") ?? "an unknown version"
        if version != ProgramVersion.current {
            warnings.append(
                "\(file.path): written by repoverty \(version), this is \(ProgramVersion.current);"
                    + " figures may differ because the model changed")
        }
        if let gsl = recordedText("gslVersion"), gsl != GSLFunctions.version {
            warnings.append("\(file.path): recorded with GSL \(gsl), this is GSL \(GSLFunctions.version)")
        }
        if let block = recordedText("blockSize"), block != String(Simulation.blockSize) {
            warnings.append("\(file.path): recorded with blocks of \(block) households, this version uses \(Simulation.blockSize)")
        }
        warnings += notes.map { "\(file.path): \($0)" }
        self.warnings = warnings
    }

    /// The record's own seed, sizes and generator must agree with its parameters: a record edited or damaged by hand
    /// would otherwise re-run something other than what it claims (issue 13, family 9).
    private static func checkHeader(
        _ members: [String: JSONTree], against run: RunSettings, file: URL
    ) throws(ReproductionError) {
        let expected: [(key: String, value: String)] = [
            ("seed", String(run.seed)), ("households", String(run.households)), ("years", String(run.years)),
            ("replicates", String(run.replicates)), ("generator", run.generator.rawValue),
        ]
        for (key, value) in expected {
            let recorded: String? =
                switch members[key] {
                case .unsigned(let number)?: String(number)
                case .integer(let number)?: String(number)
                case .string(let text)? where key == "generator": text
                case nil: nil
                default: "?"
                }
            guard let recorded else { continue }  // an older record without the field: the parameters decide
            if recorded == "?" {
                throw .badRecord("\(file.path): \(key): expected \(key == "generator" ? "a generator name" : "a whole number")")
            }
            if recorded != value {
                throw .badRecord(
                    "\(file.path): \(key) is \(recorded.prefix(32)) but the recorded parameters say \(value); the record"
                        + " was edited or damaged")
            }
        }
    }

    /// What a key holds, for messages.
    private static func kind(of value: ParameterValue) -> String {
        switch value {
        case .real: "a number"
        case .whole, .unsigned: "a whole number"
        case .text: "a name"
        case .list: "a list of numbers"
        }
    }

    /// The recorded `parameters` read key by key through their declarations (``ScenarioKeys``): each declared key
    /// the record holds is set exactly as recorded (64-bit seeds and shortest round-trip doubles kept bit for bit), a
    /// key it lacks keeps this version's default, and a key this version does not declare is ignored; each of the last
    /// two is noted, so a record of another version is still re-run and says how it was read.
    private static func parameters(
        _ recorded: JSONTree, notes: inout [String], file: URL
    ) throws(ReproductionError) -> ScenarioParameters {
        guard case .object = recorded else { throw .badRecord("\(file.path): parameters: expected a JSON object") }
        var parameters = ScenarioParameters()
        for key in ScenarioKeys.all {
            guard let node = recorded.member(at: key.path) else {
                notes.append("parameters.\(key.path) is not recorded; this version's default is used")
                continue
            }
            guard let value = node.parameterValue(like: key.defaultValue), key.set(value, in: &parameters) else {
                throw .badRecord("\(file.path): parameters.\(key.path): expected \(Self.kind(of: key.defaultValue))")
            }
        }
        try readPerYearValues(recorded, into: &parameters, file: file)
        let declared = Set(ScenarioKeys.all.map(\.path) + [ScenarioParameters.perYearProperty])
        for path in recorded.leafPaths() where !declared.contains(path) && !declared.contains(where: { $0.hasPrefix(path + ".") }) {
            notes.append("parameters.\(path) is not a parameter of this version; it is ignored")
        }
        return parameters
    }
}

extension RecordedRun {
    /// The recorded sub-populations, each read as the run's own parameters are (key by key, then validated), and
    /// checked as the loader checks a mixture: at least two, shares summing to 1, the recorded households the split
    /// of the run's, each place-level key the run's (``Subpopulation/placeLevelKeyPrefixes``).
    private static func subpopulations(
        _ recorded: JSONTree?, run: ScenarioParameters, notes: inout [String], file: URL
    ) throws(ReproductionError) -> [Subpopulation] {
        guard let recorded else { return [] }
        let field = "\(file.path): subpopulations"
        guard case .array(let entries) = recorded, entries.count >= 2 else {
            throw .badRecord("\(field): expected a list of at least 2 sub-populations")
        }
        var list: [Subpopulation] = [], households: [Int] = []
        for (index, entry) in entries.enumerated() {
            let at = "\(field)[\(index)]"
            guard case .string(let name)? = entry.member(at: "name"), !name.isEmpty,
                  let share = entry.member(at: "share")?.number, share > 0, share <= 1,
                  let count = entry.member(at: "households")?.number, count >= 1, count == count.rounded(),
                  case .string(let profile)? = entry.member(at: "profile"),
                  case .array(let setItems)? = entry.member(at: "set"),
                  let parametersNode = entry.member(at: "parameters")
            else {
                throw .badRecord("\(at): expected {name, share, households, profile, set, parameters}")
            }
            var set: [String] = []
            for item in setItems {
                guard case .string(let text) = item else { throw .badRecord("\(at).set: expected key=value texts") }
                set.append(text)
            }
            var own: [String] = []
            let parameters = try Self.parameters(parametersNode, notes: &own, file: file)
            notes += own.map { "subpopulations[\(index)].\($0)" }
            do { try ScenarioLoader.validate(parameters, label: "\(at)") } catch { throw .badRecord(error.description) }
            list.append(Subpopulation(name: name, share: share, profile: profile, set: set, parameters: parameters))
            households.append(Int(count))
        }
        do { try ScenarioLoader.checkMixture(list, of: run) } catch { throw .badRecord("\(field): \(error.message)") }
        if households != Subpopulation.split(run.run.households, shares: list.map(\.share)) {
            throw .badRecord("\(field): the recorded households \(households) are not the split of the run's \(run.run.households) by the shares; the record was edited or damaged")
        }
        return list
    }

    /// The recorded keys given per year (`"perYear": [{"key": …, "values": […]}]`, issue 15), read back as recorded;
    /// absent in a record of a run without any.
    private static func readPerYearValues(
        _ recorded: JSONTree, into parameters: inout ScenarioParameters, file: URL
    ) throws(ReproductionError) {
        guard let node = recorded.member(at: ScenarioParameters.perYearProperty) else { return }
        let field = "\(file.path): parameters.\(ScenarioParameters.perYearProperty)"
        guard case .array(let entries) = node else { throw .badRecord("\(field): expected a list of {key, values}") }
        var perYear: [PerYearValues] = []
        for (index, entry) in entries.enumerated() {
            guard case .string(let key)? = entry.member(at: "key"), ScenarioKeys.mayVaryByYear(key),
                  case .list(let values)? = entry.member(at: "values")?.parameterValue(like: .list([])), values.count > 1
            else {
                throw .badRecord(
                    "\(field)[\(index)]: expected an interventions.* number key and a list of at least two numbers")
            }
            perYear.append(PerYearValues(key: key, values: values))
        }
        parameters.perYear = perYear.isEmpty ? nil : perYear
    }
}

/// Why a reproduction could not be attempted or finished.
public enum ReproductionError: Error, CustomStringConvertible {
    /// A run.json or compare.json that cannot be read, parsed or run: bad input.
    case badRecord(String)

    public var description: String {
        switch self {
        case .badRecord(let message): message
        }
    }
}
