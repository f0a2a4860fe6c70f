import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
import Scoring
import Testing

/// Options compared as choices: entries of any strategy, exclusive shares, alternative
/// responses and an option's own cost, each against its closed form.
@Suite struct OptionScoringTests {
    static func register(_ body: String) throws -> Register {
        let text = """
            riskreg: 1
            register: {id: t, title: Test, organisation: Council, horizon: 1 year, currency: EUR}
            outcomes:
              - {id: budget, title: Budget, unit: money}
              - {id: care, title: Care, unit: incidents}
            contributors:
              - {id: c, name: Residents, kind: community, public: true}
            \(body)
            """
        return try ScorerTests.parse(text)
    }

    static func entry(_ id: String, strategy: String = "portfolio", outcome: String = "budget", occurrence: String,
                      impact: String, benefit: String? = nil, extra: String = "") -> String {
        """
          - id: \(id)
            title: Entry \(id)
            outcome: \(outcome)
            strategy: \(strategy)
            owner: Officer
            coproduction: {mode: co-assessment, contributors: [c]}
            estimates:
              - \(occurrence)
                impact: \(impact)
        \(benefit.map { "        benefit: \($0)" } ?? "")
        \(extra)
        """
    }

    static let arrangements = """
        risks:
        \(entry("A", occurrence: "frequency: 2", impact: "{pert: [5k, 20k, 60k]}", benefit: "{pert: [100k, 200k, 300k]}"))
        \(entry("B", occurrence: "likelihood: 30%", impact: "{uniform: [10k, 90k]}", benefit: "{lognormal: [40k, 220k]}"))
        \(entry("C", strategy: "resilience", occurrence: "frequency: 3", impact: "{triangular: [2k, 6k, 18k]}"))
        correlations:
          - {between: [A, C], rank: 0.6}
        """

    /// A 50/50 split of two arrangements for the same people has the mean of their average, not
    /// their sum: on the same draws, exactly (up to rounding) — and so do its impacts' and
    /// benefits' parts. A correlated entry's share follows the entry, so the split's spread is
    /// between the two arrangements' spreads rather than that of an independent copy.
    @Test func anEvenSplitHasTheMeanOfTheAverage() throws {
        let register = try Self.register(Self.arrangements + """

            portfolios:
              - {id: a, title: A only, risks: [A]}
              - {id: b, title: B only, risks: [B]}
              - {id: both, title: Both for everyone, risks: [A, B]}
              - id: split
                title: Half and half
                split:
                  - {risk: A, share: 50%}
                  - {risk: B, share: 0.5}
            """)
        let score = try Scorer.score(register, options: ScorerTests.options(trials: 40_000))
        func mean(_ id: String) -> Double { score.portfolios.first { $0.id == id }!.outcomes[0].mean.residual.value }
        // C is in every option: a = A + C, b = B + C, split = A/2 + B/2 + C = (a + b) / 2.
        let average = (mean("a") + mean("b")) / 2
        let c = score.risks.first { $0.id == "C" }!.meanLoss.residual.value
        #expect(abs(mean("split") - average) <= 1e-9 * abs(average), "\(mean("split")) vs \(average)")
        #expect(abs(mean("both") - (mean("a") + mean("b") - c)) <= 1e-6 * abs(average))
        // The split is not the double count: it saves about half as much as both together.
        #expect(mean("split") > mean("both") + 0.3 * abs(mean("both")))
        #expect(score.portfolios.first { $0.id == "split" }!.split?.map(\.share) == [0.5, 0.5])
    }

