import Randomness

/// Hospital stays, chronic care and what basic and major-illness insurance leave to pay (MODEL.md §4 step 4).
///
/// Stays k = Binomial(size − chronic, p) + Binomial(chronic, p_chronic); the hospitalised workers are k members drawn
/// without replacement. Each stay's bill is Lognormal at a level drawn from the level shares; basic medical insurance
/// pays (bill − deductible)⁺ × rate of that level. Each chronic-ill member's outpatient cost is Gamma, reimbursed at
/// the outpatient rate. Major-illness insurance, which every household has, then pays its rate of the household's
/// out-of-pocket above its threshold (lower on dibao). Non-medical costs (travel, care, food) are a share of each bill
/// and never reimbursed. Supplementary insurance, an intervention, comes after this in ``MedicalInsurance``.
public struct Illness: YearPhase {
    public static var purpose: StreamPurpose { .illness }
    public var stayProbability: Double
    public var chronicStayProbability: Double
    public var billZeta: Double
    public var billSigma: Double
    /// The level shares, owned here; the household loop reads it through ``levelTable`` (unretained, valid while `levels` lives), so running the phase retains
    /// nothing (issue 14: a copy of this phase per household-year cost three atomic retains and releases).
    public let levels: DiscreteDistribution
    private let levelTable: Unmanaged<DiscreteDistribution>
    public var deductibles: HospitalLevels
    public var reimbursementRates: HospitalLevels
    public var outpatientShape: Double
    public var outpatientScale: Double
    public var outpatientOutOfPocketShare: Double
    public var nonMedicalShare: Double
    public var majorIllness: MajorIllnessParameters

    public init(_ illness: IllnessParameters, basic: BasicMedicalParameters, majorIllness: MajorIllnessParameters) throws {
        stayProbability = illness.stayProbability
        chronicStayProbability = illness.chronicStayProbability
        billZeta = naturalLog(illness.billMedian)
        billSigma = illness.billSigma
        levels = try DiscreteDistribution(weights: illness.levelShares.values)
        levelTable = Unmanaged.passUnretained(levels)
        deductibles = basic.deductibles
        reimbursementRates = basic.reimbursementRates
        outpatientShape = illness.chronicOutpatientShape
        outpatientScale = illness.chronicOutpatientMean / illness.chronicOutpatientShape
        outpatientOutOfPocketShare = 1 - basic.chronicOutpatientRate
        nonMedicalShare = illness.nonMedicalShare
        self.majorIllness = majorIllness
    }

    public init(_ parameters: ScenarioParameters) throws {
        let interventions = parameters.interventions
        try self.init(
            parameters.shocks.illness, basic: interventions.basicMedical, majorIllness: interventions.majorIllness)
    }

    public func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream) {
        withUnsafePointer(to: self) { Self.apply(at: $0, to: &household, year: &year, stream: stream) }
    }

    /// The phase at `phase` (read in place, never copied) on one household-year.
    @inline(__always)
    public static func run(
        at phase: UnsafePointer<Self>, _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey,
        stream: RandomStream
    ) {
        key.restart(stream, for: purpose)
        apply(at: phase, to: &household, year: &year, stream: stream)
    }

    private static func apply(
        at phase: UnsafePointer<Self>, to household: inout Household, year: inout HouseholdYear, stream: RandomStream
    ) {
        let stayProbability = phase.pointee.stayProbability, chronicStayProbability = phase.pointee.chronicStayProbability
        let billZeta = phase.pointee.billZeta, billSigma = phase.pointee.billSigma
        let deductibles = phase.pointee.deductibles, reimbursementRates = phase.pointee.reimbursementRates
        let outpatientShape = phase.pointee.outpatientShape, outpatientScale = phase.pointee.outpatientScale
        let outpatientOutOfPocketShare = phase.pointee.outpatientOutOfPocketShare
        let nonMedicalShare = phase.pointee.nonMedicalShare, majorIllness = phase.pointee.majorIllness
        let size = household.size
        let chronic = min(Int(household.chronicIll), size)
        let stays = stream.binomial(size - chronic, stayProbability)
            + stream.binomial(chronic, chronicStayProbability)
        var outOfPocket = 0.0
        if stays > 0 {
            let workers = household.workers
            year.hospitalStays = stays
            year.hospitalisedWorkers = stream.hypergeometric(marked: workers, unmarked: size - workers, draws: stays)
            for _ in 0..<stays {
                let bill = stream.lognormal(zeta: billZeta, sigma: billSigma)
                let level = phase.pointee.levelTable._withUnsafeGuaranteedRef { stream.discrete($0) }
                outOfPocket += bill - max(0, bill - deductibles[level]) * reimbursementRates[level]
                year.hospitalBills += bill
            }
            year.nonMedicalCosts = nonMedicalShare * year.hospitalBills
        }
        for _ in 0..<chronic {
            outOfPocket += outpatientOutOfPocketShare * stream.gamma(shape: outpatientShape, scale: outpatientScale)
        }
        let threshold = household.flags.contains(.onDibao) ? majorIllness.dibaoThreshold : majorIllness.threshold
        outOfPocket -= majorIllness.rate * max(0, outOfPocket - threshold)
        year.medicalOutOfPocket = outOfPocket
    }
}

extension HospitalLevels {
    /// The value of level `index` in the order of ``values`` (township, county, prefecture, province).
    @inline(__always)
    subscript(_ index: Int) -> Double {
        switch index {
        case 0: township
        case 1: county
        case 2: prefecture
        default: province
        }
    }
}

extension StreamPurpose {
    /// Hospital stays, bills and chronic care, step 4.
    public static var illness: StreamPurpose { 11 }
}
