import Randomness

/// The year of MODEL.md §4 for one household, phase by phase in the contract's order.
///
/// The phases are stored as their concrete types and called directly, so the household loop is statically dispatched.
/// Before each phase that may draw, the one stream of the task is restarted under that phase's key
/// (seed, replicate, block, purpose, year, household): a phase's draws never depend on how many another phase made.
/// Adding a shock: write its file in Shocks/, add a stored property here and one `run` line in ``advance``.
public struct YearlyStep: Sendable {
    public let demography: Demography
    public let insuranceEnrolment: InsuranceEnrolment
    public let dibao: Dibao
    public let training: Training
    public let illness: Illness
    public let medicalInsurance: MedicalInsurance
    public let farming: Farming
    public let flood: Flood
    public let avianFlu: AvianFlu
    public let livestockDisease: LivestockDisease
    public let agriculturalInsurance: AgriculturalInsurance
    public let labourMarket: LabourMarket
    public let expenditures: Expenditures
    public let relocation: Relocation
    public let assessment: IncomeAssessment
    public let borrowing: Borrowing
    public let povertyLine: Double
    public let monitoringLine: Double
    public let marginalLine: Double
    public let productionCostShare: Double

    public init(_ parameters: ScenarioParameters) throws {
        let shocks = parameters.shocks, interventions = parameters.interventions, economy = parameters.economy
        demography = Demography(parameters.demography)
        insuranceEnrolment = InsuranceEnrolment(
            medical: interventions.medicalInsurance, agricultural: interventions.agriculturalInsurance)
        dibao = Dibao(interventions.dibao)
        training = Training(interventions.training)
        illness = try Illness(shocks.illness, basic: interventions.basicMedical, majorIllness: interventions.majorIllness)
        medicalInsurance = MedicalInsurance(interventions.medicalInsurance)
        farming = Farming(economy.farming, relocation: shocks.relocation)
        flood = Flood(shocks.flood)
        avianFlu = AvianFlu(shocks.avianFlu)
        livestockDisease = LivestockDisease(shocks.livestockDisease)
        agriculturalInsurance = AgriculturalInsurance(interventions.agriculturalInsurance)
        labourMarket = LabourMarket(economy)
        expenditures = Expenditures(economy)
        relocation = Relocation(shocks.relocation)
        assessment = IncomeAssessment(economy)
        borrowing = Borrowing(economy)
        povertyLine = economy.povertyLine
        monitoringLine = economy.monitoringLine
        marginalLine = economy.marginalLineFactor * economy.povertyLine
        productionCostShare = economy.farming.productionCostShare
    }

    /// Advance one household through year `year.year`, filling `year` with its accounts.
    ///
    /// Year 0 is the selection year: every phase runs, dibao decides after the year's own assessment (with the
    /// profile's flag as on₋₁), and the household joins the cohort if it is not poor. From year 1 on, a cohort household
    /// poor now and not last year is an entry with a cause, one not poor now and poor last year an exit.
    @inline(__always)
    public func advance(
        _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey, stream: RandomStream
    ) -> YearOutcome {
        let selectionYear = year.year == 0
        run(demography, &household, &year, key, stream)  // step 2
        if selectionYear { run(insuranceEnrolment, &household, &year, key, stream) }  // step 3
        if !selectionYear { run(dibao, &household, &year, key, stream) }
        run(training, &household, &year, key, stream)
        run(illness, &household, &year, key, stream)  // step 4
        run(medicalInsurance, &household, &year, key, stream)
        run(farming, &household, &year, key, stream)  // step 5
        run(flood, &household, &year, key, stream)
        run(avianFlu, &household, &year, key, stream)
        run(livestockDisease, &household, &year, key, stream)
        run(agriculturalInsurance, &household, &year, key, stream)
        run(labourMarket, &household, &year, key, stream)  // step 6
        run(expenditures, &household, &year, key, stream)  // step 7
        run(relocation, &household, &year, key, stream)
        run(assessment, &household, &year, key, stream)  // step 8
        if selectionYear { run(dibao, &household, &year, key, stream) }
        year.income = year.incomeBeforeDibao + year.dibaoBenefit / Double(max(1, household.size))
        run(borrowing, &household, &year, key, stream)  // step 9

        let outcome = status(of: &household, year: &year)  // step 10 (step 11's costs are in `year`)

        key.restart(stream, for: .trainingCertification)  // step 12
        training.certify(&household, certifiedTrainees: year.certifiedTrainees, stream: stream)
        if household.flags.contains(.relocated) && household.yearsSinceRelocation < UInt8.max {
            household.yearsSinceRelocation += 1
        }
        household.lastDibaoBenefit = Float(year.dibaoBenefit)
        household.lastExpectedWages = Float(year.expectedWages)
        return outcome
    }

