import Foundation
import RegisterModel
@testable import Reporting
import Testing
import TextLayer
import _TestSupport

/// Words a resident new to riskreg stumbled on in the community report: the charts' chance
/// scale ("logarithmic scale", a "1 in 1" tick), two Dutch names for the planned actions, groups
/// "not named on this page" a dozen times with no reason given, capitals from register names
/// in the middle of a sentence, the year written out in full in every part, and a baseline's
/// figure said twice in one paragraph.
@Suite("Community report in residents' words")
struct CommunityResidentWordsTests {

    static func count(_ text: String, _ phrase: String) -> Int { text.components(separatedBy: phrase).count - 1 }

    /// "Chance of more than this (logarithmic scale)" and a top tick of "1 in 1": the scale in
    /// plain words, "certain" at the top, each step down 10 times rarer.
    @Test(arguments: [("en", "Chance of more than this</text>", ">certain</text>", "each step down is 10 times rarer", ">1 in 1</text>"),
                      ("nl", "Kans op meer dan dit</text>", ">zeker</text>", "elke stap omlaag is 10 keer zo zeldzaam", ">1 op 1</text>")])
    func theChanceScaleIsInPlainWords(_ language: String, _ axis: String, _ top: String, _ steps: String, _ oldTop: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language, format: .html)
        #expect(page.contains(axis))
        #expect(page.contains(top) && !page.contains(oldTop))
        #expect(page.contains(steps))
        #expect(!page.lowercased().contains("logarit"), "no logarithmic scale on a residents' page")
        // The board keeps its own axis.
        let board = try ReportFixtures.community("community-safety-leiden", language, format: .html, audience: .board)
        #expect(board.contains(oldTop) && !board.contains(top))
    }

    /// The care report has a gain chart: less than this, on the same scale.
    @Test func theGainChartSaysLessThanThis() throws {
        let care = try ReportFixtures.community("adult-social-care-positive-risk", format: .html)
        #expect(care.contains("Chance of less than this</text>"))
        #expect(!care.contains("(logarithmic scale)"))
    }

    /// The Dutch chart legend said "met de geplande aanpak" beside "zonder maatregelen", and the
    /// figures tables "Met de geplande maatregelen" and "Zonder maatregelen": one name.
    @Test func dutchNamesThePlannedActionsOneWay() throws {
        for format in [ReportOptions.Format.html, .markdown] {
            let page = try ReportFixtures.community("community-safety-leiden", "nl", format: format)
            #expect(!page.contains("Zonder maatregelen") && !page.contains("zonder maatregelen"), "\(format)")
            #expect(!page.contains("Met de geplande maatregelen"), "\(format)")
            #expect(page.contains("Met de geplande aanpak") && page.contains("Zonder de geplande aanpak"), "\(format)")
        }
        let html = try ReportFixtures.community("community-safety-leiden", "nl", format: .html)
        #expect(html.contains("zonder de geplande aanpak</text>") && !html.contains("maatregelen</text>"))
    }

    /// "a group of service users (not named on this page)" a dozen times and never why: one
    /// sentence says it, where those who helped are listed, and the names carry no mark: a mark
    /// after every such name, with the note beside the private entries, read as secrecy.
    @Test(arguments: [("ward-7-patient-partnership", "en", "Groups and organisations are named on this page only where they have agreed to be.", "patients staying on Ward 7", "(not named on this page)"),
                      ("adult-social-care-positive-risk", "en", "Groups and organisations are named on this page only where they have agreed to be.", "a partner organisation", "(not named without their agreement)")])
    func unnamedHelpersAreExplainedOnce(_ name: String, _ language: String, _ note: String, _ mark: String, _ old: String) throws {
        let page = try ReportFixtures.community(name, language)
        #expect(Self.count(page, note) == 1)
        let top = try #require(page.components(separatedBy: "\n## ").first)
        #expect(!top.contains(note), "the note stands where those who helped are listed")
        #expect(ReportFixtures.section(page, "\n## Who helped\n").contains(note))
        #expect(page.contains(mark) && !page.contains(old))
    }

    /// Leiden names everyone who helped, so it has nothing to explain.
    @Test func aPageNamingEveryoneHasNoNote() throws {
        let page = try ReportFixtures.community("community-safety-leiden")
        #expect(!page.contains("(not named)") && !page.contains("(not named without their agreement)"))
        #expect(!(try ReportFixtures.community("community-safety-leiden", "nl")).contains("(niet bij naam genoemd zonder hun toestemming)"))
    }

    /// The Dutch note and mark, where a Leiden group asks not to be named.
    @Test func dutchExplainsAnUnnamedGroup() throws {
        let source = try String(contentsOfFile: TestSupport.path("Registers/community-safety-leiden.yaml"), encoding: .utf8)
        let hidden = source.replacingOccurrences(of: "    kind: partner\n    public: true", with: "    kind: partner\n    public: false")
        #expect(hidden != source)
        let page = try ReportFixtures.render(try ReportFixtures.load(yaml: hidden, file: "leiden.yaml"), format: .markdown, audience: .community,
                                             trials: 2_000, language: "nl")
        // Said once, where the helpers are described, as the English page says it; never a mark
        // after each name, which read as something held back.
        #expect(page.contains("Groepen en organisaties staan op deze pagina alleen met hun naam als ze daarmee hebben ingestemd. Bij de andere staat alleen wat voor groep het is."))
        #expect(page.contains("een partnerorganisatie") && !page.contains("niet bij naam genoemd") && !page.contains("niet genoemd op deze pagina"))
    }

    /// "… and Neighbourhood police (wijkagenten)": a name the register's own text writes in
    /// small letters takes a small letter after the first item of a list; proper names keep
    /// their capitals.
    @Test func namesInsideAListReadMidSentence() throws {
        let page = try ReportFixtures.community("community-safety-leiden")
        #expect(page.contains("Municipality and police: Public order and safety team (team OOV), area coordinator (wijkregisseur) and neighbourhood police (wijkagenten)."))
        #expect(!page.contains("and Neighbourhood police (wijkagenten)"))
        // First in its list, after a label inside a line: mid-sentence too.
        #expect(page.contains("Who does it: neighbourhood police (wijkagenten)"))
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("Westmoor Patient and Carer Council"))
        #expect(!ward.contains("westmoor Patient") && !ward.contains("and trust falls"))
    }

    @Test(arguments: [
        ("Neighbourhood police (wijkagenten)", "the neighbourhood police walk", "neighbourhood police (wijkagenten)"),
        ("Residents' panel", "the residents' panel meets", "residents' panel"),
        ("Neighbourhood police", "Neighbourhood police walk", nil),
        ("Youth workers", "the youth workersgroup", nil),
        ("Westmoor Patient and Carer Council", "westmoor patient", nil),
        ("WhatsApp-buurtpreventie Stevenshof", "whatsapp-buurtpreventie stevenshof", nil),
        ("Ward 7 nursing team", "the ward 7 nursing team", nil),
        ("NHS trust", "the nhs trust", nil),
        ("Slachtofferhulp", "slachtofferhulp", nil),
    ] as [(String, String, String?)])
    func theRuleNeverLowersAProperName(_ name: String, _ prose: String, _ expected: String?) {
        #expect(MidSentenceNames.forms(of: [name], prose: [prose])[name] == expected)
    }

    /// "a list kept by Harrowden Borough Council, Adult Social Care: what could go wrong": the
    /// organisation ends its sentence, so a name with a comma in it reads as a name.
    @Test func theOrganisationEndsItsSentence() throws {
        let care = try ReportFixtures.community("adult-social-care-positive-risk")
        #expect(care.contains("This page explains a list kept by Harrowden Borough Council, Adult Social Care. The list is about what could go wrong"))
        #expect(!care.contains("Adult Social Care: what could go wrong"))
    }

    /// "(April 2027 to March 2028)" in every part: the page opens with the period every figure
    /// is for, so it is written in full there only.
    @Test(arguments: ["adult-social-care-positive-risk", "ward-7-patient-partnership"])
    func thePeriodIsWrittenInFullOnce(_ name: String) throws {
        for format in [ReportOptions.Format.markdown, .html] {
            let page = try ReportFixtures.community(name, format: format)
            #expect(Self.count(page, "(April 2027 to March 2028)") == 1, "\(format)")
            #expect(page.contains("All figures are for the 2027/28 financial year (April 2027 to March 2028)")
                    || page.contains("All figures are for <bdi>the 2027/28 financial year (April 2027 to March 2028)</bdi>"), "\(format)")
            // The register's `period-short` after it: "in 2027/28", never the long form again.
            #expect(Self.count(page, "the 2027/28 financial year") == 1, "\(format)")
            #expect(Self.count(page, "in 2027/28") + Self.count(page, "in <bdi>2027/28</bdi>") > 1, "\(format): the short name after it")
        }
    }

    /// "… 2.100 uur … Vergeleken met het plan voor 2027 (2.100 uur).": a description that
    /// already gives the baseline's figure is not followed by it again.
    @Test(arguments: [("en", "counted from the 2027 plan (2,100 hours)", "the 2027 plan of 2,100 hours"),
                      ("nl", "afgezet tegen het plan (2.100 uur)", "het plan voor 2027 van 2.100 uur")])
    func aBaselineFigureIsSaidOnce(_ language: String, _ repeated: String, _ said: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        #expect(!page.contains(repeated))
        #expect(page.contains(said))
    }

    /// "Overspend on care and support: chance within the limit" read as how things stand today, when
    /// it is the figure under the proposed option, still to be chosen: the limits' part says
    /// which option its figures assume, right under its heading.
    @Test(arguments: [("adult-social-care-positive-risk", "en", "## Are things within the limits that were set?\n\nThe figures in this part assume “Shared Lives”, one of the options still to be chosen, not how things are today."),
                      ("community-safety-leiden", "nl", "De cijfers in dit deel gaan uit van „Doorgaan met de avondrondes”, dus van de manier waarop het nu gaat.")])
    func theLimitsSayWhichOptionTheirFiguresAssume(_ name: String, _ language: String, _ expected: String) throws {
        let page = try ReportFixtures.community(name, language)
        #expect(page.contains(expected), "\(page.prefix(3_000))")
        let html = try ReportFixtures.community(name, language, format: .html)
        #expect(html.contains("<p>" + (language == "en" ? "The figures in this part assume" : "De cijfers in dit deel gaan uit van")))
    }
}
