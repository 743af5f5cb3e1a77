import Randomness

/// What must hold after every household-year, checked in debug builds so that no overflow or NaN reaches an output.
///
/// The yearly step stores counts in `UInt8` (clamped, so an underflow would be silent), money in `Float` and `Double`
/// (where a division by zero or a GSL draw with a degenerate parameter gives an infinity or a NaN that then spreads to
/// every sum it enters). Scenario validation keeps parameters inside the ranges where none of that should happen
/// (the ranges declared with the parameters, `ParameterDeclaration`); these checks catch the model code itself breaking a rule, at the household and year where it
/// happens, instead of as an empty or absurd cell in `summary.csv` later. The rules, from MODEL.md:
/// - people are conserved but for deaths (§4 step 2: no births; only the elderly die; everyone else changes role);
/// - migrants are among the labourers of their role, chronic-ill members among the members (§2);
/// - motivation is a probability, land, herd sizes and debt are not negative (§2, §3);
/// - every amount of money is finite, and bills, benefits, costs, losses, payouts and premiums are not negative (§4).
///
/// Release builds skip them (`advanceCheckingInvariants` is then `advance`), so the yearly loop stays as fast and
/// allocation-free as before; the checks themselves allocate nothing unless one fails.
public enum HouseholdInvariants {
    /// A broken rule, with the numbers that broke it. Names are static strings, so finding one allocates nothing.
    public enum Violation: CustomStringConvertible, Sendable {
        /// More members after the year than before (there are no births).
        case membersAppeared(before: Int, after: Int)
        /// More members gone than the elderly who could have died.
        case membersVanished(before: Int, after: Int, elderlyBefore: Int)
        /// Everyone gone: deaths are capped so that a household keeps one member.
        case emptyHousehold
        /// More migrants than labourers of the role, or more chronic-ill than members.
        case subsetExceeded(StaticString, count: Int, of: StaticString, total: Int)
        /// A share or probability outside [0, 1].
        case shareOutOfRange(StaticString, Double)
        /// An infinity or a NaN.
        case notFinite(StaticString, Double)
        /// A negative amount where only ≥ 0 makes sense.
        case negative(StaticString, Double)

        public var description: String {
            switch self {
            case let .membersAppeared(before, after):
                "members rose from \(before) to \(after), but there are no births"
            case let .membersVanished(before, after, elderly):
                "members fell from \(before) to \(after), more than the \(elderly) elderly who could have died"
            case .emptyHousehold:
                "the household has no members left"
            case let .subsetExceeded(part, count, whole, total):
                "\(part) (\(count)) exceed \(whole) (\(total))"
            case let .shareOutOfRange(name, value):
                "\(name) is \(value), outside [0, 1]"
            case let .notFinite(name, value):
                "\(name) is \(value)"
            case let .negative(name, value):
                "\(name) is negative: \(value)"
            }
        }
    }

    /// The first rule `after` and `year` break, given the household as it was before the year; nil if all hold.
    public static func firstViolation(before: Household, after: Household, year: HouseholdYear) -> Violation? {
        if let violation = people(before: before, after: after) { return violation }
        if let violation = state(after) { return violation }
        return accounts(year)
    }

    static func people(before: Household, after: Household) -> Violation? {
        if after.size > before.size { return .membersAppeared(before: before.size, after: after.size) }
        if before.size - after.size > Int(before.elderly) {
            return .membersVanished(before: before.size, after: after.size, elderlyBefore: Int(before.elderly))
        }
        if before.size > 0 && after.size == 0 { return .emptyHousehold }
        if after.generalMigrants > after.generalLabour {
            return .subsetExceeded("general migrants", count: Int(after.generalMigrants), of: "general labourers", total: Int(after.generalLabour))
        }
        if after.skilledMigrants > after.skilledLabour {
            return .subsetExceeded("skilled migrants", count: Int(after.skilledMigrants), of: "skilled labourers", total: Int(after.skilledLabour))
        }
        if Int(after.chronicIll) > after.size {
            return .subsetExceeded("chronic-ill members", count: Int(after.chronicIll), of: "members", total: after.size)
        }
        return nil
    }

    static func state(_ household: Household) -> Violation? {
        if !(household.motivation >= 0 && household.motivation <= 1) {
            return .shareOutOfRange("motivation", Double(household.motivation))
        }
        if let found = amount("land", Double(household.land), nonNegative: true) { return found }
        if let found = amount("earnings factor", Double(household.earningsFactor), nonNegative: true) { return found }
        if let found = amount("debt", Double(household.debt), nonNegative: true) { return found }
        if let found = amount("assessed income", Double(household.assessedIncome), nonNegative: false) { return found }
        if let found = amount("last dibao benefit", Double(household.lastDibaoBenefit), nonNegative: true) { return found }
        if let found = amount("last expected wages", Double(household.lastExpectedWages), nonNegative: true) { return found }
        return nil
    }

