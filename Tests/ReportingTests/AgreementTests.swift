import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// Figures and words that must agree with each other across a report, and between the board
/// and the community report: which entries a likelihood-and-impact table places, one tie rule
/// and one precision for a chance, a long baseline or period defined once, and English a board
/// member does not stumble on.
@Suite("Figures and words that agree", .serialized)
struct AgreementTests {
    static func render(_ name: String, _ audience: ReportOptions.Audience, _ language: String = "en",
                       format: ReportOptions.Format = .markdown, trials: Int = 4_000) throws -> String {
        try ReportFixtures.example(name, audience, language: language, format: format, trials: trials)
    }

    static func matches(_ text: String, _ pattern: String) -> Bool { ReportFixtures.matches(text, pattern) }

    static func section(_ page: String, _ heading: String) -> String { ReportFixtures.section(page, heading) }

    /// The rows of the likelihood-and-impact table: from its bold title to the next blank line
    /// after the table, with the sentence beneath it.
    static func heatTable(_ page: String, title: String) -> (rows: [Substring], after: String) {
        guard let start = page.range(of: "**\(title).**") else { return ([], "") }
        let rest = page[start.upperBound...]
        let rows = rest.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        let afterTable = rest.range(of: "\n\n", range: (rest.range(of: "\n|")?.upperBound ?? rest.startIndex)..<rest.endIndex)
        let after = afterTable.map { String(rest[$0.upperBound...].prefix { $0 != "\n" }) } ?? ""
        return (Array(rows), after)
    }

    /// "AS-07 | Likely (50–80%) | Significant … £63,200 net of benefit": residential care placed
    /// as a live risk under a Shared Lives headline. Both reports place only the scored option's
    /// entries, and say beneath which entries of other options are left out and why.
    @Test(arguments: [ReportOptions.Audience.board, .community])
    func theHeatMapPlacesOnlyTheScoredOptionsEntries(_ audience: ReportOptions.Audience) throws {
        let page = try Self.render("adult-social-care-positive-risk", audience)
        let table = Self.heatTable(page, title: "Likelihood and impact of each entry")
        #expect(!table.rows.isEmpty)
        #expect(!table.rows.contains { $0.contains("AS-07") || $0.contains("AS-08") }, "\(table.rows)")
        #expect(table.rows.contains { $0.contains("AS-06") })
        if audience == .board {
            #expect(table.after.hasPrefix("Not placed: AS-07 and AS-08, activities of options other than “Shared Lives”"), "\(table.after)")
        } else {
            #expect(table.after.hasPrefix("Not in this table: Residential care placements for the same 12 people (AS-07) and Supported living"), "\(table.after)")
        }
    }

    /// CS's own 5×5 matrix left out CS-06, CS-07 and CS-12 without saying why: it says so now,
    /// under the same rule as the heat map.
    @Test func theOwnMatrixSaysWhichEntriesOfOtherOptionsItLeavesOut() throws {
        let page = try Self.render("community-safety-leiden", .board)
        #expect(Self.matches(page, #"Not on the matrix: CS-06, CS-07 and CS-12, activities of options other than “[^”]+”, the one the headline figures assume"#))
        let dutch = try Self.render("community-safety-leiden", .community, "nl")
        let table = Self.heatTable(dutch, title: "Kans en gevolg van elk onderdeel")
        #expect(!table.rows.contains { $0.contains("(CS-06") || $0.contains("(CS-07") || $0.contains("(CS-12") }, "\(table.rows)")
        #expect(table.after.hasPrefix("Niet in deze tabel:"), "\(table.after)")
    }

    /// "the table shows the one where its harm weighs most", yet AS-06 showed £61,000 (15% of
    /// its yardstick) where its hours harm is 22% of its own: placed by the larger share, not
    /// the first outcome in the same band. And a grade reads "% of 4,210 hours", not "% of the
    /// reference amount", for hours.
    @Test func anEntryIsPlacedByTheOutcomeWhereItsHarmWeighsMostInItsOwnUnit() throws {
        let page = try Self.render("adult-social-care-positive-risk", .community)
        let table = Self.heatTable(page, title: "Likelihood and impact of each entry")
        let sharedLives = try #require(table.rows.first { $0.contains("(AS-06") })
        // Its money harm, about £61,000 against the £50,000 budget limit, weighs more than its
        // hours harm, about 940 of 4,210 hours; but a breakdown harms the person first: it is
        // placed by its harm to people (here the hours, which weigh most of those), not money.
        #expect(!sharedLives.contains("£50,000)"), "\(sharedLives)")
        #expect(Self.matches(String(sharedLives), #"of [0-9,]+ hours\)"#), "\(sharedLives)")
        #expect(!table.rows.contains { $0.contains("of the reference amount") }, "\(table.rows)")
        #expect(table.rows.contains { Self.matches(String($0), #"\((under 5%|5–15%|15–40%|40–100%) of [0-9,]+ hours\)"#) }, "\(table.rows)")
        #expect(table.rows.contains { Self.matches(String($0), #"of £50,000\)"#) }, "\(table.rows)")
        let dutch = try Self.render("community-safety-leiden", .community, "nl")
        #expect(!dutch.contains("van het referentiebedrag"))
        #expect(Self.matches(dutch, #"% van [0-9.]+ (uur|incidenten|personen|persoon)\)"#))
    }

