import Model

/// Where each block's households lie, and which sub-population they belong to (MODEL.md §6; docs/ARCHITECTURE.md).
///
/// Without sub-populations, block b holds households b·blockSize ..< (b+1)·blockSize, the last one short: the layout
/// runs always had. With sub-populations (MODEL.md §7, mixtures), their households follow one another in list order,
/// sub-population k taking N_k consecutive households (``Subpopulation/split(_:shares:)``), and each takes whole
/// blocks of its own (its last may be short), numbered on from the previous one's: no block holds households of two
/// sub-populations, and block numbers — part of every stream key — stay distinct across the whole run.
public struct BlockPlan: Sendable, Equatable {
    /// The households of each group (one group without sub-populations).
    public let households: [Int]
    /// The first household (in the whole population) of each group.
    public let firstHousehold: [Int]
    /// The first block of each group; `firstBlock[k + 1] - firstBlock[k]` blocks are group k's.
    public let firstBlock: [Int]
    /// The group of each block.
    public let groupOfBlock: [Int]

    /// Groups of `households` households in order.
    public init(households: [Int]) {
        self.households = households
        var firstHousehold: [Int] = [], firstBlock: [Int] = [], groupOfBlock: [Int] = []
        var household = 0
        for (group, count) in households.enumerated() {
            firstHousehold.append(household)
            firstBlock.append(groupOfBlock.count)
            groupOfBlock += Array(repeating: group, count: Simulation.blockCount(households: count))
            household += count
        }
        self.firstHousehold = firstHousehold
        self.firstBlock = firstBlock
        self.groupOfBlock = groupOfBlock
    }

    /// The plan of a run: one group of `run.households`, or the sub-populations' shares of it.
    public init(households: Int, subpopulations: [Subpopulation]) {
        self.init(households: subpopulations.isEmpty ? [households]
                  : Subpopulation.split(households, shares: subpopulations.map(\.share)))
    }

    public var blockCount: Int { groupOfBlock.count }
    public var totalHouseholds: Int { households.reduce(0, +) }

    /// The blocks of group `group`, in order.
    public func blocks(ofGroup group: Int) -> Range<Int> {
        firstBlock[group]..<(group + 1 < firstBlock.count ? firstBlock[group + 1] : blockCount)
    }

    /// The households of block `block`, as indices in the whole population.
    public func households(ofBlock block: Int) -> Range<Int> {
        let group = groupOfBlock[block]
        let first = firstHousehold[group] + (block - firstBlock[group]) * Simulation.blockSize
        return first..<min(firstHousehold[group] + households[group], first + Simulation.blockSize)
    }
}
