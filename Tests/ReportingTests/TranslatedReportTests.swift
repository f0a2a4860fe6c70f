import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer

/// Reports show register text in their own language (`title: {en: …, nl: …}`), and in HTML mark
/// the text they fall back to with its `lang`.
@Suite struct TranslatedReportTests {
    static let yaml = """
        riskreg: 1
        register:
          id: bikes
          title: {en: Bike safety partnership, nl: Convenant fietsveiligheid}
          organisation: {en: City of Leiden, nl: Gemeente Leiden}
          horizon: 12 months
          currency: EUR
          contact: {en: Call 14 071, nl: Bel 14 071}
        outcomes:
          - id: thefts
            title: {en: Bike thefts, nl: Fietsdiefstallen}
            unit: {en: incidents, nl: incidenten}
            description: {en: Thefts above the usual 200 a year, nl: Diefstallen boven de gebruikelijke 200 per jaar}
        appetite:
          - outcome: thefts
            statement: {en: At most 40 more thefts, nl: Hooguit 40 diefstallen meer}
            loss-exceeds: 40
            at-most: 10%
        contributors:
          - id: fietsersbond
            name: {nl: Fietsersbond Leiden}
            kind: community
            public: true
        perspectives:
          - id: officers
            title: {en: Officers, nl: Medewerkers}
        risks:
          - id: B-01
            title: {en: Bike theft near stations, nl: Fietsdiefstal bij stations}
            description: {en: Mostly at night, nl: Vooral 's nachts}
            outcome: thefts
            strategy: reduction
            owner: Station manager
            borne-by: {en: Cyclists who park at stations, nl: Fietsers die bij stations parkeren}
            coproduction: {mode: co-design, contributors: [fietsersbond]}
            estimates:
              - perspective: officers
                likelihood: 60%
                impact: {pert: [2, 10, 30]}
            response:
              action: {en: Guarded bike parks, nl: Bewaakte fietsenstallingen}
              cost: 5k
              delivered-by: [fietsersbond]
              reliability: 90%
              reduces-likelihood-by: 40%

        """

    static func render(_ yaml: String, _ format: ReportOptions.Format, language: String, audience: ReportOptions.Audience = .community) throws -> String {
        try ReportFixtures.render(try ReportFixtures.load(yaml: yaml), format: format, audience: audience, trials: 2_000, language: language)
    }

    static let dutch = ["Convenant fietsveiligheid", "Gemeente Leiden", "Fietsdiefstal bij stations", "Vooral &#39;s nachts", "Fietsers die bij stations parkeren",
                        "Bewaakte fietsenstallingen", "Fietsdiefstallen", "incidenten", "Bel 14 071", "Diefstallen boven de gebruikelijke 200 per jaar"]
    static let english = ["Bike safety partnership", "City of Leiden", "Bike theft near stations", "Mostly at night", "Cyclists who park at stations",
                          "Guarded bike parks", "Bike thefts", "Call 14 071", "Thefts above the usual 200 a year"]

    @Test(arguments: [ReportOptions.Format.html, .markdown])
    func eachReportShowsItsOwnLanguage(_ format: ReportOptions.Format) throws {
        let nl = try Self.render(Self.yaml, format, language: "nl")
        let en = try Self.render(Self.yaml, format, language: "en")
        for text in Self.dutch {
            let shown = format == .html ? text : text.replacingOccurrences(of: "&#39;", with: "'")
            #expect(nl.contains(shown), "the Dutch report shows \(shown)")
            #expect(!en.contains(shown), "the English report does not show \(shown)")
        }
        for text in Self.english {
            #expect(en.contains(text), "the English report shows \(text)")
            #expect(!nl.contains(text), "the Dutch report does not show \(text)")
        }
        if format == .html {
            #expect(!nl.contains("lang=\"en\""), "nothing falls back, so nothing is marked")
            #expect(en.contains("<span lang=\"nl\">Fietsersbond Leiden</span>"), "a name written in Dutch only keeps its language")
        }
    }

    @Test func theBoardReportTakesTheLanguageToo() throws {
        let nl = try Self.render(Self.yaml, .markdown, language: "nl", audience: .board)
        #expect(nl.contains("Fietsdiefstal bij stations"))
        #expect(!nl.contains("Bike theft near stations"))
    }

    @Test func textThatFallsBackCarriesItsLanguage() throws {
        // The contributor's name is written once, as a plain string (so in English); the action
        // in German and English only.
        let yaml = Self.yaml
            .replacingOccurrences(of: "action: {en: Guarded bike parks, nl: Bewaakte fietsenstallingen}",
                                  with: "action: {de: Bewachte Fahrradparkplätze, en: Guarded bike parks}")
            .replacingOccurrences(of: "name: {nl: Fietsersbond Leiden}", with: "name: Fietsersbond Leiden")
        let html = try Self.render(yaml, .html, language: "nl")
        #expect(html.contains("<span lang=\"en\">Fietsersbond Leiden</span>"))
        #expect(html.contains("<span lang=\"en\">Guarded bike parks</span>"), "the register's language before the first listed")
        #expect(!html.contains("Bewachte"))
        #expect(html.contains("<title>Voor bewoners: Convenant fietsveiligheid</title>"))
        let markdown = try Self.render(yaml, .markdown, language: "nl")
        #expect(markdown.contains("Guarded bike parks"))
        #expect(!markdown.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) }, "no mark reaches Markdown")
        #expect(!markdown.contains("enGuarded"), "the language tag goes with its marks")
        // In English nothing falls back: the same register's English report carries no `lang`.
        let english = try Self.render(yaml, .html, language: "en")
        #expect(!english.contains("<span lang="))
    }

    /// Rendering runs ``HTMLSafety`` on the page, so a page with a forged attribute would throw.
    @Test func aRegistersOwnMarksCannotWriteMarkup() throws {
        let forged = "\u{E000}en\" onmouseover=\"alert(1)\u{E001}Forged\u{E002} \u{E000}x<b>\u{E001}bold\u{E002}\u{E002}"
        let yaml = Self.yaml.replacingOccurrences(of: "name: {nl: Fietsersbond Leiden}", with: "name: '\(forged)'")
        for language in ["en", "nl"] {
            let html = try Self.render(yaml, .html, language: language)
            #expect(!html.contains("onmouseover=\""), "no attribute from register text")
            #expect(!html.contains("<b>"))
            #expect(!html.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) })
            }
    }

    @Test func markedTextBecomesANestedSpanOnlyWithAWellFormedTag() {
        let marked = LanguageMark.wrap("A & B", language: "en-GB")
        #expect(HTMLText.escapeMarkingLanguages("Zie " + marked + ".") == "Zie <span lang=\"en-GB\">A &amp; B</span>.")
        #expect(HTMLText.escape("Zie " + marked + ".") == "Zie A &amp; B.")
        #expect(MarkdownText.escape(marked + " *x*") == "A & B \\*x\\*")
        // A mark at the start of a line does not hide a Markdown heading from the escaper.
        #expect(MarkdownText.escape(LanguageMark.wrap("# Heading", language: "en")) == MarkdownText.escape("# Heading"))
        #expect(HTMLText.escapeMarkingLanguages("\u{E000}bad tag\u{E001}x\u{E002}") == "bad tagx")
        #expect(HTMLText.escapeMarkingLanguages("\u{E000}en\u{E001}open") == "<span lang=\"en\">open</span>")
    }
}
