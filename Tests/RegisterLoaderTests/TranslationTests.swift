import Foundation
@testable import RegisterLoader
import RegisterModel
import Testing

/// Texts written in several languages: `title: {en: …, nl: …}`.
@Suite struct TranslationTests {
    static let register = """
        riskreg: 1
        register:
          id: test-register
          title: {en: Safety partnership, nl: Veiligheidsconvenant}
          organisation: {en: Test council, nl: Testgemeente}
          horizon: 12 months
          currency: EUR
          contact: {nl: Bel 14 071, en: Call 14 071}
        outcomes:
          - id: thefts
            title: {en: Bike thefts, nl: Fietsdiefstallen}
            unit: {en: incidents, nl: incidenten}
        contributors:
          - id: residents
            name: {en: Residents' panel, nl: Bewonerspanel}
            kind: community
        perspectives:
          - id: residents
            title: {en: Residents, nl: Bewoners}
            contributors: [residents]
            weight: 0.5
            weight-reason: {en: Only six members took part, nl: Er deden maar zes leden mee}
        appetite:
          - outcome: thefts
            statement: {en: At most 20 more thefts, nl: Hooguit 20 diefstallen meer}
            if-missed: {en: The council adds cameras, nl: De gemeente plaatst camera's}
            loss-exceeds: 20
            at-most: 10%
        risks:
          - id: R-01
            title:
              en: Bike theft near stations
              nl-NL: Fietsdiefstal bij stations
            outcome: thefts
            strategy: reduction
            owner: {en: Service lead, nl: Teamleider}
            coproduction: {mode: co-assessment, contributors: [residents]}
            estimates:
              - perspective: residents
                likelihood: 20%
                impact: {pert: [1, 5, 20]}
            response:
              action: {en: Better racks, nl: Betere fietsenrekken}
              cost: 1k
              reduces-likelihood-by: 50%

        """

    @Test func theModelHoldsTheRegistersLanguageAndKeepsTheOthers() throws {
        let loaded = load(Self.register)
        let register = try #require(loaded.register, "\(summaries(loaded))")
        #expect(summaries(loaded).filter { $0.contains("translation") }.isEmpty, "every text is given in both languages")
        #expect(register.metadata.title == "Safety partnership")
        #expect(register.metadata.contact == "Call 14 071", "the register's language is taken, not the first listed")
        #expect(register.outcomes[0].unit == .other("incidents"))
        #expect(register.perspectives[0].weightReason == "Only six members took part")
        #expect(register.appetite[0].ifMissed == "The council adds cameras")
        #expect(register.risks[0].response?.action == "Better racks")
        let title = try #require(register.translations.texts[Translations.Place(.risk, "R-01", "title")])
        #expect(title.variants.map(\.language) == ["en", "nl-NL"])
        #expect(title.variant(for: "nl")?.text == "Fietsdiefstal bij stations", "nl-NL serves a report in nl")
    }

    /// The texts the community report reads for who decides, why entries are private, where
    /// responses are paid from, what any harm is and who set a weight: each in the register's
    /// language, with its other languages kept.
    @Test func theCommunityReportsOwnFieldsAreTranslatable() throws {
        let text = Self.register
            .replacingOccurrences(of: "  contact: {nl: Bel 14 071, en: Call 14 071}\n", with: """
                  contact: {nl: Bel 14 071, en: Call 14 071}
                  decided-by: {en: the partnership board, nl: het convenantoverleg}
                  confidential-reason: {en: It could put people at risk., nl: Het kan mensen in gevaar brengen.}
                  response-budget: {en: the 2027 budget, nl: de begroting 2027}
                  period: {en: the 2027/28 financial year, nl: het boekjaar 2027/28}

                """)
            .replacingOccurrences(of: "    unit: {en: incidents, nl: incidenten}\n", with: """
                    unit: {en: incidents, nl: incidenten}
                    any-harm: {en: a bike is stolen, nl: er een fiets wordt gestolen}

                """)
            .replacingOccurrences(of: "    weight-reason: {en: Only six members took part, nl: Er deden maar zes leden mee}\n", with: """
                    weight-reason: {en: Only six members took part, nl: Er deden maar zes leden mee}
                    weight-set-by: {en: the partnership board, nl: het convenantoverleg}

                """)
        let loaded = load(text)
        let register = try #require(loaded.register, "\(summaries(loaded))")
        #expect(summaries(loaded).filter { $0.contains("translation") }.isEmpty, "\(summaries(loaded))")
        #expect(register.metadata.decidedBy == "the partnership board")
        #expect(register.metadata.confidentialReason == "It could put people at risk.")
        #expect(register.metadata.responseBudget == "the 2027 budget")
        #expect(register.metadata.period == "the 2027/28 financial year")
        #expect(register.outcomes[0].anyHarm == "a bike is stolen")
        #expect(register.perspectives[0].weightSetBy == "the partnership board")
        let dutch = register.inLanguage("nl")
        #expect(dutch.metadata.decidedBy == "het convenantoverleg")
        #expect(dutch.metadata.confidentialReason == "Het kan mensen in gevaar brengen.")
        #expect(dutch.metadata.responseBudget == "de begroting 2027")
        #expect(dutch.metadata.period == "het boekjaar 2027/28")
        #expect(dutch.outcomes[0].anyHarm == "er een fiets wordt gestolen")
        #expect(dutch.perspectives[0].weightSetBy == "het convenantoverleg")
        // One of them in one language only is the usual warning, at the text.
        let partial = text.replacingOccurrences(of: "any-harm: {en: a bike is stolen, nl: er een fiets wordt gestolen}", with: "any-harm: a bike is stolen")
        #expect(summaries(load(partial)).contains { $0.contains("translation-missing") && $0.contains("any-harm") }, "\(summaries(load(partial))) \(partial)")
    }

