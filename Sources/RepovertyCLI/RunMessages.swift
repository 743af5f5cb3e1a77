import Foundation
import Runs

extension RunError {
    /// The error a command exits with: bad input (2), or a failure or interruption while running (1), with the message
    /// people read.
    var commandError: any Error {
        switch self {
        case .cancelled: Interruption.shared.failure()
        case .insufficientMemory(let shortfall): BadInput(message: RunMessages.memory(shortfall))
        default: isBadInput ? BadInput(message: description) : RunFailure(message: description)
        }
    }
}

/// How a command words what the library reports in numbers.
enum RunMessages {
    /// Which scenario cannot fit, how much it needs (and its largest part), how much there is and what to do.
    static func memory(_ shortfall: MemoryShortfall) -> String {
        let run = shortfall.scenario.parameters.run
        let largest = shortfall.largestTerm
        return "\(shortfall.scenario.sourcePath): the run needs about \(format(shortfall.estimate.total)) of memory"
            + " (\(run.households) households × \(run.replicates) replicates × \(run.years) years; \(largest.name)"
            + " \(format(largest.bytes))), but \(format(shortfall.available.bytes)) is available"
            + " (\(shortfall.available.source)); use fewer households, replicates or years"
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
