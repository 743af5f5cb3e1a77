import Foundation
import Model
import Scenarios

/// How one key is moved down and up for one-at-a-time sensitivity (issue 16), by the kind of number it holds.
///
/// The rules keep a moved value meaningful and inside its range without clamping, so that "−20 %" and "+20 %" are two
/// real scenarios, not one of them pinned at a bound:
/// - a probability or share (`NumericKind.unitInterval`) moves on the logit scale, p → logistic(logit(p) ± ln(1 + X)):
///   its odds are divided or multiplied by 1 + X, so 0.95 becomes about 0.94 and 0.96, never 1. A value of exactly 0
///   or 1 has no odds; it moves X in absolute terms toward the inside (0 → X, 1 → 1 − X), and the side that would
///   leave [0, 1] is skipped with a note.
/// - a member of a group of shares that must sum to 1 (`ShareGroup.sumsToOne`) moves as above and the other members
///   are scaled by (1 − new)/(1 − old), so the group keeps its sum (1, within the rounding of the published shares)
///   and the others their proportions.
/// - a whole number moves by X of its value rounded, and by at least one (a count of 2 moves to 1 and 3).
/// - any other real moves by ±X %; a real of 0 cannot move by a percentage and is skipped.
/// Every moved scenario must still pass `ScenarioLoader.validate`; a side that breaks a rule (a minimum moved above
/// its maximum, a year past the horizon) is skipped with the validation's message.
public enum Perturbation {
    /// Which way a key is moved.
    public enum Side: String, Sendable, CaseIterable, Codable {
        case low, high
        var sign: Double { self == .low ? -1 : 1 }
    }

    /// A key's parameters moved to one side: the value it took, or why it could not move there.
    public enum Outcome: Sendable {
        case moved(value: Double, parameters: ScenarioParameters)
        case skipped(reason: String)
    }

    /// Whether `key` is a switch (MODEL.md v1.3 §7, issue 16): a probability whose 0 and 1 are the contract's two
    /// settings (``ParameterRange/switchProbability``), or an off/on choice (`interventions.monitoring.mechanism`). A
    /// switch's row is its other setting, not a move of ±X %, and it has no elasticity.
    public static func isSwitch(_ key: ScenarioKey) -> Bool {
        if key.range == .switchProbability { return true }
        if case let .oneOf(names, _) = key.range { return Set(names) == Set(offOn) }
        return false
    }

    /// An off/on choice's settings, in the order of their codes 0 and 1.
    static let offOn = ["off", "on"]

    /// The key's value as a number: a numeric key's value, an off/on choice coded 0 off and 1 on; nil for the others.
    public static func value(of key: ScenarioKey, in parameters: ScenarioParameters) -> Double? {
        if let numeric = key.numeric { return numeric.get(parameters) }
        guard isSwitch(key), case let .text(setting) = key.value(in: parameters) else { return nil }
        return offOn.firstIndex(of: setting).map(Double.init)
    }

    /// Why a key is not moved at all (text, lists, choices other than off/on, run settings, a real of 0).
    public static func reasonNotMoved(_ key: ScenarioKey, in parameters: ScenarioParameters) -> String? {
        if key.path.hasPrefix("run.") { return "a run setting, not a model assumption" }
        if isSwitch(key) { return nil }
        guard let numeric = key.numeric else { return "not a number (text, a choice or a list)" }
        if numeric.kind == .real && numeric.get(parameters) == 0 {
            return "a real number of 0 cannot move by a percentage"
        }
        return nil
    }

    /// The value `value` of a key of `kind` moved to `side` by the relative change `change` (0.2 for 20 %), or nil
    /// when it cannot move that way (0 down or 1 up for a probability, a real of 0).
    public static func moved(_ value: Double, kind: NumericKind, side: Side, change: Double) -> Double? {
        switch kind {
        case .unitInterval:
            if value <= 0 { return side == .high ? min(change, 1) : nil }
            if value >= 1 { return side == .low ? max(1 - change, 0) : nil }
            let logit = log(value / (1 - value)) + side.sign * log(1 + change)
            return 1 / (1 + exp(-logit))
        case .whole:
            let step = max(1, (abs(value) * change).rounded())
            return value + side.sign * step
        case .real:
            guard value != 0 else { return nil }
            return value * (1 + side.sign * change)
        }
    }