    @Test func aDutchRegisterHoldsItsDutchText() throws {
        let text = Self.register.replacingOccurrences(of: "  currency: EUR\n", with: "  currency: EUR\n  language: nl\n")
        let register = try #require(load(text).register)
        #expect(register.metadata.title == "Veiligheidsconvenant")
        #expect(register.risks[0].title == "Fietsdiefstal bij stations")
        #expect(register.textLanguage == "nl")
    }

    @Test func inLanguagePicksTheReportsLanguageThenTheRegistersThenTheFirst() throws {
        var text = Self.register
        text = text.replacingOccurrences(of: "action: {en: Better racks, nl: Betere fietsenrekken}", with: "action: {fr: Meilleurs supports}")
        text = text.replacingOccurrences(of: "name: {en: Residents' panel, nl: Bewonerspanel}", with: "name: {en: Residents' panel}")
        text = text.replacingOccurrences(of: "owner: {en: Service lead, nl: Teamleider}", with: "owner: Service lead")
        let register = try #require(load(text).register)
        var marked: [String] = []
        let dutch = register.inLanguage("nl") { text, language in marked.append(language + ":" + text); return "[\(language)]" + text }
        #expect(dutch.metadata.title == "Veiligheidsconvenant")
        #expect(dutch.outcomes[0].unit == .other("incidenten"), "units are translated, and never marked")
        #expect(dutch.risks[0].title == "Fietsdiefstal bij stations")
        #expect(dutch.risks[0].response?.action == "[fr]Meilleurs supports", "no nl and no en: the first listed, marked")
        #expect(dutch.contributors[0].name == "[en]Residents' panel")
        #expect(dutch.risks[0].owner == "[en]Service lead", "a plain string is in the register's language")
        #expect(marked == ["en:Residents' panel", "en:Service lead", "fr:Meilleurs supports"])
        let english = register.inLanguage("en")
        #expect(english.metadata.title == "Safety partnership")
        #expect(english.risks[0].response?.action == "Meilleurs supports")
    }

    @Test func aPlainRegisterIsUnchangedInItsOwnLanguage() throws {
        let register = try #require(load(Minimal.register()).register)
        #expect(register.translations.isEmpty)
        var texts: [String] = []
        register.forEachText { _, text, _ in texts.append(text) }
        var shown: [String] = []
        register.inLanguage("en") { text, _ in "changed " + text }.forEachText { _, text, _ in shown.append(text) }
        #expect(shown == texts)
    }

