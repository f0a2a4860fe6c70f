import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// Scoring through the register: known answers, reproducibility, and the compile rules.
@Suite struct ScorerTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 30)!

    /// A register of money risks given as YAML `risks:` items (and optional extra sections).
    static func register(_ risks: String, perspectives: String = "", extra: String = "") throws -> Register {
        let text = """
            riskreg: 1
            register: {id: t, title: Test, organisation: Council, horizon: 1 year, currency: EUR}
            outcomes:
              - {id: money, title: Money, unit: money}
            contributors:
              - {id: c, name: Residents, kind: community, public: true}
            \(perspectives)
            \(extra)
            risks:
            \(risks)
            """
        return try ScorerTests.parse(text)
    }

    /// A register read from YAML text; its errors, with their line:column, fail the test.
    static func parse(_ text: String) throws -> Register {
        let loaded = RegisterFile.read(bytes: Array(text.utf8), file: "test.yaml", asOf: asOf)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard let register = loaded.register, errors.isEmpty else {
            throw RegisterError(diagnostics: errors.map { "\($0.location.line):\($0.location.column) \($0.message)" })
        }
        return register
    }

    struct RegisterError: Error { let diagnostics: [String] }

    static func risk(_ id: String, _ estimates: String, strategy: String = "reduction", response: String = "") -> String {
        """
          - id: \(id)
            title: Risk \(id)
            outcome: money
            strategy: \(strategy)
            owner: Officer
            coproduction: {mode: co-assessment, contributors: [c]}
            estimates:
        \(estimates)
        \(response)
        """
    }

    static func options(trials: Int = 200_000, jobs: Int = 2, seed: UInt64 = 7) -> ScoringOptions {
        ScoringOptions(seed: seed, trials: trials, jobs: jobs, asOf: asOf)
    }

    static func json(_ score: RegisterScore) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(score)
    }

    /// |estimate − truth| within 4 standard errors.
    static func agrees(_ s: Statistic, _ truth: Double) -> Bool {
        abs(s.value - truth) <= 4 * s.standardError
    }

    @Test func bernoulliTimesFixedAndTheAppetiteVerdict() throws {
        let register = try Self.register(
            Self.risk("A", "      - {likelihood: 30%, impact: 100}"),
            extra: """
                appetite:
                  - {outcome: money, loss-exceeds: 50, at-most: 25%}
                  - {outcome: money, loss-exceeds: 50, at-most: 35%}
                """)
        let score = try Scorer.score(register, options: Self.options())
        // The two statements share one threshold, so one exceedance.
        #expect(score.outcomes[0].residual.exceedances.map(\.threshold) == [50])
        let mean = score.outcomes[0].residual.mean
        #expect(Self.agrees(mean, 30), "mean \(mean.value) ± \(mean.standardError)")
        let chance = score.appetite[0].probability
        #expect(Self.agrees(chance, 0.3))
        #expect(score.appetite[0].withinAppetite == false)
        #expect(score.appetite[1].withinAppetite == true)
        #expect(score.appetite.allSatisfy { $0.decisive })
    }

    @Test func responseWithReliabilityHasItsClosedFormValue() throws {
        // Residual mean = p·E[I]·((1 − r) + r·m·k) with p = 0.4, E[I] = 1000, r = 0.8, m = 0.5, k = 0.6.
        let register = try Self.register(Self.risk(
            "A", "      - {likelihood: 40%, impact: {uniform: [500, 1500]}}",
            response: "    response: {action: Patrol, cost: 100, reliability: 80%, reduces-likelihood-by: 50%, reduces-impact-by: 40%}"))
        let score = try Scorer.score(register, options: Self.options())
        let residual = 0.4 * 1000 * ((1 - 0.8) + 0.8 * 0.5 * 0.6)
        #expect(Self.agrees(score.outcomes[0].inherent.mean, 400))
        #expect(Self.agrees(score.outcomes[0].residual.mean, residual))
        let response = try #require(score.risks[0].response)
        #expect(Self.agrees(response.value, 400 - residual))
        // The paired difference is far more precise than the difference of two runs would be.
        #expect(response.value.standardError < score.outcomes[0].inherent.mean.standardError)
        #expect(abs((response.valueForMoney ?? 0) - response.value.value / 100) < 1e-9)
    }

    @Test func likelihoodGivenAsADistributionActsThroughItsMean() throws {
        // beta(2, 8) has mean 0.2.
        let register = try Self.register(Self.risk("A", "      - {likelihood: {beta: [2, 8]}, impact: 1000}"))
        let score = try Scorer.score(register, options: Self.options())
        #expect(Self.agrees(score.outcomes[0].residual.mean, 200))
        #expect(abs(score.risks[0].probability.inherent - 0.2) < 4 * (0.2 * 0.8 / 200_000).squareRoot())
    }

    @Test func compoundPoissonFrequency() throws {
        // Mean λμ, variance λ(σ² + μ²) for λ = 3 events of triangular(0, 100, 200): μ = 100, σ² = 5000/3.
        let register = try Self.register(Self.risk("A", "      - {frequency: 3, impact: {triangular: [0, 100, 200]}}"))
        let score = try Scorer.score(register, options: Self.options())
        #expect(Self.agrees(score.outcomes[0].residual.mean, 300))
        let sd = (3 * (5000.0 / 3 + 10_000)).squareRoot()
        let s = score.outcomes[0].residual.standardDeviation
        // The sample sd of n draws has standard error about sd·√((κ − 1)/(4n)); 5 % is over 10 of those here.
        #expect(abs(s - sd) / sd < 0.05)
    }

    @Test func identicalJSONForAnyNumberOfJobs() throws {
        let register = try Self.register(
            Self.risk("A", "      - {likelihood: 30%, impact: {pert: [1k, 2k, 9k]}}")
                + Self.risk("B", "      - {frequency: 0.7, impact: {lognormal: [100, 5k]}}"),
            extra: "correlations:\n  - {between: [A, B], rank: 0.5}")
        let one = try Self.json(Scorer.score(register, options: Self.options(trials: 50_000, jobs: 1)))
        let two = try Self.json(Scorer.score(register, options: Self.options(trials: 50_000, jobs: 2)))
        let five = try Self.json(Scorer.score(register, options: Self.options(trials: 50_000, jobs: 5)))
        #expect(one == two)
        #expect(one == five)
    }

    @Test func editingOneRiskLeavesAnothersFiguresUnchanged() throws {
        let a = Self.risk("A", "      - {likelihood: 30%, impact: {pert: [1k, 2k, 9k]}}")
        let before = try Scorer.score(
            try Self.register(a + Self.risk("B", "      - {likelihood: 10%, impact: 5k}")), options: Self.options(trials: 50_000))
        let edited = try Scorer.score(
            try Self.register(a + Self.risk("B", "      - {likelihood: 60%, impact: {uniform: [1, 2]}}")), options: Self.options(trials: 50_000))
        let added = try Scorer.score(
            try Self.register(Self.risk("Z", "      - {frequency: 2, impact: 3}") + a), options: Self.options(trials: 50_000))
        let riskA = { (score: RegisterScore) in score.risks.first { $0.id == "A" } }
        let x = try #require(riskA(before)), y = try #require(riskA(edited)), z = try #require(riskA(added))
        for other in [y, z] {
            #expect(other.probability.inherent.bitPattern == x.probability.inherent.bitPattern)
            #expect(other.meanLoss.inherent.value.bitPattern == x.meanLoss.inherent.value.bitPattern)
            #expect(other.meanHarm.residual.bitPattern == x.meanHarm.residual.bitPattern)
        }
        // The outcome as a whole does change with B.
        #expect(before.outcomes[0].residual.mean.value != edited.outcomes[0].residual.mean.value)
    }

    @Test func perspectivesArePooledByWeightAndScoredAlone() throws {
        let perspectives = """
            perspectives:
              - {id: officers, title: Officers, weight: 1}
              - {id: residents, title: Residents, weight: 3, contributors: [c]}
            """
        let register = try Self.register(
            Self.risk("A", """
                      - {perspective: officers, likelihood: 10%, impact: 1000}
                      - {perspective: residents, likelihood: 50%, impact: 1000}
                """)
                + Self.risk("B", "      - {perspective: officers, likelihood: 20%, impact: 100}"),
            perspectives: perspectives)
        let score = try Scorer.score(register, options: Self.options())
        // Pooled: A = 0.25·100 + 0.75·500 = 400; B has only the officers' estimate: 20.
        #expect(score.run.view == "pooled")
        #expect(Self.agrees(score.risks[0].meanLoss.inherent, 400))
        #expect(Self.agrees(score.outcomes[0].inherent.mean, 420))
        let residents = try #require(score.perspectives.first { $0.id == "residents" })
        // Residents gave no estimate of B, so their view takes the pooled one: 500 + 20.
        #expect(Self.agrees(residents.outcomes[0].mean.inherent, 520))
        #expect(score.risks[0].perspectives.map(\.perspective) == ["officers", "residents"])
        #expect(score.risks[1].perspectives.map(\.perspective) == ["officers"])

        var only = Self.options()
        only.perspective = "officers"
        let officers = try Scorer.score(register, options: only)
        #expect(officers.run.view == "officers")
        #expect(Self.agrees(officers.outcomes[0].inherent.mean, 120))
        #expect(officers.perspectives.isEmpty)

        only.perspective = "tenants"
        #expect(throws: ScoringError.self) { _ = try Scorer.score(register, options: only) }
    }

    @Test func headlineFiguresIncludeOnlyTheChosenPortfolio() throws {
        let risks = Self.risk("IN", "      - {likelihood: 50%, impact: 1000, benefit: 100}", strategy: "portfolio")
            + Self.risk("OUT", "      - {likelihood: 10%, impact: 1000, benefit: 300}", strategy: "portfolio")
            + Self.risk("R", "      - {likelihood: 20%, impact: 100}")
        let register = try Self.register(risks, extra: """
            portfolios:
              - {id: in-house, title: In house, risks: [IN]}
              - {id: outsourced, title: Outsourced, risks: [OUT]}
            """)
        let score = try Scorer.score(register, options: Self.options())
        #expect(score.run.portfolio == "in-house")
        #expect(score.risks.filter(\.inHeadline).map(\.id) == ["IN", "R"])
        // The other portfolio's activity is still reported, with its own figures.
        let out = try #require(score.risks.first { $0.id == "OUT" })
        #expect(Self.agrees(out.meanLoss.inherent, 100 - 300))
        #expect(Self.agrees(score.outcomes[0].residual.mean, 500 - 100 + 20))
        #expect(score.portfolios.map(\.id) == ["in-house", "outsourced"])
        // Outsourced: 100 − 300 + 20 = −180, i.e. 600 better than in-house, exactly paired.
        let difference = score.portfolios[1].differenceFromFirst[0].mean
        #expect(Self.agrees(difference, -600))
        #expect(score.portfolios[0].differenceFromFirst[0].mean.value == 0)

        var other = Self.options()
        other.portfolio = "outsourced"
        let outsourced = try Scorer.score(register, options: other)
        #expect(outsourced.risks.filter(\.inHeadline).map(\.id) == ["OUT", "R"])
        // Each risk draws the same numbers whichever portfolio is headline.
        for (a, b) in zip(outsourced.risks, score.risks) {
            #expect(a.meanLoss.inherent.value.bitPattern == b.meanLoss.inherent.value.bitPattern)
        }
    }

    @Test func staleEntriesAreListedAsOfTheGivenDay() throws {
        let register = try Self.register(Self.risk("A", "      - {likelihood: 30%, impact: 100}") + "    review: 2026-06-30\n")
        let score = try Scorer.score(register, options: Self.options(trials: 1000))
        #expect(score.staleEntries.map(\.risk) == ["A"])
        #expect(score.run.asOf == "2026-11-30")
    }

    @Test(arguments: ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"])
    func everyExampleScores(_ name: String) throws {
        let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: Self.asOf)
        let register = try #require(loaded.register)
        let score = try Scorer.score(register, options: Self.options(trials: 20_000))
        #expect(score.outcomes.count == register.outcomes.count)
        #expect(score.appetite.count == register.appetite.count)
        for outcome in score.outcomes {
            #expect(outcome.residual.mean.value.isFinite)
            // Responses never make an outcome worse on average.
            #expect(outcome.residual.mean.value <= outcome.inherent.mean.value + 1e-9)
        }
    }
}

