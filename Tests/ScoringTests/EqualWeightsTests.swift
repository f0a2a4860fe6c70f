import Foundation
import RegisterModel
import Scoring
import Testing

/// Each appetite statement judged again with every perspective counting the same
/// (``ScoringOptions/equalWeights``): real figures from a run of the same register, so a page can
/// tell people whose estimates count less what that changed.
@Suite struct EqualWeightsTests {
    static let perspectives = """
        perspectives:
          - {id: officers, title: Officers, weight: 3}
          - {id: residents, title: Residents, weight: 1, contributors: [c]}
        """

    /// Officers say 10%, residents 50%. Weighted 3 to 1 the chance of a loss is 0.75·10% +
    /// 0.25·50% = 20%, inside an appetite of at most 25%; counting the same it is 30%, outside.
    static func register(perspectives: String = perspectives) throws -> Register {
        try ScorerTests.register(
            ScorerTests.risk("A", """
                      - {perspective: officers, likelihood: 10%, impact: 100}
                      - {perspective: residents, likelihood: 50%, impact: 100}
                """),
            perspectives: perspectives,
            extra: """
                appetite:
                  - {outcome: money, loss-exceeds: 50, at-most: 25%}
                """)
    }

    @Test func aVerdictIsJudgedAgainWithEveryPerspectiveCountingTheSame() throws {
        var options = ScorerTests.options(trials: 40_000)
        options.equalWeights = true
        let score = try Scorer.score(try Self.register(), options: options)
        let verdict = try #require(score.appetite.first)
        #expect(ScorerTests.agrees(verdict.probability, 0.2))
        #expect(verdict.withinAppetite)
        let equal = try #require(verdict.equalWeights)
        #expect(equal.id == Scorer.equalWeightsID)
        // Within four standard errors of 30% (√(0.3·0.7/40,000) ≈ 0.23 points).
        #expect(abs(equal.probability.value - 0.3) <= 4 * (0.3 * 0.7 / 40_000).squareRoot(), "\(equal.probability)")
        #expect(!equal.withinAppetite && equal.decisive)
        // Reproducible: the same seed gives the same figure, bit for bit.
        let again = try Scorer.score(try Self.register(), options: options)
        #expect(again.appetite[0].equalWeights?.probability.value.bitPattern == equal.probability.value.bitPattern)
    }

    /// Not asked for, or with every weight the same already, there is nothing to judge again.
    @Test func onlyWhenAskedAndWhenTheWeightsDiffer() throws {
        let plain = try Scorer.score(try Self.register(), options: ScorerTests.options(trials: 4_000))
        #expect(plain.appetite[0].equalWeights == nil)
        var options = ScorerTests.options(trials: 4_000)
        options.equalWeights = true
        let same = try Scorer.score(try Self.register(perspectives: """
            perspectives:
              - {id: officers, title: Officers, weight: 2}
              - {id: residents, title: Residents, weight: 2, contributors: [c]}
            """), options: options)
        #expect(same.appetite[0].equalWeights == nil)
    }
}
