/// The state a household carries from one year to the next (MODEL.md §2 and §7's monitoring), packed into 48 bytes.
///
/// Counts are `UInt8` (a household has at most a few dozen members), money and factors `Float` (seven significant
/// digits are more than a yearly income per person needs), so a block of 4,096 households stays within a core's cache
/// and the 25 million households of the whole alleviated population fit in 1.3 GB (issue 5). Arithmetic on these fields
/// is done in `Int` and `Double`; only the stored values are narrow.
public struct Household: Equatable, Sendable {
    // Members by role (MODEL.md §2). A member is in exactly one role; chronic illness overlaps the roles.
    public var generalLabour: UInt8 = 0
    public var skilledLabour: UInt8 = 0
    /// Semi-labour: works at home for a small wage, never migrates.
    public var weakLabour: UInt8 = 0
    /// 60 and over: a pension, no labour.
    public var elderly: UInt8 = 0
    /// All minors not in high school or university.
    public var children: UInt8 = 0
    public var highSchool: UInt8 = 0
    public var university: UInt8 = 0
    /// Disabled dependants: a subsidy, no labour.
    public var disabled: UInt8 = 0
    /// Migrants among the general labourers.
    public var generalMigrants: UInt8 = 0
    /// Migrants among the skilled labourers.
    public var skilledMigrants: UInt8 = 0
    /// Chronic-ill members, whatever their role.
    public var chronicIll: UInt8 = 0
    public var livestock: LivestockKind = .none
    /// Head of cattle, head of sheep, or poultry cooperative shares.
    public var herd: UInt8 = 0
    public var headEducation: HeadEducation = .illiterate
    public var yearsSinceRelocation: UInt8 = 0
    public var flags: HouseholdFlags = []
    /// Size in the selection year 0: the weight of the person-weighted re-poverty rate (MODEL.md §1).
    public var sizeAtSelection: UInt8 = 0
    /// Years the current re-poverty spell has lasted so far; 0 when the household is not in one.
    public var spellYears: UInt8 = 0
    /// What the household was in year 0 and what has happened to it since: the household types and dynamics of the
    /// outputs (issue 3).
    public var history: HouseholdHistory = []
    /// On the monitoring list, and for how many consecutive years above the monitoring line (MODEL.md §7): one byte,
    /// in what was padding before the 32-bit fields, so the household stays 48 bytes.
    public var monitoring = MonitoringStatus()
    /// Land, mu.
    public var land: Float = 0
    /// Permanent earnings factor: skill and luck that persist (MODEL.md §3).
    public var earningsFactor: Float = 1
    /// Motivation in [0, 1]: the probability of accepting training, and a factor on starting migration.
    public var motivation: Float = 0.5
    /// Outstanding debt, yuan.
    public var debt: Float = 0
    /// Last year's assessed income per person, a_{t−1}: what dibao decides on (MODEL.md §4 step 8).
    public var assessedIncome: Float = 0
    /// Last year's dibao benefit, yuan: the reference for the "dibao loss" cause.
    public var lastDibaoBenefit: Float = 0
    /// Last year's expected wages, yuan: the reference for the "labour loss" cause.
    public var lastExpectedWages: Float = 0

    public init() {}

    /// Members in every role.
    @inline(__always)
    public var size: Int {
        Int(generalLabour) + Int(skilledLabour) + Int(weakLabour) + Int(elderly) + Int(children) + Int(highSchool)
            + Int(university) + Int(disabled)
    }

    /// Members who earn: general, skilled and weak labour, at home or away.
    @inline(__always)
    public var workers: Int { Int(generalLabour) + Int(skilledLabour) + Int(weakLabour) }

    /// Whether the household has land or livestock (and so can enrol in agricultural insurance).
    public var farms: Bool { land > 0 || (livestock != .none && herd > 0) }
}

/// Facts about a household's past that the metrics need, one bit each.
public struct HouseholdHistory: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// On dibao in year 0 (after the year-0 decision).
    public static let dibaoAtSelection = HouseholdHistory(rawValue: 1 << 0)
    /// At least one chronic-ill member in year 0.
    public static let chronicIllnessAtSelection = HouseholdHistory(rawValue: 1 << 1)
    /// Not poor but below the marginal line (1.5·z, `004`) in year 0.
    public static let marginalAtSelection = HouseholdHistory(rawValue: 1 << 2)
    /// Re-poor at some point and out of poverty again later.
    public static let leftAgainAfterRePoverty = HouseholdHistory(rawValue: 1 << 3)
}

/// A household's place in the monitoring and assistance mechanism (MODEL.md §7), packed in one byte: bit 0 on the
/// list, bit 1 ever identified as re-poor by it, bit 2 ever on the list, bits 3–7 the consecutive years above the
/// monitoring line while on the list (0…31).
public struct MonitoringStatus: Equatable, Sendable, Hashable {
    public private(set) var rawValue: UInt8 = 0
    public init() {}

    /// The most consecutive stable years the byte holds: the upper bound of `interventions.monitoring.stableYears`.
    public static let maximumStableYears = 31

    /// On the monitoring list now.
    public var onList: Bool {
        get { rawValue & 1 != 0 }
        set { rawValue = newValue ? rawValue | 1 : rawValue & ~1 }
    }

    /// On the list at some year of the horizon so far.
    public var everOnList: Bool {
        get { rawValue & 4 != 0 }
        set { rawValue = newValue ? rawValue | 4 : rawValue & ~4 }
    }

    /// Identified re-poor (on the list with assessed income below the poverty line) at some year of the horizon so far.
    public var everIdentifiedRePoor: Bool {
        get { rawValue & 2 != 0 }
        set { rawValue = newValue ? rawValue | 2 : rawValue & ~2 }
    }

    /// Consecutive years above the monitoring line while on the list.
    public var stableYears: Int {
        get { Int(rawValue >> 3) }
        set { rawValue = (rawValue & 7) | UInt8(min(max(newValue, 0), Self.maximumStableYears) << 3) }
    }
}

/// Livestock a household keeps (MODEL.md §3).
public enum LivestockKind: UInt8, CaseIterable, Sendable {
    case none = 0, poultry, cattle, sheep
}

/// Head of household's education (MODEL.md §3), which sets the mean of motivation.
public enum HeadEducation: UInt8, CaseIterable, Sendable {
    case illiterate = 0, primary, junior, highSchool
}

/// Yes-or-no state, one bit each.
public struct HouseholdFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let relocated = HouseholdFlags(rawValue: 1 << 0)
    /// On dibao this year (after step 3); before step 3 of year 0 it is the profile's flag, on₋₁.
    public static let onDibao = HouseholdFlags(rawValue: 1 << 1)
    public static let medicalInsurance = HouseholdFlags(rawValue: 1 << 2)
    public static let agriculturalInsurance = HouseholdFlags(rawValue: 1 << 3)
    /// Poor last year: y_{t−1} < z.
    public static let poorLastYear = HouseholdFlags(rawValue: 1 << 4)
    /// Below the monitoring line last year: training is offered more often.
    public static let belowMonitoringLastYear = HouseholdFlags(rawValue: 1 << 5)
    /// Not poor in year 0: the households every metric is over (MODEL.md §1).
    public static let inCohort = HouseholdFlags(rawValue: 1 << 6)
    /// Poor in at least one year 1…t.
    public static let everRePoor = HouseholdFlags(rawValue: 1 << 7)
}
