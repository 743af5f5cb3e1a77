// The kernel harness of issue 5: nanoseconds per call of the draws, one household-year and the block loop, for the
// reference model. Run it in release: `swift run -c release RepovertyKernels [scale]` (scale 1 takes about a minute;
// 0.1 for a quick look). The measuring is Benchmarking.KernelBenchmarks; this only prints. See docs/PERFORMANCE.md.
import CGSL
import Benchmarking
import Foundation
import Model

/// GSL generators side by side through GSL's own calls: the uniform, and `gsl_rng_set` (GSL's seeding, the least a
/// reseed per household-year-purpose could cost). gfsr4, which issue 5 suggests comparing, is here only: its state
/// is 16,384 words, so reseeding it for every household-year-purpose would cost far more than its fast draws save.
func generatorSurvey(scale: Double) -> [(name: String, nanoseconds: Double)] {
    var rows: [(String, Double)] = []
    var checksum = 0.0
    for (label, type) in [("taus2", cgsl_rng_taus2()), ("mt19937", cgsl_rng_mt19937()), ("gfsr4", cgsl_rng_gfsr4())] {
        guard let rng = gsl_rng_alloc(type) else { continue }
        defer { gsl_rng_free(rng) }
        func best(_ calls: Int, _ body: (Int) -> Double) -> Double {
            let calls = max(1, Int(Double(calls) * scale))
            var best = Double.infinity
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                checksum += body(calls)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(calls))
            }
            return best
        }
        rows.append(("\(label) via GSL: gsl_rng_uniform", best(2_000_000) { n in
            (0..<n).reduce(0.0) { sum, _ in sum + gsl_rng_uniform(rng) }
        }))
        rows.append(("\(label) via GSL: gsl_rng_set", best(label == "taus2" ? 1_000_000 : 2_000) { n in
            for seed in 0..<n { gsl_rng_set(rng, UInt(seed + 1)) }
            return gsl_rng_uniform(rng)
        }))
    }
    if checksum.isNaN { print("(checksum NaN)") }
    return rows
}

let scale = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 1
do {
    var parameters = ScenarioParameters()
    parameters.run.years = 5
    let (results, checksum) = try KernelBenchmarks.all(parameters, scale: scale)
    let rows = results.map { ($0.name, $0.nanosecondsPerCall) } + generatorSurvey(scale: scale)
    let width = rows.map(\.0.count).max() ?? 0
    for (name, nanoseconds) in rows {
        print(name.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  %10.1f ns", nanoseconds))
    }
    print(String(format: "(checksum %.6g)", checksum))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
