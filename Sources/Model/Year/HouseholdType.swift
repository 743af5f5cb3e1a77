/// Kinds of household the outputs break entries down by (issue 3), fixed at year 0 except where a name says otherwise.
/// A household can be of several types; the livestock types partition the cohort.
public enum HouseholdType: Int, CaseIterable, Sendable {
    /// On dibao in year 0.
    case dibao = 0
    /// Relocated into town at year 0.
    case relocated
    /// With a chronic-ill member in year 0.
    case chronicIllness
    /// Not poor but below the marginal line 1.5·z in year 0 (`004`).
    case marginal
    case livestockNone
    case livestockPoultry
    case livestockCattle
    case livestockSheep

    /// The metric suffix, as in `entries_type_<name>`.
    public var metricName: String {
        switch self {
        case .dibao: "dibao"
        case .relocated: "relocated"
        case .chronicIllness: "chronic_illness"
        case .marginal: "marginal"
        case .livestockNone: "livestock_none"
        case .livestockPoultry: "livestock_poultry"
        case .livestockCattle: "livestock_cattle"
        case .livestockSheep: "livestock_sheep"
        }
    }

    /// The types `household` is of, as the bits `1 << rawValue`: what the tallies loop over for each household, so
    /// the yearly loop never builds `allCases` (an array) per household (issue 5).
    public static func membership(of household: Household) -> UInt16 {
        var bits: UInt16 = 0
        var rawValue = 0  // the cases are numbered 0, 1, 2, … (the tallies index by rawValue too)
        while let type = HouseholdType(rawValue: rawValue) {
            if type.includes(household) { bits |= 1 << rawValue }
            rawValue += 1
        }
        return bits
    }

    /// Whether `household` is of this type.
    @inline(__always)
    public func includes(_ household: Household) -> Bool {
        switch self {
        case .dibao: household.history.contains(.dibaoAtSelection)
        case .relocated: household.flags.contains(.relocated)
        case .chronicIllness: household.history.contains(.chronicIllnessAtSelection)
        case .marginal: household.history.contains(.marginalAtSelection)
        case .livestockNone: household.livestock == .none
        case .livestockPoultry: household.livestock == .poultry
        case .livestockCattle: household.livestock == .cattle
        case .livestockSheep: household.livestock == .sheep
        }
    }
}
