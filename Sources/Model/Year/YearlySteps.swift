/// The step of every year, built once before the run: one ``YearlyStep`` when no key varies by year, else one a year
/// up to the last year a per-year list reaches (``PerYearValues``), later years taking the last.
///
/// The household loop indexes it by year: a pointer into a small buffer (`unsafeAddress`, so the step is not copied),
/// no dictionary, no string, no allocation. With no per-year key it holds exactly the step a run always built, so such a
/// scenario's results are unchanged, and the engine then runs its loop over ``ConstantStep`` instead (``isConstant``):
/// the loop is generic over ``YearStepSource``, so the scenario without lists runs the very code it always ran (an
/// indexed step costs about 100 ns a household-year, 13 %, even when every year's is the same).
public final class YearlySteps: YearStepSource, @unchecked Sendable {
    // @unchecked: the buffer is written once, in init, and only read afterwards.
    private let steps: UnsafeMutablePointer<YearlyStep>
    private let count: Int

    /// The steps of `parameters`' years.
    public convenience init(_ parameters: ScenarioParameters) throws {
        try self.init((0...parameters.lastScheduledYear).map { try YearlyStep(parameters.resolved(year: $0)) })
    }

    /// The same step in every year (the kernel harness, tests).
    public convenience init(_ step: YearlyStep) { self.init([step]) }

    private init(_ list: [YearlyStep]) {
        count = list.count
        steps = .allocate(capacity: count)
        steps.initialize(from: list, count: count)
    }

    deinit {
        steps.deinitialize(count: count)
        steps.deallocate()
    }

    /// Year 0's step: its covariates and poverty line are every year's (only interventions vary by year).
    public var first: YearlyStep { steps[0] }

    /// True when every year has the same step (no key varies by year).
    public var isConstant: Bool { count == 1 }

    /// The step of `year`.
    @inline(__always)
    public subscript(year: Int) -> YearlyStep {
        unsafeAddress { UnsafePointer(steps + min(year, count - 1)) }
    }
}

/// Where the household loop finds each year's step (``YearlySteps``, or ``ConstantStep`` when no key varies by year).
public protocol YearStepSource {
    /// The step of `year`.
    subscript(year: Int) -> YearlyStep { get }
}

/// One step for every year.
public struct ConstantStep: YearStepSource, Sendable {
    public let step: YearlyStep

    public init(_ step: YearlyStep) { self.step = step }

    @inline(__always)
    public subscript(year: Int) -> YearlyStep { step }
}
