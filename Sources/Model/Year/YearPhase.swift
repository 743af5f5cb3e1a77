import Randomness

/// One shock or intervention, or a step of the household's own dynamics: a phase of the year of MODEL.md §4.
///
/// Each phase is a small value type holding plain numbers prepared from its scenario section, and draws only from the
/// stream the yearly step has just started for it under its own ``StreamPurpose`` (declared in the phase's file). A
/// phase whose events are shared by a place (a flood by village, an outbreak by county) declares them as its
/// ``Covariates``, drawn before the parallel loop and handed to it in ``HouseholdYear``. Phases are listed once, in
/// the order they run, in ``YearPhases``; the list is a chain of concrete generic types, so the household loop is
/// statically dispatched (no existential per household).
public protocol YearPhase: PhaseList {
    /// The draws this phase shares across a place and year (MODEL.md §4 step 1); ``NoCovariates`` for most.
    associatedtype Covariates = NoCovariates

    /// The purpose in the key of this phase's stream: a separate stream per phase is what makes an intervention with
    /// coverage 0 reproduce the baseline exactly, and the same household meet the same illness in every scenario.
    /// ``StreamPurpose/deterministic`` for a phase that draws nothing (its stream is then not restarted).
    static var purpose: StreamPurpose { get }

    /// The phase prepared from the scenario: it reads only its own sections.
    init(_ parameters: ScenarioParameters) throws

    /// Apply the phase to one household in one year.
    /// - Parameters:
    ///   - household: the state carried between years; the phase may change it.
    ///   - year: this year's accounts; the phase records what it found (its loss, its cost), which is how it shows
    ///     in the tallies and in the entry cause of step 10 (``EntryCause``).
    ///   - stream: a stream already keyed by (seed, replicate, block, purpose, year, household).
    func apply(to household: inout Household, year: inout HouseholdYear, stream: RandomStream)
}

/// A list of phases run in order: one phase, a phase restricted to some years, or a chain of lists (``Then``).
///
/// The list's type spells out its phases, so ``run(at:_:year:key:stream:)`` is statically dispatched all the way down.
/// It takes the list by address, not as `self`: a method on the 720-byte chain made the compiler copy the whole chain
/// to the stack once per household-year (issue 14).
public protocol PhaseList: Sendable {
    /// The place covariates of every phase in the list, in list order.
    associatedtype Covariates: PlaceCovariateList

    init(_ parameters: ScenarioParameters) throws

    /// Run the list at `list`'s phases on one household-year, each on its own freshly keyed stream.
    static func run(
        at list: UnsafePointer<Self>, _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey,
        stream: RandomStream)

    /// The purposes of the list's phases, in order, each with its phase's name (for the tests of the contract).
    static var purposes: [PhasePurpose] { get }

    /// The names of the phases that run in year `year`, in order (for the tests of MODEL.md §4's order).
    static func phaseNames(year: Int) -> [String]
}

extension PhaseList {
    /// Run the list's phases on one household-year (a copy of the list: for tests and single phases).
    public func run(_ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey, stream: RandomStream) {
        withUnsafePointer(to: self) { Self.run(at: $0, &household, year: &year, key: key, stream: stream) }
    }
}

extension YearPhase {
    /// Restart the stream under the phase's key (lazily: reseeded at the phase's first draw, if any), then apply it.
    @inline(__always)
    public static func run(
        at phase: UnsafePointer<Self>, _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey,
        stream: RandomStream
    ) {
        if Self.purpose != .deterministic { key.restart(stream, for: Self.purpose) }
        phase.pointee.apply(to: &household, year: &year, stream: stream)
    }

    public static var purposes: [PhasePurpose] { [PhasePurpose(phase: String(describing: Self.self), purpose: purpose)] }
    public static func phaseNames(year: Int) -> [String] { [String(describing: Self.self)] }
}

extension PhaseList {
    /// This list followed by `Next`: `Demography.Then<Illness>.Then<Flood>` runs the three in that order.
    public typealias Then<Next: PhaseList> = PhaseChain<Self, Next>
}

/// `First`, then `Second`.
public struct PhaseChain<First: PhaseList, Second: PhaseList>: PhaseList {
    public typealias Covariates = CovariateChain<First.Covariates, Second.Covariates>
    public private(set) var first: First
    public private(set) var second: Second

    public init(_ parameters: ScenarioParameters) throws {
        first = try First(parameters)
        second = try Second(parameters)
    }

    public static func run(
        at chain: UnsafePointer<Self>, _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey,
        stream: RandomStream
    ) {
        // The addresses of the two halves, taken through the pointer (never a copy of either).
        let mutable = UnsafeMutablePointer(mutating: chain)
        withUnsafeMutablePointer(to: &mutable.pointee.first) {
            First.run(at: $0, &household, year: &year, key: key, stream: stream)
        }
        withUnsafeMutablePointer(to: &mutable.pointee.second) {
            Second.run(at: $0, &household, year: &year, key: key, stream: stream)
        }
    }

    public static var purposes: [PhasePurpose] { First.purposes + Second.purposes }
    public static func phaseNames(year: Int) -> [String] { First.phaseNames(year: year) + Second.phaseNames(year: year) }
}

/// A phase that runs in the selection year 0 only (insurance enrolment; dibao after the year's own assessment).
public typealias InSelectionYear<Phase: YearPhase> = InSomeYears<Phase, SelectionYear>

/// A phase that runs from year 1 on (dibao at step 3, deciding on last year's assessment).
public typealias FromYearOne<Phase: YearPhase> = InSomeYears<Phase, YearsAfterSelection>

/// Which years a phase of ``InSomeYears`` runs in: a type, so the test folds into the household loop.
public protocol YearRule: Sendable {
    static func includes(_ year: Int) -> Bool
}

/// Year 0 only.
public enum SelectionYear: YearRule {
    @inline(__always) public static func includes(_ year: Int) -> Bool { year == 0 }
}

/// Years 1…T.
public enum YearsAfterSelection: YearRule {
    @inline(__always) public static func includes(_ year: Int) -> Bool { year != 0 }
}

/// `Phase`, run only in the years `Years` includes (its stream is not even restarted in the others).
public struct InSomeYears<Phase: YearPhase, Years: YearRule>: PhaseList {
    public typealias Covariates = Phase.Covariates
    public private(set) var phase: Phase

    public init(_ parameters: ScenarioParameters) throws { phase = try Phase(parameters) }

    @inline(__always)
    public static func run(
        at list: UnsafePointer<Self>, _ household: inout Household, year: inout HouseholdYear, key: HouseholdStreamKey,
        stream: RandomStream
    ) {
        guard Years.includes(year.year) else { return }
        withUnsafeMutablePointer(to: &UnsafeMutablePointer(mutating: list).pointee.phase) {
            Phase.run(at: $0, &household, year: &year, key: key, stream: stream)
        }
    }

    public static var purposes: [PhasePurpose] { Phase.purposes }
    public static func phaseNames(year: Int) -> [String] { Years.includes(year) ? Phase.phaseNames(year: year) : [] }
}

/// A phase or covariate and the purpose of its stream.
public struct PhasePurpose: Hashable, Sendable {
    public let phase: String
    public let purpose: StreamPurpose
}
