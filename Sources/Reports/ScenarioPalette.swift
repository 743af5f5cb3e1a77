/// One colour per scenario, the same in every chart of a report (issue 17), and the baseline always black.
///
/// The shipped scenarios have fixed colours (interventions in blues, greens and purple; shocks in oranges, reds and
/// browns), so a scenario keeps its colour from one report to the next; any other scenario takes the first colour of
/// ``spare`` that no scenario of the report has, in the report's order. The colours are Tableau 10's and
/// Okabe–Ito's, chosen to stay apart for the common forms of colour blindness.
public struct ScenarioPalette: Sendable {
    /// The colour of the baseline: black, drawn last so that it is on top of every other line.
    public static let baselineColour = "#000000"

    /// The shipped scenarios' colours.
    static let fixed: [String: String] = [
        "dibao-expansion": "#4E79A7", "training": "#59A14F", "insurance": "#76B7B2", "combined": "#B07AA1",
        "avian-flu-2017": "#F28E2B", "flood-2018": "#E15759", "relocation": "#9C755F", "pandemic": "#BCBD22",
        "reference": "#FF9DA7", "liangshan-2020": "#17BECF",
    ]

    /// Colours for scenarios without a fixed one, in order.
    static let spare = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F7F7F", "#4E79A7", "#59A14F",
        "#76B7B2", "#B07AA1", "#F28E2B", "#E15759", "#9C755F", "#BCBD22", "#FF9DA7", "#17BECF",
    ]

    public let baseline: String?
    private let colours: [String: String]

    /// The palette of a report of `scenarios` (in the report's order) against `baseline`.
    public init(scenarios: [String], baseline: String?) {
        self.baseline = baseline
        var colours: [String: String] = [:]
        var used = Set<String>()
        for name in scenarios {
            if name == baseline {
                colours[name] = Self.baselineColour
            } else if let colour = Self.fixed[name] {
                colours[name] = colour
                used.insert(colour)
            }
        }
        var spare = Self.spare.filter { !used.contains($0) }[...]
        for name in scenarios where colours[name] == nil {
            let colour = spare.popFirst() ?? Self.spare[colours.count % Self.spare.count]
            colours[name] = colour
        }
        self.colours = colours
    }

    /// The scenario's colour as `#RRGGBB`.
    public func colour(of scenario: String) -> String {
        colours[scenario] ?? (scenario == baseline ? Self.baselineColour : Self.spare[0])
    }

    /// The names in drawing order: the baseline last, so nothing hides it.
    public func drawingOrder(_ names: [String]) -> [String] {
        names.filter { $0 != baseline } + names.filter { $0 == baseline }
    }
}
