import Foundation
import Reporting
import Testing
import _TestSupport

/// On the board page the words agree with the figures beside them: whom a money figure
/// measures, which planned spend the budget test counts, what stopping an activity would do
/// (not one of the levers), which way a count in the option comparison goes, what a driver's
/// share is a share of, and the method of the likelihood-and-impact table in plain words.
@Suite("Board report: words that agree with the figures")
struct BoardWordsAgreeTests {
    static let names = ["adult-social-care-positive-risk", "ward-7-patient-partnership", "community-safety-leiden"]

    static func board(_ name: String) throws -> String {
        try ReportFixtures.example(name, .board)
    }

    /// The shipped example (seed 1, 20,000 trials), for the figures the cases here rest on.
    static func shipped(_ name: String, _ format: String = "md") throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-board.\(format)"), encoding: .utf8)
    }

    /// The rows of the table that compares the portfolios.
    static func portfolioRows(_ page: String) -> [Substring] {
        guard let start = page.range(of: "## Options compared") else { return [] }
        let rest = page[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        return section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") && !$0.hasPrefix("| Portfolio |") }
    }

    /// AS-05's claims fall on the council, whose money the care budget counts: the row says
    /// the money figure counts only that part, never that no money figure measures them.
    @Test func aBearerTheOrganisationsMoneyMeasuresIsNotCalledUnmeasured() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        let row = try #require(page.split(separator: "\n").first { $0.contains("| AS-05 People employ their own PAs") && $0.contains("saves less on average than it costs") })
        #expect(!row.contains("whom no money figure here measures"), "\(row)")
        #expect(row.contains("it is there for “The person who employs the PA, and the council when a claim falls to it”, and the money figure counts only its cost to the council, not what else falls on them"), "\(row)")
        // Only bearers that no outcome of the register measures are said to be unmeasured: in
        // the examples, the members and people named in Leiden's WhatsApp groups (CS-10).
        for name in Self.names {
            let rows = try Self.board(name).split(separator: "\n").filter { $0.contains("whom no money figure here measures") }
            #expect(rows.allSatisfy { $0.contains("| CS-10 ") }, "\(name): \(rows)")
        }
    }

    /// The PA cover (a planned action) is not in the £50,000 test and the matching worker (an
    /// option's own cost) is: the page says why, from where the register counts each.
    @Test func theBudgetTestSaysWhyAnOptionsOwnCostCountsAndAResponsesDoesNot() throws {
        let page = try Self.board("adult-social-care-positive-risk")
        #expect(page.contains("“Responses’ cost”: what the responses cost, paid from Adult Social Care's 2027/28 budget for its own staff and services, which is kept apart from the money for people's care and support, as the register records; the register counts it in no outcome, so no appetite statement judges it. An option’s own cost is counted the other way: the register puts it in Overspend on care and support, with the entries, so it is part of the figure against appetite. The option’s own cost and the responses’ cost are the planned spend."),
                "\(page)")
        let option = try #require(page.split(separator: "\n").first { $0.hasPrefix("- **Shared Lives, with PA cover from the home care framework:**") })
        #expect(option.contains("Like every planned action, it is paid from Adult Social Care's own budget, so it does not change the overspend figures."), "\(option)")
        // A register without options of their own cost says nothing of them.
        let ward = try Self.board("ward-7-patient-partnership")
        #expect(ward.contains("“Responses’ cost”: what the responses cost, paid from the ward's 2027/28 budget, as the register records;"))
    }

    /// "Nothing listed here brings it back … the nearest any lever comes is 5.2%" and, in the
    /// same 200-word sentence, "1.9% without AS-01 (within appetite here …)": a short lead on
    /// the levers, then the stops in a list, said not to be levers.
    @Test(arguments: ["md", "html"])
    func stoppingAnActivityIsListedApartFromTheLevers(_ format: String) throws {
        let page = try Self.shipped("adult-social-care-positive-risk", format)
        #expect(!page.contains("Nothing listed here brings"))
        if format == "html" {
            #expect(page.contains("scale back or stop the activities behind it, giving up what they bring. Were one stopped altogether, with everything else as planned, the chance of a rise of more than 5 enquiries would be:</p>\n<ul>\n<li>"), "\(page)")
            #expect(page.contains("<li>1.9% without AS-01 <bdi>People travel on their own by bus</bdi>: within appetite here. But it would put"), "\(page)")
            return
        }
        let lead = try #require(page.split(separator: "\n").first { $0.hasPrefix("None of the responses or options listed above brings Safeguarding enquiries back within appetite: ") })
        #expect(lead == "None of the responses or options listed above brings Safeguarding enquiries back within appetite: the chance of a rise of more than 5 enquiries is 7.8%, against the board’s limit of 5.0% (want ≤ 5.0%). The nearest any of them comes is 5.2%.", "\(lead)")
        #expect(page.contains("or scale back or stop the activities behind it, giving up what they bring. Were one stopped altogether, with everything else as planned, the chance of a rise of more than 5 enquiries would be:\n\n- 5.2% without AS-06 Shared Lives arrangements for 12 people: outside appetite still. It would also put Hours of independent living outside appetite"), "\(page)")
        let bus = try #require(page.split(separator: "\n").first { $0.hasPrefix("- 1.9% without AS-01 ") })
        #expect(bus.hasPrefix("- 1.9% without AS-01 People travel on their own by bus: within appetite here. But it would put Hours of independent living outside appetite (the chance of a net gain would be "), "\(bus)")
        #expect(bus.hasSuffix("gained in Hours of independent living."), "\(bus)")
    }

    /// The likelihood-and-impact method and the option comparison use the report's own plain
    /// words: no "standard deviation", "net of benefit" or "trials"; "benefits are not counted"
    /// names its exception; a chance over several people is the chance for at least one.
    @Test func theMethodAndTheComparisonSpeakPlainly() throws {
        for name in Self.names {
            let page = try Self.board(name)
            for words in ["standard deviation", "net of benefit", " of trials", "number of trials", "at least once for any of"] {
                #expect(!page.contains(words), "\(name): \(words)")
            }
        }
        let care = try Self.board("adult-social-care-positive-risk")
        #expect(care.contains("Benefits are not counted, so an activity chosen for its gain is placed by the harm it risks, except on an outcome where the board’s appetite weighs harm less benefit. In detail:"))
        #expect(care.contains("Benefits are not counted, with the one exception given below: an activity chosen for its gain is placed by its harm alone."))
        #expect(care.contains("- The one exception: where the board’s appetite for an outcome weighs harm less benefit, an entry’s benefit is taken off its average harm there (an entry whose benefit outweighs its harm shows 0 and sits in the lowest band): AS-05; AS-09."))
        #expect(care.contains("| £0 once its benefit is taken off |"))
        #expect(care.contains("- **Chance that it goes wrong for at least one of the 12 people, at least once (the chance for one particular person is smaller; the activity goes ahead in any case, and these figures count its gain in every year, even one in which the harm comes about):**"))
        let ward = try Self.board("ward-7-patient-partnership")
        #expect(ward.range(of: #"\| [0-9,]+ hours \(how widely it varies from year to year without responses\) \|"#, options: .regularExpression) != nil)
        #expect(ward.contains("how widely its loss varies from year to year without responses (how far a year’s loss typically lies from the average)"))
        #expect(ward.range(of: #"better on average \(better in [0-9.]+% of the simulated years, worse in [0-9.]+%, the same in [0-9.<%]+\)"#, options: .regularExpression) != nil)
    }

    /// "3.74 incidents" beside "a net reduction of 1.95 incidents": every average in the option
    /// comparison of a count that can go either way says which way.
    @Test func everyCountInTheOptionComparisonSaysWhichWayItGoes() throws {
        for name in Self.names {
            let rows = Self.portfolioRows(try Self.board(name))
            #expect(!rows.isEmpty, "\(name)")
            for row in rows {
                #expect(row.range(of: #"\| [0-9][0-9.,]* (incidents|enquiries|days) \|"#, options: .regularExpression) == nil, "\(name): \(row)")
            }
        }
        let leiden = Self.portfolioRows(try Self.board("community-safety-leiden"))
        #expect(leiden.contains { $0.hasPrefix("| Keep the evening rounds |") && $0.contains("| a rise of ") && $0.contains(" incidents | a loss of €") }, "\(leiden)")
        let care = Self.portfolioRows(try Self.board("adult-social-care-positive-risk"))
        #expect(care.contains { $0.hasPrefix("| Shared Lives |") && $0.contains(" | a rise of ") && $0.hasSuffix(" enquiries | ") }, "\(care)")
    }

    /// Ward 7's plan says harm comes from two schemes in about equal parts on average, and the
    /// drivers give 71% and 24%: the drivers' shares are said to be of the ups and downs.
    @Test func aDriversShareIsOfTheUpsAndDownsNotTheAverage() throws {
        let ward = try Self.board("ward-7-patient-partnership")
        let line = try #require(ward.split(separator: "\n").first { $0.hasPrefix("- **Patient safety incidents with moderate or greater harm** (incidents):") })
        #expect(line.contains("Largest drivers, each with its share of how much the outcome varies from year to year (a share of the ups and downs, not of the average): W7-01"), "\(line)")
    }

    /// "Its chances (8.2%) lie further from the board's limits than those of one-to-one (6.3%)"
    /// read as the safer option, where both are outside and 8.2% is the worse; and for chances
    /// too close to call on the within side it was not even true. The step measures how each
    /// option stands against the limits, and the page says the one set aside stands worse.
    @Test func anOptionSetAsideAtTheSecondStepStandsWorseAgainstTheLimits() throws {
        let ward = try Self.shipped("ward-7-patient-partnership")
        #expect(!ward.contains("lie further from the board’s limits"))
        #expect(ward.contains("- “Patient-led falls plans” is set aside at the second step, which adds up how far each chance lies from its limit on the statements outside appetite or too close to call. Its chances (Patient safety incidents with moderate or greater harm 8.2%) come out worse than those of “One-to-one observation by staff-pool or agency nurses” (Patient safety incidents with moderate or greater harm 6.3%)."), "\(ward)")
    }
}
