import Foundation
import XCTest

/// `repoverty sweep`, `merge` and `plan` as a shell script uses them: rows, shards, resume, formats, exit codes.
final class SweepCommandTests: XCTestCase {
    /// The acceptance sweep, with fewer households to stay quick in a debug build.
    let sweep = [
        "sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,4500,5000", "--grid",
        "shocks.flood.probability=0.02,0.1", "--replicates", "2", "--households", "400", "--years", "3",
    ]

    func testWholeShardedAndInterruptedSweepsGiveTheSameSixRows() throws {
        let folder = try Executable.temporaryDirectory(self)
        let whole = try Executable.run(sweep + ["--output", folder.appendingPathComponent("whole").path])
        XCTAssertEqual(whole.status, 0, whole.standardError)
        XCTAssertTrue(whole.standardOutput.contains("reference: 6 points"), whole.standardOutput)
        let expected = try String(contentsOf: folder.appendingPathComponent("whole/sweep.csv"), encoding: .utf8)
        let lines = expected.split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        XCTAssertTrue(lines[0].hasPrefix("point,seed,interventions.dibao.standard,shocks.flood.probability,"))
        XCTAssertTrue(lines[0].contains(",cumulative_repoverty_rate,cumulative_repoverty_rate_lo95,cumulative_repoverty_rate_hi95,"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("whole/sweep.sqlite").path))

        for shard in ["0/2", "1/2"] {
            let part = try Executable.run(
                sweep + ["--shard", shard, "--quiet", "--output", folder.appendingPathComponent("s\(shard.first!)").path])
            XCTAssertEqual(part.status, 0, part.standardError)
            XCTAssertEqual(part.standardOutput, "", "--quiet prints nothing")
        }
        let merge = try Executable.run(
            ["merge", folder.appendingPathComponent("s0").path, folder.appendingPathComponent("s1/sweep.sqlite").path,
             "--output", folder.appendingPathComponent("merged").path, "--format", "csv"])
        XCTAssertEqual(merge.status, 0, merge.standardError)
        XCTAssertEqual(merge.standardOutput, expected, "--format csv prints exactly the rows")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("merged/sweep.csv"), encoding: .utf8), expected)

        let resumed = folder.appendingPathComponent("resumed").path
        let stopped = try Executable.run(sweep + ["--output", resumed, "--stop-after-points", "2", "--quiet"])
        XCTAssertEqual(stopped.status, 1)
        XCTAssertTrue(stopped.standardError.contains("2 of 6 points complete"), stopped.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: resumed + "/sweep.csv"), "no table until the sweep is complete")
        let again = try Executable.run(sweep + ["--output", resumed])
        XCTAssertEqual(again.status, 2, "an existing store without --resume is refused")
        XCTAssertTrue(again.standardError.contains("--resume"), again.standardError)
        let finished = try Executable.run(sweep + ["--output", resumed, "--resume", "--format", "json"])
        XCTAssertEqual(finished.status, 0, finished.standardError)
        XCTAssertTrue(finished.standardError.contains("4 run now, 2 already complete"), finished.standardError)
        XCTAssertEqual(try String(contentsOf: URL(fileURLWithPath: resumed + "/sweep.csv"), encoding: .utf8), expected)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(finished.standardOutput.utf8)) as? [[String: Any]])
        XCTAssertEqual(json.count, 6)
        XCTAssertEqual((json[3]["values"] as? [String: Any])?["interventions.dibao.standard"] as? Double, 4500)
        XCTAssertNotNil((json[3]["metrics"] as? [String: Any])?["cumulative_repoverty_rate"] as? [String: Any])

        // A point re-run alone with its seed gives its row's figures.
        let point = lines[4].split(separator: ",", omittingEmptySubsequences: false)
        let alone = try Executable.run(
            ["run", "scenarios/reference.yaml", "--replicates", "2", "--households", "400", "--years", "3", "--seed",
             String(point[1]), "--set", "interventions.dibao.standard=\(point[2])", "--set", "shocks.flood.probability=\(point[3])",
             "--quiet", "--output", folder.appendingPathComponent("alone").path])
        XCTAssertEqual(alone.status, 0, alone.standardError)
        let summary = try String(contentsOf: folder.appendingPathComponent("alone/reference/summary.csv"), encoding: .utf8)
        let rate = try XCTUnwrap(summary.split(separator: "\n").first { $0.hasPrefix("reference,cumulative_repoverty_rate,,") })
        let fields = rate.split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(Array(fields[3...5]), Array(point[7...9]), "cumulative_repoverty_rate mean, lo95, hi95")
    }

    /// Points share the sweep's seed by default, so a key that only prices training leaves every household's path, and
    /// so the re-poverty rate, exactly the same at every point; --independent-seeds gives each point its own seed,
    /// below 2^53 so that every CSV reader keeps it exact (issue 17).
    func testPointsArePairedByDefaultAndIndependentOnRequest() throws {
        let folder = try Executable.temporaryDirectory(self)
        let arguments = [
            "sweep", "scenarios/baseline.yaml", "--grid", "interventions.training.costPerTrainee=1000,3000",
            "--replicates", "2", "--households", "400", "--years", "2", "--seed", "18446744073709551615", "--quiet",
        ]
        func rows(_ name: String, _ extra: [String]) throws -> [[String: String]] {
            let result = try Executable.run(arguments + extra + ["--output", folder.appendingPathComponent(name).path])
            XCTAssertEqual(result.status, 0, result.standardError)
            let lines = try String(contentsOf: folder.appendingPathComponent("\(name)/sweep.csv"), encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        }
        let paired = try rows("paired", [])
        XCTAssertEqual(paired.map { $0["seed"] }, ["18446744073709551615", "18446744073709551615"])
        XCTAssertEqual(paired[0]["cumulative_repoverty_rate"], paired[1]["cumulative_repoverty_rate"])
        XCTAssertNotEqual(paired[0]["cost_total"], paired[1]["cost_total"], "the key did reach the run")

        let independent = try rows("independent", ["--independent-seeds"])
        let seeds = independent.compactMap { $0["seed"].flatMap(UInt64.init) }
        XCTAssertEqual(seeds.count, 2)
        XCTAssertNotEqual(seeds[0], seeds[1])
        for seed in seeds {
            XCTAssertLessThan(seed, 1 << 53)
            XCTAssertEqual(UInt64(exactly: Double(seed)), seed, "a reader parsing doubles keeps the seed")
        }
        XCTAssertNotEqual(independent[0]["cumulative_repoverty_rate"], independent[1]["cumulative_repoverty_rate"])
    }

    /// `--progress json` on a sweep: a start line, one progress line per point, a finish line, on standard error.
    func testProgressJSONLinesOverThePoints() throws {
        let folder = try Executable.temporaryDirectory(self)
        let result = try Executable.run(
            ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,4500,5000", "--replicates", "2",
             "--households", "300", "--years", "2", "--progress", "json", "--output", folder.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let events = try result.standardError.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(events.map { $0["event"] as? String }, ["start", "progress", "progress", "progress", "finish"])
        XCTAssertEqual(events.map { $0["total"] as? Int }, [3, 3, 3, 3, 3])
        XCTAssertEqual(events.dropFirst().dropLast().map { $0["completed"] as? Int }, [1, 2, 3])
        XCTAssertEqual(events[1]["scenario"] as? String, "reference sweep")
        XCTAssertNotNil(events[1]["etaSeconds"] as? Double)
    }

    func testMalformedArgumentsAreBadInputAndWriteNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let output = folder.appendingPathComponent("out").path
        let cases: [([String], String)] = [
            (["--grid", "interventions.dibao.standard"], "--grid"),
            (["--grid", "shocks.flood.probability=0.1:0.05:0.01"], "START not above STOP"),
            (["--grid", "shocks.flood.probability=0.1,1.5"], "--grid: shocks.flood.probability"),
            (["--grid", "a.b=1", "--shard", "2/2"], "--shard"),
            (["--grid", "shocks.flood.probability=0.1..0.2"], "--sample"),
            (["--grid", "shocks.flood.probability=0.1,0.2", "--sample", "4"], "LOW..HIGH"),
        ]
        for (arguments, expected) in cases {
            let result = try Executable.run(["sweep", "scenarios/reference.yaml"] + arguments + ["--output", output])
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains(expected), "\(arguments): \(result.standardError)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), "\(arguments) wrote output")
        }
        let merge = try Executable.run(["merge", folder.path + "/none", "--output", output])
        XCTAssertEqual(merge.status, 2, merge.standardError)
    }

    func testPlanAndSlurmScriptsRunNothing() throws {
        let folder = try Executable.temporaryDirectory(self)
        let plan = try Executable.run(
            ["plan", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000:5000:500", "--grid",
             "shocks.flood.probability=0.02,0.1", "--replicates", "2", "--households", "400", "--years", "3"])
        XCTAssertEqual(plan.status, 0, plan.standardError)
        XCTAssertTrue(plan.standardOutput.contains("points:            6\n"), plan.standardOutput)
        XCTAssertTrue(plan.standardOutput.contains("(12 replicate runs)"), plan.standardOutput)
        XCTAssertTrue(plan.standardOutput.contains("household-years:   19200\n"), plan.standardOutput)
        XCTAssertTrue(plan.standardOutput.contains("household-years/s"), plan.standardOutput)

        let output = folder.appendingPathComponent("cluster").path
        let slurm = try Executable.run(
            ["sweep", "scenarios/reference.yaml", "--grid", "shocks.flood.probability=0.01..0.2", "--sample", "5",
             "--output", output, "--slurm", "--tasks", "2", "--sbatch", "--time=00:10:00"])
        XCTAssertEqual(slurm.status, 0, slurm.standardError)
        XCTAssertTrue(slurm.standardOutput.contains("--dependency=afterok:"), slurm.standardOutput)
        let array = try String(contentsOf: URL(fileURLWithPath: output + "/slurm/sweep.sbatch"), encoding: .utf8)
        XCTAssertTrue(array.contains("#SBATCH --array=0-1\n"), array)
        XCTAssertTrue(array.contains("#SBATCH --time=00:10:00\n"), array)
        XCTAssertTrue(array.contains("--sample 5"), array)
        XCTAssertTrue(array.contains(Executable.packageRoot.appendingPathComponent("scenarios/reference.yaml").path), array)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/sweep.sqlite"), "--slurm runs nothing")
    }

    /// A Latin-hypercube sweep writes prcc.csv beside sweep.csv (issue 16); its shards do not, their merge does, with
    /// the same bytes as the whole; a grid writes none.
    func testSampledSweepWritesPRCCAndMergeRemakesIt() throws {
        let folder = try Executable.temporaryDirectory(self)
        let sampled = [
            "sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=3000..7000", "--grid",
            "shocks.flood.probability=0.01..0.2", "--sample", "12", "--replicates", "2", "--households", "300",
            "--years", "3", "--quiet",
        ]
        let whole = try Executable.run(sampled + ["--output", folder.appendingPathComponent("whole").path])
        XCTAssertEqual(whole.status, 0, whole.standardError)
        let prcc = try String(contentsOf: folder.appendingPathComponent("whole/prcc.csv"), encoding: .utf8)
        let lines = prcc.split(separator: "\n")
        XCTAssertEqual(lines.first, "metric,key,source,prcc,prcc_lo95,prcc_hi95,points")
        XCTAssertEqual(lines.count, 1 + 9 * 2, "every headline metric against both sampled keys")
        let standard = try XCTUnwrap(lines.first { $0.hasPrefix("cumulative_repoverty_rate,interventions.dibao.standard,assumed,") })
        XCTAssertTrue(standard.hasSuffix(",12"), String(standard))
        let value = try XCTUnwrap(Double(standard.split(separator: ",")[3]))
        XCTAssertLessThan(value, 0, "a higher dibao standard lowers re-poverty")

        for shard in ["0/2", "1/2"] {
            let part = try Executable.run(sampled + ["--shard", shard, "--output", folder.appendingPathComponent("s\(shard.first!)").path])
            XCTAssertEqual(part.status, 0, part.standardError)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("s\(shard.first!)/prcc.csv").path))
        }
        let merge = try Executable.run(
            ["merge", folder.appendingPathComponent("s0").path, folder.appendingPathComponent("s1").path, "--quiet",
             "--output", folder.appendingPathComponent("merged").path])
        XCTAssertEqual(merge.status, 0, merge.standardError)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("merged/prcc.csv"), encoding: .utf8), prcc)

        let grid = try Executable.run(sweep + ["--quiet", "--output", folder.appendingPathComponent("grid").path])
        XCTAssertEqual(grid.status, 0, grid.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("grid/prcc.csv").path))
    }
}