    static func accounts(_ year: HouseholdYear) -> Violation? {
        // Amounts that may be negative (net incomes) need only be finite; the rest are bills, benefits, costs,
        // losses, payouts and premiums.
        if let found = amount("price", year.price, nonNegative: true) { return found }
        if let found = amount("wage multiplier", year.wageMultiplier, nonNegative: true) { return found }
        if let found = amount("dibao benefit", year.dibaoBenefit, nonNegative: true) { return found }
        if let found = amount("hospital bills", year.hospitalBills, nonNegative: true) { return found }
        if let found = amount("medical out-of-pocket", year.medicalOutOfPocket, nonNegative: true) { return found }
        if let found = amount("non-medical costs", year.nonMedicalCosts, nonNegative: true) { return found }
        if let found = amount("medical insurance payout", year.medicalInsurancePayout, nonNegative: true) { return found }
        if let found = amount("lost earnings", year.lostEarnings, nonNegative: true) { return found }
        if let found = amount("crop value", year.cropValueAtUnitPrice, nonNegative: true) { return found }
        if let found = amount("livestock value", year.livestockValueAtUnitPrice, nonNegative: true) { return found }
        if let found = amount("production cost", year.productionCost, nonNegative: true) { return found }
        if let found = amount("crop income", year.cropIncome, nonNegative: false) { return found }
        if let found = amount("livestock income", year.livestockIncome, nonNegative: false) { return found }
        if let found = amount("flood loss", year.floodLoss, nonNegative: true) { return found }
        if let found = amount("epizootic loss", year.epizooticLoss, nonNegative: true) { return found }
        if let found = amount("agricultural insurance payout", year.agriculturalInsurancePayout, nonNegative: true) { return found }
        if let found = amount("migrant pay", year.migrantPayAtUnitMultiplier, nonNegative: true) { return found }
        if let found = amount("wages", year.wages, nonNegative: false) { return found }
        if let found = amount("expected wages", year.expectedWages, nonNegative: true) { return found }
        if let found = amount("pensions and subsidies", year.pensionsAndSubsidies, nonNegative: true) { return found }
        if let found = amount("education costs", year.educationCosts, nonNegative: true) { return found }
        if let found = amount("relocation costs", year.relocationCosts, nonNegative: true) { return found }
        if let found = amount("debt repayment", year.debtRepayment, nonNegative: true) { return found }
        if let found = amount("income before dibao", year.incomeBeforeDibao, nonNegative: false) { return found }
        if let found = amount("income", year.income, nonNegative: false) { return found }
        if let found = amount("borrowed", year.borrowed, nonNegative: true) { return found }
        if let found = amount("training cost", year.trainingCost, nonNegative: true) { return found }
        if let found = amount("medical insurance premium", year.medicalInsurancePremium, nonNegative: true) { return found }
        if let found = amount("agricultural insurance premium", year.agriculturalInsurancePremium, nonNegative: true) { return found }
        if year.trainees < 0 || year.certifiedTrainees < 0 || year.certifiedTrainees > year.trainees {
            return .subsetExceeded("certified trainees", count: year.certifiedTrainees, of: "trainees", total: year.trainees)
        }
        return nil
    }

    @inline(__always)
    static func amount(_ name: StaticString, _ value: Double, nonNegative: Bool) -> Violation? {
        if !value.isFinite { return .notFinite(name, value) }
        if nonNegative && value < 0 { return .negative(name, value) }
        return nil
    }
}

extension YearlyStep {
    /// ``advance(_:year:key:stream:)``, followed in debug builds by ``HouseholdInvariants``: a broken rule stops the
    /// program at the household-year that broke it, naming the rule and the numbers. Release builds only advance.
    @inline(__always)
    public func advanceCheckingInvariants(
        _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey, stream: RandomStream
    ) -> YearOutcome {
        #if DEBUG
            let before = household
            let outcome = advance(&household, year: &year, key: key, stream: stream)
            if let violation = HouseholdInvariants.firstViolation(before: before, after: household, year: year) {
                preconditionFailure("invariant broken in year \(year.year) of a household: \(violation)")
            }
            return outcome
        #else
            return advance(&household, year: &year, key: key, stream: stream)
        #endif
    }
}
