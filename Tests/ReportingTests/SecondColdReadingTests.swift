import Foundation
import Reporting
import Testing
import _TestSupport

/// What a second committee member, new to riskreg, found contradictory or unclear in the
/// example board reports, each checked on the reports as the shipped templates render them.
@Suite("Board reports read cold, second reading", .serialized)
struct SecondColdReadingTests {
    static func report(_ name: String) throws -> String { try ColdReadingTests.report(name) }

    /// The sentence that starts with `prefix`, up to its paragraph's end.
    static func paragraph(_ text: String, startingWith prefix: String) -> String? {
        guard let start = text.range(of: "\n" + prefix) else { return nil }
        let rest = text[start.lowerBound...].dropFirst()
        return String(rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)])
    }

    /// "Not consulted" listed entries that citizens co-assessed (AS-07 with the Making It Real
    /// board, W7-09 with Ward 7 inpatients), and entries a perspective naming no contributors
    /// estimated without saying so.
    @Test func entriesJudgedWithoutCitizensAreThoseNoCitizenJudged() throws {
        let care = try #require(Self.paragraph(try Self.report("adult-social-care-positive-risk"), startingWith: "Judged without service users"))
        #expect(!care.contains("AS-07"), "\(care)")
        #expect(!care.contains("AS-06") && !care.contains("names no contributors"), "family carers speak through the Carers Centre: \(care)")
        // A perspective that names no contributors is said to.
        var anonymous = try ReportFixtures.load("adult-social-care-positive-risk")
        let k = try #require(anonymous.perspectives.firstIndex { $0.id == "family-carers" })
        anonymous.perspectives[k].contributors = []
        let board = try ReportFixtures.render(anonymous, format: .markdown, audience: .board, trials: 2_000)
        let without = try #require(Self.paragraph(board, startingWith: "Judged without service users"))
        #expect(without.contains("Family carers estimated AS-06 and AS-12 too, but names no contributors"), "\(without)")
        let ward = Self.paragraph(try Self.report("ward-7-patient-partnership"), startingWith: "Judged without service users") ?? ""
        #expect(!ward.contains("W7-09"), "\(ward)")
        for name in ReportFixtures.examples { #expect(!(try Self.report(name)).contains("Not consulted"), "\(name)") }
    }

    /// "Mostly volunteered" beside a row where staff carry 100% of the protection: an outcome is
    /// flagged only where citizens carry more of it than staff, partners or the organisation.
    @Test func protectionRestsMostlyOnCitizensOnlyWhereTheyCarryTheMost() throws {
        let care = try Self.report("adult-social-care-positive-risk")
        let wellbeing = try #require(care.split(separator: "\n").first { $0.hasPrefix("| Wellbeing of people taking part") && $0.contains("% |") })
        #expect(!wellbeing.contains("rests mostly on"), "\(wellbeing)")
        #expect(!care.contains("Most of the protection of Wellbeing"))
        for name in ReportFixtures.examples { #expect(!(try Self.report(name)).contains("volunteered"), "\(name)") }
        let leiden = try Self.report("community-safety-leiden")
        #expect(leiden.contains("rests on community groups and service users, paid or not"))
    }

    /// "Too close to call: 0" above a table whose cell reads "Within appetite (too close to call)":
    /// the count is the headline's and says so, and every statement too close to call on a
    /// perspective's own estimates is named beside it. Checked on the shipped examples (20,000
    /// trials), where Family carers' safeguarding verdict is too close to call.
    @Test func theTooCloseCountAgreesWithTheCells() throws {
        var perspectiveCells = 0
        for name in ReportFixtures.examples {
            let text = try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-board.md"), encoding: .utf8)
            let summary = try #require(text.split(separator: "\n").first { $0.hasPrefix("Outside appetite:") }).description
            let rows = text.split(separator: "\n").drop { !$0.hasPrefix("| Outcome | Headline (pooled)") }.dropFirst(2).prefix { $0.hasPrefix("| ") }
            var headlineClose = 0
            for row in rows {
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if cells[1].contains("too close to call") { headlineClose += 1; continue }
                if cells.dropFirst(2).contains(where: { $0.contains("too close to call") }) {
                    perspectiveCells += 1
                    #expect(summary.contains("Too close to call on a perspective’s own estimates") && summary.contains(cells[0]), "\(name): \(summary)")
                }
            }
            #expect(summary.contains("Too close to call on the headline figures: \(headlineClose)."), "\(name): \(summary)")
        }
        #expect(perspectiveCells > 0)
        // What it means, with its threshold, in the glossary.
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("- **Too close to call:** A verdict is too close to call when the simulated chance lies within two standard errors"))
    }
}
