import Foundation
import Reporting
import Testing
import _TestSupport

/// The board report's decision page where it weighs one thing against another: the published
/// verdict against the board's, a lever against the statements it would break, an option
/// against the one whose chances it shares, and harm avoided against money. Checked on the
/// shipped example board reports (20,000 trials) and on small registers.
@Suite("Board report: trade-offs said in full")
struct BoardTradeOffWordsTests {
    static func example(_ name: String, _ audience: String = "board") throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-\(audience).md"), encoding: .utf8)
    }

    static func decisionPage(_ name: String) throws -> String { ThirdColdReadingTests.decisionPage(try example(name)) }

    /// "Its figures … differ from this report’s" let a committee publish "within the limit" and
    /// minute "outside appetite" for the same statement: the banner names the statement, with
    /// the chance and verdict the public page shows — the community report's own figure — and
    /// this report's.
    @Test func theBannerSaysWhereThePublishedVerdictReadsTheOtherWay() throws {
        let board = try Self.example("adult-social-care-positive-risk")
        let banner = try #require(board.split(separator: "\n").first { $0.hasPrefix("> **Not for publication") })
        let match = try #require(banner.firstMatch(of:
            /The verdict differs too: on Safeguarding enquiries the public page shows a chance of ([^,]+), within the limit; this report shows ([0-9.]+%), outside appetite\./),
            "\(banner)")
        // The public figure is the one the community page gives for the same limit.
        let community = try Self.example("adult-social-care-positive-risk", "community")
        let limit = ReportFixtures.section(community, "### Safeguarding enquiries: chance within the limit")
        #expect(limit.contains("We think the chance is \(match.1). That chance is within the limit."), "\(limit)")
        // And this report's figure is its headline verdict on the statement.
        #expect(ThirdColdReadingTests.decisionPage(board).contains("| Outside appetite: \(match.2) |"))
        // Ward 7's confidential entry moves no verdict: only the figures differ.
        #expect(!(try Self.example("ward-7-patient-partnership")).contains("The verdict differs too"))
    }
}
