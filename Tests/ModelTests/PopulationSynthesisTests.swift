import Foundation
import XCTest

@testable import Model
import Randomness

/// The synthetic population of profile dongxiang-2017 (MODEL.md §3), checked on 100,000 households drawn with the
/// engine's keys (seed, 0, block, population, 0, index in block). Every share is checked within 5 binomial standard
/// errors √(p(1−p)/n), every mean within 5 standard errors from the sample sd, ratios with delta-method errors.
final class PopulationSynthesisTests: XCTestCase {
    static let count = 100_000
    /// Drawn once for all the tests of this class (about a second in a debug build).
    static let population: [Household] = dongxiangHouseholds(count)

    private var population: [Household] { Self.population }
    private var n: Int { Self.count }

    private func share(_ predicate: (Household) -> Bool) -> Int { population.reduce(0) { $0 + (predicate($1) ? 1 : 0) } }

    // MARK: Expected values under the contract

    /// Weights as GSL's discrete table uses them: normalised to sum 1.
    private static func normalised(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    private static let sizeClassShares = normalised([0.0937, 0.2031, 0.2578, 0.4453])
    private static let illShares = normalised([0.5208, 0.1484, 0.1562, 0.1667, 0.0078])
    private static let disabledShare = 8.33 / 26.30

    /// P(size = s) for s = 2…40: 2, 3, 4 from their shares, 5 + Poisson(0.93) for the rest.
    private static var sizeDistribution: [(size: Int, p: Double)] {
        var result = [(2, sizeClassShares[0]), (3, sizeClassShares[1]), (4, sizeClassShares[2])]
        var poisson = exp(-0.93)
        for extra in 0...35 {
            result.append((5 + extra, sizeClassShares[3] * poisson))
            poisson *= 0.93 / Double(extra + 1)
        }
        return result
    }

    private static func binomialPMF(_ k: Int, _ n: Int, _ p: Double) -> Double {
        var coefficient = 1.0
        for i in 0..<k { coefficient *= Double(n - i) / Double(i + 1) }
        return coefficient * pow(p, Double(k)) * pow(1 - p, Double(n - k))
    }

    /// Every (size, ill-or-disabled capped at size, disabled) with its probability, as §3 draws them.
    private static var memberCases: [(size: Int, ill: Int, disabled: Int, p: Double)] {
        var cases: [(Int, Int, Int, Double)] = []
        for (size, pSize) in sizeDistribution {
            for (k, pK) in illShares.enumerated() {
                let ill = min(k, size)
                for d in 0...ill {
                    cases.append((size, ill, d, pSize * pK * binomialPMF(d, ill, disabledShare)))
                }
            }
        }
        return cases
    }

    /// δ, the expected share of disabled people: `000` Table 4's shares are of all people and its no-or-weak labour
    /// includes the disabled (MODEL.md §7), so the able members are drawn with the shares divided by 1 − δ.
    private static var disabledShareOfPeople: Double {
        let disabled = memberCases.reduce(0) { $0 + $1.p * Double($1.disabled) }
        let size = memberCases.reduce(0) { $0 + $1.p * Double($1.size) }
        return disabled / size
    }

    /// P(no adult | size, disabled): adults include the disabled (MODEL.md §7), so only a household without a disabled
    /// member whose members are all students has none.
    private static func noAdult(size: Int, disabled: Int) -> Double {
        disabled > 0 ? 0 : pow(0.2434 / (1 - disabledShareOfPeople), Double(size))
    }

    // MARK: Tests

    func testSizeClassesAndMeanSize() {
        // 9.37 / 20.31 / 25.78 / 44.53 %; mean 2(.0937) + 3(.2031) + 4(.2578) + 5.93(.4453) = 4.468.
        for (index, expected) in Self.sizeClassShares.enumerated() {
            let hits = index < 3 ? share { $0.size == index + 2 } : share { $0.size >= 5 }
            assertShare(hits, of: n, near: expected, "size class \(index + 2)")
        }
        var size = Sample(), extra = Sample()
        for household in population {
            size.add(Double(household.size))
            if household.size >= 5 { extra.add(Double(household.size - 5)) }
        }
        let expectedMean = Self.sizeDistribution.reduce(0) { $0 + Double($1.size) * $1.p }
        XCTAssertEqual(expectedMean, 4.47, accuracy: 0.005, "the contract's mean 4.47 = 1,717 / 384")
        assertMean(size, near: expectedMean, "household size")
        assertMean(extra, near: 0.93, "members above five (Poisson 0.93)")
        XCTAssertEqual(population.map(\.size).min(), 2)
        XCTAssertEqual(population.map { Int($0.sizeAtSelection) }.max(), 0, "set by the year-0 step, not here")
    }

    func testDibaoShare() {
        assertShare(share { $0.flags.contains(.onDibao) }, of: n, near: 0.641, "on dibao at year 0")
        XCTAssertEqual(share { !$0.flags.subtracting(.onDibao).isEmpty }, 0, "no other flag at synthesis")
    }

    func testIllOrDisabledClasses() {
        // Observed class = min(k, size): a disabled member is an adult (MODEL.md §7), so none is ever turned into
        // labour. Expected shares computed exactly from the contract's draws.
        var expected = [Double](repeating: 0, count: 5)
        for c in Self.memberCases { expected[c.ill] += c.p }
        for (members, p) in expected.enumerated() {
            let hits = share { Int($0.disabled) + Int($0.chronicIll) == members }
            assertShare(hits, of: n, near: p, "households with \(members) ill or disabled")
        }
        // The contract's shares themselves, before the cap at size and the conversion, differ from these by under
        // 2 points (the cap moves the 3s and 4s of two-person households, 9.37 % × 17.45 % = 1.6 %, into 2).
        for (members, p) in expected.enumerated() { XCTAssertEqual(p, Self.illShares[members], accuracy: 0.02) }

        // Disabled and chronic means.
        var disabled = Sample(), chronic = Sample()
        for household in population {
            disabled.add(Double(household.disabled))
            chronic.add(Double(household.chronicIll))
            XCTAssertLessThanOrEqual(Int(household.chronicIll), household.size - Int(household.disabled))
        }
        let expectedDisabled = Self.memberCases.reduce(0) { $0 + $1.p * Double($1.disabled) }
        let expectedChronic = Self.memberCases.reduce(0) { $0 + $1.p * Double($1.ill - $1.disabled) }
        assertMean(disabled, near: expectedDisabled, "disabled dependants")
        assertMean(chronic, near: expectedChronic, "chronic-ill members")
    }

    func testNoHouseholdWithoutAnAdult() {
        // Adults: general, skilled and weak labour, elderly and disabled members (MODEL.md §7).
        for household in population {
            XCTAssertGreaterThanOrEqual(
                Int(household.generalLabour) + Int(household.skilledLabour) + Int(household.weakLabour)
                    + Int(household.elderly) + Int(household.disabled), 1)
        }
    }

    func testRolesAreSharesOfAllPeople() {
        // MODEL.md §7: general 56.20 %, skilled 0.17 %, students 24.34 % of all people; the rest, 19.29 %, is the
        // disabled drawn plus weak labour and elderly in equal parts. The able members take the shares / (1 − δ) and
        // (19.29 % − δ) / (1 − δ) for weak and elderly; plus the student turned into general labour where no adult was
        // drawn.
        let delta = Self.disabledShareOfPeople
        XCTAssertEqual(delta, PopulationSynthesis.expectedDisabledShareOfPeople(PopulationParameters()), accuracy: 1e-9)
        XCTAssertEqual(delta, 0.0690, accuracy: 0.0005, "0.308 disabled a household of 4.47 people")
        var expected = (general: 0.0, skilled: 0.0, students: 0.0, weak: 0.0, elderly: 0.0)
        for c in Self.memberCases {
            let able = Double(c.size - c.disabled), convert = Self.noAdult(size: c.size, disabled: c.disabled)
            expected.general += c.p * (0.5620 / (1 - delta) * able + convert)
            expected.skilled += c.p * 0.0017 / (1 - delta) * able
            expected.students += c.p * (0.2434 / (1 - delta) * able - convert)
            expected.weak += c.p * (0.1929 - delta) / 2 / (1 - delta) * able
            expected.elderly += c.p * (0.1929 - delta) / 2 / (1 - delta) * able
        }
        // Over all people the shares are the published ones but for the converted students (under 0.2 points).
        let meanSize = Self.memberCases.reduce(0) { $0 + $1.p * Double($1.size) }
        XCTAssertEqual(expected.general / meanSize, 0.5620, accuracy: 0.002)
        XCTAssertEqual(expected.students / meanSize, 0.2434, accuracy: 0.002)
        XCTAssertEqual((expected.weak + expected.elderly) / meanSize + delta, 0.1929, accuracy: 1e-9)
        var general = Sample(), skilled = Sample(), students = Sample(), weak = Sample(), elderly = Sample()
        for h in population {
            general.add(Double(h.generalLabour))
            skilled.add(Double(h.skilledLabour))
            students.add(Double(Int(h.children) + Int(h.highSchool) + Int(h.university)))
            weak.add(Double(h.weakLabour))
            elderly.add(Double(h.elderly))
        }
        assertMean(general, near: expected.general, "general labour")
        assertMean(skilled, near: expected.skilled, "skilled labour")
        assertMean(students, near: expected.students, "students")
        assertMean(weak, near: expected.weak, "weak labour")
        assertMean(elderly, near: expected.elderly, "elderly")
    }

    func testNoAdultTurnsTheEldestStudentIntoGeneralLabour() {
        // Households of students only (MODEL.md §7): a university student is turned first, then a high-school student,
        // then a child; a disabled member is an adult, so a household of students and a disabled member keeps them.
        func households(stages: (Double, Double, Double), disabled: Bool) -> [Household] {
            var parameters = PopulationParameters()
            parameters.people = PeopleShares()
            parameters.people.generalLabour = 0
            parameters.people.skilledLabour = 0
            parameters.people.students = 1
            parameters.illOrDisabledMembers = disabled
                ? { var s = IllOrDisabledShares(); (s.none, s.one, s.two, s.three, s.four) = (0, 1, 0, 0, 0); return s }()
                : { var s = IllOrDisabledShares(); (s.none, s.one, s.two, s.three, s.four) = (1, 0, 0, 0, 0); return s }()
            parameters.disabledShareOfIllOrDisabled = 1
            (parameters.studentStages.children, parameters.studentStages.highSchool, parameters.studentStages.university)
                = stages
            let synthesis = try! PopulationSynthesis(parameters, relocation: RelocationParameters())
            let stream = makeStream()
            return (0..<5_000).map { index in
                stream.reseed(mixedKey: populationKey(index))
                return synthesis.household(stream: stream)
            }
        }
        for h in households(stages: (0, 0, 1), disabled: false) {
            XCTAssertEqual(h.generalLabour, 1)
            XCTAssertEqual(Int(h.university), h.size - 1)
        }
        for h in households(stages: (0, 1, 0), disabled: false) {
            XCTAssertEqual(h.generalLabour, 1)
            XCTAssertEqual(Int(h.highSchool), h.size - 1)
        }
        for h in households(stages: (1, 0, 0), disabled: false) {
            XCTAssertEqual(h.generalLabour, 1)
            XCTAssertEqual(Int(h.children), h.size - 1)
        }
        // Order: two-member households of high-school and university students (half each) end with one high-school
        // student when a university student was turned, i.e. from (2, 0) and (1, 1): 3/4 of them; turning a high-school
        // student first would leave 1/4.
        let pairs = households(stages: (0, 0.5, 0.5), disabled: false).filter { $0.size == 2 }
        XCTAssertGreaterThan(pairs.count, 300)
        let keptHighSchool = pairs.filter { $0.highSchool == 1 && $0.university == 0 }.count
        assertShare(keptHighSchool, of: pairs.count, near: 0.75, "university student turned first")
        for h in households(stages: (0.5, 0.3, 0.2), disabled: true) {
            XCTAssertEqual(h.disabled, 1)
            XCTAssertEqual(h.generalLabour, 0, "the disabled member is the adult")
            XCTAssertEqual(Int(h.children) + Int(h.highSchool) + Int(h.university), h.size - 1)
        }
    }

    func testStudentStages() {
        // Children : high school : university = 81.2 : 13.4 : 5.4. Only households with two adults or more, where
        // no student can have been turned into a labourer (the split of the students is independent of the roles).
        var children = RatioSample(), highSchool = RatioSample(), university = RatioSample()
        for h in population
        where Int(h.generalLabour) + Int(h.skilledLabour) + Int(h.weakLabour) + Int(h.elderly) >= 2 {
            let students = Double(Int(h.children) + Int(h.highSchool) + Int(h.university))
            children.add(Double(h.children), students)
            highSchool.add(Double(h.highSchool), students)
            university.add(Double(h.university), students)
        }
        assertRatio(children, near: 0.812, "children among students")
        assertRatio(highSchool, near: 0.134, "high school among students")
        assertRatio(university, near: 0.054, "university among students")
    }

    func testMigrantShares() {
        // 38.22 % of general labourers away (ratio over households, members of a household are not independent
        // draws of the population), 55 % of skilled.
        var general = RatioSample(), skilled = RatioSample()
        for h in population {
            XCTAssertLessThanOrEqual(h.generalMigrants, h.generalLabour)
            XCTAssertLessThanOrEqual(h.skilledMigrants, h.skilledLabour)
            general.add(Double(h.generalMigrants), Double(h.generalLabour))
            skilled.add(Double(h.skilledMigrants), Double(h.skilledLabour))
        }
        assertRatio(general, near: 0.3822, "migrants among general labour")
        assertRatio(skilled, near: 0.55, "migrants among skilled labour")
    }

    func testHeadEducationAndMotivation() {
        // Shares 41.41 / 52.34 / 5.47 / 0.78 %; motivation ~ Beta with mean 0.4 / 0.5 / 0.6 / 0.7 and concentration
        // 10, so sd √(m(1 − m) / 11).
        let shares = [0.4141, 0.5234, 0.0547, 0.0078]
        let means = [0.4, 0.5, 0.6, 0.7]
        for education in HeadEducation.allCases {
            let index = Int(education.rawValue)
            let group = population.filter { $0.headEducation == education }
            assertShare(group.count, of: n, near: shares[index], "head education \(education)")
            var motivation = Sample()
            for h in group {
                XCTAssertTrue((0...1).contains(h.motivation))
                motivation.add(Double(h.motivation))
            }
            assertMean(motivation, near: means[index], "motivation, \(education)")
            assertStandardDeviation(
                motivation, near: (means[index] * (1 - means[index]) / 11).squareRoot(), "motivation sd, \(education)")
        }
    }

    func testEarningsFactorIsLognormal() {
        var logFactor = Sample()
        for h in population { logFactor.add(log(Double(h.earningsFactor))) }
        assertMean(logFactor, near: 0, "ln earnings factor")
        assertStandardDeviation(logFactor, near: 0.3, "ln earnings factor")
    }

    func testLandIsSizeTimesGamma() {
        // land / size ~ Gamma(2, mean 1.2): mean 1.2, sd √2 × 0.6 = 0.849; so mean land ≈ 1.2 × mean size.
        var perPerson = Sample(), land = RatioSample()
        for h in population {
            XCTAssertGreaterThan(h.land, 0)
            perPerson.add(Double(h.land) / Double(h.size))
            land.add(Double(h.land), Double(h.size))
        }
        assertMean(perPerson, near: 1.2, "land a person")
        assertStandardDeviation(perPerson, near: 2.0.squareRoot() * 0.6, "land a person (Gamma shape 2)")
        assertRatio(land, near: 1.2, "mean land / mean size")
    }

    func testLivestock() {
        // None 60 %, poultry 10 % (1 share), cattle 20 % (2–4 head, mean 3), sheep 10 % (10–20 head, mean 15).
        let shares: [LivestockKind: Double] = [.none: 0.6, .poultry: 0.1, .cattle: 0.2, .sheep: 0.1]
        for (kind, p) in shares {
            assertShare(share { $0.livestock == kind }, of: n, near: p, "livestock \(kind)")
        }
        var cattle = Sample(), sheep = Sample()
        var cattleHerds = Set<UInt8>(), sheepHerds = Set<UInt8>()
        for h in population {
            switch h.livestock {
            case .none: XCTAssertEqual(h.herd, 0)
            case .poultry: XCTAssertEqual(h.herd, 1)
            case .cattle:
                cattle.add(Double(h.herd))
                cattleHerds.insert(h.herd)
            case .sheep:
                sheep.add(Double(h.herd))
                sheepHerds.insert(h.herd)
            }
        }
        XCTAssertEqual(cattleHerds, Set(2...4))
        XCTAssertEqual(sheepHerds, Set(10...20))
        assertMean(cattle, near: 3, "cattle herd")
        assertMean(sheep, near: 15, "sheep herd")
    }

    func testDebt() {
        // 30 % of households owe Lognormal(ln 20,000, 0.736): debtors' mean 20,000 e^(0.736²/2) = 26,222 (≈ 002's
        // 26,225); ln debt has mean ln 20,000 and sd 0.736.
        let debtors = population.filter { $0.debt > 0 }
        assertShare(debtors.count, of: n, near: 0.3, "debtors")
        var debt = Sample(), logDebt = Sample()
        for h in debtors {
            debt.add(Double(h.debt))
            logDebt.add(log(Double(h.debt)))
        }
        let expectedMean = 20_000 * exp(0.736 * 0.736 / 2)
        XCTAssertEqual(expectedMean, 26_225, accuracy: 26_225 * 0.001)
        assertMean(debt, near: expectedMean, "debtors' debt")
        assertMean(logDebt, near: log(20_000), "ln debt")
        assertStandardDeviation(logDebt, near: 0.736, "ln debt")
    }

    func testNobodyRelocatedInTheReferenceAndAShareWhenSet() {
        XCTAssertEqual(share { $0.flags.contains(.relocated) }, 0)
        var relocation = RelocationParameters()
        relocation.share = 0.2
        let relocated = dongxiangHouseholds(10_000, relocation: relocation)
        assertShare(relocated.filter { $0.flags.contains(.relocated) }.count, of: 10_000, near: 0.2, "relocated")
        XCTAssertTrue(relocated.allSatisfy { $0.yearsSinceRelocation == 0 })
    }

    func testReproducibleAndKeyedByIndex() {
        // The same key gives the same household; the population does not depend on how many households are drawn.
        let again = dongxiangHouseholds(5_000)
        XCTAssertEqual(again, Array(population.prefix(5_000)))
        let otherSeed = dongxiangHouseholds(1_000, seed: testSeed + 1)
        XCTAssertNotEqual(otherSeed, Array(population.prefix(1_000)))
        // A household is its key's alone.
        let synthesis = try! PopulationSynthesis(PopulationParameters(), relocation: RelocationParameters())
        let stream = makeStream()
        stream.reseed(mixedKey: populationKey(17))
        XCTAssertEqual(synthesis.household(stream: stream), population[17])
    }

    func testContractCalibrationOfHospitalStays() {
        // MODEL.md §4 step 4 says 0.0368 "makes 22.49 % of dongxiang-2017 households have a stay in a year". The exact
        // expectation over this population, with chronic members at 0.168, is 22.46 %: within half a point.
        let share = population.reduce(0.0) { sum, h in
            let chronic = Double(h.chronicIll), others = Double(h.size) - chronic
            return sum + 1 - pow(1 - 0.0368, others) * pow(1 - 0.168, chronic)
        } / Double(n)
        print("Expected share of dongxiang households with a stay: \(share)")
        XCTAssertEqual(share, 0.2249, accuracy: 0.005)
    }
}
