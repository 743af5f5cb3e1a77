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
}
