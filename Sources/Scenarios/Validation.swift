import Foundation
import Model

/// Range checks on a merged scenario, reported at the file and line that set the offending value.
///
/// They run after merging because a file alone may be incomplete (a base may be meant to be completed by the files
/// that extend it) and because some rules tie parameters together: shares that must sum to 1, bounds that must be
/// ordered, years that must fall inside `run.years`. The ranges themselves are declared beside each parameter struct
/// (`ScenarioKeys`).
struct Validation {
    let merged: MergedParameters
    /// The file blamed for a value no file set (the scenario being loaded, or a label for parameters built in code).
    let fallbackFile: String

    /// Throws the first problem: leaves in declaration order, then the relations (in each year, when a key is given
    /// per year: a rule must hold in every year of the schedule).
    func check() throws(ScenarioError) {
        for key in ScenarioKeys.all {
            guard let value = merged.values[key.path] else { continue }
            if case let .list(values) = value, merged.isPerYear(key.path) {
                // Each year's number against the key's range, at the line of its entry.
                let lines = merged.sources[key.path]?.elementLines ?? []
                for (index, element) in values.enumerated() {
                    do { try check(key.path, element, against: key.range) } catch {
                        var located = error
                        located.message = "year \(index): " + located.message
                        if index < lines.count, let line = lines[index] { located.line = line }
                        throw located
                    }
                }
            } else {
                try check(key.path, value, against: key.range)
            }
        }
        for year in 0...merged.lastScheduledYear {
            let inYear = Validation(merged: merged.resolved(year: year), fallbackFile: fallbackFile)
            for relation in ScenarioKeys.relations {
                try inYear.check(relation)
            }
        }
    }

    // MARK: Leaves

    private func check(_ path: String, _ value: LeafValue, against range: ParameterRange) throws(ScenarioError) {
        func fail(_ message: String) -> ScenarioError { error(at: path, message) }
        func tooLarge(_ x: Double) -> ScenarioError {
            fail("expected at most \(Self.format(ParameterRange.maximumAmount)) (larger amounts overflow), got \(Self.format(x))")
        }
        func number() -> Double? {
            switch value {
            case let .real(number): number
            case let .integer(number): Double(number)
            case let .unsigned(number): Double(number)
            default: nil
            }
        }
        switch range {
        case .probability, .switchProbability, .share, .factor:
            let noun = switch range { case .probability, .switchProbability: "a probability"; case .share: "a share"; default: "a factor" }
            if let x = number(), !(x >= 0 && x <= 1) { throw fail("expected \(noun) between 0 and 1, got \(Self.format(x))") }
        case .betaMean:
            if let x = number(), !(x > 0 && x < 1) {
                throw fail("expected a mean strictly between 0 and 1 (both Beta parameters must be positive), got \(Self.format(x))")
            }
        case .nonNegative:
            if let x = number(), !(x >= 0) { throw fail("expected a non-negative number, got \(Self.format(x))") }
            if let x = number(), !(x <= ParameterRange.maximumAmount) { throw tooLarge(x) }
        case .positive:
            if let x = number(), !(x > 0) { throw fail("expected a number greater than 0, got \(Self.format(x))") }
            if let x = number(), !(x <= ParameterRange.maximumAmount) { throw tooLarge(x) }
        case .logNormalSigma:
            if let x = number(), !(x >= 0 && x <= ParameterRange.maximumLogNormalSigma) {
                throw fail("expected a log-normal sigma between 0 and \(Self.format(ParameterRange.maximumLogNormalSigma)), got \(Self.format(x))")
            }
        case .months:
            if let x = number(), !(x >= 0 && x <= 12) {
                throw fail("expected a number of months between 0 and 12, got \(Self.format(x))")
            }
        case let .between(bounds, noun):
            if let x = number(), !(x >= bounds.lowerBound && x <= bounds.upperBound) {
                throw fail("expected \(noun) between \(Self.format(bounds.lowerBound)) and \(Self.format(bounds.upperBound)), got \(Self.format(x))")
            }
        case let .whole(bounds):
            if case let .integer(n) = value, !bounds.contains(n) {
                throw fail("expected a whole number between \(bounds.lowerBound) and \(bounds.upperBound), got \(n)")
            }
        case let .oneOf(names, note):
            if case let .text(text) = value, !names.contains(text) {
                let expected = names.count == 1 ? "`\(names[0])`" : "one of " + names.joined(separator: ", ")
                throw fail("expected \(expected) (\(note)), got '\(text)'")
            }
        case let .eachNonNegative(noun):
            guard case let .list(items) = value else { return }
            let lines = merged.sources[path]?.elementLines ?? []
            for (index, item) in items.enumerated() {
                let x: Double? = switch item {
                case let .real(number): number
                case let .integer(number): Double(number)
                default: nil
                }
                if let x, !(x >= 0 && x <= ParameterRange.maximumAmount) {
                    let expected = x >= 0 ? "at most \(Self.format(ParameterRange.maximumAmount))" : "a non-negative \(noun)"
                    var located = fail("entry \(index + 1): expected \(expected), got \(Self.format(x))")
                    if index < lines.count, let line = lines[index] { located.line = line }
                    throw located
                }
            }
        case .any:
            return
        }
    }

