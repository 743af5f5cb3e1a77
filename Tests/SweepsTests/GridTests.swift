import XCTest

@testable import Sweeps

/// `--grid`, `--sample` and `--shard` parsing: every form, and a clear error naming the argument for every malformed one.
final class GridTests: XCTestCase {
    func testListGivesTheValuesInOrder() throws {
        XCTAssertEqual(
            try GridArgument.parse("interventions.dibao.standard=4000,4500,5000"),
            .axis(SweepAxis(keyPath: "interventions.dibao.standard", values: ["4000", "4500", "5000"])))
    }

    func testBracketedListsKeepTheirCommas() throws {
        XCTAssertEqual(
            try GridArgument.parse("shocks.wages.schedule=[1,0.7],[1, 0.5],[]"),
            .axis(SweepAxis(keyPath: "shocks.wages.schedule", values: ["[1,0.7]", "[1, 0.5]", "[]"])))
    }

    func testSteppedRangeIncludesStopAndPrintsShortDecimals() throws {
        XCTAssertEqual(
            try GridArgument.parse("shocks.flood.probability=0.02:0.1:0.02"),
            .axis(SweepAxis(keyPath: "shocks.flood.probability", values: ["0.02", "0.04", "0.06", "0.08", "0.1"])))
        XCTAssertEqual(
            try GridArgument.parse("run.households=1000:2500:500"),
            .axis(SweepAxis(keyPath: "run.households", values: ["1000", "1500", "2000", "2500"])))
        // A stop between steps is not reached.
        XCTAssertEqual(
            try GridArgument.parse("a.b=1:2:0.4"), .axis(SweepAxis(keyPath: "a.b", values: ["1", "1.4", "1.8"])))
    }

    func testIntervalForSampling() throws {
        XCTAssertEqual(
            try GridArgument.parse("interventions.dibao.standard=4000..6000"),
            .range(SweepRange(keyPath: "interventions.dibao.standard", low: 4000, high: 6000, wholeNumbers: true)))
        XCTAssertEqual(
            try GridArgument.parse("shocks.flood.probability=0.01..0.2"),
            .range(SweepRange(keyPath: "shocks.flood.probability", low: 0.01, high: 0.2, wholeNumbers: false)))
    }

    func testMalformedGridsNameTheArgumentAndWhatWasExpected() {
        let cases: [(String, String)] = [
            ("interventions.dibao.standard", "KEY=V1,V2"),
            ("=1,2", "dotted scenario key"),
            ("a..b=1", "dotted scenario key"),
            ("a.b=", "values after '='"),
            ("a.b=1,,2", "no empty value"),
            ("a.b=1,1", "each value once"),
            ("a.b=1:2", "START:STOP:STEP"),
            ("a.b=1:x:1", "START:STOP:STEP"),
            ("a.b=1:2:0", "positive STEP"),
            ("a.b=3:2:1", "START not above STOP"),
            ("a.b=0:1:0.000001", "at most 100000"),
            ("a.b=2..1", "LOW below HIGH"),
            ("a.b=x..1", "two finite numbers"),
            ("a.b=[1,2", "balanced brackets"),
            ("run.seed=1,2", "other than run.seed"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try GridArgument.parse(text), text) { error in
                let error = error as? SweepArgumentError
                XCTAssertEqual(error?.argument, "--grid", text)
                XCTAssertTrue(error?.description.contains(expected) == true, "\(text): \(String(describing: error))")
            }
        }
    }

    func testShardParsing() throws {
        XCTAssertEqual(try Shard.parse("1/4"), Shard(uncheckedIndex: 1, count: 4))
        for bad in ["1", "4/4", "-1/4", "0/0", "a/b", "1/2/3", ""] {
            XCTAssertThrowsError(try Shard.parse(bad), bad) { error in
                XCTAssertEqual((error as? SweepArgumentError)?.argument, "--shard")
            }
        }
    }

    func testDesignRefusesMixedOrRepeatedKeys() throws {
        let list = try GridArgument.parse("a.b=1,2"), range = try GridArgument.parse("c.d=1..2")
        XCTAssertThrowsError(try SweepDesign.make(grid: [list, range], sample: nil, seed: 1))
        XCTAssertThrowsError(try SweepDesign.make(grid: [list, range], sample: 4, seed: 1))
        XCTAssertThrowsError(try SweepDesign.make(grid: [list, list], sample: nil, seed: 1))
        XCTAssertThrowsError(try SweepDesign.make(grid: [range], sample: 0, seed: 1)) { error in
            XCTAssertEqual((error as? SweepArgumentError)?.argument, "--sample")
        }
        XCTAssertThrowsError(try SweepDesign.make(grid: [], sample: nil, seed: 1))
    }
}
