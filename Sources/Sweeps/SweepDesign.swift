import Foundation
import Model
import Randomness

/// Which points a sweep visits: the full factorial grid of its axes, or a Latin-hypercube sample of its ranges.
///
/// Points are numbered 0…P−1 in a fixed order that depends only on the arguments, never on threads, shards or
/// completion order: the index is part of each point's seed (``PointSeed``) and of every shard's share (``Shard``).
public enum SweepDesign: Equatable, Sendable {
    /// Every combination of the axes' values; the first axis varies slowest, as in nested loops in the order given.
    case factorial([SweepAxis])
    /// `samples` points over the ranges, stratified in every dimension (McKay, Beckman and Conover 1979), drawn from a
    /// GSL stream keyed by (seed, ``SweepStreamPurpose/latinHypercube``).
    case latinHypercube([SweepRange], samples: Int, seed: UInt64, generator: GeneratorKind)

    /// Builds the design from parsed `--grid` arguments and the optional `--sample N`.
    ///
    /// - Throws: when a key is repeated, when ranges and lists are mixed, or when they do not fit `--sample`.
    public static func make(
        grid: [GridArgument], sample: Int?, seed: UInt64, generator: GeneratorKind = .taus2
    ) throws(SweepArgumentError) -> SweepDesign {
        guard !grid.isEmpty else {
            throw SweepArgumentError(argument: "--grid", value: "", expected: "at least one --grid " + GridArgument.forms)
        }
        var seen = Set<String>()
        for argument in grid where !seen.insert(argument.keyPath).inserted {
            throw SweepArgumentError(argument: "--grid", value: argument.keyPath, expected: "each key in one --grid only")
        }
        if let sample {
            guard sample >= 1 && sample <= 1_000_000 else {
                throw SweepArgumentError(argument: "--sample", value: String(sample), expected: "a number of points from 1 to 1000000")
            }
            let ranges = try grid.map { argument throws(SweepArgumentError) -> SweepRange in
                guard case .range(let range) = argument else {
                    throw SweepArgumentError(
                        argument: "--grid", value: argument.keyPath,
                        expected: "KEY=LOW..HIGH with --sample (a Latin-hypercube sample draws values from intervals)")
                }
                return range
            }
            return .latinHypercube(ranges, samples: sample, seed: seed, generator: generator)
        }
        let axes = try grid.map { argument throws(SweepArgumentError) -> SweepAxis in
            guard case .axis(let axis) = argument else {
                throw SweepArgumentError(
                    argument: "--grid", value: argument.keyPath,
                    expected: "KEY=V1,V2,... or KEY=START:STOP:STEP, or --sample N to sample KEY=LOW..HIGH")
            }
            return axis
        }
        let count = axes.reduce(1.0) { $0 * Double($1.values.count) }
        guard count <= 1_000_000 else {
            throw SweepArgumentError(
                argument: "--grid", value: axes.map(\.keyPath).joined(separator: " × "),
                expected: "at most 1000000 points in the grid, got \(Int(count))")
        }
        return .factorial(axes)
    }

    /// The swept keys, in the order of the `--grid` arguments: the columns of `sweep.csv`.
    public var keyPaths: [String] {
        switch self {
        case .factorial(let axes): axes.map(\.keyPath)
        case .latinHypercube(let ranges, _, _, _): ranges.map(\.keyPath)
        }
    }

    /// How many points the design has.
    public var pointCount: Int {
        switch self {
        case .factorial(let axes): axes.reduce(1) { $0 * $1.values.count }
        case .latinHypercube(_, let samples, _, _): samples
        }
    }

    /// A one-line description for printing and for the store: `factorial 3 × 2` or `latin-hypercube 20`.
    public var summary: String {
        switch self {
        case .factorial(let axes): "factorial " + axes.map { String($0.values.count) }.joined(separator: " × ")
        case .latinHypercube(_, let samples, _, _): "latin-hypercube \(samples)"
        }
    }

