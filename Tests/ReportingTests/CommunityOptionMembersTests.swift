import Foundation
import RegisterModel
import Reporting
import Testing

/// Options and entries tied both ways on residents' pages, by one rule: an entry that comes with
/// some options but not all names them ("This comes only with the options “…” and “…”"), and an
/// option names the entries it brings that not every option has. Option and entry titles are
/// near the same and never identical ("Keep the evening rounds" and "Evening rounds by
/// volunteers"; "Shared Lives" and "Shared Lives arrangements for 12 people"), and "this is one
/// of the options" left a reader to guess which, or said "one" of an entry two options share.
@Suite("Options and their entries on residents' pages")
struct CommunityOptionMembersTests {
    static let pages: [(name: String, language: String)] = [
        ("community-safety-leiden", "en"), ("community-safety-leiden", "nl"),
        ("ward-7-patient-partnership", "en"), ("adult-social-care-positive-risk", "en"),
    ]

    /// The part of a Markdown page under a `###` heading, to the next heading.
    static func subsection(_ page: String, _ heading: String) -> String {
        page.components(separatedBy: "\n### " + heading + "\n").dropFirst().first?.components(separatedBy: "\n#").first ?? ""
    }

    @Test(arguments: pages)
    func everyEntryNamesItsOptionsAndEveryOptionItsEntries(page: (name: String, language: String)) throws {
        let text = try ReportFixtures.community(page.name, page.language)
        let register = try ReportFixtures.load(page.name).inLanguage(page.language) { text, _ in text }
        let options = register.portfolios
        let common = options.map { Set($0.members) }.reduce(Set(options.first?.members ?? [])) { $0.intersection($1) }
        let entries = ReportFixtures.section(text, page.language == "nl" ? "\n## Wat er kan gebeuren" : "\n## What could happen")
        for risk in register.risks where !risk.isConfidential {
            let holding = options.filter { $0.members.contains(risk.id) }
            guard !holding.isEmpty, holding.count < options.count else { continue }
            let entry = Self.subsection(entries, "\(risk.title) (\(risk.id))")
            #expect(!entry.isEmpty, "\(risk.id) has no part on the page")
            for option in holding {
                #expect(entry.contains(option.title), "\(risk.id) does not name its option “\(option.title)”: \(entry.prefix(600))")
            }
            #expect(!entry.contains("one of the options") && !entry.contains("een van de varianten"), "\(risk.id): \(entry.prefix(400))")
        }
        let compared = ReportFixtures.section(text, page.language == "nl" ? "\n## De varianten naast elkaar" : "\n## The options side by side")
        for option in options {
            let part = Self.subsection(compared, option.title)
            #expect(!part.isEmpty, "“\(option.title)” has no part on the page")
            for id in option.members where !common.contains(id) {
                guard let risk = register.risk(id), !risk.isConfidential else { continue }
                #expect(part.contains("\(risk.title)” (\(id))"), "“\(option.title)” does not name \(id): \(part.prefix(600))")
            }
        }
    }

    /// The cases a reader found, as they read now.
    @Test func theEntriesTheReaderFoundSayWhichOptionsTheyComeWith() throws {
        let leiden = try ReportFixtures.community("community-safety-leiden")
        // CS-07 called itself "one of the options", though two options share it.
        let cs07 = Self.subsection(leiden, "Neighbourhood police officer and WhatsApp groups without fixed rounds (CS-07)")
        #expect(cs07.contains("This comes only with the options “Cameras on the shopping squares” and “Neighbourhood police officer and WhatsApp groups only”. The figures on this page assume “Keep the evening rounds” instead, so the figures below show what this would be if one of those options were chosen."), "\(cs07)")
        let cs05 = Self.subsection(leiden, "Evening rounds by volunteers (CS-05)")
        #expect(cs05.contains("This comes only with the options “Keep the evening rounds” and “Rounds and cameras together”. The figures on this page assume “Keep the evening rounds”."), "\(cs05)")
        let cameras = Self.subsection(leiden, "Cameras on the shopping squares")
        #expect(cameras.contains("What comes with this option, besides the entries every option has: “Cameras on the shopping squares, Kooiplein and Stevensbloem” (CS-06), “Neighbourhood police officer and WhatsApp groups without fixed rounds” (CS-07) and “Scheduled rounds stop” (CS-12)."), "\(cameras)")

        let dutch = try ReportFixtures.community("community-safety-leiden", "nl")
        let cs07nl = Self.subsection(dutch, "Wijkagent en WhatsApp-groepen zonder vaste rondes (CS-07)")
        #expect(cs07nl.contains("Dit hoort alleen bij de varianten „Camera's op de winkelpleinen” en „Alleen wijkagent en WhatsApp-groepen”."), "\(cs07nl)")

        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        let w709 = Self.subsection(ward, "Bed and chair sensor alarms (W7-09)")
        #expect(w709.contains("This comes only with the option “Patient-led falls plans with sensor alarms”."), "\(w709)")

        let care = try ReportFixtures.community("adult-social-care-positive-risk")
        let as07 = Self.subsection(care, "Residential care placements for the same 12 people (AS-07)")
        #expect(as07.contains("This comes only with the option “Residential care (current)”."), "\(as07)")
        // An option that splits the people between two entries names both.
        let byChoice = Self.subsection(care, "Shared Lives or supported living, by choice of each person")
        #expect(byChoice.contains("“Shared Lives arrangements for 12 people” (AS-06) and “Supported living with technology-enabled care” (AS-08)."), "\(byChoice)")
        let residential = Self.subsection(care, "Residential care (current)")
        #expect(residential.contains("What comes with this option, besides the entries every option has: “Residential care placements for the same 12 people” (AS-07)."), "\(residential)")
    }
}
