import Foundation
import RegisterModel
import Reporting
import Testing
import _TestSupport

/// What a committee member reading the example board reports for the first time could not
/// check or could not follow on the decision page, each checked on the reports as the shipped templates
/// render them (2,000 trials), or on the shipped examples where a figure must add up exactly.
@Suite("Decision page figures a member can check", .serialized)
struct DecisionPageFiguresTests {
    static func report(_ name: String) throws -> String { try BoardFirstReadTests.report(name) }

    /// The decision page: from its heading to the next second-level heading.
    static func decisionPage(_ text: String) -> String {
        let start = text.range(of: "## For decision")?.lowerBound ?? text.startIndex
        let rest = text[start...].dropFirst(3)
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    /// The money table's rows: option, entries after responses, own cost, against appetite,
    /// responses' cost, all told.
    static func moneyRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").drop { !$0.hasPrefix("| Option | Entries after responses") }.dropFirst(2).prefix { $0.hasPrefix("| ") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// "£28,200" or "a net saving of £284,300" as a signed loss in whole currency units.
    static func money(_ cell: String) -> Double? {
        guard let start = cell.firstIndex(where: { "£€$".contains($0) }) else { return cell == "none" ? 0 : nil }
        let digits = cell[cell.index(after: start)...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        guard let value = Double(String(digits)) else { return nil }
        return cell.contains("saving") ? -value : value
    }

    /// 1. "£284,000 less than the plan" next to "£105,500 of responses not counted", and Ward 7's
    /// headline option at £28,200 in one place and £76,200 in another: one table gives, for each
    /// option, what the entries come to, its own cost, the figure against appetite, what the
    /// responses cost and all told, and says which figure the appetite judges. Checked on the
    /// shipped examples (20,000 trials); how the columns add up is MoneyFiguresTests'.
    @Test func moneyAddsUpToOneTotalAndSaysWhatTheAppetiteTests() throws {
        for name in ReportFixtures.examples {
            let text = try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-board.md"), encoding: .utf8)
            let rows = Self.moneyRows(text)
            #expect(rows.count >= 3, "\(name)")
            for row in rows { #expect(row.dropFirst().compactMap(Self.money).count == 5, "\(name): \(row)") }
            #expect(Self.decisionPage(text).contains("“All told”: the figure against appetite and the responses’ cost together, every cost counted: the figure the rule below compares options on, and the one to minute."), "\(name)")
            #expect(Self.decisionPage(text).contains("judge this figure"), "\(name)")
        }
        let ward = try String(contentsOfFile: TestSupport.path("docs/examples/ward-7-patient-partnership-board.md"), encoding: .utf8)
        #expect(ward.contains("| One-to-one observation by staff-pool or agency nurses (current) | a loss of £27,100 | £48,000 | a loss of £75,100 | £30,200 | a loss of £105,300 |"))
        #expect(!ward.contains("The responses in these figures cost"))
    }

    /// 1. The rule's money step ignored what the responses cost, so adult social care's
    /// framework cover (£18,000 a year dearer than the Hub's bank) tied with Shared Lives on
    /// money. It counts them now, in the rule and in the sentence.
    @Test func theMoneyStepCountsWhatEachOptionsResponsesCost() throws {
        let care = try Self.report("adult-social-care-positive-risk")
        let rows = Self.moneyRows(care)
        let shared = try #require(rows.first { $0[0].hasPrefix("Shared Lives (proposed)") })
        let framework = try #require(rows.first { $0[0].hasPrefix("Shared Lives, with PA cover") })
        #expect(Self.money(framework[4])! - Self.money(shared[4])! == 18_000, "\(shared) \(framework)")
        let page = Self.decisionPage(care)
        #expect(page.contains("By the board’s own appetite the figures favour the same option"), "\(page)")
        #expect(page.contains("it costs least on average all told (the figure against appetite and the responses’ cost, as the money table defines them)"))
        #expect(!page.contains("do not choose between “Shared Lives” and “Shared Lives, with PA cover"))
    }

    /// 2. No "For decision" section said what the board is asked to decide, nor which option is
    /// current. With `current` and `proposed` on the options it says both; where the register
    /// marks neither, it says the register does not say.
    @Test func theDecisionIsStatedFromTheRegistersMarks() throws {
        let care = Self.decisionPage(try Self.report("adult-social-care-positive-risk"))
        #expect(care.contains("**Current plan: “Residential care (current)”. Proposed: “Shared Lives”. "), "\(care.prefix(600))")
        #expect(care.contains(" The council's Adult Social Care committee is asked to decide whether to move from “Residential care (current)” to “Shared Lives”, or to one of the other options compared below (5 in all)."), "\(care.prefix(600))")
        // The shipped example (20,000 trials): at fewer the rule cannot tell the current option
        // from the sensors option on patient safety, and cost favours the sensors.
        let ward = Self.decisionPage(try String(contentsOfFile: TestSupport.path("docs/examples/ward-7-patient-partnership-board.md"), encoding: .utf8))
        #expect(ward.contains("**Current plan: “One-to-one observation by staff-pool or agency nurses”. Proposed: the register names no proposal. By the board’s own appetite the figures favour “One-to-one observation by staff-pool or agency nurses” (the rule and its steps are below). A fragile favourite: “One-to-one observation by staff-pool or agency nurses” wins only on a limit that every option still in the running breaks, by less than twice the margin of error. Counted as a tie, the rule would pick “Patient-led falls plans with sensor alarms”, on cost; on cost alone, “Patient-led falls plans”. On their own estimates, Patients would favour “Patient-led falls plans” and Carers would favour “Patient-led falls plans with sensor alarms” (largely on others’ figures). The ward's partnership group is asked to stay with the current option, “One-to-one observation by staff-pool or agency nurses”, or choose another of the 3 options compared below."))
        #expect(ward.contains("It is also asked what to do about Patient safety incidents with moderate or greater harm, outside appetite."))
        // Unmarked: said, not guessed from the order of the list.
        var unmarked = try ReportFixtures.load("ward-7-patient-partnership")
        for i in unmarked.portfolios.indices { unmarked.portfolios[i].isCurrent = false }
        let text = try ReportFixtures.render(unmarked, format: .markdown, audience: .board, trials: 1_000)
        #expect(text.range(of: #"\*\*Current plan: the register does not say which option is current\. Proposed: the register names no proposal\. (By the board’s own appetite the figures favour “[^”]+” \(the rule and its steps are below\)\. )?(A fragile favourite: [^*]*? )?(On their own estimates, [^*]*? )?The ward's partnership group is asked to choose one of the 3 options compared below\."#, options: .regularExpression) != nil)
        // The option table marks them too.
        #expect(care.contains("| Shared Lives (proposed) |") && !care.contains("(current) (current)"))
    }

    /// `current: true` on two options is an error at the second mark, naming both.
    @Test func twoCurrentOptionsAreAnError() throws {
        let yaml = try String(contentsOfFile: TestSupport.path("Registers/ward-7-patient-partnership.yaml"), encoding: .utf8)
        let twice = yaml.replacingOccurrences(of: "  - id: patient-led\n", with: "  - id: patient-led\n    current: true\n")
        #expect(throws: (any Error).self) { try ReportFixtures.load(yaml: twice, file: "ward.yaml") }
        do {
            _ = try ReportFixtures.load(yaml: twice, file: "ward.yaml")
        } catch {
            #expect("\(error)".contains("options `enhanced-observation` and `patient-led` are both marked `current: true`"), "\(error)")
        }
    }

    /// 3. Every lever for Ward 7's patient safety ended "outside appetite", with nothing to say
    /// so: the page says nothing listed is enough, gives the gap and the choices left.
    @Test func aVerdictNoLeverCanMoveSaysSoWithTheGapAndTheChoices() throws {
        // Ward 7 with a weaker observation response, which no lever brings within appetite.
        let ward = Self.decisionPage(try OptionsDecisionTests.wardVariant([("      reliability: 70%\n      reduces-likelihood-by: 50%", "      reliability: 70%\n      reduces-likelihood-by: 35%")]))
        let line = try #require(ward.split(separator: "\n").first { $0.hasPrefix("None of the responses or options listed above brings Patient safety incidents") }).description
        #expect(line.contains("against the board’s limit of 5.0% (want ≤ 5.0%)"), "\(line)")
        #expect(line.contains("The nearest any of them comes is"), "\(line)")
        #expect(ward.contains("accept a higher chance by changing its appetite; fund a response or an option that is not yet in the register; or scale back or stop the activities behind it, giving up what they bring. Were one stopped altogether"), "\(ward)")
        #expect(ward.contains(" without W7-01 A self-administering patient takes a wrong dose: "), "\(ward)")
        // Where nothing is outside appetite (Leiden), nothing is said.
        #expect(!(try Self.report("community-safety-leiden")).contains("None of the responses or options listed above brings"))
    }

    /// 4. AS-10 and CS-09 were named unmarked on the decision page, in the drivers and in the
    /// value-for-money table. The banner names the entry, and every mention carries the marker.
    @Test func confidentialEntriesAreMarkedWhereverTheyAreNamed() throws {
        for (name, id, title) in [("adult-social-care-positive-risk", "AS-10", "Cuckooing or mate crime"),
                                  ("community-safety-leiden", "CS-09", "A group admin is intimidated")] {
            let text = try Self.report(name)
            let banner = try #require(text.split(separator: "\n").first { $0.hasPrefix("> **Not for publication") }).description
            #expect(banner.contains("\(id) \(title)"), "\(banner)")
            var mentions = 0
            for line in text.split(separator: "\n") where line.contains(id) && !line.hasPrefix("> **Not for publication") {
                var rest = Substring(line)
                while let r = rest.range(of: id) {
                    let after = rest[r.upperBound...]
                    let marked = after.hasPrefix(" (confidential)") || after.hasPrefix(" \(title)") && after.prefix(200).contains("(confidential")
                        || after.hasPrefix(" |") || after.hasPrefix("\">") || after.hasPrefix("](")
                    #expect(marked, "\(name): \(line.prefix(300))")
                    mentions += 1
                    rest = after
                }
            }
            #expect(mentions > 5, "\(name)")
        }
        // The community report never carries the marker: it leaves the entry out.
        let community = try ReportFixtures.example("adult-social-care-positive-risk", .community, format: .markdown, trials: 1_000)
        #expect(!community.contains("AS-10") && !community.contains("(confidential)"))
    }

    /// 5. "Within appetite: 3.7%" beside "Outside appetite: 76%": each row says what its chance
    /// is of and which way the board wants it.
    @Test func eachPerspectiveRowGivesItsLimitAndDirection() throws {
        let care = try Self.report("adult-social-care-positive-risk")
        #expect(care.contains("| Hours of independent living: the chance of a net gain, want ≥ 80% |"))
        #expect(care.contains("| Safeguarding enquiries: the chance of a rise of more than 5 enquiries, want ≤ 5.0% |"))
        let ward = try Self.report("ward-7-patient-partnership")
        #expect(ward.contains("| Patient safety incidents with moderate or greater harm: the chance that harm alone exceeds 4 incidents, want ≤ 5.0% |"))
    }

    /// 6. "(partly borrowed)" for a perspective that estimated 3 of 13 entries: the header says
    /// how many it estimated.
    @Test func perspectiveHeadersCountTheirOwnEstimates() throws {
        let ward = try Self.report("ward-7-patient-partnership")
        #expect(ward.contains("| Carers (own estimates for 3 of 13 entries) |"))
        #expect(!ward.contains("(partly borrowed)"))
        // Who set the 40/40/20 weights and why, beside them, as the register states it.
        #expect(ward.contains("| Carers | 20% | Set by the ward's partnership group, in October 2026: Carers gave their estimates"), "\(ward)")
        #expect(ward.contains("| Ward clinicians | 40% | Set by the ward's partnership group, in October 2026: Nurses, pharmacists and the falls prevention team gave estimates"))
    }

    /// 7. "76% (±0.7 percentage points)" looked firm: the page says the ± is the simulation's
    /// error only and gives the spread between perspectives, the larger uncertainty.
    @Test func thePlusMinusIsReadRightly() throws {
        let text = try String(contentsOfFile: TestSupport.path("docs/examples/adult-social-care-positive-risk-board.md"), encoding: .utf8)
        let page = Self.decisionPage(text)
        #expect(page.contains("The “±” beside a chance is the simulation’s own error only: it says nothing about how good the estimates are."))
        #expect(page.contains("from 56% to 95% for Hours of independent living"), "\(page)")
        // No spread of a fraction of a point past the extremes.
        #expect(!page.contains("from >99.9% to 100%"))
    }

    /// 8. The rule in one 90-word sentence: now four numbered steps in plain English.
    @Test func theRuleIsFourNumberedSteps() throws {
        for name in ReportFixtures.examples {
            let page = Self.decisionPage(try Self.report(name))
            let steps = page.split(separator: "\n").filter { line in ["1. ", "2. ", "3. ", "4. "].contains { line.hasPrefix($0) } }
            #expect(steps.count == 4, "\(name)")
            #expect(steps.allSatisfy { $0.split(separator: " ").count <= 40 }, "\(name)")
            #expect(!page.contains("The rule: first the options"))
        }
        let html = try ReportFixtures.example("ward-7-patient-partnership", .board, format: .html, trials: 1_000)
        #expect(html.contains("<ol class=\"rule\">"))
    }

    /// 9. "Outside appetite: 1 of 4 appetite statements" named nothing: each count names its
    /// statements, with the chance and the limit.
    @Test func theSummaryNamesItsStatements() throws {
        let ward = Self.decisionPage(try Self.report("ward-7-patient-partnership"))
        #expect(ward.contains("Outside appetite: 1 of 6 appetite statements, Patient safety incidents with moderate or greater harm ("), "\(ward.prefix(900))")
        #expect(ward.contains("; want ≤ 5.0%). Too close to call on the headline figures: none."))
        let leiden = Self.decisionPage(try Self.report("community-safety-leiden"))
        #expect(leiden.contains("Outside appetite: none of the 4 appetite statements."))
    }

    /// 10. Ward 7's patient safety "Outside appetite" beside "1.87 incidents less than the
    /// ward's usual level": one sentence at the verdict says why.
    @Test func aHarmAloneVerdictSaysWhyANetReductionCanBeOutside() throws {
        let ward = try Self.report("ward-7-patient-partnership")
        let verdict = try #require(ward.split(separator: "\n").first { $0.hasPrefix("- **Outside appetite: Patient safety incidents") }).description
        #expect(verdict.contains("Overall the entries reduce it (on average"), "\(verdict)")
        #expect(verdict.contains("less than the ward's usual level (about 20 such incidents a year) in a year), but the board’s appetite limits the harm they cause, whatever harm they avoid"))
        // Not where the entries do not reduce the outcome, and not in the community report.
        let community = try ReportFixtures.example("ward-7-patient-partnership", .community, format: .markdown, trials: 1_000)
        #expect(!community.contains("Overall the entries reduce it"))
    }

    /// 11. "In a 1 in 10 bad year, 42 days or more" for bed days the schemes save on average:
    /// where an outcome has benefits and no baseline, the bad year says it is a net increase.
    @Test func aBadYearSaysWhichWayItGoes() throws {
        var register = try ReportFixtures.load("ward-7-patient-partnership")
        register.outcomes = register.outcomes.map { var o = $0; if o.id == "bed-days" { o.baseline = nil }; return o }
        let ward = try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 1_000)
        let beds = try #require(ward.split(separator: "\n").first { $0.hasPrefix("- **Bed days** (days):") }).description
        #expect(beds.contains("in a 1 in 10 bad year, a net increase of "), "\(beds)")
        // Where the outcome has a baseline, the baseline says it: the ward's usual bed days, and
        // Leiden's police forecast.
        let shipped = try #require(try Self.report("ward-7-patient-partnership").split(separator: "\n").first { $0.hasPrefix("- **Bed days** (days):") })
        #expect(shipped.contains(" days or more above the bed days the ward's patients usually need"), "\(shipped)")
        let leiden = try Self.report("community-safety-leiden")
        #expect(leiden.contains("the police forecast (about 140 a year)"))
    }

    /// 12. The small inconsistencies: "Less than a 1 in 100 chance (<0.1%)", "100%" beside
    /// ">99.9%", "Chance of a net reduction: 0% … 0%" on a cost, "any increase at all",
    /// "exceeds 0 people", "harm to Patient safety incidents", "differ by up to 0 patients" and
    /// "(51% of the variance)" on the drivers list.
    @Test func theSmallInconsistenciesAreGone() throws {
        for name in ReportFixtures.examples {
            let text = try Self.report(name)
            for bad in ["1 in 100 chance (<0.1%", "Chance of a net reduction: 0% with responses, 0% without", "any increase at all",
                        "exceeds 0 ", "that harm to ", "differ by up to 0 ", "of the variance)"] {
                #expect(!text.contains(bad), "\(name): \(bad)")
            }
            let rows = text.split(separator: "\n").drop { !$0.hasPrefix("| Outcome | Headline (pooled)") }.dropFirst(2).prefix { $0.hasPrefix("| ") }
            #expect(!rows.isEmpty)
            for row in rows { #expect(!row.contains(": 100% |") && !row.contains(": 0% |"), "\(name): \(row)") }
        }
        let leiden = try Self.report("community-safety-leiden")
        #expect(leiden.contains("of any harm at all in People hurt, threatened or wrongly accused through the partnership's work in 2027, counting only the harm the entries cause"))
        let ward = try Self.report("ward-7-patient-partnership")
        #expect(ward.contains("of more than 4 incidents in Patient safety incidents with moderate or greater harm in the 2027/28 financial year (April 2027 to March 2028), counting only those the entries cause, not those they avoid"))
        #expect(ward.contains("Largest drivers, each with its share of how much the outcome varies from year to year (a share of the ups and downs, not of the average): W7-01"))
    }
}

