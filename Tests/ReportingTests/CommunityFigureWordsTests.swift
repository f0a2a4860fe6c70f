import Foundation
import RegisterModel
@testable import Reporting
import Testing
import TextLayer
import _TestSupport

/// Figures on the residents' pages that a reader took the wrong way: a harm named as the source
/// of a gain, a picture whose filled squares and whose limit were both "the limit", a saving
/// "in" costs outside the budget, "together" figures no one could work out, a figure that "can
/// only rise" from nothing said, and minus signs and odd precision in the groups' tables.
@Suite("Community report: what each figure is, in words that fit it")
struct CommunityFigureWordsTests {
    static func render(_ name: String, _ language: String = "en") throws -> String {
        try ReportFixtures.render(try ReportFixtures.load(name), format: .markdown, audience: .community, trials: 2_000, language: language)
    }

    /// Every example page, with the Leiden one in Dutch too.
    static let pages: [(String, String)] = ReportFixtures.examples.map { ($0, "en") } + [("community-safety-leiden", "nl")]

    // MARK: Where an option's gain comes from

    /// "About 2 incidents less …, all from entries that every option has (the largest here: “A
    /// self-administering patient takes a wrong dose”)" read as if wrong doses prevented
    /// incidents: a gain comes from the activity the entry takes on, named by its code.
    @Test func aGainIsNeverSaidToComeFromAHarmsTitle() throws {
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(!ward.contains("the largest here: “A self-administering patient takes a wrong dose”"))
        #expect(ward.contains("the largest part comes from the activity in W7-01, whose gain outweighs its harm"))
        let care = try Self.render("adult-social-care-positive-risk")
        #expect(!care.contains("all from “Injury during community activities”"))
        #expect(care.contains("all from the activity in AS-09, which every option has: its gain outweighs its harm"))
    }

    /// On no page does an option's average that comes from an activity's gain quote an entry's
    /// title beside it: the code and the activity say it.
    @Test(arguments: pages)
    func aGainFromAnActivityQuotesNoTitle(_ page: (String, String)) throws {
        let text = try Self.render(page.0, page.1)
        let marker = page.1 == "nl" ? "die meer oplevert dan ze aan schade doet" : "its gain outweighs its harm"
        for line in text.split(separator: "\n") where line.contains(marker) {
            let tail = line[try #require(line.range(of: page.1 == "nl" ? "de activiteit in" : "the activity in")).lowerBound...]
            #expect(!tail.contains("“") && !tail.contains("„"), "\(page.0): \(line)")
        }
    }
}
