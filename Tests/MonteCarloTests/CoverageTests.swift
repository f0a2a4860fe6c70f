import Foundation
import Testing
import Distributions
@testable import MonteCarlo

/// Do the reported standard errors mean what they say? For each register below, the engine is
/// run with many fixed seeds and each figure is checked against its known true value: the share
/// of runs within 1.96 reported SE of the truth must be consistent with 95 %.
///
/// Tolerance: with N runs the share has a binomial standard deviation of √(0.95·0.05/N); the
/// band is three of those either side, widened by 1 point below because a batch-means SE from
/// 32 batches is itself estimated (a t-distribution with 31 degrees of freedom puts 94.1 %, not
/// 95 %, within 1.96 SE). Figures with atoms (counts, fixed impacts, zero when nothing happens)
/// are checked only from below: there the interval is conservative by design, and a percentile
/// that sits on an atom is reported exactly, with SE 0.
@Suite("Standard-error coverage")
struct CoverageTests {
    static let runs = 400
    static let trials = 32 * 1024

    static var band: ClosedRange<Double> {
        let sd = (0.95 * 0.05 / Double(runs)).squareRoot()
        return (0.95 - 3 * sd - 0.01)...(0.95 + 3 * sd)
    }

    /// A figure of a run and its true value.
    struct Check {
        var name: String
        var truth: Double
        var figure: (SimulationResult) -> Statistic
        /// True where the figure may be exact (an atom): only under-coverage is a failure.
        var atLeast = false
    }

    static func coverage(_ plan: SimulationPlan, _ checks: [Check]) -> [(String, Double, Bool)] {
        var hits = Array(repeating: 0, count: checks.count)
        for seed in 1...runs {
            let r = Engine.run(plan, options: RunOptions(seed: UInt64(seed) &* 7919, trials: trials, jobs: 1))
            for (i, c) in checks.enumerated() {
                let s = c.figure(r)
                if abs(s.value - c.truth) <= 1.96 * s.standardError { hits[i] += 1 }
            }
        }
        return zip(checks, hits).map { c, h in (c.name, Double(h) / Double(runs), c.atLeast) }
    }

    static func expectCovered(_ results: [(String, Double, Bool)]) {
        for (name, share, atLeast) in results {
            if atLeast {
                #expect(share >= band.lowerBound, "\(name): \(share) of runs within 1.96 SE")
            } else {
                #expect(band.contains(share), "\(name): \(share) of runs within 1.96 SE, expected \(band)")
            }
        }
    }

    static func outcome(_ r: SimulationResult) -> OutcomeSummary { r.views[0].outcomes[0].inherent }

    static func certain(_ id: String, _ d: Distribution) -> SimulationPlan.Risk {
        PlanFixtures.risk(id, [PlanFixtures.estimate(.probability(1), d)])
    }

