import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// Risks taken on purpose: one entry's effects on several outcomes, and appetite on harm alone.
@Suite struct EnablementScoringTests {
    static func register(_ body: String) throws -> Register {
        let text = """
            riskreg: 1
            register: {id: t, title: Test, organisation: Council, horizon: 1 year, currency: EUR}
            outcomes:
              - {id: hours, title: Hours, unit: hours}
              - {id: enquiries, title: Enquiries, unit: incidents}
            contributors:
              - {id: c, name: Residents, kind: community, public: true}
            \(body)
            """
        return try ScorerTests.parse(text)
    }

    static func entry(_ id: String, likelihood: String, impact: String, benefit: String? = nil, effects: String = "",
                      strategy: String = "enablement", response: String = "") -> String {
        """
          - id: \(id)
            title: Entry \(id)
            outcome: hours
            strategy: \(strategy)
            owner: Officer
            borne-by: The person
            agreement: {agreed-with: the person, date: 2026-09-01}
            coproduction: {mode: co-design, contributors: [c]}
            estimates:
              - likelihood: \(likelihood)
                impact: \(impact)
        \(benefit.map { "        benefit: \($0)" } ?? "")
        \(effects)
        \(response)
        """
    }

    static let trials = 200_000
    static func tolerance(_ p: Double) -> Double { 4 * (p * (1 - p) / Double(trials)).squareRoot() }

    /// A benefit of 1,000 every horizon outweighs any harm of 100, so the net loss never exceeds
    /// 50; the harm alone does whenever the entry occurs (30 %) — and with a second, independent
    /// entry of 20 %, harm alone exceeds 150 only when both occur: 0.3 × 0.2 = 6 %.
    @Test func harmAloneIsNotHiddenByBenefits() throws {
        let register = try Self.register("""
            appetite:
              - {outcome: hours, loss-exceeds: 50, at-most: 10%}
              - {outcome: hours, harm-exceeds: 50, at-most: 10%}
              - {outcome: hours, harm-exceeds: 150, at-most: 10%}
            risks:
            \(Self.entry("A", likelihood: "30%", impact: "100", benefit: "1000"))
            \(Self.entry("B", likelihood: "20%", impact: "100", strategy: "reduction"))
            """)
        let score = try Scorer.score(register, options: ScorerTests.options(trials: Self.trials))
        let net = score.appetite[0], harm = score.appetite[1], both = score.appetite[2]
        #expect(net.kind == .lossExceeds && !net.kind.isOnHarm)
        #expect(net.probability.value == 0)
        #expect(harm.kind == .harmExceeds && harm.kind.isOnHarm)
        // P(harm > 50) = P(A or B) = 1 − 0.7 × 0.8 = 0.44.
        #expect(abs(harm.probability.value - 0.44) < Self.tolerance(0.44), "\(harm.probability.value)")
        #expect(!harm.withinAppetite)
        #expect(abs(both.probability.value - 0.06) < Self.tolerance(0.06), "\(both.probability.value)")
    }

    /// A harm-only appetite adds a series of its own: the net figures and every risk's figures
    /// are the same bytes as without it.
    @Test func harmAloneLeavesNetFiguresUnchanged() throws {
        let risks = """
            risks:
            \(Self.entry("A", likelihood: "30%", impact: "{pert: [10, 50, 200]}", benefit: "{normal: {mean: 100, sd: 30}}"))
            \(Self.entry("B", likelihood: "20%", impact: "{triangular: [5, 10, 40]}", strategy: "reduction",
                         response: "    response: {action: Check, cost: 10, reliability: 80%, reduces-likelihood-by: 50%}"))
            """
        let with = try Self.register("appetite:\n  - {outcome: hours, harm-exceeds: 100, at-most: 10%}\n" + risks)
        let without = try Self.register(risks)
        let options = ScorerTests.options(trials: 20_000)
        let a = try Scorer.score(with, options: options), b = try Scorer.score(without, options: options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(a.outcomes) == encoder.encode(b.outcomes))
        #expect(try encoder.encode(a.risks) == encoder.encode(b.risks))
    }

    /// Two effects of one entry with probability p occur together: the entry's mean harm on
    /// each outcome is p × its impact, and since each effect's impact is 1 per occurrence, the
    /// enquiries outcome exceeds 0.5 exactly when the entry occurs: P = p, not p².
    @Test func effectsOfOneEntry() throws {
        let p = 0.3
        let register = try Self.register("""
            appetite:
              - {outcome: enquiries, loss-exceeds: 0.5, at-most: 50%}
            risks:
            \(Self.entry("A", likelihood: "30%", impact: "2", benefit: "100",
                         effects: "        effects:\n          - {outcome: enquiries, impact: 1}"))
            """)
        #expect(register.risks[0].outcomes == ["hours", "enquiries"])
        let score = try Scorer.score(register, options: ScorerTests.options(trials: Self.trials))
        let effects = try #require(score.risks[0].effects)
        #expect(effects.map(\.outcome) == ["hours", "enquiries"])
        #expect(abs(effects[0].meanHarm.inherent - 2 * p) < 8 * Self.tolerance(p))
        #expect(abs(effects[1].meanHarm.inherent - p) < 4 * Self.tolerance(p))
        #expect(abs(effects[0].meanBenefit - 100) < 1e-9)
        #expect(effects[1].meanBenefit == 0)
        #expect(abs(score.appetite[0].probability.value - p) < Self.tolerance(p))
        // The effect's outcome names the entry among its drivers.
        #expect(score.outcomes[1].drivers == ["A"])
    }

    /// A response applies to the entry as a whole: delivered with reliability 1 and halving the
    /// likelihood, it halves the chance on both outcomes.
    @Test func responseAppliesToEveryEffect() throws {
        let register = try Self.register("""
            risks:
            \(Self.entry("A", likelihood: "40%", impact: "1", benefit: "10",
                         effects: "        effects:\n          - {outcome: enquiries, impact: 1}",
                         response: "    response: {action: Buddy, cost: 10, reduces-likelihood-by: 50%}"))
            """)
        let score = try Scorer.score(register, options: ScorerTests.options(trials: Self.trials))
        let effects = try #require(score.risks[0].effects)
        for effect in effects {
            #expect(abs(effect.meanHarm.residual - 0.2) < Self.tolerance(0.2), "\(effect.outcome) \(effect.meanHarm.residual)")
        }
    }
}

/// The strategy mix against its reference (docs/strategy-mix.md).
@Suite struct StrategyMixTests {
    /// The issue's case: 78 % reduction and no enablement is noted twice; an even mix is not.
    @Test func referenceNotes() {
        let leaning = StrategyMix(Array(repeating: .reduction, count: 7) + [.resilience, .resilience])
        #expect(abs(leaning.firstTwoShare - 7.0 / 9) < 1e-12)
        #expect(leaning.leansOnFirstTwo)
        #expect(leaning.lacksEnablement)
        let even = StrategyMix(Strategy.allCases)
        #expect(even.firstTwoShare == 0.5)
        #expect(!even.leansOnFirstTwo && !even.lacksEnablement)
        // Exactly three in four is within the reference.
        let edge = StrategyMix([.portfolio, .reduction, .reduction, .enablement])
        #expect(!edge.leansOnFirstTwo)
        #expect(StrategyMix([]).total == 0 && !StrategyMix([]).leansOnFirstTwo)
    }
}
