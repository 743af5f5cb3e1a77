import Foundation
import Model
import Scenarios
import Testing

@testable import Sensitivity

/// The rules by which a key moves down and up (docs/MODEL.md §4a).
struct PerturbationTests {
    @Test func probabilitiesMoveOnTheLogitScaleAndNeverClamp() throws {
        let high = try #require(Perturbation.moved(0.95, kind: .unitInterval, side: .high, change: 0.2))
        let low = try #require(Perturbation.moved(0.95, kind: .unitInterval, side: .low, change: 0.2))
        // The odds 19 are multiplied and divided by 1.2.
        #expect(abs(high / (1 - high) - 19 * 1.2) < 1e-9)
        #expect(abs(low / (1 - low) - 19 / 1.2) < 1e-9)
        #expect(high < 1 && low < 0.95)
        // 0 and 1 move X toward the inside; the outward side cannot move.
        #expect(Perturbation.moved(0, kind: .unitInterval, side: .high, change: 0.2) == 0.2)
        #expect(Perturbation.moved(0, kind: .unitInterval, side: .low, change: 0.2) == nil)
        #expect(Perturbation.moved(1, kind: .unitInterval, side: .low, change: 0.2) == 0.8)
        #expect(Perturbation.moved(1, kind: .unitInterval, side: .high, change: 0.2) == nil)
    }

    /// MODEL.md §7: whether certified migrants stay away carries most of training's effect, so sensitivity must show
    /// it: the key is a probability at 1 that moves down to 0.8 (a fifth of them come home).
    @Test func theCertifiedMigrantsKeyIsMoved() throws {
        let key = try #require(ScenarioKeys.declaration(for: "interventions.training.certifiedMigrantsStayAway"))
        let parameters = ScenarioParameters()
        #expect(Perturbation.reasonNotMoved(key, in: parameters) == nil)
        guard case let .moved(value, moved) = Perturbation.apply(key, to: parameters, side: .low, change: 0.2) else {
            Issue.record("the certified-migrants key was not moved down")
            return
        }
        // A switch (MODEL.md §7, issue 16): its row is the other setting, not a move of 20 %.
        #expect(value == 0)
        #expect(moved.interventions.training.certifiedMigrantsStayAway == 0)
        guard case let .skipped(reason) = Perturbation.apply(key, to: parameters, side: .high, change: 0.2) else {
            Issue.record("the base setting 1 was moved up")
            return
        }
        #expect(reason.contains("is the base"))
        // From the other setting, the row is the contract's default, whatever the change.
        var home = parameters
        home.interventions.training.certifiedMigrantsStayAway = 0
        guard case let .moved(up, _) = Perturbation.apply(key, to: home, side: .high, change: 0.05) else {
            Issue.record("the certified-migrants key was not moved to its other setting")
            return
        }
        #expect(up == 1)
    }

    @Test func wholeNumbersMoveByAtLeastOne() {
        #expect(Perturbation.moved(2, kind: .whole, side: .low, change: 0.2) == 1)
        #expect(Perturbation.moved(2, kind: .whole, side: .high, change: 0.2) == 3)
        #expect(Perturbation.moved(50, kind: .whole, side: .high, change: 0.2) == 60)
    }

    @Test func realsMoveByThePercentageAndZeroIsSkipped() throws {
        #expect(Perturbation.moved(5000, kind: .real, side: .low, change: 0.2) == 4000)
        #expect(Perturbation.moved(5000, kind: .real, side: .high, change: 0.2) == 6000)
        #expect(Perturbation.moved(0, kind: .real, side: .high, change: 0.2) == nil)
        // A real key at 0 is not moved at all, and says why.
        let key = try #require(ScenarioKeys.declaration(for: "interventions.dibao.standard"))
        var parameters = ScenarioParameters()
        key.numeric?.set(&parameters, 0)
        #expect(Perturbation.reasonNotMoved(key, in: parameters)?.contains("0") == true)
        guard case .skipped = Perturbation.apply(key, to: parameters, side: .high, change: 0.2) else {
            Issue.record("a real of 0 moved")
            return
        }
    }

