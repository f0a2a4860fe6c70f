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
        try ReportFixtures.example(name, .community, language: language, format: .markdown, trials: 2_000)
    }

    /// Every example page, with the Leiden one in Dutch too.
    static let pages: [(String, String)] = ReportFixtures.examples.map { ($0, "en") } + [("community-safety-leiden", "nl")]

    // MARK: Where an option's gain comes from

    /// "About 2 incidents less …, all from entries that every option has (the largest here: “A
    /// self-administering patient takes a wrong dose”)" read as if wrong doses prevented
    /// incidents: a gain is said to come from the entry's gain outweighing its harm. And "the
    /// activity in W7-01" cited a bare code before the reader met the entry, with "the others"
    /// named nowhere: the entry is named by its title and code, the others counted.
    @Test func aGainIsNeverSaidToComeFromAHarmsTitle() throws {
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(!ward.contains("the largest here: “A self-administering patient takes a wrong dose”"))
        #expect(ReportFixtures.matches(ward, #"because the gain from the activity behind “A self-administering patient takes a wrong dose” \(W7-01\) outweighs its harm, and about [0-9]+ incidents? (more|fewer) from the other [0-9]+ entries"#), "\(ward)")
        let care = try Self.render("adult-social-care-positive-risk")
        #expect(!care.contains("all from “Injury during community activities”"))
        #expect(care.contains("all because the gain from the activity behind “Injury during community activities” (AS-09), an entry every option has, outweighs its harm"))
    }

    /// On no page does an option's line cite an entry by a code the reader has not met with its
    /// title, speak of "the activity in" one, or leave "the others" unnamed and uncounted. An
    /// option's parts name an entry by its code alone once the options have named it by title
    /// and code ("What comes with this option: … (CS-06)"): its full title in every part ran a
    /// bullet to 75 words, and put near-twin titles side by side.
    @Test(arguments: pages)
    func anOptionsSourceIsNamedAndItsOthersCounted(_ page: (String, String)) throws {
        let text = try Self.render(page.0, page.1)
        for line in text.split(separator: "\n") where line.hasPrefix("  - “") || line.hasPrefix("  - „") {
            let before = text[..<(text.range(of: line)?.lowerBound ?? text.startIndex)]
            #expect(!line.contains("the activity in") && !line.contains("de activiteit in"), "\(page.0): \(line)")
            #expect(!line.hasSuffix("from the others") && !line.hasSuffix("door de andere"), "\(page.0): \(line)")
            // Every code is in brackets after the entry's quoted title.
            for found in try CommunityFiguresAddUpTests.groups(String(line), #"(.{3})((?:AS|CS|W7)-[0-9]+)"#) {
                #expect(found[0] == "” (" || before.contains("” (\(found[1]))"), "\(page.0): bare \(found[1]) in \(line)")
            }
        }
    }

    // MARK: The rounding note

    /// The Dutch rounding note, like the English one, gives no figure but its example.
    @Test func theDutchRoundingNoteGivesNoFigureOfItsOwn() throws {
        let page = try Self.render("community-safety-leiden", "nl")
        let note = try #require(page.split(separator: "\n").first { $0.contains("Afronding:") })
        let example = try #require(note.range(of: #"bijvoorbeeld „ongeveer 4 incidenten” voor 3,[0-9]\."#, options: .regularExpression))
        let rest = String(note[..<example.lowerBound] + note[example.upperBound...])
        #expect(rest.filter(\.isNumber).isEmpty, "\(note)")
    }

    // MARK: The pictures of limits

    /// "Each filled square is one time it goes past the limit: 14 of the 100. No more than 25
    /// may." named the amount and the chance allowed alike: a filled square is a year past the
    /// amount, and the limit is how many such years are accepted.
    @Test(arguments: pages)
    func aFilledSquareIsAYearPastTheAmountNotPastTheLimit(_ page: (String, String)) throws {
        let text = try Self.render(page.0, page.1)
        #expect(!text.contains("goes past the limit"))
        #expect(!text.contains("over de grens gaat:"))
        #expect(!text.contains("Dat mogen er hooguit"))
    }

    @Test func theHarmPictureSaysWhatASquareIsAndWhatIsAccepted() throws {
        let en = try Self.render("community-safety-leiden")
        #expect(en.contains("Each filled square is one time in which someone is hurt, threatened or wrongly accused: "))
        #expect(en.contains("At most 25 such times in 100 are accepted."))
        let nl = try Self.render("community-safety-leiden", "nl")
        #expect(nl.contains("Elk gekleurd hokje staat voor één keer dat iemand gewond raakt, wordt bedreigd of ten onrechte wordt verdacht: "))
        #expect(nl.contains("Er mogen hooguit 25 van zulke keren op de 100 zijn."))
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(ward.contains("Each filled square is one time in which “Costs beyond the ward budget” comes to more than £120,000 over the ward budget: "))
        #expect(ward.contains("Each filled square is one time in which “Patient safety incidents”, counting harm alone, goes more than 4 incidents above the ward's usual level: "))
    }

    // MARK: Savings

    /// An option's planned saving is said as what it does to the outcome, "lowers “Costs outside
    /// …” by about €5,200", never as a saving made "in" costs outside the budget.
    @Test func aPlannedSavingLowersTheOutcome() throws {
        let en = try Self.render("community-safety-leiden")
        #expect(en.contains("“Scheduled rounds stop” (CS-12) comes with this option and lowers “Budget overspend” by about €"))
        #expect(!en.contains("comes with this option and saves"))
        let nl = try Self.render("community-safety-leiden", "nl")
        #expect(nl.contains("hoort bij deze variant en verlaagt „Overschrijding begroting” in 2027 gemiddeld met ongeveer € "))
    }

    // MARK: Groups together

    /// "40 in 100" and "50 in 100" gave "together: 44 in 100", which no reader could work out:
    /// the page says how the groups' estimates are combined.
    @Test func thePageSaysHowTheGroupsAreCountedTogether() throws {
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(ward.contains("it uses one group's estimate for the entry, chosen at random. A group that counts twice as much is chosen twice as often."))
        let nl = try Self.render("community-safety-leiden", "nl")
        #expect(nl.contains("gebruikt het voor een onderdeel de schatting van één groep, door loting gekozen."))
    }

    // MARK: Outcomes nothing lowers

    /// "No entry says it also lowers this outcome, so it can only rise" left a reader asking
    /// "rise from what?", beside a table in which the actions lower it.
    @Test(arguments: pages)
    func anOutcomeNothingLowersIsSaidNeverToFallBelowZero(_ page: (String, String)) throws {
        let text = try Self.render(page.0, page.1)
        #expect(!text.contains("so it can only rise"))
        #expect(!text.contains("so here it can only rise"))
        #expect(!text.contains("kan die alleen hoger uitvallen"))
    }

    @Test func theWardsCostsAreNeverBelowZero() throws {
        let ward = try Self.render("ward-7-patient-partnership")
        #expect(ward.contains("Every entry on the list can only add to this figure and none takes anything off it, so it is never below zero, with or without the planned actions."))
    }

    // MARK: The groups' tables

    /// The rows of every table of the groups' figures (its heading row starts with `heading`).
    static func groupTables(_ text: String, _ language: String) -> [(header: [String], rows: [[String]])] {
        let heading = language == "nl" ? "| Schatting van |" : "| Estimates of |"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func cells(_ line: String) -> [String] {
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var tables: [(header: [String], rows: [[String]])] = []
        for (i, line) in lines.enumerated() where line.hasPrefix(heading) {
            var rows: [[String]] = []
            var k = i + 2
            while k < lines.count, lines[k].hasPrefix("|") { rows.append(cells(lines[k])); k += 1 }
            tables.append((cells(line), rows))
        }
        return tables
    }

    /// "-92" and "-289" under "Gain in a 1 in 10 bad year" read as gains of minus 92: a gain
    /// below zero is the net loss it is.
    @Test(arguments: pages)
    func aGroupsGainIsNeverNegative(_ page: (String, String)) throws {
        let text = try Self.render(page.0, page.1)
        let tables = Self.groupTables(text, page.1)
        #expect(!tables.isEmpty)
        let gain = page.1 == "nl" ? "winst" : "gain"
        for table in tables {
            for (c, title) in table.header.enumerated() where title.lowercased().contains(gain) && !title.lowercased().contains("%") {
                for row in table.rows where row.indices.contains(c) {
                    #expect(!row[c].hasPrefix("-"), "\(page.0) \(title): \(row[c])")
                }
            }
        }
    }

    /// "0.071 patients" beside "0.11" and "0.14": no figure in a residents' table has more than
    /// two decimals.
    @Test(arguments: pages)
    func noTableFigureHasMoreThanTwoDecimals(_ page: (String, String)) throws {
        let text = try Self.render(page.0, page.1)
        let number = page.1 == "nl" ? #"^-?[0-9.]+,([0-9]+)$"# : #"^-?[0-9,]+\.([0-9]+)$"#
        let pattern = try NSRegularExpression(pattern: number)
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            for cell in line.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let match = pattern.firstMatch(in: cell, range: NSRange(cell.startIndex..., in: cell)) else { continue }
                #expect(match.range(at: 1).length <= 2, "\(page.0): \(cell) in \(line)")
            }
        }
        if page.0 == "ward-7-patient-partnership" {
            #expect(!text.contains("| 0.071 |"))
        }
    }

    @Test func aFigureUnderATenthKeepsTwoDecimals() {
        #expect(OutcomeWords.residentFigure(0.071) == "0.07")
        #expect(OutcomeWords.residentFigure(0.0953) == "0.10")
        #expect(OutcomeWords.residentFigure(0.11) == "0.11")
        #expect(OutcomeWords.residentFigure(-0.98) == "-0.98")
        #expect(OutcomeWords.residentFigure(9.87) == "9.9")
        #expect(OutcomeWords.residentFigure(0.004) == "<0.01")
    }
}
