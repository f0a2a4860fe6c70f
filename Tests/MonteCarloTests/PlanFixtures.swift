import Foundation
import Distributions
@testable import MonteCarlo

/// Small plans shared by the engine tests.
enum PlanFixtures {
    static func risk(_ id: String, outcome: Int = 0, _ estimates: [SimulationPlan.Estimate],
                     response: SimulationPlan.Response? = nil, activity: Bool = false) -> SimulationPlan.Risk {
        SimulationPlan.Risk(key: StableHash.fnv1a64(id), outcome: outcome, estimates: estimates, response: response, isActivity: activity)
    }

    static func estimate(_ occurrence: SimulationPlan.Occurrence, _ impact: Distribution,
                         benefit: Distribution? = nil, timing: SimulationPlan.BenefitTiming = .perTrial) -> SimulationPlan.Estimate {
        .init(occurrence: occurrence, impact: impact, benefit: benefit, benefitTiming: timing)
    }

    /// One view using the only estimate of every risk.
    static func onlyView(_ risks: [SimulationPlan.Risk]) -> [SimulationPlan.View] {
        [.init(name: "only", weights: risks.map { _ in [1.0] })]
    }

    /// A plan exercising every feature: kinds of occurrence, responses, benefits, two
    /// perspectives and a pooled view, portfolios and a correlation group.
    static func everything() throws -> SimulationPlan {
        let risks = [
            risk("flood", [estimate(.probability(0.1), try .pert(min: 100, mode: 400, max: 2000)),
                           estimate(.probability(0.25), try .pert(min: 200, mode: 500, max: 3000))],
                 response: .init(reliability: 0.7, likelihoodMultiplier: 0.5, impactMultiplier: 0.8, cost: 20)),
            risk("falls", [estimate(.frequency(2.5), try .triangular(min: 1, mode: 3, max: 10)),
                           estimate(.uncertainFrequency(try .lognormal(p5: 0.5, p95: 6)), try .lognormal(p5: 1, p95: 20))]),
            risk("volunteers", outcome: 1,
                 [estimate(.probability(0.3), try .uniform(min: 10, max: 50), benefit: try .normal(mean: 30, sd: 5)),
                  estimate(.frequency(0.4), try .uniform(min: 5, max: 60), benefit: try .fixed(4), timing: .perOccurrence)],
                 response: .init(reliability: 0.5, likelihoodMultiplier: 1, impactMultiplier: 0.5, cost: 0), activity: true),
            risk("in-house", outcome: 1, [estimate(.probability(0.5), try .beta(alpha: 2, beta: 3, min: 0, max: 80)),
                                           estimate(.probability(0.5), try .choice(values: [10, 40], probabilities: [0.5, 0.5]))],
                 activity: true),
            risk("storm", [estimate(.probability(0.6), try .pert(min: 50, mode: 60, max: 400)),
                           estimate(.probability(0.4), try .pert(min: 50, mode: 100, max: 500))]),
            risk("power", [estimate(.probability(0.9), try .normal(mean: 100, sd: 30)),
                           estimate(.probability(0.8), try .normal(mean: 120, sd: 30))]),
        ]
        let officers = SimulationPlan.View.single(name: "officers", estimate: Array(repeating: 0, count: risks.count), of: risks)
        let community = SimulationPlan.View.single(name: "community", estimate: Array(repeating: 1, count: risks.count), of: risks)
        let pooled = SimulationPlan.View(name: "pooled", weights: risks.map { _ in [0.6, 0.4] })
        return try SimulationPlan(
            outcomeCount: 2, risks: risks, views: [officers, community, pooled],
            portfolios: [.init(name: "in-house", activities: [3]), .init(name: "community", activities: [2]), .init(name: "both", activities: [2, 3])],
            correlations: [.init(4, 5, spearman: 0.6), .init(0, 4, spearman: 0.3)],
            thresholds: [[500, 1000], [50]], totalThresholds: [1500])
    }

    static func json(_ result: SimulationResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(result)
    }
}
