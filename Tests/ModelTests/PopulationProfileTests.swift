import Model
import XCTest

final class PopulationProfileTests: XCTestCase {
    /// The cap at household size moves shares down but keeps their sum; with sizes of two only, nothing stays above 2.
    func testCappedIllOrDisabledSharesFollowTheCapAtHouseholdSize() {
        var parameters = PopulationParameters()
        let capped = PopulationComparison.cappedIllOrDisabledShares(parameters)
        let ill = parameters.illOrDisabledMembers
        XCTAssertEqual(capped.reduce(0, +), ill.none + ill.one + ill.two + ill.three + ill.four, accuracy: 1e-12)
        XCTAssertEqual(capped[0], parameters.illOrDisabledMembers.none, accuracy: 1e-12)
        XCTAssertEqual(capped[1], parameters.illOrDisabledMembers.one, accuracy: 1e-12)
        XCTAssertGreaterThan(capped[2], parameters.illOrDisabledMembers.two)
        parameters.householdSize.two = 1
        parameters.householdSize.three = 0
        parameters.householdSize.four = 0
        parameters.householdSize.fiveOrMore = 0
        let allTwo = PopulationComparison.cappedIllOrDisabledShares(parameters)
        XCTAssertEqual(allTwo[3] + allTwo[4], 0)
        XCTAssertEqual(allTwo[2], ill.two + ill.three + ill.four, accuracy: 1e-12)
    }

    func testTheCensusCountsWhatItIsGiven() throws {
        var census = PopulationCensus()
        var household = Household()
        household.generalLabour = 2
        household.children = 1
        household.disabled = 1
        household.chronicIll = 1
        household.generalMigrants = 1
        household.headEducation = .junior
        household.flags.insert(.onDibao)
        household.debt = 1_000
        census.record(household)
        census.record(Household())
        XCTAssertEqual(census.households, 2)
        XCTAssertEqual(census.value(attribute: "household size", category: "4")?.value, 0.5)
        XCTAssertEqual(census.value(attribute: "household size", category: "2")?.value, 0.5)
        XCTAssertEqual(census.value(attribute: "dibao", category: "people per household")?.value, 2)
        XCTAssertEqual(census.value(attribute: "members ill or disabled", category: "2")?.value, 0.5)
        XCTAssertEqual(census.value(attribute: "migrants", category: "share of labourers")?.value, 0.5)
        // Shares of all four people (MODEL.md §7): the disabled member counts in no-or-weak labour.
        XCTAssertEqual(census.value(attribute: "people", category: "students")?.value, 1.0 / 4)
        XCTAssertEqual(census.value(attribute: "people", category: "no or weak labour")?.value, 1.0 / 4)
        XCTAssertEqual(census.value(attribute: "people", category: "general labour")?.value, 2.0 / 4)
        XCTAssertEqual(census.value(attribute: "head education", category: "code mean")?.value, 1.5)
        XCTAssertEqual(census.value(attribute: "debt", category: "mean of debtors")?.value, 1_000)
        XCTAssertEqual(census.value(attribute: "debt", category: "mean")?.value, 500)
        XCTAssertNil(census.value(attribute: "household size", category: "median"))
        var merged = PopulationCensus()
        merged.merge(census)
        XCTAssertEqual(merged, census)
    }
}
