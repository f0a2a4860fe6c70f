import Foundation
import Reporting
import Testing
import _TestSupport

/// Words readers stumbled on in tables and small phrases: "Trials" as a column of the board's
/// histograms where the rest of the page says "simulated years", a limit "over it" where it is
/// the chance that goes over, and Dutch tables saying "hoogstens" beside "hooguit" in the text.
@Suite("Plain table words")
struct PlainTableWordsTests {
    @Test func theBoardsHistogramsCountSimulatedYears() throws {
        let page = try ReportFixtures.example("ward-7-patient-partnership", .board)
        #expect(page.contains("| Simulated years |"))
        #expect(!page.contains("| Trials |"))
    }

    @Test func aLimitIsBrokenNotOver() throws {
        let page = try ReportFixtures.community("adult-social-care-positive-risk")
        #expect(page.contains("can change whether a limit is kept or an aim met"))
        #expect(!page.contains("can be over it"))
    }

    @Test func dutchSaysHooguitThroughout() throws {
        let page = try ReportFixtures.community("community-safety-leiden", "nl")
        #expect(page.contains("hooguit"))
        #expect(!page.contains("hoogstens"))
    }
}