    /// An option that gives an entry another response has that response's residual on the
    /// entry's own inherent draws: inherent figures equal to the last digit, residual mean the
    /// inherent × (1 − reliability × reduction) of the response chosen.
    @Test func anAlternativeResponseGivesItsResidual() throws {
        let register = try Self.register("""
            risks:
            \(Self.entry("T", strategy: "reduction", outcome: "care", occurrence: "frequency: 4", impact: "1", extra: """
                response:
                  id: escort
                  action: Escort every journey
                  cost: 60k
                  reduces-likelihood-by: 90%
                alternative-responses:
                  - id: buddy
                    action: Travel with a buddy
                    cost: 8k
                    delivered-by: [c]
                    reliability: 80%
                    reduces-likelihood-by: 50%
            """))
            portfolios:
              - {id: escort, title: Escort everyone, responses: [{risk: T, response: escort}]}
              - {id: buddy, title: Travel with a buddy, responses: [{risk: T, response: buddy}]}
            """)
        let trials = 200_000
        let score = try Scorer.score(register, options: ScorerTests.options(trials: trials))
        let escort = score.portfolios[0].outcomes[1], buddy = score.portfolios[1].outcomes[1]
        #expect(escort.mean.inherent.value == buddy.mean.inherent.value)
        let inherent = escort.mean.inherent.value
        // Poisson(4) events of 1: the residual mean is 4 × (1 − r × d); its error is that of the
        // paired thinning, at most √(4/n) per trial.
        let tolerance = 4 * (4.0 / Double(trials)).squareRoot()
        #expect(abs(escort.mean.residual.value - inherent * (1 - 0.9)) < tolerance, "\(escort.mean.residual.value)")
        #expect(abs(buddy.mean.residual.value - inherent * (1 - 0.8 * 0.5)) < tolerance, "\(buddy.mean.residual.value)")
        // The difference is paired: its error is below the one independent draws would have,
        // √((σ²_escort + σ²_buddy)/n) with σ²_escort = 4 × 0.1 = 0.4 (Poisson, always delivered)
        // and σ²_buddy = 0.8 × 2 + 0.2 × 4 + Var(mean) 0.64 = 3.04 (a Poisson mixture).
        let difference = score.portfolios[1].differenceFromFirst[1]
        #expect(abs(difference.mean.value - (buddy.mean.residual.value - escort.mean.residual.value)) < 1e-9)
        #expect(difference.mean.standardError < 0.95 * ((0.4 + 3.04) / Double(trials)).squareRoot())
        #expect(score.portfolios[1].responses?.first?.action == "Travel with a buddy")
        // The headline is the first option, with its response.
        #expect(score.risks[0].response?.action == "Escort every journey")
        // Scoring the buddy option as the headline gives the same figures as its comparison.
        var options = ScorerTests.options(trials: trials)
        options.portfolio = "buddy"
        let headline = try Scorer.score(register, options: options)
        #expect(abs(headline.outcomes[1].residual.mean.value - buddy.mean.residual.value) <= 1e-9 * buddy.mean.residual.value)
        #expect(headline.risks[0].response?.action == "Travel with a buddy")
    }

    /// An option's own cost adds exactly its cost to every trial of its cost outcome: mean and
    /// percentiles move by the cost, the paired difference is the cost with no error, and the
    /// other outcomes do not move.
    @Test func anOptionsCostAddsExactlyItsCost() throws {
        let register = try Self.register(Self.arrangements + """

            portfolios:
              - {id: plain, title: A, risks: [A]}
              - {id: costed, title: A with its set-up cost, risks: [A], cost: 25k}
            """)
        let score = try Scorer.score(register, options: ScorerTests.options(trials: 20_000))
        let plain = score.portfolios[0].outcomes[0], costed = score.portfolios[1].outcomes[0]
        #expect(abs(costed.mean.residual.value - plain.mean.residual.value - 25_000) < 1e-6)
        #expect(abs(costed.mean.inherent.value - plain.mean.inherent.value - 25_000) < 1e-6)
        #expect(abs(costed.p90.residual.value - plain.p90.residual.value - 25_000) < 1e-6)
        let difference = score.portfolios[1].differenceFromFirst[0]
        #expect(abs(difference.mean.value - 25_000) < 1e-6)
        #expect(difference.mean.standardError == 0)
        #expect(difference.probabilityWorse == 1)
        #expect(score.portfolios[1].outcomes[1].mean.residual.value == score.portfolios[0].outcomes[1].mean.residual.value)
        #expect(score.portfolios[1].cost == 25_000 && score.portfolios[1].costOutcome == "budget")
        #expect(score.portfolios[0].cost == nil)
    }

