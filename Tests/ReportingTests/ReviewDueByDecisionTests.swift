import Foundation
import Testing
import _TestSupport

/// "Estimates past their review date: none" was true on the day the figures were made, yet four
/// of the entries Ward 7's falls decision rests on fall due for review on the day of the
/// decision, and Leiden's on the day its board decides. The board page lists the entries whose
/// review falls due between the as-of day and the next decision.
@Suite("Board report: reviews that fall due by the decision")
struct ReviewDueByDecisionTests {
    static func page(_ name: String) throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-board.md"), encoding: .utf8)
    }

    /// Every `review:` date of a register file, with the id of the entry it belongs to.
    static func reviews(_ name: String) throws -> [(id: String, date: String)] {
        let text = try String(contentsOfFile: TestSupport.path("Registers/\(name).yaml"), encoding: .utf8)
        var id = "", found: [(String, String)] = []
        for line in text.split(separator: "\n") {
            if let m = line.firstMatch(of: /^  - id: ([A-Z0-9]+-[0-9]+)$/) { id = String(m.1) }
            if let m = line.firstMatch(of: /^    review: ([0-9-]+)$/) { found.append((id, String(m.1))) }
        }
        return found
    }

    @Test(arguments: [("ward-7-patient-partnership", "2027-01-27", "27 January 2027", "2026-11-30"),
                      ("community-safety-leiden", "2027-01-19", "19 January 2027", "2026-11-30")])
    func theEntriesDueByTheDecisionAreListed(_ name: String, _ decision: String, _ decisionInWords: String, _ asOf: String) throws {
        let page = try Self.page(name)
        let expected = try Self.reviews(name).filter { $0.date >= asOf && $0.date <= decision }
        #expect(expected.count >= 4, "\(name): the example should have entries due by its decision")
        #expect(page.contains("\(expected.count) entries fall due for review by the next decision, on \(decisionInWords): their estimates may change before the board decides."), "\(name)")
        for entry in expected {
            #expect(ReportFixtures.matches(page, "\n- \(entry.id) [^\n]*: review due \(entry.date)\n"), "\(name): \(entry.id)")
        }
        // Nothing due after the decision is listed.
        for entry in try Self.reviews(name) where entry.date > decision {
            #expect(!ReportFixtures.matches(page, "\n- \(entry.id) [^\n]*: review due "), "\(name): \(entry.id)")
        }
    }
}