    /// "If no response were delivered, the chance of a net gain above 260 points would be 60%:
    /// within appetite" against "want ≥ 60%" and ±0.6: the levers use the headline's tie rule
    /// and its precision beside a limit.
    @Test func aLeverAtItsLimitIsTooCloseToCall() throws {
        let page = try Self.render("adult-social-care-positive-risk", .board, trials: 20_000)
        let line = try #require(page.split(separator: "\n").first { $0.hasPrefix("- If no response were delivered, the chance of a net gain above 260 points") })
        #expect(line.contains("too close to call"), "\(line)")
        #expect(!line.contains("would be 60%:"), "\(line)")
        for lever in page.split(separator: "\n") where lever.hasPrefix("- If ") || lever.hasPrefix("- Under the option") {
            // A chance that reads as its limit is either apart from it or too close to call.
            #expect(!Self.matches(String(lever), #"would be 60%: within appetite"#), "\(lever)")
        }
    }

    /// AS-03 read ">99.9%" in the heat map and "every trial (100%)" at its own entry; then
    /// "in every simulation (>99.9%)" there and "almost certain: more than 99 in 100 (>99.9%)"
    /// for Family carers' view of AS-02: one percentage, two forms of words, and a reader asked
    /// whether it happened in every simulated year or not.
    @Test func aChanceSeenInEveryTrialReadsTheSameEverywhere() throws {
        let page = try Self.render("adult-social-care-positive-risk", .board)
        #expect(!page.contains("(100%)"))
        #expect(!page.contains("in every simulation"))
        #expect(page.contains("almost certain: more than 99 in 100 (>99.9%)"))
        let ward = try Self.render("ward-7-patient-partnership", .board)
        #expect(!ward.contains("±<0.1 percentage points)"), "a bound stands alone")
        #expect(!ward.contains("(<0.1%, ±"))
    }

    /// The baseline "the hours people would have if every journey were escorted, …" some 20
    /// times, the period "the 2027/28 financial year (April 2027 to March 2028)" some 40: each
    /// in full at most once per part of the report, in both reports and in Dutch.
    @Test(arguments: [("adult-social-care-positive-risk", "en", "the hours people would have if every journey were escorted"),
                      ("adult-social-care-positive-risk", "en", "the 2027/28 financial year (April 2027 to March 2028)"),
                      ("ward-7-patient-partnership", "en", "the 2027/28 financial year (April 2027 to March 2028)")])
    func aLongPhraseIsWrittenInFullOncePerPart(_ name: String, _ language: String, _ phrase: String) throws {
        for audience in [ReportOptions.Audience.board, .community] where audience == .community || language == "en" {
            let page = try Self.render(name, audience, language)
            let parts = page.components(separatedBy: "\n## ")
            #expect(parts.contains { $0.contains(phrase) }, "\(audience): the phrase is still defined")
            for part in parts {
                #expect(part.components(separatedBy: phrase).count <= 2, "\(audience): \(part.prefix(80)) repeats “\(phrase)”")
            }
        }
    }

    /// The short names read as the register's own words: the baseline less its closing
    /// brackets, "the baseline" for the one long one, defined where it is first used.
    @Test func theShortNamesAreDefinedAndUsed() throws {
        let care = try Self.render("adult-social-care-positive-risk", .board)
        #expect(care.contains("stayed in their care homes (from here on, “the baseline”)"))
        #expect(Self.matches(care, #"[0-9,]+ hours or more below the baseline"#))
        #expect(care.contains("in the 2027/28 financial year;") || care.contains("in the 2027/28 financial year "))
        let leiden = try Self.render("community-safety-leiden", .community, "nl")
        #expect(!leiden.contains("de prognose van de politie (ongeveer 140 per jaar)") || Self.matches(leiden, #"de prognose van de politie[.;:,]"#))
    }

