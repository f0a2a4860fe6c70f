import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// A register of three options: "Rounds" brings volunteer hours, "Cameras" has no entry on
/// them at all (and an own cost), "Rounds, trimmed" brings fewer hours for less money. Money
/// is judged against a threshold while the responses' planned cost stays outside it.
let reachRegister = """
    riskreg: 1
    register:
      id: reach
      title: Rounds or cameras
      organisation: Test council
      horizon: 12 months
      currency: GBP
    outcomes:
      - {id: cost, title: Unplanned cost, unit: money}
      - {id: hours, title: Volunteer hours, unit: hours, direction: gain}
    appetite:
      - {outcome: cost, loss-exceeds: 20k, at-most: 10%}
      - {outcome: hours, net-benefit-above: 0, at-least: 70%}
    contributors:
      - {id: staff, name: Staff, kind: staff, public: true}
    perspectives:
      - {id: officers, title: Officers, contributors: [staff]}
    risks:
      - id: C-1
        title: Vandalism
        outcome: cost
        strategy: reduction
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 40%, impact: {pert: [1k, 3k, 8k]}}
        response: {action: Repair crew, cost: 6k, reliability: 90%, reduces-likelihood-by: 50%}
      - id: R-1
        title: Evening rounds
        outcome: hours
        strategy: portfolio
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 10%, impact: {pert: [50, 100, 200]}, benefit: {uniform: [800, 1200]}}
      - id: R-2
        title: Cameras on the square
        outcome: cost
        strategy: portfolio
        owner: Lead
        coproduction: {mode: co-design, contributors: [staff]}
        estimates:
          - {perspective: officers, likelihood: 20%, impact: {fixed: 2k}}
    portfolios:
      - {id: rounds, title: Rounds, current: true, risks: [R-1]}
      - {id: cameras, title: Cameras, risks: [R-2], cost: 10k}
    """

@Suite("Options: prices both ways, statements out of reach, what a money test counts")
struct OptionPriceAndReachTests {
    static func example(_ name: String) throws -> String { try OptionsDecisionTests.example(name) }
    static func decisionPage(_ name: String) throws -> String { DecisionPageFiguresTests.decisionPage(try example(name)) }

    static func render(_ format: ReportOptions.Format = .markdown) throws -> String {
        try ReportFixtures.render(try ReportFixtures.load(yaml: reachRegister, file: "reach.yaml"), format: format, audience: .board, trials: 2_000)
    }

    /// The price of what the favoured option gains where the option set aside is the cheaper
    /// one: "about £600,000 per incident" was shown only the other way round.
    @Test func theFavouredOptionsGainIsPricedToo() throws {
        let ward = try Self.decisionPage("ward-7-patient-partnership")
        let sensors = try #require(ward.split(separator: "\n").first { $0.hasPrefix("- “Patient-led falls plans with sensor alarms” is set aside") })
        let price = try #require(sensors.firstMatch(of: /So the favoured option does better there by ([0-9.]+) incidents, for £([0-9,]+) more in money all told: about £([0-9,]+) per incident, with the whole of that money set against Patient safety incidents with moderate or greater harm alone\./))
        // The price is the money over the gain, each as shown to three significant figures.
        let gain = Double(price.1)!, money = Double(price.2.replacingOccurrences(of: ",", with: ""))!
        let each = Double(price.3.replacingOccurrences(of: ",", with: ""))!
        #expect(abs(each - money / gain) / each < 0.01, "\(sensors)")
        #expect(sensors.contains("costs £\(price.2) less in money all told"))
        // Several outcomes: the money buys them together, so no price for any one of them.
        let care = try Self.decisionPage("adult-social-care-positive-risk")
        let shared = try #require(care.split(separator: "\n").first { $0.hasPrefix("- “Shared Lives” is set aside") })
        #expect(shared.contains("So the favoured option does better on each of them, for £36,000 more in money all told, which buys them together, so no price is given for any one of them."), "\(shared)")
        #expect(!shared.contains(" per hour on Hours of independent living"), "\(shared)")
        // Where the option set aside is the dearer one, the price stays as it was, once.
        let residential = try #require(care.split(separator: "\n").first { $0.hasPrefix("- “Residential care (current)” is set aside") })
        #expect(residential.contains("enquiries in Safeguarding enquiries on average, for £154,690 more in money all told: about £"), "\(residential)")
        #expect(!residential.contains("So the favoured option"))
    }

    /// An option with no entry on an aim's outcome cannot meet the aim, whatever the figures:
    /// said where it is set aside and beside the statement.
    @Test func anAimNoEntryReachesIsSaidToBeOutOfReach() throws {
        let md = try Self.render()
        let page = DecisionPageFiguresTests.decisionPage(md)
        let cameras = try #require(page.split(separator: "\n").first { $0.hasPrefix("- “Cameras” is set aside at the first step") })
        #expect(cameras.contains("Volunteer hours (0%; want ≥ 70%), which it cannot meet however the estimates turn out. None of its entries reaches Volunteer hours."), "\(cameras)")
        #expect(cameras.contains("Without that statement it would "), "\(cameras)")
        let bullet = try #require(page.split(separator: "\n").first { $0.hasPrefix("- **Within appetite: Volunteer hours.**") })
        #expect(bullet.contains("“Cameras” cannot meet it however the estimates turn out: none of its entries reaches Volunteer hours."), "\(bullet)")
        // The option that has the entry is not said to be out of reach.
        #expect(!bullet.contains("“Rounds” cannot"), "\(bullet)")
    }

