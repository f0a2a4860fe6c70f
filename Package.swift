// swift-tools-version: 6.0
//
// How a register travels through riskreg:
//
//   YAML text ──CYAML (system libyaml)──▶ YAMLNodes     positioned node tree, hostile input bounded
//             ──RegisterLoader─────────▶ RegisterModel  typed register + diagnostics
//             ──Scoring────────────────▶ MonteCarlo     flat simulation plan, run on any thread count
//             ──Scoring────────────────▶ results        outcome distributions, per risk and perspective
//             ──Reporting──────────────▶ Markdown, HTML  for boards and communities
//
// Only `riskreg` (the executable) prints. `MonteCarlo` and `Scoring` import nothing of YAML.
import PackageDescription

let package = Package(
    name: "riskreg",
    products: [
        .executable(name: "riskreg", targets: ["riskreg"]),
        .library(name: "RegisterLoader", targets: ["RegisterLoader"]),
        .library(name: "Scoring", targets: ["Scoring"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The system libyaml from Debian's libyaml-dev: security fixes come from the distribution.
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // YAML text → a tree of nodes, each with its 1-based line and column.
        .target(name: "YAMLNodes", dependencies: ["CYAML"]),
        // The register as typed values (its distributions are the engine's validated ones), and
        // diagnostics as values. Knows nothing of YAML.
        .target(name: "RegisterModel", dependencies: ["MonteCarlo"]),
        // Positioned nodes → a validated register, with every problem found in one pass.
        .target(name: "RegisterLoader", dependencies: ["YAMLNodes", "RegisterModel", "MonteCarlo"]),
        // Random numbers, distributions and the Monte Carlo engine over a flat plan. The loader
        // uses its validity checks (distribution parameters, correlation matrices).
        .target(name: "MonteCarlo"),
        // A validated register → a simulation plan → results a board can read.
        .target(name: "Scoring", dependencies: ["RegisterModel", "MonteCarlo"]),
        // Results + register → Markdown and HTML reports for boards and communities, from Mustache
        // templates, with charts drawn as SVG. Knows the model and the results, not the parser.
        .target(
            name: "Reporting",
            dependencies: ["RegisterModel", "Scoring", "MonteCarlo", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Two revisions of a register → what changed, entry by entry and in the scores. Reads earlier
        // revisions through git (`git show REV:path`), never touching the working tree.
        .target(name: "RegisterDiff", dependencies: ["RegisterModel", "Scoring", "MonteCarlo", "Reporting"]),
        // The thin command-line front end: the only code that prints.
        .executableTarget(
            name: "riskreg",
            dependencies: [
                "RegisterLoader", "Scoring", "Reporting", "RegisterDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer over the loader, the validator, scoring and every report form (docs/fuzzing.md);
        // a replay tool otherwise.
        .executableTarget(name: "riskreg-fuzz", dependencies: ["RegisterLoader", "RegisterModel", "Scoring", "Reporting"], path: "Fuzz/Sources/riskreg-fuzz"),
        .target(name: "_TestSupport", path: "Tests/_TestSupport"),
        .testTarget(name: "YAMLNodesTests", dependencies: ["YAMLNodes"]),
        .testTarget(name: "RegisterLoaderTests", dependencies: ["RegisterLoader", "_TestSupport"]),
        .testTarget(name: "MonteCarloTests", dependencies: ["MonteCarlo"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "RegisterLoader", "_TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Scoring", "RegisterLoader", "_TestSupport"]),
        .testTarget(name: "RegisterDiffTests", dependencies: ["RegisterDiff", "RegisterLoader", "Scoring", "_TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["riskreg", "_TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