    /// Two uniform(0, 100) losses at rank correlation ρ: the mean is 100 whatever ρ. At ρ = +1
    /// the total is twice one of them, so its percentiles are 2·100·p.
    @Test(arguments: [-1.0, 0.0, 1.0])
    func twoRisksAtRankCorrelation(rho: Double) throws {
        let d = try Distribution.uniform(min: 0, max: 100)
        let risks = [Self.certain("left", d), Self.certain("right", d)]
        let plan = try SimulationPlan(
            outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks),
            correlations: rho == 0 ? [] : [.init(0, 1, spearman: rho)], thresholds: [[150]])
        var checks = [Check(name: "mean at ρ = \(rho)", truth: 100) { Self.outcome($0).mean }]
        if rho == 1 {
            for p in [0.5, 0.9, 0.95] {
                checks.append(Check(name: "P\(Int(p * 100)) at ρ = 1", truth: 200 * p) { Self.outcome($0).percentile(p)! })
            }
            checks.append(Check(name: "P(loss > 150) at ρ = 1", truth: 0.25) { Self.outcome($0).exceedances[0].probability })
        }
        if rho == 0 {
            // The sum of two uniforms is triangular on [0, 200].
            checks.append(Check(name: "P(loss > 150)", truth: 0.125) { Self.outcome($0).exceedances[0].probability })
            checks.append(Check(name: "P90", truth: 200 - 200 * (0.1 / 2).squareRoot()) { Self.outcome($0).percentile(0.9)! })
        }
        Self.expectCovered(Self.coverage(plan, checks))
    }

    /// Three normal losses with a 3 × 3 rank-correlation matrix: the total's mean is the sum of
    /// the means.
    @Test func threeByThreeMatrix() throws {
        let risks = [
            Self.certain("a", try .normal(mean: 100, sd: 10)),
            Self.certain("b", try .normal(mean: 50, sd: 20)),
            Self.certain("c", try .normal(mean: 10, sd: 5)),
        ]
        let plan = try SimulationPlan(
            outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks),
            correlations: [.init(0, 1, spearman: -0.7), .init(1, 2, spearman: 0.5), .init(0, 2, spearman: 0.2)])
        Self.expectCovered(Self.coverage(plan, [Check(name: "mean", truth: 160) { Self.outcome($0).mean }]))
    }

    /// A count: Poisson with mean 2.34, whose percentiles are whole numbers (the true P99 is 7,
    /// with P(N ≤ 6) just under 0.99).
    @Test func poissonCount() throws {
        let lambda = 2.34
        let risks = [PlanFixtures.risk("count", [PlanFixtures.estimate(.frequency(lambda), try .fixed(1))])]
        let plan = try SimulationPlan(outcomeCount: 1, risks: risks, views: PlanFixtures.onlyView(risks), thresholds: [[4]])
        var cdf: [Double] = []
        var term = exp(-lambda), total = 0.0
        for k in 0..<40 {
            total += term
            cdf.append(total)
            term *= lambda / Double(k + 1)
        }
        func quantile(_ p: Double) -> Double { Double(cdf.firstIndex { $0 >= p }!) }
        var checks = [
            Check(name: "mean", truth: lambda) { Self.outcome($0).mean },
            Check(name: "P(N > 4)", truth: 1 - cdf[4]) { Self.outcome($0).exceedances[0].probability },
        ]
        for p in OutcomeSummary.percentileProbabilities {
            checks.append(Check(name: "P\(Int(p * 100))", truth: quantile(p), figure: { Self.outcome($0).percentile(p)! }, atLeast: true))
        }
        Self.expectCovered(Self.coverage(plan, checks))
    }

    /// Atoms: a fixed impact with chance 0.07 (the total is 0 in 93 % of trials) beside a
    /// fixed-impact certain cost, and a continuous risk with a gap in its support.
    @Test func atomsAndGaps() throws {
        let risks = [
            PlanFixtures.risk("fixed", [PlanFixtures.estimate(.probability(0.07), try .fixed(100))]),
            PlanFixtures.risk("other", outcome: 1, [PlanFixtures.estimate(.probability(0.3), try .fixed(1000))]),
            PlanFixtures.risk("spread", outcome: 1, [PlanFixtures.estimate(.probability(1), try .uniform(min: 0, max: 100))]),
        ]
        let plan = try SimulationPlan(outcomeCount: 2, totalOutcomes: [], risks: risks, views: PlanFixtures.onlyView(risks))
        func second(_ r: SimulationResult) -> OutcomeSummary { r.views[0].outcomes[1].inherent }
        var checks = [
            Check(name: "atom mean", truth: 7) { Self.outcome($0).mean },
            Check(name: "atom P90", truth: 0, figure: { Self.outcome($0).percentile(0.9)! }, atLeast: true),
            Check(name: "atom P95", truth: 100, figure: { Self.outcome($0).percentile(0.95)! }, atLeast: true),
            Check(name: "atom P99", truth: 100, figure: { Self.outcome($0).percentile(0.99)! }, atLeast: true),
            Check(name: "gap mean", truth: 350) { second($0).mean },
        ]
        // 0.7 of the mass is uniform on [0, 100], 0.3 uniform on [1000, 1100].
        for p in [0.5, 0.9, 0.95, 0.99] {
            let truth = p <= 0.7 ? 100 * p / 0.7 : 1000 + 100 * (p - 0.7) / 0.3
            checks.append(Check(name: "gap P\(Int(p * 100))", truth: truth) { second($0).percentile(p)! })
        }
        Self.expectCovered(Self.coverage(plan, checks))
    }
}
