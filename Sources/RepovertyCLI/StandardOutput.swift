import Foundation
@preconcurrency import SwiftGlibc  // `stdout` is a C global; reading it here is safe (one thread, at exit)

/// Standard output checked like any other file (issue 13, family 8).
///
/// `print` buffers and never reports a failed write: `repoverty sweep --format csv > /dev/full` lost every row and
/// still exited 0. A script that reads our standard output must be able to trust the exit status, so every command
/// ends by flushing standard output and checking its error flag, and a failure is reported (exit 1).
enum StandardOutput {
    /// Flush standard output; throws when anything written to it since the start could not be written.
    static func finish() throws(RunFailure) {
        let flushed = fflush(stdout) == 0
        let reason = errno
        guard flushed, ferror(stdout) == 0 else {
            // When an earlier, automatic flush failed, the reason is gone with it; only the error flag remains.
            let why = flushed ? "" : " (\(String(cString: strerror(reason))))"
            throw RunFailure(message: "cannot write to standard output\(why): the printed output is incomplete")
        }
    }
}
