import Foundation
import Testing
@testable import MonteCarlo
import Distributions

/// Series that are not kept (above ``RunOptions/seriesMemoryLimit``) are summarised by passes
/// over the blocks: the order statistics and counts must be exactly those of the in-memory
/// summary on the same seed, and sums equal to rounding.
@Suite("Streamed series")
struct StreamedSeriesTests {
    /// Small limits, so that windows are narrowed over several passes, end parts are split and
    /// atoms are met, instead of everything being kept on the first pass.
    static let tight = StreamedSeries.Limits(endCapacity: 16, keepBudget: 5000)
    /// Windows of single ranks: every Woodruff interval and every batch's expected-shortfall
    /// cut needs passes of its own.
    static let narrow = StreamedSeries.Limits(endCapacity: 16, keepBudget: 5000, percentileSpread: 0, cutSpread: 0)

    static func run(_ plan: SimulationPlan, trials: Int, jobs: Int = 2, limit: Int, limits: StreamedSeries.Limits = tight,
                    precision: PrecisionTarget? = nil, seed: UInt64 = 7) -> SimulationResult {
        Engine.run(plan, options: RunOptions(seed: seed, trials: trials, blockSize: 2048, jobs: jobs, precision: precision,
                                             seriesMemoryLimit: limit),
                   progress: nil, streamed: limits)
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300)
    }

    /// Everything but the sums must match bit for bit; the sums to rounding.
    static func expectSame(_ s: OutcomeSummary, _ k: OutcomeSummary, _ label: String) {
        #expect(s.trials == k.trials, "\(label)")
        #expect(s.percentiles == k.percentiles, "\(label): percentiles and their errors")
        #expect(s.valueAtRisk95 == k.valueAtRisk95, "\(label)")
        #expect(s.exceedances == k.exceedances, "\(label)")
        #expect(s.probabilityNetBenefit == k.probabilityNetBenefit, "\(label)")
        #expect(s.histogram == k.histogram, "\(label)")
        #expect(s.exceedanceCurve == k.exceedanceCurve, "\(label)")
        #expect(s.minimum == k.minimum && s.maximum == k.maximum, "\(label)")
        #expect(s.mean.standardError == k.mean.standardError, "\(label)")
        #expect(close(s.mean.value, k.mean.value), "\(label): mean \(s.mean.value) vs \(k.mean.value)")
        #expect(close(s.standardDeviation, k.standardDeviation), "\(label): sd")
        #expect(close(s.standardDeviationStandardError, k.standardDeviationStandardError), "\(label): sd's error")
        #expect(close(s.expectedShortfall95.value, k.expectedShortfall95.value),
                "\(label): ES \(s.expectedShortfall95.value) vs \(k.expectedShortfall95.value)")
        #expect(close(s.expectedShortfall95.standardError, k.expectedShortfall95.standardError), "\(label): ES's error")
    }

    static func expectSame(_ streamed: SimulationResult, _ kept: SimulationResult) {
        #expect(streamed.trials == kept.trials && streamed.blocks == kept.blocks && streamed.precisionMet == kept.precisionMet)
        for (v, (s, k)) in zip(streamed.views, kept.views).enumerated() {
            #expect(s.risks == k.risks, "view \(v): per-risk figures come from the blocks' sums, unchanged")
            for (o, (a, b)) in zip(s.outcomes, k.outcomes).enumerated() {
                expectSame(a.inherent, b.inherent, "view \(v) outcome \(o) inherent")
                expectSame(a.residual, b.residual, "view \(v) outcome \(o) residual")
            }
            if let a = s.total, let b = k.total {
                expectSame(a.inherent, b.inherent, "view \(v) total inherent")
                expectSame(a.residual, b.residual, "view \(v) total residual")
            }
        }
        for (p, (s, k)) in zip(streamed.portfolios, kept.portfolios).enumerated() {
            for (o, (a, b)) in zip(s.outcomes, k.outcomes).enumerated() {
                expectSame(a.residual, b.residual, "portfolio \(p) outcome \(o)")
            }
            for (a, b) in zip(s.differenceFromFirst, k.differenceFromFirst) {
                for (x, y) in [(a.inherent, b.inherent), (a.residual, b.residual)] {
                    #expect(x.probabilityBetter == y.probabilityBetter && x.probabilityWorse == y.probabilityWorse, "portfolio \(p)")
                    #expect(x.mean.standardError == y.mean.standardError && close(x.mean.value, y.mean.value), "portfolio \(p)")
                }
            }
        }
        #expect(streamed.correlations == kept.correlations)
    }

    @Test func streamedSummariesMatchTheKeptSeries() throws {
        let plan = try PlanFixtures.everything()
        let kept = Self.run(plan, trials: 20_000, limit: .max)
        let streamed = Self.run(plan, trials: 20_000, limit: 0)
        Self.expectSame(streamed, kept)
        // With the default limits every window is kept on the first pass after the simulation.
        Self.expectSame(Self.run(plan, trials: 20_000, limit: 0, limits: .init()), kept)
        Self.expectSame(Self.run(plan, trials: 20_000, limit: 0, limits: Self.narrow), kept)
    }

    @Test func streamedResultsAreBitIdenticalForAnyThreadCount() throws {
        let plan = try PlanFixtures.everything()
        let reference = try PlanFixtures.json(Self.run(plan, trials: 9_000, jobs: 1, limit: 0))
        for jobs in [2, 3] {
            #expect(try PlanFixtures.json(Self.run(plan, trials: 9_000, jobs: jobs, limit: 0)) == reference, "jobs = \(jobs)")
        }
    }

    /// A precision run that outgrows the limit part way carries on streaming; it stops at the
    /// same trials with the same percentiles as one that keeps every series. The target is out
    /// of reach, so every run grows from 4,096 trials to the cap of 16 blocks: the streamed runs
    /// simulate each block again for every pass, and the comparison is exact at any cap.
    @Test func precisionRunsStreamPastTheLimit() throws {
        let plan = try PlanFixtures.everything()
        let target = PrecisionTarget(relativeHalfWidth: 0.004, maxTrials: 16 * 2048, stopsEarly: false)
        let kept = Self.run(plan, trials: 4096, limit: .max, precision: target)
        let compiled = CompiledPlan(plan, blockSize: 2048)
        // Room for the first stage only.
        let crossing = Self.run(plan, trials: 4096, limit: 8 * compiled.seriesCount * 4096, precision: target)
        #expect(kept.trials == target.maxTrials && kept.precisionMet == false, "grows to the cap: \(kept.trials)")
        Self.expectSame(crossing, kept)
        Self.expectSame(Self.run(plan, trials: 4096, limit: 0, precision: target), kept)
    }

    /// A series that is one atom (nothing happens in most trials; one fixed impact otherwise).
    @Test func atomsAreCountedNotKept() throws {
        let risks = [PlanFixtures.risk("rare", [PlanFixtures.estimate(.probability(0.03), try .fixed(5))])]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks), thresholds: [[1]])
        Self.expectSame(Self.run(plan, trials: 30_000, limit: 0), Self.run(plan, trials: 30_000, limit: .max))
    }

    /// Two passes after the simulation in the usual case: one that cuts the parts holding the
    /// wanted ranks (a part that turns out to hold one value only, like a run of zeros, is then
    /// known at once) and one that keeps the values. A series the same as another throughout
    /// is summarised from the other's order statistics.
    @Test func mostlyZeroAndRepeatedSeriesTakeTwoPasses() {
        let blocks = 8, size = 4096, n = blocks * size
        var g = SplitMix64(seed: 3)
        // Series 0: nothing in 80% of trials, a spread of values otherwise; series 1 the same;
        // series 2 a spread everywhere.
        var values = Array(repeating: [Double](repeating: 0, count: n), count: 3)
        for t in 0..<n {
            let u = unitDouble(g.next()), v = unitDouble(g.next())
            values[0][t] = u < 0.8 ? 0 : 100 * exp(3 * v)
            values[1][t] = values[0][t]
            values[2][t] = 50 + 10 * v + u
        }
        // Limits this small sample cannot keep in one go (the zeros' part alone would fill the
        // budget many times over), so the first pass's parts must be cut once.
        let streamed = StreamedSeries(series: 3, limits: .init(endCapacity: 1024, keepBudget: 1 << 20))
        for b in 0..<blocks {
            values.withUnsafeBufferPointers { pointers in
                let partial = streamed.consumeSimulated(start: b * size, count: size) { pointers[$0] + b * size }
                streamed.addSums(partial, trials: size)
            }
        }
        #expect(streamed.first.representative == [0, 0, 2])
        var passes = 0
        let summariser = Summariser(batches: 32, histogramBins: 40, exceedancePoints: 60, jobs: 1, grain: 1)
        let requests = (0..<3).map { StreamedSeries.Request(series: $0, thresholds: [Double($0) + 1], meanVariance: nil) }
        let found = streamed.summaries(requests, pairs: [], summariser: summariser) { pass in
            passes += 1
            var total = [Double](repeating: 0, count: pass.partialCount)
            for b in 0..<blocks {
                values.withUnsafeBufferPointers { pointers in
                    let partial = pass.consume(start: b * size, count: size) { pointers[$0] + b * size }
                    for i in total.indices { total[i] += partial[i] }
                }
            }
            return total
        }
        #expect(passes == 2)
        let a = found.summaries[0]!, b = found.summaries[1]!
        #expect(a.percentiles == b.percentiles && a.exceedanceCurve == b.exceedanceCurve && a.expectedShortfall95 == b.expectedShortfall95)
        #expect(a.percentiles[0].value.value == 0 && a.percentiles[5].value.value > 0)
    }
}

private extension Array where Element == [Double] {
    /// Pointers to each inner array's storage for the duration of `body`.
    func withUnsafeBufferPointers<R>(_ body: ([UnsafePointer<Double>]) -> R) -> R {
        var pointers: [UnsafePointer<Double>] = []
        func descend(_ i: Int) -> R {
            if i == count { return body(pointers) }
            return self[i].withUnsafeBufferPointer { buffer in
                pointers.append(buffer.baseAddress!)
                return descend(i + 1)
            }
        }
        return descend(0)
    }
}
