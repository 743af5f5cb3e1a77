import Foundation
import Model
import Scenarios

/// Where a fit came from, for the comments of the fitted scenario.
public struct CalibrationProvenance: Sendable {
    public let programVersion: String
    public let gslVersion: String
    public let date: Date

    public init(programVersion: String, gslVersion: String, date: Date) {
        self.programVersion = programVersion
        self.gslVersion = gslVersion
        self.date = date
    }
}

/// The fitted scenario as a YAML file: `extends:` the input, sets only the fitted keys (marked *calibrated* under
/// `keyStatus:`), and says in comments how well the fit matches each target and how it was made (program, seed,
/// replicates, date), so it can be judged and re-made.
public enum FittedScenario {
    /// The file's text, to be written at `outputPath` (the `extends` path is relative to its folder).
    public static func yaml(
        problem: CalibrationProblem, result: CalibrationResult, run: RunSettings, outputPath: String,
        provenance: CalibrationProvenance
    ) -> String {
        let formatter = ISO8601DateFormatter()
        var lines = [
            "# Fitted by `repoverty calibrate` (repoverty \(provenance.programVersion), GSL \(provenance.gslVersion))"
                + " on \(formatter.string(from: provenance.date)).",
            "# Input: \(problem.scenarioPath)"
                + (problem.overrides.isEmpty ? "" : "; overrides: \(problem.overrides.joined(separator: " "))"),
            "# Common random numbers: every evaluation ran seed \(run.seed), \(run.replicates) replicates,"
                + " \(run.households) households, \(run.years) years, generator \(run.generator.rawValue).",
            "# Minimised: the sum of squared relative errors of the targets, by GSL's Nelder-Mead simplex (nmsimplex2).",
            "# Free keys (range: start -> fitted):",
        ]
        for (index, free) in problem.free.enumerated() {
            lines.append(
                "#   \(free.key) in [\(number(free.low)), \(number(free.high))]: \(number(result.start[index]))"
                    + " -> \(number(result.fitted.values[index]))")
        }
        lines.append("# Targets (target, fitted, relative error):")
        for (index, target) in problem.targets.enumerated() {
            let simulated = result.fitted.simulated[index]
            let error = simulated.map { String(format: "%+.3f %%", 100 * ($0 - target.value) / target.value) } ?? "undefined"
            lines.append(
                "#   \(target.metric): \(number(target.value)), \(simulated.map(number) ?? "undefined"), \(error)")
        }
        lines.append(
            "# Objective \(String(format: "%.6g", result.fitted.objective)) after \(result.iterations) iterations,"
                + " \(result.evaluations) evaluations; "
                + (result.converged ? "converged (simplex size below \(number(problem.tolerance)))." : "stopped at the iteration limit, not converged."))
        lines.append("# The fit holds for these run settings; at another size or seed, run this scenario to check the targets.")
        lines.append("extends: \(relativePath(of: problem.scenarioPath, fromFolderOf: outputPath))")
        lines.append(contentsOf: tree(zip(problem.free.map(\.key), result.fitted.values.map(number)).map { ($0, $1) }))
        // Each fitted key is calibrated in this scenario, whatever its declared status (`keyStatus:`, docs/MODEL.md
        // §3): sensitivity reports and --uncertainty then treat it so.
        let source = "fitted by repoverty calibrate to "
            + problem.targets.map { "\($0.metric) \(number($0.value))" }.joined(separator: ", ")
        let quoted = "\"" + source.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        lines.append("keyStatus:")
        lines.append(contentsOf: problem.free.map { "  \($0.key): {status: calibrated, source: \(quoted)}" })
        return lines.joined(separator: "\n") + "\n"
    }

    /// Dotted keys and their values as nested YAML mappings, in the order first given.
    static func tree(_ settings: [(key: String, value: String)], indent: String = "") -> [String] {
        var order: [String] = []
        var children: [String: [(key: String, value: String)]] = [:]
        var leaves: [String: String] = [:]
        for (key, value) in settings {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if !order.contains(parts[0]) { order.append(parts[0]) }
            if parts.count == 1 { leaves[parts[0]] = value } else { children[parts[0], default: []].append((parts[1], value)) }
        }
        return order.flatMap { name -> [String] in
            if let value = leaves[name] { return ["\(indent)\(name): \(value)"] }
            return ["\(indent)\(name):"] + tree(children[name] ?? [], indent: indent + "  ")
        }
    }

    /// `%.10g`, as summary.csv writes numbers.
    static func number(_ value: Double) -> String { String(format: "%.10g", value) }

    /// The path of `file` relative to the folder that holds `outputPath` (how `extends` is resolved).
    static func relativePath(of file: String, fromFolderOf outputPath: String) -> String {
        let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let folder = URL(fileURLWithPath: outputPath).standardizedFileURL.deletingLastPathComponent().pathComponents
        var common = 0
        while common < min(target.count - 1, folder.count) && target[common] == folder[common] { common += 1 }
        let ups = Array(repeating: "..", count: folder.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}

extension FittedScenario {
    /// The first words of every fitted scenario file.
    static let signature = "# Fitted by `repoverty calibrate`"

    /// Refuse to replace `file` unless it does not exist, is an earlier fitted scenario, or `force` is set: `--output`
    /// pointing at the user's own scenario must not overwrite it (issue 13).
    public static func checkReplaceable(_ file: URL, force: Bool) throws(CalibrationError) {
        guard !force, FileManager.default.fileExists(atPath: file.path) else { return }
        let head = (try? FileHandle(forReadingFrom: file)).flatMap { try? $0.read(upToCount: 200) } ?? Data()
        if String(decoding: head, as: UTF8.self).hasPrefix(signature) { return }
        throw CalibrationError(
            "--output \(file.path): the file exists and is not a fitted scenario; nothing was fitted. Choose another"
                + " --output, or give --force to replace it")
    }
}
