import Foundation

/// A figure across replicates: mean and the 95 % interval mean ± 1.96·sd/√R, sd with R − 1 (MODEL.md §1).
public struct ReplicateEstimate: Equatable, Sendable {
    public let mean: Double
    /// nil when fewer than two replicates define the figure.
    public let lower: Double?
    public let upper: Double?
    /// Replicates in which the figure is defined (a poverty gap needs at least one poor household).
    public let replicates: Int

    /// An estimate computed elsewhere (a ratio of means, say).
    public init(mean: Double, lower: Double?, upper: Double?, replicates: Int) {
        self.mean = mean
        self.lower = lower
        self.upper = upper
        self.replicates = replicates
    }

    /// The estimate from per-replicate values; `nil` entries (undefined in that replicate) are left out.
    public init(_ values: [Double?]) {
        let defined = values.compactMap { $0 }
        replicates = defined.count
        guard !defined.isEmpty else {
            mean = .nan
            lower = nil
            upper = nil
            return
        }
        let mean = defined.reduce(0, +) / Double(defined.count)
        self.mean = mean
        if defined.count > 1 {
            let variance = defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(defined.count - 1)
            let halfWidth = 1.96 * (variance / Double(defined.count)).squareRoot()
            lower = mean - halfWidth
            upper = mean + halfWidth
        } else {
            lower = nil
            upper = nil
        }
    }
}
