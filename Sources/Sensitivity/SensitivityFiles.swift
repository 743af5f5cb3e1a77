import Foundation
import Output

/// `sensitivity.csv` and `sensitivity.json`: the rows of an analysis and where they came from.
///
/// The CSV has one row per key and metric, ranked within each metric by the larger absolute change; an empty cell is
/// a side that was skipped or a figure that is undefined (an interval of one replicate, an elasticity at 0). The JSON
/// holds the base run's `RunProvenance` (and the baseline's), the settings, and the keys without a row with the reason,
/// so the table can be traced and re-made.
public enum SensitivityFiles {
    public static let csvName = "sensitivity.csv"
    public static let jsonName = "sensitivity.json"

    public static let header =
        "key,source,base,low,high,metric,change_low,change_low_lo95,change_low_hi95,change_high,change_high_lo95,"
        + "change_high_hi95,elasticity_low,elasticity_high"

    public static func csv(_ result: SensitivityResult) -> String {
        let number = SummaryCSV.number
        var lines = [header]
        for row in result.rows {
            lines.append(
                [
                    SummaryCSV.field(row.key), row.status.rawValue, number(row.base), number(row.low), number(row.high),
                    SummaryCSV.field(row.metric), number(row.changeLow?.mean), number(row.changeLow?.lower),
                    number(row.changeLow?.upper), number(row.changeHigh?.mean), number(row.changeHigh?.lower),
                    number(row.changeHigh?.upper), number(row.elasticityLow), number(row.elasticityHigh),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `sensitivity.json`'s content.
    public struct Record: Codable, Sendable, Equatable {
        public var program = "repoverty"
        public var analysis = "one-at-a-time sensitivity"
        public var version: String
        public var gitCommit: String?
        public var settings: SensitivitySettings
        /// The rule each kind of key moves by, in words (docs/MODEL.md §4a).
        public var rules: String
        /// Runs simulated, the base runs included, and the wall time of them all.
        public var runs: Int
        public var wallSeconds: Double
        public var noEffect: [String]
        public var skipped: [SensitivityNote]
        /// The base run of the scenario, and of the baseline in the comparison form.
        public var base: RunProvenance
        public var baseline: RunProvenance?
    }

    public static let rules =
        "probabilities and shares move on the logit scale, p -> logistic(logit(p) +- ln(1+X)), 0 -> X and 1 -> 1-X;"
        + " the other members of a group of shares summing to 1 are scaled to keep the sum; whole numbers move by"
        + " round(X*value), at least 1; other reals by +-X; a real of 0, text, lists and run.* are not moved"

    public static func record(_ result: SensitivityResult) -> Record {
        Record(
            version: ProgramVersion.current, gitCommit: result.base.provenance.gitCommit, settings: result.settings,
            rules: rules, runs: result.runs, wallSeconds: result.wallSeconds, noEffect: result.noEffect,
            skipped: result.skipped, base: result.base.provenance, baseline: result.baseline?.provenance)
    }

    public static func json(_ result: SensitivityResult) throws -> String { try encode(record(result)) }

    static func encode(_ record: Record) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
    }

    /// The settings of an earlier analysis in `folder`, if its `sensitivity.json` reads; nil when there is none.
    public static func earlierSettings(in folder: URL) -> SensitivitySettings?? {
        let file = folder.appendingPathComponent(jsonName)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = try? Data(contentsOf: file), let record = try? JSONDecoder().decode(Record.self, from: data)
        else { return .some(nil) }
        return .some(record.settings)
    }
}

/// The files of `--uncertainty`: the spread of each metric (`uncertainty.csv`), every sample
/// (`uncertainty-samples.csv`), the keys that drive it (`prcc.csv`, ``PRCCTable``) and `sensitivity.json`.
///
/// `uncertainty.csv` has a row per metric and form (`level`: the metric, or the difference scenario − baseline in the
/// comparison form; `change`: its paired change from the base run), with the base figure, the samples that define it,
/// the 5th, 50th and 95th percentiles and the range. `uncertainty-samples.csv` has a row per sample: its index, the
/// value of every sampled key (a column per key path), then `<metric>` and `<metric>_change` per metric.
public enum UncertaintyFiles {
    public static let csvName = "uncertainty.csv"
    public static let samplesName = "uncertainty-samples.csv"
    public static let header = "metric,form,base,samples,p05,median,p95,min,max"

    public static func csv(_ result: UncertaintyResult) -> String {
        let number = SummaryCSV.number
        let lines = result.spreads.map { spread in
            [
                SummaryCSV.field(spread.metric), spread.form, number(spread.base), String(spread.samples),
                number(spread.p05), number(spread.median), number(spread.p95), number(spread.minimum),
                number(spread.maximum),
            ].joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    public static func samplesCSV(_ result: UncertaintyResult) -> String {
        let number = SummaryCSV.number
        let header = ["sample"] + result.keys.map { SummaryCSV.field($0.path) }
            + result.settings.metrics.flatMap { [SummaryCSV.field($0), SummaryCSV.field($0 + "_change")] }
        let lines = result.samples.map { sample in
            ([String(sample.index)] + sample.values.map { number($0) }
                + zip(sample.levels, sample.changes).flatMap { [number($0), number($1)] }).joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }

    public static let rules =
        "each sampled key between its -X and +X values by the one-at-a-time rules, at fraction f of a Latin hypercube:"
        + " probabilities logistic(logit(p) + (2f-1) ln(1+X)), whole numbers v +- round(X*v) (at least 1) rounded, other"
        + " reals v(1 + (2f-1)X); a group of shares summing to 1 is renormalised; every sample paired with the base"

    public static func json(_ result: UncertaintyResult) throws -> String {
        var record = SensitivityFiles.Record(
            version: ProgramVersion.current, gitCommit: result.base.provenance.gitCommit, settings: result.settings,
            rules: rules, runs: result.runs, wallSeconds: result.wallSeconds, noEffect: [], skipped: result.skipped,
            base: result.base.provenance, baseline: result.baseline?.provenance)
        record.analysis = "uncertainty: assumed keys sampled jointly (Latin hypercube), paired with the base"
        return try SensitivityFiles.encode(record)
    }
}
