import Foundation
import Testing
import Distributions
@testable import MonteCarlo

/// Shared deliverers: one availability draw per trial for every response a deliverer delivers,
/// optionally tied to an entry's occurrence. Checked against closed forms within 4 standard
/// errors at fixed seeds.
@Suite("Shared delivery")
struct SharedDeliveryTests {
    static let trials = 100_000

    static func bound(_ p: Double) -> Double { 4 * (p * (1 - p) / Double(trials)).squareRoot() }

    /// A risk that always happens with a fixed impact, fully removed when its response is delivered.
    static func certain(_ id: String, impact: Double, outcome: Int = 0, reliability: Double = 1, deliverers: [Int]) throws -> SimulationPlan.Risk {
        PlanFixtures.risk(id, outcome: outcome, [PlanFixtures.estimate(.probability(1), try .fixed(impact))],
                          response: .init(reliability: reliability, impactMultiplier: 0, deliverers: deliverers))
    }

    static func run(_ risks: [SimulationPlan.Risk], deliverers: [SimulationPlan.Deliverer], outcomes: Int = 1,
                    thresholds: [[Double]], correlations: [SimulationPlan.Correlation] = [], jobs: Int = 2) throws -> SimulationResult {
        let plan = try SimulationPlan(outcomeCount: outcomes, risks: risks, views: PlanFixtures.onlyView(risks),
                                      correlations: correlations, thresholds: thresholds, deliverers: deliverers)
        return Engine.run(plan, options: RunOptions(seed: 21, trials: trials, jobs: jobs))
    }

    /// Two responses of one deliverer both fail with the deliverer's failure probability, not its square.
    @Test(arguments: [0.5, 0.8])
    func responsesOfOneDelivererFailTogether(availability: Double) throws {
        let panel = SimulationPlan.Deliverer(key: StableHash.fnv1a64("panel"), availability: availability)
        let risks = [try Self.certain("a", impact: 1, deliverers: [0]), try Self.certain("b", impact: 1, deliverers: [0])]
        let r = try Self.run(risks, deliverers: [panel], thresholds: [[0.5, 1.5]])
        let residual = r.views[0].outcomes[0].residual
        let both = residual.exceedances[1].probability.value
        let failure = 1 - availability
        #expect(abs(both - failure) < Self.bound(failure))
        #expect(abs(both - failure * failure) > 10 * Self.bound(failure))
        // One fails exactly when both do: never one alone.
        #expect(residual.exceedances[0].probability.value == both)
        // Each response on its own is delivered with the deliverer's availability.
        for risk in r.views[0].risks {
            #expect(abs(risk.meanHarm.residual - failure) < Self.bound(failure))
        }
    }

    /// The same two responses, each with its own reliability and no shared deliverer, fail
    /// together with the square: the model the shared deliverer replaces.
    @Test func ownReliabilitiesFailIndependently() throws {
        let risks = [try Self.certain("a", impact: 1, reliability: 0.5, deliverers: []),
                     try Self.certain("b", impact: 1, reliability: 0.5, deliverers: [])]
        let r = try Self.run(risks, deliverers: [], thresholds: [[1.5]])
        let both = r.views[0].outcomes[0].residual.exceedances[0].probability.value
        #expect(abs(both - 0.25) < Self.bound(0.25))
    }

