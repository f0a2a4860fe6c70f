import Foundation
import Reporting
import Testing
import _TestSupport

/// The board page answers the questions a lay member asks on a first reading: what to say in
/// public, what a chance is a chance of, why an option is kept, what a rank means, where a
/// chance too close to call is counted, how two tests differ, what the technical words mean,
/// and how three figures for one activity fit together.
@Suite("Board report: plain answers to a first reading")
struct BoardPlainAnswersTests {
    static func board(_ name: String) throws -> String {
        try ReportFixtures.example(name, .board)
    }

    static func shipped(_ name: String) throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-board.md"), encoding: .utf8)
    }

    static func line(_ page: String, _ prefix: String) -> String? {
        page.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    /// Where the public figures favour another option, the banner gives members a line they can
    /// say in public: what the public page shows and why the board's figures differ, without
    /// naming the confidential entry.
    @Test func theBannerGivesALineMembersCanSayInPublic() throws {
        for page in [try Self.shipped("adult-social-care-positive-risk"), try Self.board("adult-social-care-positive-risk")] {
            let banner = try #require(Self.line(page, "> **Not for publication"))
            guard banner.contains("would favour") else { continue }
            let quoted = try #require(banner.firstMatch(of: /For use in public: “(.*)”/)?.1, "\(banner)")
            #expect(quoted.hasPrefix("The public page shows Safeguarding enquiries within the limit ("), "\(quoted)")
            #expect(quoted.contains("It leaves out one entry whose details are confidential;"))
            // Every option breaks the safeguarding limit on the board's figures: the line must
            // not let a member imply that the favoured one keeps it.
            #expect(quoted.contains("counting it puts Safeguarding enquiries over the limit under every option except “Residential care (current)” (too close to the limit to call there). The board’s figures favour “Supported living with technology” rather than “Shared Lives”"), "\(quoted)")
            #expect(!quoted.contains("that is why they favour"))
            #expect(!quoted.contains("AS-10") && !quoted.contains("Cuckooing"))
        }
        #expect(try Self.shipped("adult-social-care-positive-risk").contains("For use in public: “"))
    }

    /// A chance for an entry that could happen to any of several is said to be the chance that
    /// it happens to at least one of them, and a chance the same with and without responses
    /// says why.
    @Test func anEntrysChanceSaysWhatItIsAChanceOf() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        let shared = ReportFixtures.section(page, "### AS-06 ")
        let chance = try #require(Self.line(shared, "- **Chance that it goes wrong for at least one of the 12 people, at least once (the chance for one particular person is smaller"), "\(shared)")
        #expect(chance.hasSuffix("without (the same: in these figures it has no response of its own)"), "\(chance)")
        // A response that cuts the harm, not the chance.
        let payments = ReportFixtures.section(page, "### AS-05 ")
        #expect(payments.contains("(the same: its response makes the harm smaller when it comes about, not less likely)"), "\(payments)")
        // A chance that differs says nothing more.
        let bus = ReportFixtures.section(page, "### AS-01 ")
        #expect(!bus.contains("(the same:"), "\(bus)")
    }

    /// Where a perspective's estimates keep an option with a worse chance, the page says which
    /// step decided and on what, in the order the steps run: Ward 7's carers' estimates put
    /// one-to-one outside on Bed days too, and the first step prefers the option that breaks
    /// fewer limits even though it is worse on patient safety.
    @Test func aPerspectivesPickSaysWhichStepDecided() throws {
        let page = try Self.shipped("ward-7-patient-partnership")
        #expect(page.contains("- On those of Carers, the first step keeps only the options that break the fewest of the board’s limits. “One-to-one observation by staff-pool or agency nurses” breaks 2, as it is outside on Bed days (58%; want ≥ 60%) too, against 1 for “Patient-led falls plans” and “Patient-led falls plans with sensor alarms”. Of those, the second step, which weighs the chances, keeps “Patient-led falls plans with sensor alarms”. So the rule prefers “Patient-led falls plans with sensor alarms”, which breaks 1, to “One-to-one observation by staff-pool or agency nurses”, which breaks 2, even though “Patient-led falls plans with sensor alarms” is worse on Patient safety incidents with moderate or greater harm (11% against 10%). Carers gave no estimate for W7-08 and W7-09, 2 of the 4 entries that set the options apart here, so the rule’s result on its estimates rests on others’ figures for them.\n"),
                "\(page)")
        for text in [page, try Self.board("ward-7-patient-partnership")] {
            #expect(!text.contains("what decides it is the first step"))
            // "The first two steps would keep" is said only where the second step decides.
            if let item = text.range(of: "the first two steps, which weigh the chances, would keep") {
                #expect(text[item.upperBound...].prefix(1_000).contains(" What decides it is the second step"))
            }
        }
    }

    /// A response whose money figure measures the budget named among those who bear the harm
    /// no longer says that no money figure measures them.
    @Test func aBearerTheMoneyMeasuresIsNotSaidToBeUnmeasured() throws {
        let page = try Self.board("ward-7-patient-partnership")
        let row = try #require(page.split(separator: "\n").first { $0.contains("| W7-10 Controlled drug discrepancy") && $0.contains("saves less on average than it costs") })
        #expect(!row.contains("whom no money figure here measures"), "\(row)")
        #expect(row.contains("and the money figure counts only its cost to the ward budget, not what else falls on them, so these figures alone are no case for cutting it"), "\(row)")
    }

    /// A response that saves less than it costs, or one alone in its unit, is not ranked.
    @Test func onlyResponsesThatEarnAPlaceAreRanked() throws {
        let page = try Self.board("ward-7-patient-partnership")
        let w710 = try #require(page.split(separator: "\n").first { $0.contains("| W7-10 Controlled drug discrepancy") && $0.contains("saves less on average") })
        #expect(w710.hasPrefix("| — | W7-10"), "\(w710)")
        #expect(page.contains("A response that saves less on average than it costs is marked, not ranked (“—”)"))
        let alone = try #require(page.split(separator: "\n").first { $0.hasPrefix("|  | **Hours protected per £1,000 spent") })
        #expect(alone.contains("(the only response counted in hours, so it has no rank)"), "\(alone)")
        #expect(page.contains("| — | W7-06 "))
        // Groups of several keep their ranks.
        #expect(page.contains("| 1 | W7-05 ") && page.contains("| 2 | W7-01 "))
    }

    /// A chance too close to call that the first step counts as outside says so where it is
    /// counted.
    @Test func aChanceTooCloseToCallSaysWhereTheFirstStepCountsIt() throws {
        let page = try Self.shipped("adult-social-care-positive-risk")
        let line = try #require(Self.line(page, "- “Residential care (current)” is set aside at the first step"))
        #expect(line.contains("Safeguarding enquiries (5.2%; want ≤ 5.0%: too close to call, counted as outside)"), "\(line)")
        #expect(line.contains("Overspend on care and support (29%; want ≤ 10%);"), "\(line)")
    }

    /// "Net of benefits" only where an entry in the headline brings a benefit to the outcome,
    /// and the harm test says how it differs from the net one.
    @Test func theNetAndHarmTestsSayHowTheyDiffer() throws {
        let page = try Self.board("community-safety-leiden")
        #expect(!page.contains("net of benefits"))
        let costs = try #require(Self.line(page, "- **Within appetite, not counting €51,000 of planned spend: Overspend on the partnership's 2027 budget.**"))
        #expect(!costs.contains("after what the entries save"), "\(costs)")
        let burglaries = try #require(page.split(separator: "\n").first { $0.hasPrefix("- **") && $0.contains(": Residential burglaries and street robberies in the partnership area.**") })
        #expect(burglaries.contains("counting what the entries cause less what they prevent;"), "\(burglaries)")
        let harm = try #require(page.split(separator: "\n").first { $0.hasPrefix("- **") && $0.contains(": People hurt, threatened or wrongly accused through the partnership's work.**") })
        #expect(ReportFixtures.matches(String(harm), #"This test differs from (the one|those) on Residential burglaries and street robberies in the partnership area( and [^:]+)?: (that one sets|they set) what the entries prevent against what they cause, while this one counts every harm they cause, even where they prevent more\."#), "\(harm)")
    }

    /// The glossary, the footer and the entries speak plainly.
    @Test(arguments: ReportFixtures.examples)
    func noStatisticiansWords(_ name: String) throws {
        let page = try Self.board(name)
        for word in ["covariance", "variance", "expected shortfall", "two standard errors", "Monte Carlo", "P10 to P90"] {
            #expect(!page.contains(word), "\(name): \(word)")
        }
        #expect(page.contains("- **Simulation margin (±):**"))
        #expect(page.contains("a ± figure is the simulation’s margin of error: another run would land within it 95 times in 100."))
    }

    /// Every price per unit divides the two figures shown beside it.
    @Test func pricesDivideTheFiguresShown() throws {
        var checked = 0
        for name in ReportFixtures.examples {
            for page in [try Self.board(name), try Self.shipped(name)] {
                for m in page.matches(of: /avoid ([0-9.,]+) [a-z]+ in [^;]*? on average, at about £([0-9,]+) for each one avoided \([^)]*\), for £([0-9,]+) more/) {
                    try check(amount: String(m.1), price: String(m.2), money: String(m.3))
                }
                for m in page.matches(of: /does better there by ([0-9.,]+) [a-z]+, for £([0-9,]+) more in money all told: about £([0-9,]+) per/) {
                    try check(amount: String(m.1), price: String(m.3), money: String(m.2))
                }
            }
        }
        func check(amount: String, price: String, money: String) throws {
            let number = { (s: String) in Double(s.replacingOccurrences(of: ",", with: "")) }
            let a = try #require(number(amount)), p = try #require(number(price)), m = try #require(number(money))
            let exact = m / a
            let digits = pow(10, floor(log10(exact)) - 2)
            #expect(p == (exact / digits).rounded() * digits, "£\(money) / \(amount) shown as £\(price)")
            checked += 1
        }
        #expect(checked >= 2)
        #expect(try Self.shipped("adult-social-care-positive-risk").contains(": about £955,000 for each one avoided, with the whole of that money set against Safeguarding enquiries alone."))
    }

    /// The table of the statements the rule weighs says which it leaves out and why.
    @Test func theWeighedStatementsTableSaysWhatItLeavesOut() throws {
        let page = try Self.shipped("community-safety-leiden")
        let caption = try #require(Self.line(page, "**The statements the rule weighs"))
        #expect(caption.contains("Left out, "), "\(caption)")
        #expect(ReportFixtures.matches(caption, #"(as their chances read the same under every option, on every estimate|being within appetite, and not too close to call, under every option on every estimate): "#))
    }

    /// Shared Lives' gross benefit, its net saving and the options table's gap to residential
    /// care are joined in the cell that shows the gap.
    @Test func theOptionsGapIsReconciledWithTheEntrysFigures() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        let section = ReportFixtures.section(page, "## Options compared")
        let rows = section.split(separator: "\n").map(String.init)
        let k = try #require(rows.firstIndex { $0.hasPrefix("| Residential care (current) |") })
        let cell = rows[k + 1]
        let m = try #require(cell.firstMatch(of: /(£[0-9,]+) worse on average \([^)]*\): that is a net saving of (£[0-9,]+) from AS-06 \(its benefit of (£[0-9,]+) less (£[0-9,]+) of its harm on average\) given up, and a loss of (£[0-9,]+) from AS-07 (?:\([^)]*\) )?added/), "\(cell)")
        let entry = ReportFixtures.section(page, "### AS-06 ")
        #expect(entry.contains("a net saving of \(m.2)") && entry.contains("**Mean benefit:** \(m.3)"), "\(entry)")
    }

    /// An entry the chart places by another outcome gives its average there.
    @Test func anEntryGivesItsAverageOnTheOutcomeThatPlacesIt() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        let entry = ReportFixtures.section(page, "### AS-13 ")
        let line = try #require(Self.line(entry, "- **On average, on Hours of independent living (the outcome the chart places it by):** a "), "\(entry)")
        let harm = try #require(entry.firstMatch(of: /placed by its harm on Hours of independent living, ([0-9,]+ hours) on average/)?.1)
        #expect(line.hasSuffix("(the chart’s \(harm) is the average in a year in which it happens)"), "\(line)")
    }
}
