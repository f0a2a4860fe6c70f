import Foundation
import MonteCarlo
import RegisterModel
@testable import Reporting
import Scoring
import Testing
import TextLayer
import _TestSupport

/// One page, one reading of each figure: a chance in words that agrees with the table rows
/// beside it, one quantity written one way, a usual level said or said to be missing, which
/// outcome grades every entry that reaches several, and tables in one order.
@Suite("Community report: each figure read one way on its page")
struct CommunityOnePageFiguresTests {
    /// A published residents' page (docs/examples), at the trial count the examples use.
    static func published(_ name: String, _ suffix: String = "") throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-community\(suffix).md"), encoding: .utf8)
    }

    static let pages: [(String, String)] = ReportFixtures.examples.map { ($0, "") } + [("community-safety-leiden", ".nl")]

    /// "41,100", "-10,000", "6.600" as a number.
    static func number(_ s: Substring) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard let digits = Double(t.filter(\.isNumber)), !t.isEmpty else { return nil }
        return (t.hasPrefix("-") || t.hasPrefix("−") ? -1 : 1) * digits
    }

    static func cells(_ line: Substring) -> [Substring] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.drop { $0 == " " } }
    }

    // MARK: A chance below a round step

    /// The adult social care budget's worst year in 100 was £41,100, yet the page put the chance
    /// of more than £50,000 at "1 in 100 (1%)": a chance of 0.5–1% rounded up. In every table of
    /// how high an amount could go, a chance whose amount the 1 in 100 row stays below reads
    /// below 1%, with the planned actions and without.
    @Test(arguments: ReportFixtures.examples)
    func aChanceTheWorstYearInAHundredStaysBelowReadsBelowOnePercent(_ name: String) throws {
        var compared = 0
        for text in [try Self.published(name), try ReportFixtures.community(name)] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, line) in lines.enumerated() where line.hasPrefix("| 1 in 100 (1.0%) |") {
                let row = Self.cells(line)
                guard let limitLine = lines[(k + 1)...].prefix(while: { $0.hasPrefix("|") }).first(where: { $0.hasPrefix("| Limit: ") }) else { continue }
                let limit = Self.cells(limitLine)
                guard let match = limit[0].firstMatch(of: /chance of more than [£€]\s?([0-9.,]+)\s*$/), let amount = Self.number(match.1[...]) else { continue }
                for column in [1, 2] {
                    guard let worst = Self.number(row[column]), worst < amount,
                          let percent = limit[column].firstMatch(of: /^([0-9.]+)%/).flatMap({ Double($0.1) }) else { continue }
                    compared += 1
                    #expect(percent < 1, "\(name): worst year in 100 \(worst) below \(amount), chance \(limit[column])")
                }
            }
        }
        if name == "adult-social-care-positive-risk" { #expect(compared > 0) }
    }

    /// The same chance in words, at the top of the page, in both languages: "less than 1 in
    /// 100", and no filled mark in its picture.
    @Test func theBudgetsChanceReadsLessThanOneInAHundred() throws {
        let english = try Self.published("adult-social-care-positive-risk")
        let limit = try #require(english.split(separator: "\n").first { $0.hasPrefix("The limit: in 2027/28, the chance that “Overspend on care and support”") })
        #expect(limit.contains("We think the chance is less than 1 in 100"), "\(limit)")
        #expect(!limit.contains("is 1 in 100 (1%)"), "\(limit)")
        #expect(english.contains("over the 2027/28 commissioning plan: 0 of the 100."))
        for pair in ChanceAgreement.pairs(in: String(limit)) { #expect(pair.agrees, "\(pair)") }
    }

    @Test func theResidentsChanceBelowOneInAHundred() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        let options = ReportOptions(format: .markdown, audience: .community, libyamlVersion: "", command: "", language: "en")
        let score = try Scorer.score(Report.registerToScore(register, options: options),
                                     options: ScoringOptions(seed: 7, trials: 200, jobs: 1, asOf: ReportFixtures.asOf))
        let builder = ReportBuilder(register: register, score: score, options: options)
        #expect(builder.communityChance(0.007) == "less than 1 in 100: about 7 in 1,000 (0.7%)")
        // Just below 1 in 100 the fraction over 1,000 would round up to it: the bound stands alone.
        #expect(builder.communityChance(0.0097) == "less than 1 in 100 (0.97%)")
        #expect(builder.communityChance(0.01) == "1 in 100 (1%)")
        #expect(builder.shortChance(0.007) == "less than 1 in 100")
        #expect(builder.iconArray(0.007, key: "community.icons.happens").marked == 0)
        #expect(builder.iconArray(0.012, key: "community.icons.happens").marked == 1)
        let dutch = ReportBuilder(register: register, score: score, options: ReportOptions(format: .markdown, audience: .community, libyamlVersion: "", command: "", language: "nl"))
        // (The page's number style writes "0,97%" in Dutch; here the figures keep the default.)
        #expect(dutch.communityChance(0.0097).hasPrefix("minder dan 1 op 100 (0") && dutch.communityChance(0.0097).hasSuffix("97%)"))
        for text in [builder.communityChance(0.007), builder.communityChance(0.0097), dutch.communityChance(0.0097)] {
            #expect(ChanceAgreement.pairs(in: text).allSatisfy { $0.agrees }, "\(text)")
        }
    }

    // MARK: One quantity, one rounding

    /// AS-01 was "about 2,990 hours more" in an option's line, whose parts need the extra digit
    /// to add up, and "about 3,000 hours more" in its own "All told" line. Every entry an option
    /// line names as its largest part is written the same way in its own line.
    @Test(arguments: ReportFixtures.examples)
    func anEntrysAverageIsWrittenOneWayOnThePage(_ name: String) throws {
        let text = try Self.published(name)
        let entries = text[try #require(text.range(of: "\n## What could happen")).lowerBound...]
        var compared = 0
        for line in text.split(separator: "\n") where line.hasPrefix("  - “") {
            guard let outcome = line.firstMatch(of: /^  - “([^”]+)”:/)?.1 else { continue }
            for part in line.matches(of: /(?:, | of )([0-9][0-9.,]*) (?:more|less|fewer) (?:with|without) ([A-Z0-9]+-[0-9]+)/) {
                let (figure, id) = (part.1, part.2)
                // The entry's own section, and its "All told" line's figure on the same outcome.
                guard let heading = entries.range(of: "(\(id))\n\n") else { continue }
                let section = entries[heading.upperBound...]
                let own = section[..<(section.range(of: "\n### ")?.lowerBound ?? section.endIndex)]
                guard let told = own.split(separator: "\n").first(where: { $0.hasPrefix("- All told, on average:") }),
                      let same = told.matches(of: /about ([0-9.,]+) [a-z]+ [a-z]+ in “([^”]+)”/).first(where: { $0.2 == outcome }) else { continue }
                compared += 1
                #expect(same.1 == figure, "\(name) \(id): \(figure) in “\(line)”, \(same.1) in its own line “\(told)”")
            }
        }
        if name == "adult-social-care-positive-risk" { #expect(compared > 0) }
    }

    // MARK: The usual level

    /// Ward 7 gave residents no usual level for incidents, nursing time or bed days, where the
    /// other pages give theirs ("about 600 enquiries a year"). A register that gives none has the
    /// page say so plainly where it says what the outcome counts; Ward 7's now gives its figures.
    @Test func aUsualLevelWithoutAFigureIsSaidToHaveNone() throws {
        var register = try ReportFixtures.load("ward-7-patient-partnership")
        for i in register.outcomes.indices {
            if let b = register.outcomes[i].baseline, let bracket = b.range(of: " (") { register.outcomes[i].baseline = String(b[..<bracket.lowerBound]) }
        }
        let bare = try ReportFixtures.render(register, format: .markdown, audience: .community, trials: 500)
        for baseline in ["the ward's usual level", "the ward's usual bedside nursing time", "the bed days the ward's patients usually need"] {
            #expect(bare.contains("Every figure here is counted from \(baseline). The figures show the change from that starting point, which is all the list records."), "\(baseline)")
        }
        let ward = try Self.published("ward-7-patient-partnership")
        #expect(!ward.contains("This page does not say how much that is"))
        #expect(ward.contains("(about 20 such incidents a year)"))
        // Money is read against its budget without the budget's size; a level with its figure keeps it.
        #expect(!ward.contains("counted from the ward budget. This page"))
        let care = try Self.published("adult-social-care-positive-risk")
        #expect(care.contains("Every figure here is counted from the borough's usual number (about 600 enquiries a year)."))
        #expect(!care.contains("counted from the borough's usual number. This page"))
        let leiden = try Self.published("community-safety-leiden", ".nl")
        #expect(!leiden.contains("Hoeveel dat is, staat niet op deze pagina"))
    }

    // MARK: Which outcome grades an entry

    /// The note under the likelihood-and-impact table named AS-01 and not AS-04, which reaches
    /// three outcomes, and said nothing of W7-03 or W7-07. Every entry in the table that reaches
    /// more than one outcome is named with the outcome that grades it.
    @Test(arguments: Self.pages)
    func everyEntryWithSeveralOutcomesSaysWhichGradesIt(_ name: String, _ suffix: String) throws {
        let text = try Self.published(name, suffix)
        let register = try ReportFixtures.load(name)
        let dutch = suffix == ".nl"
        let start = try #require(text.range(of: dutch ? "**Kans en gevolg van elk onderdeel.**" : "**Likelihood and impact of each entry.**"))
        let part = text[start.lowerBound...]
        let note = try #require(part.split(separator: "\n").first)
        let table = part.split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
        // The sentence that says which outcome shows each entry, to its closing quotation mark.
        let said = note.range(of: dutch ? "In deze tabel " : "In this table, ").map { r in
            let rest = note[r.lowerBound...]
            return String(rest[..<(rest.range(of: "”.")?.upperBound ?? rest.endIndex)])
        } ?? ""
        var checked = 0
        for risk in register.risks where !risk.isConfidential && Set(risk.outcomes).count > 1 {
            guard table.contains(where: { $0.contains("(\(risk.id)") }) else { continue }
            checked += 1
            #expect(said.range(of: "\\b\(risk.id)\\b", options: .regularExpression) != nil, "\(name)\(suffix): \(risk.id) missing from “\(said)”")
        }
        #expect(checked > 0)
    }

    // MARK: One order of columns

    /// The outcome figures table listed "With the planned actions | Without them" while the
    /// chance tables beneath it listed "Without them | With the planned actions". Every table on
    /// a residents' page gives the figures without the planned actions first.
    @Test(arguments: Self.pages)
    func everyTableGivesWithoutBeforeWith(_ name: String, _ suffix: String) throws {
        let text = try Self.published(name, suffix)
        let (without, with) = suffix == ".nl" ? ("| Zonder", "| Met de geplande aanpak") : ("| Without them", "| With the planned actions")
        var headers = 0
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            guard let w = line.range(of: with), let wo = line.range(of: without) else { continue }
            headers += 1
            #expect(wo.lowerBound < w.lowerBound, "\(name)\(suffix): \(line)")
        }
        #expect(headers > 4)
    }
}
