import Testing
@testable import MonteCarlo

/// Views and treatments must differ only through estimates and responses, never through
/// sampling noise.
@Suite("Common random numbers")
struct CommonRandomNumberTests {
    @Test func identicalEstimatesGiveIdenticalViews() throws {
        let e = PlanFixtures.estimate(.probability(0.5), try .pert(min: 10, mode: 20, max: 90))
        let f = PlanFixtures.estimate(.probability(0.2), try .triangular(min: 1, mode: 2, max: 3))
        let risks = [PlanFixtures.risk("same", [e, e]), PlanFixtures.risk("other", [f, f])]
        let views: [SimulationPlan.View] = [
            .init(name: "first", weights: [[1, 0], [1, 0]]),
            .init(name: "second", weights: [[0, 1], [0, 1]]),
            .init(name: "pooled", weights: [[0.5, 0.5], [0.3, 0.7]]),
        ]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: views)
        let r = Engine.run(plan, options: RunOptions(seed: 2, trials: 20_000, blockSize: 4096))
        #expect(r.views[0].outcomes == r.views[1].outcomes)
        #expect(r.views[0].outcomes == r.views[2].outcomes)
        #expect(r.views[0].risks[0].meanLoss == r.views[2].risks[0].meanLoss)
    }

    @Test func ineffectiveResponseLeavesResidualEqualToInherent() throws {
        let e = PlanFixtures.estimate(.frequency(0.7), try .lognormal(p5: 5, p95: 50))
        let risks = [PlanFixtures.risk("r", [e], response: .init(reliability: 1, likelihoodMultiplier: 1, impactMultiplier: 1, cost: 5))]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks))
        let r = Engine.run(plan, options: RunOptions(seed: 3, trials: 10_000, blockSize: 2048))
        let o = r.views[0].outcomes[0]
        #expect(o.inherent == o.residual)
        #expect(r.views[0].risks[0].response!.value.value == 0)
        #expect(r.views[0].risks[0].response!.value.standardError == 0)
    }

    @Test func nestedEstimatesAreNestedOnTheSameDraws() throws {
        // A higher probability with the same impact can only add occurrences, so its loss
        // dominates trial by trial: every percentile is at least as large.
        let low = PlanFixtures.estimate(.probability(0.1), try .uniform(min: 5, max: 10))
        let high = PlanFixtures.estimate(.probability(0.3), try .uniform(min: 5, max: 10))
        let risks = [PlanFixtures.risk("n", [low, high])]
        let views: [SimulationPlan.View] = [.init(name: "low", weights: [[1, 0]]), .init(name: "high", weights: [[0, 1]])]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: views)
        let r = Engine.run(plan, options: RunOptions(seed: 4, trials: 20_000))
        let a = r.views[0].outcomes[0].inherent, b = r.views[1].outcomes[0].inherent
        for (x, y) in zip(a.percentiles, b.percentiles) { #expect(x.value.value <= y.value.value) }
        #expect(a.exceedanceCurve.count == b.exceedanceCurve.count)
    }
}
