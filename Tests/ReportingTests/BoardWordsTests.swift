import Foundation
import RegisterModel
import Reporting
import Testing
import _TestSupport

/// Words in the example board reports that must match what the simulation can say, checked on
/// the reports as the shipped templates render them.
@Suite("Board report words", .serialized)
struct BoardWordsTests {
    static func report(_ name: String) throws -> String { try BoardFirstReadTests.report(name) }

    /// Whether `text` holds `pattern` (a regular expression).
    static func matches(_ text: String, _ pattern: String) -> Bool { ReportFixtures.matches(text, pattern) }

    /// A verdict whose event came up in no trial says what a run of that length can say, not
    /// "no simulated chance".
    @Test func aChanceNoTrialSawIsGivenAtTheRunsResolution() throws {
        // The example registers' limits can all be reached now; a limit far above any loss
        // the one entry can bring is one no trial sees.
        let register = try ReportFixtures.load(yaml: """
            riskreg: 1
            register: {id: far-limit, title: Far limit, organisation: Example Council, horizon: 1 year, currency: GBP}
            outcomes:
              - {id: budget, title: Service budget, unit: money}
            appetite:
              - {outcome: budget, loss-exceeds: 1m, at-most: 1 in 10}
            contributors:
              - {id: friends, name: Friends of the library, kind: community, public: true}
            risks:
              - id: R-01
                title: A boiler fails
                outcome: budget
                strategy: resilience
                owner: Facilities manager
                coproduction: {mode: co-assessment, contributors: [friends]}
                estimates:
                  - {likelihood: 1 in 4, impact: {pert: [1k, 5k, 20k]}}
            """)
        let board = try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 2_000)
        #expect(!board.lowercased().contains("no simulated chance"))
        #expect(board.contains("Less than a 1 in 2,000 chance (in none of 2,000 simulated years; <0.1%) of more than "), "\(board.prefix(3000))")
    }

    /// "1 incidents", "differ by up to 1 incidents": a unit word agrees with its figure.
    @Test func unitWordsAgreeWithTheirCount() throws {
        for name in ReportFixtures.examples {
            let text = try Self.report(name)
            #expect(!Self.matches(text, #"(?<![\d.,])1 (incidents|enquiries|hours|days|points)\b"#), "\(name)")
        }
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("**Impact of one occurrence, before responses (the middle 8 in 10: 1 in 10 are smaller, 1 in 10 larger):** 1 enquiry\n"))
    }

    /// Safeguarding enquiries have no benefit on them: they can only rise, so no table there
    /// offers a "chance of a net reduction" (always 0%) or explains a minus sign.
    @Test func anOutcomeThatCanOnlyRiseHasNoNetReductionFigures() throws {
        let care = try Self.report("adult-social-care-positive-risk")
        let safeguarding = BoardFirstReadTests.section(care, "### Safeguarding enquiries (enquiries)")
        #expect(!safeguarding.isEmpty)
        #expect(!safeguarding.contains("Chance of a net reduction"), "\(safeguarding)")
        #expect(!safeguarding.contains("a minus sign"), "\(safeguarding)")
        // The last column is the chance the board's statement is about, not a net figure.
        #expect(safeguarding.contains("| Perspective | Mean (enquiries) | 1 in 10 bad year (enquiries) | Chance of more than 5 enquiries | \n"), "\(safeguarding)")
        // Where benefits count, the chance stays.
        let budget = BoardFirstReadTests.section(care, "### Overspend on care and support (GBP)")
        #expect(budget.contains("Chance of a net reduction"))
    }

    /// AS-01's travel incidents reach safeguarding through an effect: its share there is its
    /// share of safeguarding's variance, not of hours', and the shares of one outcome, in the
    /// drivers list and in the table of what moves it, add up to 100%.
    @Test func sharesOfVarianceAddUpOnEveryOutcome() throws {
        let care = try Self.report("adult-social-care-positive-risk")
        let safeguarding = BoardFirstReadTests.section(care, "### Safeguarding enquiries (enquiries)")
        let table = safeguarding.components(separatedBy: "**What moves Safeguarding enquiries most.**").dropFirst().first ?? ""
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| AS-") }
        #expect(rows.contains { $0.hasPrefix("| AS-01 |") }, "\(table)")
        let shares = rows.compactMap { row -> Double? in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.count > 2 ? Double(cells[2].replacingOccurrences(of: "%", with: "")) : nil
        }
        #expect(shares.count == rows.count && abs(shares.reduce(0, +) - 100) <= 1.5, "\(rows)")
        let drivers = try #require(care.split(separator: "\n").first { $0.hasPrefix("- **Safeguarding enquiries**") })
        let listed = drivers.matches(of: /\((\d+(?:\.\d+)?)%\)/).compactMap { Double($0.1) }
        #expect(!listed.isEmpty && listed.reduce(0, +) <= 101, "\(drivers)")
    }

    /// The heat map's reference for an outcome is the lowest amount any appetite statement names
    /// for it — on harm alone too: the ward's patient safety statement on harm is 4 incidents.
    @Test func heatMapReferenceUsesEveryStatement() throws {
        let ward = try Self.report("ward-7-patient-partnership")
        let row = try #require(ward.split(separator: "\n").first { $0.hasPrefix("| W7-01\\* |") })
        #expect(row.hasSuffix("| 4 incidents | ") || row.hasSuffix("| 4 incidents |"), "\(row)")
        #expect(ward.contains("on the net outcome or on harm alone"))
    }

    /// The matrix's chance is worked out from the estimates, the entry's from the simulation:
    /// where they differ the report says both and why; entries the matrix cannot place are named.
    @Test func theOwnMatrixExplainsItsChance() throws {
        let leiden = try Self.report("community-safety-leiden")
        let matrix = BoardFirstReadTests.section(leiden, "### On the organisation’s own matrix")
        #expect(matrix.contains("worked out exactly from the stated estimates, not simulated"), "\(matrix)")
        #expect(Self.matches(matrix, #"CS-02 [^\n]*its chance of 6\.5% \(worked out from the estimates; \d+(\.\d)?% in the simulation\)"#), "\(matrix)")
        #expect(!matrix.contains("have no impact scale in the unit"), "the register's scales cover every headline outcome an entry is on")
        // Without its impact scale for incidents, the entries on incidents cannot be placed.
        var register = try ReportFixtures.load("community-safety-leiden")
        register.scales?.impact.removeAll { $0.unit == .other("incidents") }
        let without = BoardFirstReadTests.section(try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 2_000),
                                               "### On the organisation’s own matrix")
        #expect(without.contains("Not on the matrix: CS-03; CS-05; CS-11."), "\(without)")
    }

    /// Where a register compares options, the decision page says which the headline assumes,
    /// which the figures favour by the board's appetite, and that the choice is the board's.
    @Test func theDecisionPageNamesTheFavouredOptionAndLeavesTheChoiceToTheBoard() throws {
        for name in ReportFixtures.examples {
            let decision = BoardFirstReadTests.section(try Self.report(name), "## For decision")
            #expect(decision.contains("By the board’s own appetite the figures favour") || decision.contains("By the board’s own appetite the figures do not choose between"),
                    "\(name)")
            #expect(decision.contains("riskreg compares the options, it does not decide between them"), "\(name)")
        }
    }

    /// A response that saves less on average than it costs says what it does for the bad years,
    /// and the per-1,000 figures carry their currency and a plain reading.
    @Test func valueForMoneyLooksBeyondTheAverage() throws {
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("| Avoided per £1,000 spent |"))
        #expect(Self.matches(care, #"£\d+ means £\d+ saved on average for every £1,000 the response costs"#))
        let insurance = try #require(care.split(separator: "\n").first { $0.contains("| AS-05 People employ their own PAs") })
        #expect(insurance.contains("the average of the worst 1 in 20 years by"), "\(insurance)")
        #expect(!care.contains("saves less on average than it costs |"))
    }

    /// The board report ends with a glossary of its technical words; the direction of an
    /// outcome the register does not state reads as a rule, not a guess; review dates appear once.
    @Test func aGlossaryAndPlainWordsForWhatTheRegisterDoesNotSay() throws {
        for name in ReportFixtures.examples {
            let text = try Self.report(name)
            #expect(text.contains("\n## Glossary\n"), "\(name)")
            #expect(text.contains("- [Glossary](#glossary)"), "\(name)")
            #expect(text.contains("**Simulation margin (±):**") && text.contains("**Co-production modes:**"), "\(name)")
            #expect(!text.contains("as inferred from the register"), "\(name)")
            #expect(text.components(separatedBy: "ast reviewed").count == 2, "\(name): review dates once")
            #expect(!text.contains("over the next 12 months"), "\(name)")
            // The glossary names the horizon as the header does: "1 year", never "12 months".
            #expect(text.contains("set in the register (here 1 year)") && !text.contains("12 months"), "\(name)")
        }
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("The register does not say which way is better for Wellbeing of the people taking part (more is better), Overspend on care and support (less is better)"))
        #expect(care.contains("**Chance the harm comes about (the activity goes ahead in any case"))
    }

    /// Leiden's costs can only rise (no entry brings a saving), and half the simulated years
    /// have none: "Half of them ended with no net change or better" offered a better that cannot
    /// happen. Its impact range is the estimates' before responses, and says so.
    @Test func aLossThatCanOnlyRiseSaysHalfTheYearsHaveNone() throws {
        let leiden = try Self.report("community-safety-leiden")
        let costs = try #require(leiden.split(separator: "\n").first { $0.hasPrefix("**How big the loss to Overspend on the partnership") })
        #expect(costs.contains("Half of them ended with no loss at all; 1 in 10 with a loss of €"), "\(costs)")
        #expect(!leiden.contains("no net change or better"))
        #expect(leiden.contains("- **Impact of one occurrence, before responses (the middle 8 in 10: 1 in 10 are smaller, 1 in 10 larger):** "))
    }

    /// A perspective's table gave only the chance of a net gain, ">99.9%" in every row, beside
    /// verdicts of 48% and 58% on the board's aim for a gain above 260 points: it now has a
    /// column for what each appetite statement on the outcome is about.
    @Test func aPerspectivesTableGivesTheChanceTheAppetiteIsAbout() throws {
        let care = try String(contentsOfFile: TestSupport.path("docs/examples/adult-social-care-positive-risk-board.md"), encoding: .utf8)
        let lines = care.split(separator: "\n")
        let head = try #require(lines.firstIndex { $0.hasPrefix("**Each perspective's view: Wellbeing of the people taking part.**") })
        #expect(lines[head].hasSuffix("The last column gives each perspective's chance of what the board's appetite statement on this outcome is about."))
        #expect(lines[head + 1].hasSuffix("| Chance of a net gain | Chance of a gain of more than 260 points | "), "\(lines[head + 1])")
        #expect(lines[head + 3].hasPrefix("| Social workers and practitioners |") && lines[head + 3].hasSuffix("| 48% | "), "\(lines[head + 3])")
    }

    /// In HTML, the first use of each glossary term links to its entry.
    @Test func htmlTermsLinkToTheGlossary() throws {
        let html = try ReportFixtures.example("adult-social-care-positive-risk", .board, format: .html, trials: 2_000)
        for id in ["percentiles", "es95", "variance", "interval", "horizon", "pooled", "borrowed", "modes"] {
            #expect(html.contains("<a class=\"term\" href=\"#g-\(id)\">"), "\(id)")
            #expect(html.contains("<dt id=\"g-\(id)\">"), "\(id)")
        }
        #expect(html.components(separatedBy: "href=\"#g-percentiles\"").count == 2)
    }

    /// A dash explains nothing: where a figure or a name is missing, the cell says why.
    @Test func missingFiguresAreSaidInWords() throws {
        // Leiden states every entry's rating; one left unstated shows what the cell says.
        var register = try ReportFixtures.load("community-safety-leiden")
        let i = try #require(register.risks.firstIndex { $0.id == "CS-01" })
        register.risks[i].ratings?.current = nil
        let leiden = try ReportFixtures.render(register, format: .markdown, audience: .board)
        let matrix = BoardFirstReadTests.section(leiden, "### On the organisation’s own matrix")
        #expect(!matrix.contains("| — |") && matrix.contains("| none stated |"), "\(matrix)")
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("| £4,000 | no rate stated |"))
        #expect(care.contains("| 12 of 12 entries | none |"))
        // "outside on those of A; B." read as broken punctuation.
        #expect(care.contains("outside on those of Social workers and practitioners. Family carers: outside appetite ("))
    }

    /// Levers and entries say what their figures are of, in the outcome's own terms: a count
    /// rises, a gain is a gain, and an activity's average is the activity and its risk together.
    @Test func leversAndActivitiesSayWhatTheirFiguresAreOf() throws {
        // The partnership's incidents appetite made tighter (10% instead of 20%), so that its
        // verdict is outside and the decision page lists the levers.
        let text = try String(contentsOfFile: TestSupport.path("Registers/community-safety-leiden.yaml"), encoding: .utf8)
        let tighter = text.replacingOccurrences(of: "    at-most: 20%\n", with: "    at-most: 10%\n")
        #expect(tighter != text)
        let leiden = try ReportFixtures.render(try ReportFixtures.load(yaml: tighter, file: "community-safety-leiden.yaml"),
                                               format: .markdown, audience: .board, trials: 2_000)
        #expect(leiden.contains("the chance of a rise of more than 25 incidents would be"), "\(leiden)")
        #expect(!leiden.contains("the chance that losses exceed 25 incidents"))
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("the chance of a net gain would be") && !care.contains("the chance of a net benefit would be"))
        let injury = BoardFirstReadTests.section(care, "### AS-09 Injury during community activities")
        #expect(injury.contains("- **On average, the activity and its risk together:** a gain of"), "\(injury)")
        let cover = BoardFirstReadTests.section(care, "### AS-03 A personal assistant is off")
        #expect(cover.contains("- **On average:** a net loss of"), "\(cover)")
    }
}
