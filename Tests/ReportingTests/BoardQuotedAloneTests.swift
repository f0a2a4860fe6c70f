import Foundation
import Reporting
import Testing
import _TestSupport

/// Lines a board member may quote on their own: a money verdict that leaves planned spend out
/// says so in its own label; a price per unit says that it sets the whole extra money against
/// one outcome, and is not given where the money buys several; one gap reads as one figure;
/// the terms the decision page uses are explained where it first uses them; and the example
/// registers' own words agree with the method and the figures.
@Suite("Board report: lines that can be quoted alone")
struct BoardQuotedAloneTests {
    static func board(_ name: String, format: ReportOptions.Format = .markdown) throws -> String {
        try ReportFixtures.example(name, .board, format: format)
    }

    static func line(_ page: String, _ prefix: String) -> String? {
        page.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    /// "Within appetite: Costs outside the partnership's 2027 budget" was quoted as "costs
    /// within appetite" while the €50,000 test left out the responses' planned €51,000. The
    /// verdict's own label names the planned spend it does not count, on every money statement
    /// whose test leaves responses out.
    @Test(arguments: [("community-safety-leiden", "€51,000", "Overspend on the partnership's 2027 budget"),
                      ("adult-social-care-positive-risk", "£105,500", "Overspend on care and support")])
    func aMoneyVerdictNamesThePlannedSpendItLeavesOut(_ name: String, _ planned: String, _ outcome: String) throws {
        let page = try Self.board(name)
        let verdict = try #require(Self.line(page, "- **Within appetite, not counting \(planned) of planned spend: \(outcome).**"), "\(page.prefix(6000))")
        #expect(verdict.contains("the responses’ planned \(planned) is not in it"), "\(verdict)")
        let html = try Self.board(name, format: .html)
        #expect(html.contains("Within appetite, not counting \(planned) of planned spend: <bdi>"), "\(html.prefix(3000))")
    }

    /// Leiden's money outcome was "Costs outside the partnership's 2027 budget", read as
    /// someone else's budget beside responses "paid from the partnership's 2027 budget". The
    /// register names it as what it is, an overspend, and says the responses are planned spend
    /// inside the budget.
    @Test func leidensMoneyOutcomeIsNamedAsAnOverspend() throws {
        let page = try Self.board("community-safety-leiden")
        #expect(!page.contains("Costs outside"))
        let section = ReportFixtures.section(page, "\n### Overspend on the partnership's 2027 budget (EUR)")
        #expect(section.contains("What the partnership would spend in 2027 beyond its budget, and so have to find elsewhere"), "\(section.prefix(800))")
        #expect(section.contains("they are planned spend, not overspend, so they are not counted here."))
    }

    /// "Losses to Overspend on care and support exceed £50,000" said a loss to a loss. A money
    /// statement's chance is of more than its amount in the outcome, in the sentence and in the
    /// decision tables' rows.
    @Test(arguments: ReportFixtures.examples)
    func aMoneyLimitIsNotALossToALoss(_ name: String) throws {
        let page = try Self.board(name)
        #expect(!page.contains("losses to "), "\(name)")
        #expect(!page.contains("the chance that losses exceed"), "\(name)")
    }

    @Test func aMoneyLimitReadsAsAnAmountInTheOutcome() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        #expect(page.contains(" of more than £50,000 in Overspend on care and support (savings set against costs) in 2027/28; the board's appetite is at most 10 in 100 (10%)"))
        #expect(page.contains("| Overspend on care and support: the chance of more than £50,000, want ≤ 10% |"))
    }

