import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// The community report in residents' words, in English and Dutch: the * and the glossary as
/// the format shows them, the charts' labels without the board's terms, the Dutch a
/// municipality writes, English without machine-made slips, addresses that copy as written,
/// and figures to the precision the estimates have.
@Suite("Community report in plain words")
struct CommunityPlainWordsTests {

    /// The part of a page from the start of `marker` to the end of its line.
    static func line(_ page: String, _ marker: String) -> String {
        guard let start = page.range(of: marker) else { return "" }
        let rest = page[start.lowerBound...]
        return String(rest[..<(rest.firstIndex(of: "\n") ?? rest.endIndex)])
    }

    /// "(CS-05\*)" stood in every Markdown impact table with nothing to say what the * means:
    /// only the HTML grid's legend said it. The table's own description says it now.
    @Test(arguments: [("en", "gains more than it harms, on average: CS-05"), ("nl", "levert gemiddeld meer op dan het schaadt: CS-05")])
    func theMarkdownTableExplainsTheAsterisk(language: String, phrase: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        #expect(page.contains("(CS-05\\*)"))
        #expect(page.contains(phrase))
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("(W7-01\\*)") && ward.contains("gains more than it harms, on average: W7-01"))
    }

    /// The Markdown glossary explained the "logarithmic scale (in the charts)" on a page that
    /// has no charts; the HTML page, which has them, keeps the entry (now "the chance scale").
    @Test(arguments: [("en", "The chance scale (in the charts)"), ("nl", "De schaal van de kans (in de grafieken)")])
    func theGlossaryExplainsOnlyWhatThePageShows(language: String, term: String) throws {
        let markdown = try ReportFixtures.community("community-safety-leiden", language)
        #expect(!markdown.contains(term))
        let html = try ReportFixtures.community("community-safety-leiden", language, format: .html)
        #expect(html.contains(term))
    }

    /// The community charts and tables spoke the board's language: "appetite" on the limit's
    /// diamond, "Amount gone above" on an axis of savings, "log scale", "a horizon", "(P10)",
    /// "with responses", "Perspective", "Mean loss".
    @Test func theEnglishChartsAndTablesUseResidentsWords() throws {
        for name in ReportFixtures.examples {
            for format in [ReportOptions.Format.html, .markdown] {
                let page = try ReportFixtures.community(name, format: format)
                for jargon in ["<title>appetite</title>", "appetite<", ">appetite", " appetite", "Amount gone above", "log scale)", "in a horizon", "within the horizon",
                               "over the horizon", "(P10)", "(P90)", "with responses", "without responses", "Perspective", "Mean loss",
                               "Mean gain", "Average of the worst year in 20", ">mean<"] {
                    #expect(!page.contains(jargon), "\(name) \(format): \(jargon)")
                }
            }
        }
        let care = try ReportFixtures.community("adult-social-care-positive-risk", format: .html)
        #expect(care.contains("<title>limit</title>"))
        #expect(care.contains("Chance of more than this</text>"))
        #expect(care.contains("Result in a year (£)"))
        #expect(care.contains("1 in 10 bad year</text>"))
        #expect(care.contains("Harm when it happens, against the benchmark"))
        #expect(care.contains("with the planned actions</text>"))
    }

    @Test func theDutchChartsAndTablesUseResidentsWords() throws {
        for format in [ReportOptions.Format.html, .markdown] {
            let page = try ReportFixtures.community("community-safety-leiden", "nl", format: format)
            for jargon in ["(P10)", "(P90)", "nettowinst", "netto-winst", "in de periode", "het verlies voor", "risicobereidheid",
                           "Kans op overschrijding", "Kans binnen de periode", "met maatregelen", "zonder maatregelen"] {
                #expect(!page.contains(jargon), "\(format): \(jargon)")
            }
            #expect(page.contains("Kans dat het per saldo stijgt"), "\(format)")
        }
        let html = try ReportFixtures.community("community-safety-leiden", "nl", format: .html)
        #expect(html.contains("Kans op meer dan dit</text>"))
        #expect(html.contains("Kans in een jaar →"))
    }

    /// Outcome names were pasted capitalised into sentences ("De kans dat het aantal bij
    /// Mensen die door het werk …"): they are quoted, as in the rest of the page.
    @Test func outcomeNamesInSentencesAreQuoted() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(dutch.contains("De kans dat het aantal bij „Inbraken en straatroven”"))
        #expect(dutch.contains("Dezelfde uitkomst, „Vrijwilligersuren op straat”, volgens"))
        #expect(!dutch.contains("bij Mensen die") && !dutch.contains("voor Kosten buiten"))
        let english = try ReportFixtures.community("community-safety-leiden")
        #expect(english.contains("The same outcome, “Volunteer hours on the street”, according to"))
    }

    /// "Zonder deze aanpak zou het elke keer ongeveer 450 uur kosten" for something that
    /// happens about once a year; "Without this, each time would cost about 450 hours".
    @Test func theActionsEffectIsWhenItHappens() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!dutch.contains("zou het elke keer"))
        #expect(Self.line(dutch, "Twee wervingsavonden").contains("Zonder deze aanpak zou de schade als het gebeurt ongeveer"))
        let english = try ReportFixtures.community("community-safety-leiden")
        #expect(!english.contains("each time would cost"))
        #expect(Self.line(english, "Two recruitment evenings").contains("Without this, the harm when it happens would be about"))
    }

    /// "libyaml 0.2.5" and "door 2027 20.000 keer na te spelen" on a residents' page: the
    /// command that gives the same figures is enough, and the method says how many futures.
    @Test(arguments: ["en", "nl"])
    func theReproductionLineIsPlain(language: String) throws {
        for format in [ReportOptions.Format.markdown, .html] {
            let page = try ReportFixtures.community("community-safety-leiden", language, format: format)
            #expect(!page.contains("libyaml"), "\(format)")
            #expect(!page.contains("keer na te spelen") && !page.contains("which played out"), "\(format)")
            #expect(page.contains(language == "nl" ? "met riskreg \(RiskregVersion.current). Deze opdracht geeft dezelfde cijfers"
                                                   : "with riskreg \(RiskregVersion.current). This command gives the same figures"), "\(format)")
        }
    }

    /// Dutch as a municipality writes it: one word for the options ("varianten"), one label for
    /// who helped, and no "mee … mee" in one sentence.
    @Test func dutchSaysOneThingOneWay() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(dutch.contains("Alleen de eigen kosten van een variant tellen wel mee"))
        #expect(!dutch.contains("kosten van een mogelijkheid") && !dutch.contains("bij elke mogelijkheid hierboven"))
        #expect(dutch.contains(", door de aanpak samen met ons uit te voeren."))
        #expect(!dutch.contains("door de aanpak mee uit te voeren") && !dutch.contains("Wie meehielp"))
    }

    /// "€ 4.030" beside "€ 28.000": an option's average sum is rounded as the page's other sums
    /// are, with "ongeveer"; "0,153 personen" becomes how often it comes, and the tables give an
    /// average of people or incidents to two figures.
    @Test(arguments: ["en", "nl"])
    func figuresHaveThePrecisionTheEstimatesHave(language: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        // The outcome's title in full at its first use in the part, its short name after.
        let costs = language == "nl" ? ["  - „Overschrijding van de convenantbegroting 2027”: ", "  - „Overschrijding begroting”: "]
            : ["  - “Overspend on the partnership's 2027 budget”: ", "  - “Budget overspend”: "]
        let lines = page.components(separatedBy: "\n").filter { line in costs.contains { line.hasPrefix($0) } }
        #expect(lines.count == 4)
        for line in lines {
            let rest = line.dropFirst(costs.first { line.hasPrefix($0) }!.count)
            #expect(rest.hasPrefix(language == "nl" ? "ongeveer € " : "about €"), "\(line)")
            let digits = rest.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." || $0 == "," }.filter(\.isNumber)
            // A total given with its parts is said as they add up, to the figures they are
            // shown with (``CommunityNewReaderTests``), which can take a third figure.
            let parts = line.contains(language == "nl" ? ", opgebouwd uit " : ", made up of ")
            #expect(digits.drop { $0 == "0" }.reversed().drop { $0 == "0" }.count <= (parts ? 4 : 2), "\(line)")
        }
        let threeDecimals = language == "nl" ? #"\b0,\d{3}\b"# : #"\b0\.\d{3}\b"#
        #expect(page.range(of: threeDecimals, options: .regularExpression) == nil)
        #expect(page.contains(language == "nl" ? "Met de geplande aanpak verwachten we gemiddeld ongeveer 1 persoon in de"
                                               : "With the planned actions we expect, on average, about 1 person every"))
    }

    /// "www⁠.leiden.nl" carried an invisible U+2060 that came along when a reader copied the
    /// address, and the copied address failed. A backslash keeps it from becoming a link and
    /// leaves nothing behind: GitHub's renderer shows exactly "www.leiden.nl", not linked.
    @Test func anAddressCopiesAsWritten() throws {
        #expect(MarkdownText.escape("www.leiden.nl", links: .safeAutolinks) == "www\\.leiden.nl")
        #expect(MarkdownText.escape("op www.leiden.nl, vóór", links: .none) == "op www\\.leiden.nl, vóór")
        for language in ["en", "nl"] {
            let page = try ReportFixtures.community("community-safety-leiden", language)
            #expect(!page.unicodeScalars.contains("\u{2060}"), "\(language)")
            let html = try TestSupport.renderGitHubMarkdown([page])[0]
            #expect(html.contains("www.leiden.nl") && !html.contains("href=\"http://www.leiden.nl"), "\(language)")
            #expect(!html.unicodeScalars.contains("\u{2060}"), "\(language)")
        }
        // The one invisible character the neutraliser writes is the word joiner's reference,
        // and only where nothing may be live.
        let source = try String(contentsOfFile: TestSupport.path("Sources/TextLayer/MarkdownText.swift"), encoding: .utf8)
        #expect(!source.contains("\\u{2060}") && !source.unicodeScalars.contains("\u{2060}"))
    }

    /// "This is done by Neighbourhood police (wijkagenten)": a group's name keeps its capital,
    /// so the sentence is built for it; "It helps with 2 actions" for plural groups.
    @Test func englishReadsAsWritten() throws {
        let page = try ReportFixtures.community("community-safety-leiden")
        #expect(page.contains("Who does it: neighbourhood police (wijkagenten)."))
        #expect(!page.contains("This is done by"))
        #expect(!page.contains("It helps with") && !page.contains("Its estimates are part of") && !page.contains("It gave its own"))
        #expect(page.contains("Helps with 2 actions."))
        #expect(page.contains("Who does it: neighbourhood police (wijkagenten); it costs") && !page.contains("Done by Neighbourhood"))
        let care = try ReportFixtures.community("adult-social-care-positive-risk")
        #expect(!care.contains("Harrowden Borough Council, Adult Social Care keeps a list"))
        #expect(care.contains("This page explains a list kept by Harrowden Borough Council, Adult Social Care. The list is about what could go wrong"))
    }

    /// Straight quotes from the register stood beside the page's curly ones ('counted under
    /// "Volunteers drop out …"' next to “…”): one style per language.
    @Test func registerQuotesFollowThePage() throws {
        let page = try ReportFixtures.community("community-safety-leiden")
        #expect(page.contains("counted under “Volunteers drop out of Buurtpreventie Noord after the winter” (CS-01)"))
        #expect(!page.contains("\""))
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(!ward.contains("\""))
        #expect(PairedQuotes.curled("a \"b\" c", open: "„", close: "”") == "a „b” c")
        #expect(PairedQuotes.curled("an odd \" quote", open: "“", close: "”") == "an odd \" quote")
        #expect(PairedQuotes.curled("the volunteers' \"rounds\"", open: "“", close: "”") == "the volunteers' “rounds”")
    }
}