    /// Every point's values, in index order: `values[i][k]` is the value of key `k` at point `i`.
    public func values() throws -> [[String]] {
        switch self {
        case .factorial(let axes):
            return (0..<pointCount).map { index in
                var remainder = index
                var row = [String](repeating: "", count: axes.count)
                for k in axes.indices.reversed() {
                    row[k] = axes[k].values[remainder % axes[k].values.count]
                    remainder /= axes[k].values.count
                }
                return row
            }
        case .latinHypercube(let ranges, let samples, let seed, let generator):
            let fractions = try LatinHypercube.fractions(
                samples: samples, dimensions: ranges.count, seed: seed, generator: generator)
            return fractions.map { point in ranges.indices.map { ranges[$0].value(at: point[$0]) } }
        }
    }
}

/// Latin-hypercube sampling on the unit cube.
public enum LatinHypercube {
    /// `samples` points in `dimensions` dimensions: in each dimension, each of the `samples` equal strata holds exactly
    /// one point, placed uniformly inside it; the strata are matched across dimensions by independent random
    /// permutations.
    ///
    /// All draws come from one GSL stream keyed by (seed, ``SweepStreamPurpose/latinHypercube``), dimension by
    /// dimension: first a Fisher–Yates shuffle with `gsl_rng_uniform_int`, then one `gsl_rng_uniform` per point.
    public static func fractions(samples: Int, dimensions: Int, seed: UInt64, generator: GeneratorKind) throws -> [[Double]] {
        let stream = try RandomStream(generator: generator, key: .latinHypercube(seed: seed))
        var points = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: samples)
        for dimension in 0..<dimensions {
            var strata = Array(0..<samples)
            for i in stride(from: samples - 1, to: 0, by: -1) {
                strata.swapAt(i, stream.uniformInt(below: i + 1))
            }
            for point in 0..<samples {
                points[point][dimension] = (Double(strata[point]) + stream.uniform()) / Double(samples)
            }
        }
        return points
    }
}

/// A point's seed, derived from the sweep's seed and the point's index.
///
/// `seed_i = StreamKey.sweepPoint(seed: seed, point: i).mixed`: the key (seed, 200, i), built with every other key in
/// Model/Year/StreamKeys.swift, mixed by the project's documented mixer (MODEL.md §5). Every replicate stream of the
/// point is then keyed from `seed_i` as in any run, so `repoverty run SCENARIO --set KEY=VALUE... --seed seed_i`
/// gives the point's figures exactly, alone, on any machine. Used only with `--independent-seeds`: points then differ in
/// their random numbers as well as their parameters, and seeds of different points are unrelated.
///
/// The mixed key is cut to its low 53 bits, so every derived seed is below 2^53 and is read exactly by every CSV reader
/// that parses numbers as doubles (pandas, R, spreadsheets, JavaScript): `sweep.csv`'s `seed` column re-makes the point.
public enum PointSeed {
    /// Seeds below this are exact as IEEE doubles.
    public static let exactLimit: UInt64 = 1 << 53

    public static func derive(seed: UInt64, point: Int) -> UInt64 {
        StreamKey.sweepPoint(seed: seed, point: point).mixed & (exactLimit - 1)
    }
}

/// `--shard I/N`: a fixed, disjoint share of the points, so N processes together run each point exactly once.
///
/// Shard I takes the points whose index is I modulo N (round robin), so neighbouring points, which often cost about the
/// same, spread across shards.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The whole sweep: shard 0/1.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N` with 0 ≤ I < N.
    public static func parse(_ text: String) throws(SweepArgumentError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw SweepArgumentError(argument: "--shard", value: text, expected: "I/N with whole numbers, e.g. 0/4")
        }
        guard count >= 1, index >= 0, index < count else {
            throw SweepArgumentError(argument: "--shard", value: text, expected: "I/N with N at least 1 and 0 ≤ I < N")
        }
        return Shard(uncheckedIndex: index, count: count)
    }

    public func contains(point: Int) -> Bool { point % count == index }

    public var description: String { "\(index)/\(count)" }
}
