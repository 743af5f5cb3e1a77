import XCTest

@testable import Model
import Randomness

/// The household state (MODEL.md §2): compact (≤ 64 bytes), counts by role, derived size and workers.
final class HouseholdTests: XCTestCase {
    func testStateIsCompact() {
        // "Keep the hot state compact: target ≤ 64 bytes a household."
        XCTAssertLessThanOrEqual(MemoryLayout<Household>.size, 64)
        XCTAssertLessThanOrEqual(MemoryLayout<Household>.stride, 64)
        print("MemoryLayout<Household>: size \(MemoryLayout<Household>.size), stride \(MemoryLayout<Household>.stride)")
    }

    func testSizeAndWorkers() {
        let h = makeHousehold(
            general: 2, skilled: 1, weak: 1, elderly: 2, children: 3, highSchool: 1, university: 1, disabled: 1,
            generalMigrants: 1, skilledMigrants: 1, chronic: 2)
        XCTAssertEqual(h.size, 12, "migrants and chronic illness overlap the roles")
        XCTAssertEqual(h.workers, 4)
    }

    func testFarms() {
        XCTAssertFalse(makeHousehold(general: 1).farms)
        XCTAssertTrue(makeHousehold(general: 1, land: 0.5).farms)
        XCTAssertTrue(makeHousehold(general: 1, livestock: .poultry, herd: 1).farms)
        XCTAssertFalse(makeHousehold(general: 1, livestock: .cattle, herd: 0).farms)
    }

    func testStreamKeyOfAHouseholdYear() {
        // (seed, replicate, block, purpose, year, household): the six-word mixer equals the general one.
        let key = HouseholdStreamKey(seed: 9, replicate: 2, block: 3, year: 4, household: 5)
        for purpose in YearlyStep.allPurposes {
            XCTAssertEqual(key.mixed(purpose), key.streamKey(purpose).mixed)
            XCTAssertEqual(key.streamKey(purpose).words, [9, 2, 3, purpose.rawValue, 4, 5])
        }
        XCTAssertEqual(Set(YearlyStep.allPurposes.map(\.rawValue)).count, YearlyStep.allPurposes.count)
    }

    /// The key tabulates (seed, replicate, block, purpose, year) per task (issue 5); a restart through the table, and
    /// one for a year beyond it, must start the very stream of the full key, for every purpose.
    func testRestartThroughThePrefixTableIsTheFullKeysStream() throws {
        let slots = YearlyStep.allPurposes.compactMap(\.householdSlot)
        XCTAssertEqual(Set(slots).count, slots.count, "two purposes share a column")
        XCTAssertTrue(slots.allSatisfy { (0..<StreamPurpose.householdSlotCount).contains($0) })
        for purpose: StreamPurpose in [.demography, .dibao, .training, .illness, .migration, .assessment] {
            XCTAssertNotNil(purpose.householdSlot, "\(purpose) draws every household-year: it should be tabulated")
        }
        var key = HouseholdStreamKey(seed: 9, replicate: 2, block: 3, year: 0, household: 0, years: 3)
        let lazy = try RandomStream(), eager = try RandomStream()
        for year in [0, 1, 3, 4, 10] {  // 4 and 10 lie beyond the table
            for household in [0, 17, 4_095] {
                key.year = UInt64(year)
                key.household = UInt64(household)
                for purpose in YearlyStep.allPurposes {
                    key.restart(lazy, for: purpose)
                    eager.reseed(key.streamKey(purpose))
                    XCTAssertEqual(
                        (0..<3).map { _ in lazy.nextRaw() }, (0..<3).map { _ in eager.nextRaw() },
                        "\(purpose), year \(year), household \(household)")
                }
            }
        }
    }
}
