import Foundation
import RegisterModel
import Reporting
import Scoring
import Testing

/// The community report's rule (``CommunityView``): every figure and word comes from the public
/// entries, so changing a confidential entry changes no byte of it beyond the stated count.
@Suite struct ConfidentialTests {
    /// The property is about bytes, not precision: a figure that took anything from a confidential
    /// entry differs at any trial count, so a small one keeps the 120 pages this suite renders quick.
    static let trials = 500

    /// Each example's community reports, Markdown and HTML, in English and in Dutch (register
    /// text in other languages obeys the same rule).
    static func reports(_ register: Register) throws -> [String] {
        try ["en", "nl"].flatMap { language in
            // The format changes nothing scored: both pages of a language share one score.
            let scores = try ReportFixtures.score(register, audience: .community, trials: trials, language: language)
            return try [ReportOptions.Format.markdown, .html].map {
                try ReportFixtures.render(register, scores, format: $0, audience: .community, language: language)
            }
        }
    }

    /// Changes a confidential entry in one way; nil when the register has none.
    typealias Change = @Sendable (inout Risk, inout Register) -> Void

    static let changes: [(String, Change)] = [
        ("estimates", { risk, _ in
            risk.estimates = risk.estimates.map { e in
                var e = e
                e.occurrence = .likelihood(try! .fixed(0.9))
                e.impact = try! .pert(min: 1_000, mode: 400_000, max: 2_000_000, shape: 4)
                return e
            }
        }),
        ("response removed", { risk, _ in risk.response = nil }),
        ("response changed", { risk, register in
            risk.response = Response(action: "Secret action", cost: 999_999, deliveredBy: register.contributors.prefix(2).map(\.id),
                                     reliability: 0.3, likelihoodReduction: 0.9, location: risk.location)
        }),
        ("contributors", { risk, register in
            risk.coproduction.contributors = register.contributors.map(\.id)
            risk.coproduction.mode = .coDelivery
        }),
        ("a perspective only it uses", { risk, register in
            let id = "only-confidential"
            register.perspectives.append(Perspective(id: id, title: "Secret panel", contributors: register.contributors.suffix(1).map(\.id),
                                                     weight: 3, location: risk.location))
            risk.estimates.append(Estimate(perspective: id, occurrence: .frequency(try! .fixed(40)),
                                           impact: try! .fixed(90_000), location: risk.location))
        }),
        ("outcome", { risk, register in
            if let other = register.outcomes.first(where: { $0.id != risk.outcome && $0.unit == register.outcome(risk.outcome)?.unit }) {
                risk.outcome = other.id
            }
        }),
        ("description and rationale", { risk, _ in
            risk.description = "Something nobody outside should read"
            risk.estimates = risk.estimates.map { var e = $0; e.rationale = "private reasoning"; return e }
        }),
        ("texts in other languages", { risk, register in
            let at = risk.location
            for (field, text) in [("title", "Geheime kwestie"), ("description", "Niemand buiten mag dit lezen"), ("borne-by", "Eén beheerder")] {
                register.translations.texts[Translations.Place(.risk, risk.id, field)] = .init(variants: [("en", "Secret matter"), ("nl", text)], location: at)
            }
            register.translations.texts[Translations.Place(.response, risk.id, "action")] = .init(variants: [("nl", "Geheime aanpak")], location: at)
        }),
    ]

    static func changed(_ register: Register, _ change: Change) -> Register {
        var register = register
        guard let k = register.risks.firstIndex(where: \.isConfidential) else { return register }
        var risk = register.risks[k]
        change(&risk, &register)
        register.risks[k] = risk
        return register
    }

    @Test(arguments: ReportFixtures.examples)
    func changingAConfidentialEntryChangesNoByte(_ name: String) throws {
        let register = try ReportFixtures.load(name)
        #expect(register.risks.contains { $0.isConfidential }, "the example keeps an entry confidential")
        let before = try Self.reports(register)
        for (what, change) in Self.changes {
            let after = try Self.reports(Self.changed(register, change))
            #expect(after == before, "changing a confidential entry's \(what) changed the community report of \(name)")
        }
    }

    /// Adding a confidential entry changes the stated count and nothing else.
    @Test func anotherConfidentialEntryChangesOnlyTheCount() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        var more = register
        var extra = register.risks.first(where: \.isConfidential)!
        extra.id = "CS-99"
        extra.title = "Another private matter"
        more.risks.append(extra)
        let before = try Self.reports(register), after = try Self.reports(more)
        let count = register.risks.filter(\.isConfidential).count
        for (a, b) in zip(before, after) {
            let lines = zip(a.split(separator: "\n", omittingEmptySubsequences: false), b.split(separator: "\n", omittingEmptySubsequences: false))
                .filter { $0 != $1 }
            #expect(!lines.isEmpty)
            for (x, y) in lines {
                #expect(x.contains(String(count)) || x.contains("One entry") || x.contains("Eén"), "a line other than the count changed: \(x)")
                #expect(y.contains(String(count + 1)), "a line other than the count changed: \(y)")
            }
        }
    }

    /// A community report never takes a score that holds a confidential entry.
    @Test func aFullScoreIsRefused() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let score = try Scorer.score(register, options: ScoringOptions(seed: 1, trials: 500, jobs: 1, asOf: ReportFixtures.asOf))
        let options = ReportOptions(format: .markdown, audience: .community, libyamlVersion: "x", command: "c")
        let templates = ReportTemplates.builtIn()
        #expect(throws: TemplateError.self) {
            try Report.render(register: register, score: score, options: options, templates: templates)
        }
    }

    /// Public text that names a confidential entry by its title in another language is withheld
    /// from a report in any language, as text naming it in the register's language is.
    @Test func textNamingAConfidentialEntryInAnotherLanguageIsWithheld() throws {
        var register = try ReportFixtures.load("community-safety-leiden")
        let secret = register.risks.first(where: \.isConfidential)!
        register.translations.texts[Translations.Place(.risk, secret.id, "title")] =
            .init(variants: [("en", secret.title), ("nl", "Beheerder geïntimideerd door criminelen")], location: secret.location)
        let outcome = register.outcomes[0]
        register.translations.texts[Translations.Place(.outcome, outcome.id, "description")] =
            .init(variants: [("en", outcome.description ?? "Counted."), ("nl", "Telt ook: beheerder geïntimideerd door criminelen.")], location: outcome.location)
        for language in ["nl", "en"] {
            let text = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500, language: language)
            #expect(!text.lowercased().contains("beheerder geïntimideerd"), "in \(language)")
        }
        let dutch = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500, language: "nl")
        #expect(dutch.contains("Niet gepubliceerd"))
        #expect(register.publicTexts.contains { $0.text.contains("geïntimideerd") && register.confidentialEntryNamed(in: $0.text)?.id == secret.id },
                "validate warns about it (confidential-named)")
    }

    /// Text that names a confidential entry is withheld; perspectives whose contributors all
    /// asked not to be named lose their titles.
    @Test func namingTextIsWithheld() throws {
        var register = try ReportFixtures.load("community-safety-leiden")
        let secret = register.risks.first(where: \.isConfidential)!
        register.metadata.description = "This year's worry is \(secret.id)."
        register.outcomes[0].description = "Includes \(secret.title.lowercased())."
        let text = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500)
        #expect(!text.contains(secret.id))
        #expect(!text.lowercased().contains(secret.title.lowercased()))
        #expect(text.contains("Not published"))
    }
}
