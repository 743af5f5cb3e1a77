import XCTest

@testable import Model
import Randomness

/// Dibao (MODEL.md §4 step 3): on_t = (on_{t−1} and U < 0.9) or (U' < 0.85 if a_{t−1} < s, else U' < 0.03);
/// benefit = size × (s − max(0, a_{t−1}))⁺ with s = 5,500.
final class DibaoTests: XCTestCase {
    private let dibao = Dibao(DibaoParameters())

    /// Share of `n` households (each its own key) on dibao after the phase.
    private func onShare(
        _ phase: Dibao, assessed: Float, onBefore: Bool, n: Int = 20_000
    ) -> Int {
        let stream = makeStream()
        var on = 0
        for index in 0..<n {
            var household = makeHousehold(general: 2, children: 2, assessedIncome: assessed, flags: onBefore ? .onDibao : [])
            var year = makeYear()
            phase.run(&household, &year, key: testKey(index), stream: stream)
            if household.flags.contains(.onDibao) { on += 1 }
        }
        return on
    }

    func testEligibleHouseholdsAreAdmittedAtEightyFivePercent() {
        // a = 3,000 < s: admitted with probability 1 − 0.15 = 0.85.
        assertShare(onShare(dibao, assessed: 3_000, onBefore: false), of: 20_000, near: 0.85, "eligible, off before")
    }

    func testIneligibleHouseholdsAreAdmittedAtThreePercent() {
        // a = 8,000 ≥ s: inclusion error 0.03.
        assertShare(onShare(dibao, assessed: 8_000, onBefore: false), of: 20_000, near: 0.03, "ineligible, off before")
        // a = s exactly is not eligible (a < s).
        assertShare(onShare(dibao, assessed: 5_500, onBefore: false), of: 20_000, near: 0.03, "a = s, off before")
    }

    func testRetentionOfHouseholdsOnDibao() {
        // On dibao, assessed 8,000: stays with 0.9 (retention) or is re-admitted by inclusion error:
        // 1 − 0.1 × 0.97 = 0.903. With inclusion error 0 it is the retention alone, 0.9.
        assertShare(onShare(dibao, assessed: 8_000, onBefore: true), of: 20_000, near: 0.903, "on, ineligible")
        var parameters = DibaoParameters()
        parameters.inclusionError = 0
        assertShare(
            onShare(Dibao(parameters), assessed: 8_000, onBefore: true), of: 20_000, near: 0.9, "retention alone")
        // On dibao and eligible: 1 − 0.1 × 0.15 = 0.985.
        assertShare(onShare(dibao, assessed: 1_000, onBefore: true), of: 20_000, near: 0.985, "on, eligible")
    }

    func testBenefitIsSizeTimesTheGapToTheStandard() {
        // Deterministic decisions (admission certain, inclusion certain) to read the benefit:
        var parameters = DibaoParameters()
        parameters.exclusionError = 0
        parameters.inclusionError = 1
        let certain = Dibao(parameters)
        let cases: [(assessed: Float, size: Int, benefit: Double)] = [
            (3_000, 4, 4 * 2_500),  // 4 × (5,500 − 3,000) = 10,000
            (-2_000, 4, 4 * 5_500),  // max(0, a) = 0: 4 × 5,500 = 22,000
            (0, 3, 3 * 5_500),  // 16,500
            (5_499, 2, 2 * 1),  // 2
            (8_000, 5, 0),  // on dibao (inclusion) with nothing to pay
        ]
        for c in cases {
            var household = makeHousehold(general: 1, elderly: c.size - 1, assessedIncome: c.assessed)
            var year = makeYear()
            certain.run(&household, &year, key: testKey(0), stream: makeStream())
            XCTAssertTrue(household.flags.contains(.onDibao), "a = \(c.assessed)")
            XCTAssertEqual(year.dibaoBenefit, c.benefit, accuracy: 1e-6, "a = \(c.assessed), size \(c.size)")
        }
    }

    func testLeavingDibaoClearsFlagAndBenefit() {
        var parameters = DibaoParameters()
        parameters.retention = 0
        parameters.inclusionError = 0
        var household = makeHousehold(general: 2, assessedIncome: 9_000, flags: .onDibao)
        var year = makeYear()
        year.dibaoBenefit = 123  // stale value must be overwritten
        Dibao(parameters).run(&household, &year, key: testKey(0), stream: makeStream())
        XCTAssertFalse(household.flags.contains(.onDibao))
        XCTAssertEqual(year.dibaoBenefit, 0)
    }

    func testBothUniformsAreDrawnWhateverTheState() {
        // The draws do not depend on the state, so with the same key a household on dibao before is on dibao after
        // whenever the same household off dibao before is (monotone coupling), and identical households agree.
        let stream = makeStream()
        for index in 0..<5_000 {
            var off = makeHousehold(general: 2, assessedIncome: 4_000)
            var on = makeHousehold(general: 2, assessedIncome: 4_000, flags: .onDibao)
            var y1 = makeYear(), y2 = makeYear()
            dibao.run(&off, &y1, key: testKey(index), stream: stream)
            dibao.run(&on, &y2, key: testKey(index), stream: stream)
            if off.flags.contains(.onDibao) { XCTAssertTrue(on.flags.contains(.onDibao)) }
            var again = makeHousehold(general: 2, assessedIncome: 4_000)
            var y3 = makeYear()
            dibao.run(&again, &y3, key: testKey(index), stream: stream)
            XCTAssertEqual(again, off)
            XCTAssertEqual(y3.dibaoBenefit, y1.dibaoBenefit)
        }
    }
}