    /// Shared Lives against supported living was "£36,000" in the rationale and "£35,800
    /// worse" in the options compared, one gap from printed and from unrounded averages. The
    /// money column's difference is worked out from the two figures it prints, as every other
    /// money figure on the page is.
    @Test(arguments: ReportFixtures.examples)
    func theOptionsMoneyDifferenceIsThatOfThePrintedFigures(_ name: String) throws {
        let page = try Self.board(name)
        let table = ReportFixtures.section(page, "\n## Options compared")
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| --") }.map { $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        let header = try #require(rows.first)
        let money = try #require(header.firstIndex { $0.hasSuffix("(against appetite)") }, "\(header)")
        func amount(_ cell: String) -> Double? {
            guard let m = cell.firstMatch(of: /[£€]([0-9,]+)/) else { return nil }
            let v = Double(m.1.replacingOccurrences(of: ",", with: ""))!
            return cell.contains("saving") ? -v : v
        }
        let first = try #require(amount(rows[1][money]))
        var checked = 0
        for (k, row) in rows.enumerated() where k > 1 && row.count > money && row[2] == "difference from the first" {
            let cell = row[money]
            guard cell != "same", let option = amount(rows[k - 1][money]), let shown = amount(cell).map(abs) else { continue }
            let worse = cell.contains(" worse on average")
            #expect(abs(option - first) == shown && (option > first) == worse, "\(name): \(rows[k - 1][money]) against \(rows[1][money]): \(cell)")
            checked += 1
        }
        #expect(checked > 0, "\(name)")
    }

    /// "About £22 per hour, about £2,610 per point and about £216,000 per enquiry" each set the
    /// whole £36,000 against one outcome, though it bought all three; quoted alone, each
    /// misleads. Where the money buys several outcomes no price is given; where it buys one,
    /// the price says it sets the whole of the money against that outcome alone.
    @Test func aPriceIsGivenOnlyForOneOutcomeAndSaysSo() throws {
        let care = try Self.board("adult-social-care-positive-risk")
        let options = ReportFixtures.section(care, "\n## For decision")
        #expect(!options.contains("Each price is that whole amount"))
        #expect(!options.contains(" per hour on "), "\(options)")
        #expect(options.contains("So the favoured option does better on each of them, for £"), "\(options)")
        let leiden = ReportFixtures.section(try Self.board("community-safety-leiden"), "\n## For decision")
        let together = try #require(Self.line(leiden, "- “Rounds and cameras together” is set aside"))
        #expect(ReportFixtures.matches(together, #"it would avoid [0-9.]+ incidents in Residential burglaries and street robberies in the partnership area on average, for €[0-9,]+ more in money all told: about €[0-9,]+ for each one avoided, with the whole of that money set against Residential burglaries and street robberies in the partnership area alone\."#), "\(together)")
    }

    /// "It leaves 4 outside appetite (the best leave 1)" and "(the best leave 0)".
    @Test func anOptionSetAsideAtTheFirstStepSaysWhatTheBestLeave() throws {
        let leiden = try Self.board("community-safety-leiden")
        #expect(!leiden.contains("the best leave"))
        #expect(leiden.contains("” is set aside at the first step of the rule below: it leaves 1 of the appetite statements outside appetite, where the best options leave none. Outside appetite under it: Volunteer hours on the street"), "\(leiden.prefix(20000))")
    }

