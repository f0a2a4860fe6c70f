import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// The board report's decision page as a board member new to riskreg reads it, checked on the
/// shipped example board reports (20,000 trials): who decides and when, what each option is,
/// the register's plan beside an outcome outside appetite, what stopping an activity gives up,
/// what the choice between options does not change, one percentage for one chance, and the
/// small wording that made a reader stop.
@Suite struct DecisionContextTests {
    static func example(_ name: String) throws -> String { try OptionsDecisionTests.example(name) }
    static func decisionPage(_ name: String) throws -> String { DecisionPageFiguresTests.decisionPage(try example(name)) }

    /// "The board is asked to…" where the register names a committee that decides on a date;
    /// the options' own descriptions (who recommends which) and the `if-missed` plan were in the
    /// community report only.
    @Test func theDecisionPageGivesTheRegistersContext() throws {
        let care = try Self.decisionPage("adult-social-care-positive-risk")
        #expect(care.contains("The council's Adult Social Care committee is asked to decide whether to move from “Residential care (current)” to “Shared Lives”"))
        #expect(!care.contains("The board is asked"))
        #expect(care.contains("Next decision, due 2027-02-10: The council's Adult Social Care committee decides what is offered to the 12 people who now live in residential care"))
        #expect(care.contains("- **Shared Lives or supported living, by choice of each person:** The mix recommended by the Making It Real board"))
        #expect(try Self.decisionPage("ward-7-patient-partnership").contains("the register’s plan: Every falls option leaves this chance above the limit"))
        let ward = try Self.decisionPage("ward-7-patient-partnership")
        #expect(ward.contains("The option preferred by the Patient and Carer Council"))
        #expect(ward.contains("The ward's partnership group is asked to stay with the current option, “One-to-one observation by staff-pool or agency nurses”, or choose another"))
        let leiden = try Self.decisionPage("community-safety-leiden")
        #expect(leiden.contains("The option the partnership board asked to see costed"))
        #expect(leiden.contains("The partnership board is asked to"))
        #expect(leiden.contains("cameras would then also need a separate decision by the mayor"))
        // Only beside a statement outside appetite or too close to call.
        let within = care.split(separator: "\n").filter { $0.hasPrefix("- **Within appetite") }
        #expect(!within.isEmpty && within.allSatisfy { !$0.contains("the register’s plan") })
    }

