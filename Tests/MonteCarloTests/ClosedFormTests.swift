import Foundation
import Testing
import Distributions
@testable import MonteCarlo

/// Engine results against formulas, each within 4 standard errors at a fixed seed.
@Suite("Closed forms")
struct ClosedFormTests {
    static let trials = 100_000

    static func run(_ risks: [SimulationPlan.Risk], views: [SimulationPlan.View]? = nil, outcomes: Int = 1,
                    thresholds: [[Double]] = [], seed: UInt64 = 11) throws -> SimulationResult {
        let plan = try SimulationPlan(outcomeCount: outcomes, risks: risks, views: views ?? PlanFixtures.onlyView(risks), thresholds: thresholds)
        return Engine.run(plan, options: RunOptions(seed: seed, trials: trials, jobs: 2))
    }

    /// SE of a sample standard deviation, for a distribution with the given excess kurtosis.
    static func sdError(_ sd: Double, excessKurtosis: Double = 0) -> Double {
        sd * ((excessKurtosis + 2) / (4 * Double(trials))).squareRoot()
    }

    @Test(arguments: [0.001, 0.05, 0.3, 0.5, 0.97])
    func bernoulliTimesFixed(p: Double) throws {
        let r = try Self.run([PlanFixtures.risk("b", [PlanFixtures.estimate(.probability(p), try .fixed(1000))])], thresholds: [[500]])
        let o = r.views[0].outcomes[0].inherent
        #expect(abs(o.mean.value - 1000 * p) < 4 * o.mean.standardError)
        let sd = 1000 * (p * (1 - p)).squareRoot()
        let kurt = (1 - 6 * p * (1 - p)) / (p * (1 - p))
        // At p = ½ the sample sd is nearly exact (its error is O(1/n), not O(1/√n)).
        #expect(abs(o.standardDeviation - sd) < max(4 * Self.sdError(sd, excessKurtosis: kurt), 1e-5 * sd))
        let exceed = o.exceedances[0].probability
        #expect(abs(exceed.value - p) < 4 * (p * (1 - p) / Double(Self.trials)).squareRoot())
        #expect(abs(r.views[0].risks[0].probability.inherent - p) < 4 * (p * (1 - p) / Double(Self.trials)).squareRoot())
    }

    @Test func sumOfTriangulars() throws {
        let specs: [(Double, Double, Double)] = [(0, 1, 2), (1, 5, 6), (10, 11, 30), (-3, 0, 3)]
        let risks = try specs.enumerated().map { i, s in
            PlanFixtures.risk("t\(i)", [PlanFixtures.estimate(.probability(1), try .triangular(min: s.0, mode: s.1, max: s.2))])
        }
        let o = try Self.run(risks).views[0].outcomes[0].inherent
        let mean = specs.reduce(0) { $0 + ($1.0 + $1.1 + $1.2) / 3 }
        let variance = specs.reduce(0) { a, s in a + (s.0 * s.0 + s.1 * s.1 + s.2 * s.2 - s.0 * s.1 - s.0 * s.2 - s.1 * s.2) / 18 }
        #expect(abs(o.mean.value - mean) < 4 * o.mean.standardError)
        #expect(abs(o.standardDeviation - variance.squareRoot()) < 4 * Self.sdError(variance.squareRoot()))
    }

    @Test(arguments: [(1000.0, 2500.0, 10_000.0, 4.0), (0, 9, 10, 4), (5, 5, 6, 4), (0, 3, 10, 8)])
    func pertMoments(min: Double, mode: Double, max: Double, shape: Double) throws {
        let d = try Distribution.pert(min: min, mode: mode, max: max, shape: shape)
        let o = try Self.run([PlanFixtures.risk("p", [PlanFixtures.estimate(.probability(1), d)])]).views[0].outcomes[0].inherent
        let range = max - min, r = (mode - min) / range
        let a = 1 + shape * r, b = 1 + shape * (1 - r)
        let mean = min + range * a / (a + b)
        let sd = range * (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
        #expect(abs(o.mean.value - mean) < 4 * o.mean.standardError)
        #expect(abs(o.standardDeviation - sd) < 4 * Self.sdError(sd, excessKurtosis: 0.5))
        // P50 of the engine's table sampler against the exact median.
        let median = d.quantile(0.5)
        let p50 = o.percentile(0.5)!
        #expect(abs(p50.value - median) < 4 * p50.standardError + 1e-9)
    }

    /// A PERT impact's mean given occurrence, at every occurrence path (dense scan, gap
    /// skipping, certain). The shape is a concentrated modified PERT (α = 2, β = 2000), where a
    /// table sampler that weights cells by their acceptance rates is off by 0.14 sd per draw:
    /// about 40 standard errors at these draw counts (a standard PERT would need 10⁸ draws to
    /// show the same fault at 4 standard errors).
    @Test(arguments: [1.0, 0.4, 0.1])
    func pertConditionalMeanGivenOccurrence(likelihood: Double) throws {
        let d = try Distribution.pert(min: 0, mode: 0.5, max: 1000, shape: 2000)
        let risks = [PlanFixtures.risk("c", [PlanFixtures.estimate(.probability(likelihood), d)])]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks))
        let trials = Int(100_000 / likelihood)
        let r = Engine.run(plan, options: RunOptions(seed: 13, trials: trials, jobs: 2)).views[0].risks[0]
        let occurrences = r.probability.inherent * Double(trials)
        let conditional = r.meanHarm.inherent / r.probability.inherent
        let a = 2.0, b = 2000.0
        let mean = 1000 * a / (a + b)
        let sd = 1000 * (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
        let z = (conditional - mean) / (sd / occurrences.squareRoot())
        #expect(abs(z) < 4, "likelihood \(likelihood): conditional mean \(conditional) vs \(mean), z = \(z)")
    }

