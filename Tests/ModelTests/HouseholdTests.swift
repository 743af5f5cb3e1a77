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
        for purpose in StreamPurpose.allCases {
            XCTAssertEqual(key.mixed(purpose), key.streamKey(purpose).mixed)
            XCTAssertEqual(key.streamKey(purpose).words, [9, 2, 3, purpose.rawValue, 4, 5])
        }
        XCTAssertEqual(Set(StreamPurpose.allCases.map(\.rawValue)).count, StreamPurpose.allCases.count)
    }
}
