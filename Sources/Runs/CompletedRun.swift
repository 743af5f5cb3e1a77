import Engine
import Foundation
import Output
import Scenarios

/// A scenario simulated and summarised, not yet written: what `run`, `compare`, `reproduce`, a sweep point and a
/// calibration step all make the same way.
public struct CompletedRun: Sendable {
    public let scenario: Scenario
    /// Every metric by replicate (a comparison pairs them replicate by replicate).
    public let metrics: [Metric]
    /// The rows after the metrics in `summary.csv`: the vulnerability figures, when the run estimated them.
    public let vulnerabilityRows: [SummaryRow]
    /// Every metric of each sub-population by replicate, in list order, when the scenario is a mixture (MODEL.md §7).
    public var subpopulationMetrics: [SubpopulationMetrics] = []
    /// The (replicate, block) tasks the engine ran.
    public var tasks: Int
    /// Its `run.json`; a sweep adds its shard.
    public var provenance: RunProvenance

    public init(
        scenario: Scenario, metrics: [Metric], vulnerabilityRows: [SummaryRow],
        subpopulationMetrics: [SubpopulationMetrics] = [], tasks: Int, provenance: RunProvenance
    ) {
        self.scenario = scenario
        self.metrics = metrics
        self.vulnerabilityRows = vulnerabilityRows
        self.subpopulationMetrics = subpopulationMetrics
        self.tasks = tasks
        self.provenance = provenance
    }

    /// Every row of `summary.csv`, in order.
    public var rows: [SummaryRow] { metrics.map(\.row) + vulnerabilityRows }

    /// `summary.csv`'s text: the one rendering both `run` writes and `reproduce` compares, byte for byte.
    public var summaryCSV: String { SummaryCSV.render(scenario: scenario.name, rows: rows, labels: labels) }

    /// The labels `run.startYear` and `run.represents` add to its files and tables.
    public var labels: RunLabels { RunLabels(scenario.parameters.run) }

    /// `replicates.csv`'s text: every metric in every replicate, written beside `summary.csv` and re-made by `reproduce`.
    public var replicatesCSV: String { ReplicatesCSV.render(scenario: scenario.name, metrics: metrics, labels: labels) }

    /// `subpopulations.csv`'s text, or nil when the scenario is not a mixture: `summary.csv` for each sub-population.
    public var subpopulationsCSV: String? {
        subpopulationMetrics.isEmpty ? nil : SummaryCSV.renderSubpopulations(
            scenario: scenario.name, subpopulations: subpopulationMetrics.map { ($0.name, $0.rows) }, labels: labels)
    }

    /// The files of the run's results folder, `DIR/<name>/`, in the order they are written.
    public func files() throws -> [(name: String, data: Data)] {
        [("summary.csv", Data(summaryCSV.utf8)), (ReplicatesCSV.fileName, Data(replicatesCSV.utf8))]
            + (subpopulationsCSV.map { [(SummaryCSV.subpopulationsFileName, Data($0.utf8))] } ?? [])
            + [("run.json", Data(try provenance.json().utf8))]
    }
}
