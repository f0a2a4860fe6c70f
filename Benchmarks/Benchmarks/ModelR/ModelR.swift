// Scoring model R (Benchmarks/README.md) through the library, as `riskreg score` does, without
// the process start, file read and JSON output.
//
// The register text is made here with the same formula as Benchmarks/make-model-r, so the
// benchmark needs no generated files.
import Benchmark
import Foundation
import RegisterLoader
import RegisterModel
import Scoring

/// Model R with `n` risks as register YAML: risk i occurs with probability
/// 0.05 + 0.9 · ((37 i) mod 100) / 100 and then costs PERT(m, 2.5 m, 10 m), m = 1000 · (1 + i mod 7).
func modelR(risks n: Int) -> String {
    var lines = [
        "riskreg: 1",
        "register:",
        "  id: model-r-\(n)",
        "  title: Model R benchmark register with \(n) risks",
        "  organisation: Benchmark",
        "  horizon: 12 months",
        "  currency: EUR",
        "outcomes:",
        "  - {id: total, title: Total cost, unit: money}",
        "contributors:",
        "  - {id: bench-team, name: Benchmark team, kind: staff}",
        "risks:",
    ]
    for i in 0..<n {
        let p = Double((37 * i) % 100) * 9 / 1000 + 0.05  // 0.05 + 0.9 · k / 100, exact in thousandths
        let low = 1000 * (1 + i % 7)
        lines += [
            "  - id: R-\(i)",
            "    title: Model R risk \(i)",
            "    outcome: total",
            "    strategy: reduction",
            "    owner: Benchmark owner",
            "    coproduction: {mode: co-assessment, contributors: [bench-team]}",
            "    estimates:",
            "      - likelihood: \(String(format: "%.3f", p))",
            "        impact: {pert: [\(low), \(Double(low) * 2.5), \(10 * low)]}",
        ]
    }
    return lines.joined(separator: "\n") + "\n"
}

let asOf = CalendarDate(year: 2026, month: 1, day: 1)!

func loadModelR(risks n: Int) -> Register {
    let loaded = RegisterFile.read(bytes: Array(modelR(risks: n).utf8), file: "model-r-\(n).yaml", asOf: asOf)
    guard let register = loaded.register else {
        fatalError("model R did not validate: \(loaded.diagnostics.map(\.message))")
    }
    return register
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .memoryLeaked, .peakMemoryResident]

    for (risks, trials, iterations) in [(100, 1_000_000, 10), (1000, 100_000, 10)] {
        Benchmark(
            "score model R, N=\(risks), T=\(trials), jobs=2",
            configuration: .init(
                metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1,
                maxDuration: .seconds(20), maxIterations: iterations,
                setup: { _ = registerCache.get(risks) })
        ) { benchmark in
            let register = registerCache.get(risks)
            let options = ScoringOptions(seed: 1, trials: trials, jobs: 2, asOf: asOf)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try Scorer.score(register, options: options))
            }
            benchmark.stopMeasurement()
        }
    }

    // The loader alone on the large register: YAML text to a validated register.
    Benchmark(
        "load model R, N=10000",
        configuration: .init(metrics: metrics, timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 10)
    ) { benchmark in
        let bytes = Array(modelR(risks: 10_000).utf8)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(RegisterFile.read(bytes: bytes, file: "model-r-10000.yaml", asOf: asOf))
        }
        benchmark.stopMeasurement()
    }
}

/// Registers made once per process, outside the measured region.
final class RegisterCache: @unchecked Sendable {
    private let lock = NSLock()
    private var registers: [Int: Register] = [:]

    func get(_ risks: Int) -> Register {
        lock.lock()
        defer { lock.unlock() }
        if let register = registers[risks] { return register }
        let register = loadModelR(risks: risks)
        registers[risks] = register
        return register
    }
}

let registerCache = RegisterCache()