    @Test func aShareOfAGroupSummingToOneIsRenormalised() throws {
        let key = try #require(ScenarioKeys.all.first { $0.shareGroup?.sumsToOne == true })
        let group = try #require(key.shareGroup)
        let parameters = ScenarioParameters()
        let members = group.members.compactMap { ScenarioKeys.declaration(for: $0)?.numeric }
        for side in Perturbation.Side.allCases {
            guard case let .moved(value, moved) = Perturbation.apply(key, to: parameters, side: side, change: 0.2) else {
                Issue.record("\(key.path) did not move \(side)")
                continue
            }
            // The group keeps its sum (1 within the published shares' rounding).
            #expect(abs(members.reduce(0) { $0 + $1.get(moved) } - members.reduce(0) { $0 + $1.get(parameters) }) < 1e-12)
            #expect(value != key.numeric!.get(parameters))
            // The other members keep their proportions.
            let others = group.members.filter { $0 != key.path }.compactMap { ScenarioKeys.declaration(for: $0)?.numeric }
            if others.count >= 2, others[1].get(parameters) > 0 {
                let before = others[0].get(parameters) / others[1].get(parameters)
                let after = others[0].get(moved) / others[1].get(moved)
                #expect(abs(before - after) < 1e-9)
            }
        }
    }

    @Test func runSettingsTextAndListsAreNotMoved() throws {
        let parameters = ScenarioParameters()
        // Off/on choices are switches, moved to their other setting (anOffOnChoiceIsMovedToItsOtherSetting).
        for key in ScenarioKeys.all
        where key.path.hasPrefix("run.") || (key.numericKind == nil && !Perturbation.isSwitch(key)) {
            #expect(Perturbation.reasonNotMoved(key, in: parameters) != nil, "\(key.path)")
        }
        #expect(throws: SensitivityError.self) { try SensitivityAnalysis.keys(["run.seed"]) }
        #expect(throws: SensitivityError.self) { try SensitivityAnalysis.keys(["interventions.dibao.standart"]) }
    }

    @Test func aMoveThatBreaksARuleIsSkippedWithTheValidationMessage() throws {
        // A year of 0 moved down leaves its range.
        let year = try #require(ScenarioKeys.declaration(for: "shocks.flood.forcedYear"))
        guard case let .skipped(reason) = Perturbation.apply(year, to: ScenarioParameters(), side: .low, change: 0.2) else {
            Issue.record("a year moved below 0")
            return
        }
        #expect(reason.contains("breaks a rule") && reason.contains("forcedYear"))
        // A minimum equal to its maximum moved up breaks the order; moved down it is fine.
        let minimum = try #require(ScenarioKeys.declaration(for: "population.livestock.cattleHerdMin")?.numeric)
        let maximum = try #require(ScenarioKeys.declaration(for: "population.livestock.cattleHerdMax")?.numeric)
        var parameters = ScenarioParameters()
        minimum.set(&parameters, maximum.get(parameters))
        let key = try #require(ScenarioKeys.declaration(for: "population.livestock.cattleHerdMin"))
        guard case .skipped = Perturbation.apply(key, to: parameters, side: .high, change: 0.2) else {
            Issue.record("a minimum moved above its maximum")
            return
        }
        guard case .moved = Perturbation.apply(key, to: parameters, side: .low, change: 0.2) else {
            Issue.record("a minimum could not move down")
            return
        }
    }

    /// An off/on choice is a switch too (issue 16): the baseline's monitoring (on) gets a row with it off, coded 0.
    @Test func anOffOnChoiceIsMovedToItsOtherSetting() throws {
        let key = try #require(ScenarioKeys.declaration(for: "interventions.monitoring.mechanism"))
        #expect(Perturbation.isSwitch(key))
        var parameters = ScenarioParameters()
        parameters.interventions.monitoring.mechanism = .on
        #expect(Perturbation.reasonNotMoved(key, in: parameters) == nil)
        #expect(Perturbation.value(of: key, in: parameters) == 1)
        guard case let .moved(value, moved) = Perturbation.apply(key, to: parameters, side: .low, change: 0.2) else {
            Issue.record("monitoring on was not switched off")
            return
        }
        #expect(value == 0)
        #expect(moved.interventions.monitoring.mechanism == .off)
        guard case .skipped = Perturbation.apply(key, to: parameters, side: .high, change: 0.2) else {
            Issue.record("the base setting was moved")
            return
        }
        // Other choices are not switches and stay unmoved.
        let profile = try #require(ScenarioKeys.declaration(for: "population.profile"))
        #expect(!Perturbation.isSwitch(profile))
        #expect(Perturbation.reasonNotMoved(profile, in: parameters) != nil)
    }
}
