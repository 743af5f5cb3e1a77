import Foundation
import XCTest

@testable import Model
import Randomness

/// Illness (MODEL.md §4 step 4): stays k = Binomial(size − chronic, 0.0368) + Binomial(chronic, 0.168); hospitalised
/// workers Hypergeometric; bills Lognormal(median 10,000, σ 0.9) at a level ~ (0.30, 0.45, 0.15, 0.10) with deductibles
/// 150 / 600 / 1,500 / 3,000 and rates 85 / 75 / 65 / 60 %; chronic outpatient Gamma(2, mean 3,000) reimbursed 80 %;
/// major illness 60 % above 5,000 (2,000 on dibao); non-medical costs 10 % of bills.
final class IllnessTests: XCTestCase {
    private func illness(_ configure: (inout IllnessParameters) -> Void = { _ in }) -> Illness {
        var parameters = IllnessParameters()
        configure(&parameters)
        // swiftlint:disable:next force_try
        return try! Illness(parameters, basic: BasicMedicalParameters(), majorIllness: MajorIllnessParameters())
    }

    private func run(_ phase: Illness, _ household: Household, key: HouseholdStreamKey, stream: RandomStream)
        -> HouseholdYear
    {
        var household = household
        var year = makeYear(key.year == 0 ? 0 : Int(key.year))
        phase.run(&household, &year, key: key, stream: stream)
        return year
    }

    /// The contract's major-illness step on a household out-of-pocket.
    private func afterMajorIllness(_ outOfPocket: Double, onDibao: Bool) -> Double {
        let threshold = onDibao ? 2_000.0 : 5_000.0
        return outOfPocket - 0.6 * max(0, outOfPocket - threshold)
    }

    func testReproducibleWithAFixedKey() {
        let phase = illness()
        let household = makeHousehold(general: 2, elderly: 2, children: 1, chronic: 2)
        for index in 0..<50 {
            let first = run(phase, household, key: testKey(index), stream: makeStream())
            let second = run(phase, household, key: testKey(index), stream: makeStream())
            XCTAssertEqual(fields(first), fields(second))
        }
    }

    func testShareOfDongxiangHouseholdsWithAStayIsBinomial() {
        // P(at least one stay) = 1 − (1 − 0.0368)^(size − chronic) · (1 − 0.168)^chronic for each household; the number
        // of households with a stay is a sum of independent Bernoullis, within 5 sd √Σp(1−p) of Σp.
        let households = dongxiangHouseholds(20_000)
        let phase = illness()
        let stream = makeStream()
        var hits = 0
        var probabilities: [Double] = []
        var stays = Sample(), expectedStays = 0.0
        for (index, household) in households.enumerated() {
            let year = run(phase, household, key: testKey(index), stream: stream)
            if year.hospitalStays > 0 { hits += 1 }
            stays.add(Double(year.hospitalStays))
            let chronic = Double(household.chronicIll), others = Double(household.size) - chronic
            probabilities.append(1 - pow(1 - 0.0368, others) * pow(1 - 0.168, chronic))
            expectedStays += others * 0.0368 + chronic * 0.168
        }
        assertBernoulliSum(hits, expected: probabilities, "households with a stay")
        assertMean(stays, near: expectedStays / Double(households.count), "stays a household")
    }

    func testOutOfPocketOfTownshipStaysFollowsTheFormula() {
        // All stays at township level, bills huge (median 10⁷, so every bill is above the 150 deductible):
        // per stay bill − (bill − 150) × 0.85 = 0.15 bill + 127.5; summed: 0.15 B + 127.5 k. Then major illness.
        // No chronic members, so no outpatient costs.
        let phase = illness {
            $0.levelShares = HospitalLevels(township: 1, county: 0, prefecture: 0, province: 0)
            $0.billMedian = 1e7
            $0.stayProbability = 0.3
        }
        let stream = makeStream()
        var checked = 0
        for index in 0..<2_000 {
            let onDibao = index % 2 == 0
            let household = makeHousehold(general: 2, elderly: 1, children: 2, flags: onDibao ? .onDibao : [])
            let year = run(phase, household, key: testKey(index), stream: stream)
            guard year.hospitalStays > 0 else {
                XCTAssertEqual(year.medicalOutOfPocket, 0)
                XCTAssertEqual(year.hospitalBills, 0)
                XCTAssertEqual(year.nonMedicalCosts, 0)
                continue
            }
            checked += 1
            let basic = 0.15 * year.hospitalBills + 127.5 * Double(year.hospitalStays)
            XCTAssertEqual(
                year.medicalOutOfPocket, afterMajorIllness(basic, onDibao: onDibao),
                accuracy: 1e-9 * year.hospitalBills)
            XCTAssertEqual(year.nonMedicalCosts, 0.1 * year.hospitalBills, accuracy: 1e-9 * year.hospitalBills)
        }
        XCTAssertGreaterThan(checked, 1_000)
    }

