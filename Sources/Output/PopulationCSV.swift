import Foundation
import Model

/// `population.csv` and its printed table: a profile's targets beside the synthetic population (MODEL.md §3).
public enum PopulationCSV {
    /// Columns `attribute,category,target,simulated`, one row per published figure, in the profile's order.
    public static func render(_ rows: [PopulationComparisonRow]) -> String {
        "attribute,category,target,simulated\n" + lines(rows)
    }

    /// A mixture's (MODEL.md §7): a first column `subpopulation`, each sub-population's rows against its own profile.
    public static func render(subpopulations: [(name: String, rows: [PopulationComparisonRow])]) -> String {
        "subpopulation,attribute,category,target,simulated\n"
            + subpopulations.map { name, rows in
                lines(rows).split(separator: "\n").map { "\(field(name)),\($0)\n" }.joined()
            }.joined()
    }

    private static func lines(_ rows: [PopulationComparisonRow]) -> String {
        rows.map { "\(field($0.attribute)),\(field($0.category)),\(number($0.target)),\(number($0.simulated))\n" }.joined()
    }

    /// The same rows for a terminal: shares in percent with their difference in points, other figures as they are.
    public static func table(_ rows: [PopulationComparisonRow], households: Int) -> String {
        let attributeWidth = max(9, rows.map(\.attribute.count).max() ?? 0)
        let categoryWidth = max(8, rows.map(\.category.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        func left(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var text = "\(households) households\n"
        text += "\(pad("attribute", attributeWidth))  \(pad("category", categoryWidth))  \(left("target", 12))  "
            + "\(left("simulated", 12))  \(left("difference", 12))\n"
        for row in rows {
            let shown: (Double) -> String = row.isShare
                ? { String(format: "%.2f %%", 100 * $0) } : { String(format: "%.4g", $0) }
            let difference = row.isShare
                ? String(format: "%+.2f pt", 100 * (row.simulated - row.target))
                : String(format: "%+.4g", row.simulated - row.target)
            text += "\(pad(row.attribute, attributeWidth))  \(pad(row.category, categoryWidth))  "
                + "\(left(shown(row.target), 12))  \(left(shown(row.simulated), 12))  \(left(difference, 12))"
                + (row.fitted ? "" : "  (not fitted)") + "\n"
        }
        return text
    }

    /// Shortest text that reads back as the same double: the file is byte-identical for a seed on any machine.
    static func number(_ value: Double) -> String { "\(value)" }

    static func field(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
