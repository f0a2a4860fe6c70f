import Foundation
import RegisterModel
import Scoring
import Testing

/// Sensitivity on a net outcome counts benefits: drivers and variance shares are of each entry's
/// net loss (harm − benefit), so an entry whose benefit is uncertain drives the outcome even when
/// its harm is small.
@Suite struct NetSensitivityTests {
    @Test func anUncertainBenefitDrivesTheNetOutcome() throws {
        let register = try OptionScoringTests.register("""
            appetite:
              - {outcome: budget, loss-exceeds: 0, at-most: 50%}
            risks:
            \(OptionScoringTests.entry("G", strategy: "enablement", occurrence: "likelihood: 10%", impact: "1k",
                                       benefit: "{normal: {mean: 100k, sd: 40k}}"))
            \(OptionScoringTests.entry("H", strategy: "reduction", occurrence: "likelihood: 50%", impact: "{uniform: [10k, 30k]}"))
            """)
        let score = try Scorer.score(register, options: ScorerTests.options(trials: 20_000))
        // Var(G) ≈ 40k² = 1.6e9 against Var(H) = 0.5 × (20k² + 10k²/3) − 10k² ≈ 1.17e8: G first.
        #expect(score.outcomes[0].drivers.first == "G")
        let g = score.risks.first { $0.id == "G" }!
        #expect((g.varianceShare ?? 0) > 0.85, "\(g.varianceShare ?? 0)")
    }
}
