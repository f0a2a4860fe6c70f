import Foundation
import RegisterModel
@testable import Reporting
import Testing
import TextLayer
import _TestSupport

/// What a resident new to riskreg could not use on the community pages: table titles turned
/// word for word from English, gains with a minus sign under "not reached", figures to three
/// digits ("0.974 incidents"), a cost called a loss, marks for "harm alone" where nothing gains
/// anything, a footer written for the tool, and a capital in the middle of a line.
@Suite("Community report: words and figures a resident can use")
struct CommunityPlainReadingTests {

    /// The figure with `id` in `html`.
    static func figure(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<figure id=\"\(id)\""))
        let end = try #require(html[start.upperBound...].range(of: "</figure>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Every tooltip in `html`.
    static func tooltips(_ html: String) -> [String] {
        html.components(separatedBy: "<title>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// "Kans op meer dan elk bedrag", "Kans op meer dan elk aantal" and "Kans dat elk aantal niet
    /// wordt gehaald" are English word for word; the English "Chance of going above each
    /// amount" reads no better.
    @Test(arguments: [
        ("nl", ["**Hoe hoog het kan oplopen: Overschrijding van de convenantbegroting 2027.**",
                "**Hoe hoog het aantal kan oplopen: Woninginbraken en straatroven in het convenantgebied.**",
                "**Hoe laag het aantal kan uitvallen: Vrijwilligersuren op straat.**"],
         ["Kans op meer dan elk bedrag", "Kans op meer dan elk aantal", "elk aantal niet wordt gehaald", "Kans dat het niet wordt gehaald"]),
        ("en", ["**How high it could go: Overspend on the partnership's 2027 budget.**",
                "**How high the number could go: Residential burglaries and street robberies in the partnership area.**",
                "**How low the number could fall: Volunteer hours on the street.**"],
         ["Chance of going above each amount", "Chance of more than each number", "Chance of falling short"]),
    ])
    func detailTitlesReadAsTheLanguageIsWritten(_ language: String, _ titles: [String], _ old: [String]) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        for title in titles { #expect(page.contains(title), "\(language): \(title)") }
        for phrase in old { #expect(!page.contains(phrase), "\(language): \(phrase)") }
        // The board keeps its own titles.
        let board = try ReportFixtures.community("community-safety-leiden", language, audience: .board)
        #expect(!board.contains("Hoe hoog het") && !board.contains("How high it could go"))
    }

    /// "-129" hours under "Kans dat het niet wordt gehaald": a gain's table gives gains as plain
    /// numbers and a figure below zero as the net loss it is, under a heading in the gain's
    /// direction.
    @Test(arguments: [("nl", "| Kans dat het lager uitkomt dan | Zonder: winst (uur) | Met de geplande aanpak: winst (uur) |", "verlies van "),
                      ("en", "| Chance of ending lower than | Without them: gain (hours) | With the planned actions: gain (hours) |", "a net loss of ")])
    func aGainTableHasNoMinusSign(_ language: String, _ header: String, _ loss: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        let start = try #require(page.range(of: header))
        let table = String(page[start.upperBound...]).components(separatedBy: "\n\n")[0]
        #expect(table.split(separator: "\n").count >= 6, "\(table)")
        #expect(!ReportFixtures.matches(table, #"\| -\d"#), "\(table)")
        #expect(table.contains(loss), "\(table)")
    }

    /// "dus die kan alleen stijgen": a municipality says what it means, that the figure never
    /// comes out below zero.
    @Test func dutchSaysACostCanOnlyComeOutHigher() throws {
        let page = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(page.contains("Het komt dus nooit onder nul uit, met of zonder de geplande aanpak."))
        #expect(!page.contains("alleen stijgen"))
    }

    /// "Vrijwilligers: gemiddeld een verlies van € 1.330": a group's average cost is said as the
    /// page says costs, and no tooltip calls money a loss.
    @Test(arguments: [("nl", #"Vrijwilligers: gemiddeld € [\d.]+ boven de begroting"#, "verlies van €"),
                      ("en", #"Volunteers: on average, €[\d,]+ over the 2027 budget"#, "a loss of €")])
    func aGroupsCostIsACost(_ language: String, _ pattern: String, _ old: String) throws {
        let html = try ReportFixtures.community("community-safety-leiden", language, format: .html)
        let tips = Self.tooltips(html)
        #expect(tips.contains { ReportFixtures.matches($0, "^" + pattern + "$") }, "\(tips)")
        #expect(!tips.contains { $0.contains(old) })
        let ward = try ReportFixtures.community("ward-7-patient-partnership", format: .html)
        #expect(!Self.tooltips(ward).contains { $0.contains("a loss of £") })
    }

    /// Money with no baseline that can only cost is "costs of", in a tooltip as elsewhere.
    @Test func moneyWithoutABaselineIsACostInATooltip() throws {
        var register = try ReportFixtures.load("community-safety-leiden")
        let index = try #require(register.outcomes.firstIndex { $0.unit == .money })
        register.outcomes[index].baseline = nil
        let html = try ReportFixtures.render(register, format: .html, audience: .community, trials: 2_000, language: "en")
        #expect(Self.tooltips(html).contains { ReportFixtures.matches($0, #"^Volunteers: on average, costs of €[\d,]+$"#) }, "\(Self.tooltips(html))")
    }

    /// "0.974 incidents", "1.18 patients", "0.403 enquiries", "9,88 incidenten", "0.165 people
    /// on average": no figure that is not money has three significant figures, in words, the
    /// impact table or a tooltip.
    @Test(arguments: [("ward-7-patient-partnership", "en"), ("adult-social-care-positive-risk", "en"),
                      ("community-safety-leiden", "en"), ("community-safety-leiden", "nl")])
    func noFigureIsMorePreciseThanAResidentCanUse(_ name: String, _ language: String) throws {
        let units = #"(incidents?|patients?|enquir(y|ies)|people|person|hours?|points?|days?|incidenten|personen|uur|punten|dagen)"#
        for format in [ReportOptions.Format.markdown, .html] {
            let page = try ReportFixtures.community(name, language, format: format)
            // Three significant figures with a decimal part: 0.974, 1.18, 9.88, 13.7 (0.068 has two).
            for pattern in [#"(?<![\d.,])0[.,][1-9]\d{2} "#, #"(?<![\d.,])[1-9][.,]\d{2} "#, #"(?<![\d.,])[1-9]\d[.,]\d "#] {
                #expect(!ReportFixtures.matches(page, pattern + units), "\(name) \(language) \(format): \(pattern)")
            }
        }
        let html = try ReportFixtures.community(name, language, format: .html)
        for tip in Self.tooltips(html) {
            #expect(!ReportFixtures.matches(tip, #"(?<![\d.,])(0[.,][1-9]\d{2}|[1-9][.,]\d{2}|[1-9]\d[.,]\d)(?![\d%])"#), "\(name) \(language): \(tip)")
        }
        // The glossary says once that the tables are a little finer than the text.
        let page = try ReportFixtures.community(name, language)
        let note = language == "nl" ? "De tabellen hieronder zijn iets preciezer" : "The tables below give a little more"
        #expect(page.components(separatedBy: note).count - 1 == 1)
    }

    /// The rule itself: two significant figures for a count that is not whole, a whole number as
    /// it is, money as ever; the board keeps three.
    @Test func theRoundingRule() throws {
        let register = try ReportFixtures.load("ward-7-patient-partnership")
        let outcome = try #require(register.outcomes.first { $0.unit != .money })
        guard case .other(let unit) = outcome.unit else { return }
        var w = OutcomeWords(register: register, outcome: outcome.id, unit: unit, phrases: .english)
        #expect(w.size(0.974) == "0.974 \(unit)")
        w.wholeYears = true
        #expect(w.size(0.974) == "0.97 \(unit)")
        #expect(w.size(9.88) == "9.9 \(unit)")
        #expect(w.size(403) == "403 \(unit)")
        #expect(w.quantity(1.18) == "1.2 \(unit)")
    }

    /// The people-harmed chart showed "limit on the harm alone" and "harm alone, with the
    /// actions" though nothing in that outcome gains anything: there the limit is an ordinary
    /// diamond on the curves. Ward 7, whose incidents have gains, keeps the marks.
    @Test(arguments: ["en", "nl"])
    func harmAloneIsDrawnOnlyWhereSomethingGains(_ language: String) throws {
        let html = try ReportFixtures.community("community-safety-leiden", language, format: .html)
        let chart = try Self.figure("o4-lec", in: html)
        #expect(!chart.contains("mark-harm") && !chart.contains("dot-res"))
        #expect(!chart.contains("harm alone") && !chart.contains("schade alleen"))
        let label = language == "nl" ? "<title>hooguit een kans van 25 op 100 dat er iemand schade lijdt</title>"
            : "<title>at most 25 in 100 chance that anyone is harmed at all</title>"
        #expect(chart.contains("class=\"mark\"") && chart.contains(label), "\(chart)")
        let ward = try Self.figure("o1-lec", in: try ReportFixtures.community("ward-7-patient-partnership", format: .html))
        #expect(ward.contains("mark-harm") && ward.contains("harm alone, with the planned actions"))
    }

    /// "zonder de aanpak" beside "zonder de geplande aanpak", and a bare "without them" in a
    /// legend: one wording, that stands alone.
    @Test func legendsNameThePlannedActionsOneWay() throws {
        let dutch = try ReportFixtures.community("ward-7-patient-partnership", "nl", format: .html)
        #expect(!dutch.contains("zonder de aanpak") && !dutch.contains("met de aanpak"))
        #expect(dutch.contains(">zonder de geplande aanpak</text>"))
        let english = try ReportFixtures.community("ward-7-patient-partnership", format: .html)
        #expect(!english.contains(">without them</text>"))
        #expect(english.contains(">without the planned actions</text>"))
    }

    /// "Ask … for the published file" and a command line as the sentence a resident must read:
    /// the page says where its figures come from and that anyone gets the same numbers again,
    /// and the command stands apart, marked for those who use riskreg.
    @Test(arguments: [("en", "## Checking these figures", "Every figure on this page comes from one file", "exactly the same numbers", "> **For those who use riskreg:**"),
                      ("nl", "## Deze cijfers narekenen", "Alle cijfers op deze pagina komen uit één bestand", "precies dezelfde cijfers", "> **Voor wie riskreg gebruikt:**")])
    func checkingTheFiguresIsForResidents(_ language: String, _ heading: String, _ source: String, _ same: String, _ marked: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        let footer = ReportFixtures.section(page, "\n" + heading)
        let paragraphs = footer.components(separatedBy: "\n\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let first = try #require(paragraphs.first)
        #expect(first.contains(source) && first.contains(same) && first.contains("30 "), "\(first)")
        #expect(!first.contains("riskreg") && !first.contains("published file") && !first.contains("gepubliceerde"))
        let command = try #require(paragraphs.first { $0.contains("riskreg report") })
        #expect(command.hasPrefix(marked), "\(command)")
    }

    /// "Who does it: Neighbourhood police": after a label inside a line the first name reads
    /// mid-sentence too, where the register's own text writes it so.
    @Test func aNameAfterALabelReadsMidSentence() throws {
        let page = try ReportFixtures.community("community-safety-leiden")
        #expect(page.contains("Who does it: neighbourhood police (wijkagenten)"))
        #expect(!page.contains("Who does it: Neighbourhood police"))
        // A proper name keeps its capital.
        #expect(page.contains("Who helped: Buurtpreventie Noord"))
    }

    /// "a group of service users (not named)" on a hospital page: the register says who they are
    /// in its own words, and the page uses them.
    @Test func anUnnamedGroupIsDescribedInTheRegistersWords() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("Who helped: patients staying on Ward 7, "))
        #expect(!ward.contains("service users (not named)"))
        // Without the register's words, the kind as before.
        let care = try ReportFixtures.community("adult-social-care-positive-risk")
        #expect(care.contains("Who helped: a group of service users, "))
        // The board names everyone.
        let board = try ReportFixtures.community("ward-7-patient-partnership", audience: .board)
        #expect(board.contains("Ward 7 inpatients") && !board.contains("patients on Ward 7 (not named)"))
    }

    /// An `unnamed-as` that contains the contributor's own name would print the name it asked
    /// to keep off the page: the page describes the group by its kind instead.
    @Test func anUnnamedAsThatNamesTheGroupIsNotPrinted() throws {
        let yaml = try String(contentsOfFile: TestSupport.path("Registers/ward-7-patient-partnership.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "unnamed-as: patients staying on Ward 7", with: "unnamed-as: the Ward 7 inpatients' group")
        let page = try ReportFixtures.render(try ReportFixtures.load(yaml: yaml, file: "ward.yaml"), format: .markdown, audience: .community, trials: 500)
        #expect(!page.contains("Ward 7 inpatients"))
        #expect(page.contains("a group of service users"))
    }

    /// The example registers' own slips: a sum that read as a quarter's or a year's, a plan not
    /// in the figures that the committee meets on the day it decides, and a forecast exceeded
    /// with no reason given.
    @Test func theExampleRegistersSayWhatTheirFiguresAssume() throws {
        let care = try String(contentsOfFile: TestSupport.path("Registers/adult-social-care-positive-risk.yaml"), encoding: .utf8)
        let flat = care.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("The plan counts on £100,000 a year of that money"))
        #expect(!flat.contains("direct payment accounts each quarter (AS-05)"))
        #expect(flat.contains("The figures here do not include it. The committee is asked to decide on the plan with the options"))
        let leiden = try String(contentsOfFile: TestSupport.path("Registers/community-safety-leiden.yaml"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(leiden.contains("even with the rounds the figure is expected to end a few incidents above the forecast"))
        #expect(leiden.contains("ook mét de rondes naar verwachting een paar incidenten boven de prognose uit"))
    }

    /// The rounding note gave figures from one example page ("14,700", "0.15 people, 445
    /// hours") on every page, where readers looked for them in vain: its only figures are an
    /// example marked as one.
    @Test(arguments: ReportFixtures.examples)
    func theRoundingNoteGivesNoFigureOfItsOwn(_ name: String) throws {
        let page = try ReportFixtures.community(name)
        let note = try #require(page.split(separator: "\n").first { $0.contains("Rounding:") })
        // The example is one of the page's own averages, or none where none rounds to another number.
        let example = note.range(of: #": for example, it says “[^”]+” for [^ ]+\."#, options: .regularExpression) ?? note.range(of: "Rounding:")!
        let rest = String(note[..<example.lowerBound] + note[example.upperBound...])
        let digits = rest.filter { $0.isNumber }
        #expect(digits.isEmpty, "\(note)")
    }
}
