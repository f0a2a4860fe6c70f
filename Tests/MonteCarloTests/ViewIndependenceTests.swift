import Foundation
import Testing
import Distributions
@testable import MonteCarlo

/// Each view of a run is what a run of that view alone gives, to the last bit, whatever other
/// views share the run: so a perspective's figures beside the pooled ones in one report are
/// the figures `--perspective` gives, and two tables can never print two chances for one thing.
/// Rank correlation is where that could fail: Iman–Conover reorders each correlated risk's
/// trials, and each view's record must be ordered by that view's own losses.
@Suite("Views: each as if run alone")
struct ViewIndependenceTests {
    /// Every feature that reorders or reads trials across risks: correlated risks whose
    /// perspectives disagree, a response resting on a shared deliverer that steps back when a
    /// correlated risk occurs, and a variant following a correlated entry.
    static func plan(views pick: [Int]? = nil) throws -> SimulationPlan {
        let base = try PlanFixtures.everything()
        var risks = base.risks
        // The flood response rests on a volunteer panel that is away in some trials and steps
        // back when the (correlated) storm happens.
        risks[0].response?.deliverers = [0]
        let panel = SimulationPlan.Deliverer(key: StableHash.fnv1a64("panel"), availability: 0.8, stepsBack: [.init(risk: 4, chance: 0.5)])
        // A variant of the storm at half its impact, following the storm's reordering, for the
        // "both" option only.
        var variant = PlanFixtures.risk("storm-variant", [
            PlanFixtures.estimate(.probability(0.6), try .pert(min: 25, mode: 30, max: 200)),
            PlanFixtures.estimate(.probability(0.4), try .pert(min: 25, mode: 50, max: 250))], activity: true)
        variant.occurrenceKey = risks[4].key
        variant.follows = 4
        variant.inViews = false
        risks.append(variant)
        let views = base.views.map { view in SimulationPlan.View(name: view.name, weights: view.weights + [view.weights[4]]) }
        let chosen = pick.map { $0.map { views[$0] } } ?? views
        return try SimulationPlan(
            outcomeCount: base.outcomeCount, risks: risks, views: chosen,
            portfolios: [.init(name: "in-house", activities: [3]), .init(name: "both", activities: [2, 3, 6])],
            correlations: base.correlations, thresholds: base.thresholds, totalThresholds: base.totalThresholds,
            deliverers: [panel])
    }

    @Test(arguments: [0, 1, 2])
    func aViewIsTheSameAloneAsBesideTheOthers(view v: Int) throws {
        let options = RunOptions(seed: 11, trials: 6_000, blockSize: 2_048, jobs: 2)
        let together = Engine.run(try Self.plan(), options: options)
        let alone = Engine.run(try Self.plan(views: [v]), options: options)
        var seen = together.views[v]
        seen.name = alone.views[0].name
        #expect(try Self.json(seen) == Self.json(alone.views[0]))
    }

    static func json(_ view: ViewResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(view)
    }

    /// The two perspectives disagree on the correlated risks, so ordering every view by the
    /// pooled view's losses (as a single order for all views would) gives a perspective a
    /// weaker correlation than the register asks for: this is the case the test is about.
    @Test func thePerspectivesDisagreeOnTheCorrelatedRisks() throws {
        let plan = try Self.plan()
        #expect(plan.risks[4].estimates[0] != plan.risks[4].estimates[1])
        #expect(plan.risks[5].estimates[0] != plan.risks[5].estimates[1])
    }
}
