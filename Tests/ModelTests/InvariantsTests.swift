import XCTest

@testable import Model
import Randomness

/// The household-year invariants: each rule is caught with its numbers, and the reference model, run through its
/// years under fixed keys and under extreme parameters, breaks none.
final class InvariantsTests: XCTestCase {
    private let valid = makeHousehold(general: 2, weak: 1, elderly: 2, children: 1, generalMigrants: 1, chronic: 1, land: 3)

    private func violation(before: Household? = nil, after: Household, year: HouseholdYear = makeYear()) -> String? {
        HouseholdInvariants.firstViolation(before: before ?? after, after: after, year: year)?.description
    }

    func testAValidHouseholdYearPasses() {
        XCTAssertNil(violation(after: valid))
        var aged = valid
        aged.elderly -= 2  // both elderly died
        XCTAssertNil(violation(before: valid, after: aged))
    }

    func testPeopleAreConservedButForDeathsOfTheElderly() {
        var grown = valid
        grown.children += 1
        XCTAssertEqual(violation(before: valid, after: grown), "members rose from 6 to 7, but there are no births")
        var shrunk = valid
        shrunk.generalLabour = 0
        shrunk.generalMigrants = 0
        shrunk.elderly = 1
        XCTAssertEqual(
            violation(before: valid, after: shrunk), "members fell from 6 to 3, more than the 2 elderly who could have died")
        let alone = makeHousehold(elderly: 1)
        XCTAssertEqual(violation(before: alone, after: makeHousehold()), "the household has no members left")
    }

    func testMigrantsAndTheChronicIllAreAmongTheirRoles() {
        var migrants = valid
        migrants.generalMigrants = 3
        XCTAssertEqual(violation(after: migrants), "general migrants (3) exceed general labourers (2)")
        var skilled = valid
        skilled.skilledMigrants = 1
        XCTAssertEqual(violation(after: skilled), "skilled migrants (1) exceed skilled labourers (0)")
        var chronic = valid
        chronic.chronicIll = 8
        XCTAssertEqual(violation(after: chronic), "chronic-ill members (8) exceed members (6)")
    }

    func testMotivationIsAShareAndMoneyIsFinite() {
        var motivated = valid
        motivated.motivation = 1.5
        XCTAssertEqual(violation(after: motivated), "motivation is 1.5, outside [0, 1]")
        motivated.motivation = .nan
        XCTAssertEqual(violation(after: motivated), "motivation is nan, outside [0, 1]")
        var indebted = valid
        indebted.debt = .infinity
        XCTAssertEqual(violation(after: indebted), "debt is inf")
        indebted.debt = -1
        XCTAssertEqual(violation(after: indebted), "debt is negative: -1.0")

        var year = makeYear()
        year.income = .nan
        XCTAssertEqual(violation(after: valid, year: year), "income is nan")
        year = makeYear()
        year.income = -2_000  // a net income may be negative
        XCTAssertNil(violation(after: valid, year: year))
        year.dibaoBenefit = -1
        XCTAssertEqual(violation(after: valid, year: year), "dibao benefit is negative: -1.0")
        year = makeYear()
        year.trainees = 1
        year.certifiedTrainees = 2
        XCTAssertEqual(violation(after: valid, year: year), "certified trainees (2) exceed trainees (1)")
    }

    /// Synthesised households through every year under the reference model and under parameters at the edges of
    /// their valid ranges (every shock certain, every intervention at its most generous, no pay at all): no rule
    /// breaks. `advanceCheckingInvariants` would stop the test in a debug build; the explicit check makes the
    /// assertion hold in any build.
    func testTheModelKeepsEveryRuleAtTheEdgesOfItsParameters() throws {
        var extreme = referenceParameters()
        extreme.shocks.flood.probability = 1
        extreme.shocks.flood.householdHitProbability = 1
        extreme.shocks.avianFlu.outbreakProbability = 1
        extreme.shocks.avianFlu.householdHitProbability = 1
        extreme.shocks.livestockDisease.probability = 1
        extreme.shocks.illness.stayProbability = 1
        extreme.shocks.illness.chronicStayProbability = 1
        extreme.shocks.relocation.share = 1
        extreme.shocks.wages.schedule = [0, 0, 5]
        extreme.economy.migrantWork.generalMonthlyPay = 0
        extreme.economy.localWages.general = 0
        extreme.economy.debtRepaymentShare = 1
        extreme.demography.elderlyMortality = 1
        extreme.demography.retirement = 1
        extreme.population.debt.share = 1
        extreme.population.debt.sigma = 5
        for parameters in [referenceParameters(), extreme] {
            let step = try YearlyStep(parameters)
            let synthesis = try PopulationSynthesis(parameters.population, relocation: parameters.shocks.relocation)
            let stream = makeStream()
            var broken: [String] = []
            for index in 0..<2_000 {
                stream.reseed(mixedKey: testKey(index, year: 0).mixed(.population))
                var household = synthesis.household(stream: stream)
                for year in 0...5 {
                    var accounts = makeYear(year, price: year == 2 ? 0.2 : 1.3, wageMultiplier: year == 1 ? 0 : 1)
                    let before = household
                    _ = step.advance(&household, year: &accounts, key: testKey(index, year: year), stream: stream)
                    if let violation = HouseholdInvariants.firstViolation(before: before, after: household, year: accounts) {
                        broken.append("household \(index), year \(year): \(violation)")
                    }
                }
            }
            XCTAssertEqual(broken.prefix(5), [], "\(broken.count) household-years break a rule")
        }
    }
}
