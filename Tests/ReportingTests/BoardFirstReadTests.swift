import Foundation
import Reporting
import Testing
import _TestSupport

/// What a board member reading the example board reports cold found misleading, each checked
/// on the reports as the shipped templates render them.
@Suite("Board reports as a board member first reads them", .serialized)
struct BoardFirstReadTests {
    static let reports: [String: String] = {
        var out: [String: String] = [:]
        for name in ReportFixtures.examples {
            out[name] = try? ReportFixtures.example(name, .board, format: .markdown, trials: 2_000)
        }
        return out
    }()

    static func report(_ name: String) throws -> String { try #require(reports[name]) }

    static func section(_ text: String, _ heading: String) -> String {
        text.components(separatedBy: heading).dropFirst().first?.components(separatedBy: "\n#").first ?? ""
    }

    /// "+3.76 incidents … against +0.858 incidents" read as more incidents, when the first is
    /// incidents avoided: gains and harms are words, never signs.
    @Test func risksTakenOnPurposeSayWhichWayEachFigureGoes() throws {
        for name in ReportFixtures.examples {
            let chosen = Self.section(try Self.report(name), "### Risks we choose to take")
            #expect(!chosen.isEmpty, "\(name)")
            #expect(!chosen.contains(":** +") && !chosen.contains("against +"), "\(name): \(chosen)")
        }
        let ward = Self.section(try Self.report("ward-7-patient-partnership"), "### Risks we choose to take")
        #expect(ward.contains("W7-01 A self-administering patient takes a wrong dose:** taken on for its gain: on average 3.7"), "\(ward)")
        #expect(ward.contains("incidents avoided (Patient safety incidents with moderate or greater harm), against harm of 0."))
        let care = Self.section(try Self.report("adult-social-care-positive-risk"), "### Risks we choose to take")
        #expect(care.contains("on average a gain of ") && care.contains("against a loss of ")
                && care.range(of: #"and harm of [0-9.]+ enquiries \(Safeguarding enquiries\) from the risk it carries"#, options: .regularExpression) != nil, "\(care)")
    }

    /// The first verdict on the page is the one that needs the board.
    @Test func verdictsOutsideAppetiteComeFirst() throws {
        let decision = Self.section(try Self.report("ward-7-patient-partnership"), "## For decision")
        // The options' descriptions come first as "- **Option:** …"; the verdicts follow.
        let first = try #require(decision.split(separator: "\n").first { $0.hasPrefix("- **Outside appetite") || $0.hasPrefix("- **Within appetite") })
        #expect(first.hasPrefix("- **Outside appetite: Patient safety incidents with moderate or greater harm.**"), "\(first)")
    }

    /// Two statements on one outcome read as two, not as the same heading twice.
    @Test func twoStatementsOnOneOutcomeAreToldApart() throws {
        let decision = Self.section(try Self.report("ward-7-patient-partnership"), "## For decision")
        #expect(decision.contains(" of planned spend: Costs beyond the ward budget (threshold £120,000).**"))
        #expect(decision.contains(" of planned spend: Costs beyond the ward budget (threshold £250,000).**"))
        #expect(decision.contains("| Costs beyond the ward budget (threshold £120,000): the chance of more than £120,000, want ≤ 10% |"))
    }

    /// The board sees confidential entries, with a handling mark on the report and on each.
    @Test func confidentialEntriesCarryAHandlingMark() throws {
        for name in ReportFixtures.examples {
            let report = try Self.report(name)
            #expect(report.contains("> **Not for publication: this report includes one confidential entry"), "\(name)")
            #expect(report.contains("(confidential — not for publication)"), "\(name)")
        }
    }

    /// One occurrence's impact and a horizon's harm are different figures, and say so.
    @Test func perOccurrenceAndPerHorizonHarmAreNamedApart() throws {
        let report = try Self.report("adult-social-care-positive-risk")
        #expect(report.contains("- **Impact of one occurrence, before responses (the middle 8 in 10: 1 in 10 are smaller, 1 in 10 larger):**"))
        #expect(!report.contains("Impact when it happens"))
        #expect(report.contains("| Average harm in a horizon in which it happens (all its occurrences) |"))
        #expect(!report.contains("| Average harm when it happens |"))
    }

    /// A response that saves less on average than it costs is not called wasteful: what an
    /// average leaves out is said; columns name what they hold.
    @Test func valueForMoneyAndPortfolioColumnsSayWhatTheyHold() throws {
        let report = try Self.report("ward-7-patient-partnership")
        #expect(report.contains("saves less on average than it costs"))
        #expect(!report.contains("costs more than it avoids"))
        #expect(report.contains("the protection a response gives in a bad year"))
        #expect(report.contains("| Avoided per £1,000 spent |"))
        #expect(report.contains("Average outcome after responses under each option"))
        #expect(!report.contains("Mean loss after responses under each portfolio"))
    }

    /// A perspective that estimated none of an outcome's entries shows the pool's figures: its
    /// row says so instead of seeming to agree with the pool.
    @Test func borrowedPerspectiveRowsSaySo() throws {
        let report = try Self.report("community-safety-leiden")
        let hurt = Self.section(report, "**Each perspective's view: People hurt, threatened or wrongly accused through the partnership's work.**")
        #expect(hurt.contains("| Residents' panel (estimated none of these entries: the pool's figures) |"), "\(hurt)")
        #expect(hurt.contains("| Volunteers (own estimates for 2 of the 3 entries in this outcome) |"))
    }

    /// An activity of a portfolio option other than the headline one says why it has no share
    /// and no figures per perspective, rather than show dashes.
    @Test func activitiesOfOtherOptionsSayWhyTheirFiguresAreMissing() throws {
        let entry = Self.section(try Self.report("ward-7-patient-partnership"), "### W7-08 ")
        #expect(entry.contains("- **Share of its outcome’s ups and downs:** not in the headline figures: an activity of another option, scored in the comparison of options only"), "\(entry)")
        #expect(entry.contains("| Ward clinicians | another option: see the comparison of options |"), "\(entry)")
        #expect(!entry.contains("| — | — |"))
    }

    /// A perspective that estimated none of an outcome's entries has only the pool's figures
    /// there: the decision table gives it no verdict of its own, and the community report shows
    /// no row for it, where residents would read the pool's figures as that group's view.
    @Test func aPerspectiveWithNoEstimatesOfItsOwnGetsNoVerdict() throws {
        let report = try Self.report("community-safety-leiden")
        let row = try #require(report.split(separator: "\n").first { $0.hasPrefix("| People hurt, threatened or wrongly accused through the partnership's work: the chance of any harm at all, want ≤ 25% | Within appetite") })
        #expect(row.hasSuffix("| no estimates of its own | "), "\(row)")
        let community = try ReportFixtures.example("community-safety-leiden", .community, format: .markdown, trials: 2_000)
        let hurt = Self.section(community, "**Each group's estimates: People hurt, threatened or wrongly accused through the partnership's work.**")
        #expect(hurt.contains("| Volunteers |"), "\(hurt)")
        #expect(!hurt.contains("| Residents' panel |"), "\(hurt)")
    }

    /// Response costs stay out of the outcomes; a reader who adds up the entries found £105,500
    /// missing without a word. The decision page's money table gives them beside the outcome,
    /// with the total: the eight responses of adult social care's headline entries (£28,000 +
    /// £15,000 + £15,000 + £4,000 + £22,000 + £7,500 + £9,000 + £5,000).
    @Test func theDecisionPageSaysResponseCostsAreOutsideTheOutcomes() throws {
        let report = try Self.report("adult-social-care-positive-risk")
        let row = try #require(report.split(separator: "\n").first { $0.hasPrefix("| Shared Lives (proposed) |") })
        #expect(row.contains(" | none | ") && row.contains(" | £105,500 | "), "\(row)")
        #expect(report.contains(", as the register records; the register counts it in no outcome, so no appetite statement judges it."))
    }
}
