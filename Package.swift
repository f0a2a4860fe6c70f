// swift-tools-version: 6.0
//
// How a register travels through riskreg; the targets below follow the same order:
//
//   YAML text ──YAMLNodes (system libyaml)──▶ positioned nodes  hostile input bounded
//             ──RegisterLoader─────────────▶ RegisterModel     typed register + diagnostics
//             ──Scoring────────────────────▶ simulation plan   flat and index-based (MonteCarlo)
//             ──MonteCarlo─────────────────▶ results           run on any thread count
//             ──Scoring────────────────────▶ RegisterScore     per outcome, risk and perspective
//             ──Reporting, RegisterDiff────▶ Markdown, HTML    for boards, communities, reviews
//
// `Distributions` (validated distributions and correlation matrices) sits under both the model
// and the engine, so the engine can change without rebuilding the model. `TextLayer` (the
// phrasebook, figures, and the escapers for untrusted text) sits under everything people read. `Spreadsheets` sits
// beside the loader: a CSV export and a mapping → register YAML, which the loader then checks.
// Only `riskreg` (the executable) prints. `MonteCarlo` and `Scoring` import nothing of YAML.
import PackageDescription

// The test targets are compiled without optimisation, also in the release test build (`make
// test`): what they check runs in the libraries, which stay optimised (the simulations of
// millions of trials), while optimising the 19,000 lines of test code took half the CPU time of
// a clean build. Unoptimised tests still exercise the optimised library code, and
// `-enable-testing` on the libraries keeps `@testable` imports working.
let testSettings: [SwiftSetting] = [.unsafeFlags(["-Onone"])]

// ReportingTests is the last module of the build's longest chain (Distributions → MonteCarlo →
// Scoring → RegisterDiff → Reporting → ReportingTests): nothing else is left to compile when
// Reporting is done. Compiled as one whole module it type-checks on one core; in two batches of
// files, as a debug build does, it type-checks on two. The other test targets build while the
// libraries do, when the cores are busy anyway, and stay whole-module (batches repeat some work).
// The build says it ignores `-num-threads` for ReportingTests: SwiftPM passes it to every module
// of a release build, and it only splits the code generation of a whole-module build.
let lastTestSettings: [SwiftSetting] = [.unsafeFlags(["-Onone", "-no-whole-module-optimization", "-enable-batch-mode", "-driver-batch-count", "2"])]

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
        // Validated distributions and correlation matrices, with the special functions they need:
        // the values an estimate holds. The model stores them, the loader checks registers with
        // their rules and the engine samples them, so a change to the engine rebuilds neither.
        .target(name: "Distributions"),
        // Everything people read, in one place: the phrasebook (catalogues keyed by id, one file
        // per language), figures and units, and the cleaners and escapers for untrusted text
        // (terminal, Markdown, HTML). Depends on nothing.
        .target(name: "TextLayer", exclude: ["Catalogues"]),
        // The register as typed values and diagnostics as values. Knows nothing of YAML.
        .target(name: "RegisterModel", dependencies: ["Distributions"]),
        // Positioned nodes → a validated register, with every problem found in one pass.
        .target(name: "RegisterLoader", dependencies: ["YAMLNodes", "RegisterModel", "Distributions", "TextLayer"]),
        // A spreadsheet register (CSV) and a mapping file → register YAML, all or nothing. The
        // mapping is read with the loader's decoders and the result checked by the loader.
        .target(name: "Spreadsheets", dependencies: ["YAMLNodes", "Distributions", "RegisterModel", "RegisterLoader", "TextLayer"]),
        // Random number streams and the Monte Carlo engine over a flat simulation plan.
        .target(name: "MonteCarlo", dependencies: ["Distributions"]),
        // A validated register → a simulation plan → results a board can read.
        .target(name: "Scoring", dependencies: ["RegisterModel", "Distributions", "MonteCarlo", "TextLayer"]),
        // Two revisions of a register → what changed, entry by entry and in the scores. Reads earlier
        // revisions through git (`git show REV:path`), never touching the working tree.
        .target(name: "RegisterDiff", dependencies: ["Distributions", "RegisterModel", "MonteCarlo", "Scoring", "TextLayer"]),
        // Results + register → Markdown and HTML reports for boards and communities, from Mustache
        // templates, with charts drawn as SVG; a comparison (RegisterDiff) becomes the board report's
        // "Since the last review". Also the score table and CSV. Knows the model and the results,
        // not the parser.
        .target(
            name: "Reporting",
            dependencies: ["RegisterModel", "Scoring", "MonteCarlo", "RegisterDiff", "TextLayer", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The thin command-line front end: the only code that prints.
        .executableTarget(
            name: "riskreg",
            dependencies: [
                "Distributions", "RegisterModel", "RegisterLoader", "Spreadsheets", "MonteCarlo", "Scoring", "Reporting", "RegisterDiff", "TextLayer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Rewrites the files generated from the format's description (scripts/generate-format).
        .executableTarget(name: "generate-register-format", dependencies: ["RegisterLoader"]),
        // libFuzzer over the loader, the validator, scoring and every report form (docs/fuzzing.md);
        // a replay tool otherwise.
        .executableTarget(name: "riskreg-fuzz", dependencies: ["YAMLNodes", "RegisterLoader", "RegisterModel", "Scoring", "Reporting"], path: "Fuzz/Sources/riskreg-fuzz"),
        .target(name: "_TestSupport", path: "Tests/_TestSupport", swiftSettings: testSettings),
        .testTarget(name: "YAMLNodesTests", dependencies: ["YAMLNodes"], swiftSettings: testSettings),
        .testTarget(name: "TextLayerTests", dependencies: ["TextLayer", "_TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "RegisterLoaderTests", dependencies: ["Distributions", "RegisterModel", "RegisterLoader", "_TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "SpreadsheetsTests", dependencies: ["RegisterModel", "RegisterLoader", "Spreadsheets", "_TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "MonteCarloTests", dependencies: ["Distributions", "MonteCarlo"], swiftSettings: testSettings),
        .testTarget(name: "ScoringTests", dependencies: ["Distributions", "RegisterModel", "RegisterLoader", "MonteCarlo", "Scoring", "TextLayer", "_TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "ReportingTests", dependencies: ["RegisterModel", "RegisterLoader", "Scoring", "Reporting", "RegisterDiff", "TextLayer", "_TestSupport"], swiftSettings: lastTestSettings),
        .testTarget(name: "RegisterDiffTests", dependencies: ["RegisterModel", "RegisterLoader", "MonteCarlo", "Scoring", "RegisterDiff", "TextLayer", "_TestSupport"], swiftSettings: testSettings),
        // The command line through the real binary, which `swift test` builds before it runs any
        // test: CLITests does not import the executable's module, so it compiles while the
        // libraries do rather than after all of them. The few tests of the executable's own code
        // (in-process, `@testable`) are in CLIUnitTests, which waits for it.
        .testTarget(name: "CLITests", dependencies: ["RegisterModel", "_TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "CLIUnitTests", dependencies: ["riskreg", "_TestSupport"], swiftSettings: testSettings),
    ],
    swiftLanguageModes: [.v6]
)
