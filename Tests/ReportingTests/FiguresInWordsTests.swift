import Foundation
import RegisterModel
import Testing
@testable import Reporting
import _TestSupport

/// A register made to trip every way words can contradict numbers: a pure cost outcome, a gain
/// outcome (hours, read as a gain from its appetite), a count, responses in three units (one
/// that costs more than it saves, one recorded free and unreliable), two portfolios, and
/// perspectives that disagree in sign.
let wordsRegister = """
    riskreg: 1
    register:
      id: words
      title: Words and numbers
      organisation: Test council
      horizon: 12 months
      currency: GBP
    outcomes:
      - {id: cost, title: Unplanned cost, unit: money}
      - {id: hours, title: Hours of independent living, unit: hours}
      - {id: incidents, title: Safeguarding enquiries, unit: incidents}
    appetite:
      - {outcome: cost, loss-exceeds: 50k, at-most: 10%}
      - {outcome: hours, net-benefit-above: 0, at-least: 80%}
      - {outcome: incidents, loss-exceeds: 5, at-most: 5%}
    contributors:
      - {id: staff, name: Staff, kind: staff, public: true}
      - {id: residents, name: Residents, kind: community, public: true}
    perspectives:
      - {id: officers, title: Officers, contributors: [staff]}
      - {id: residents, title: Residents, contributors: [residents]}
    risks:
      - id: C-1
        title: Costly response
        outcome: cost
        strategy: reduction
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 50%, impact: {pert: [1k, 5k, 20k]}}
        response: {action: Expensive check, cost: 10k, reliability: 90%, reduces-likelihood-by: 50%}
      - id: C-2
        title: Free response
        outcome: cost
        strategy: reduction
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 30%, impact: {fixed: 2k}}
        response: {action: Free leaflet, cost: 0, reliability: 50%, reduces-likelihood-by: 50%}
      - id: C-3
        title: Big cost
        outcome: cost
        strategy: reduction
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 80%, impact: {pert: [10k, 40k, 100k]}}
        response: {action: Good response, cost: 5k, reliability: 95%, reduces-impact-by: 50%}
      - id: H-1
        title: Independent travel
        outcome: hours
        strategy: enablement
        owner: Lead
        coproduction: {mode: co-design, contributors: [residents]}
        estimates:
          - {perspective: officers, likelihood: 30%, impact: {pert: [50, 200, 400]}, benefit: {uniform: [400, 600]}}
          - {perspective: residents, likelihood: 90%, impact: {pert: [400, 500, 700]}, benefit: {uniform: [0, 100]}}
      - id: H-2
        title: Cover falls through
        outcome: hours
        strategy: resilience
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 20%, impact: {fixed: 100}}
        response: {action: Cover bank, cost: 1k, reliability: 80%, reduces-impact-by: 50%}
      - id: I-1
        title: Enquiries
        outcome: incidents
        strategy: reduction
        owner: Lead
        coproduction: {mode: co-design, contributors: [residents]}
        estimates:
          - {perspective: officers, frequency: 2, impact: {fixed: 1}}
          - {perspective: residents, frequency: 0.2, impact: {fixed: 1}}
      - id: P-1
        title: Option in the portfolio scored
        outcome: cost
        strategy: portfolio
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 50%, impact: {fixed: 3k}}
      - id: P-2
        title: Option outside it
        outcome: cost
        strategy: portfolio
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 90%, impact: {pert: [50k, 100k, 400k]}}
    portfolios:
      - {id: a, title: Option A, risks: [P-1]}
      - {id: b, title: Option B, risks: [P-2]}
    """

@Suite("Words that match the numbers")
struct FiguresInWordsTests {
    static func markdown() throws -> String {
        try ReportFixtures.render(try ReportFixtures.load(yaml: wordsRegister, file: "words.yaml"), format: .markdown, audience: .board, trials: 20_000)
    }