extension ScorerTests {
    /// A risk without a response counts in the figures with responses too: once any risk in the
    /// register has a response, every other risk's losses must still reach the residual outcome.
    @Test func risksWithoutAResponseCountInTheResidualOutcome() throws {
        let register = try Self.register(
            Self.risk("A", "      - {likelihood: 60%, impact: {pert: [10k, 40k, 90k]}}")
                + Self.risk("B", "      - {likelihood: 50%, impact: 1000}",
                            response: "    response: {action: Patrol, cost: 100, reduces-likelihood-by: 100%}"))
        let score = try Scorer.score(register, options: Self.options())
        // E[A] = 0.6 × (10k + 4·40k + 90k)/6 = 26,000; B's residual is 0.
        #expect(Self.agrees(score.outcomes[0].residual.mean, 26_000))
        #expect(Self.agrees(score.outcomes[0].inherent.mean, 26_500))
        #expect(score.risks[0].meanLoss.residual.value == score.risks[0].meanLoss.inherent.value)
    }
}

extension ScorerTests {
    /// Most risks (one estimate with a likelihood, no response, no benefit, no correlation) take
    /// the engine's direct path, which draws a chunk of trials at a time; any other risk goes
    /// through the general event list. Both must draw the same numbers: a response changes the
    /// residual figures, never the inherent ones. Covers the dense coin scan (60 %, 50 %), gap
    /// skipping (10 %), the table sampler (PERT) and the others (triangular).
    @Test func theDirectPathDrawsWhatTheGeneralPathDraws() throws {
        let estimates = [
            ("A", "      - {likelihood: 60%, impact: {pert: [1k, 2k, 9k]}}"),
            ("B", "      - {likelihood: 10%, impact: {pert: [5k, 6k, 20k]}}"),
            ("C", "      - {likelihood: 50%, impact: {triangular: [100, 400, 900]}}"),
        ]
        let response = "    response: {action: Patrol, cost: 100, reliability: 70%, reduces-likelihood-by: 50%}"
        let direct = try Self.register(estimates.map { Self.risk($0.0, $0.1) }.joined())
        let general = try Self.register(estimates.map { Self.risk($0.0, $0.1, response: response) }.joined(separator: "\n"))
        let options = Self.options(trials: 40_000)
        let a = try Scorer.score(direct, options: options), b = try Scorer.score(general, options: options)
        #expect(b.risks.allSatisfy { $0.response != nil })
        for (x, y) in zip(a.risks, b.risks) {
            #expect(x.probability.inherent.bitPattern == y.probability.inherent.bitPattern, "\(x.id)")
            #expect(x.meanLoss.inherent.value.bitPattern == y.meanLoss.inherent.value.bitPattern, "\(x.id)")
            #expect(x.meanLoss.inherent.standardError.bitPattern == y.meanLoss.inherent.standardError.bitPattern, "\(x.id)")
        }
        let p = a.outcomes[0].inherent, q = b.outcomes[0].inherent
        #expect(p.mean.value.bitPattern == q.mean.value.bitPattern)
        #expect(p.percentiles.map(\.value.value) == q.percentiles.map(\.value.value))
        #expect(b.outcomes[0].residual.mean.value < q.mean.value)
    }

