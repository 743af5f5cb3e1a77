import Foundation

/// One swept scenario key and the values a factorial grid gives it, as the text a `--set` override would carry.
///
/// Values stay text so they reach the model only through ``Scenarios/ScenarioLoader``, which validates each one and
/// names the key when a value is out of range, exactly as for `--set`.
public struct SweepAxis: Equatable, Sendable {
    /// The dotted key path, e.g. `interventions.dibao.standard`; also the column name in `sweep.csv`.
    public let keyPath: String
    /// The values in the order given (a `START:STOP:STEP` range in increasing steps).
    public let values: [String]

    public init(keyPath: String, values: [String]) {
        self.keyPath = keyPath
        self.values = values
    }
}

/// One key of a Latin-hypercube sample: a continuous interval `LOW..HIGH`.
public struct SweepRange: Equatable, Sendable {
    public let keyPath: String
    public let low: Double
    public let high: Double
    /// True when both bounds were written as whole numbers: the sampled values are rounded to whole numbers then, so
    /// integer keys (households, years, ages) can be sampled too.
    public let wholeNumbers: Bool

    public init(keyPath: String, low: Double, high: Double, wholeNumbers: Bool) {
        self.keyPath = keyPath
        self.low = low
        self.high = high
        self.wholeNumbers = wholeNumbers
    }

    /// The value at `fraction` (0…1) of the interval, as override text.
    public func value(at fraction: Double) -> String {
        let value = low + fraction * (high - low)
        if wholeNumbers { return String(Int64(value.rounded())) }
        return SweepNumber.text(value)
    }
}

/// A malformed `--grid`, `--sample` or `--shard` argument: which argument, what it said, and what was expected.
public struct SweepArgumentError: Error, Equatable, CustomStringConvertible, Sendable {
    public let argument: String
    public let value: String
    public let expected: String

    public init(argument: String, value: String, expected: String) {
        self.argument = argument
        self.value = value
        self.expected = expected
    }

    public var description: String { "\(argument) '\(value)': expected \(expected)" }
}

/// One parsed `--grid` argument: a list or a stepped range (a factorial axis), or an interval to sample.
public enum GridArgument: Equatable, Sendable {
    case axis(SweepAxis)
    case range(SweepRange)

    public var keyPath: String {
        switch self {
        case .axis(let axis): axis.keyPath
        case .range(let range): range.keyPath
        }
    }

    static let forms = "KEY=V1,V2,... or KEY=START:STOP:STEP (a grid) or KEY=LOW..HIGH (with --sample)"

    /// Parses `KEY=V1,V2,...`, `KEY=START:STOP:STEP` or `KEY=LOW..HIGH`.
    ///
    /// Commas inside brackets belong to one value, so a list-valued key sweeps as `KEY=[1,0.7],[1,0.5]`.
    /// A stepped range includes STOP when it falls on a step (within a millionth of a step, against rounding).
    public static func parse(_ text: String) throws(SweepArgumentError) -> GridArgument {
        func bad(_ expected: String) -> SweepArgumentError {
            SweepArgumentError(argument: "--grid", value: text, expected: expected)
        }
        guard let equals = text.firstIndex(of: "=") else { throw bad(forms) }
        let key = text[..<equals].trimmingCharacters(in: .whitespaces)
        let body = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }),
            !key.hasPrefix("."), !key.hasSuffix("."), !key.contains("..")
        else { throw bad("a dotted scenario key such as interventions.dibao.standard before '='") }
        guard !body.isEmpty else { throw bad("values after '=': " + forms) }
        if key == "run.seed" {
            throw bad("a key other than run.seed: each point's seed is derived from --seed and the point's index")
        }

        if let dots = body.range(of: ".."), !body.hasPrefix("[") {
            let lowText = String(body[..<dots.lowerBound]), highText = String(body[dots.upperBound...])
            guard let low = SweepNumber.parse(lowText), let high = SweepNumber.parse(highText) else {
                throw bad("LOW..HIGH with two finite numbers")
            }
            guard low < high else { throw bad("LOW..HIGH with LOW below HIGH") }
            let whole = [lowText, highText].allSatisfy { Int64($0.trimmingCharacters(in: .whitespaces)) != nil }
            return .range(SweepRange(keyPath: key, low: low, high: high, wholeNumbers: whole))
        }

        if !body.hasPrefix("["), body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let start = SweepNumber.parse(parts[0]), let stop = SweepNumber.parse(parts[1]),
                let step = SweepNumber.parse(parts[2])
            else { throw bad("START:STOP:STEP with three finite numbers") }
            guard step > 0 else { throw bad("START:STOP:STEP with a positive STEP") }
            guard start <= stop else { throw bad("START:STOP:STEP with START not above STOP") }
            let count = Int(((stop - start) / step + 1e-6).rounded(.down)) + 1
            guard count <= 100_000 else { throw bad("START:STOP:STEP with at most 100000 values") }
            let whole = parts.allSatisfy { Int64($0.trimmingCharacters(in: .whitespaces)) != nil }
            let values = (0..<count).map { i -> String in
                let value = start + Double(i) * step
                return whole ? String(Int64(value.rounded())) : SweepNumber.text(value)
            }
            return .axis(SweepAxis(keyPath: key, values: values))
        }

        let values = try splitValues(body).map { value throws(SweepArgumentError) -> String in
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw bad("no empty value between commas: " + forms) }
            return trimmed
        }
        guard Set(values).count == values.count else { throw bad("each value once") }
        return .axis(SweepAxis(keyPath: key, values: values))
    }

    /// Splits on commas outside brackets.
    static func splitValues(_ body: String) throws(SweepArgumentError) -> [String] {
        var values: [String] = [], current = "", depth = 0
        for character in body {
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            default: break
            }
            if character == "," && depth == 0 {
                values.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard depth == 0 else {
            throw SweepArgumentError(argument: "--grid", value: body, expected: "balanced brackets in list values")
        }
        values.append(current)
        return values
    }
}

/// Numbers as sweeps read and write them.
enum SweepNumber {
    static func parse(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    /// Twelve significant digits: `0.1 + 2 × 0.1` prints as `0.3`, not `0.30000000000000004`.
    static func text(_ value: Double) -> String {
        if value == 0 { return "0" }
        return String(format: "%.12g", value)
    }
}
