import Foundation
import Model
import Randomness
import Runs
import Scenarios

/// One point of a sweep, resolved and checked: its index, seed, swept values and the scenario it runs.
public struct PlannedPoint: Sendable {
    public let index: Int
    public let seed: UInt64
    /// The swept keys, as in ``SweepPlan/keyPaths``.
    public let keyPaths: [String]
    /// The swept values, in the order of ``keyPaths``.
    public let values: [String]
    /// The overrides that made this point from the scenario file: the command's `--set`, the point's values, its seed,
    /// then the run options the point does not set itself.
    public let overrides: [String]
    public let scenario: Scenario

    /// The fully resolved parameters as JSON: what the store keeps to recognise the point on `--resume` and `merge`.
    public var parametersJSON: String { ScenarioLoader.resolvedJSON(scenario.parameters) }
}

/// A sweep ready to run: the design, and every point of the requested shard loaded through ``ScenarioLoader``.
///
/// Every point's scenario is loaded and validated before any runs, so an out-of-range value stops the command with
/// the loader's error (file, key, what was expected) and no output.
public struct SweepPlan: Sendable {
    public let scenarioPath: String
    /// The scenario's name (its file name without `.yaml`).
    public let scenarioName: String
    public let design: SweepDesign
    public let keyPaths: [String]
    /// The sweep's seed: the scenario's `run.seed` after the command's overrides.
    public let seed: UInt64
    /// Whether every point runs with ``seed`` or with a seed of its own.
    public let seeding: PointSeeding
    public let shard: Shard
    /// The shard's points, in index order.
    public let points: [PlannedPoint]
    /// Every point of the sweep, whichever shard runs it.
    public let totalPoints: Int

    /// Loads the scenario with `overrides` (`--set`) and the run options `size`, builds the design and loads each point
    /// of `shard`.
    ///
    /// A point is loaded with `overrides`, then `KEY=VALUE` for each swept key, then `run.seed=<point seed>`; the run
    /// options follow, but for the keys the point sets itself, which win. The point seed is the sweep's own seed
    /// (``PointSeeding/common``, the default) or one derived from it and the point's index (``PointSeeding/independent``).
    public static func make(
        scenarioPath: String, overrides: [String], size: RunSize = RunSize(), grid: [GridArgument], sample: Int?,
        shard: Shard = .whole, seeding: PointSeeding = .common
    ) throws -> SweepPlan {
        let base = try Runner.load([scenarioPath], overrides: overrides, size: size)[0]
        let seed = base.parameters.run.seed
        let design = try SweepDesign.make(
            grid: grid, sample: sample, seed: seed, generator: base.parameters.run.generator)
        let keyPaths = design.keyPaths
        let pointSize = size.excluding(keyPaths + ["run.seed"])
        let allValues = try design.values()
        var points: [PlannedPoint] = []
        for (index, values) in allValues.enumerated() where shard.contains(point: index) {
            let pointSeed = seeding == .common ? seed : PointSeed.derive(seed: seed, point: index)
            let pointOverrides = overrides + zip(keyPaths, values).map { "\($0)=\($1)" } + ["run.seed=\(pointSeed)"]
            let scenario: Scenario
            do { scenario = try pointSize.load(path: scenarioPath, overrides: pointOverrides) } catch {
                throw sweptValueError(error, keyPaths: keyPaths)
            }
            points.append(
                PlannedPoint(
                    index: index, seed: pointSeed, keyPaths: keyPaths, values: values, overrides: scenario.overrides,
                    scenario: scenario))
        }
        return SweepPlan(
            scenarioPath: scenarioPath, scenarioName: base.name, design: design, keyPaths: keyPaths, seed: seed,
            seeding: seeding, shard: shard, points: points, totalPoints: allValues.count)
    }

    /// A value the grid gave that the loader refused is the `--grid` argument's fault: say so instead of `--set`.
    static func sweptValueError(_ error: ScenarioError, keyPaths: [String]) -> ScenarioError {
        guard error.file == "--set", let key = error.keyPath,
            keyPaths.contains(where: { key == $0 || key.hasPrefix($0 + ".") || $0.hasPrefix(key + ".") })
        else { return error }
        var renamed = error
        renamed.file = "--grid"
        return renamed
    }

    /// What identifies the sweep as a whole in its store: shards and resumed runs must agree on it.
    public var identity: SweepIdentity {
        SweepIdentity(scenario: scenarioName, design: design.summary, keyPaths: keyPaths, pointCount: totalPoints, seed: seed)
    }
}

/// How a sweep's points are seeded (issue 17).
public enum PointSeeding: String, Sendable, Equatable {
    /// Every point runs with the sweep's seed: common random numbers, as `compare` pairs scenarios. Point i and point
    /// j then meet the same households, covariates and shocks replicate by replicate, so the difference of a metric
    /// between them is the effect of the keys alone, without the sampling noise of two independent runs.
    case common
    /// Each point runs with its own seed (``PointSeed``): points are independent samples (`--independent-seeds`).
    case independent
}

/// What every shard of one sweep shares; two stores with different identities hold different sweeps.
public struct SweepIdentity: Equatable, Sendable, CustomStringConvertible {
    public let scenario: String
    public let design: String
    public let keyPaths: [String]
    public let pointCount: Int
    public let seed: UInt64

    public var description: String {
        "\(scenario), \(design) over \(keyPaths.joined(separator: ", ")), \(pointCount) points, seed \(seed)"
    }
}