    /// The same with several perspectives: a risk estimated by one perspective only adds the
    /// same draws to every view's series, on either path.
    @Test func theDirectPathAddsToEveryView() throws {
        let perspectives = """
            perspectives:
              - {id: officers, title: Officers, weight: 1}
              - {id: residents, title: Residents, weight: 3, contributors: [c]}
            """
        let shared = Self.risk("S", """
                  - {perspective: officers, likelihood: 10%, impact: 1000}
                  - {perspective: residents, likelihood: 50%, impact: 1000}
            """)
        let single = "      - {perspective: officers, likelihood: 40%, impact: {pert: [1k, 2k, 9k]}}"
        let response = "    response: {action: Patrol, cost: 100, reliability: 70%, reduces-likelihood-by: 50%}"
        let direct = try Self.register(shared + Self.risk("D", single), perspectives: perspectives)
        let general = try Self.register(shared + Self.risk("D", single, response: response), perspectives: perspectives)
        let options = Self.options(trials: 40_000)
        let a = try Scorer.score(direct, options: options), b = try Scorer.score(general, options: options)
        #expect(a.perspectives.count == 2 && b.perspectives.count == 2)
        for (x, y) in zip(a.perspectives, b.perspectives) {
            #expect(x.outcomes[0].mean.inherent.value.bitPattern == y.outcomes[0].mean.inherent.value.bitPattern, "\(x.id)")
            #expect(x.outcomes[0].p95.inherent.value.bitPattern == y.outcomes[0].p95.inherent.value.bitPattern, "\(x.id)")
        }
        let d = try #require(a.risks.first { $0.id == "D" }), e = try #require(b.risks.first { $0.id == "D" })
        #expect(d.meanLoss.inherent.value.bitPattern == e.meanLoss.inherent.value.bitPattern)
        #expect(d.perspectives.map(\.meanLoss) == e.perspectives.map(\.meanLoss))
        #expect(a.outcomes[0].inherent.mean.value.bitPattern == b.outcomes[0].inherent.mean.value.bitPattern)
    }
}
