import Testing
import Distributions
@testable import MonteCarlo

/// Variants of an entry for options: a risk on its entry's streams (occurrence, impact and
/// benefit draws) that follows the entry's trial order under rank correlation.
@Suite("Followers and variants")
struct FollowerTests {
    /// Entry `a` (an activity, correlated with `b`), its exact copy `v` on the same streams, and
    /// portfolios holding one or the other: with `follows`, the copy is moved as `a` is, so the
    /// two portfolios are the same trial by trial; without it, the copy loses the correlation.
    private func plan(following: Bool) throws -> SimulationPlan {
        let e = PlanFixtures.estimate(.probability(0.4), try .lognormal(p5: 10, p95: 200), benefit: try .normal(mean: 20, sd: 8))
        let a = PlanFixtures.risk("a", [e], activity: true)
        let b = PlanFixtures.risk("b", [PlanFixtures.estimate(.probability(0.5), try .lognormal(p5: 10, p95: 200))])
        let v = SimulationPlan.Risk(
            key: StableHash.fnv1a64("a variant"), outcome: 0, estimates: [e], isActivity: true, occurrenceKey: a.key,
            inViews: false, benefitKey: a.key, follows: following ? 0 : nil)
        return try SimulationPlan(
            outcomeCount: 1, risks: [a, b, v], views: PlanFixtures.onlyView([a, b, v]),
            portfolios: [.init(name: "entry", activities: [0]), .init(name: "variant", activities: [2])],
            correlations: [.init(0, 1, spearman: 0.9)])
    }

    @Test func aFollowerIsReorderedWithItsLeader() throws {
        let run = RunOptions(seed: 11, trials: 40_000)
        let result = Engine.run(try plan(following: true), options: run)
        let entry = result.portfolios[0].outcomes[0].inherent, variant = result.portfolios[1].outcomes[0].inherent
        #expect(abs(variant.mean.value - entry.mean.value) <= 1e-9 * abs(entry.mean.value))
        #expect(abs(variant.standardDeviation - entry.standardDeviation) <= 1e-9 * entry.standardDeviation)
        #expect(abs(variant.percentile(0.9)!.value - entry.percentile(0.9)!.value) <= 1e-9 * entry.percentile(0.9)!.value)
        // Its per-risk figures are the entry's: same occurrences, impacts and benefits.
        let risks = result.views[0].risks
        #expect(risks[2].meanLoss.inherent.value == risks[0].meanLoss.inherent.value)
    }

    @Test func withoutFollowingTheCorrelationIsLost() throws {
        let run = RunOptions(seed: 11, trials: 40_000)
        let result = Engine.run(try plan(following: false), options: run)
        let entry = result.portfolios[0].outcomes[0].inherent, variant = result.portfolios[1].outcomes[0].inherent
        // Same mean (the same draws), but the variant sums independently with `b`: a rank
        // correlation of 0.9 between two such losses adds far more than 5% to the spread.
        #expect(abs(variant.mean.value - entry.mean.value) <= 1e-9 * abs(entry.mean.value))
        #expect(variant.standardDeviation < 0.95 * entry.standardDeviation)
    }

    @Test func sameResultsForAnyJobs() throws {
        let plan = try plan(following: true)
        let one = Engine.run(plan, options: RunOptions(seed: 5, trials: 30_000, jobs: 1))
        let two = Engine.run(plan, options: RunOptions(seed: 5, trials: 30_000, jobs: 2))
        #expect(one == two)
    }

    @Test func planRejectsBadFollowers() throws {
        let e = PlanFixtures.estimate(.probability(0.5), try .fixed(1))
        let a = PlanFixtures.risk("a", [e]), b = PlanFixtures.risk("b", [e])
        var f = PlanFixtures.risk("f", [e])
        f.follows = 7
        #expect(throws: PlanError.self) { try SimulationPlan(outcomeCount: 1, risks: [a, f], views: PlanFixtures.onlyView([a, f])) }
        f.follows = 1
        #expect(throws: PlanError.self) { try SimulationPlan(outcomeCount: 1, risks: [a, f], views: PlanFixtures.onlyView([a, f])) }
        var g = PlanFixtures.risk("g", [e])
        g.follows = 1
        f.follows = 0
        #expect(throws: PlanError.self) { try SimulationPlan(outcomeCount: 1, risks: [a, f, g], views: PlanFixtures.onlyView([a, f, g])) }
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: [a, f, b], views: PlanFixtures.onlyView([a, f, b]), correlations: [.init(1, 2, spearman: 0.5)])
        }
    }
}
