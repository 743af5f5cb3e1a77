import XCTest

@testable import Sweeps

/// The sbatch scripts: task I runs shard I/N, the merge job lists every shard, and arguments survive the shell.
final class SlurmScriptsTests: XCTestCase {
    let scripts = SlurmScripts(
        executable: "/opt/repoverty/bin/repoverty",
        sweepArguments: ["/data/scen.yaml", "--grid", "shocks.wages.schedule=[1,0.7],[1, 0.5]", "--set", "a.b=it's"],
        output: "/data/out", workingDirectory: "/data", tasks: 3, cpusPerTask: 2, options: ["--partition=short"],
        jobName: "repoverty-scen")

    func testArrayTaskRunsItsShard() {
        let text = scripts.arrayScript
        XCTAssertTrue(text.hasPrefix("#!/bin/bash\n"))
        XCTAssertTrue(text.contains("#SBATCH --array=0-2\n"))
        XCTAssertTrue(text.contains("#SBATCH --cpus-per-task=2\n"))
        XCTAssertTrue(text.contains("#SBATCH --partition=short\n"))
        XCTAssertTrue(text.contains("shard=\"${SLURM_ARRAY_TASK_ID:?"))
        XCTAssertTrue(text.contains("--shard \"$shard/3\" --resume --quiet"))
        XCTAssertTrue(text.contains("--output /data/out/shards/\"$shard\""))
        XCTAssertTrue(text.contains("'shocks.wages.schedule=[1,0.7],[1, 0.5]'"))
        XCTAssertTrue(text.contains("'a.b=it'\\''s'"))
    }

    func testMergeWaitsForTheArrayAndNamesEveryShard() {
        XCTAssertTrue(
            scripts.mergeScript.contains(
                "merge /data/out/shards/0 /data/out/shards/1 /data/out/shards/2 --quiet --output /data/out\n"))
        XCTAssertTrue(scripts.submitScript.contains("--dependency=afterok:\"$array\""))
    }

    /// bash reads the quoted words back as the original arguments.
    func testQuotingRoundTripsThroughBash() throws {
        let words = ["plain", "with space", "it's", "[1,0.7]", "$HOME", "a\"b", ""]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "printf '%s\\n' " + words.map(SlurmScripts.quote).joined(separator: " ")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(output, words.map { $0 + "\n" }.joined())
    }

    /// Hostile names: no value the user chose can end a line of a script and start a command on the cluster.
    func testALineBreakInAnyNameIsRefusedBeforeAnythingIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(output: String, working: String, arguments: [String], options: [String], what: String)] = [
            ("/data/out\ntouch /tmp/pwned", "/data", ["/data/s.yaml"], [], "the sweep's output folder"),
            ("/data/out", "/data\rrm -rf ~", ["/data/s.yaml"], [], "the working folder"),
            ("/data/out", "/data", ["/data/s\n$(reboot).yaml"], [], "a sweep argument"),
            ("/data/out", "/data", ["/data/s.yaml"], ["--time=1:00\nreboot"], "the --sbatch option"),
        ]
        for one in cases {
            let scripts = SlurmScripts(
                executable: "/bin/repoverty", sweepArguments: one.arguments, output: one.output,
                workingDirectory: one.working, tasks: 2, cpusPerTask: 1, options: one.options, jobName: "repoverty-s")
            XCTAssertThrowsError(try scripts.write(into: folder)) { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix(one.what), message)
                XCTAssertTrue(message.contains("\\u{a}") || message.contains("\\u{d}"), message)
                XCTAssertFalse(message.contains("\n"), "the message itself holds a line break: \(message)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "something was written for \(one.what)")
        }
    }

    func testHostileButPrintableNamesAreQuotedAndTheJobNameCleaned() throws {
        let scripts = SlurmScripts(
            executable: "/opt/my tools/repoverty", sweepArguments: ["/data/my $(id) `x`.yaml", "--set", "a=\"b\""],
            output: "/data/out dir/\"q\"", workingDirectory: "/data/work dir", tasks: 2, cpusPerTask: 1,
            options: ["--comment=two words"], jobName: "repoverty-my $(id) `x`")
        XCTAssertEqual(scripts.unsafeValues, [])
        let array = scripts.arrayScript
        XCTAssertTrue(array.contains("#SBATCH --job-name=repoverty-my___id___x_\n"), array)
        XCTAssertTrue(array.contains("#SBATCH --chdir=\"/data/work dir\"\n"), array)
        XCTAssertTrue(array.contains("#SBATCH --output=\"/data/out dir/\\\"q\\\"/slurm/logs/sweep-%A_%a.out\"\n"), array)
        XCTAssertTrue(array.contains("exec '/opt/my tools/repoverty' sweep '/data/my $(id) `x`.yaml' --set 'a=\"b\"'"), array)
        // Every script is valid bash, and its only commands are the ones written on purpose.
        for text in [array, scripts.mergeScript, scripts.submitScript] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-n", "-c", text]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, text)
        }
        let commands = (array + scripts.mergeScript).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? "" }
        XCTAssertEqual(Set(commands), ["set", "shard=\"${SLURM_ARRAY_TASK_ID:?this", "exec", "--threads", "--output"])
    }

    func testDirectiveValuesAndJobNames() {
        XCTAssertEqual(SlurmScripts.directiveValue("/plain/path"), "/plain/path")
        XCTAssertEqual(SlurmScripts.directiveValue("a b"), "\"a b\"")
        XCTAssertEqual(SlurmScripts.directiveValue("a\\b\"c"), "\"a\\\\b\\\"c\"")
        XCTAssertEqual(SlurmScripts.jobName(""), "repoverty")
        XCTAssertEqual(SlurmScripts.jobName("repoverty-a\nb"), "repoverty-a_b")
    }
}