    func testOutOfPocketOfProvinceStaysFollowsTheFormula() {
        // Province: bill − (bill − 3,000) × 0.6 = 0.4 bill + 1,800 per stay.
        let phase = illness {
            $0.levelShares = HospitalLevels(township: 0, county: 0, prefecture: 0, province: 1)
            $0.billMedian = 1e6
            $0.billSigma = 0.3
            $0.stayProbability = 0.3
        }
        let stream = makeStream()
        for index in 0..<500 {
            let year = run(phase, makeHousehold(general: 3, weak: 1), key: testKey(index), stream: stream)
            let basic = 0.4 * year.hospitalBills + 1_800 * Double(year.hospitalStays)
            XCTAssertEqual(
                year.medicalOutOfPocket, afterMajorIllness(year.hospitalStays > 0 ? basic : 0, onDibao: false),
                accuracy: 1e-9 * max(1, year.hospitalBills))
        }
    }

    func testBillsBelowTheDeductibleAreNotReimbursed() {
        // Median 100 with σ 0.01, township (deductible 150): out-of-pocket is the whole bill.
        let phase = illness {
            $0.levelShares = HospitalLevels(township: 1, county: 0, prefecture: 0, province: 0)
            $0.billMedian = 100
            $0.billSigma = 0.01
            $0.stayProbability = 0.5
        }
        let stream = makeStream()
        for index in 0..<200 {
            let year = run(phase, makeHousehold(general: 4), key: testKey(index), stream: stream)
            XCTAssertEqual(year.medicalOutOfPocket, year.hospitalBills, accuracy: 1e-9)
        }
    }

    func testLevelSharesDeductiblesAndRatesOfOneStay() {
        // One member, always hospitalised once, bill exactly 10,000 (σ 0). Out-of-pocket by level:
        //   township   10,000 − 9,850 × 0.85 = 1,627.5
        //   county     10,000 − 9,400 × 0.75 = 2,950
        //   prefecture 10,000 − 8,500 × 0.65 = 4,475
        //   province   10,000 − 7,000 × 0.60 = 5,800, then major illness: 5,800 − 0.6 × 800 = 5,320.
        // So the out-of-pocket tells the level; the level counts over 20,000 keys match 0.30 / 0.45 / 0.15 / 0.10.
        let phase = illness {
            $0.stayProbability = 1
            $0.billSigma = 0
        }
        let levelOutOfPocket = [1_627.5, 2_950, 4_475, 5_320]
        var counts = [0, 0, 0, 0]
        let stream = makeStream()
        let n = 20_000
        for index in 0..<n {
            let year = run(phase, makeHousehold(general: 1), key: testKey(index), stream: stream)
            XCTAssertEqual(year.hospitalStays, 1)
            XCTAssertEqual(year.hospitalisedWorkers, 1)
            XCTAssertEqual(year.hospitalBills, 10_000, accuracy: 1e-6)
            guard let level = levelOutOfPocket.firstIndex(where: { abs($0 - year.medicalOutOfPocket) < 1e-6 }) else {
                XCTFail("out-of-pocket \(year.medicalOutOfPocket) matches no level")
                continue
            }
            counts[level] += 1
        }
        for (level, share) in [0.30, 0.45, 0.15, 0.10].enumerated() {
            assertShare(counts[level], of: n, near: share, "level \(level)")
        }
    }

    func testMajorIllnessThresholdIsLowerOnDibao() {
        // County stay of 10,000: 2,950 out-of-pocket. Not on dibao (5,000): unchanged. On dibao (2,000):
        // 2,950 − 0.6 × 950 = 2,380.
        let phase = illness {
            $0.stayProbability = 1
            $0.billSigma = 0
            $0.levelShares = HospitalLevels(township: 0, county: 1, prefecture: 0, province: 0)
        }
        let off = run(phase, makeHousehold(general: 1), key: testKey(0), stream: makeStream())
        let on = run(phase, makeHousehold(general: 1, flags: .onDibao), key: testKey(0), stream: makeStream())
        XCTAssertEqual(off.medicalOutOfPocket, 2_950, accuracy: 1e-6)
        XCTAssertEqual(on.medicalOutOfPocket, 2_380, accuracy: 1e-6)
    }

