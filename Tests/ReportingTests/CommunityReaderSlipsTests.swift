import Foundation
import Reporting
import Testing
import _TestSupport

/// Slips a resident found in the residents' pages, in Dutch and in English: "schade aan
/// „Schade aan mensen…”", "wat een heel slecht jaar … oplevert" for a loss, the limit said to
/// include a cost where it is the chance that does, "de laatste kolommen" and "the last rows"
/// for one column or one row, and "een keer dat" beside "een keer waarin".
@Suite("Community reader slips")
struct CommunityReaderSlipsTests {
    @Test func theDutchImpactTableReadsAsDutch() throws {
        let nl = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!nl.contains("bij de schade aan „Schade"))
        #expect(nl.contains("worden CS-02 en CS-04 getoond met hun gevolg voor „Schade aan mensen”"))
        #expect(!nl.contains("zonder de geplande aanpak oplevert"))
        #expect(nl.contains("uur: de schade in een heel slecht jaar (1 op 20) zonder de geplande aanpak, volgens de tabel van die uitkomst hierboven"))
    }

    @Test(arguments: [("en", "so the chance given above for it already includes this cost."),
                      ("nl", "Ze zijn dus al meegeteld in de kans hierboven.")])
    func itIsTheChanceThatIncludesTheOptionsCost(language: String, phrase: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        #expect(page.contains(phrase))
        #expect(!page.contains("the limit on it above already includes") && !page.contains("De grens daarvoor hierboven"))
    }

    /// Each group's table has one column per limit or aim on the outcome; the chart's table
    /// one row per limit or aim. Leiden's outcomes each have one.
    @Test(arguments: [("en", "The last column gives each group's chance for the limit or aim on this outcome.", "The last row gives the limit or aim set for this outcome"),
                      ("nl", "De laatste kolom geeft voor elke groep de kans die bij de grens of het doel voor deze uitkomst hoort.", "De laatste rij geeft de grens of het doel. ")])
    func oneColumnAndOneRowAreSingular(language: String, column: String, row: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        #expect(page.contains(column))
        #expect(!page.contains("The last columns") && !page.contains("laatste kolommen"))
        #expect(page.contains(row))
        #expect(!page.contains("The last rows") && !page.contains("De laatste rijen"))
    }

    @Test func theDutchSquaresAreTimesInWhichSomethingHappens() throws {
        let nl = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(!nl.contains("is een keer dat"))
        #expect(nl.contains("Elk gekleurd hokje staat voor één keer dat „Vrijwilligersuren op straat” niet boven het plan uitkomt"))
    }
}