    // MARK: Relations

    private func check(_ relation: ParameterRelation) throws(ScenarioError) {
        switch relation {
        case let .sumToOne(group, members):
            let sum = total(group, members)
            if !(abs(sum - 1) <= ParameterRange.sumTolerance) {
                throw error(at: group, latestOf: members.map { "\(group).\($0)" },
                            "expected \(members.joined(separator: " + ")) to sum to 1 (within \(Self.format(ParameterRange.sumTolerance))), got \(Self.formatSum(sum))")
            }
        case let .sumAtMostOne(group, members, remainder):
            let sum = total(group, members)
            if !(sum <= 1 + ParameterRange.sumTolerance) {
                throw error(at: group, latestOf: members.map { "\(group).\($0)" },
                            "expected \(members.joined(separator: " + ")) to sum to at most 1 (the rest is \(remainder)), got \(Self.formatSum(sum))")
            }
        case let .ordered(lower, upper):
            guard let low = integer(lower), let high = integer(upper), low > high else { return }
            if order(of: lower) >= order(of: upper) {
                throw error(at: lower, "expected at most \(Self.leafName(upper)) = \(high), got \(low)")
            }
            throw error(at: upper, "expected at least \(Self.leafName(lower)) = \(low), got \(high)")
        case let .withinHorizon(path):
            guard let year = integer(path), let years = integer("run.years"), year > years else { return }
            if order(of: path) >= order(of: "run.years") {
                throw error(at: path, "expected a year between 0 and run.years = \(years), got \(year)")
            }
            throw error(at: "run.years", "expected at least \(year), because \(path) is \(year), got \(years)")
        case let .listWithinHorizon(path):
            guard case let .list(items)? = merged.values[path], let years = integer("run.years"), items.count > years else {
                return
            }
            if order(of: path) >= order(of: "run.years") {
                throw error(at: path, "expected at most run.years = \(years) entries (one a year), got \(items.count)")
            }
            throw error(at: "run.years", "expected at least \(items.count), because \(path) has \(items.count) entries, got \(years)")
        }
    }

    private func total(_ group: String, _ members: [String]) -> Double {
        members.reduce(0.0) { sum, member in
            switch merged.values["\(group).\(member)"] {
            case let .real(number)?: sum + number
            case let .integer(number)?: sum + Double(number)
            default: sum
            }
        }
    }

    private func integer(_ path: String) -> Int? {
        if case let .integer(number)? = merged.values[path] { return number }
        return nil
    }

    /// When a leaf was set: later settings have larger orders; defaults come before everything.
    private func order(of path: String) -> Int {
        merged.sources[path]?.order ?? -1
    }

    // MARK: Reporting

    /// An error at the origin of `path`'s value.
    private func error(at path: String, _ message: String) -> ScenarioError {
        let origin = merged.sources[path]?.origin
        return ScenarioError(file: origin?.file ?? fallbackFile, line: origin?.line, keyPath: path, message: message)
    }

    /// An error about a group, placed at the origin of whichever member was set last (the likeliest culprit).
    private func error(at group: String, latestOf members: [String], _ message: String) -> ScenarioError {
        let latest = members.max { order(of: $0) < order(of: $1) }
        let origin = latest.flatMap { merged.sources[$0]?.origin }
        return ScenarioError(file: origin?.file ?? fallbackFile, line: origin?.line, keyPath: group, message: message)
    }

    private static func leafName(_ path: String) -> String {
        path.split(separator: ".").last.map(String.init) ?? path
    }

    /// A number as the planner wrote it: whole numbers without `.0`, others in Swift's shortest round-trip form.
    static func format(_ x: Double) -> String {
        ParameterValue.real(x).description
    }

    /// A computed sum, to 6 significant digits (its last binary digits mean nothing to a reader).
    static func formatSum(_ x: Double) -> String {
        String(format: "%.6g", x)
    }
}
