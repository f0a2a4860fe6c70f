import Foundation
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// An outcome's shares of variance are the Euler (covariance) allocation: they add up to 100%,
/// counting the entries on the outcome and other entries' effects on it.
@Suite struct VarianceShareTests {
    /// Entry A (30%, 2 hours, and 1 enquiry as an effect) and entry B (50%, 1 enquiry) are
    /// independent, so the enquiries outcome's variance is Var(A's effect) + Var(B) =
    /// 0.3 × 0.7 + 0.5 × 0.5 = 0.46, and A's share of it is 0.21 / 0.46, B's 0.25 / 0.46. Before,
    /// B alone counted in the denominator and held 100%, while A's effect was shown with its share
    /// of hours: the shares of enquiries added up to more than 100%.
    @Test func sharesOfAnOutcomeReachedByEffectsAddUpToOne() throws {
        let register = try EnablementScoringTests.register("""
            risks:
            \(EnablementScoringTests.entry("A", likelihood: "30%", impact: "2", benefit: "100",
                                          effects: "        effects:\n          - {outcome: enquiries, impact: 1}"))
              - id: B
                title: Entry B
                outcome: enquiries
                strategy: reduction
                owner: Officer
                coproduction: {mode: co-design, contributors: [c]}
                estimates:
                  - {likelihood: 50%, impact: 1}
            """)
        let trials = 200_000
        let score = try Scorer.score(register, options: ScorerTests.options(trials: trials))
        let a = try #require(score.risks.first { $0.id == "A" }), b = try #require(score.risks.first { $0.id == "B" })
        let aOnEnquiries = try #require(a.effects?.first { $0.outcome == "enquiries" }?.varianceShare)
        let bShare = try #require(b.varianceShare)
        #expect(abs(aOnEnquiries + bShare - 1) < 1e-9, "\(aOnEnquiries) + \(bShare)")
        // Each share's sampling error: a variance estimated from n draws has a relative standard
        // error of about √(2/n) for these light tails; six of them bound the ratio's error.
        let bound = 6 * (2.0 / Double(trials)).squareRoot()
        #expect(abs(bShare - 0.25 / 0.46) < bound, "\(bShare)")
        #expect(abs(aOnEnquiries - 0.21 / 0.46) < bound, "\(aOnEnquiries)")
        // A's own outcome, hours, has A alone.
        #expect(abs((a.varianceShare ?? 0) - 1) < 1e-9)
    }
}
