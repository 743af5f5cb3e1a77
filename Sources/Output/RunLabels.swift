import Engine
import Foundation
import Model

/// What `run.startYear` and `run.represents` add to the outputs: labels and scaled copies, never a changed figure
/// (issues 15 and 17).
///
/// Without them every file is as before. With `run.startYear` the files with a `year` column gain a `calendar_year`
/// column (year 0 is `startYear`, year t is `startYear + t`; empty for whole-horizon rows) and the printed tables name
/// the calendar years. With `run.represents` (real households the synthetic ones stand for) every count of households
/// or people and every sum of money is also given × represents / households in `*_represented` columns; rates, shares,
/// means per person and costs per household stay as they are (their represented cells are empty). New columns come
/// after the existing ones, so a reader that reads columns by position is not misled.
public struct RunLabels: Sendable, Equatable {
    /// The calendar year of year 0, or nil.
    public let startYear: Int?
    /// Real households the synthetic ones stand for, or nil.
    public let represents: Double?
    /// represents / the synthetic households, or nil.
    public let scale: Double?

    public init(_ run: RunSettings) {
        startYear = run.hasStartYear ? run.startYear : nil
        represents = run.representedScale == nil ? nil : run.represents
        scale = run.representedScale
    }

    /// No labels: the outputs as they were before the labels existed.
    public static let none = RunLabels(RunSettings())

    /// The calendar year of year `year` of the horizon; nil for a whole-horizon figure or without `startYear`.
    public func calendarYear(_ year: Int?) -> Int? {
        guard let startYear, let year else { return nil }
        return startYear + year
    }

    /// `year` as a cell of a `calendar_year` column: empty when there is none.
    func calendarYearCell(_ year: Int?) -> String { calendarYear(year).map(String.init) ?? "" }

    /// "2021–2025" for years 1…T, or nil without `startYear`.
    public func calendarYears(_ horizon: ClosedRange<Int>) -> String? {
        guard let first = calendarYear(horizon.lowerBound), let last = calendarYear(horizon.upperBound) else { return nil }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// Whether a metric counts households or people, or sums money, so that it grows with the population it covers:
    /// `cohort_*`, `entries_*` (causes, types, `entries_total`, `entries_averted`), `exits`, `trainees*`,
    /// `monitoring_entries`, `cost_*` and `payout_*`; not a cost per household or per entry averted, a rate, a share,
    /// a poverty gap (per person), a spell length or a vulnerability figure.
    public static func scales(_ metric: String) -> Bool {
        if metric.hasSuffix(Summary.perHouseholdYearSuffix) || metric == "cost_per_entry_averted" { return false }
        if metric.hasPrefix("cumulative_") || metric.hasPrefix("vulnerability") { return false }
        return ["cohort_", "entries_", "cost_", "payout_", "trainees"].contains { metric.hasPrefix($0) }
            || ["exits", "monitoring_entries"].contains(metric)
    }

    /// `value` × scale for a metric that scales; nil otherwise or without `represents`.
    public func represented(_ metric: String, _ value: Double?) -> Double? {
        guard let scale, let value, Self.scales(metric) else { return nil }
        return value * scale
    }

    /// The extra header cells of a file: `calendar_year` when the file has years and `startYear` is given, then the
    /// represented names of `columns` when `represents` is given.
    func extraHeader(years: Bool, represented columns: [String]) -> [String] {
        (years && startYear != nil ? ["calendar_year"] : []) + (scale != nil ? columns.map { $0 + "_represented" } : [])
    }

    /// The extra cells of a row, in the order of ``extraHeader(years:represented:)``.
    func extraCells(year: Int?, hasYears: Bool, metric: String, represented values: [Double?]) -> [String] {
        (hasYears && startYear != nil ? [calendarYearCell(year)] : [])
            + (scale != nil ? values.map { SummaryCSV.number(represented(metric, $0)) } : [])
    }
}