    /// Step 10: poverty status, entries with their cause, exits and spells; updates what carries to next year.
    ///
    /// `year` is only read; it is passed `inout` because a by-value or borrowed parameter made the compiler copy its
    /// 280 bytes on every household-year (issue 5).
    @inline(__always)
    private func status(of household: inout Household, year: inout HouseholdYear) -> YearOutcome {
        let income = year.income
        let poor = income < povertyLine
        let wasPoor = household.flags.contains(.poorLastYear)
        var outcome = YearOutcome(poor: poor, wasPoor: wasPoor, inCohort: false, entry: nil, exit: false)
        if year.year == 0 {
            if !poor { household.flags.insert(.inCohort) }
            household.sizeAtSelection = count(household.size)
            if household.flags.contains(.onDibao) { household.history.insert(.dibaoAtSelection) }
            if household.chronicIll > 0 { household.history.insert(.chronicIllnessAtSelection) }
            if !poor && income < marginalLine { household.history.insert(.marginalAtSelection) }
        } else if household.flags.contains(.inCohort) {
            outcome.inCohort = true
            if poor && !wasPoor {
                outcome.entry = EntryCause.attribute(
                    household: household, year: year, povertyLine: povertyLine, productionCostShare: productionCostShare)
                household.spellYears = 1
            } else if poor {
                household.spellYears = count(Int(household.spellYears) + 1)
            }
            outcome.exit = !poor && wasPoor
            if outcome.exit {
                outcome.endedSpellYears = Int(household.spellYears)
                household.spellYears = 0
                household.history.insert(.leftAgainAfterRePoverty)
            }
            if poor { household.flags.insert(.everRePoor) }
        }
        household.flags.set(.poorLastYear, poor)
        household.flags.set(.belowMonitoringLastYear, income < monitoringLine)
        return outcome
    }

    /// Restart the stream under the phase's key (lazily: reseeded at the phase's first draw, if any), then apply it.
    @inline(__always)
    private func run<Phase: YearPhase>(
        _ phase: Phase, _ household: inout Household, _ year: inout HouseholdYear, _ key: HouseholdStreamKey,
        _ stream: RandomStream
    ) {
        if Phase.purpose != .deterministic { key.restart(stream, for: Phase.purpose) }
        phase.apply(to: &household, year: &year, stream: stream)
    }
}

/// What one household-year adds to the tallies of MODEL.md §5.
public struct YearOutcome: Equatable, Sendable {
    /// y < z this year.
    public var poor: Bool
    /// y < z last year.
    public var wasPoor: Bool
    /// A cohort household in a year of the horizon (1…T): only these count in the metrics.
    public var inCohort: Bool
    /// The cause, when this is a re-poverty entry.
    public var entry: EntryCause?
    /// Poor last year, not poor now.
    public var exit: Bool
    /// On an exit, the length in years of the re-poverty spell that ended (0 otherwise).
    public var endedSpellYears = 0

    public init(poor: Bool, wasPoor: Bool, inCohort: Bool, entry: EntryCause?, exit: Bool) {
        self.poor = poor
        self.wasPoor = wasPoor
        self.inCohort = inCohort
        self.entry = entry
        self.exit = exit
    }
}

extension HouseholdFlags {
    @inline(__always)
    mutating func set(_ flag: HouseholdFlags, _ on: Bool) {
        if on { insert(flag) } else { remove(flag) }
    }
}
