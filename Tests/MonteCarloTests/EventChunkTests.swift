import Foundation
import Testing
import Distributions
@testable import MonteCarlo

/// A block's candidate events are made and read a chunk of trials at a time: the figures must
/// not depend on the chunk, down to the last bit. A chunk as large as the block makes every
/// event of the block first and sorts them by trial, as the engine once did.
@Suite("Events made a chunk of trials at a time")
struct EventChunkTests {
    /// Every kind of occurrence, alone and mixed (coins with and without thinning, gap skipping,
    /// fixed and drawn rates), responses on shared deliverers that step back, benefits per trial
    /// and per occurrence, several views, portfolios and a correlation group.
    static func plan() throws -> SimulationPlan {
        let base = try PlanFixtures.everything()
        let panel = SimulationPlan.Deliverer(key: StableHash.fnv1a64("panel"), availability: 0.9,
                                             stepsBack: [.init(risk: base.risks.count, chance: 0.5)])
        var rare = PlanFixtures.risk("rare mixed", [
            PlanFixtures.estimate(.probability(0.03), try .pert(min: 10, mode: 20, max: 90)),
            PlanFixtures.estimate(.frequency(1.2), try .pert(min: 5, mode: 30, max: 60)),
            PlanFixtures.estimate(.uncertainFrequency(try .lognormal(p5: 2, p95: 30)), try .uniform(min: 1, max: 9)),
        ], response: .init(reliability: 0.8, likelihoodMultiplier: 0.6, impactMultiplier: 0.5, deliverers: [0]))
        rare.outcome = 1
        let gaps = PlanFixtures.risk("gaps", [
            PlanFixtures.estimate(.probability(0.02), try .pert(min: 1, mode: 2, max: 9)),
            PlanFixtures.estimate(.probability(0.05), try .pert(min: 1, mode: 3, max: 12)),
        ], response: .init(reliability: 0.6, likelihoodMultiplier: 0.5, deliverers: [0]))
        var risks = base.risks
        risks.append(rare)
        risks.append(gaps)
        let views = base.views.map { view in
            SimulationPlan.View(name: view.name, weights: view.weights + [[1.0 / 3, 1.0 / 3, 1.0 / 3], [0.5, 0.5]])
        }
        return try SimulationPlan(
            outcomeCount: base.outcomeCount, risks: risks, views: views, portfolios: base.portfolios,
            correlations: base.correlations, thresholds: base.thresholds, totalThresholds: base.totalThresholds,
            deliverers: [panel])
    }

    @Test(arguments: [2, 6, 100, 1000])
    func figuresDoNotDependOnTheChunk(chunk: Int) throws {
        let plan = try Self.plan()
        let options = RunOptions(seed: 11, trials: 3_000, blockSize: 1000, jobs: 2)
        let whole = Engine.run(plan, options: options, progress: nil, streamed: .init(), eventChunk: 1000)
        let chunked = Engine.run(plan, options: options, progress: nil, streamed: .init(), eventChunk: chunk)
        #expect(try PlanFixtures.json(chunked) == PlanFixtures.json(whole))
    }

    /// The events of one block as the whole-block order defines them: every Bernoulli candidate
    /// (coins or gaps), then the fixed-rate arrivals, then the drawn rates' events, numbered
    /// in that order on the seed lane, then stably sorted by trial.
    static func wholeBlock(_ risk: CompiledRisk, rootSeed: UInt64, block: Int, count n: Int) -> [(Int, UInt64, UInt64)] {
        let b = UInt64(block)
        var rng = StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: b, lane: .occurrence).generator()
        var seeds = StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: b, lane: .eventSeeds).generator()
        var out: [(Int, UInt64, UInt64)] = []
        if risk.pMax >= CoinScan.densest {
            let limit = CoinScan.limit(risk.pMax)
            var t = 0
            while t < n {
                let r = rng.next()
                for (half, coin) in [r & 0xFFFF_FFFF, r >> 32].enumerated() where t + half < n && coin < limit {
                    let mask = risk.probabilityAll != 0
                        ? risk.probabilityAll : EventSource.mask(CoinScan.unit(coin) / risk.pMax, risk.probabilityThinning)
                    out.append((t + half, mask, 0))
                }
                t += 2
            }
        } else if risk.pMax > 0 {
            var t = -1
            while true {
                let gap = log(rng.nextOpenUnit()) / log1p(-risk.pMax)
                if !(gap < Double(n - t - 1)) { break }
                t += Int(gap) + 1
                out.append((t, risk.probabilityAll != 0 ? risk.probabilityAll : EventSource.mask(rng.nextUnit(), risk.probabilityThinning), 0))
            }
        }
        if risk.rateMax > 0 {
            var time = 0.0
            while true {
                time += -log(rng.nextOpenUnit()) / risk.rateMax
                if !(time < Double(n)) { break }
                out.append((Int(time), risk.rateAll != 0 ? risk.rateAll : EventSource.mask(rng.nextUnit(), risk.rateThinning), 0))
            }
        }
        if !risk.uncertain.isEmpty {
            let base = StreamKey(rootSeed: rootSeed, itemKey: risk.streamKey, block: b, lane: .uncertainRate).seed
            for t in 0..<n {
                let counts = risk.uncertain.map { entry in
                    var g = SplitMix64(seed: StreamKey.word(base: base, index: t))
                    let rate = min(max(0, entry.rate.sample(using: &g)), SimulationPlan.maximumRate)
                    return Poisson(lambda: rate).sample(using: &g)
                }
                for k in 0..<(counts.max() ?? 0) {
                    let mask = zip(risk.uncertain, counts).reduce(UInt64(0)) { $0 | ($1.1 > k ? $1.0.bit : 0) }
                    out.append((t, mask, 0))
                }
            }
        }
        for i in out.indices { out[i].2 = seeds.next() }
        return out.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
    }

    @Test(arguments: [2, 6, 250])
    func chunksGiveTheWholeBlocksEvents(chunk: Int) throws {
        let plan = try Self.plan()
        let compiled = CompiledPlan(plan, blockSize: 999)
        for risk in compiled.risks {
            for block in [0, 3] {
                var source = EventSource(risk, rootSeed: 5, block: block, count: 999)
                var events = EventList(capacity: 4)
                var made: [(Int, UInt64, UInt64)] = []
                var start = 0
                while start < 999 {
                    let end = min(999, start + chunk)
                    source.fill(&events, from: start, to: end)
                    for j in 0..<events.count { made.append((Int(events.trial[j]), events.mask[j], events.seed[j])) }
                    start = end
                }
                events.free()
                let expected = Self.wholeBlock(risk, rootSeed: 5, block: block, count: 999)
                #expect(made.count == expected.count, "risk \(risk.index), block \(block)")
                #expect(zip(made, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }, "risk \(risk.index), block \(block)")
            }
        }
    }
}
