import Foundation
import XCTest

/// `sensitivity --shard I/N`, `merge` of its shards and `--slurm` (issue 16): the shards merge to the same bytes as
/// the analysis run whole, and shards that do not belong together are refused, naming the folders and what differs.
final class SensitivityShardTests: XCTestCase {
    let size = ["--households", "300", "--replicates", "3", "--years", "2", "--threads", "2"]
    let keys = "interventions.dibao.standard,interventions.medicalInsurance.threshold,economy.farming.cropValuePerMu"

    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// One-at-a-time (three shards, so the base run and each key's sides fall in different shards) and the
    /// uncertainty form against a baseline (two shards, given in reverse order): merged, every table is the same bytes
    /// as the whole analysis's, and the base run's summary too. A shard writes no table.
    func testShardsMergeToTheSameBytesAsTheWholeAnalysis() throws {
        let folder = try Executable.temporaryDirectory(self)
        let forms: [(name: String, arguments: [String], shards: Int, files: [String])] = [
            ("oat", ["scenarios/baseline.yaml", "--keys", keys], 3, ["sensitivity.csv", "baseline/summary.csv", "baseline/replicates.csv"]),
            ("unc", ["scenarios/dibao-expansion.yaml", "--against", "scenarios/baseline.yaml", "--uncertainty", "6"], 2,
             ["uncertainty.csv", "uncertainty-samples.csv", "prcc.csv", "dibao-expansion/summary.csv", "baseline/summary.csv"]),
        ]
        for form in forms {
            let whole = folder.appendingPathComponent("\(form.name)-whole")
            let run = try Executable.run(["sensitivity"] + form.arguments + size + ["--output", whole.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.standardError)
            var shards: [String] = []
            for index in 0..<form.shards {
                let shard = folder.appendingPathComponent("\(form.name)-\(index)")
                let ran = try Executable.run(
                    ["sensitivity"] + form.arguments + size + ["--output", shard.path, "--shard", "\(index)/\(form.shards)"])
                XCTAssertEqual(ran.status, 0, ran.standardError)
                XCTAssertTrue(ran.standardOutput.contains("no sensitivity.csv until `repoverty merge`"), ran.standardOutput)
                XCTAssertEqual(
                    try FileManager.default.contentsOfDirectory(atPath: shard.path).filter { !$0.hasPrefix(".") },
                    ["sensitivity.sqlite"], "a shard writes its store only")
                shards.append(shard.path)
            }
            let merged = folder.appendingPathComponent("\(form.name)-merged")
            let merge = try Executable.run(["merge"] + shards.reversed() + ["--output", merged.path])
            XCTAssertEqual(merge.status, 0, merge.standardError)
            XCTAssertTrue(merge.standardOutput.contains("merged \(form.shards) stores"), merge.standardOutput)
            for file in form.files {
                XCTAssertEqual(try read(merged, file), try read(whole, file), "\(form.name): \(file)")
            }
            // The merged store is the whole analysis's: --resume in its folder runs nothing and gives the same bytes.
            let resumed = try Executable.run(["sensitivity"] + form.arguments + size + ["--output", merged.path, "--resume"])
            XCTAssertEqual(resumed.status, 0, resumed.standardError)
            XCTAssertTrue(resumed.standardOutput.contains("of the runs were kept by an earlier"), resumed.standardOutput)
            XCTAssertEqual(try read(merged, form.files[0]), try read(whole, form.files[0]))
        }

        // A shard into the folder of a whole analysis is refused: its files would outlive the runs of its store.
        let intoWhole = try Executable.run(
            ["sensitivity", "scenarios/baseline.yaml", "--keys", keys] + size
                + ["--output", folder.appendingPathComponent("oat-whole").path, "--shard", "0/2"])
        XCTAssertEqual(intoWhole.status, 2, intoWhole.standardError)
        XCTAssertTrue(intoWhole.standardError.contains("give each shard a folder of its own"), intoWhole.standardError)
        XCTAssertEqual(try read(folder.appendingPathComponent("oat-whole"), "sensitivity.csv"),
                       try read(folder.appendingPathComponent("oat-merged"), "sensitivity.csv"))

        // A shard missing: the runs are named, nothing is written (exit 2).
        let partial = folder.appendingPathComponent("partial")
        let incomplete = try Executable.run(["merge", folder.appendingPathComponent("oat-0").path, "--output", partial.path])
        XCTAssertEqual(incomplete.status, 2, incomplete.standardError)
        XCTAssertTrue(incomplete.standardError.contains("4 of 7 runs are missing (interventions.dibao.standard low, interventions.dibao.standard high"), incomplete.standardError)
        XCTAssertTrue(incomplete.standardError.contains("sensitivity --shard I/N --resume"), incomplete.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial.appendingPathComponent("sensitivity.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial.appendingPathComponent("sensitivity.csv").path))

        // Shards of two analyses: both folders and what differs are named.
        let mixed = try Executable.run(
            ["merge", folder.appendingPathComponent("oat-0").path, folder.appendingPathComponent("unc-1").path,
             "--output", folder.appendingPathComponent("mixed").path])
        XCTAssertEqual(mixed.status, 2, mixed.standardError)
        for text in ["oat-0/sensitivity.sqlite", "unc-1/sensitivity.sqlite", "holds a different sensitivity analysis",
                     "the scenario (", "--uncertainty (none and 6)"] {
            XCTAssertTrue(mixed.standardError.contains(text), "\(text): \(mixed.standardError)")
        }
        // A sweep's shard and an analysis's shard: refused, naming both.
        let sweep = folder.appendingPathComponent("sweep")
        XCTAssertEqual(try Executable.run(
            ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,4500", "--households", "300",
             "--replicates", "2", "--years", "2", "--output", sweep.path, "--quiet"]).status, 0)
        let both = try Executable.run(["merge", folder.appendingPathComponent("oat-1").path, sweep.path, "--output", partial.path])
        XCTAssertEqual(both.status, 2, both.standardError)
        XCTAssertTrue(both.standardError.contains("\(sweep.path) is not a sensitivity shard"), both.standardError)
        XCTAssertTrue(both.standardError.contains("oat-1 is"), both.standardError)
    }

    /// --plan with --shard prints the shard's share of the runs, and runs nothing.
    func testThePlanOfAShardCountsItsShare() throws {
        let folder = try Executable.temporaryDirectory(self).appendingPathComponent("plan")
        let plan = try Executable.run(
            ["sensitivity", "scenarios/baseline.yaml", "--keys", keys, "--plan", "--shard", "1/2", "--output", folder.path] + size)
        XCTAssertEqual(plan.status, 0, plan.standardError)
        // 7 runs (the base, 2 × 3 sides): shard 1/2 takes runs 1, 3 and 5.
        XCTAssertTrue(
            plan.standardOutput.contains("baseline, shard 1/2: at most 3 of the analysis's 7 runs of 300 households"),
            plan.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "--plan runs nothing")
        let bad = try Executable.run(["sensitivity", "scenarios/baseline.yaml", "--shard", "2/2", "--plan"] + size)
        XCTAssertEqual(bad.status, 2, bad.standardError)
        XCTAssertTrue(bad.standardError.contains("--shard"), bad.standardError)
    }

    /// --slurm writes an array job whose task I runs shard I/N and a merge job; run by hand as Slurm would (each task
    /// with its SLURM_ARRAY_TASK_ID, then the merge), they give the whole analysis's bytes.
    func testTheSlurmScriptsRunTheShardsAndTheMerge() throws {
        let folder = try Executable.temporaryDirectory(self)
        let arguments = ["sensitivity", "scenarios/baseline.yaml", "--keys", keys] + size
        let whole = folder.appendingPathComponent("whole")
        XCTAssertEqual(try Executable.run(arguments + ["--output", whole.path, "--quiet"]).status, 0)
        let output = folder.appendingPathComponent("cluster")
        let slurm = try Executable.run(arguments + ["--output", output.path, "--slurm", "--tasks", "2", "--sbatch", "--time=00:10:00"])
        XCTAssertEqual(slurm.status, 0, slurm.standardError)
        XCTAssertTrue(slurm.standardOutput.contains("7 runs in 2 array tasks"), slurm.standardOutput)
        let array = try read(output, "slurm/sensitivity.sbatch")
        for text in ["#SBATCH --array=0-1", "#SBATCH --time=00:10:00", " sensitivity ", "--shard \"$shard/2\" --resume",
                     "--keys \(keys)", "--households 300"] {
            XCTAssertTrue(array.contains(text), "\(text): \(array)")
        }
        XCTAssertFalse(array.contains("--threads 2"), "each task takes --cpus-per-task threads")
        let merge = try read(output, "slurm/merge.sbatch")
        XCTAssertTrue(merge.contains(" merge "), merge)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("sensitivity.sqlite").path))
        for task in 0..<2 {
            let ran = try Executable.run(
                ["-c", "bash " + output.appendingPathComponent("slurm/sensitivity.sbatch").path],
                environment: ["SLURM_ARRAY_TASK_ID": String(task)], executable: "/bin/sh")
            XCTAssertEqual(ran.status, 0, ran.standardError)
        }
        let merged = try Executable.run(
            ["-c", "bash " + output.appendingPathComponent("slurm/merge.sbatch").path], executable: "/bin/sh")
        XCTAssertEqual(merged.status, 0, merged.standardError)
        XCTAssertEqual(try read(output, "sensitivity.csv"), try read(whole, "sensitivity.csv"))
    }
}
