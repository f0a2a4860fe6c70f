import Foundation
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// What a response does for the bad years, which its average hides.
@Suite struct ResponseTailTests {
    /// A 4% chance of a £100,000 loss, removed every time by a response costing £5,000: it saves
    /// 0.04 × 100,000 = £4,000 on average, less than it costs, so an average calls it poor value.
    /// But the worst 1 in 20 years hold every loss (4% of years, in the worst 5%), so their
    /// average (ES95) is 0.04 × 100,000 / 0.05 = £80,000 without it and £0 with it; the P95
    /// itself is £0 either way. A response that pays for itself on average is not measured.
    @Test func aResponseThatCutsTheBadYearsSaysBy() throws {
        let register = try ScorerTests.parse("""
            riskreg: 1
            register: {id: t, title: Test, organisation: Council, horizon: 1 year, currency: GBP}
            outcomes:
              - {id: cost, title: Cost, unit: money}
            contributors:
              - {id: c, name: Residents, kind: community, public: true}
            risks:
              - id: A
                title: Rare large claim
                outcome: cost
                strategy: reduction
                owner: Officer
                coproduction: {mode: co-design, contributors: [c]}
                estimates:
                  - {likelihood: 4%, impact: 100000}
                response: {action: Insurance, cost: 5000, reliability: 100%, reduces-likelihood-by: 100%}
              - id: B
                title: Cheap fix
                outcome: cost
                strategy: reduction
                owner: Officer
                coproduction: {mode: co-design, contributors: [c]}
                estimates:
                  - {likelihood: 50%, impact: 1000}
                response: {action: Fix, cost: 10, reliability: 100%, reduces-likelihood-by: 100%}
            """)
        let trials = 200_000
        var options = ScorerTests.options(trials: trials)
        options.responseLevers = true
        let score = try Scorer.score(register, options: options)
        let a = try #require(score.risks.first { $0.id == "A" }?.response)
        let tail = try #require(a.badYearValue)
        // The share of years with the loss, p = 0.04, has standard error √(p(1 − p)/n); the ES95
        // moves with it by 100,000 / 0.05 per unit of p.
        let se = (0.04 * 0.96 / Double(trials)).squareRoot() * 100_000 / 0.05
        #expect(abs(tail.es95 - 80_000) < 4 * se, "\(tail.es95)")
        #expect(tail.p95 == 0)
        #expect(score.risks.first { $0.id == "B" }?.response?.badYearValue == nil)
        // Without levers asked for, nothing is measured.
        let plain = try Scorer.score(register, options: ScorerTests.options(trials: 2_000))
        #expect(plain.risks.first { $0.id == "A" }?.response?.badYearValue == nil)
    }
}
