// swift-tools-version:6.1
// libFuzzer targets for repoverty, kept out of the main package so that `swift build` and `swift test` never need the
// fuzzer runtime. Build and run with `scripts/fuzz.sh SECONDS` from the repository root.
import PackageDescription

let package = Package(
    name: "repoverty-fuzz",
    dependencies: [
        .package(name: "repoverty", path: ".."),
    ],
    targets: [
        // Scenario text and --set overrides in, a loaded scenario or a located ScenarioError out; valid scenarios are
        // round-tripped through their resolved YAML and simulated at a tiny size, and every metric must be finite.
        .executableTarget(
            name: "FuzzScenarioLoader",
            dependencies: ["CFuzzer", .product(name: "Repoverty", package: "repoverty")],
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ),
        // The declaration of libFuzzer's driver, which EntryPoints.swift calls.
        .target(name: "CFuzzer"),
    ]
)
