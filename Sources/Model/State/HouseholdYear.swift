/// One household's accounts for one year: what each phase of MODEL.md §4 found, in yuan for the household unless a
/// name says per person. Made fresh on the stack for every household-year and never stored, so the yearly loop
/// allocates nothing.
public struct HouseholdYear: Sendable {
    /// The year t (0 is the selection year).
    public var year: Int
    // Covariates of the household's place and year (MODEL.md §4 step 1), filled by the phases' ``PlaceCovariate``s.
    public var price = 1.0
    public var wageMultiplier = 1.0
    public var villageFlooded = false
    public var countyOutbreak = false

    // Step 3: decisions.
    public var dibaoBenefit = 0.0
    /// General labourers who accepted training this year.
    public var trainees = 0
    /// Trainees certified: they become skilled at the end of the year.
    public var certifiedTrainees = 0

    // Step 4: illness.
    public var hospitalStays = 0
    public var hospitalisedWorkers = 0
    /// Total hospital bills before any reimbursement.
    public var hospitalBills = 0.0
    /// Medical out-of-pocket after basic, major-illness and supplementary insurance.
    public var medicalOutOfPocket = 0.0
    /// Travel, care and food around stays: never reimbursed.
    public var nonMedicalCosts = 0.0
    /// What supplementary medical insurance paid.
    public var medicalInsurancePayout = 0.0
    /// Earnings lost to stays (computed with this year's wages in step 6).
    public var lostEarnings = 0.0

    // Step 5: crops, livestock, disasters.
    /// Crop value at price 1, before losses (halved for relocated households).
    public var cropValueAtUnitPrice = 0.0
    /// Livestock margin at price 1, before losses.
    public var livestockValueAtUnitPrice = 0.0
    /// Production cost: a share of this year's crop value.
    public var productionCost = 0.0
    /// Crop income after losses, at this year's price.
    public var cropIncome = 0.0
    /// Livestock income after losses, at this year's price.
    public var livestockIncome = 0.0
    public var floodLoss = 0.0
    public var epizooticLoss = 0.0
    public var agriculturalInsurancePayout = 0.0

    // Step 6: wages and transfers.
    /// Migrants' pay at wage multiplier 1 (with this year's pay noise): the base of the macro cause.
    public var migrantPayAtUnitMultiplier = 0.0
    /// All wages this year, after lost earnings.
    public var wages = 0.0
    /// Wages expected with this year's workers and migrants, multiplier 1, no noise and no illness.
    public var expectedWages = 0.0
    public var pensionsAndSubsidies = 0.0

    // Step 7: rigid expenditures.
    public var educationCosts = 0.0
    public var relocationCosts = 0.0
    public var debtRepayment = 0.0

    // Step 8–9: income.
    /// y_pre: net income per person without dibao.
    public var incomeBeforeDibao = 0.0
    /// y: net income per person with dibao.
    public var income = 0.0
    /// Borrowed this year to reach the borrowing line (step 9).
    public var borrowed = 0.0

    // Monitoring and assistance (MODEL.md §7), after the assessment.
    /// The temporary transfer to a household on the monitoring list, yuan.
    public var monitoringTransfer = 0.0
    /// Found this year by the mechanism: on the list from next year.
    public var monitoringEntry = false
    /// On the list (or found this year) with assessed income with dibao below the poverty line.
    public var identifiedRePoor = false

    // Step 11: what interventions cost this year (government-paid).
    public var trainingCost = 0.0
    public var medicalInsurancePremium = 0.0
    public var agriculturalInsurancePremium = 0.0

    // Step 10: status and cause.
    /// What the year adds to the tallies, set by ``PovertyStatus``.
    public var outcome = YearOutcome(poor: false, wasPoor: false, inCohort: false, entry: nil, exit: false)

    /// A year with every covariate at its neutral value (price and wage multiplier 1, no flood, no outbreak).
    public init(year: Int) { self.year = year }

    public init(year: Int, price: Double, wageMultiplier: Double, villageFlooded: Bool, countyOutbreak: Bool) {
        self.year = year
        self.price = price
        self.wageMultiplier = wageMultiplier
        self.villageFlooded = villageFlooded
        self.countyOutbreak = countyOutbreak
    }
}
