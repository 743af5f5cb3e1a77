/// Why a household fell back into poverty (MODEL.md §4 step 10), in the order that breaks ties.
///
/// They map onto the categories of `000` Table 2: illness or disability; lack of funds, skills, labour or land;
/// transport; lack of motivation. The raw value is the column of the cause in every tally.
public enum EntryCause: Int, CaseIterable, Sendable {
    case illness = 0
    case flood
    case epizootic
    case relocation
    case education
    case debt
    case macro
    case dibaoLoss
    case labourLoss
    case structural

    /// The metric suffix: `entries_<name>`.
    public var metricName: String {
        switch self {
        case .illness: "illness"
        case .flood: "flood"
        case .epizootic: "epizootic"
        case .relocation: "relocation"
        case .education: "education"
        case .debt: "debt"
        case .macro: "macro"
        case .dibaoLoss: "dibao_loss"
        case .labourLoss: "labour_loss"
        case .structural: "structural"
        }
    }

    /// The cause of an entry: the largest of the magnitudes of MODEL.md §4 step 10 (yuan, this year), the first in
    /// case order on a tie, and structural when every magnitude is 0.
    public static func attribute(
        household: Household, year: HouseholdYear, povertyLine: Double, productionCostShare: Double
    ) -> EntryCause {
        // The insurance payout is shared between flood and epizootic losses in proportion to each.
        let losses = year.floodLoss + year.epizooticLoss
        let floodShare = losses > 0 ? year.floodLoss / losses : 0
        let payout = year.agriculturalInsurancePayout
        let valueAtUnitPrice = year.cropValueAtUnitPrice + year.livestockValueAtUnitPrice
        let expectedIncome = valueAtUnitPrice - productionCostShare * year.cropValueAtUnitPrice + year.expectedWages
            + year.pensionsAndSubsidies
        var choice = LargestMagnitude()
        choice.consider(.illness, year.medicalOutOfPocket + year.nonMedicalCosts + year.lostEarnings)
        choice.consider(.flood, year.floodLoss - payout * floodShare)
        choice.consider(.epizootic, year.epizooticLoss - payout * (1 - floodShare))
        choice.consider(.relocation, year.relocationCosts)
        choice.consider(.education, year.educationCosts)
        choice.consider(.debt, year.debtRepayment)
        choice.consider(
            .macro,
            max(0, 1 - year.price) * valueAtUnitPrice + max(0, 1 - year.wageMultiplier) * year.migrantPayAtUnitMultiplier)
        choice.consider(.dibaoLoss, max(0, Double(household.lastDibaoBenefit) - year.dibaoBenefit))
        choice.consider(.labourLoss, max(0, Double(household.lastExpectedWages) - year.expectedWages))
        choice.consider(.structural, max(0, povertyLine * Double(household.size) - expectedIncome))
        return choice.cause
    }
}

/// The running choice of ``EntryCause/attribute(household:year:povertyLine:productionCostShare:)``: causes are
/// considered in case order and only a strictly larger magnitude replaces the choice, so ties go to the earlier cause.
private struct LargestMagnitude {
    var cause = EntryCause.structural
    var largest = 0.0

    @inline(__always)
    mutating func consider(_ candidate: EntryCause, _ magnitude: Double) {
        if magnitude > largest {
            largest = magnitude
            cause = candidate
        }
    }
}
