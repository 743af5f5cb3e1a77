/// A figure as the results files give it: the mean over replicates and its 95 % interval (MODEL.md §4), each absent
/// when undefined (for example the interval of a single replicate).
public struct Estimate: Equatable, Sendable {
    public var mean: Double?
    public var lower: Double?
    public var upper: Double?

    public init(mean: Double?, lower: Double? = nil, upper: Double? = nil) {
        self.mean = mean
        self.lower = lower
        self.upper = upper
    }
}
