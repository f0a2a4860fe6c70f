import Foundation
import Testing
@testable import MonteCarlo

@Suite("Engine reproducibility")
struct EngineDeterminismTests {
    @Test func resultsAreBitIdenticalForAnyThreadCount() throws {
        let plan = try PlanFixtures.everything()
        let reference = try PlanFixtures.json(Engine.run(plan, options: RunOptions(seed: 42, trials: 10_000, blockSize: 1024, jobs: 1)))
        for jobs in [2, 3, 7] {
            let other = try PlanFixtures.json(Engine.run(plan, options: RunOptions(seed: 42, trials: 10_000, blockSize: 1024, jobs: jobs)))
            #expect(other == reference, "jobs = \(jobs)")
        }
    }

    @Test func seedChangesTheNumbers() throws {
        let plan = try PlanFixtures.everything()
        let a = Engine.run(plan, options: RunOptions(seed: 1, trials: 4096, blockSize: 1024, jobs: 1))
        let b = Engine.run(plan, options: RunOptions(seed: 2, trials: 4096, blockSize: 1024, jobs: 1))
        #expect(a.views[0].outcomes[0].inherent.mean.value != b.views[0].outcomes[0].inherent.mean.value)
    }

    /// A, B in outcome 0; C in outcome 1. Editing, removing or adding a risk in outcome 1
    /// must leave A's and B's figures and outcome 0 bit-identical.
    @Test func editingOneRiskLeavesTheOthersUnchanged() throws {
        let a = PlanFixtures.risk("A", [PlanFixtures.estimate(.probability(0.2), try .pert(min: 1, mode: 2, max: 9))],
                                  response: .init(reliability: 0.9, likelihoodMultiplier: 0.5, impactMultiplier: 0.5, cost: 1))
        let b = PlanFixtures.risk("B", [PlanFixtures.estimate(.frequency(1.5), try .triangular(min: 0, mode: 1, max: 4))])
        let c = PlanFixtures.risk("C", outcome: 1, [PlanFixtures.estimate(.probability(0.5), try .uniform(min: 0, max: 10))])
        let c2 = PlanFixtures.risk("C", outcome: 1, [PlanFixtures.estimate(.probability(0.7), try .normal(mean: 5, sd: 1))])
        let d = PlanFixtures.risk("D", outcome: 1, [PlanFixtures.estimate(.frequency(3), try .fixed(2))])
        func run(_ risks: [SimulationPlan.Risk]) throws -> SimulationResult {
            let plan = try SimulationPlan(outcomeCount: 2, risks: risks, views: PlanFixtures.onlyView(risks))
            return Engine.run(plan, options: RunOptions(seed: 9, trials: 30_000, blockSize: 4096, jobs: 2))
        }
        let base = try run([a, b, c])
        for variant in [[a, b, c2], [a, b], [a, b, c, d], [d, a, c, b]] {
            let other = try run(variant)
            let ia = variant.firstIndex { $0.key == a.key }!, ib = variant.firstIndex { $0.key == b.key }!
            #expect(other.views[0].risks[ia] == base.views[0].risks[0])
            #expect(other.views[0].risks[ib] == base.views[0].risks[1])
            if variant.first?.key == a.key {
                // Same order of A and B: outcome 0's per-trial totals add the same numbers in the
                // same order, so its summary is bit-identical.
                #expect(other.views[0].outcomes[0] == base.views[0].outcomes[0])
            } else {
                #expect(abs(other.views[0].outcomes[0].inherent.mean.value - base.views[0].outcomes[0].inherent.mean.value) < 1e-9)
            }
        }
    }

    @Test func precisionRunEqualsFreshRunOfSameLength() throws {
        let plan = try PlanFixtures.everything()
        let target = PrecisionTarget(relativeHalfWidth: 0.002, maxTrials: 12 * 1024, stopsEarly: false)
        let grown = Engine.run(plan, options: RunOptions(seed: 5, trials: 3000, blockSize: 1024, jobs: 2, precision: target))
        #expect(grown.trials > 3072)
        #expect(grown.trials <= 12 * 1024)
        #expect(grown.precisionMet != nil)
        var fresh = Engine.run(plan, options: RunOptions(seed: 5, trials: grown.trials, blockSize: 1024, jobs: 3))
        fresh.precisionMet = grown.precisionMet
        fresh.precisionShortfalls = grown.precisionShortfalls
        #expect(try PlanFixtures.json(fresh) == PlanFixtures.json(grown))
    }

    /// `maxTrials` is a cap, never passed, even when it falls inside a block; the count run is
    /// then exactly the cap, and equals a fresh run of that many trials.
    @Test func precisionNeverPassesTheCap() throws {
        let plan = try PlanFixtures.everything()
        let target = PrecisionTarget(relativeHalfWidth: 1e-9, maxTrials: 5000, stopsEarly: false)
        let capped = Engine.run(plan, options: RunOptions(seed: 5, trials: 1500, blockSize: 1024, jobs: 2, precision: target))
        #expect(capped.trials == 5000)
        #expect(capped.precisionMet == false)
        var fresh = Engine.run(plan, options: RunOptions(seed: 5, trials: 5000, blockSize: 1024, jobs: 1))
        fresh.precisionMet = capped.precisionMet
        fresh.precisionShortfalls = capped.precisionShortfalls
        #expect(try PlanFixtures.json(fresh) == PlanFixtures.json(capped))
        // Asked for more than the cap: the cap still holds.
        let small = Engine.run(plan, options: RunOptions(seed: 5, trials: 9000, blockSize: 1024, precision: .init(relativeHalfWidth: 1e-9, maxTrials: 3000, stopsEarly: false)))
        #expect(small.trials == 3000)
    }

