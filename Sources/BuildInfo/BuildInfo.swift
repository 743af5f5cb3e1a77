/// Facts about this build of the program, fixed when it was compiled (issue 12).
public enum BuildInfo {
    /// The commit of the sources this binary was built from: 40 hex digits, `-dirty` appended when tracked files had
    /// uncommitted changes, or `unknown` when it was built outside a git work tree. Written by the `BuildCommit`
    /// plugin at build time, never read from the folder a command runs in.
    public static let commit: String = generatedCommit
}
