import Foundation
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// What the protection rests on: the shares of avoided loss, checked against re-scoring with a
/// contributor unavailable on the same random numbers.
@Suite struct RelianceTests {
    static func leiden() throws -> Register {
        let loaded = RegisterFile.read(path: TestSupport.path("Registers/community-safety-leiden.yaml"), asOf: ScorerTests.asOf)
        return try #require(loaded.register)
    }

    /// The outcome's residual mean rises, when the contributors are made unavailable, by exactly
    /// the avoided loss the reliance says rests on them.
    static func checkAgainstRerun(_ register: Register, unavailable: (Contributor) -> Bool, expected: (RegisterScore.OutcomeReliance) -> Double?) throws {
        let options = ScorerTests.options(trials: 20_000)
        let score = try Scorer.score(register, options: options)
        var without = register
        for i in without.contributors.indices where unavailable(without.contributors[i]) { without.contributors[i].availability = 0 }
        let rerun = try Scorer.score(without, options: options)
        #expect(!score.reliance.isEmpty)
        for reliance in score.reliance {
            let o = try #require(score.outcomes.firstIndex { $0.id == reliance.outcome })
            let lost = rerun.outcomes[o].residual.mean.value - score.outcomes[o].residual.mean.value
            let stated = expected(reliance) ?? 0
            #expect(abs(lost - stated) <= 1e-9 * max(1, reliance.avoided), "\(reliance.outcome): re-run loses \(lost), reliance says \(stated)")
            // The inherent figures do not move.
            #expect(rerun.outcomes[o].inherent.mean.value == score.outcomes[o].inherent.mean.value)
        }
    }

    @Test func aDelivererSteppingBackLosesExactlyItsShare() throws {
        try Self.checkAgainstRerun(try Self.leiden(), unavailable: { $0.id == "buurtpreventie-noord" }) { reliance in
            reliance.deliverers.first { $0.id == "buurtpreventie-noord" }?.avoided
        }
    }

    @Test func aKindSteppingBackLosesExactlyItsShare() throws {
        try Self.checkAgainstRerun(try Self.leiden(), unavailable: { $0.kind == .community }) { reliance in
            reliance.kinds.first { $0.id == "community" }?.avoided
        }
    }

    /// What the responses avoid on `outcome`: their value on their own outcome and the harm they
    /// avoid on it through their entries' effects.
    static func avoided(on outcome: String, in score: RegisterScore) -> Double {
        score.risks.filter { $0.inHeadline && $0.response != nil }.reduce(0) { sum, r in
            if r.outcome == outcome { return sum + r.response!.value.value }
            guard let e = r.effects?.first(where: { $0.outcome == outcome }) else { return sum }
            return sum + max(0, e.meanHarm.inherent - e.meanHarm.residual)
        }
    }

    /// People a response keeps from harm count: Leiden's people-hurt outcome is reached only by
    /// effects of money entries (CS-02, CS-04, CS-09), whose responses protect it. Before, an
    /// outcome counted only the responses of entries on it, and this one had no reliance at all.
    @Test func harmAvoidedThroughAnEffectCounts() throws {
        let score = try Scorer.score(try Self.leiden(), options: ScorerTests.options(trials: 20_000))
        let people = try #require(score.reliance.first { $0.outcome == "mensen" })
        #expect(people.avoided > 0)
        #expect(abs(people.avoided - Self.avoided(on: "mensen", in: score)) <= 1e-9 * people.avoided)
        // CS-04's pairs and vests are delivered by the neighbourhood police.
        #expect((people.deliverers.first { $0.id == "wijkagenten" }?.avoided ?? 0) > 0)
    }

    @Test func sharesAndTheVolunteeredFlag() throws {
        let score = try Scorer.score(try Self.leiden(), options: ScorerTests.options(trials: 20_000))
        let incidents = try #require(score.reliance.first { $0.outcome == "incidenten" })
        // Every response on incidents is delivered by Buurtpreventie Noord (CS-03, CS-11).
        #expect(incidents.deliverers.first?.id == "buurtpreventie-noord")
        #expect(abs(incidents.deliverers[0].share - 1) < 1e-12)
        #expect(incidents.mostlyVolunteered && abs(incidents.volunteered - 1) < 1e-12)
        #expect(incidents.organisationOnly == 0)
        // A response that names no deliverer rests on the organisation alone: CS-09's, made so.
        var alone = try Self.leiden()
        let k = try #require(alone.risks.firstIndex { $0.id == "CS-09" })
        alone.risks[k].response?.deliveredBy = []
        let budget = try #require(try Scorer.score(alone, options: ScorerTests.options(trials: 20_000))
            .reliance.first { $0.outcome == "partnerschapsbudget" })
        #expect(budget.organisationOnly > 0)
        for reliance in score.reliance {
            let avoided = Self.avoided(on: reliance.outcome, in: score)
            #expect(abs(reliance.avoided - avoided) <= 1e-9 * avoided)
            for share in reliance.kinds + reliance.deliverers { #expect(share.share >= 0 && share.share <= 1 + 1e-12) }
        }
    }
}