    /// A register without `decided-by` keeps "The board is asked"; one without options or
    /// descriptions shows none of the new lines.
    @Test func withoutADecidingBodyTheBoardIsAsked() throws {
        let register = try ReportFixtures.load(yaml: wordsRegister, file: "words.yaml")
        let board = try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 400)
        #expect(board.contains("The board is asked to choose one of the 2 options compared below."))
        #expect(!board.contains("Next decision"))
        #expect(!board.contains("The options, as the register describes them"))
    }

    /// "Were one stopped … 1.6% without W7-01 (within appetite)" read as a free fix: stopping
    /// the scheme that makes patients safer gives up the harm it avoids.
    @Test func stoppingAnActivitySaysWhatItGivesUp() throws {
        // Ward 7 with a weaker falls response, which no response lever brings within appetite.
        let ward = DecisionPageFiguresTests.decisionPage(try OptionsDecisionTests.wardVariant([("      reliability: 70%\n      reduces-likelihood-by: 50%", "      reliability: 70%\n      reduces-likelihood-by: 35%")]))
        let stops = try #require(ward.split(separator: "\n").first { $0.hasPrefix("- ") && $0.contains("without W7-01 ") })
        #expect(stops.range(of: #"without W7-01 A self-administering patient takes a wrong dose: within appetite\. But stopping it gives up its net effect each year on average: a net [0-9.]+ incidents avoided in Patient safety incidents with moderate or greater harm"#, options: .regularExpression) != nil, "\(stops)")
        #expect(ward.range(of: #"\n- [0-9.]+% without W7-0[13] [^\n]*a net [0-9.]+ days avoided in Bed days"#, options: .regularExpression) != nil, "\(ward)")
    }

    /// "1 in 100 bad year (P99) 3.71" beside "7.2% chance of harm above 4" looked contradictory:
    /// an outcome judged on harm alone says that its table is net, with the harm-alone chance.
    @Test(arguments: ["md", "html"])
    func anOutcomeJudgedOnHarmAloneShowsItsHarmAloneChance(_ format: String) throws {
        let text = try String(contentsOfFile: TestSupport.path("docs/examples/ward-7-patient-partnership-board.\(format)"), encoding: .utf8)
        #expect(text.contains("The figures in the table are net: the harm the entries cause less the harm they avoid. The board’s appetite counts only the harm they cause: the chance that harm alone exceeds 4 incidents is 6.3% with responses and 24% without (want ≤ 5.0%): outside appetite."))
        if format == "html" { #expect(text.contains("<strong>The board’s appetite, on harm alone:</strong>")) }
    }

    /// An outcome no option changes is said plainly on the first screen, with the reason that
    /// the register leaves it unestimated; one the options do change is not said to be alike.
    /// It is said below the statements outside appetite, in plain type: in bold above them it
    /// drew the eye from the one statement that needs the board.
    @Test func whatTheOptionsDoNotChangeIsSaidPlainly() throws {
        let ward = try Self.decisionPage("ward-7-patient-partnership")
        let wardFirst = String(ward[..<(ward.range(of: "**Each appetite statement judged")?.lowerBound ?? ward.endIndex)])
        let sentence = "The register does not estimate how the options would change Patients whose confidential information is overheard"
        #expect(wardFirst.contains("\n\n" + sentence), "\(wardFirst)")
        #expect(!wardFirst.contains("**" + sentence), "\(wardFirst)")
        let outside = try #require(wardFirst.range(of: "- **Outside appetite: Patient safety incidents"))
        let unchanged = try #require(wardFirst.range(of: sentence))
        #expect(outside.lowerBound < unchanged.lowerBound, "\(wardFirst)")
        let care = try Self.decisionPage("adult-social-care-positive-risk")
        let first = String(care[..<(care.range(of: "**Each appetite statement judged")?.lowerBound ?? care.endIndex)])
        // The moves reach Safeguarding: the options differ there too.
        #expect(!first.contains("No option changes Safeguarding enquiries"), "\(first)")
        // Every option is far inside the money limit, but their averages differ by a fortune:
        // the money outcome is not one the choice leaves alone.
        #expect(!first.contains("No option changes Overspend on care and support"), "\(first)")
    }

    /// "About a 4 in 100 chance (4%, …)" beside "3.7%" in the tables: one chance, one percentage.
    @Test(arguments: ReportFixtures.examples)
    func theHeadlineChanceReadsAsInTheTables(name: String) throws {
        let page = try Self.decisionPage(name)
        let bullets = page.split(separator: "\n").filter { $0.hasPrefix("- **Within appetite") || $0.hasPrefix("- **Outside appetite") }
        let table = page.split(separator: "\n").drop { !$0.hasPrefix("**Each appetite statement judged on the pooled") }
            .drop { !$0.hasPrefix("| ") }.dropFirst(2).prefix { $0.hasPrefix("| ") }
        let cells = table.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[1] }
        #expect(bullets.count == cells.count && !cells.isEmpty)
        var checked = 0
        for bullet in bullets {
            // "About a 37 in 1,000 chance (3.7%, ±0.2 …)": the percentage beside "about k in n".
            guard let match = bullet.firstMatch(of: /[Aa]bout an? [0-9,]+ in [0-9,]+ chance \(([0-9.]+%), ±/) else { continue }
            checked += 1
            // The same percentage: "3%" beside "3.0%" is the same figure at the denominator's precision.
            let shown = Double(match.1.dropLast())!
            #expect(cells.contains { cell in cell.split(separator: ": ").last.flatMap { Double($0.dropLast()) } == shown }, "\(name): \(match.1) not in \(cells)")
        }
        #expect(checked >= 2, "\(name)")
        let disagreeing = ChanceAgreement.pairs(in: page).filter { !$0.agrees }
        #expect(disagreeing.isEmpty, "\(name): \(disagreeing)")
    }

    /// "Outside appetite: 20%; want ≤ 20%" read as within: on the limit, one more decimal.
    @Test func aChanceOnItsLimitShowsAnotherDecimal() {
        #expect(FigureFormat.simulatedPercent(0.203, awayFrom: 0.2) == "20.3%")
        #expect(FigureFormat.simulatedPercent(0.197, awayFrom: 0.2) == "19.7%")
        #expect(FigureFormat.simulatedPercent(0.25, awayFrom: 0.2) == "25%")
        #expect(FigureFormat.simulatedPercent(0.0502, awayFrom: 0.05) == "5.02%")
        #expect(FigureFormat.simulatedPercent(0.2, awayFrom: 0.2) == "20%")
        #expect(FigureFormat.simulatedPercent(0, awayFrom: 0.001) == "<0.1%")
    }

    /// The levers are the headline option's: where the figures favour another, their top says so.
    @Test func leversSayWhichOptionTheyAreFor() throws {
        // Ward 7 with patient-led plans that prevent falls as well as observation, and more
        // reliably: the figures favour them, while the headline assumes observation.
        let ward = DecisionPageFiguresTests.decisionPage(try OptionsDecisionTests.wardVariant([
            ("        reliability: 80%\n        # The plans and walking companions prevent falls in the day; at night no one is\n        # with the patient, so they prevent fewer than observation does.\n        reduces-likelihood-by: 20%",
             "        reliability: 95%\n        reduces-likelihood-by: 60%")]))
        #expect(ward.contains("These levers are for “One-to-one observation by staff-pool or agency nurses”, the option the headline figures assume. The figures favour “Patient-led falls plans”"), "\(ward)")
        // Adult social care's figures favour supported living, where the headline assumes the
        // proposed Shared Lives: its levers say so too.
        let care = try Self.decisionPage("adult-social-care-positive-risk")
        #expect(care.contains("These levers are for “Shared Lives”, the option the headline figures assume. The figures favour “Supported living with technology”"))
    }

    /// The board is told which published figures differ because the confidential entry is left out.
    @Test func theConfidentialNoteNamesTheFiguresThatDifferInPublic() throws {
        let care = try Self.example("adult-social-care-positive-risk")
        #expect(care.contains("Publish the community report, which leaves it out. So its figures for Safeguarding enquiries differ from this report’s."))
    }

    /// One row per statement at issue: its pooled verdict, and the perspectives that disagree.
    @Test func theHeadlineListsAreOneTable() throws {
        let ward = try Self.decisionPage("ward-7-patient-partnership")
        #expect(ward.contains("| Outcome | Headline (pooled) | Perspectives whose own estimates disagree |"))
        #expect(ward.contains("| Bed days: the chance of a net benefit, want ≥ 60% | Within appetite: 81% | Outside appetite on those of Carers (58%) |"))
        #expect(!ward.contains("Depending on whose estimates you believe:"))
        let care = try Self.decisionPage("adult-social-care-positive-risk")
        #expect(care.contains("| Safeguarding enquiries: the chance of a rise of more than 5 enquiries, want ≤ 5.0% | Outside appetite: 7.8% | none |"))
    }

    /// The small wording a reader stopped at.
    @Test func smallWording() throws {
        let care = try Self.example("adult-social-care-positive-risk")
        #expect(care.contains("\n2. Of those, keep the ones"))
        #expect(!care.contains("\n1. Of those"))
        #expect(try Self.example("ward-7-patient-partnership").contains("every option leaves 1 outside"))
        #expect(!care.contains("5 options leave 1 outside, the fewest"))
        #expect(care.contains("No service user or community group helped estimate AS-10 (confidential) and AS-13"))
        #expect(care.contains("| Perspective | Chance (before responses) | On average, before responses: |"))
        let ward = try Self.example("ward-7-patient-partnership")
        #expect(ward.contains("| Ward clinicians: chance |"))
        #expect(!ward.contains("Officers' chance"))
        #expect(!ward.contains("- **Most of the protection of Nursing time"))
        #expect(ward.contains("That protection is small beside the outcome itself"))
        let leiden = try Self.example("community-safety-leiden")
        #expect(leiden.contains("| Avoided per €1,000 of cost, citizen time counted as cost |"))
        #expect(leiden.contains("| €18,000 | 0.230 incidents |"))
        #expect(leiden.contains("(better in ") && leiden.contains(" of the simulated years, worse in "))
    }

    /// "What each option changes" as a short table, each response's words once.
    @Test func whatEachOptionChangesIsATable() throws {
        let ward = try Self.decisionPage("ward-7-patient-partnership")
        #expect(ward.contains("| Option | Adds | Leaves out, or gives a smaller share | Uses another response | Cost, against the headline option |"))
        let row = try #require(ward.split(separator: "\n").first { $0.hasPrefix("| Patient-led falls plans |") })
        #expect(row.components(separatedBy: "Call-don't-fall prompts (a reminder").count == 1, "the headline's response is not repeated: \(row)")
        let care = try Self.decisionPage("adult-social-care-positive-risk")
        #expect(care.contains("| Shared Lives or supported living, by choice of each person | AS-08 Supported living with technology-enabled care (50%) | AS-06 Shared Lives arrangements for 12 people (now 50%) | none |"))
    }

    /// Dutch "in het komende {period}" read "in het komende maand": one phrase per unit.
    @Test(arguments: [("1 month", "in de komende maand", "over the next month"), ("12 months", "in het komende jaar", "over the next year"),
                      ("6 months", "in de komende 6 maanden", "over the next 6 months"), ("1 week", "in de komende week", "over the next week")])
    func theHorizonPhraseFitsItsUnit(horizon: String, dutch: String, english: String) throws {
        let register = try HorizonWordsTests.register(horizon: horizon)
        let nl = try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 400, language: "nl")
        #expect(nl.contains(dutch), "\(horizon)")
        #expect(!nl.contains("in het komende maand") && !nl.contains("in het komende week") && !nl.contains("in het komende 6"))
        let en = try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 400)
        #expect(en.contains(english), "\(horizon)")
    }
}
