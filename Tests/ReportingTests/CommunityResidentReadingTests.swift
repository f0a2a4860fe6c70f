import Foundation
import RegisterModel
import Reporting
import Scoring
import Testing
import _TestSupport

/// What a resident new to riskreg stumbled on in the residents' pages, read in English and in
/// Dutch: verdicts said sixteen times in one sentence, money "that the 2027 budget does not
/// cover" twenty times, an activity's chance that read as the activity itself going wrong, two
/// parts of a sum without "and", and Dutch that a municipality would not publish.
@Suite("A resident's reading of the community pages", .serialized)
struct CommunityResidentReadingTests {
    static func page(_ name: String, _ language: String = "en") throws -> String {
        try ReportFixtures.community(name, language)
    }

    /// The part of a page between two level-2 headings.
    static func part(_ page: String, from start: String, to end: String) throws -> String {
        let a = try #require(page.range(of: start), "no \(start)")
        let b = try #require(page.range(of: end, range: a.upperBound..<page.endIndex), "no \(end)")
        return String(page[a.upperBound..<b.lowerBound])
    }

    /// The text of one entry's section, from its heading to the next.
    static func entry(_ page: String, _ id: String) throws -> String {
        let start = try #require(page.range(of: #"### [^\n]* \(\#(id)\)\n"#, options: .regularExpression), "no entry \(id)")
        return String(page[start.upperBound...]).components(separatedBy: "\n### ").first ?? ""
    }

    static func count(_ text: String, _ phrase: String) -> Int {
        text.components(separatedBy: phrase).count - 1
    }

    /// Each option's list closed every limit with the headline's whole sentence: "Die kans blijft
    /// binnen de grens" read twelve times on the Dutch page. The list says its verdict briefly.
    @Test func theOptionsListSaysEachVerdictBriefly() throws {
        let dutch = try Self.part(try Self.page("community-safety-leiden", "nl"), from: "## De varianten naast elkaar", to: "## Wat er kan gebeuren")
        #expect(dutch.contains("toegestaan: hooguit 10 op 100. Binnen de grens."), "\(dutch)")
        #expect(!dutch.contains("Die kans blijft binnen de grens"))
        let english = try Self.part(try Self.page("community-safety-leiden"), from: "## The options side by side", to: "## What could happen")
        #expect(english.contains("accepted: at most 20 in 100. Within the limit."), "\(english)")
        #expect(!english.contains("That chance is within the limit"))
    }

    /// Money beyond a budget is said as money over it: "€50,000 that the 2027 budget does not
    /// cover" came twenty times, and the Dutch "€ 50.000 die niet door de begroting 2027 wordt
    /// gedekt" put a plural amount with a singular verb.
    @Test func moneyBeyondABudgetIsMoneyOverIt() throws {
        let english = try Self.page("community-safety-leiden")
        #expect(!english.contains("does not cover"))
        #expect(english.contains("comes to more than €50,000 over the 2027 budget should be at most 10 in 100"), "\(english.prefix(3_000))")
        let dutch = try Self.page("community-safety-leiden", "nl")
        #expect(!dutch.contains("wordt gedekt"))
        #expect(dutch.contains("uitkomt op meer dan € 50.000 boven de begroting, mag hooguit 10 op 100 zijn"), "\(dutch.prefix(3_000))")
    }

    /// "Evening rounds by volunteers … How likely it is to go wrong: 22 in 100 … If it happens"
    /// read as the rounds being the harm. An activity's chance is of its going wrong in the way
    /// its description says, and what follows is what going wrong brings.
    @Test func anActivitysChanceIsOfItsGoingWrong() throws {
        let page = try Self.page("community-safety-leiden")
        let rounds = try Self.entry(page, "CS-05")
        #expect(rounds.contains("How likely it is that this activity goes wrong in 2027, in the way described above: "), "\(rounds)")
        #expect(rounds.contains("- If it goes wrong, on average: "), "\(rounds)")
        let dropOut = try Self.entry(page, "CS-01")
        #expect(dropOut.contains("- If it happens, on average: "), "\(dropOut)")
        let dutch = try Self.entry(try Self.page("community-safety-leiden", "nl"), "CS-05")
        #expect(dutch.contains("Als het misgaat, betekent dat gemiddeld"), "\(dutch)")
    }

    /// "made up of about 4 incidents more with …, about 6 incidents fewer with …": two parts read
    /// as a broken list without "and".
    @Test func twoPartsOfASumAreJoinedWithAnd() throws {
        let english = try Self.page("community-safety-leiden")
        let together = try Self.part(english, from: "### Rounds and cameras together", to: "## What could happen")
        #expect(Self.matches(together, #"made up of [0-9]+ more under “Keep the evening rounds” to start with and [0-9]+ fewer with CS-06"#),
                "\(together)")
        let dutch = try Self.page("community-safety-leiden", "nl")
        #expect(Self.matches(dutch, #"opgebouwd uit het startpunt „Doorgaan met de avondrondes” \([0-9]+ meer\) en [0-9]+ minder met CS-06"#))
    }

    /// Dutch as a municipality publishes it: "meer", not an emphatic "meer"; one word for an
    /// estimate; "door loting"; and an impact table whose two chance columns are told apart.
    @Test func theDutchPageUsesOneWordForEachThing() throws {
        let dutch = try Self.page("community-safety-leiden", "nl")
        #expect(!dutch.contains("méér"))
        #expect(!dutch.contains("inschatting"))
        #expect(!dutch.contains("Inschatting"))
        #expect(!dutch.contains("bij loting"))
        #expect(dutch.contains("door loting gekozen"))
        #expect(dutch.contains("Deze groepen gaven schattingen:"))
        #expect(dutch.contains("| Onderdeel | Kansklasse | Gevolg | Kans op schade |"), "\(dutch.suffix(6_000))")
    }

    /// "(name not given)" read as something held back; the page says why, where it says it.
    @Test func anUnnamedGroupSaysWhyItIsNotNamed() throws {
        let ward = try Self.page("ward-7-patient-partnership")
        #expect(!ward.contains("(name not given)"))
        #expect(ward.contains("Groups and organisations are named on this page only where they have agreed to be."), "\(ward.suffix(8_000))")
    }

    /// The impact table said "yardstick" eleven times and placed entries by "the one where that
    /// harm weighs most against the yardstick".
    @Test func theImpactTableIsIntroducedPlainly() throws {
        let page = try Self.page("community-safety-leiden")
        #expect(!page.contains("yardstick"))
        #expect(!page.contains("weighs most"))
        #expect(page.contains("“Impact” grades that harm against a benchmark set for each outcome"))
    }

    /// "Overall, this harm goes down … But the limit is on the harm the plans themselves cause":
    /// the difference between the net figure and the harm alone needs an everyday example.
    @Test func harmAloneAgainstNetHasAnExample() throws {
        let ward = try Self.page("ward-7-patient-partnership")
        #expect(ward.contains("Think of a new pedestrian crossing that prevents more accidents than it causes"), "\(ward.prefix(6_000))")
    }

    /// "more by less than 1 enquiry from the other one" was read twice: a change under one says
    /// it is slight, and the other is an entry.
    @Test func aChangeUnderOneIsSlight() throws {
        let care = try Self.page("adult-social-care-positive-risk")
        #expect(!care.contains("more by less than"))
        #expect(!care.contains("from the other one,"))
        #expect(care.contains("slightly more (less than 1 enquiry) from the other entry, “"), "\(care.prefix(20_000))")
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
