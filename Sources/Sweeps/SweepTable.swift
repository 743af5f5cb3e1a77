import Engine
import Foundation
import Output

/// The sweep's table: one row per complete point, its swept values and the headline metrics with their intervals.
///
/// Made only from the store, so a whole sweep, its merged shards and a resumed sweep give the same bytes: nothing in it
/// depends on threads, timing or which process ran a point (those are in the store's `runs` table).
public enum SweepTable {
    /// The whole-horizon metrics in `sweep.csv`, in order (MODEL.md §4 defines each); the store holds all of them.
    public static let headlineMetrics = [
        "cohort_households", "cumulative_repoverty_rate", "cumulative_repoverty_rate_people", "annual_repoverty_rate",
        "incidence", "poverty_gap", "entries_total", "exits", "cost_total",
    ]

    /// One row of the table.
    public struct Row: Sendable {
        public let point: Int
        public let seed: UInt64
        public let values: [String]
        /// The estimate of each of ``headlineMetrics``, in order; nil when the point did not report it.
        public let headline: [ReplicateEstimate?]
    }

    /// The rows of the complete points, in index order.
    public static func rows(_ points: [StoredPoint]) -> [Row] {
        points.compactMap { point in
            guard let metrics = point.metrics else { return nil }
            let headline = headlineMetrics.map { name in
                metrics.first(where: { $0.metric == name && $0.year == nil })?.estimate
            }
            return Row(point: point.index, seed: point.seed, values: point.values, headline: headline)
        }
    }

    /// `sweep.csv`: `point,seed`, a column per swept key named by its key path, then `<metric>,<metric>_lo95,
    /// <metric>_hi95` for each headline metric. Numbers are written as in `summary.csv` (`%.10g`; empty if undefined).
    public static func csv(keyPaths: [String], rows: [Row]) -> String {
        var header = ["point", "seed"] + keyPaths.map(SummaryCSV.field)
        for metric in headlineMetrics { header += [metric, metric + "_lo95", metric + "_hi95"] }
        var lines = [header.joined(separator: ",")]
        for row in rows {
            var cells = [String(row.point), String(row.seed)] + row.values.map(SummaryCSV.field)
            for estimate in row.headline {
                cells += [
                    SummaryCSV.number(estimate?.mean), SummaryCSV.number(estimate?.lower), SummaryCSV.number(estimate?.upper),
                ]
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same rows as a JSON array for pipes (`jq`): `{"point", "seed", "values": {key: value}, "metrics":
    /// {metric: {"mean", "lo95", "hi95"}}}`. Values that are plain numbers are JSON numbers; seeds are strings, since
    /// JSON readers lose integers above 2^53.
    public static func json(keyPaths: [String], rows: [Row]) -> String {
        let objects: [[String: Any]] = rows.map { row in
            var values: [String: Any] = [:]
            for (key, value) in zip(keyPaths, row.values) {
                values[key] = Double(value).flatMap { $0.isFinite ? $0 : nil } ?? value
            }
            var metrics: [String: Any] = [:]
            for (name, estimate) in zip(headlineMetrics, row.headline) {
                func number(_ value: Double?) -> Any { value.flatMap { $0.isFinite ? $0 : nil } ?? NSNull() }
                metrics[name] = ["mean": number(estimate?.mean), "lo95": number(estimate?.lower), "hi95": number(estimate?.upper)]
            }
            return ["point": row.point, "seed": String(row.seed), "values": values, "metrics": metrics]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]) else {
            return "[]\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
