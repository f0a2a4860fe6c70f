import Foundation
import Testing
import Distributions
@testable import MonteCarlo

/// Effects of one entry: risks that share an occurrence key occur together and are prevented
/// together, while each draws its own impacts.
@Suite("Shared occurrence")
struct SharedOccurrenceTests {
    static let trials = 100_000

    /// Two effects of one entry on two outcomes, each with impact 1 when the entry occurs.
    static func pair(
        _ occurrence: SimulationPlan.Occurrence, shared: Bool, response: SimulationPlan.Response? = nil,
        impacts: (Distribution, Distribution)? = nil, views: Int = 1
    ) throws -> SimulationPlan {
        let entry = StableHash.fnv1a64("E-1")
        let one = try Distribution.fixed(1)
        let first = impacts?.0 ?? one, second = impacts?.1 ?? one
        let risks = [
            SimulationPlan.Risk(key: entry, outcome: 0, estimates: [.init(occurrence: occurrence, impact: first)], response: response),
            SimulationPlan.Risk(
                key: StableHash.fnv1a64("E-1 second"), outcome: 1, estimates: [.init(occurrence: occurrence, impact: second)],
                response: response, occurrenceKey: shared ? entry : nil, impactSalt: shared ? StableHash.fnv1a64("second") : nil),
        ]
        // The total is over both outcomes: it exceeds 1.5 exactly when both effects occur.
        return try SimulationPlan(
            outcomeCount: 2, risks: risks, views: (0..<views).map { .init(name: "view \($0)", weights: [[1], [1]]) },
            totalThresholds: [1.5])
    }

    static func bothProbability(_ plan: SimulationPlan, residual: Bool = false) -> Double {
        let total = Engine.run(plan, options: RunOptions(seed: 17, trials: trials, jobs: 2)).views[0].total!
        return (residual ? total.residual : total.inherent).exceedances[0].probability.value
    }

    static func tolerance(_ p: Double) -> Double { 4 * (p * (1 - p) / Double(trials)).squareRoot() }

    @Test(arguments: [0.05, 0.3, 0.8])
    func effectsOccurTogether(p: Double) throws {
        let both = Self.bothProbability(try Self.pair(.probability(p), shared: true))
        #expect(abs(both - p) < Self.tolerance(p), "P(both) = \(both), expected p = \(p)")
        // Without the shared key the two are independent: P(both) = p², which this test tells apart.
        let independent = Self.bothProbability(try Self.pair(.probability(p), shared: false))
        #expect(abs(independent - p * p) < Self.tolerance(p * p))
    }

    /// With a frequency the events coincide too: P(at least one event) = 1 − e^(−λ) for both at once.
    @Test func frequencyEffectsOccurTogether() throws {
        let lambda = 0.7
        let p = 1 - exp(-lambda)
        let both = Self.bothProbability(try Self.pair(.frequency(lambda), shared: true))
        #expect(abs(both - p) < Self.tolerance(p))
    }

    /// A response delivered with reliability ρ that halves the likelihood prevents an event for
    /// both effects at once: residual P(both) = p (1 − ρ/2).
    @Test func responsePreventsEveryEffect() throws {
        let p = 0.4, rho = 0.8
        let plan = try Self.pair(.probability(p), shared: true, response: .init(reliability: rho, likelihoodMultiplier: 0.5))
        let both = Self.bothProbability(plan, residual: true)
        let expected = p * (1 - rho / 2)
        #expect(abs(both - expected) < Self.tolerance(expected))
    }

    /// Each effect draws its own impact: two uniform impacts of one certain event are
    /// uncorrelated, so the total's variance is the sum of theirs (1/12 each), not the 4/12 of
    /// identical draws.
    @Test(arguments: [1, 3]) func impactsAreDrawnSeparately(views: Int) throws {
        let u = try Distribution.uniform(min: 0, max: 1)
        let plan = try Self.pair(.probability(1), shared: true, impacts: (u, u), views: views)
        let total = Engine.run(plan, options: RunOptions(seed: 19, trials: Self.trials, jobs: 2)).views[0].total!.inherent
        let sd = (2.0 / 12).squareRoot()
        // SE of a sample sd with the excess kurtosis of a sum of two uniforms (−0.6).
        let error = sd * ((2 - 0.6) / (4 * Double(Self.trials))).squareRoot()
        #expect(abs(total.standardDeviation - sd) < 4 * error)
    }

    /// The first effect keeps its entry's key and no salt, so it draws exactly what the entry
    /// drew on its own.
    @Test func firstEffectIsUnchanged() throws {
        let d = try Distribution.pert(min: 1, mode: 4, max: 20)
        let alone = try SimulationPlan(
            outcomeCount: 2, risks: [SimulationPlan.Risk(key: StableHash.fnv1a64("E-1"), outcome: 0, estimates: [.init(occurrence: .probability(0.3), impact: d)])],
            views: [.init(name: "only", weights: [[1]])])
        let together = try Self.pair(.probability(0.3), shared: true, impacts: (d, d))
        let options = RunOptions(seed: 23, trials: 20_000, jobs: 2)
        let a = Engine.run(alone, options: options).views[0], b = Engine.run(together, options: options).views[0]
        #expect(a.outcomes[0].inherent.mean.value == b.outcomes[0].inherent.mean.value)
        #expect(a.outcomes[0].inherent.percentile(0.9)!.value == b.outcomes[0].inherent.percentile(0.9)!.value)
    }
}