    func testChronicOutpatientCostIsTwentyPercentOfGammaMeanThreeThousand() {
        // No stays (probabilities 0): the out-of-pocket is 0.2 × Σ Gamma(2, scale 1,500) over the chronic members,
        // mean 0.2 × 3,000 = 600 a chronic member and variance 0.04 × 2 × 1,500² = 180,000 (sd 424.3) each. With one
        // chronic member the major-illness threshold (5,000 = 0.2 × 25,000) is out of reach (P < 10⁻⁶).
        let phase = illness {
            $0.stayProbability = 0
            $0.chronicStayProbability = 0
        }
        let stream = makeStream()
        var one = Sample(), perMember = RatioSample()
        for index in 0..<20_000 {
            let chronic = 1 + index % 3
            let household = makeHousehold(general: 2, elderly: 2, chronic: chronic)
            let year = run(phase, household, key: testKey(index), stream: stream)
            XCTAssertEqual(year.hospitalStays, 0)
            XCTAssertEqual(year.nonMedicalCosts, 0)
            perMember.add(year.medicalOutOfPocket, Double(chronic))
            if chronic == 1 { one.add(year.medicalOutOfPocket) }
        }
        assertRatio(perMember, near: 600, "outpatient out-of-pocket a chronic member")
        assertMean(one, near: 600, "outpatient out-of-pocket of one chronic member")
        assertStandardDeviation(one, near: 0.2 * 1_500 * 2.0.squareRoot(), "outpatient out-of-pocket of one chronic member (Gamma shape 2)")
    }

    func testNoChronicMembersAndNoStaysCostNothing() {
        let phase = illness { $0.stayProbability = 0 }
        let year = run(phase, makeHousehold(general: 2, elderly: 2), key: testKey(0), stream: makeStream())
        XCTAssertEqual(year.medicalOutOfPocket, 0)
        XCTAssertEqual(year.hospitalStays, 0)
        XCTAssertEqual(year.hospitalisedWorkers, 0)
    }

    func testChronicMembersAreHospitalisedMoreOften() {
        // All members chronic: stays ~ Binomial(size, 0.168); none chronic: Binomial(size, 0.0368). Five members,
        // 10,000 households each: mean stays 0.84 and 0.184.
        let phase = illness()
        let stream = makeStream()
        var chronicStays = Sample(), otherStays = Sample()
        for index in 0..<10_000 {
            chronicStays.add(Double(run(phase, makeHousehold(general: 5, chronic: 5), key: testKey(index), stream: stream)
                .hospitalStays))
            otherStays.add(Double(run(phase, makeHousehold(general: 5), key: testKey(index), stream: stream).hospitalStays))
        }
        assertMean(chronicStays, near: 5 * 0.168, "stays, five chronic members")
        assertMean(otherStays, near: 5 * 0.0368, "stays, no chronic member")
    }

    func testHospitalisedWorkersAreHypergeometric() {
        // 2 workers among 5 members, each hospitalised with probability 0.5: E[workers hospitalised | k] = 2k / 5, so
        // E = 2 × 2.5 / 5 = 1. Never more than the stays or the workers.
        let phase = illness { $0.stayProbability = 0.5 }
        let stream = makeStream()
        var hospitalisedWorkers = Sample()
        for index in 0..<20_000 {
            let year = run(phase, makeHousehold(general: 1, weak: 1, elderly: 2, children: 1), key: testKey(index),
                stream: stream)
            XCTAssertLessThanOrEqual(year.hospitalisedWorkers, min(year.hospitalStays, 2))
            XCTAssertGreaterThanOrEqual(year.hospitalisedWorkers, max(0, year.hospitalStays - 3))
            hospitalisedWorkers.add(Double(year.hospitalisedWorkers))
        }
        assertMean(hospitalisedWorkers, near: 1, "hospitalised workers")
    }

    func testMeanBillMatchesTheLognormal() {
        // Lognormal(ln 10,000, 0.9) has mean 10,000 · e^(0.405) = 14,993.7; bills per stay over many stays.
        let phase = illness { $0.stayProbability = 0.5 }
        let stream = makeStream()
        var bills = RatioSample()
        for index in 0..<10_000 {
            let year = run(phase, makeHousehold(general: 2, elderly: 2), key: testKey(index), stream: stream)
            bills.add(year.hospitalBills, Double(year.hospitalStays))
        }
        assertRatio(bills, near: 10_000 * exp(0.9 * 0.9 / 2), "bill a stay")
    }
}
