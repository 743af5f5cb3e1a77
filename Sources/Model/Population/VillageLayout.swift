import Randomness

/// Villages and counties over the whole population (MODEL.md §3: villages of 250–800 households, 100 a county).
///
/// Village sizes are drawn in order from one stream keyed by (seed, villages), so household h lives in the same
/// village whatever the block size, the thread count or the number of households after it. Floods are drawn per
/// village and outbreaks and prices per county, never per block (MODEL.md §4 step 1).
public struct VillageLayout: Sendable {
    /// First household index of each village, ascending, starting at 0.
    public let firstHousehold: [Int]
    public let villagesPerCounty: Int
    public let households: Int

    public init(households: Int, parameters: VillageParameters, seed: UInt64, generator: GeneratorKind) throws {
        let stream = try RandomStream(generator: generator, key: .villageLayout(seed: seed))
        let span = parameters.maxHouseholds - parameters.minHouseholds + 1
        var starts: [Int] = []
        var next = 0
        while next < households {
            starts.append(next)
            next += parameters.minHouseholds + stream.uniformInt(below: span)
        }
        if starts.isEmpty { starts = [0] }
        firstHousehold = starts
        villagesPerCounty = parameters.perCounty
        self.households = households
    }

    public var villageCount: Int { firstHousehold.count }
    public var countyCount: Int { (villageCount + villagesPerCounty - 1) / villagesPerCounty }

    /// The village of household `index` (binary search over the village starts).
    public func village(ofHousehold index: Int) -> Int {
        var low = 0, high = firstHousehold.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if firstHousehold[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    public func county(ofVillage village: Int) -> Int { village / villagesPerCounty }
}
