import Foundation
import MonteCarlo
import Reporting
import Scoring
import Testing
import _TestSupport

/// The decision page carries each check through to what it means for the choice, and every
/// figure on the page can be traced: whose estimates would favour which option all the way to
/// cost, one verdict for one chance, net effects where an activity is stopped, what the public
/// page would favour, and entries that show the figure the chart places them by.
@Suite("Board report: checks carried through")
struct BoardFollowThroughTests {
    static func board(_ name: String, trials: Int = 4_000) throws -> String {
        try ReportFixtures.example(name, .board, trials: trials)
    }

    static func shipped(_ name: String) throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-board.md"), encoding: .utf8)
    }

    static func decision(_ page: String) -> String {
        guard let start = page.range(of: "\n## ") else { return page }
        let rest = page[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// Ward 7: on the Patients' own estimates every option is within appetite, so the rule's
    /// third step (cost) decides, and the cheapest option would be favoured. Before, the check
    /// stopped at the second step and named only the Carers.
    @Test func thePerspectiveCheckGoesOnToCost() throws {
        // The shipped example (seed 1, 20,000 trials), whose favoured option is the current one.
        let page = Self.decision(try Self.shipped("ward-7-patient-partnership"))
        #expect(page.contains("Carried through every step of the rule on each perspective’s own estimates"), "\(page)")
        #expect(ReportFixtures.matches(page,
            #"- On those of Patients, every option is within appetite, so the choice comes down to cost and “Patient-led falls plans” would be favoured, £[0-9,]+ less all told than “One-to-one observation by staff-pool or agency nurses”\."#),
            "\(page)")
        #expect(page.contains("- On those of Carers, the first step keeps only the options that break the fewest of the board’s limits."))
    }

    /// Every chance a verdict judges carries at least the standard error of a share of
    /// independent trials, and its verdict comes from that error. Before, a low draw of the
    /// batch-means estimate made a pooled 5.2% "outside appetite" where a perspective's 5.2% on
    /// as many trials was "too close to call", against the same 5% limit.
    @Test func noChanceIsJudgedOnALowDrawOfItsError() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        var options = ScoringOptions(seed: 7, trials: 4_000, jobs: 2, asOf: ReportFixtures.asOf)
        options.responseLevers = true
        let score = try Scorer.score(register, options: options)
        func check(_ p: Statistic, _ decisive: Bool, limit: Double, _ label: String) {
            let binomial = (p.value * (1 - p.value) / 4_000).squareRoot()
            #expect(p.standardError >= binomial - 1e-15, "\(label): \(p.standardError) against \(binomial)")
            #expect(decisive == (abs(p.value - limit) > 2 * p.standardError), "\(label)")
        }
        var checked = 0
        for v in score.appetite {
            check(v.probability, v.decisive, limit: v.limit, "\(v.outcome) headline")
            for a in v.perspectives { check(a.probability, a.decisive, limit: v.limit, "\(v.outcome) \(a.id)") }
            for a in v.portfolios { check(a.probability, a.decisive, limit: v.limit, "\(v.outcome) \(a.id)") }
            for view in v.optionsByPerspective ?? [] {
                for a in view.portfolios { check(a.probability, a.decisive, limit: v.limit, "\(v.outcome) \(view.perspective) \(a.id)"); checked += 1 }
            }
            for r in v.responses {
                #expect(r.ifDelivered.standardError >= (r.ifDelivered.value * (1 - r.ifDelivered.value) / 4_000).squareRoot() - 1e-15)
            }
        }
        #expect(checked > 10)
    }

    /// Stopping Shared Lives gives up its net effect, the figure its entry and the drivers give,
    /// not its gross benefit. Before: "£200,000 avoided" beside the entry's net £150,000.
    @Test func stoppingAnActivityGivesUpItsNetEffect() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        let line = try #require(page.split(separator: "\n").first { $0.contains("without AS-06 Shared Lives arrangements for 12 people: ") })
        #expect(line.contains("Stopping it also gives up its net effect each year on average: a net £"), "\(line)")
        let money = try #require(line.firstMatch(of: /a net (£[0-9,]+) avoided in Overspend on care and support/)).1
        #expect(page.contains("| AS-06 | Shared Lives arrangements for 12 people | ") && page.contains("a net saving of \(money) (the activity and its risk together)"),
                "\(money)")
        let hours = try #require(line.firstMatch(of: /a net ([0-9,]+ hours) gained in Hours of independent living/)).1
        #expect(page.contains("a gain of \(hours) (the activity and its risk together)"), "\(hours)")
        #expect(!page.contains("no way back"))
    }

    /// The confidential banner says whether the public figures favour the same option.
    @Test func theBannerSaysWhichOptionThePublicFiguresFavour() throws {
        for name in ReportFixtures.examples {
            let page = try Self.board(name)
            let banner = try #require(page.split(separator: "\n").first { $0.hasPrefix("> **Not for publication") })
            #expect(banner.contains("Its figures favour the same option as this report’s, ") || banner.contains("Its figures would favour "), "\(name): \(banner)")
        }
    }

    /// An outcome no option reaches is said to be the same under every option for that reason
    /// alone, not also "found" unchanged.
    @Test func anUnreachedOutcomeIsNotAlsoSaidToBeUnchanged() throws {
        let page = Self.decision(try Self.board("ward-7-patient-partnership"))
        #expect(page.contains("The register does not estimate how the options would change Patients whose confidential information is overheard"), "\(page)")
        #expect(!page.contains("No option changes Patients whose confidential information is overheard"))
        #expect(!page.contains("the choice makes no difference"))
    }

    /// Leiden's cameras, set aside on a statement they cannot meet whatever the estimates: the
    /// page says where they would stand without it, on cost at the third step.
    @Test func anOptionSetAsideOnAnUnreachableStatementIsCarriedThrough() throws {
        let page = try Self.shipped("community-safety-leiden")
        let line = try #require(page.split(separator: "\n").first { $0.hasPrefix("- “Cameras on the shopping squares” is set aside") })
        // At fewer trials the options can tie on burglaries; the rule then goes on to the chances.
        let fewer = try Self.board("community-safety-leiden")
        let other = try #require(fewer.split(separator: "\n").first { $0.hasPrefix("- “Cameras on the shopping squares” is set aside") })
        #expect(ReportFixtures.matches(String(other), #"Without that statement it would pass this step, but be set aside at the (second, on its chances|third, on cost)"#), "\(other)")
        #expect(ReportFixtures.matches(String(line),
            #"Without that statement it would pass this step, but be set aside at the third, on cost: a loss of €[0-9,]+ all told, against a loss of €[0-9,]+ for “Keep the evening rounds”, €[0-9,]+ more\."#),
            "\(line)")
        #expect(!line.contains("would not be set aside at this step"))
    }

    /// An activity whose gain outweighs its harm says in its matrix row that it is rated on its
    /// harm alone, so a red is not read as a verdict on it.
    @Test func anActivityRatedOnItsHarmAloneSaysSoInItsRow() throws {
        let page = try Self.board("community-safety-leiden")
        let row = try #require(page.split(separator: "\n").first { $0.hasPrefix("| CS-05 ") && $0.contains("red") })
        #expect(row.contains("(rated on its harm alone, before its benefit; with the benefit, on average a net reduction of "), "\(row)")
        let risk = try #require(page.split(separator: "\n").first { $0.hasPrefix("| CS-03 ") && $0.contains("red") })
        #expect(!risk.contains("harm alone"))
    }

    /// The likelihood-and-impact introduction opens with a short summary; the detail follows
    /// as a list.
    @Test func theLikelihoodAndImpactIntroductionOpensWithASummary() throws {
        for name in ["adult-social-care-positive-risk", "ward-7-patient-partnership"] {
            let page = try Self.board(name)
            #expect(page.contains("**Likelihood and impact of each entry.** In short: each entry is placed by how likely its harm is within the horizon and how large that harm is against a reference amount for its outcome. Benefits are not counted, so an activity chosen for its gain is placed by the harm it risks, except on an outcome where the board’s appetite weighs harm less benefit. In detail:\n\n- Each entry placed by its simulated chance"),
                    "\(name)")
            let html = try ReportFixtures.example(name, .board, format: .html)
            #expect(html.contains("In detail:</p>\n<ul class=\"desc\"><li>Each entry placed"), "\(name)")
        }
        // Residents' pages keep their own paragraph.
        #expect(!(try ReportFixtures.example("ward-7-patient-partnership", .community)).contains("In short: each entry is placed"))
    }

    /// A register's action text that ends a sentence is not followed by ".;", and the option's
    /// own cost is not said twice where the response already says it.
    @Test func thePortfolioTableJoinsItsItemsCleanly() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        #expect(!page.contains(".;"))
        let row = try #require(page.split(separator: "\n").first { $0.hasPrefix("| Shared Lives or supported living, by choice of each person | AS-06") })
        #expect(row.components(separatedBy: "£38,000").count == 2, "\(row)")
    }

    /// The decision page speaks plainly, and says why it prices a unit avoided.
    @Test func theDecisionPageAvoidsJargon() throws {
        for name in ReportFixtures.examples {
            let page = Self.decision(try Self.board(name))
            for word in ["no way back", "by construction", "Monte Carlo error", "portfolio option", "borrowed from the pool"] {
                #expect(!page.contains(word), "\(name): \(word)")
            }
        }
        let care = Self.decision(try Self.board("adult-social-care-positive-risk"))
        #expect(ReportFixtures.matches(care, #"for £[0-9,]+ more in money all told: about £[0-9,]+ for each one avoided, with the whole of that money set against Safeguarding enquiries alone\."#), "\(care)")
    }

    /// An entry's chance reads at the precision the likelihood-and-impact table gives it.
    /// Before: "about 1 in 100 (1%)" in W7-10's entry beside "1.2%" in the table.
    @Test func anEntrysChanceReadsAsTheTableShowsIt() throws {
        for name in ["adult-social-care-positive-risk", "ward-7-patient-partnership"] {
            let page = try Self.board(name)
            let lines = page.split(separator: "\n").map(String.init)
            let heat = try #require(lines.firstIndex { $0.hasPrefix("**Likelihood and impact of each entry.**") })
            let table = lines[heat...].drop { !$0.hasPrefix("| ") }.prefix { $0.hasPrefix("| ") }
            var checked = 0
            for (k, line) in lines.enumerated() where line.hasPrefix("### ") {
                guard let id = line.dropFirst(4).split(separator: " ").first.map(String.init),
                      let chance = lines[k...].prefix(20).first(where: { $0.contains("with responses;") && $0.hasPrefix("- **Chance") }),
                      let entry = chance.firstMatch(of: /\(([0-9.<>]+%)\) with responses/)?.1,
                      let row = table.first(where: { $0.hasPrefix("| \(id) |") || $0.hasPrefix("| \(id) (confidential) |") }),
                      row.split(separator: "|").count > 4 else { continue }
                let cells = row.replacingOccurrences(of: "\\", with: "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(cells[3] == String(entry), "\(name) \(id): \(entry) against \(cells[3])")
                checked += 1
            }
            #expect(checked > 5, "\(name)")
        }
    }

    /// An entry the chart places by another outcome shows that figure in its own section, and a
    /// whole-count threshold reads as a person would say it.
    @Test func entriesShowTheFigureTheChartPlacesThemBy() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        let row = try #require(page.split(separator: "\n").first { $0.hasPrefix("| AS-13 |") })
        let hours = try #require(row.firstMatch(of: /\| ([0-9,]+ hours) in Hours of independent living \|/)).1
        let entry = ReportFixtures.section(page, "### AS-13 ")
        #expect(entry.contains("- **On the likelihood-and-impact chart:** placed by its harm on Hours of independent living, \(hours) on average in a year in which it happens"),
                "\(entry)")
        let ward = try Self.board("ward-7-patient-partnership")
        #expect(ward.contains("of 2 patients or more, counted in Patients whose confidential information is overheard, in 2027/28"), "\(ward)")
        #expect(ward.contains("the chance of 2 patients or more, want ≤ 10%"))
        #expect(!ward.contains("more than 1 patient in Patients"))
    }
}
