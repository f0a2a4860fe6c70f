import Foundation
import Testing
import Distributions
@testable import MonteCarlo

@Suite("Correlation")
struct CorrelationTests {
    static func plan(_ pairs: [SimulationPlan.Correlation], probability: Double = 1) throws -> SimulationPlan {
        let risks = [
            PlanFixtures.risk("a", [PlanFixtures.estimate(.probability(probability), try .normal(mean: 100, sd: 10))]),
            PlanFixtures.risk("b", [PlanFixtures.estimate(.probability(probability), try .pert(min: 0, mode: 10, max: 100))]),
            PlanFixtures.risk("c", outcome: 1, [PlanFixtures.estimate(.probability(probability), try .lognormal(p5: 1, p95: 100))]),
            PlanFixtures.risk("d", [PlanFixtures.estimate(.probability(probability), try .uniform(min: 0, max: 1))]),
        ]
        return try SimulationPlan(outcomeCount: 2, risks: risks, views: PlanFixtures.onlyView(risks), correlations: pairs)
    }

    @Test(arguments: [0.6, -0.4, 0.9, 0.0])
    func imanConoverHitsTargetSpearman(target: Double) throws {
        let plan = try Self.plan([.init(0, 1, spearman: target)])
        // One block of n = 20,000, so the achieved figure is the sample Spearman correlation.
        let r = Engine.run(plan, options: RunOptions(seed: 17, trials: 20_000, blockSize: 20_000))
        let achieved = r.correlations[0].achieved
        #expect(abs(achieved - target) < 0.03, "target \(target), achieved \(achieved)")
    }

    @Test func threeWayGroupAcrossOutcomes() throws {
        let targets: [SimulationPlan.Correlation] = [.init(0, 1, spearman: 0.5), .init(1, 2, spearman: 0.5), .init(0, 2, spearman: -0.2)]
        let plan = try Self.plan(targets)
        let r = Engine.run(plan, options: RunOptions(seed: 3, trials: 40_000, blockSize: 1 << 14))
        for c in r.correlations {
            #expect(abs(c.achieved - c.target) < 0.03, "\(c)")
        }
        // Marginals are untouched by reordering: risk a's mean matches its formula.
        let a = r.views[0].risks[0].meanLoss.inherent
        #expect(abs(a.value - 100) < 4 * a.standardError)
    }

    @Test func correlationRaisesTheTotalsSpread() throws {
        let independent = Engine.run(try Self.plan([]), options: RunOptions(seed: 4, trials: 50_000))
        let correlated = Engine.run(try Self.plan([.init(0, 1, spearman: 0.8)]), options: RunOptions(seed: 4, trials: 50_000))
        let sdI = independent.views[0].outcomes[0].inherent.standardDeviation
        let sdC = correlated.views[0].outcomes[0].inherent.standardDeviation
        #expect(sdC > sdI * 1.1)
        // The contributions now include the covariance and still add up to the variance.
        let sum = [0, 1, 3].reduce(0) { $0 + correlated.views[0].risks[$1].varianceContribution.inherent }
        #expect(abs(sum - sdC * sdC) < 0.05 * sdC * sdC)
        // The per-risk means are the same as without correlation (same draws, reordered).
        #expect(abs(correlated.views[0].risks[0].meanLoss.inherent.value - independent.views[0].risks[0].meanLoss.inherent.value) < 1e-9)
    }

    @Test func rareRisksReportTheirAttenuatedCorrelation() throws {
        let plan = try Self.plan([.init(0, 1, spearman: 0.8)], probability: 0.1)
        let r = Engine.run(plan, options: RunOptions(seed: 5, trials: 20_000))
        let achieved = r.correlations[0].achieved
        #expect(achieved > 0.1)
        #expect(achieved < 0.8)
    }
}

@Suite("Correlation matrices and plan validation")
struct ValidationTests {
    @Test func acceptsValidMatrices() {
        #expect(CorrelationMatrix.problem([[1]]) == nil)
        #expect(CorrelationMatrix.problem([[1, 0.5], [0.5, 1]]) == nil)
        // Semi-definite (perfectly correlated) is allowed.
        #expect(CorrelationMatrix.problem([[1, 1], [1, 1]]) == nil)
        #expect(CorrelationMatrix.problem([[1, 1, 1], [1, 1, 1], [1, 1, 1]]) == nil)
    }

    @Test func namesEachProblem() {
        #expect(CorrelationMatrix.problem([[1, 0.5]]) == .notSquare)
        #expect(CorrelationMatrix.problem([[1, .nan], [.nan, 1]]) == .notFinite(row: 0, column: 1))
        #expect(CorrelationMatrix.problem([[2, 0], [0, 1]]) == .diagonalNotOne(index: 0, value: 2))
        #expect(CorrelationMatrix.problem([[1, 0.5], [0.4, 1]]) == .notSymmetric(row: 0, column: 1))
        #expect(CorrelationMatrix.problem([[1, 1.5], [1.5, 1]]) == .outOfRange(row: 0, column: 1, value: 1.5))
        #expect(CorrelationMatrix.problem([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]) == .notPositiveSemiDefinite(pivot: 2))
    }

    @Test func planRejectsStructuralMistakes() throws {
        let e = PlanFixtures.estimate(.probability(0.5), try .fixed(1))
        let a = PlanFixtures.risk("a", [e]), b = PlanFixtures.risk("b", [e])
        #expect(throws: PlanError.duplicateRiskKey(a.key, risks: [0, 1])) {
            try SimulationPlan(outcomeCount: 1, risks: [a, a], views: PlanFixtures.onlyView([a, a]))
        }
        #expect(throws: PlanError.noViews) { try SimulationPlan(outcomeCount: 1, risks: [a], views: []) }
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: [a], views: [.init(name: "v", weights: [[0.5]])])
        }
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: [PlanFixtures.risk("x", [PlanFixtures.estimate(.probability(1.5), try .fixed(1))])],
                               views: PlanFixtures.onlyView([a]))
        }
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: [PlanFixtures.risk("x", outcome: 3, [e])], views: PlanFixtures.onlyView([a]))
        }
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: [PlanFixtures.risk("x", [e], response: .init(reliability: 2))], views: PlanFixtures.onlyView([a]))
        }
        #expect(throws: PlanError.portfolioEntryNotActivity(portfolio: 0, risk: 0)) {
            try SimulationPlan(outcomeCount: 1, risks: [a, b], views: PlanFixtures.onlyView([a, b]), portfolios: [.init(name: "p", activities: [0])])
        }
        let c = PlanFixtures.risk("c", [e])
        let bad: [SimulationPlan.Correlation] = [.init(0, 1, spearman: 0.9), .init(1, 2, spearman: 0.9), .init(0, 2, spearman: -0.9)]
        #expect(throws: PlanError.invalidCorrelationMatrix(risks: [0, 1, 2], problem: .notPositiveSemiDefinite(pivot: 2))) {
            try SimulationPlan(outcomeCount: 1, risks: [a, b, c], views: PlanFixtures.onlyView([a, b, c]), correlations: bad)
        }
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: [a, b], views: PlanFixtures.onlyView([a, b]), correlations: [.init(0, 0, spearman: 0.5)])
        }
    }
}

@Suite("Plan coding")
struct PlanCodingTests {
    @Test func roundTripsAndRevalidates() throws {
        let plan = try PlanFixtures.everything()
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(SimulationPlan.self, from: data) == plan)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"primaryView\":2", with: "\"primaryView\":9")
        #expect(throws: PlanError.self) { try JSONDecoder().decode(SimulationPlan.self, from: Data(text.utf8)) }
    }
}
