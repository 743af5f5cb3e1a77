// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "repoverty",
    products: [
        .executable(name: "repoverty", targets: ["RepovertyCLI"]),
        .library(name: "Repoverty", targets: ["Model", "Engine", "Scenarios", "Output", "Sweeps", "Reports", "Reproduction", "Calibration", "BuildInfo", "Runs", "Sensitivity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The GNU Scientific Library as a C module: a header and link flags, no logic.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Generators and distributions over CGSL: seeding from 64-bit keys, typed errors; no gsl_* type escapes.
        .target(name: "Randomness", dependencies: ["CGSL"]),
        // The commit the binary was built from, compiled in by the BuildCommit plugin (run.json, the sweep store).
        .target(name: "BuildInfo", plugins: ["BuildCommit"]),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // Households, population synthesis, shocks, interventions and the yearly step of MODEL.md §2–4.
        .target(name: "Model", dependencies: ["Randomness"]),
        // Blocks, keyed streams, covariates, the parallel loop and aggregation across replicates (MODEL.md §5–6).
        // Also GSL's least squares (`gsl_multifit_*`) for vulnerability as `002` estimates it (VulnerabilityFGLS.swift).
        .target(name: "Engine", dependencies: ["CGSL", "Model", "Randomness"]),
        // YAML scenario files: extends, --set overrides, validation with file, line and key path.
        .target(name: "Scenarios", dependencies: ["Model", .product(name: "Yams", package: "Yams")]),
        // summary.csv, run.json and the printed headline table, written atomically.
        .target(name: "Output", dependencies: ["Engine", "Model"]),
        // Running a scenario: load, check the memory, simulate, summarise, record the provenance, write; never prints.
        .target(name: "Runs", dependencies: ["BuildInfo", "Engine", "Model", "Randomness", "Scenarios", "Output"]),
        // Parameter sweeps: grids, Latin-hypercube samples, shards, per-point seeds, the SQLite store, merge and resume,
        // and partial rank correlations of a sample's outputs with its inputs (GSL's least squares).
        .target(
            name: "Sweeps",
            dependencies: [
                "CGSL", "Model", "Randomness", "Engine", "Scenarios", "Output", "Runs", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The report of a results folder: charts drawn by gnuplot, one self-contained HTML page; never prints.
        .target(name: "Reports", dependencies: ["Output", "Sweeps", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Re-making recorded runs from their run.json and comparing every output file byte for byte.
        .target(name: "Reproduction", dependencies: ["Engine", "Model", "Output", "Randomness", "Scenarios", "Runs"]),
        // `calibrate`: fits free scenario keys to target metrics with GSL's Nelder–Mead simplex; never prints.
        .target(name: "Calibration", dependencies: ["CGSL", "Model", "Engine", "Scenarios", "Runs"]),
        // `sensitivity`: every key moved down and up, each run paired with the base (common random numbers), or the assumed
        // keys sampled jointly (the sweeps' Latin hypercube, PRCC); never prints.
        .target(
            name: "Sensitivity",
            dependencies: [
                "CGSL", "Runs", "Scenarios", "Model", "Engine", "Output", "Randomness", "Sweeps",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // The command line: parses arguments, calls the library, prints.
        .executableTarget(
            name: "RepovertyCLI",
            dependencies: [
                "Model", "Randomness", "Scenarios", "Engine", "Output", "Runs", "Sweeps", "Reports", "Reproduction", "Calibration",
                "Sensitivity", "Benchmarking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Issue 5's kernel harness: ns per draw, per household-year and per block step (docs/PERFORMANCE.md).
        // Measuring whole runs (`repoverty bench`) and the hot kernels, kept out of the engine library.
        .target(
            name: "Benchmarking", dependencies: ["Engine", "Model", "Randomness", "Runs", "Scenarios"],
            path: "Benchmarks/Benchmarking"),
        .executableTarget(
            name: "RepovertyKernels", dependencies: ["CGSL", "Benchmarking", "Model"], path: "Benchmarks/RepovertyKernels"),
        .testTarget(name: "BuildInfoTests", dependencies: ["BuildInfo"]),
        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Randomness"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Model", "Output", "Randomness"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Model"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "Engine"]),
        .testTarget(name: "CLITests", dependencies: ["RepovertyCLI"]),
        .testTarget(name: "RunsTests", dependencies: ["Runs", "Scenarios", "Engine", "Output", "Model"]),
        .testTarget(name: "BenchmarkingTests", dependencies: ["Benchmarking", "Engine", "Runs", "Scenarios", "Model"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Model"]),
        .testTarget(name: "ReproductionTests", dependencies: ["Reproduction", "Runs", "Output", "Model"]),
        .testTarget(name: "SensitivityTests", dependencies: ["Sensitivity", "Runs", "Scenarios", "Model", "Engine", "Sweeps"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "Scenarios", "Engine", "Runs"]),
        .testTarget(
            name: "SweepsTests",
            dependencies: ["Sweeps", "Runs", "Scenarios", "Engine", "Output", "Randomness", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