    /// Leiden: the options without scheduled rounds fail the volunteer-hours aim by the
    /// register's own construction (a certain loss of the rounds' hours that no gain can
    /// outweigh), read from the estimates' ends, not from the options' names.
    @Test func leidensVolunteerHoursAreOutOfReachWithoutRounds() throws {
        let leiden = try Self.decisionPage("community-safety-leiden")
        let cameras = try #require(leiden.split(separator: "\n").first { $0.hasPrefix("- “Cameras on the shopping squares” is set aside") })
        #expect(cameras.contains("which it cannot meet however the estimates turn out. Even with every estimate at its most favourable end, its entries bring no net gain in Volunteer hours on the street"), "\(cameras)")
        #expect(cameras.contains("Without that statement it would pass this step, but be set aside at the third, on cost: "), "\(cameras)")
        // Set aside on two statements, only one of them out of reach: no "without it".
        let whatsapp = try #require(leiden.split(separator: "\n").first { $0.hasPrefix("- “Neighbourhood police officer and WhatsApp groups only” is set aside") })
        #expect(whatsapp.contains("which it cannot meet however the estimates turn out"))
        #expect(!whatsapp.contains("Without that statement"))
        let rounds = try #require(leiden.split(separator: "\n").first { $0.hasPrefix("- “Rounds and cameras together” is set aside") })
        #expect(!rounds.contains("however the estimates turn out"))
    }

    /// Beside a money statement: what its threshold counts, and that the responses' planned
    /// cost, with its amount, is not in it.
    @Test func aMoneyTestSaysTheResponsesAreNotInIt() throws {
        let md = try Self.render()
        let bullet = try #require(md.split(separator: "\n").first { $0.hasPrefix("- **Within appetite, not counting £6,000 of planned spend: Unplanned cost.**") })
        #expect(bullet.contains("The £20,000 test counts the entries after responses only; the responses’ planned £6,000 is not in it."), "\(bullet)")
        let care = try Self.decisionPage("adult-social-care-positive-risk")
        #expect(care.contains("The £50,000 test counts the entries after responses only; the responses’ planned £105,500 is not in it."))
        let ward = try Self.decisionPage("ward-7-patient-partnership")
        #expect(ward.contains("The £120,000 test counts the entries after responses and the option’s own cost (£48,000) only; the responses’ planned £30,200 is not in it."))
        // Not on a statement about another outcome.
        let hours = try #require(md.split(separator: "\n").first { $0.hasPrefix("- **Within appetite: Volunteer hours.**") })
        #expect(!hours.contains("test counts"))
    }

    /// A response an option chooses for several entries is named once, with every entry it
    /// handles.
    @Test func aSharedResponseIsNamedOnce() throws {
        let care = try Self.example("adult-social-care-positive-risk")
        let row = try #require(care.split(separator: "\n").first { $0.hasPrefix("| Shared Lives or supported living, by choice of each person | AS-06") })
        #expect(row.contains("AS-06 and AS-08 handled by: A matching and transition worker"), "\(row)")
        #expect(row.components(separatedBy: "A matching and transition worker").count == 2, "\(row)")
    }

    /// "60% without" beside a limit of 60% read as exactly at the limit: the drivers give the
    /// decimal the levers give.
    @Test func aChanceAtItsLimitKeepsADecimalInTheDrivers() throws {
        let care = try Self.example("adult-social-care-positive-risk")
        let wellbeing = try #require(care.split(separator: "\n").first { $0.hasPrefix("- **Wellbeing of the people taking part** (points):") })
        #expect(wellbeing.contains("the bar the board’s appetite sets: 63% with responses, 60.3% without"), "\(wellbeing)")
    }

    /// A count from nothing has no "rise"; a cost of nothing is said plainly.
    @Test func countsAndZeroCostsReadNaturally() throws {
        let ward = try Self.decisionPage("ward-7-patient-partnership")
        #expect(!ward.contains("rise of more than 1 patient"))
        #expect(ward.contains("the chance of 2 patients or more, want ≤ 10%"))
        #expect(!ward.contains("not flagged"))
    }

    /// The statements the choice does not change sit below the verdicts, in plain type.
    @Test func whatTheChoiceDoesNotChangeComesAfterTheVerdicts() throws {
        let html = try ReportFixtures.example("ward-7-patient-partnership", .board, format: .html, trials: 2_000)
        let effect = try #require(html.range(of: "<p class=\"options-effect\">The register does not estimate how the options would change "))
        let verdicts = try #require(html.range(of: "<ul class=\"verdicts\">"))
        #expect(verdicts.lowerBound < effect.lowerBound)
        #expect(!html.contains("<strong>The register does not estimate"))
    }

    /// The perspectives chart counts entries per outcome and says so, and breaks a name
    /// between its phrases, never inside "1 of the 4 entries".
    @Test func perspectiveLabelsSayWhatTheyCount() throws {
        let html = try ChartLabelsTests.boardHTML("ward-7-patient-partnership")
        let views = try ChartLabelsTests.figure("o1-views", in: html)
        let texts = ChartLabelsTests.texts(views)
        #expect(texts.contains("1 of the 4 entries"), "\(texts)")
        #expect(texts.contains("in this outcome)"), "\(texts)")
        #expect(!texts.contains { $0.hasSuffix(" of") || $0.hasSuffix(" for 1") }, "\(texts)")
    }
}

extension OptionPriceAndReachTests {
    /// An activity's chance line says what the chance is of, in words a board reads at once.
    @Test func anActivitysChanceSaysWhatItIsOf() throws {
        let care = try Self.example("adult-social-care-positive-risk")
        #expect(care.contains("- **Chance the harm comes about (the activity goes ahead in any case, and these figures count its gain in every year, even one in which the harm comes about):**"))
        #expect(!care.contains("its gain counts every horizon"))
    }
}
