import Foundation
import Randomness

/// A figure across replicates: mean and the 95 % interval mean ± t₀.₉₇₅,R−1 · sd/√R, sd with R − 1 (Student t,
/// MODEL.md §7, which replaces §1's 1.96: at the few replicates of a sweep or calibration the normal interval is far
/// too narrow — 6.5 times at R = 2). With one replicate there is no interval: `lower` and `upper` are nil and the CSV
/// files leave `lo95` and `hi95` empty.
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
            let halfWidth = Self.multiplier(replicates: defined.count) * (variance / Double(defined.count)).squareRoot()
            lower = mean - halfWidth
            upper = mean + halfWidth
        } else {
            lower = nil
            upper = nil
        }
    }

    /// The multiplier of sd/√R in a 95 % interval over `replicates` replicates: Student's t quantile t₀.₉₇₅ with
    /// R − 1 degrees of freedom, by GSL's `gsl_cdf_tdist_Pinv` (12.706 at R = 2, 2.262 at R = 10, 1.984 at R = 100);
    /// NaN below two replicates, where there is no interval.
    public static func multiplier(replicates: Int) -> Double {
        GSLFunctions.studentTQuantile(0.975, degreesOfFreedom: replicates - 1)
    }
}
