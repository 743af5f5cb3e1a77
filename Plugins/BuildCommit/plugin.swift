import Foundation
import PackagePlugin

/// Writes the commit the package's sources are at into the `BuildInfo` module, at every build (issue 12).
///
/// `run.json` and the sweep store record which program made a result. Reading `git rev-parse` of the current folder
/// when a command runs records the user's folder, not the program: nothing outside a repository, another project's
/// commit inside one. So the commit is read from the package's own folder while it is built and compiled in.
///
/// A prebuild command runs before every build, so a new commit or an edit is always seen; the script replaces the
/// generated file only when its text changes, so an unchanged tree recompiles nothing. What it records:
/// - `git rev-parse HEAD` of the package folder, with `-dirty` when tracked files differ from that commit;
/// - `unknown` when the package is not in a git work tree (a source archive) or git is missing.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = #"""
            set -u
            package=$1; output=$2
            mkdir -p "$output"
            commit=unknown
            if head=$(git -C "$package" rev-parse --verify -q HEAD 2>/dev/null) && [ -n "$head" ]; then
                commit=$head
                git -C "$package" update-index -q --refresh >/dev/null 2>&1
                git -C "$package" diff-index --quiet HEAD -- 2>/dev/null || commit="$head-dirty"
            fi
            text="// Generated at build time by Plugins/BuildCommit; do not edit.
            let generatedCommit = \"$commit\""
            if [ "$(cat "$output/GeneratedCommit.swift" 2>/dev/null)" != "$text" ]; then
                printf '%s\n' "$text" > "$output/GeneratedCommit.swift.tmp"
                mv "$output/GeneratedCommit.swift.tmp" "$output/GeneratedCommit.swift"
            fi
            """#
        return [
            .prebuildCommand(
                displayName: "Recording the commit of \(context.package.directoryURL.path)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output)
        ]
    }
}
