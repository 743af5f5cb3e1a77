import Engine
import Foundation
import Scenarios

/// Refuses, before anything is allocated, a run whose `MemoryEstimate` exceeds the memory available.
///
/// The memory available is `MemAvailable` of /proc/meminfo (what the kernel can give without swapping), or the number
/// of bytes in the environment variable `REPOVERTY_MEMORY_LIMIT` (e.g. `8G`): a job's share of a cluster node, or a
/// test's way to be refused without a huge run. Where neither is known the run is not checked.
enum MemoryCheck {
    static let environmentVariable = "REPOVERTY_MEMORY_LIMIT"

    /// Throws `BadInput` naming the first scenario that cannot fit, how much it needs and how much there is.
    static func check(_ scenarios: [Scenario], threads: Int, vulnerability: Bool = false) throws(BadInput) {
        guard let available = try available() else { return }
        for scenario in scenarios {
            let estimate = MemoryEstimate(scenario.parameters, threads: threads, vulnerability: vulnerability)
            guard estimate.total > available.bytes else { continue }
            let run = scenario.parameters.run
            let largest = [
                ("tallies", estimate.tallies), ("covariates", estimate.covariates), ("metrics", estimate.metrics),
                ("village layout", estimate.layout), ("random streams", estimate.streams),
                ("vulnerability sums", estimate.vulnerability),
            ].max { $0.1 < $1.1 }!
            throw BadInput(
                message: "\(scenario.sourcePath): the run needs about \(format(estimate.total)) of memory"
                    + " (\(run.households) households × \(run.replicates) replicates × \(run.years) years; \(largest.0)"
                    + " \(format(largest.1))), but \(format(available.bytes)) is available (\(available.source));"
                    + " use fewer households, replicates or years")
        }
    }

    /// The bytes available and where the figure comes from, or nil when unknown.
    static func available(environment: [String: String] = ProcessInfo.processInfo.environment) throws(BadInput)
        -> (bytes: Int, source: String)?
    {
        if let text = environment[environmentVariable] {
            guard let bytes = parseBytes(text) else {
                throw BadInput(message: "\(environmentVariable): expected a number of bytes such as 2000000000 or 2G, got '\(text)'")
            }
            return (bytes, environmentVariable)
        }
        guard let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") })
        else { return nil }
        let fields = line.split(separator: " ")
        guard fields.count >= 2, let kibibytes = Int(fields[1]) else { return nil }
        return (kibibytes * 1024, "MemAvailable in /proc/meminfo")
    }

    /// `123`, `64K`, `512M`, `8G`, `1T` (binary multiples; a trailing `B` or `iB` is allowed).
    static func parseBytes(_ text: String) -> Int? {
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

    /// Bytes in the largest binary unit that keeps a number ≥ 1, e.g. `12.3 GiB`.
    static func format(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}