    @Test func compoundPoisson() throws {
        let lambda = 3.0
        let impact = try Distribution.triangular(min: 10, mode: 20, max: 60)
        let r = try Self.run([PlanFixtures.risk("c", [PlanFixtures.estimate(.frequency(lambda), impact)])])
        let o = r.views[0].outcomes[0].inherent
        let mu = impact.mean, s2 = impact.variance
        #expect(abs(o.mean.value - lambda * mu) < 4 * o.mean.standardError)
        let sd = (lambda * (s2 + mu * mu)).squareRoot()
        #expect(abs(o.standardDeviation - sd) < 4 * Self.sdError(sd, excessKurtosis: 1 / lambda))
        #expect(abs(r.views[0].risks[0].probability.inherent - (1 - exp(-lambda))) < 0.005)
    }

    @Test func largeRateUsesPoissonProcessCorrectly() throws {
        let r = try Self.run([PlanFixtures.risk("many", [PlanFixtures.estimate(.frequency(40), try .fixed(1))])])
        let o = r.views[0].outcomes[0].inherent
        #expect(abs(o.mean.value - 40) < 4 * o.mean.standardError)
        #expect(abs(o.standardDeviation - 40.0.squareRoot()) < 4 * Self.sdError(40.0.squareRoot()))
    }

    @Test func uncertainFrequencyIsMixedPoisson() throws {
        // Rate ~ Uniform(1, 5): E[N] = 3, Var[N] = E[λ] + Var[λ] = 3 + 16/12.
        let r = try Self.run([PlanFixtures.risk("u", [PlanFixtures.estimate(.uncertainFrequency(try .uniform(min: 1, max: 5)), try .fixed(1))])])
        let o = r.views[0].outcomes[0].inherent
        #expect(abs(o.mean.value - 3) < 4 * o.mean.standardError)
        let sd = (3 + 16.0 / 12).squareRoot()
        #expect(abs(o.standardDeviation - sd) < 4 * Self.sdError(sd, excessKurtosis: 0.5))
    }

    @Test(arguments: [(0.8, 0.5, 0.6), (1.0, 0.0, 1.0), (0.0, 0.2, 0.2), (0.5, 1.0, 0.3)])
    func responseResidualMean(reliability: Double, likelihood: Double, impact: Double) throws {
        let p = 0.3
        let d = try Distribution.triangular(min: 100, mode: 200, max: 600)
        let risk = PlanFixtures.risk("r", [PlanFixtures.estimate(.probability(p), d)],
                                     response: .init(reliability: reliability, likelihoodMultiplier: likelihood, impactMultiplier: impact, cost: 10))
        let r = try Self.run([risk])
        let res = r.views[0].outcomes[0].residual
        let expected = p * d.mean * ((1 - reliability) + reliability * likelihood * impact)
        #expect(abs(res.mean.value - expected) < 4 * res.mean.standardError + 1e-9)
        let value = r.views[0].risks[0].response!
        let expectedValue = p * d.mean * reliability * (1 - likelihood * impact)
        #expect(abs(value.value.value - expectedValue) < 4 * value.value.standardError + 1e-9)
        #expect(value.valueForMoney == value.value.value / 10)
        // Residual occurrences are a subset of inherent ones, on the same random numbers.
        #expect(r.views[0].risks[0].probability.residual <= r.views[0].risks[0].probability.inherent)
        #expect(abs(value.inherentMean - value.residualMean - value.value.value) < 1e-9 * max(1, value.inherentMean))
    }

