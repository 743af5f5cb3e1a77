import ArgumentParser
import Engine
import Foundation
import Model
import Runs
import Scenarios
import XCTest

@testable import RepovertyCLI

/// The fuzzer's findings kept as tests, and a short fuzz of the loader and the argument parser on every test run.
///
/// `scripts/fuzz.sh` runs libFuzzer on the scenario loader for as long as asked; its seeds (`Fuzz/seeds`), the
/// small corpus it keeps (`Fuzz/corpus`) and every crash it ever found (`Fuzz/crashes`) are replayed here with the
/// same checks as Fuzz/Sources/FuzzScenarioLoader: no crash; loading gives a scenario or a `ScenarioError` that names
/// the file or `--set`; a scenario's resolved YAML loads to the same parameters; and a sample of the valid ones,
/// shrunk to a few households, simulates with every metric finite (the model's invariants are checked in this debug
/// build). Then fixed-seed mutants of the shipped scenarios and random command lines go through the same loader and
/// the real argument parser, so the suite fuzzes a little even where libFuzzer is not run.
final class FuzzRegressionTests: XCTestCase {
    static let fuzzFolder = Executable.packageRoot.appendingPathComponent("Fuzz")
    static let scenarioPath = Executable.packageRoot.appendingPathComponent("scenarios/fuzz-input.yaml").path

    /// Inputs in the fuzzer's format: scenario text, then `--set` overrides, separated by NUL bytes.
    static func inputs(in folder: String) throws -> [(name: String, data: Data)] {
        let url = fuzzFolder.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            .filter { !$0.hasPrefix(".") }
            .map { ($0, try Data(contentsOf: url.appendingPathComponent($0))) }
    }

