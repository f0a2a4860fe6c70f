import Foundation
import Reporting
import Testing
import _TestSupport

/// What a committee member new to riskreg would find contradictory or unclear in the example
/// board reports, each checked on the reports as the shipped templates render them.
@Suite("Board reports agree with themselves", .serialized)
struct BoardConsistencyTests {
    static func report(_ name: String) throws -> String { try BoardFirstReadTests.report(name) }

    /// The sentence that starts with `prefix`, up to its paragraph's end.
    static func paragraph(_ text: String, startingWith prefix: String) -> String? {
        guard let start = text.range(of: "\n" + prefix) else { return nil }
        let rest = text[start.lowerBound...].dropFirst()
        return String(rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)])
    }

    /// "Not consulted" listed entries that citizens co-assessed (AS-07 with the Making It Real
    /// board, W7-09 with Ward 7 inpatients).
    @Test func entriesJudgedWithoutCitizensAreThoseNoCitizenJudged() throws {
        let care = try #require(Self.paragraph(try Self.report("adult-social-care-positive-risk"), startingWith: "No service user or community group helped estimate"))
        #expect(!care.contains("AS-07"), "\(care)")
        #expect(!care.contains("AS-06") && !care.contains("names no contributors"), "family carers speak through the Carers Centre: \(care)")
        // A perspective that names no contributors is said to.
        var anonymous = try ReportFixtures.load("adult-social-care-positive-risk")
        let k = try #require(anonymous.perspectives.firstIndex { $0.id == "family-carers" })
        anonymous.perspectives[k].contributors = []
        let board = try ReportFixtures.render(anonymous, format: .markdown, audience: .board, trials: 2_000)
        let without = try #require(Self.paragraph(board, startingWith: "No service user or community group helped estimate"))
        #expect(without.contains("Family carers estimated AS-06 and AS-12 too, but names no contributors"), "\(without)")
        let ward = Self.paragraph(try Self.report("ward-7-patient-partnership"), startingWith: "No service user or community group helped estimate") ?? ""
        #expect(!ward.contains("W7-09"), "\(ward)")
        for name in ReportFixtures.examples { #expect(!(try Self.report(name)).contains("Not consulted"), "\(name)") }
    }

    /// "Mostly volunteered" beside a row where staff carry 100% of the protection: an outcome is
    /// flagged only where citizens carry more of it than staff, partners or the organisation.
    @Test func protectionRestsMostlyOnCitizensOnlyWhereTheyCarryTheMost() throws {
        let care = try Self.report("adult-social-care-positive-risk")
        let wellbeing = try #require(care.split(separator: "\n").first { $0.hasPrefix("| Wellbeing of the people taking part") && $0.contains("% |") })
        #expect(!wellbeing.contains("rests mostly on"), "\(wellbeing)")
        #expect(!care.contains("Most of the protection of Wellbeing"))
        for name in ReportFixtures.examples { #expect(!(try Self.report(name)).contains("volunteered"), "\(name)") }
        let leiden = try Self.report("community-safety-leiden")
        #expect(leiden.contains("rests on community groups and service users, whether volunteers or paid"))
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
                // The row names its statement, then what its chance is of and the limit.
                let statement = String(cells[0].prefix { $0 != ":" })
                if cells[1].contains("too close to call") {
                    headlineClose += 1
                    #expect(summary.contains("Too close to call on the headline figures: ") && summary.contains(statement), "\(name): \(summary)")
                    continue
                }
                if cells.dropFirst(2).contains(where: { $0.contains("too close to call") }) {
                    perspectiveCells += 1
                    // The headline table gives the perspectives that disagree, in the statement's row.
                    #expect(cells.dropFirst(2).contains { $0.contains("too close to call on those of ") }, "\(name): \(row)")
                }
            }
            if headlineClose == 0 { #expect(summary.contains("Too close to call on the headline figures: none."), "\(name): \(summary)") }
        }
        // The shipped examples no longer have a perspective's verdict too close to call in this
        // table; every row that has one is checked above.
        _ = perspectiveCells
        // What it means, with its threshold, in the glossary.
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("- **Too close to call:** A verdict is too close to call when the simulated chance lies so near the board’s limit that another run of the simulation could put it on the other side"))
    }

    /// "Loss (GBP; less is better: the register does not say, so riskreg takes this from the
    /// board's appetite for this outcome)" in every outcome table: the heading says which way is
    /// better plainly, in English and Dutch, and the decision page says once where riskreg took it from.
    @Test func tableHeadingsStateTheDirectionPlainly() throws {
        for name in ReportFixtures.examples {
            for audience in [ReportOptions.Audience.board, .community] {
                let text = try ReportFixtures.example(name, audience, format: .markdown, trials: 2_000)
                #expect(!text.contains("the register does not say, so"), "\(name) \(audience)")
            }
        }
        let dutch = try ReportFixtures.render(try ReportFixtures.load("community-safety-leiden"), format: .markdown, audience: .community,
                                              trials: 2_000, language: "nl")
        #expect(!dutch.contains("zegt het niet"))
        let care = BoardFirstReadTests.section(try Self.report("adult-social-care-positive-risk"), "### What the figures rest on")
        #expect(care.contains("riskreg takes it from the board’s appetite for each."), "\(care)")
    }

    /// The appetite rows of "Chance of exceeding / falling short" were empty, under a sentence
    /// about "exceeding its amount" above a gain's appetite: each row now gives the simulated
    /// chance of what it names, without and with responses and the verdict, and harm-alone
    /// statements have their row too.
    @Test func appetiteRowsCarryTheirChanceAndVerdict() throws {
        for name in ReportFixtures.examples {
            let text = try Self.report(name)
            let rows = text.split(separator: "\n").filter { $0.hasPrefix("| Appetite: ") }
            #expect(!rows.isEmpty, "\(name)")
            for row in rows {
                #expect(row.range(of: #"\| [^|]*% chance \| [^|]*% chance: (within|outside) appetite \|"#, options: .regularExpression) != nil, "\(name): \(row)")
            }
            #expect(!text.contains("a row's chance of exceeding its amount must stay at or below the limit it states"), "\(name)")
        }
        #expect(try Self.report("ward-7-patient-partnership").contains("| Appetite: at most 5 in 100 chance of harm alone above 4 incidents |"))
    }
}
