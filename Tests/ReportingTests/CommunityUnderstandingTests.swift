import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// What a Leiden Noord resident, someone who draws on care and a ward carer could not
/// understand in the community reports, each checked on the
/// reports as the shipped templates render them.
@Suite("Community reports a resident can understand", .serialized)
struct CommunityUnderstandingTests {

    static func matches(_ text: String, _ pattern: String) -> Bool { ReportFixtures.matches(text, pattern) }

    static func section(_ page: String, _ heading: String) -> String { ReportFixtures.section(page, heading) }

    /// Whether an entry's "All told" line, if it has one, says something its gain line does not:
    /// a harm that leaves the rounded gain as it is gets no such line. (AS-05's saving, counted
    /// above what the plan already counts on, is near a rounding edge, so the line may come or go
    /// with the seed; the rule is what is tested.)
    static func allToldAddsSomething(_ section: String) -> Bool {
        let gain = section.firstMatch(of: /What is saved [^:]*: about (£[0-9,]+) saved/)?.output.1
        guard let allTold = section.firstMatch(of: /All told, on average: about (£[0-9,]+) saved/)?.output.1 else { return true }
        return gain != nil && gain != allTold
    }

    /// "0,153 personen" and "3,74 incidenten" in the options read as parts of people and a
    /// precision nobody has: a count is said in whole numbers with "ongeveer", and one that
    /// averages under one a year as how often it comes.
    @Test func optionAveragesAreWholeNumbersOrFrequencies() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        let options = Self.section(dutch, "\n## De varianten naast elkaar")
        #expect(!options.isEmpty)
        #expect(!Self.matches(options, #"[0-9],[0-9]+ (incidenten|personen|uur)"#), "\(options)")
        #expect(Self.matches(options, #"ongeveer 1 persoon in de [0-9]+ jaar"#), "\(options)")
        #expect(Self.matches(options, #"ongeveer [0-9]+ incidenten (meer|minder) dan de prognose"#), "\(options)")
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        let wardOptions = Self.section(ward, "\n## The options side by side")
        #expect(!Self.matches(wardOptions, #"[0-9]\.[0-9]+ (incidents|patients|days|hours)"#), "\(wardOptions)")
        #expect(Self.matches(wardOptions, #"about 1 patient every [0-9]+ years"#), "\(wardOptions)")
    }

    /// "Gewoon jaar … 0,320" in the detail tables: one year's figure for a count is whole, and
    /// the average row says it is an average over many possible years.
    @Test func aYearsFigureForACountIsWhole() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        for row in dutch.split(separator: "\n") where row.hasPrefix("| Gewoon jaar") || row.hasPrefix("| Slecht jaar") || row.hasPrefix("| 50 op 100") {
            if row.contains("€") { continue }
            #expect(!Self.matches(String(row), #"\| -?[0-9.]*[0-9],[0-9]+ "#), "\(row)")
        }
        #expect(dutch.contains("| Gemiddelde over veel mogelijke jaren |"))
        #expect(!dutch.contains("in een slecht jaar (1 op 10) 26,9 incidenten"))
    }

    /// The likelihood and consequence table ranked a passer-by wrongly accused below volunteers
    /// quitting, by its money alone: an entry is placed by the outcome where its harm weighs
    /// most, and the table says so.
    @Test func theConsequenceTableCountsPeopleToo() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        let row = try #require(dutch.split(separator: "\n").first { $0.contains("(CS-02) |") && $0.hasPrefix("| Een voorbijganger") })
        #expect(row.contains("persoon"), "\(row)")
        #expect(!row.contains("| Aanzienlijk |") && !row.contains("| Matig |"), "\(row)")
        #expect(dutch.contains("Veroorzaakt een onderdeel schade aan mensen én kost het geld, dan staat het bij de schade aan mensen"))
        let english = try ReportFixtures.community("community-safety-leiden", "en")
        #expect(english.contains("An entry that harms people as well as money is shown by its harm to people"))
    }

    /// The care options showed the same hours, points and enquiries under a care home and under
    /// Shared Lives, and a reader took it for a finding: where figures are the same under every
    /// option, the page says the list does not work out how the options change them.
    @Test func optionsSayWhatIsNotWorkedOutPerOption() throws {
        let care = try ReportFixtures.community("adult-social-care-positive-risk")
        let payments = Self.section(care, "\n### People employ their own PAs with a direct payment (AS-05)")
        #expect(!payments.isEmpty && Self.allToldAddsSomething(payments), "an All told line only where the harm moves the rounded gain: \(payments)")
        let options = Self.section(care, "\n## The options side by side")
        // The options now change money, hours, wellbeing and safeguarding: no line says the
        // figures are the same under every option.
        #expect(!options.contains("are the same under every option"), "\(options)")
    }

    /// Ward 7: all three options were over the harm limit, and the page never said that none
    /// of them meets it.
    @Test func optionsSayWhenNoneKeepsALimit() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        let options = Self.section(ward, "\n## The options side by side")
        #expect(options.contains("None of the options keeps “Patient safety incidents with moderate or greater harm” within its limit."), "\(options)")
        #expect(!options.contains("None of the options keeps “Costs beyond the ward budget”"))
    }

    /// Codes were referred to ("CS-12") but never shown on the items.
    @Test func everyItemShowsItsCode() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(dutch.contains("### Vrijwilligers van Buurtpreventie Noord haken na de winter af (CS-01)\n"))
        #expect(dutch.contains("### Stoppen met vaste rondes (CS-12)\n"))
        let html = try ReportFixtures.community("community-safety-leiden", "nl", format: .html)
        #expect(html.contains("<h3 dir=\"auto\">Stoppen met vaste rondes <span class=\"code\">(CS-12)</span></h3>"), "\(html)")
    }

    /// The detail tables said "bedrag" and "verlies" of burglaries and hours, and "kans op
    /// nettowinst" in the text above a column headed "Kans op een netto-afname".
    @Test func detailWordsFollowTheUnit() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        let detail = Self.section(dutch, "\n## Voor wie het precies wil weten")
        let burglaries = Self.section(detail, "\n### Woninginbraken en straatroven in het convenantgebied")
        #expect(!burglaries.isEmpty)
        for word in ["bedrag", "verlies", "Verlies", "nettowinst"] {
            #expect(!burglaries.contains(word), "\(word) in \(burglaries)")
        }
        let hours = Self.section(detail, "\n### Vrijwilligersuren op straat")
        #expect(!hours.contains("bedrag"), "\(hours)")
        #expect(!detail.contains("het verlies in een slecht jaar (1 op 10) en de kans op nettowinst"), "\(detail)")
    }

    /// Items with nothing done about them said their helpers were involved "in carrying out";
    /// an item with no chance (the planned result of an option) had an empty picture in HTML.
    @Test func noEmptyPictureAndNoActionWords() throws {
        let html = try ReportFixtures.community("community-safety-leiden", "nl", format: .html)
        // The entry's own article (an option card above may name it too).
        let planned = try #require(html.components(separatedBy: "<article class=\"risk\"").dropFirst().first { $0.contains("(CS-12)") })
        #expect(!planned.contains("icon-array"), "\(planned)")
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        for entry in Self.section(dutch, "\n## Wat er kan gebeuren").components(separatedBy: "\n### ").dropFirst()
        where !entry.contains("Wat doen we eraan?") {
            #expect(!entry.contains("Betrokken bij de uitvoering"), "\(entry)")
        }
    }

    /// The footer's command and "libyaml 0.2.5" meant nothing to residents: they are told whom
    /// to ask for the file to check the figures, and the command follows for those who use
    /// riskreg (in HTML folded away).
    @Test func theFooterSaysWhomToAsk() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        let footer = Self.section(dutch, "\n## Deze cijfers narekenen")
        let ask = try #require(footer.range(of: "U kunt Gemeente Leiden om een kopie vragen"))
        let tool = try #require(footer.range(of: "> **Voor wie riskreg gebruikt:**"))
        #expect(ask.upperBound <= tool.lowerBound)
        #expect(footer[..<tool.lowerBound].contains("libyaml") == false)
        let html = try ReportFixtures.community("ward-7-patient-partnership", format: .html)
        #expect(Self.matches(html, #"<p>Every figure on this page comes from one file[^<]*You can ask [^<]+ for a copy[^<]*</p>\s*<details><summary>For those who use riskreg</summary>"#))
    }

    /// "More than 1 patient worse than planned" read as if some patients' details were planned
    /// to be overheard: a count that can only rise is "2 patients or more".
    @Test func aCountFromNothingIsNotWorseThanPlanned() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("The limit: the chance of “Patients whose confidential information is overheard” (“Patients overheard” below) coming to 2 patients or more in 2027/28 should be at most 10 in 100."), "\(ward)")
        #expect(!ward.contains("1 patient worse than planned"))
    }

    /// "Avoids 6.88 incidents of loss" and "16.2 hours of loss": what a response prevents is
    /// said in the outcome's words and in whole numbers.
    @Test func whatAResponsePreventsIsSaidInItsOwnWords() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!Self.matches(dutch, #"incidenten aan verlies|uur aan verlies"#))
        // The community page weighs no action's cost against the harm it prevents: each says
        // whom it protects and what it costs.
        #expect(dutch.contains("het kost € 18.000.\n"), "\(dutch)")
        #expect(!Self.matches(dutch, #"het kost € [0-9.]+ en voorkomt"#))
    }

    /// An entry that said only its title left a carer guessing what it meant.
    @Test func everyWardEntrySaysWhatItIs() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        let entries = Self.section(ward, "\n## What could happen").components(separatedBy: "\n### ").dropFirst()
        #expect(!entries.isEmpty)
        for entry in entries {
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count > 1 && !lines[1].hasPrefix("- "), "no description: \(lines.first ?? "")")
        }
    }

    /// "About 10 incidents more if it goes wrong" beside "about 16 incidents fewer" left a
    /// resident asking which way the evening rounds go: an entry that both harms and benefits
    /// an outcome says what it comes to there, the times it goes wrong counted in.
    @Test func anActivitySaysWhatItComesToAllTold() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        let rounds = Self.section(dutch, "\n### Avondrondes door vrijwilligers (CS-05)")
        #expect(Self.matches(rounds, #"- Per saldo, gemiddeld: ongeveer [0-9]+ incidenten minder bij „Inbraken en straatroven” in 2027, de keren dat het misgaat meegerekend\."#), "\(rounds)")
        let lighting = Self.section(dutch, "\n### Straatverlichting wekenlang kapot op de looproutes (CS-11)")
        #expect(!lighting.isEmpty && !lighting.contains("Per saldo"), "an entry that only harms has nothing to net")
        let care = try ReportFixtures.community("adult-social-care-positive-risk")
        let payments = Self.section(care, "\n### People employ their own PAs with a direct payment (AS-05)")
        #expect(!payments.isEmpty && Self.allToldAddsSomething(payments), "an All told line only where the harm moves the rounded gain: \(payments)")
        #expect(Self.matches(care, #"All told, on average: about £[0-9,]+ saved against the 2027/28 commissioning plan in “Overspend on care and support”, [^#]* in 2027/28, counting"#))
    }

    /// "Volgens Vrijwilligers … 15 op 100 zonder de geplande aanpak" could not be matched with
    /// "Kans: 8 op 100" further down: beside the groups' figures stands the chance the page uses.
    @Test func groupsFiguresStandBesideTheChanceUsed() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(Self.matches(dutch, #"Hoe groot is de kans op „Een vrijwilliger raakt gewond of wordt bedreigd tijdens een avondronde”\? Zonder de geplande aanpak: [0-9]+ op 100 volgens de groep „Vrijwilligers”, [0-9]+ op 100 volgens de groep „Gemeente en politie”, en [0-9]+ op 100 als we de schattingen van beide groepen samen nemen\. Met de geplande aanpak wordt die kans [0-9]+ op 100\. Van dat cijfer gaat deze pagina uit\."#), "\(dutch)")
    }
}
