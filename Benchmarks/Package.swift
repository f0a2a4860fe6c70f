// swift-tools-version: 6.1
//
// Benchmarks of riskreg's scoring on model R (README.md), with ordo-one/benchmark.
// A package of its own so the main package keeps no benchmark dependencies. Run from this folder:
//
//   swift package --scratch-path ../.build-bench benchmark
import Foundation
import PackageDescription

// A path dependency's package identity is the name of its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent

let package = Package(
    name: "riskreg-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: root.path),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ModelR",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Scoring", package: rootIdentity),
                .product(name: "RegisterLoader", package: rootIdentity),
            ],
            path: "Benchmarks/ModelR",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