    /// The short names and `at-risk` are texts like any other: a list or an empty mapping is
    /// an error at the value, naming the field.
    @Test func aShortNameOrAtRiskThatIsNotTextIsAnErrorAtItsValue() {
        let text = Self.register
            .replacingOccurrences(of: "  currency: EUR\n", with: "  currency: EUR\n  period-short: [2027]\n")
            .replacingOccurrences(of: "    unit: {en: incidents, nl: incidenten}\n",
                                  with: "    unit: {en: incidents, nl: incidenten}\n    baseline: the police forecast\n    baseline-short: {}\n")
            .replacingOccurrences(of: "    strategy: reduction\n", with: "    strategy: reduction\n    at-risk: {en: [every cyclist]}\n")
        let errors = summaries(load(text)).filter { $0.contains(" error ") }
        #expect(errors == [
            "8:17 error wrong-type the period's short name should be text, not a list",
            "15:21 error empty-value the outcome baseline's short name is empty",
            "39:19 error wrong-type the `en` text of `at-risk` should be text, not a list",
        ])
    }

    /// How a public page describes a contributor it may not name is text in the register's
    /// languages, like its description: anything else is an error at the value.
    @Test func anUnnamedAsThatIsNotTextIsAnErrorAtItsValue() {
        let text = Self.register
            .replacingOccurrences(of: "    kind: community\n", with: "    kind: community\n    unnamed-as: [residents of the square]\n")
        let errors = summaries(load(text)).filter { $0.contains(" error ") }
        #expect(errors == ["17:17 error wrong-type the contributor's `unnamed-as` should be text, not a list"])
        let fine = Self.register
            .replacingOccurrences(of: "    kind: community\n", with: "    kind: community\n    unnamed-as: {en: residents of the square, nl: bewoners van het plein}\n")
        #expect(summaries(load(fine)).filter { $0.contains(" error ") }.isEmpty)
    }

    /// An `unnamed-as` stands in for a name the contributor asked to keep off public pages; one
    /// that contains that name, in any language, would print it. A warning at the value, and a
    /// public contributor may be described however the register likes.
    @Test(arguments: [("{en: members of the Residents' Panel, nl: bewoners}", "Residents' panel"),
                      ("{en: local residents, nl: leden van het Bewonerspanel}", "Bewonerspanel")])
    func anUnnamedAsThatNamesTheContributorIsAWarningAtItsValue(unnamedAs: String, name: String) {
        let text = Self.register
            .replacingOccurrences(of: "    kind: community\n", with: "    kind: community\n    unnamed-as: \(unnamedAs)\n")
        let warnings = summaries(load(text)).filter { $0.contains("unnamed-as-names") }
        #expect(warnings == ["17:17 warning unnamed-as-names contributor `residents`'s `unnamed-as` contains its name “\(name)”, which it asked to keep off the community report"])
        let named = text.replacingOccurrences(of: "    kind: community\n", with: "    kind: community\n    public: true\n")
        #expect(!summaries(load(named)).contains { $0.contains("unnamed-as-names") })
        let plain = Self.register
            .replacingOccurrences(of: "    kind: community\n", with: "    kind: community\n    unnamed-as: {en: residents of the square, nl: bewoners van het plein}\n")
        #expect(!summaries(load(plain)).contains { $0.contains("unnamed-as-names") })
    }

    @Test func missingTextIsOneWarningPerLanguageAtTheFirstTextWithoutIt() {
        let text = Self.register
            .replacingOccurrences(of: "title: {en: Bike thefts, nl: Fietsdiefstallen}", with: "title: Bike thefts")
            .replacingOccurrences(of: "action: {en: Better racks, nl: Betere fietsenrekken}", with: "action: {nl: Betere fietsenrekken, de: Bessere Fahrradständer}")
        let warnings = summaries(load(text)).filter { $0.contains("translation-missing") }
        // The outcome's title is a plain string: English only. The action is in Dutch and
        // German, so German is a language of the register and every other text lacks it.
        #expect(warnings == [
            "4:10 warning translation-missing the register's `title` has no `de` text (nor have 11 other texts), so a report in `de` shows them in `en`",
            "10:5 warning translation-missing outcome `thefts`'s `title` has no `nl` text, so a report in `nl` shows it in `en`",
            "43:15 warning translation-missing entry `R-01`'s response `action` has no `en` text, so a report in `en` shows it in `nl`",
        ])
    }

    @Test(arguments: ["en", "nl", "nl-BE", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH-1996", "en-US-x-twain", "x-local", "zh-yue-HK", "tlh"])
    func wellFormedTags(_ tag: String) {
        #expect(Translations.isWellFormedTag(tag))
        #expect(tag.range(of: ScalarPatterns.languageTag, options: .regularExpression) != nil, "the schema's pattern agrees")
    }

    @Test(arguments: ["", "e", "nl_NL", "nl-", "-nl", "en--US", "Nederlands (NL)", "toolonglanguage", "de-CH-1996-1996", "en-a-bbb-a-ccc", "x", "en-x", "1e"])
    func malformedTags(_ tag: String) {
        #expect(!Translations.isWellFormedTag(tag))
    }

    @Test func aBadLanguageCodeIsAnErrorAtTheKeyAndTheOtherTextsAreRead() {
        let text = Self.register.replacingOccurrences(of: "{en: Bike thefts, nl: Fietsdiefstallen}", with: "{en: Bike thefts, nl_NL: Fietsdiefstallen, EN: Again}")
        let lines = summaries(load(text))
        #expect(lines == [
            "11:30 error invalid-value `nl_NL` in the outcome title is not a language code",
            "11:55 error invalid-value the outcome title gives the `EN` text twice",
        ])
    }
}