    /// The checks of the fuzz target on one input; returns the scenario when it loads.
    @discardableResult
    func check(_ data: Data, name: String, simulate: Bool) -> Scenario? {
        let parts = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(yaml: parts.first ?? "", path: Self.scenarioPath, overrides: Array(parts.dropFirst()))
        } catch {
            let named = error.file == Self.scenarioPath || error.file == "--set" || FileManager.default.fileExists(atPath: error.file)
            XCTAssertTrue(named && error.description.hasPrefix(error.file) && !error.message.isEmpty, "\(name): \(error)")
            return nil
        }
        let resolved = ScenarioLoader.resolvedYAML(scenario.parameters)
        XCTAssertEqual((try? ScenarioLoader.parse(yaml: resolved, path: "/resolved.yaml"))?.parameters, scenario.parameters,
                       "\(name): the resolved YAML does not load back to the same parameters")
        guard simulate else { return scenario }
        var parameters = scenario.parameters
        parameters.run.households = min(parameters.run.households, 40)
        parameters.run.years = min(parameters.run.years, 4)
        parameters.run.replicates = min(parameters.run.replicates, 2)
        parameters.shocks.flood.forcedYear = min(parameters.shocks.flood.forcedYear, parameters.run.years)
        parameters.shocks.avianFlu.forcedYear = min(parameters.shocks.avianFlu.forcedYear, parameters.run.years)
        parameters.shocks.wages.schedule = Array(parameters.shocks.wages.schedule.prefix(parameters.run.years))
        do {
            let result = try Simulation.run(parameters, threads: 1)
            for metric in Summary.metrics(result) {
                for case let value? in metric.values where !value.isFinite {
                    XCTFail("\(name): \(metric.name) year \(metric.year.map(String.init) ?? "-") is \(value)")
                }
            }
        } catch {
            XCTFail("\(name): a valid scenario fails to simulate: \(error)")
        }
        return scenario
    }

    func testSeedsCorpusAndCrashesReplay() throws {
        let seeds = try Self.inputs(in: "seeds"), corpus = try Self.inputs(in: "corpus"), crashes = try Self.inputs(in: "crashes")
        XCTAssertGreaterThan(seeds.count, 10, "the seeds are the shipped scenarios and hand-made bad inputs")
        XCTAssertGreaterThan(corpus.count, 10, "scripts/fuzz.sh keeps a corpus in Fuzz/corpus")
        var loaded = 0
        for (index, input) in (seeds + crashes + corpus).enumerated() {
            // Every input is loaded; the seeds, the crashes and every 32nd corpus input are also simulated.
            let simulate = index < seeds.count + crashes.count || index % 32 == 0
            if check(input.data, name: input.name, simulate: simulate) != nil { loaded += 1 }
        }
        XCTAssertGreaterThan(loaded, seeds.count / 2, "most shipped scenarios load")
    }

    /// Byte flips, deletions, insertions and splices of the shipped scenarios, from a fixed seed.
    func testMutatedScenarioFilesLoadOrFailWithALocatedError() throws {
        let shipped = try Self.inputs(in: "seeds").filter { $0.name.hasPrefix("shipped-") }.map { [UInt8]($0.data) }
        XCTAssertFalse(shipped.isEmpty)
        var random = SplitMix64(seed: 8)
        let tokens: [[UInt8]] = [":", "\n", " ", "-", "[", "]", "{", "}", "#", "&a", "*a", "!!str", "0", "-1", "1e308", ".nan",
                                 "\t", "extends: baseline.yaml\n", "? ", "|", ">", "'", "\""].map { Array($0.utf8) }
        var outcomes = (loaded: 0, refused: 0)
        for _ in 0..<150 {
            var bytes = shipped[random.below(shipped.count)]
            for _ in 0...random.below(4) {
                let at = random.below(bytes.count + 1)
                switch random.below(4) {
                case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.below(8))
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(40)))
                case 2: bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: at)
                default:
                    let other = shipped[random.below(shipped.count)]
                    let start = random.below(other.count)
                    bytes.insert(contentsOf: other[start..<min(other.count, start + random.below(200))], at: at)
                }
            }
            if check(Data(bytes), name: "mutant", simulate: false) != nil { outcomes.loaded += 1 } else { outcomes.refused += 1 }
        }
        XCTAssertGreaterThan(outcomes.loaded, 0, "some mutants are still valid scenarios")
        XCTAssertGreaterThan(outcomes.refused, 0, "some mutants are refused")
    }

    /// Random command lines through the real parser, then, for a command that parses, its scenarios through the loader
    /// as `run` would load them: every outcome is a parsed command, a usage error (exit 2), or a `ScenarioError` or
    /// `BadInput` (exit 2); nothing crashes. Nothing is run.
    func testRandomCommandLinesParseOrFailAsBadInput() {
        var random = SplitMix64(seed: 4)
        let words = ["run", "compare", "validate", "scenarios/baseline.yaml", "scenarios/training.yaml", "missing.yaml",
                     "--seed", "--replicates", "--households", "--years", "--threads", "--set", "--output", "--quiet",
                     "--print", "--help", "-h", "--version", "0", "-1", "3", "18446744073709551616", "1e3", "=", "x=1",
                     "run.years=2", "shocks.flood.probability=2", "run.seed=-1", "--", "-", "", "ünïcode", "--set=run.years=3",
                     "--households=-5", "--frobnicate"]
        var parsed = 0, refused = 0
        for _ in 0..<300 {
            let arguments = (0..<random.below(7)).map { _ in words[random.below(words.count)] }
            let command: any ParsableCommand
            do {
                command = try Repoverty.parseAsRoot(arguments)
            } catch {
                let code = Repoverty.exitCode(for: error)
                XCTAssertTrue([ExitCode.success, .validationFailure].contains(code), "\(arguments): exit \(code.rawValue) for \(error)")
                refused += 1
                continue
            }
            parsed += 1
            let scenarios: [String], options: RunOptions
            switch command {
            case let run as Run: (scenarios, options) = (run.scenarios, run.options)
            case let compare as Compare: (scenarios, options) = ([compare.baseline] + compare.scenarios, compare.options)
            case let validate as Validate: (scenarios, options) = (validate.scenarios, validate.options)
            default: continue
            }
            do {
                _ = try Runner.load(
                    scenarios.map { Executable.packageRoot.appendingPathComponent($0).path }, overrides: options.overrides,
                    size: options.size)
            } catch {
                XCTAssertTrue(error is ScenarioError || (error as? RunError)?.isBadInput == true, "\(arguments): \(error)")
            }
        }
        XCTAssertGreaterThan(parsed, 10)
        XCTAssertGreaterThan(refused, 10)
    }
}

/// A small seeded generator (SplitMix64), so every test run makes the same mutants and command lines.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }
}