    /// A register may name its own short forms: `period-short` and `baseline-short`.
    @Test func aRegisterMayGiveItsOwnShortNames() throws {
        // Ward 7 names it; without it, the period less its closing brackets is the short name.
        let register = try ReportFixtures.load("ward-7-patient-partnership")
        #expect(register.metadata.periodShort == "2027/28")
        let page = try ReportFixtures.render(register, format: .markdown, audience: .board)
        #expect(page.contains("in 2027/28"))
        let parts = page.components(separatedBy: "\n## ")
        #expect(parts.allSatisfy { $0.components(separatedBy: "the 2027/28 financial year").count <= 2 })
        let source = try String(contentsOfFile: TestSupport.path("Registers/ward-7-patient-partnership.yaml"), encoding: .utf8)
        let yaml = source.replacingOccurrences(of: "  period-short: 2027/28\n", with: "")
        #expect(yaml != source)
        let unnamed = try ReportFixtures.render(try ReportFixtures.load(yaml: yaml, file: "ward.yaml"), format: .markdown, audience: .board)
        #expect(!unnamed.contains("in 2027/28 ") && unnamed.contains("in the 2027/28 financial year "))
    }

    /// Odd English in the board report's detail: "rise by more than 1 patient", "How big the
    /// loss to People hurt", "Avoided per 1,000 of cost", "puts it on no outcome", "not marked
    /// as still to check", and "these entries" for one entry.
    @Test func theBoardReportReadsAsEnglish() throws {
        let ward = try Self.render("ward-7-patient-partnership", .board)
        #expect(!ward.contains("rise by more than"))
        #expect(ward.contains("of 2 patients or more, counted in Patients whose confidential information is overheard"))
        let leiden = try Self.render("community-safety-leiden", .board)
        #expect(!leiden.contains("How big the loss to People hurt"))
        #expect(leiden.contains("How big the rise in People hurt"))
        #expect(leiden.contains("Avoided per €1,000 of cost, citizen time counted as cost"))
        #expect(leiden.contains("No service user or community group helped estimate CS-09 (confidential): no perspective that includes service users or a community group estimated it,"))
        let care = try Self.render("adult-social-care-positive-risk", .board)
        #expect(!care.contains("puts it on no outcome") && care.contains("counts it in no outcome"))
        #expect(!care.contains("estimated these entries") || care.contains("AS-10 (confidential) and AS-13"))
    }

    /// CS costs: "Chance of a net reduction <0.1%" on an outcome only another option's entry
    /// can lower: the column goes where no scored entry can lower the outcome.
    @Test func noChanceOfANetReductionWhereNothingScoredCanLowerTheOutcome() throws {
        let leiden = try Self.render("community-safety-leiden", .board)
        let costs = Self.section(leiden, "\n### Overspend on the partnership's 2027 budget (EUR)")
        #expect(!costs.isEmpty)
        #expect(!costs.contains("Chance of a net reduction"), "\(costs)")
        #expect(!costs.contains("a minus sign is a net reduction"), "\(costs)")
        let dutch = try Self.render("community-safety-leiden", .community, "nl")
        let dutchCosts = Self.section(dutch, "\n### Overschrijding van de convenantbegroting 2027\n")
        #expect(!dutchCosts.isEmpty)
        #expect(!dutchCosts.contains("Kans op een netto-afname"), "\(dutchCosts)")
    }

    /// "differ by up to 588 hours (before responses)" beside a table of each perspective's view
    /// after responses: the spread is the table's own.
    @Test func thePerspectivesSpreadIsTheTablesOwn() throws {
        let leiden = try Self.render("community-safety-leiden", .board)
        #expect(!leiden.contains("(before responses)."))
        #expect(Self.matches(leiden, #"Perspectives' 1 in 10 bad years differ by up to [0-9.,]+ hours \(after responses\)"#))
    }

    /// "Costs beyond the ward budget (threshold £120,000) and Costs beyond the ward budget
    /// (threshold £250,000)": the banner names each outcome once.
    @Test func theBannerNamesEachOutcomeOnce() throws {
        let ward = try Self.render("ward-7-patient-partnership", .board)
        let banner = try #require(ward.split(separator: "\n").first { $0.hasPrefix("> **Not for publication") })
        #expect(banner.components(separatedBy: "Costs beyond the ward budget").count == 2, "\(banner)")
        #expect(!banner.contains("(threshold"), "\(banner)")
    }
}
