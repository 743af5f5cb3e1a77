import Foundation
import XCTest

@testable import Model
import Randomness

// Shared helpers for the Model tests: building households and accounts by hand, running one phase under the key the
// yearly step would use, and the statistical assertions.
//
// Statistical tests. Every test here uses fixed keys, so it is deterministic: it either always passes or always fails.
// The tolerances are 5 standard errors of the estimate, computed from the sample size (and, for means, from the sample
// standard deviation). Under a correct implementation a given key set fails with probability below 6·10⁻⁷ per check,
// while a wrong rate or a wrong distribution parameter is typically off by far more than 5 standard errors at the
// sample sizes used (tens of thousands of draws).

/// The number of standard errors every statistical check allows.
let toleranceInStandardErrors = 5.0

/// The seed every test key starts from (arbitrary, fixed).
let testSeed: UInt64 = 20_240_601

// MARK: Building households and years

/// A household with the given members; everything else at `Household()`'s defaults.
func makeHousehold(
    general: Int = 0, skilled: Int = 0, weak: Int = 0, elderly: Int = 0, children: Int = 0, highSchool: Int = 0,
    university: Int = 0, disabled: Int = 0, generalMigrants: Int = 0, skilledMigrants: Int = 0, chronic: Int = 0,
    land: Float = 0, livestock: LivestockKind = .none, herd: Int = 0, motivation: Float = 0.5,
    earningsFactor: Float = 1, debt: Float = 0, assessedIncome: Float = 0, yearsSinceRelocation: Int = 0,
    flags: HouseholdFlags = []
) -> Household {
    var household = Household()
    household.generalLabour = UInt8(general)
    household.skilledLabour = UInt8(skilled)
    household.weakLabour = UInt8(weak)
    household.elderly = UInt8(elderly)
    household.children = UInt8(children)
    household.highSchool = UInt8(highSchool)
    household.university = UInt8(university)
    household.disabled = UInt8(disabled)
    household.generalMigrants = UInt8(generalMigrants)
    household.skilledMigrants = UInt8(skilledMigrants)
    household.chronicIll = UInt8(chronic)
    household.land = land
    household.livestock = livestock
    household.herd = UInt8(herd)
    household.motivation = motivation
    household.earningsFactor = earningsFactor
    household.debt = debt
    household.assessedIncome = assessedIncome
    household.yearsSinceRelocation = UInt8(yearsSinceRelocation)
    household.flags = flags
    return household
}

/// This year's empty accounts with the given covariates.
func makeYear(
    _ year: Int = 1, price: Double = 1, wageMultiplier: Double = 1, flooded: Bool = false, outbreak: Bool = false
) -> HouseholdYear {
    HouseholdYear(year: year, price: price, wageMultiplier: wageMultiplier, villageFlooded: flooded, countyOutbreak: outbreak)
}

/// A fresh, unseeded taus2 stream (every use reseeds it).
func makeStream() -> RandomStream {
    // swiftlint:disable:next force_try
    try! RandomStream(generator: .taus2)
}

/// The coordinates of test household `index` in `year` (replicate 0, block from the index as the engine does).
func testKey(_ index: Int, year: Int = 1, seed: UInt64 = testSeed, replicate: Int = 0) -> HouseholdStreamKey {
    HouseholdStreamKey(seed: seed, replicate: replicate, block: index / 4_096, year: year, household: index % 4_096)
}

extension YearPhase {
    /// Restart `stream` under this phase's key, as ``YearlyStep`` does, then apply the phase.
    func run(_ household: inout Household, _ year: inout HouseholdYear, key: HouseholdStreamKey, stream: RandomStream) {
        stream.reseed(mixedKey: key.mixed(Self.purpose))
        apply(to: &household, year: &year, stream: stream)
    }
}

/// Every stored field of a year's accounts, as text: equal texts ⇔ equal accounts (Double's description round-trips).
func fields(_ year: HouseholdYear) -> String { String(describing: year) }

/// The default scenario (MODEL.md's reference parameters).
func referenceParameters() -> ScenarioParameters { ScenarioParameters() }

// MARK: Statistics

/// Running mean and variance (Welford).
struct Sample {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var squares = 0.0

    mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squares += delta * (value - mean)
    }

    /// Sample variance (n − 1).
    var variance: Double { count > 1 ? squares / Double(count - 1) : 0 }
    var standardDeviation: Double { variance.squareRoot() }
    /// Standard error of the mean.
    var standardError: Double { count > 0 ? standardDeviation / Double(count).squareRoot() : .infinity }
}

/// A ratio Σx / Σy over units (households), with its delta-method standard error: the units are independent, the
/// members of one household are not, so the error is computed from the per-household residuals x − R·y.
struct RatioSample {
    private(set) var count = 0
    private var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0

    mutating func add(_ x: Double, _ y: Double) {
        count += 1
        sx += x
        sy += y
        sxx += x * x
        syy += y * y
        sxy += x * y
    }

