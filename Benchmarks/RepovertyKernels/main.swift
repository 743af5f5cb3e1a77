// The kernel harness of issue 5: nanoseconds per call of the draws, one household-year and the block loop, for the
// reference model. Run it in release: `swift run -c release RepovertyKernels [scale]` (scale 1 takes about a minute;
// 0.1 for a quick look). The measuring is Engine.KernelBenchmarks; this only prints. See docs/PERFORMANCE.md.
import Engine
import Foundation
import Model

let scale = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 1
do {
    var parameters = ScenarioParameters()
    parameters.run.years = 5
    let (results, checksum) = try KernelBenchmarks.all(parameters, scale: scale)
    let width = results.map(\.name.count).max() ?? 0
    for result in results {
        print(result.name.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  %8.1f ns", result.nanosecondsPerCall))
    }
    print(String(format: "(checksum %.6g)", checksum))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
