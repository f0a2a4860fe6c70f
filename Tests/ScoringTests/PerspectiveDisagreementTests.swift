import Foundation
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// Perspectives compared by a difference in the outcome's unit, with the perspective that sees
/// it going best and worst — never by a ratio, which reads backwards for net benefits and calls
/// a net loss against an equal net benefit agreement.
@Suite struct PerspectiveDisagreementTests {
    /// One enablement entry on hours of independent living, certain to happen: officers expect a
    /// harm of 300 hours and no gain (a net loss of 300 hours), residents the same harm and a gain
    /// of 598 (a net gain of 298 hours). Fixed figures, so every figure below is exact.
    static func register() throws -> Register {
        let text = SmallRegister.netLossAgainstNetGain()
        return try ScorerTests.parse(text)
    }

    @Test func aNetLossAgainstAnEqualNetGainIsALargeDisagreement() throws {
        let score = try Scorer.score(try Self.register(), options: ScorerTests.options(trials: 2_000))
        let outcome = try #require(score.outcomes.first?.inherentP90Disagreement)
        #expect(outcome.best.perspective == "residents" && outcome.worst.perspective == "officers")
        #expect(abs(outcome.best.value - -298) < 1e-3 && abs(outcome.worst.value - 300) < 1e-3)
        #expect(abs(outcome.difference - 598) < 1e-3)
        let risk = try #require(score.risks.first?.inherentMeanDisagreement)
        #expect(risk.best.perspective == "residents" && risk.worst.perspective == "officers")
        #expect(abs(risk.difference - 598) < 1e-3)
        // The pooled outcome is −298 or +300 with equal chance: a standard deviation near 299.
        let spread = try #require(risk.relativeToOutcomeSpread)
        #expect(abs(spread - 2) < 0.05, "\(spread)")
    }

    /// The JSON says what it compares: differences before responses, no ratios.
    @Test func jsonCarriesDifferencesNotRatios() throws {
        let score = try Scorer.score(try Self.register(), options: ScorerTests.options(trials: 2_000))
        let json = String(decoding: try RegisterScore.makeEncoder().encode(score), as: UTF8.self)
        #expect(!json.contains("Ratio"))
        #expect(json.contains("\"inherentP90Disagreement\"") && json.contains("\"inherentMeanDisagreement\""))
        #expect(json.contains("\"resultsFormat\" : 2"))
    }

    @Test func amongPicksBestAndWorstByLossWithTheSmallerIdOnTies() throws {
        let d = try #require(PerspectiveDisagreement.among([("c", -5), ("b", 7), ("a", -5), ("d", .nan)], outcomeSpread: 4))
        #expect(d.best.perspective == "a" && d.worst.perspective == "b" && d.difference == 12 && d.relativeToOutcomeSpread == 3)
        #expect(PerspectiveDisagreement.among([("a", 1)]) == nil)
        #expect(PerspectiveDisagreement.among([("a", 1), ("b", 1)], outcomeSpread: 0)?.relativeToOutcomeSpread == nil)
    }
}
