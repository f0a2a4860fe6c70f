import Foundation
import RegisterModel
import Scoring
import Testing

/// Each appetite statement and each outcome's average worked out again with each perspective's
/// estimates left out in turn (``ScoringOptions/withoutEachPerspective``): real figures from a
/// run of the same register, so a page can tell every group what its own estimates changed.
@Suite struct WithoutEachPerspectiveTests {
    /// Officers say 10%, residents 50%, counting the same: the pooled chance of a loss of 100 is
    /// 30%. Without the residents it is the officers' 10%; without the officers, the residents'
    /// 50%. An entry only the officers estimated (B, 20% of 10) keeps their estimate either way.
    static func register() throws -> Register {
        try ScorerTests.register(
            ScorerTests.risk("A", """
                      - {perspective: officers, likelihood: 10%, impact: 100}
                      - {perspective: residents, likelihood: 50%, impact: 100}
                """) + ScorerTests.risk("B", """
                      - {perspective: officers, likelihood: 20%, impact: 10}
                """),
            perspectives: """
                perspectives:
                  - {id: officers, title: Officers, weight: 1}
                  - {id: residents, title: Residents, weight: 1, contributors: [c]}
                """,
            extra: """
                appetite:
                  - {outcome: money, loss-exceeds: 50, at-most: 25%}
                """)
    }

    @Test func eachPerspectiveIsLeftOutInTurn() throws {
        let trials = 40_000
        var options = ScorerTests.options(trials: trials)
        options.withoutEachPerspective = true
        let score = try Scorer.score(try Self.register(), options: options)
        let verdict = try #require(score.appetite.first)
        // Within four standard errors of a share of `trials` independent years.
        func near(_ p: Double, _ truth: Double) -> Bool { abs(p - truth) <= 4 * (truth * (1 - truth) / Double(trials)).squareRoot() }
        #expect(near(verdict.probability.value, 0.3))
        #expect(!verdict.withinAppetite)
        let without = try #require(verdict.withoutPerspectives)
        #expect(without.map(\.id) == ["officers", "residents"])
        #expect(near(without[0].probability.value, 0.5), "\(without[0])")
        #expect(near(without[1].probability.value, 0.1), "\(without[1])")
        #expect(without[1].withinAppetite && without[1].decisive)
        // The averages: A's 100 × its chance, and B's 2 in every case.
        let means = try #require(score.outcomes.first?.withoutPerspectives)
        #expect(means.map(\.perspective) == ["officers", "residents"])
        let sd = 100 * (0.5 * 0.5 / Double(trials)).squareRoot()
        #expect(abs(means[0].mean.value - 52) <= 4 * sd, "\(means[0])")
        #expect(abs(means[1].mean.value - 12) <= 4 * sd, "\(means[1])")
        // Reproducible: the same seed gives the same figures, bit for bit.
        let again = try Scorer.score(try Self.register(), options: options)
        #expect(again.appetite[0].withoutPerspectives?.map(\.probability.value.bitPattern) == without.map(\.probability.value.bitPattern))
    }

    /// Not asked for, there is nothing; with one perspective, nothing to leave out.
    @Test func onlyWhenAskedAndWithSeveralPerspectives() throws {
        let plain = try Scorer.score(try Self.register(), options: ScorerTests.options(trials: 4_000))
        #expect(plain.appetite[0].withoutPerspectives == nil)
        #expect(plain.outcomes[0].withoutPerspectives == nil)
        var options = ScorerTests.options(trials: 4_000)
        options.withoutEachPerspective = true
        let single = try Scorer.score(try ScorerTests.register(ScorerTests.risk("A", "      - {likelihood: 10%, impact: 100}"),
                                                               extra: "appetite:\n  - {outcome: money, loss-exceeds: 50, at-most: 25%}\n"),
                                      options: options)
        #expect(single.appetite[0].withoutPerspectives == nil)
    }
}