    /// The lines of `text` that mention `needle`.
    static func lines(_ text: String, containing needle: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains(needle) }
    }

    @Test func aGainIsWrittenAsAGainAndNoLossIsNegative() throws {
        let md = try Self.markdown()
        let hours = Self.lines(md, containing: "**Hours of independent living** (hours):").first ?? ""
        #expect(hours.contains("we expect, on average, a gain of") || hours.contains("we expect, on average, a net loss of"), "\(hours)")
        #expect(hours.contains("Chance of a net gain:"), "\(hours)")
        #expect(!md.contains("losses to Hours"))
        #expect(!md.contains("loss to Hours"))
        // No sentence calls a negative figure a loss, nor a benefit "or worse".
        for pattern in [#"(loss|loses|lost)( of| more than| less than)? -"#, #"benefit of [^.;]* or worse"#] {
            #expect(md.range(of: pattern, options: .regularExpression) == nil, "\(pattern)")
        }
        // The direction plainly in the heading; where it was inferred, the decision page says so once.
        #expect(md.contains("| Gain (hours; more is better); a minus sign is a net loss |"))
    }

    @Test func aPureCostHasNoChanceOfANetBenefitAndItsAverageIsTheMean() throws {
        let md = try Self.markdown()
        let cost = Self.lines(md, containing: "**Unplanned cost** (GBP):").first ?? ""
        #expect(!cost.contains("Chance of a net"), "\(cost)")
        // The sentence's average is the table's mean, in the same rounding.
        let detail = md.components(separatedBy: "### Unplanned cost (GBP)").last ?? ""
        let mean = Self.lines(detail, containing: "| Mean |").first?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[1] ?? "?"
        #expect(cost.contains("on average, a loss of £\(mean) in a year"), "\(mean) / \(cost)")
    }

    @Test func theSameFigureIsTheSameWhereverAPageShowsIt() throws {
        let md = try Self.markdown()
        let detail = md.components(separatedBy: "### Unplanned cost (GBP)").last ?? ""
        let p90 = Self.lines(detail, containing: "| 1 in 10 bad year (P90) |").first?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[1] ?? "?"
        #expect(detail.contains("A 1 in 10 bad year brings a loss of £\(p90) or more with responses"), "\(p90)")
        #expect(detail.contains("| 10 in 100 (10%) | "))
        #expect(Self.lines(detail, containing: "| 10 in 100 (10%) | ").first?.hasSuffix("| \(p90) | ") == true)
    }

    @Test func oneCurrencyStyleAndUnitsOnBothEndsOfARange() throws {
        let md = try Self.markdown()
        #expect(md.range(of: #"\d GBP"#, options: .regularExpression) == nil)
        #expect(md.contains("**Impact of one occurrence, before responses (the middle 8 in 10: 1 in 10 are smaller, 1 in 10 larger):** £") && md.contains(" to £"))
        for line in Self.lines(md, containing: "**Impact of one occurrence, before responses (the middle 8 in 10: 1 in 10 are smaller, 1 in 10 larger):** £") where line.contains(" to £") || line.hasSuffix(" to") {
            #expect(line.range(of: #"£[\d,]+ to £[\d,]+$"#, options: .regularExpression) != nil, "\(line)")
        }
        // A fixed count is one whole figure, not "1 to 1.00 incidents".
        #expect(md.contains("**Impact of one occurrence, before responses (the middle 8 in 10: 1 in 10 are smaller, 1 in 10 larger):** 1 incidents") || md.contains("**Impact of one occurrence, before responses (the middle 8 in 10: 1 in 10 are smaller, 1 in 10 larger):** 1 incident"))
    }

    @Test func moneyIsRoundedToThreeSignificantDigits() throws {
        // The decision page's money figures that are added up are rounded to one step, so the
        // table's columns add up as shown (DecisionPageFiguresTests); everything else to three
        // significant digits.
        var md = try Self.markdown()
        let table = try #require(md.range(of: "**Money on average"))
        let optionRule = try #require(md.range(of: "How the figures favour an option"))
        md.removeSubrange(table.lowerBound..<optionRule.lowerBound)
        // The options table's money difference is worked out from the two averages it prints,
        // so that it reads as the subtraction a reader does ("£190,690" from "£184,000" and
        // "£6,690"), as the decision page's money figures are.
        md = md.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("| difference from the first |") }.joined(separator: "\n")
        let figures = md.matches(of: /£([\d,]+)/).map { String($0.1).replacingOccurrences(of: ",", with: "") }
        #expect(!figures.isEmpty)
        for digits in figures {
            let significant = digits.drop { $0 == "0" }
            #expect(significant.dropFirst(3).allSatisfy { $0 == "0" }, "£\(digits)")
        }
    }

    @Test func valueForMoneyIsRankedWithinAUnitAndFlagsWhatDoesNotPay() throws {
        let md = try Self.markdown()
        let section = md.components(separatedBy: "### Responses ranked by value for money").last!.components(separatedBy: "###").first!
        let rows = section.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| ") }
        let entries = rows.compactMap { row -> String? in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.count > 1 && cells[1].range(of: #"^[A-Z]-\d"#, options: .regularExpression) != nil ? String(cells[1].prefix(3)) : nil
        }
        // Money first (the register's first outcome), the best value first and the free,
        // half-reliable response after every costed one; then hours.
        #expect(entries == ["C-3", "C-1", "C-2", "H-2"], "\(entries)")
        #expect(rows.contains { $0.contains("C-1 ") && $0.contains("saves less on average than it costs") })
        #expect(!rows.contains { $0.contains("C-3 ") && $0.contains("saves less on average than it costs") })
        #expect(rows.contains { $0.contains("C-2 ") && $0.contains("costed at 0: not comparable") })
        // Alone in its unit, it is not ranked, and its group says so.
        #expect(rows.contains { $0.contains("**Hours protected per £1,000 spent (the only response counted in hours, so it has no rank)**") })
    }

    @Test func theTornadoRanksWhatTheDriversListRanksAndOnlyWhatWasScored() throws {
        let register = try ReportFixtures.load(yaml: wordsRegister, file: "words.yaml")
        let md = try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 20_000)
        let drivers = Self.lines(md, containing: "**Unplanned cost** (GBP):").first?.components(separatedBy: "Largest drivers, each with its share of how much the outcome varies from year to year (a share of the ups and downs, not of the average): ").last ?? ""
        let detail = md.components(separatedBy: "### Unplanned cost (GBP)").last!.components(separatedBy: "### ").first!
        let tornado = detail.components(separatedBy: "**What moves Unplanned cost most.**").last ?? ""
        let order = tornado.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.range(of: #"^\| [A-Z]-\d"#, options: .regularExpression) != nil }
            .map { String($0.dropFirst(2).prefix(3)) }
        #expect(!order.isEmpty)
        #expect(drivers.hasPrefix(order[0]), "\(order) / \(drivers)")
        #expect(!order.contains("P-2"), "\(order)")
        let html = try ReportFixtures.render(register, format: .html, audience: .board, trials: 20_000)
        #expect(!html.contains("class=\"bar-alt\""))
    }

    @Test func perspectivesAreComparedByADifferenceThatSaysWhichWayIsBetter() throws {
        let md = try Self.markdown()
        let section = md.components(separatedBy: "### Where community and service-user estimates differ").last!.components(separatedBy: "###").first!
        #expect(!section.contains("×"))
        #expect(section.contains("before responses"))
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| H-1") || $0.hasPrefix("| I-1") }
        let h1 = rows.first { $0.hasPrefix("| H-1") }.map(String.init) ?? ""
        // Residents expect a net loss of hours where officers expect a gain: worse, by the
        // whole gap, and it ranks above the count that differs tenfold but by two enquiries.
        #expect(h1.contains("a net loss of") && h1.contains("a gain of") && h1.contains("hours worse"), "\(h1)")
        #expect(rows.first?.hasPrefix("| H-1") == true, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("| I-1") && $0.contains("incidents better") })
    }

    @Test func aCountIsWrittenInWholeNumbers() throws {
        let register = try ReportFixtures.load(yaml: wordsRegister, file: "words.yaml")
        let html = try ReportFixtures.render(register, format: .html, audience: .board, trials: 20_000)
        let section = html.components(separatedBy: "o3-hist").dropFirst().first ?? ""
        #expect(!section.contains(">2.5<") && !section.contains(">0.5<"))
    }

    @Test func anOutcomesDirectionIsStatedOrInferred() throws {
        let register = try ReportFixtures.load(yaml: wordsRegister, file: "words.yaml")
        #expect(register.direction(of: "hours") == (.gain, false))
        #expect(register.direction(of: "cost") == (.loss, false))
        #expect(register.direction(of: "incidents") == (.loss, false))
        let ward = try ReportFixtures.load("ward-7-patient-partnership")
        #expect(ward.direction(of: "bed-days") == (.loss, true))
        #expect(ward.direction(of: "nursing-time") == (.gain, false))
        let care = try ReportFixtures.load("adult-social-care-positive-risk")
        #expect(care.direction(of: "independent-living") == (.gain, true))
    }

    @Test func verdictsCompareAChanceWithItsLimitOverOneDenominator() throws {
        let md = try Self.markdown()
        #expect(md.contains("the board's appetite is at most 10 in 100 (10%)"))
        #expect(md.contains("the board asks for at least 80 in 100 (80%)"))
        #expect(md.contains("of 6 incidents or more, counted in Safeguarding enquiries, over the next year"), "\(md)")
        #expect(md.contains("of a net gain in Hours of independent living over the next year"))
    }

    /// "About a 1 in 1,000 chance (<0.1%", "About a 2 in 100 chance (1.5%": every chance the
    /// example reports write as a natural frequency, in every section, board and community,
    /// English and Dutch, has a percentage that says what its fraction says.
    @Test(arguments: ReportFixtures.examples)
    func everyChanceInTheExampleReportsAgreesWithItsPercentage(_ name: String) throws {
        var checked = 0
        for (audience, language) in [(ReportOptions.Audience.board, "en"), (.community, "en"), (.community, "nl"), (.board, "nl")] {
            let text = try ReportFixtures.example(name, audience, language: language, format: .markdown, trials: 2_000)
            let pairs = ChanceAgreement.pairs(in: text)
            checked += pairs.count
            let wrong = pairs.filter { !$0.agrees }
            #expect(wrong.isEmpty, "\(name) \(audience) \(language): \(wrong)")
        }
        #expect(checked > 10, "only \(checked) chances read in \(name)")
    }

    /// "Chance of a net gain: 100% with responses" beside a headline of ">99.9%" for a larger
    /// gain: a simulated chance on its own is never "100%" or "0%".
    @Test func aSimulatedChanceNeverReadsCertainOnItsOwn() throws {
        let care = try ReportFixtures.example("adult-social-care-positive-risk", .board, format: .markdown, trials: 2_000)
        #expect(!care.contains("100% with responses"), "\(care)")
        #expect(!care.contains("100% without"))
        let ward = try ReportFixtures.example("ward-7-patient-partnership", .board, format: .markdown, trials: 2_000)
        #expect(!ward.contains("| 0% chance: within appetite"), "\(ward)")
    }
}