    @Test func precisionTargetStopsWhenMet() throws {
        let risks = [PlanFixtures.risk("sure", [PlanFixtures.estimate(.probability(1), try .uniform(min: 100, max: 101))])]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks))
        let r = Engine.run(plan, options: RunOptions(seed: 1, trials: 2048, blockSize: 1024, precision: .init(relativeHalfWidth: 0.01, maxTrials: 1 << 20)))
        #expect(r.precisionMet == true)
        #expect(r.trials == 2048)
    }

    /// A figure whose P95 is near zero cannot reach a relative precision: the run stops at the
    /// first check, far below the cap, and names it with the trials it would need.
    @Test func precisionStopsEarlyAndSaysWhichFigureCannotGetThere() throws {
        // Outcome 1 has a loss in 5 % of trials: its P95 sits on the edge of zero.
        let risks = [
            PlanFixtures.risk("sure", [PlanFixtures.estimate(.probability(1), try .uniform(min: 100, max: 101))]),
            PlanFixtures.risk("loss", outcome: 1, [PlanFixtures.estimate(.probability(0.05), try .uniform(min: 1, max: 100))]),
        ]
        let plan = try SimulationPlan(outcomeCount: 2, risks: risks, views: PlanFixtures.onlyView(risks))
        let target = PrecisionTarget(relativeHalfWidth: 0.005, maxTrials: 10_000_000)
        let r = Engine.run(plan, options: RunOptions(seed: 1, trials: 4096, blockSize: 1024, precision: target))
        #expect(r.precisionMet == false)
        #expect(r.trials == 4096, "stops at the first check instead of running to the cap")
        let short = try #require(r.precisionShortfalls)
        #expect(short.contains { $0.slot == 1 } && !short.contains { $0.slot == 0 },
                "outcome 1 (with its P95 on the edge of zero) misses, outcome 0 does not: \(short)")
        #expect(short.contains { $0.trialsNeeded.map { $0 > 20_000_000 } ?? true })
        // Without early stopping it runs to the cap.
        var patient = target
        patient.stopsEarly = false
        patient.maxTrials = 8192
        let capped = Engine.run(plan, options: RunOptions(seed: 1, trials: 4096, blockSize: 1024, precision: patient))
        #expect(capped.trials == 8192 && capped.precisionMet == false)
        // A reachable target leaves no shortfall.
        let sure = try SimulationPlan(outcomeCount: 1, risks: [risks[0]], views: PlanFixtures.onlyView([risks[0]]))
        let met = Engine.run(sure, options: RunOptions(seed: 1, trials: 2048, blockSize: 1024, precision: target))
        #expect(met.precisionShortfalls == nil)
    }

    /// After a check the run grows straight to the trials the furthest figure is projected to
    /// need (plus a tenth), so a reachable target takes one more stage, not a geometric series
    /// of them; and a figure projected past the cap (but not past twice the cap) now stops the
    /// run at the first check.
    @Test func precisionGrowsToTheProjectedNeedAndStopsWhenTheCapIsTooLow() throws {
        let plan = try PlanFixtures.everything()
        let first = 2048
        let target = PrecisionTarget(relativeHalfWidth: 0.02, maxTrials: first)
        let probe = Engine.run(plan, options: RunOptions(seed: 3, trials: first, blockSize: 1024, precision: target))
        let short = try #require(probe.precisionShortfalls)
        let needed = try #require(short.compactMap(\.trialsNeeded).max())
        #expect(needed > 3 * first, "the fixture needs several times its first stage: \(needed)")
        // The next stage is the projection plus a tenth, in whole blocks; the target is met.
        let expected = first + (needed + needed / 10 - first + 1023) / 1024 * 1024
        #expect(Engine.nextStage(after: first, projected: needed, blockSize: 1024, maxTrials: .max) == expected)
        var roomy = target
        roomy.maxTrials = 40 * needed
        let grown = Engine.run(plan, options: RunOptions(seed: 3, trials: first, blockSize: 1024, precision: roomy))
        #expect(grown.precisionMet == true && grown.trials >= expected && grown.trials < 2 * expected,
                "first stage \(first), projection \(needed): ran \(grown.trials)")
        // A projection short of half again still grows by half again; the cap holds.
        #expect(Engine.nextStage(after: 8192, projected: 9000, blockSize: 1024, maxTrials: .max) == 12288)
        #expect(Engine.nextStage(after: 8192, projected: 90000, blockSize: 1024, maxTrials: 20000) == 20000)
        // A cap below the projection (and above half of it) stops at the first check.
        var tight = target
        tight.maxTrials = needed * 3 / 4
        let stopped = Engine.run(plan, options: RunOptions(seed: 3, trials: first, blockSize: 1024, precision: tight))
        #expect(stopped.trials == first && stopped.precisionMet == false)
        let again = try #require(stopped.precisionShortfalls)
        #expect(again.contains { ($0.trialsNeeded ?? .max) > tight.maxTrials })
    }

    @Test func modelWithoutResponsesStoresOneTreatment() throws {
        let risks = [PlanFixtures.risk("x", [PlanFixtures.estimate(.probability(0.3), try .fixed(1))])]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks))
        let compiled = CompiledPlan(plan)
        #expect(compiled.seriesCount == 1)
        #expect(compiled.totalSlot == .alias(0))
        let r = Engine.run(plan, options: RunOptions(seed: 1, trials: 5000))
        #expect(r.views[0].outcomes[0].inherent == r.views[0].outcomes[0].residual)
        #expect(r.views[0].total!.inherent.mean == r.views[0].outcomes[0].inherent.mean)
    }
}
