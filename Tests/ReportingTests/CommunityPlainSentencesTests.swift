import Foundation
@testable import Reporting
import Testing
import _TestSupport

/// Sentences a resident stopped at on the community pages although every figure in them was
/// right: Dutch no municipality writes ("de kans waar de grenzen en doelen over gaan", "het
/// aantal of bedrag", "nettoverlies"), a filled square that was "one time it does not end
/// above", a period that dangled after a budget, "less is better" for incidents, a tail
/// average with no explanation, and a long outcome name quoted in full in every sentence.
@Suite("Community report plain sentences")
struct CommunityPlainSentencesTests {

    static func count(_ text: String, _ phrase: String) -> Int { text.components(separatedBy: phrase).count - 1 }

    /// The group tables' last columns and the impact table's rule, said as a municipality
    /// would: which chance the columns hold, and when an entry is shown by money.
    @Test func dutchDetailSentencesArePlain() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!dutch.contains("de kans waar de grenzen en doelen voor deze uitkomst over gaan"))
        #expect(dutch.contains("De laatste kolom geeft voor elke groep de kans die bij de grens of het doel voor deze uitkomst hoort."))
        #expect(!dutch.contains("Geld staat er alleen bij een onderdeel dat verder geen schade doet."))
        #expect(dutch.contains("Een onderdeel dat alleen geld kost, staat er met een bedrag."))
    }

    /// A yardstick a limit names is a number of incidents or an amount of money, never "het
    /// aantal of bedrag" left for the reader to choose.
    @Test(arguments: [("nl", "25 incidenten: het aantal dat de grens noemt", "€ 50.000: het bedrag dat de grens noemt", "aantal of bedrag"),
                      ("en", "25 incidents: the number its limit names", "€50,000: the amount its limit names", "incidents: the amount")])
    func aYardstickIsANumberOrAnAmount(language: String, count: String, money: String, slip: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        #expect(page.contains(count), "\(page)")
        #expect(page.contains(money))
        #expect(!page.contains(slip))
    }

    /// A filled square of an aim's picture names the outcome: "one time it does not end above
    /// the 2027 plan" left "it" to guess.
    @Test func anAimsPictureNamesWhatFallsShort() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(dutch.contains("Elk gekleurd hokje staat voor één keer dat „Vrijwilligersuren op straat” niet boven het plan uitkomt: "), "\(dutch)")
        #expect(!dutch.contains("een keer dat het niet boven") && !dutch.contains("een keer waarin het niet boven"))
        let english = try ReportFixtures.community("community-safety-leiden")
        #expect(english.contains("Each filled square is one time “Volunteer hours on the street” does not end above the 2027 plan: "))
        #expect(!english.contains("one time it does not end"))
    }

    /// "Netto-afname", "nettoverlies" and "netto-toename" are report words: a Dutch resident
    /// reads "per saldo". A grade says its yardstick plainly: "Zeer groot (1 persoon of meer)".
    @Test func dutchSaysPerSaldoAndGradesPlainly() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        for jargon in ["netto-afname", "nettoverlies", "netto-toename", "minstens de maatstaf van"] {
            #expect(!dutch.contains(jargon), "\(jargon)")
        }
        #expect(dutch.contains("Kans dat het per saldo daalt: "))
        #expect(dutch.contains("Kans dat het per saldo stijgt: "))
        #expect(dutch.contains("| Kans dat het lager uitkomt dan |"))
        #expect(dutch.contains("Zeer groot (1 persoon of meer)"))
        #expect(dutch.contains("Gebeurt CS-02 of CS-04") || dutch.contains("Bij CS-02 en CS-04 is één keer dus al „Zeer groot”."))
        let english = try ReportFixtures.community("community-safety-leiden")
        #expect(english.contains("Severe (1 person or more)"))
        #expect(!english.contains("100% or more of"))
        #expect(!english.contains("Chance of a worse result than"))
    }

    /// "comes to more than €50,000 that the 2027 budget does not cover in 2027": the period
    /// comes first, so nothing dangles after the budget.
    @Test func aBudgetLimitSaysItsPeriodFirst() throws {
        let leiden = try ReportFixtures.community("community-safety-leiden")
        #expect(leiden.contains("The limit: in 2027, the chance that “Overspend on the partnership's 2027 budget” (“Budget overspend” below) comes to more than €50,000 over the 2027 budget should be at most 10 in 100."))
        #expect(!leiden.contains("over the 2027 budget in 2027"))
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("The limit: in 2027/28, the chance that “Costs beyond the ward budget” comes to more than £120,000 over the ward budget should be at most 10 in 100."))
        #expect(!ward.contains("over the ward budget in 2027/28"))
    }

    /// Incidents are fewer, money is less: "incidents; less is better" read as a slip.
    @Test func countedThingsAreFewerInTableHeadings() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("(incidents; fewer is better)"), "\(ward)")
        #expect(!ward.contains("incidents; less is better"))
        #expect(ward.contains("(£; less is better)"))
        let leiden = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(leiden.contains("(incidenten; minder is beter)"))
    }

    /// "Average of the worst 1 in 20 years" is explained in steps before the tables, with the
    /// two figures of the first outcome's table that tell it from a very bad year.
    @Test(arguments: ["en", "nl"])
    func theWorstOneInTwentyIsExplainedFromTheTable(language: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        let detail = ReportFixtures.section(page, language == "en" ? "\n## For those who want the detail" : "\n## Voor wie het precies wil weten")
        let (veryBadRow, worstRow, example) = language == "en"
            ? (#"\| Very bad year \(1 year in 20 is worse\) \| [0-9.,-]+ \| ([0-9.,-]+) \|"#, #"\| Average of the worst 1 in 20 years \| [0-9.,-]+ \| ([0-9.,-]+) \|"#,
               #"gives ([0-9.,-]+) for a very bad year and ([0-9.,-]+) for the average of the worst 1 in 20, with the planned actions"#)
            : (#"\| Een heel slecht jaar \(1 op de 20 jaren is slechter\) \| [0-9.,-]+ \| ([0-9.,-]+) \|"#, #"\| Gemiddelde van de slechtste 1 op de 20 jaren \| [0-9.,-]+ \| ([0-9.,-]+) \|"#,
               #"met de geplande aanpak ([0-9.,-]+) voor een heel slecht jaar en ([0-9.,-]+) voor het gemiddelde van de slechtste 1 op de 20"#)
        func first(_ pattern: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: pattern)
            guard let m = regex.firstMatch(in: detail, range: NSRange(detail.startIndex..., in: detail)) else { return [] }
            return (1..<m.numberOfRanges).map { (detail as NSString).substring(with: m.range(at: $0)) }
        }
        let said = first(example)
        #expect(said.count == 2, "\(detail.prefix(2_500))")
        #expect(said == first(veryBadRow) + first(worstRow))
        #expect(detail.contains(language == "en" ? "put all the possible years in order, from best to worst, and take the worst 1 in 20"
                                                 : "zet alle mogelijke jaren op een rij, van best naar slechtst, en neem de slechtste 1 op de 20"))
    }

    /// "the times played out are a sample" / "de doorgerekende keren zijn een steekproef":
    /// said as what the model does.
    @Test(arguments: [("en", "are a sample", "the model plays out very many possible years, but not all of them"),
                      ("nl", "steekproef", "het model speelt niet alle mogelijke jaren na")])
    func noSampleInTheGroupsNote(language: String, jargon: String, plain: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        #expect(!page.contains(jargon))
        #expect(page.contains(plain))
    }

    /// A long outcome name is written in full once in each part's running text and by the
    /// register's short name (`title-short`) after that: the Dutch name of 15 words came five
    /// times in one paragraph. Headings and bold captions name it in full; the tie to the
    /// short name is given once on the page, higher up, not again here.
    @Test(arguments: [("nl", "Mensen gewond, bedreigd of ten onrechte verdacht bij het werk van het convenant",
                       "Schade aan mensen", "\n## Voor wie het precies wil weten"),
                      ("en", "People hurt, threatened or wrongly accused through the partnership's work",
                       "People harmed through the partnership", "\n## For those who want the detail")])
    func aLongOutcomeNameIsShortAfterItsFirstUse(language: String, full: String, short: String, heading: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        let detail = ReportFixtures.section(page, heading)
        // In full in its heading, its two bold captions and its first use in the text.
        #expect(Self.count(detail, full) == 4, "\(detail)")
        #expect(detail.contains("### " + full))
        #expect(!detail.contains(full + (language == "nl" ? " (hierna: „\(short)”)" : " (“\(short)” below)")), "\(detail)")
        #expect(page.contains(full + (language == "nl" ? "” (hierna: „\(short)”)" : "” (“\(short)” below)")))
        #expect(Self.count(detail, short) >= 4)
        // Each part starts again with the full name.
        let limits = ReportFixtures.section(page, language == "en" ? "\n## Are things within the limits" : "\n## Blijft alles binnen")
        #expect(limits.contains(full))
        // The board's report keeps the register's titles as written.
        let board = try ReportFixtures.example("community-safety-leiden", .board)
        #expect(!board.contains("People harmed through the partnership"))
    }

    /// The terms a reader met unexplained are explained in the register's text where they
    /// first appear: "section 42 enquiries" and "SWEMWBS" in the adult social care register,
    /// the Dutch words in the Leiden register's English text.
    @Test func registerTermsAreExplainedWhereTheyFirstAppear() throws {
        for audience in [ReportOptions.Audience.board, .community] {
            let care = try ReportFixtures.example("adult-social-care-positive-risk", audience)
            let first = try #require(care.range(of: "section 42"))
            #expect(care[first.upperBound...].prefix(40).contains("(the council's formal enquiry"), "\(care[first.lowerBound...].prefix(200))")
            #expect(!care.contains("SWEMWBS scores") && !care.contains("SWEMWBS points"))
            let leiden = try ReportFixtures.example("community-safety-leiden", audience)
            var rest = leiden[...]
            while let r = rest.range(of: "wijkagent") {
                #expect(leiden[leiden.index(before: r.lowerBound)] == "(", "\(leiden[leiden.index(r.lowerBound, offsetBy: -80)..<r.upperBound])")
                rest = leiden[r.upperBound...]
            }
        }
        let page = try ReportFixtures.community("community-safety-leiden")
        let kooi = try #require(page.range(of: "Buurthuis De Kooi"))
        #expect(page[..<kooi.lowerBound].hasSuffix("the community centre "))
    }
}