    /// `parameters` with numeric `key` set to `new` and, for a member of a group of shares summing to 1, the other
    /// members scaled to take what it leaves of the group's own sum (1 within the published rounding), in their
    /// proportions; nil when they are all 0 and cannot.
    static func setting(_ key: ScenarioKey, to new: Double, in parameters: ScenarioParameters) -> ScenarioParameters? {
        guard let numeric = key.numeric else { return nil }
        let old = numeric.get(parameters)
        var result = parameters
        numeric.set(&result, new)
        if let group = key.shareGroup, group.sumsToOne {
            let others = group.members.filter { $0 != key.path }.compactMap { ScenarioKeys.declaration(for: $0)?.numeric }
            let rest = others.reduce(0) { $0 + $1.get(parameters) }
            guard rest > 0 else { return nil }
            let factor = (rest + old - new) / rest
            for other in others { other.set(&result, other.get(parameters) * factor) }
        }
        return result
    }

    /// The value of a key at `fraction` (0…1) of the way from its −X % value to its +X % value by the same rules as
    /// ``moved(_:kind:side:change:)``, for sampling a key over that range (`--uncertainty`): a probability on the
    /// logit scale, logistic(logit(p) + (2f − 1) ln(1 + X)); a whole number v ± round(X·v) (at least 1), rounded; any
    /// other real v·(1 + (2f − 1) X). nil for a value with no such range, which keeps its value: a probability of
    /// exactly 0 or 1 (a switch or a structural choice, not an uncertain number), a whole number of 0 or below (the
    /// forced years' "none"), a real of 0.
    public static func sampled(_ value: Double, kind: NumericKind, fraction: Double, change: Double) -> Double? {
        let position = 2 * fraction - 1
        switch kind {
        case .unitInterval:
            guard value > 0, value < 1 else { return nil }
            return 1 / (1 + exp(-(log(value / (1 - value)) + position * log(1 + change))))
        case .whole:
            guard value > 0 else { return nil }
            let step = max(1, (abs(value) * change).rounded())
            return (value + position * step).rounded()
        case .real:
            guard value != 0 else { return nil }
            return value * (1 + position * change)
        }
    }

    /// `parameters` with `key` moved to `side`, its share group renormalised, checked by `ScenarioLoader.validate`.
    public static func apply(
        _ key: ScenarioKey, to parameters: ScenarioParameters, side: Side, change: Double
    ) -> Outcome {
        if let reason = reasonNotMoved(key, in: parameters) { return .skipped(reason: reason) }
        if isSwitch(key), let old = value(of: key, in: parameters) {
            // A switch (MODEL.md §7, issue 16): the row is the other setting — low 0 (off) from 1 (on), high 1 from 0
            // — and a probability between the two settings moves to each of them.
            let other: Double = side == .low ? 0 : 1
            let name = key.numeric == nil ? offOn[Int(other)] : String(Int(other))
            guard old != other else { return .skipped(reason: "the \(side.rawValue) setting, \(name), is the base") }
            var result = parameters
            if let numeric = key.numeric { numeric.set(&result, other) } else { key.set(.text(name), in: &result) }
            do { try ScenarioLoader.validate(result, label: "\(key.path) \(side.rawValue)") } catch {
                return .skipped(reason: "the other setting breaks a rule: \(error.keyPath.map { "\($0): " } ?? "")\(error.message)")
            }
            return .moved(value: other, parameters: result)
        }
        guard let numeric = key.numeric else { return .skipped(reason: "not a number") }
        let old = numeric.get(parameters)
        guard let new = moved(old, kind: numeric.kind, side: side, change: change) else {
            return .skipped(
                reason: old == 0 && numeric.kind == .unitInterval ? "0 cannot move down" : old >= 1
                    ? "1 cannot move up" : "cannot move \(side.rawValue)")
        }
        guard let result = setting(key, to: new, in: parameters) else {
            return .skipped(reason: "the only non-zero share of \(key.shareGroup?.path ?? key.path) cannot be renormalised")
        }
        do { try ScenarioLoader.validate(result, label: "\(key.path) \(side.rawValue)") } catch {
            return .skipped(reason: "the moved value breaks a rule: \(error.keyPath.map { "\($0): " } ?? "")\(error.message)")
        }
        return .moved(value: numeric.get(result), parameters: result)
    }
}
