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
        #expect(care.contains("Family carers estimated AS-06 and AS-12 too, but names no contributors"), "\(care)")
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
}
