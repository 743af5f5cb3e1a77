import Engine
import Foundation
import Scenarios

/// Refuses, before anything is allocated, a run whose `MemoryEstimate` exceeds the memory available.
///
/// The memory available is `MemAvailable` of /proc/meminfo (what the kernel can give without swapping), or the number
/// of bytes in the environment variable `REPOVERTY_MEMORY_LIMIT` (e.g. `8G`): a job's share of a cluster node, or a
/// test's way to be refused without a huge run. Where neither is known the run is not checked.
public enum MemoryCheck {
    public static let environmentVariable = "REPOVERTY_MEMORY_LIMIT"

    /// The bytes a run may use and where that figure comes from.
    public struct Available: Equatable, Sendable {
        public let bytes: Int
        /// `REPOVERTY_MEMORY_LIMIT` or `MemAvailable in /proc/meminfo`.
        public let source: String
    }

    /// Throws ``RunError/insufficientMemory(_:)`` for the first scenario that cannot fit.
    public static func check(
        _ scenarios: [Scenario], threads: Int, vulnerability: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RunError) {
        guard let available = try available(environment: environment) else { return }
        for scenario in scenarios {
            let estimate = MemoryEstimate(
                scenario.parameters, threads: threads, vulnerability: vulnerability,
                subpopulations: scenario.subpopulations.count)
            if estimate.total > available.bytes {
                throw .insufficientMemory(MemoryShortfall(scenario: scenario, estimate: estimate, available: available))
            }
        }
    }

    /// The bytes available and where the figure comes from, or nil when unknown.
    public static func available(environment: [String: String] = ProcessInfo.processInfo.environment) throws(RunError)
        -> Available?
    {
        if let text = environment[environmentVariable] {
            guard let bytes = parseBytes(text) else { throw .badMemoryLimit(text) }
            return Available(bytes: bytes, source: environmentVariable)
        }
        guard let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") })
        else { return nil }
        let fields = line.split(separator: " ")
        guard fields.count >= 2, let kibibytes = Int(fields[1]) else { return nil }
        return Available(bytes: kibibytes * 1024, source: "MemAvailable in /proc/meminfo")
    }

    /// `123`, `64K`, `512M`, `8G`, `1T` (binary multiples; a trailing `B` or `iB` is allowed).
    public static func parseBytes(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) { digits.removeLast(suffix.count) }
        let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var multiplier = 1
        if let last = digits.last, let found = multipliers[last] {
            multiplier = found
            digits.removeLast()
        }
        guard let number = Double(digits), number.isFinite, number >= 0 else { return nil }
        let bytes = number * Double(multiplier)
        return bytes < Double(Int.max) ? Int(bytes) : Int.max
    }
}

/// A scenario whose run would not fit: what it needs, term by term, and what there is.
public struct MemoryShortfall: Equatable, Sendable {
    public let scenario: Scenario
    public let estimate: MemoryEstimate
    public let available: MemoryCheck.Available

    /// The estimate's largest term, named: what to make smaller.
    public var largestTerm: (name: String, bytes: Int) {
        [
            ("tallies", estimate.tallies), ("covariates", estimate.covariates), ("metrics", estimate.metrics),
            ("village layout", estimate.layout), ("random streams", estimate.streams),
            ("vulnerability sums", estimate.vulnerability),
        ].max { $0.1 < $1.1 }!
    }
}
