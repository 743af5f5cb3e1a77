import Engine
import Foundation
import Output

/// Combines the stores of a sweep's shards into one store and one `sweep.csv`.
///
/// Every input must hold the same sweep (same ``SweepIdentity``); a point held by several inputs must have the same
/// parameters and, where complete in more than one, the same figures. The merged store is built in a temporary file
/// and renamed into place, so a failed merge leaves no partial output.
public enum SweepMerge {
    /// What a merge found.
    public struct Report: Equatable, Sendable {
        public let identity: SweepIdentity
        public let complete: Int
    }

    /// Merges `inputs` (each a `sweep.sqlite`) into `output` (a `sweep.sqlite`, replaced if it exists).
    ///
    /// - Throws: ``SweepMergeError`` when the inputs disagree or do not cover every point of the sweep.
    ///
    /// - Parameters:
    ///   - force: replace a store at `output` that holds a different sweep; without it that is refused, since merge
    ///     must never silently replace a sweep it did not make (issue 13). A store of the same sweep is replaced.
    ///   - isCancelled: read before each point read or written and before the merged store is moved into place.
    public static func merge(
        inputs: [URL], into output: URL, force: Bool = false, isCancelled: () -> Bool = { false }
    ) throws -> (report: Report, points: [StoredPoint]) {
        do {
            return try mergeStores(inputs: inputs, into: output, force: force, isCancelled: isCancelled)
        } catch is CancellationError {
            throw SweepMergeError.stopped
        }
    }

    private static func mergeStores(
        inputs: [URL], into output: URL, force: Bool, isCancelled: () -> Bool
    ) throws -> (report: Report, points: [StoredPoint]) {
        guard !inputs.isEmpty else { throw SweepMergeError.noInputs }
        var identity: SweepIdentity?
        var merged: [Int: StoredPoint] = [:]
        var source: [Int: String] = [:]
        for input in inputs {
            if isCancelled() { throw SweepMergeError.stopped }
            let store = try SweepStore.open(at: input)
            let found = try store.identity()
            if let identity, identity != found {
                throw SweepMergeError.differentSweeps(first: inputs[0].path, expected: identity.description, input.path, found.description)
            }
            identity = found
            for point in try store.storedPoints(isCancelled: isCancelled) {
                guard let earlier = merged[point.index] else {
                    merged[point.index] = point
                    source[point.index] = input.path
                    continue
                }
                guard earlier.parametersJSON == point.parametersJSON, earlier.values == point.values, earlier.seed == point.seed else {
                    throw SweepMergeError.conflictingPoint(point.index, source[point.index] ?? "", input.path)
                }
                if let a = earlier.metrics, let b = point.metrics, !sameFigures(a, b) {
                    throw SweepMergeError.conflictingPoint(point.index, source[point.index] ?? "", input.path)
                }
                if !earlier.isComplete && point.isComplete {
                    merged[point.index] = point
                    source[point.index] = input.path
                }
            }
            try store.close()
        }
        guard let identity else { throw SweepMergeError.noInputs }
        let missing = (0..<identity.pointCount).filter { merged[$0]?.isComplete != true }
        if !missing.isEmpty { throw SweepMergeError.incomplete(missing: missing, total: identity.pointCount) }

        let points = (0..<identity.pointCount).compactMap { merged[$0] }
        if !force, FileManager.default.fileExists(atPath: output.path),
            !inputs.contains(where: { $0.standardizedFileURL.path == output.standardizedFileURL.path })
        {
            // The same sweep means the same identity and the same parameters at every point the store holds (the
            // identity alone names the design's shape, not its values).
            let existing = try? SweepStore.open(at: output)
            let found = try? existing?.identity()
            let stored = (try? existing?.storedPoints()) ?? []
            try? existing?.close()
            let samePoints = stored.allSatisfy { point in
                merged[point.index].map { $0.parametersJSON == point.parametersJSON } ?? false
            }
            if found != identity || !samePoints {
                let what = found.map { samePoints ? $0.description : "\($0.description), with other values" }
                throw SweepMergeError.wouldReplace(output.path, found: what ?? "not a sweep store")
            }
        }
        if isCancelled() { throw SweepMergeError.stopped }
        let folder = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(output.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            let store = try SweepStore.create(at: temporary, identity: identity)
            try store.insert(points, isCancelled: isCancelled)
            try store.close()
            if isCancelled() { throw SweepMergeError.stopped }
            if rename(temporary.path, output.path) != 0 {
                throw OutputError.cannotRename(from: temporary.path, to: output.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return (Report(identity: identity, complete: points.count), points)
    }

    /// The same rows with the same numbers, NaN equal to NaN (an undefined figure is stored as NULL).
    static func sameFigures(_ a: [SummaryRow], _ b: [SummaryRow]) -> Bool {
        guard a.count == b.count else { return false }
        func same(_ x: Double?, _ y: Double?) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): x == y || (x.isNaN && y.isNaN)
            default: false
            }
        }
        return zip(a, b).allSatisfy { r, s in
            r.metric == s.metric && r.year == s.year && same(r.estimate.mean, s.estimate.mean)
                && same(r.estimate.lower, s.estimate.lower) && same(r.estimate.upper, s.estimate.upper)
                && r.estimate.replicates == s.estimate.replicates
        }
    }
}

/// Why shards could not be merged.
public enum SweepMergeError: Error, Equatable, CustomStringConvertible {
    case noInputs
    case differentSweeps(first: String, expected: String, String, String)
    case conflictingPoint(Int, String, String)
    case incomplete(missing: [Int], total: Int)
    /// The output already holds a different sweep (or another file), and `--force` was not given.
    case wouldReplace(String, found: String)
    /// A signal asked merge to stop; nothing was written.
    case stopped

    public var description: String {
        switch self {
        case .noInputs: "no sweep folders to merge"
        case .differentSweeps(let first, let expected, let other, let found):
            "\(other) holds a different sweep (\(found)) from \(first) (\(expected))"
        case .conflictingPoint(let point, let a, let b):
            "point \(point) differs between \(a) and \(b); they were not made by the same sweep and program"
        case .incomplete(let missing, let total):
            "\(missing.count) of \(total) points are missing or unfinished (points "
                + missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
                + "); finish those shards (sweep --shard I/N --resume) and merge again"
        case .wouldReplace(let path, let found):
            "\(path) already holds a different sweep (\(found)); nothing was merged. Choose another --output, or give"
                + " --force to replace it"
        case .stopped: "merge was stopped before it finished; nothing was written"
        }
    }
}