    /// A deliverer tied to an entry: in a trial where the entry happens it steps back with the
    /// stated chance, so the response fails with P(entry) · chance on top of the deliverer's own
    /// unavailability: P(entry and failure) = q · (1 − a · (1 − c)).
    @Test(arguments: [(1.0, 1.0), (1.0, 0.6), (0.8, 0.6)])
    func stepBackTiedToAnEntry(availability: Double, chance: Double) throws {
        let q = 0.3
        let panel = SimulationPlan.Deliverer(key: StableHash.fnv1a64("panel"), availability: availability,
                                             stepsBack: [.init(risk: 0, chance: chance)])
        let entry = PlanFixtures.risk("entry", [PlanFixtures.estimate(.probability(q), try .fixed(10))])
        let risks = [entry, try Self.certain("served", impact: 1, deliverers: [0])]
        let r = try Self.run(risks, deliverers: [panel], thresholds: [[0.5, 10.5]])
        let residual = r.views[0].outcomes[0].residual
        let together = q * (1 - availability * (1 - chance))
        #expect(abs(residual.exceedances[1].probability.value - together) < Self.bound(together))
        let failure = 1 - availability * (1 - q * chance)
        #expect(abs(r.views[0].risks[1].meanHarm.residual - failure) < Self.bound(failure))
        // The entry itself is untouched by the tie.
        #expect(abs(r.views[0].risks[0].probability.residual - q) < Self.bound(q))
    }

    /// The tie holds trial by trial when both the entry and the served risk are reordered by
    /// rank correlation with other risks: availability is looked up at each trial's final place.
    @Test func stepBackSurvivesRankCorrelation() throws {
        let q = 0.3, chance = 0.6
        let panel = SimulationPlan.Deliverer(key: StableHash.fnv1a64("panel"), stepsBack: [.init(risk: 0, chance: chance)])
        let other = { (id: String) in
            PlanFixtures.risk(id, outcome: 1, [PlanFixtures.estimate(.probability(0.5), try .pert(min: 0, mode: 5, max: 20, shape: 4))])
        }
        let entry = PlanFixtures.risk("entry", [PlanFixtures.estimate(.probability(q), try .fixed(10))])
        let risks = [entry, try Self.certain("served", impact: 1, deliverers: [0]), try other("u"), try other("w")]
        let correlations = [SimulationPlan.Correlation(0, 2, spearman: 0.6), .init(1, 3, spearman: 0.6)]
        let r = try Self.run(risks, deliverers: [panel], outcomes: 2, thresholds: [[10.5]], correlations: correlations)
        let together = q * chance
        #expect(abs(r.views[0].outcomes[0].residual.exceedances[0].probability.value - together) < Self.bound(together))
        // Any number of threads gives the same bytes.
        let one = try Self.run(risks, deliverers: [panel], outcomes: 2, thresholds: [[10.5]], correlations: correlations, jobs: 1)
        #expect(try PlanFixtures.json(one) == PlanFixtures.json(r))
    }

    /// A deliverer that is always there changes nothing: the response keeps its own draw and
    /// stream, so the results are identical to a plan without deliverers.
    @Test func alwaysAvailableDelivererChangesNothing() throws {
        let plan = try PlanFixtures.everything()
        var risks = plan.risks
        for r in risks.indices where risks[r].response != nil { risks[r].response!.deliverers = [0] }
        let shared = try SimulationPlan(
            outcomeCount: plan.outcomeCount, totalOutcomes: plan.totalOutcomes, risks: risks, views: plan.views,
            portfolios: plan.portfolios, primaryView: plan.primaryView, correlations: plan.correlations,
            thresholds: plan.thresholds, totalThresholds: plan.totalThresholds,
            deliverers: [.init(key: StableHash.fnv1a64("always"))])
        let options = RunOptions(seed: 5, trials: 20_000, jobs: 2)
        #expect(try PlanFixtures.json(Engine.run(shared, options: options)) == PlanFixtures.json(Engine.run(plan, options: options)))
    }

    @Test func deliverersAreValidated() throws {
        let risks = [try Self.certain("a", impact: 1, deliverers: [1])]
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks), deliverers: [.init(key: 1)])
        }
        #expect(throws: PlanError.badDeliverer(deliverer: 0, reason: "availability 1.5 is not in [0, 1]")) {
            try SimulationPlan(outcomeCount: 1, risks: [], views: [.init(name: "v", weights: [])], deliverers: [.init(key: 1, availability: 1.5)])
        }
    }
}