    /// The headline option's own cost counts in the headline figures as it counts in that
    /// option's figures in the comparison: the same mean and the same appetite chance, whether
    /// the headline shares the comparison's run or runs apart (an option that leaves out an
    /// entry correlated with another), and in a harm-only series too.
    @Test func theHeadlineOptionsOwnCostCountsInTheHeadline() throws {
        let register = try Self.register(Self.arrangements.replacingOccurrences(of: "risks:\n", with: """
            appetite:
              - {outcome: budget, statement: At most 1 in 10 above 50k., loss-exceeds: 50k, at-most: 10%}
              - {outcome: budget, statement: Harm alone at most 1 in 10 above 100k., harm-exceeds: 100k, at-most: 10%}
            risks:

            """) + """

            portfolios:
              - {id: costed, title: A with its set-up cost, risks: [A], cost: 25k}
              - {id: plain, title: A, risks: [A]}
              - {id: other, title: B with its cost, risks: [B], cost: 40k}
            """)
        for headline in ["costed", "other"] {
            var options = ScorerTests.options(trials: 20_000)
            options.portfolio = headline
            let score = try Scorer.score(register, options: options)
            let k = score.portfolios.firstIndex { $0.id == headline }!
            let compared = score.portfolios[k].outcomes[0]
            #expect(abs(score.outcomes[0].residual.mean.value - compared.mean.residual.value) <= 1e-9 * abs(compared.mean.residual.value), "\(headline)")
            for verdict in score.appetite {
                let option = verdict.portfolios.first { $0.id == headline }!
                if headline == "costed" {
                    // One run serves both: the same trials, bit for bit.
                    #expect(verdict.probability.value == option.probability.value, "\(headline) \(verdict.statement ?? "")")
                } else {
                    // Apart: C is reordered with A (rank-correlated) in the comparison only, so
                    // the chances agree within the simulation's error, not bit for bit.
                    let a = verdict.probability, b = option.probability
                    let error = (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
                    #expect(abs(a.value - b.value) <= 4 * error, "\(headline) \(verdict.statement ?? "")")
                }
            }
        }
        // Without a cost, the headline is as before: the option without one matches its figures.
        var options = ScorerTests.options(trials: 20_000)
        options.portfolio = "plain"
        let plain = try Scorer.score(register, options: options)
        let costed = try Scorer.score(register, options: ScorerTests.options(trials: 20_000))
        #expect(abs(costed.outcomes[0].residual.mean.value - plain.outcomes[0].residual.mean.value - 25_000) < 1e-6)
        #expect(costed.appetite[1].probability.value >= plain.appetite[1].probability.value)
    }

    /// An entry of any strategy that one option lists is in that option only: the options differ
    /// by exactly its figures; an entry no option lists is in both, and in the headline.
    @Test func aListedEntryOfAnyStrategyIsInItsOptionsOnly() throws {
        let register = try Self.register(Self.arrangements + """

            portfolios:
              - {id: without, title: Without C, risks: [A]}
              - {id: with, title: With C, risks: [A, C]}
            """)
        let score = try Scorer.score(register, options: ScorerTests.options(trials: 20_000))
        let without = score.portfolios[0].outcomes[0].mean.residual.value, with = score.portfolios[1].outcomes[0].mean.residual.value
        var options = ScorerTests.options(trials: 20_000)
        options.portfolio = "with"
        let c = try Scorer.score(register, options: options).risks.first { $0.id == "C" }!
        #expect(abs(with - without - c.meanLoss.residual.value) <= 1e-9 * abs(without))
        // In the first option's headline, C is left out.
        #expect(score.risks.first { $0.id == "C" }!.inHeadline == false)
    }
}
