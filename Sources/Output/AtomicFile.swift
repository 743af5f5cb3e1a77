import Foundation

/// Writes a file so that readers see either the old file or the complete new one, never a part.
///
/// The bytes go to a temporary file in the same folder (so the rename stays on one file system), are flushed, and
/// the temporary file is renamed over the destination. On any error the temporary file is removed.
public enum AtomicFile {
    public static func write(_ contents: String, to url: URL) throws {
        try write(Data(contents.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw OutputError.cannotRename(from: temporary.path, to: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// Failures while writing results.
public enum OutputError: Error, CustomStringConvertible {
    case cannotRename(from: String, to: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRename(let from, let to, let reason): "cannot move \(from) into place as \(to): \(reason)"
        }
    }
}
