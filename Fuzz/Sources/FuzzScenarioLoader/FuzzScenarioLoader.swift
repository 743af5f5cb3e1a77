import Engine
import Foundation
import Model
import Scenarios

/// One input, which must not crash, hang or break a property.
///
/// An input is UTF-8 text (invalid bytes are replaced, as a file that is not UTF-8 is refused before parsing anyway):
/// the scenario file up to the first NUL byte, then `--set` overrides separated by NUL bytes. It is parsed as the file
/// `scenarios/fuzz-input.yaml` of this repository, so `extends: baseline.yaml` reaches a shipped scenario.
///
/// Properties checked, beyond "no crash":
/// - loading either succeeds or throws a `ScenarioError` whose description names the file or `--set`;
/// - a loaded scenario's resolved YAML loads again to exactly the same parameters;
/// - the scenario, shrunk to a few households, years and replicates, simulates, and every metric is finite or absent.
func fuzzScenarioLoader(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzCase(bytes.map { Data(bytes: $0, count: count) } ?? Data()).check()
    return 0
}

struct FuzzCase {
    static let scenarioPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/fuzz-input.yaml").path

    let yaml: String
    let overrides: [String]

    init(_ data: Data) {
        let parts = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        yaml = parts.first ?? ""
        overrides = Array(parts.dropFirst())
    }

    func check() {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(yaml: yaml, path: Self.scenarioPath, overrides: overrides)
        } catch {
            // The error names the input, --set, or a file of the extends chain, and says what was wrong.
            let named = error.file == Self.scenarioPath || error.file == "--set" || FileManager.default.fileExists(atPath: error.file)
            guard named, error.description.hasPrefix(error.file), !error.message.isEmpty else {
                fatalError("an error that names no file or says nothing: \(error)")
            }
            return
        }
        let resolved = ScenarioLoader.resolvedYAML(scenario.parameters)
        do {
            let again = try ScenarioLoader.parse(yaml: resolved, path: "/resolved.yaml")
            guard again.parameters == scenario.parameters else {
                fatalError("the resolved YAML loads to different parameters:\n\(resolved)")
            }
        } catch {
            fatalError("the resolved YAML does not load: \(error)\n\(resolved)")
        }
        var parameters = scenario.parameters
        parameters.run.households = min(parameters.run.households, 40)
        parameters.run.years = min(parameters.run.years, 4)
        parameters.run.replicates = min(parameters.run.replicates, 2)
        // Forced years and wage schedules beyond the shortened horizon are moved inside it or cut, as a shorter run would
        // need them to be.
        parameters.shocks.flood.forcedYear = min(parameters.shocks.flood.forcedYear, parameters.run.years)
        parameters.shocks.avianFlu.forcedYear = min(parameters.shocks.avianFlu.forcedYear, parameters.run.years)
        parameters.shocks.wages.schedule = Array(parameters.shocks.wages.schedule.prefix(parameters.run.years))
        do {
            try ScenarioLoader.validate(parameters, label: "shrunk")
            let result = try Simulation.run(parameters, threads: 1)
            for metric in Summary.metrics(result) {
                for case let value? in metric.values where !value.isFinite {
                    fatalError("\(metric.name) year \(metric.year.map(String.init) ?? "-") is \(value) for:\n\(resolved)")
                }
            }
        } catch {
            fatalError("a valid scenario fails to simulate: \(error)\n\(resolved)")
        }
    }
}