    var ratio: Double { sx / sy }

    var standardError: Double {
        let n = Double(count), r = ratio
        // Σ (x − r y)² / (n − 1), then divided by n ȳ².
        let residualSquares = sxx - 2 * r * sxy + r * r * syy
        let meanY = sy / n
        return (max(0, residualSquares) / (n - 1) / n).squareRoot() / meanY
    }
}

/// `hits` out of `trials` independent Bernoulli trials agree with probability `p`: within 5 standard errors
/// √(p(1−p)/n) of the expected share. A probability of 0 or 1 must be met exactly.
func assertShare(
    _ hits: Int, of trials: Int, near p: Double, _ what: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertGreaterThan(trials, 0, "no trials for \(what)", file: file, line: line)
    guard trials > 0 else { return }
    let share = Double(hits) / Double(trials)
    if p <= 0 || p >= 1 {
        XCTAssertEqual(share, p, "\(what): share \(share) of \(trials), expected exactly \(p)", file: file, line: line)
        return
    }
    let standardError = (p * (1 - p) / Double(trials)).squareRoot()
    XCTAssertEqual(
        share, p, accuracy: toleranceInStandardErrors * standardError,
        "\(what): share \(share) of \(trials), expected \(p) ± \(toleranceInStandardErrors) × \(standardError)",
        file: file, line: line)
}

/// A sum of independent Bernoulli trials with different probabilities: `hits` is within 5 standard deviations
/// √Σp(1−p) of Σp.
func assertBernoulliSum(
    _ hits: Int, expected probabilities: [Double], _ what: String = "", file: StaticString = #filePath,
    line: UInt = #line
) {
    let expected = probabilities.reduce(0, +)
    let sd = probabilities.reduce(0) { $0 + $1 * (1 - $1) }.squareRoot()
    XCTAssertEqual(
        Double(hits), expected, accuracy: toleranceInStandardErrors * max(sd, 1e-9),
        "\(what): \(hits) hits, expected \(expected) ± \(toleranceInStandardErrors) × \(sd)", file: file, line: line)
}

/// A sample mean is within 5 standard errors (sample sd / √n) of `mu`.
func assertMean(
    _ sample: Sample, near mu: Double, _ what: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertGreaterThan(sample.count, 1, "no sample for \(what)", file: file, line: line)
    XCTAssertEqual(
        sample.mean, mu, accuracy: toleranceInStandardErrors * sample.standardError,
        "\(what): mean \(sample.mean) of \(sample.count), expected \(mu) ± \(toleranceInStandardErrors) × \(sample.standardError)",
        file: file, line: line)
}

/// A ratio estimate is within 5 (delta-method) standard errors of `r`.
func assertRatio(
    _ sample: RatioSample, near r: Double, _ what: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertGreaterThan(sample.count, 1, "no sample for \(what)", file: file, line: line)
    XCTAssertEqual(
        sample.ratio, r, accuracy: toleranceInStandardErrors * sample.standardError,
        "\(what): ratio \(sample.ratio) over \(sample.count), expected \(r) ± \(toleranceInStandardErrors) × \(sample.standardError)",
        file: file, line: line)
}

/// A sample standard deviation is close to `sigma`. The standard error of a sample sd is about σ/√(2n) for a normal
/// sample; heavier tails make it larger, so the tolerance is 5 of those errors times `slack`.
func assertStandardDeviation(
    _ sample: Sample, near sigma: Double, slack: Double = 2, _ what: String = "", file: StaticString = #filePath,
    line: UInt = #line
) {
    let standardError = sigma / (2 * Double(sample.count)).squareRoot()
    XCTAssertEqual(
        sample.standardDeviation, sigma, accuracy: toleranceInStandardErrors * slack * standardError,
        "\(what): sd \(sample.standardDeviation) of \(sample.count), expected \(sigma)", file: file, line: line)
}

// MARK: Synthetic households

/// The population stream key of household `index`, exactly as the engine makes it (Sources/Engine/Simulation.swift,
/// `BlockTask`): (seed, replicate 0, block, population, year 0, index in block), blocks of 4,096.
func populationKey(_ index: Int, seed: UInt64 = testSeed) -> UInt64 {
    HouseholdStreamKey(seed: seed, replicate: 0, block: index / 4_096, year: 0, household: index % 4_096)
        .mixed(.population)
}

/// `count` households of profile dongxiang-2017 (the reference population), all in village 0.
func dongxiangHouseholds(
    _ count: Int, seed: UInt64 = testSeed, parameters: PopulationParameters = PopulationParameters(),
    relocation: RelocationParameters = RelocationParameters()
) -> [Household] {
    // swiftlint:disable:next force_try
    let synthesis = try! PopulationSynthesis(parameters, relocation: relocation)
    let stream = makeStream()
    return (0..<count).map { index in
        stream.reseed(mixedKey: populationKey(index, seed: seed))
        return synthesis.household(stream: stream)
    }
}
