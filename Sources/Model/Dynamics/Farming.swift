import Randomness

/// Crop and livestock income before disasters (MODEL.md §4 step 5).
///
/// Values are recorded at price 1 as well as at this year's county price, because the macro cause and the structural
/// cause of step 10 compare against price 1. Production costs are paid on the crop as sown, before any loss.
public struct Farming: YearPhase {
    /// The county's price multiplier of step 1 (``CountyPrice``) scales crop and livestock income.
    public typealias Covariates = CountyPrice
    public static var purpose: StreamPurpose { .deterministic }
    public var cropValuePerMu: Double
    public var productionCostShare: Double
    /// Margin per unit of herd, indexed by `LivestockKind.rawValue` (none, poultry, cattle, sheep).
    public var marginPerHead: [Double]
    public var relocatedCropFactor: Double

    public init(_ farming: FarmingParameters, relocation: RelocationParameters) {
        cropValuePerMu = farming.cropValuePerMu
        productionCostShare = farming.productionCostShare
        marginPerHead = [0, farming.poultryMarginPerShare, farming.cattleMarginPerHead, farming.sheepMarginPerHead]
        relocatedCropFactor = relocation.cropFactor
    }

    public init(_ parameters: ScenarioParameters) {
        self.init(parameters.economy.farming, relocation: parameters.shocks.relocation)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        var crop = Double(household.land) * cropValuePerMu
        if household.flags.contains(.relocated) { crop *= relocatedCropFactor }
        year.cropValueAtUnitPrice = crop
        year.livestockValueAtUnitPrice = Double(household.herd) * marginPerHead[Int(household.livestock.rawValue)]
        year.cropIncome = crop * year.price
        year.livestockIncome = year.livestockValueAtUnitPrice * year.price
        year.productionCost = productionCostShare * year.cropIncome
    }
}
