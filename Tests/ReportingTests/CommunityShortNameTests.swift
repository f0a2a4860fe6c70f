import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// An outcome's short name (`title-short`) on the residents' page: one rule everywhere. In each
/// part (`##`), headings and bold text name the outcome in full; in the running text the first
/// use is the full title and every later use is the short name. The short name is tied to the
/// title once on the page, in the first part that uses it again, never in a heading or bold
/// text: a tie in every part put up to ten "(… below)" on a page, one inside a bold caption,
/// and a reader who has met the tie once knows the short name. A list that gave the long title
/// among short ones, an entry written with long names beside one with short names, and a short
/// name never tied to its outcome all broke it.
@Suite("Community short names")
struct CommunityShortNameTests {
    /// Each example page with the titles and short names its outcomes give in its language.
    static let pages: [(name: String, language: String)] = [
        ("community-safety-leiden", "en"), ("community-safety-leiden", "nl"),
        ("ward-7-patient-partnership", "en"), ("adult-social-care-positive-risk", "en"),
    ]

    static func names(_ name: String, _ language: String) throws -> [(full: String, short: String)] {
        let register = try ReportFixtures.load(name).inLanguage(language) { text, _ in text }
        return register.outcomes.compactMap { o in
            guard let short = o.titleShort, short != o.title else { return nil }
            return (o.title, short)
        }
    }

    /// The parts of a Markdown page, each without its heading lines (`#` to `######`) and bold
    /// text, which keep the full title.
    static func runningText(of page: String) -> [String] {
        page.components(separatedBy: "\n## ").map { part in
            part.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
                .replacingOccurrences(of: "\\*\\*[^*\n]*\\*\\*", with: "", options: .regularExpression)
        }
    }

    @Test(arguments: pages)
    func afterTheFirstFullTitleInAPartOnlyTheShortNameAppears(page: (name: String, language: String)) throws {
        let text = try ReportFixtures.community(page.name, page.language)
        let tieWord = page.language == "nl" ? "(hierna: „" : "(“"
        let close = "”"
        let names = try Self.names(page.name, page.language)
        for (full, short) in names {
            let tie = page.language == "nl" ? "\(tieWord)\(short)”)" : "\(tieWord)\(short)” below)"
            // Tied once on the page at most, and never in a heading or bold text.
            #expect(text.components(separatedBy: tie).count - 1 <= 1, "“\(short)” is tied to its title more than once")
            for line in text.split(separator: "\n") where line.hasPrefix("#") || line.contains("**") {
                let bold = line.hasPrefix("#") ? String(line) : line.components(separatedBy: "**").enumerated().filter { $0.offset % 2 == 1 }.map(\.element).joined()
                #expect(!bold.contains(tie), "a heading or bold text carries the tie: \(line.prefix(160))")
            }
            var tiedYet = false
            for part in Self.runningText(of: text) {
                let fullUses = part.components(separatedBy: full).count - 1
                #expect(fullUses <= 1, "“\(full)” is written in full \(fullUses) times in: \(part.prefix(120))")
                // Short uses, apart from the ones inside the full title itself.
                let withoutFull = part.replacingOccurrences(of: full, with: "\u{1}")
                guard withoutFull.contains(short) else { continue }
                guard let first = withoutFull.range(of: "\u{1}") else {
                    Issue.record("“\(short)” is used in a part that never gives its full title “\(full)”: \(part.prefix(120))")
                    continue
                }
                #expect(!withoutFull[..<first.lowerBound].contains(short), "“\(short)” comes before “\(full)”: \(part.prefix(120))")
                let tiedHere = part.contains(full + close + " " + tie) || part.contains(full + " " + tie)
                #expect(tiedYet || tiedHere, "“\(short)” is used before it is tied to “\(full)”: \(part.prefix(200))")
                tiedYet = tiedYet || tiedHere
            }
        }
    }

    /// The cases the readers found, as they read now.
    @Test func theListsAndEntriesUseOneForm() throws {
        let nl = try ReportFixtures.community("community-safety-leiden", "nl")
        // The list under the first option ties the long title to its short name.
        #expect(nl.contains("- „Mensen gewond, bedreigd of ten onrechte verdacht bij het werk van het convenant” (hierna: „Schade aan mensen”):"))
        // CS-04's entry uses the short names that CS-02's entry, above it, gave in full; the
        // tie was given once, higher up the page.
        let entries = ReportFixtures.section(nl, "\n## Wat er kan gebeuren")
        #expect(entries.contains("extra bij „Overschrijding van de convenantbegroting 2027” en"))
        #expect(!entries.contains("(hierna: „"))
        #expect(entries.contains("ongeveer 1 persoon extra bij „Schade aan mensen”"))
        let ward = try ReportFixtures.community("ward-7-patient-partnership")
        #expect(ward.contains("None of the options keeps “Patient safety incidents with moderate or greater harm” within its limit."))
        #expect(ward.contains("the chance of “Patient safety incidents with moderate or greater harm” (“Patient safety incidents” below)"))
        #expect(ward.contains("### Patient safety incidents with moderate or greater harm\n"))
    }
}
