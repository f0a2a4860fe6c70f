import Foundation
@testable import Reporting
import Testing
import _TestSupport

/// Slips a resident stopped at on the community pages: a chance called "fewer than" or
/// "almost certain", counted things that are "less", harm "to" incidents, a group whose
/// patients seemed unnamed, and Dutch that no municipality writes: one long clause repeated in
/// every option, telegraphic lines, tooltips without what a figure is counted from, and a
/// grade that reads "100% of meer van 1 persoon".
@Suite("Community report wording slips")
struct CommunityWordingSlipsTests {

    static func count(_ text: String, _ phrase: String) -> Int { text.components(separatedBy: phrase).count - 1 }

    /// A chance is an amount: "less than 1 in 1,000", never "the chance is fewer than".
    @Test func aSmallChanceIsLessThan() throws {
        let page = try ReportFixtures.community("community-safety-leiden")
        #expect(page.contains("We think the chance is less than 1 in "), "\(page.prefix(3_000))")
        #expect(!page.contains("chance is fewer than"))
        #expect(!page.contains("fewer than 1 in 1,000"))
        #expect(!page.contains("fewer than 1 in 100"))
    }

    /// What is counted is fewer; hours stay less.
    @Test func countedThingsAreFewer() throws {
        let page = try ReportFixtures.community("community-safety-leiden")
        #expect(page.contains("incidents fewer in “Burglaries and street robberies”"))
        #expect(page.contains("incidents fewer than the forecast"))
        #expect(!page.contains("incidents less"))
        #expect(page.contains("hours less than the 2027 plan"))
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(dutch.contains("incidenten minder bij „Inbraken en straatroven”"))
    }

    /// "We think the chance is almost certain": a chance is not certain; what happens is.
    @Test func almostCertainIsSaidOfWhatHappens() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("We think it is almost certain: more than 99 in 100"))
        #expect(!ward.contains("We think the chance is almost certain"))
    }

    /// "The harm to “Patient safety incidents…”" was harm to incidents.
    @Test func harmIsNotDoneToAnOutcome() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(!ward.contains("the chance of the harm to “"))
        #expect(ward.contains("The limit: in 2027/28, the chance of “Patient safety incidents with moderate or greater harm” (“Patient safety incidents” below) going more than 4 incidents above the ward's usual level, counting the harm alone, should be at most 5 in 100."))
    }

    /// "A group of patients on Ward 7 (not named)" read as if the patients were unnamed: the
    /// group's name is what is not given.
    @Test func anUnnamedGroupIsAGroupWhoseNameIsNotGiven() throws {
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("patients staying on Ward 7"))
        #expect(!ward.contains("(not named)"))
        #expect(ward.contains("Groups and organisations are named on this page only where they have agreed to be."))
    }

    /// "kans op meer dan € 50.000 die niet door de begroting 2027 wordt gedekt" in every
    /// option: said once, where the limit is given, and shortly after that.
    @Test func dutchSaysTheUncoveredCostsOnce() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!dutch.contains("wordt gedekt"))
        #expect(dutch.contains("in 2027 uitkomt op meer dan € 50.000 boven de begroting, mag hooguit"))
        #expect(dutch.contains("kans op meer dan € 50.000 boven de begroting: "))
        #expect(Self.matches(dutch, #"ongeveer € [0-9.]+ boven de begroting\n"#))
    }

    /// "Als het gebeurt, gemiddeld:" and "Kans: 4 op 100 (4%) in 2027." were notes, not
    /// sentences.
    @Test func dutchEntryLinesAreSentences() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!dutch.contains("Als het gebeurt, gemiddeld:"))
        #expect(!dutch.contains("- Kans: "))
        #expect(Self.matches(dutch, #"- De kans dat het in 2027 gebeurt: [0-9]+ op 100 \([0-9]+%\)\."#))
        #expect(Self.matches(dutch, #"- Als het gebeurt, betekent dat gemiddeld ongeveer [0-9.]+ uur minder bij „Vrijwilligersuren op straat”\."#))
    }

    /// "Gemeente en politie: gemiddeld 1,8 incidenten" on an outcome counted above the police
    /// forecast read as 1.8 burglaries in all.
    @Test func dutchTooltipsSayWhatACountIsCountedFrom() throws {
        let html = try ReportFixtures.community("community-safety-leiden", "nl", format: .html)
        #expect(Self.matches(html, #"<title>Gemeente en politie: gemiddeld [0-9,]+ incidenten (meer|minder) dan de prognose van de politie"#))
        #expect(!Self.matches(html, #"<title>[^<]*: gemiddeld [0-9,]+ incidenten</title>"#))
    }

    /// "Zeer groot (100% of meer van 1 persoon)" and "minstens de maatstaf van 1 persoon": the
    /// grade says its yardstick as a municipality would.
    @Test func dutchGradeSaysTheYardstick() throws {
        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!dutch.contains("100% of meer van"))
        #expect(dutch.contains("Zeer groot (1 persoon of meer)"))
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
