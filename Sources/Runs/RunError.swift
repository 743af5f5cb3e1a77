import Output

/// Why running a scenario stopped: bad input (exit 2 at the command line) or a failure while running (exit 1).
public enum RunError: Error, Equatable, CustomStringConvertible {
    /// Two scenarios of one command share a name, so their results would share one folder.
    case duplicateName(String)
    /// `REPOVERTY_MEMORY_LIMIT` is not a number of bytes.
    case badMemoryLimit(String)
    /// A run needs more memory than is available (``MemoryCheck``).
    case insufficientMemory(MemoryShortfall)
    /// The observer asked the run to stop; nothing was written.
    case cancelled
    /// The engine failed: the scenario's file and why.
    case simulationFailed(file: String, reason: String)
    /// A results file could not be written: which, and why.
    case cannotWrite(what: String, reason: String)
    /// The output folder cannot be used: unwritable, busy, or holding results of a different run (``OutputFolder``).
    case outputFolder(OutputFolderError)
    /// The output folder cannot take the results of these scenario files (named first in the message).
    case cannotClaim(files: [String], OutputFolderError)

    /// Whether the user can fix it by changing the input (a command exits 2), rather than a failure while running.
    public var isBadInput: Bool {
        switch self {
        case .duplicateName, .badMemoryLimit, .insufficientMemory: true
        case .outputFolder(let error), .cannotClaim(_, let error): error.isBadInput
        case .cancelled, .simulationFailed, .cannotWrite: false
        }
    }

    public var description: String {
        switch self {
        case .duplicateName(let name): "two scenarios are named '\(name)'; their results would share one folder"
        case .badMemoryLimit(let text):
            "\(MemoryCheck.environmentVariable): expected a number of bytes such as 2000000000 or 2G, got '\(text)'"
        case .insufficientMemory(let shortfall):
            "\(shortfall.scenario.sourcePath): the run needs about \(shortfall.estimate.total) bytes of memory, but"
                + " \(shortfall.available.bytes) bytes are available (\(shortfall.available.source))"
        case .cancelled: "the run was stopped before it finished; no results were written"
        case .simulationFailed(let file, let reason): "\(file): the simulation failed: \(reason)"
        case .cannotWrite(let what, let reason): "cannot write \(what): \(reason)"
        case .outputFolder(let error): error.description
        case .cannotClaim(let files, let error):
            "\(files.prefix(3).joined(separator: ", "))\(files.count > 3 ? ", …" : ""): \(error.description)"
        }
    }
}