    /// The confidential banner stood about 240 words before any figure. It still says to
    /// publish the community report, that its figures differ and what they are, and which
    /// option they favour.
    @Test func theConfidentialBannerIsShort() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        let banner = try #require(Self.line(page, "> **Not for publication:"))
        let words = banner.split(whereSeparator: \.isWhitespace).count
        #expect(words <= 150, "\(words) words: \(banner)")
        #expect(banner.contains("Publish the community report, which leaves it out. So its figures for Safeguarding enquiries differ from this report’s."), "\(banner)")
        #expect(banner.contains("Its figures would favour “Shared Lives”, not “Supported living with technology” as this report’s do."), "\(banner)")
        #expect(banner.contains("For use in public: “The public page shows Safeguarding enquiries within the limit ("), "\(banner)")
        let leiden = try #require(Self.line(try Self.board("community-safety-leiden"), "> **Not for publication:"))
        #expect(leiden.contains("Its figures favour the same option as this report’s, “Keep the evening rounds”."), "\(leiden)")
        // Where the verdicts read the same, the public figures are still given.
        #expect(ReportFixtures.matches(leiden, #"On Overspend on the partnership's 2027 budget it shows <?[0-9.]+% and this report [0-9.]+%, both within appetite\."#), "\(leiden)")
    }

    /// "Pooled", "perspective" and "too close to call" were used on the decision page and
    /// explained only in the glossary at the very end. The decision page says what they mean
    /// before it first uses them, and the glossary follows the contents, in both formats.
    @Test func theDecisionPageExplainsItsTermsAndTheGlossaryComesEarly() throws {
        let page = try Self.board("ward-7-patient-partnership")
        let terms = try #require(page.range(of: "On this page, a perspective is one group’s estimates: "))
        let summary = try #require(page.range(of: "\nOutside appetite: "))
        #expect(terms.lowerBound < summary.lowerBound)
        let glossary = try #require(page.range(of: "\n## Glossary\n"))
        let contents = try #require(page.range(of: "\n## Contents\n"))
        let drivers = try #require(page.range(of: "\n## Drivers, responses and strategy\n"))
        #expect(contents.lowerBound < glossary.lowerBound && glossary.lowerBound < drivers.lowerBound)
        #expect(page.contains("- **Perspective:** "))
        // One horizon, as the first line gives it; the Markdown glossary promises no links.
        #expect(page.contains("set in the register (here 1 year)"))
        #expect(!page.contains("links here where it first appears"))
        #expect(page.contains("- [Glossary](#glossary)\n- [Drivers, responses and strategy]"), "\(page)")
        let html = try Self.board("ward-7-patient-partnership", format: .html)
        let htmlGlossary = try #require(html.range(of: "<section id=\"glossary\""))
        let htmlSummary = try #require(html.range(of: "<section id=\"summary\""))
        #expect(htmlGlossary.lowerBound < htmlSummary.lowerBound)
        let glossaryLink = try #require(html.range(of: "<li><a href=\"#glossary\">Glossary</a></li>"))
        let summaryLink = try #require(html.range(of: "<li><a href=\"#summary\">"))
        #expect(glossaryLink.lowerBound < summaryLink.lowerBound)
        // Words first used after the glossary still link to it.
        let after = html[htmlSummary.lowerBound...]
        #expect(after.contains("<a class=\"term\" href=\"#g-es95\">"), "ES95 unlinked after the glossary")
    }

    /// The register text agrees with the method: the people's weight rationale said the
    /// practitioners' estimates "stand alone" where they gave none, though the pool also holds
    /// the carers'; and ward 7's plan said harm came "in about equal parts" beside drivers'
    /// shares of 71% and 24%, which are of the variation.
    @Test func theExampleRegistersWordsAgreeWithTheMethod() throws {
        let care = try Self.board("adult-social-care-positive-risk")
        #expect(!care.contains("stand alone"))
        #expect(care.contains("Where they gave none, the pooled figures for that entry draw on the estimates of the practitioners and, where they gave one, of the family carers, each by its weight."))
        #expect(care.contains("Shared Lives (living in the home of a trained Shared Lives carer and their family"))
        let ward = try Self.board("ward-7-patient-partnership")
        #expect(!ward.contains("equal parts"))
        #expect(ward.contains("On average each brings about as much of that harm as the other, but wrong doses vary far more from one year to the next, so they drive most of the chance of a bad year."))
        // The figures that decide the falls choice are said to be the least certain on the
        // decision page, not only in one entry's rationale.
        let decision = ReportFixtures.section(ward, "\n## For decision")
        #expect(decision.contains("How many falls each option prevents rests on one ward's year of records or a pilot, the least certain figure in the choice."))
        #expect(care.contains("So on average people keep more hours with the framework, because years with many uncovered gaps are rarer; in most years, though,"))
    }
}