    @Test func pooledViewIsTheWeightedMixture() throws {
        let e1 = PlanFixtures.estimate(.probability(0.1), try .fixed(1000))
        let e2 = PlanFixtures.estimate(.probability(0.6), try .uniform(min: 0, max: 200))
        let risks = [PlanFixtures.risk("m", [e1, e2])]
        let views: [SimulationPlan.View] = [
            .init(name: "one", weights: [[1, 0]]), .init(name: "two", weights: [[0, 1]]), .init(name: "pooled", weights: [[0.3, 0.7]]),
        ]
        let r = try Self.run(risks, views: views)
        let means = r.views.map { $0.outcomes[0].inherent.mean }
        let expected = [100.0, 60.0, 0.3 * 100 + 0.7 * 60]
        for (m, e) in zip(means, expected) { #expect(abs(m.value - e) < 4 * m.standardError) }
        // A true mixture, not an average of parameters: P(occur) = 0.3·0.1 + 0.7·0.6.
        let p = r.views[2].risks[0].probability.inherent
        #expect(abs(p - 0.45) < 4 * (0.45 * 0.55 / Double(Self.trials)).squareRoot())
    }

    @Test func perTrialBenefitMakesLossNegative() throws {
        let risk = PlanFixtures.risk("enable", [PlanFixtures.estimate(.probability(0.1), try .fixed(500), benefit: try .fixed(100))])
        let r = try Self.run([risk])
        let o = r.views[0].outcomes[0].inherent
        #expect(abs(o.mean.value - (-50)) < 4 * o.mean.standardError)
        #expect(abs(o.probabilityNetBenefit.value - 0.9) < 4 * o.probabilityNetBenefit.standardError)
        #expect(r.views[0].risks[0].meanBenefit == 100)
    }

    @Test func portfolioDifferenceIsThePairedActivityLoss() throws {
        let base = PlanFixtures.risk("base", [PlanFixtures.estimate(.probability(0.5), try .uniform(min: 0, max: 10))])
        let act = PlanFixtures.risk("act", [PlanFixtures.estimate(.probability(0.4), try .uniform(min: 0, max: 50))], activity: true)
        let plan = try SimulationPlan(outcomeCount: 1, risks: [base, act], views: PlanFixtures.onlyView([base, act]),
                                      portfolios: [.init(name: "none", activities: []), .init(name: "act", activities: [1])])
        let r = Engine.run(plan, options: RunOptions(seed: 3, trials: 50_000))
        let diff = r.portfolios[1].differenceFromFirst[0].inherent
        let activityMean = r.views[0].risks[1].meanLoss.inherent.value
        #expect(abs(diff.mean.value - activityMean) < 1e-9 * activityMean)
        #expect(r.portfolios[0].differenceFromFirst[0].inherent.mean.value == 0)
        #expect(diff.probabilityBetter == 0)
        #expect(abs(r.portfolios[0].outcomes[0].inherent.mean.value - r.views[0].risks[0].meanLoss.inherent.value) < 1e-9)
    }

    @Test func varianceContributionsSumToVariance() throws {
        let plan = try PlanFixtures.everything()
        let r = Engine.run(plan, options: RunOptions(seed: 8, trials: 100_000))
        for view in r.views {
            let o = view.outcomes[0].inherent
            let sum = plan.risks.indices.filter { plan.risks[$0].outcome == 0 }.reduce(0) { $0 + view.risks[$1].varianceContribution.inherent }
            let variance = o.standardDeviation * o.standardDeviation
            // Equal up to Monte Carlo error in the (dropped) independent cross terms.
            #expect(abs(sum - variance) < 0.05 * variance, "\(view.name): \(sum) vs \(variance)")
        }
    }

    @Test func tornadoSwingIsAnalytic() throws {
        let d = try Distribution.uniform(min: 0, max: 100)
        let r = try Self.run([PlanFixtures.risk("t", [PlanFixtures.estimate(.frequency(2), d)])])
        #expect(abs(r.views[0].risks[0].tornadoSwing - 2 * 80) < 1e-9)
        #expect(abs(r.views[0].risks[0].impactP90 - 90) < 1e-9)
        #expect(r.views[0].risks[0].lossP90 == nil)
    }

    @Test func lossP90OfABernoulliRisk() throws {
        // P(L ≤ x) = 0.8 + 0.2·x/100 on [0, 100): P90 at x = 50.
        let r = try Self.run([PlanFixtures.risk("q", [PlanFixtures.estimate(.probability(0.2), try .uniform(min: 0, max: 100))])])
        #expect(abs(r.views[0].risks[0].lossP90! - 50) < 1e-6)
        #expect(abs(r.views[0].outcomes[0].inherent.percentile(0.9)!.value - 50) < 4 * r.views[0].outcomes[0].inherent.percentile(0.9)!.standardError)
    }

    /// A lognormal given by its 5th and 95th percentiles: median √(p5·p95), σ = ln(p95/p5)/(2·1.6449),
    /// mean = median·e^(σ²/2). Every reported figure within 4 of its own SEs.
    @Test func lognormalFromTwoPercentiles() throws {
        let o = try Self.run([PlanFixtures.risk("l", [PlanFixtures.estimate(.probability(1), try .lognormal(p5: 10, p95: 1000))])])
            .views[0].outcomes[0].inherent
        let sigma = log(100.0) / (2 * 1.6448536269514722)
        let mean = 100 * exp(sigma * sigma / 2)
        #expect(abs(o.mean.value - mean) < 4 * o.mean.standardError)
        for (p, truth) in [(0.05, 10.0), (0.5, 100), (0.95, 1000)] {
            let q = o.percentile(p)!
            #expect(abs(q.value - truth) < 4 * q.standardError, "P\(Int(p * 100)): \(q) vs \(truth)")
        }
        let sd = mean * (exp(sigma * sigma) - 1).squareRoot()
        #expect(abs(o.standardDeviation - sd) < 4 * o.standardDeviationStandardError, "\(o.standardDeviation) ± \(o.standardDeviationStandardError) vs \(sd)")
    }

    /// A count's percentiles are whole numbers; where the percentile sits on an atom the SE
    /// may be 0, and the figure is then exact.
    @Test func poissonPercentiles() throws {
        let o = try Self.run([PlanFixtures.risk("n", [PlanFixtures.estimate(.frequency(2.34), try .fixed(1))])]).views[0].outcomes[0].inherent
        for (p, truth) in [(0.05, 0.0), (0.5, 2), (0.9, 4), (0.95, 5), (0.99, 7)] {
            let q = o.percentile(p)!
            #expect(abs(q.value - truth) <= 4 * q.standardError, "P\(Int(p * 100)): \(q) vs \(truth)")
        }
    }

    /// Pooled, one occurrence's impact is the per-occurrence mixture: weights 0.5 × 0.1 and
    /// 0.5 × 0.4, so 20 % of occurrences are U(0, 100) and 80 % U(100, 200): P10 = 50,
    /// P90 = 187.5, and the swing is 0.25 × (187.5 − 50).
    @Test func pooledImpactIsThePerOccurrenceMixture() throws {
        let e1 = PlanFixtures.estimate(.probability(0.1), try .uniform(min: 0, max: 100))
        let e2 = PlanFixtures.estimate(.probability(0.4), try .uniform(min: 100, max: 200))
        let risks = [PlanFixtures.risk("m", [e1, e2])]
        let r = try Self.run(risks, views: [.init(name: "pooled", weights: [[0.5, 0.5]])]).views[0].risks[0]
        #expect(abs(r.impactP10 - 50) < 1e-6)
        #expect(abs(r.impactP90 - 187.5) < 1e-6)
        #expect(abs(r.tornadoSwing - 0.25 * 137.5) < 1e-6)
        // The simulated mean harm per occurrence agrees: 0.2 · 50 + 0.8 · 150 = 130.
        let perOccurrence = r.meanHarm.inherent / r.probability.inherent
        #expect(abs(perOccurrence - 130) < 4 * 60 / (r.probability.inherent * Double(Self.trials)).squareRoot())
        // A risk's probability and its SE.
        #expect(abs(r.probability.inherent - 0.25) < 4 * r.probabilityStandardError.inherent)
        #expect(abs(r.probabilityStandardError.inherent - (0.25 * 0.75 / Double(Self.trials)).squareRoot()) < 1e-5)
    }

    /// Net benefit: a certain benefit of 100 against a 10 % chance of a 500 harm. P(loss < 0) = 0.9
    /// and the exceedances P(loss > 0) = 0.1 and P(loss > 400) = 0.1 · P(benefit < 100) = 0.05,
    /// each within 4 reported SE.
    @Test func netBenefitWithinItsStandardError() throws {
        let risk = PlanFixtures.risk("enable", [PlanFixtures.estimate(.probability(0.1), try .fixed(500), benefit: try .uniform(min: 50, max: 150))])
        let o = try Self.run([risk], thresholds: [[0, 400]]).views[0].outcomes[0].inherent
        #expect(abs(o.mean.value - (-50)) < 4 * o.mean.standardError)
        #expect(abs(o.probabilityNetBenefit.value - 0.9) < 4 * o.probabilityNetBenefit.standardError)
        #expect(abs(o.exceedances[0].probability.value - 0.1) < 4 * o.exceedances[0].probability.standardError)
        #expect(abs(o.exceedances[1].probability.value - 0.1 * 0.5) < 4 * o.exceedances[1].probability.standardError)
    }
}
