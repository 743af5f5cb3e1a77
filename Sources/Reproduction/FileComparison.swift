import Foundation

/// How a re-made output file compares with the one recorded beside its `run.json`: byte for byte, and if not, where.
public enum FileComparison: Equatable, Sendable {
    case identical
    /// The recorded file is not there to compare with.
    case missing
    /// The first line (from 1) at which the files differ, and that line in each (nil past the end of a file).
    case differs(line: Int, recorded: String?, reproduced: String?)

    /// Compares bytes; on a difference, finds the first differing line so the report can show it.
    public static func compare(recorded: Data?, reproduced: Data) -> FileComparison {
        guard let recorded else { return .missing }
        if recorded == reproduced { return .identical }
        let old = lines(recorded), new = lines(reproduced)
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : nil
            let b = index < new.count ? new[index] : nil
            if a != b { return .differs(line: index + 1, recorded: a, reproduced: b) }
        }
        // Same lines but different bytes: only the final line break can differ.
        return .differs(line: max(old.count, 1), recorded: old.last, reproduced: new.last)
    }

    private static func lines(_ data: Data) -> [String] {
        var result = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        if result.last == "" { result.removeLast() }
        return result
    }
}
