import Distributions
import MonteCarlo
import RegisterModel
import Scoring
import Testing

/// A `Register` built in code, not by the loader, is refused with a typed error where it breaks
/// what the loader guarantees; nothing traps.
@Suite struct ScorerRobustnessTests {
    static func valid() throws -> Register {
        try ScorerTests.register(ScorerTests.risk("A", "      - {likelihood: 30%, impact: 100}")
            + ScorerTests.risk("B", "      - {likelihood: 10%, impact: {pert: [1, 2, 3]}}"))
    }

    static func refusal(_ register: Register, trials: Int = 1_000) -> ScoringError? {
        do {
            _ = try Scorer.score(register, options: ScorerTests.options(trials: trials))
            return nil
        } catch {
            return error
        }
    }

    @Test func theValidRegisterScores() throws {
        #expect(Self.refusal(try Self.valid()) == nil)
    }

    @Test func duplicateOutcomeID() throws {
        var register = try Self.valid()
        register.outcomes.append(register.outcomes[0])
        guard case .duplicateID(kind: "outcome", id: "money")? = Self.refusal(register) else {
            Issue.record("expected a duplicate outcome id")
            return
        }
    }

    @Test func duplicateRiskID() throws {
        var register = try Self.valid()
        register.risks[1].id = "A"
        guard case .duplicateID(kind: "risk", id: "A")? = Self.refusal(register) else {
            Issue.record("expected a duplicate risk id")
            return
        }
    }

    @Test func unknownOutcome() throws {
        var register = try Self.valid()
        register.risks[0].outcome = "nowhere"
        guard case .unknownReference(kind: "outcome", id: "nowhere", _)? = Self.refusal(register) else {
            Issue.record("expected an unknown outcome")
            return
        }
    }

    @Test func unknownPerspectiveInAnEstimate() throws {
        var register = try Self.valid()
        register.risks[0].estimates[0].perspective = "nobody"
        guard case .unknownReference(kind: "perspective", id: "nobody", _)? = Self.refusal(register) else {
            Issue.record("expected an unknown perspective")
            return
        }
    }

    @Test("values outside the numeric limits", arguments: [
        try! Distribution.fixed(1e308), try! Distribution.lognormal(p5: 1, p95: 1e300), try! Distribution.uniform(min: 0, max: 1.7e308),
    ])
    func outsideLimits(_ impact: Distribution) throws {
        var register = try Self.valid()
        register.risks[0].estimates[0].impact = impact
        guard case .outsideLimits? = Self.refusal(register) else {
            Issue.record("expected a refusal for \(impact.parameters)")
            return
        }
    }

    @Test func frequencyOutsideLimits() throws {
        var register = try Self.valid()
        register.risks[0].estimates[0].occurrence = .frequency(try .fixed(1e6))
        guard case .outsideLimits? = Self.refusal(register) else {
            Issue.record("expected a refusal for a frequency of a million")
            return
        }
    }

    @Test func tooManyTrials() throws {
        guard case .tooManyTrials(_, limit: NumericLimits.maximumTrials)? = Self.refusal(try Self.valid(), trials: NumericLimits.maximumTrials + 1) else {
            Issue.record("expected a refusal for more than the maximum trials")
            return
        }
    }
}

/// The last check before output: a figure that is not finite is found and named, so the file it
/// belongs to can be reported on its own.
@Suite struct NonFiniteFigureTests {
    @Test func aScoreWithinTheLimitsIsFinite() throws {
        let score = try Scorer.score(try ScorerRobustnessTests.valid(), options: ScorerTests.options(trials: 1_000))
        #expect(score.firstNonFiniteFigure == nil)
    }

    @Test func anInfiniteOrNaNFigureIsNamedByItsPath() throws {
        var score = try Scorer.score(try ScorerRobustnessTests.valid(), options: ScorerTests.options(trials: 1_000))
        score.risks[1].probability.residual = .nan
        #expect(score.firstNonFiniteFigure == "risks.1.probability.residual")
        score.risks[1].probability.residual = 0.1
        score.risks[0].probability.inherent = .infinity
        #expect(score.firstNonFiniteFigure == "risks.0.probability.inherent")
    }
}
