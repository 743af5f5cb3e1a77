import Randomness

/// Every phase of the year, once, in the order MODEL.md §4 computes them: the registry of shocks and interventions.
///
/// A new shock or intervention is its own file — the ``YearPhase`` type built from ``ScenarioParameters``, its
/// ``StreamPurpose`` (a free number: 10…23 for a household-year stream, below 10 for a place's), any
/// ``PlaceCovariate`` it needs as its `Covariates`, and its parameters struct with their declarations
/// (``ParameterSection``), as `Shocks/AvianFlu.swift` shows — plus one line here, at its step, its section's property
/// in `ShockParameters` or `InterventionParameters` and its line in ``ScenarioKeys``. A field of ``HouseholdYear`` is
/// needed only for a covariate or a loss no existing field holds (an epizootic adds to `epizooticLoss`, which
/// agricultural insurance and the `epizootic` entry cause read). `YearlyStepTests` pins every purpose number, so the new
/// one is added to its table (docs/ARCHITECTURE.md has the checklist). The list is a chain of concrete types
/// (``PhaseList/Then``), so the household loop is statically dispatched, and the engine draws the covariates from
/// ``Covariates`` without naming any shock. Step 1 (the covariates) runs before the parallel loop; step 11's costs are
/// the amounts the phases record in ``HouseholdYear``.
public typealias YearPhases = Demography  // step 2
    .Then<InSelectionYear<InsuranceEnrolment>>  // step 3: enrolment in year 0, kept
    .Then<FromYearOne<Dibao>>  // step 3: dibao on last year's assessment (year 0: below)
    .Then<Training>  // step 3
    .Then<Illness>  // step 4, with basic and major-illness insurance
    .Then<MedicalInsurance>  // step 4: supplementary
    .Then<Farming>  // step 5, at the county's price
    .Then<Flood>
    .Then<AvianFlu>
    .Then<LivestockDisease>
    .Then<AgriculturalInsurance>
    .Then<LabourMarket>  // step 6, at the year's wage multiplier
    .Then<Expenditures>  // step 7
    .Then<Relocation>
    .Then<IncomeAssessment>  // step 8: y_pre and a_t
    .Then<InSelectionYear<Dibao>>  // step 3 in year 0: on the year's own assessment, on₋₁ the profile's flag
    .Then<IncomeWithDibao>  // step 8: y
    .Then<FromYearOne<Monitoring>>  // MODEL.md §7: after the assessment; its transfer counts in y
    .Then<Borrowing>  // step 9
    .Then<PovertyStatus>  // step 10
    .Then<TrainingCertification>  // step 12
    .Then<EndOfYear>  // step 12

/// The year of MODEL.md §4 for one household: the phases of ``YearPhases`` in order.
///
/// Before each phase that may draw, the one stream of the task is restarted under that phase's key
/// (seed, replicate, block, purpose, year, household): a phase's draws never depend on how many another phase made.
/// Adding a shock: see ``YearPhases``; nothing here changes.
public struct YearlyStep: Sendable {
    /// The phases, kept at one address for the whole run, so the household loop passes a pointer to them.
    private let storage: PhaseStorage
    public var phases: YearPhases { storage.phases.pointee }
    /// The place covariates the phases declare, drawn by the engine before the parallel loop (step 1).
    public let covariates: YearPhases.Covariates
    public let povertyLine: Double

    public init(_ parameters: ScenarioParameters) throws {
        storage = PhaseStorage(try YearPhases(parameters))
        covariates = try YearPhases.Covariates(parameters)
        povertyLine = parameters.economy.povertyLine
    }

    /// Every purpose the registered phases and their covariates draw on, once per phase or covariate (a phase listed
    /// twice, like dibao, counts once), with the population's and the villages': the numbers of docs/MODEL.md §5. The
    /// tests check that no two coincide.
    public static var allPurposes: [StreamPurpose] {
        var seen: Set<PhasePurpose> = []
        let registered = (YearPhases.Covariates.purposes + YearPhases.purposes).filter {
            $0.purpose != .deterministic && seen.insert($0).inserted
        }
        return [.population, .villages] + registered.map(\.purpose)
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
        YearPhases.run(at: storage.phases, &household, year: &year, key: key, stream: stream)
        return year.outcome
    }
}

/// The phases of a ``YearlyStep`` at a fixed address, immutable after `init` (so sharing it across threads is safe).
private final class PhaseStorage: @unchecked Sendable {
    let phases: UnsafeMutablePointer<YearPhases>

    init(_ phases: YearPhases) {
        self.phases = .allocate(capacity: 1)
        self.phases.initialize(to: phases)
    }

    deinit {
        phases.deinitialize(count: 1)
        phases.deallocate()
    }
}

/// Step 10: poverty status, entries with their cause, exits and spells; updates what carries to next year. Records
/// the year's ``YearOutcome`` in its accounts.
public struct PovertyStatus: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }
    public let povertyLine: Double
    public let monitoringLine: Double
    public let marginalLine: Double
    public let productionCostShare: Double

    public init(_ parameters: ScenarioParameters) {
        let economy = parameters.economy
        povertyLine = economy.povertyLine
        monitoringLine = economy.monitoringLine
        marginalLine = economy.marginalLineFactor * economy.povertyLine
        productionCostShare = economy.farming.productionCostShare
    }

    @inline(__always)
    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
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
        year.outcome = outcome
    }
}

/// Step 12, the rest of the end of the year: years since relocation + 1; this year's dibao benefit and expected wages
/// become next year's references for the dibao-loss and labour-loss causes.
public struct EndOfYear: YearPhase {
    public static var purpose: StreamPurpose { .deterministic }

    public init(_ parameters: ScenarioParameters) {}

    @inline(__always)
    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        if household.flags.contains(.relocated) && household.yearsSinceRelocation < UInt8.max {
            household.yearsSinceRelocation += 1
        }
        household.lastDibaoBenefit = Float(year.dibaoBenefit)
        household.lastExpectedWages = Float(year.expectedWages)
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
