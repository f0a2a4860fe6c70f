import Foundation
import RegisterModel
@testable import Reporting
import Scoring
import Testing
import TextLayer
import _TestSupport

/// Which figures residents' pages show for the options, the impact table's yardsticks, and how
/// one figure is linked to another where two describe one thing.
@Suite("Community options and yardsticks", .serialized)
struct CommunityOptionsAndYardsticksTests {
    /// Each example's residents' page in English, and the Leiden one in Dutch, rendered once.
    static let pages: [String: String] = {
        var pages: [String: String] = [:]
        for name in ReportFixtures.examples {
            pages[name] = try! ReportFixtures.community(name)
        }
        pages["nl"] = try! ReportFixtures.community("community-safety-leiden", "nl")
        return pages
    }()

    static func page(_ name: String) -> String { pages[name] ?? "" }

    static func first(_ text: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } ?? "" }
    }

    static func number(_ text: String) -> Double { Double(text.replacingOccurrences(of: ",", with: "")) ?? .nan }

    /// The heat table's caption.
    static func heatCaption(_ page: String) -> String {
        guard let start = page.range(of: "**Likelihood and impact of each entry.**") else { return "" }
        return String(page[start.upperBound...].prefix { $0 != "\n" })
    }

    // MARK: Options

    /// "A choice of the two" only splits and re-responds public entries: its figures come from
    /// public entries, so it has its card, with the split and the responses it gives.
    @Test func anOptionThatOnlySplitsPublicEntriesHasACard() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        let view = CommunityView(register, phrases: .english).register
        let choice = try #require(view.portfolios.first { $0.id == "shared-lives-and-supported-living" })
        #expect(choice.split.map(\.risk) == ["AS-06", "AS-08"])
        #expect(choice.responses.map(\.risk) == ["AS-06", "AS-08"])
        #expect(Self.page("adult-social-care-positive-risk").contains("### Shared Lives or supported living, by choice of each person"))
    }

    /// An option whose entries are all confidential stays off the page; one that splits a public
    /// and a confidential entry keeps the public share only.
    @Test func anOptionKeepsOnlyWhatIsPublic() throws {
        var register = try ReportFixtures.load("adult-social-care-positive-risk")
        let secret = try #require(register.risks.first { $0.isConfidential }).id
        let at = register.portfolios[0].location
        var onlySecret = Portfolio(id: "only-secret", title: "Only secret", risks: [secret], location: at)
        onlySecret.cost = 1_000
        var mixed = Portfolio(id: "mixed", title: "Mixed", risks: [], location: at)
        mixed.split = [.init(risk: "AS-06", share: 0.5, location: at), .init(risk: secret, share: 0.5, location: at)]
        mixed.responses = [.init(risk: secret, response: "x", location: at)]
        register.portfolios += [onlySecret, mixed]
        let view = CommunityView(register, phrases: .english).register
        #expect(!view.portfolios.contains { $0.id == "only-secret" })
        let kept = try #require(view.portfolios.first { $0.id == "mixed" })
        #expect(kept.split.map(\.risk) == ["AS-06"])
        #expect(kept.responses.isEmpty)
    }

    /// The care-home option's own entry adds no hours or points: its card says its wellbeing
    /// and hours come from entries every option has.
    @Test func anOptionSaysWhereAGainItDoesNotMakeComesFrom() throws {
        let card = ReportFixtures.section(Self.page("adult-social-care-positive-risk"), "\n### Residential care (current)")
        #expect(ReportFixtures.matches(card, #"“Wellbeing of the people taking part”: about [\d,]+ points more than people's scores before they started, all because the gain from the activity behind “Injury during community activities” \(AS-09\), an entry every option has, outweighs its harm"#), "\(card)")
        #expect(ReportFixtures.matches(card, #"“Hours of independent living”: about [\d,]+ hours more than the baseline, all from entries that every option has: about [\d,]+ hours more because the gain from the activity behind “[^”]+” \(AS-\d+\) outweighs its harm, and about [\d,]+ hours (more|less) from the other \d+ entries"#), "\(card)")
        // Shared Lives's own entry reaches wellbeing: its figure is its own.
        let shared = ReportFixtures.section(Self.page("adult-social-care-positive-risk"), "\n### Shared Lives\n")
        #expect(!shared.contains("which every option has"))
    }

    /// The camera option costs €32,000 yet comes to about €28,000 not covered: the rounds it
    /// stops save the difference, worked out like the entry's own gain.
    @Test func anOptionSaysWhatWhatItStopsSaves() throws {
        let page = Self.page("community-safety-leiden")
        let gain = try #require(Self.first(page, #"Scheduled rounds stop \(CS-12\)[\s\S]*?What people gain in 2027, on average: about (€[\d,]+) saved"#))[0]
        for option in ["\n### Cameras on the shopping squares", "\n### Neighbourhood police officer and WhatsApp groups only"] {
            let card = ReportFixtures.section(page, option)
            #expect(card.contains("“Scheduled rounds stop” (CS-12) comes with this option and lowers “Budget overspend” by about \(gain) in 2027 on average."), "\(card)")
        }
        #expect(!ReportFixtures.section(page, "\n### Rounds and cameras together").contains("CS-12"))
        #expect(Self.page("nl").contains("(CS-12) hoort bij deze variant en verlaagt „Overschrijding begroting” in 2027 gemiddeld met ongeveer"))
    }

    /// A cost another option lowers is not said to "only rise": under the option assumed it can.
    @Test func aCostAnotherOptionLowersIsNotSaidToOnlyRise() throws {
        let page = Self.page("community-safety-leiden")
        let budget = try #require(Self.first(page, #"\*\*Each group's estimates: Overspend on the partnership's 2027 budget\.\*\*([^\n]*)"#))[0]
        #expect(!budget.contains("so it is never below zero, with or without the planned actions"))
        #expect(budget.contains("Under the option these figures assume, every entry can only add to this figure and none takes anything off it, so here it is never below zero; under another option an entry takes something off it"))
        // No option lowers the people hurt: that sentence stays.
        let people = try #require(Self.first(page, #"\*\*Each group's estimates: People hurt, threatened or wrongly accused through the partnership's work\.\*\*([^\n]*)"#))[0]
        #expect(people.contains("Every entry on the list can only add to this figure and none takes anything off it, so it is never below zero, with or without the planned actions."))
    }

    // MARK: The impact table

    /// A harm is graded against a harm the page shows: the wellbeing yardstick is how far a very
    /// bad year falls short of a typical one, from the wellbeing table, never its 174-point gain.
    @Test func aYardstickIsNeverAGainAndCanBeChecked() throws {
        let page = Self.page("adult-social-care-positive-risk")
        // The outcome's own table, in the detail part (the limits' heading above has the same title).
        let detail = String(page[(page.range(of: "\n## For those who want the detail")?.lowerBound ?? page.startIndex)...])
        let wellbeing = ReportFixtures.section(detail, "\n### Wellbeing of the people taking part")
        // The figures without the planned actions are the table's first column.
        let typical = try #require(Self.first(wellbeing, #"\| Typical year \(in at least half of all years it is this or better\) \| ([-\d,]+) \| [-\d,]+ \|"#))[0]
        let bad = try #require(Self.first(wellbeing, #"\| Very bad year \(1 year in 20 is worse\) \| ([-\d,]+) \| [-\d,]+ \|"#))[0]
        let gap = Self.number(typical) - Self.number(bad)
        let row = try #require(page.split(separator: "\n").first { $0.contains("(AS-09\\*)") })
        #expect(row.hasSuffix("| \(FigureFormat.amount(gap)) points | "), "\(row)")
        #expect(!row.contains("of \(bad) points"))
        let caption = Self.heatCaption(page)
        #expect(caption.contains("“Wellbeing of the people taking part”, \(FigureFormat.amount(gap)) points: how far a very bad year (1 in 20) falls short of a typical one without the planned actions (\(bad) points against \(typical) points in the outcome's table above)"), "\(caption)")
        #expect(caption.contains("“Safeguarding enquiries”, 5 enquiries: the number its limit names"))
    }

    /// Every yardstick in every example's table is named, with its outcome, in the caption; none
    /// is the "usual spread", which no reader could find on the page.
    @Test(arguments: ReportFixtures.examples)
    func everyYardstickIsInTheCaption(_ name: String) throws {
        let page = Self.page(name)
        let caption = Self.heatCaption(page)
        #expect(caption.contains("The benchmarks: "))
        #expect(!caption.contains("usual spread"))
        for row in CommunityFiguresTests.heatRows(page) {
            let yardstick = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
            #expect(caption.contains(", \(yardstick): "), "\(name): \(yardstick) is not in the caption")
        }
    }

    /// "Shown by another outcome than the first one named for them: AS-01; …" said which
    /// outcome nowhere: each such entry is named with the outcome that shows it.
    @Test func theTableSaysWhichOutcomeShowsAnEntry() throws {
        let caption = Self.heatCaption(Self.page("adult-social-care-positive-risk"))
        #expect(!caption.contains("first one named"))
        #expect(caption.contains("AS-01 and AS-04 are shown by their harm to “Safeguarding enquiries”"), "\(caption)")
        #expect(ReportFixtures.matches(caption, #"AS-06, AS-12 and AS-13 are shown by their harm to “Hours of independent living”"#), "\(caption)")
        #expect(!Self.heatCaption(Self.page("nl")).contains("eerstgenoemde"))
    }

    /// One overheard patient against a yardstick of one patient is "Severe": the caption says
    /// what that grade means there.
    @Test func aYardstickOfOneSaysWhatSevereMeans() throws {
        let caption = Self.heatCaption(Self.page("ward-7-patient-partnership"))
        #expect(caption.contains("so a single time W7-04 happens is already “Severe”. That says only that one time reaches the benchmark"), "\(caption)")
    }

    // MARK: Figures that describe one thing

    /// "Prevents about 4" at the top and "about 2 less" on the option: the top links them.
    @Test func whatThePlansPreventIsLinkedToWhatIsLeft() throws {
        let page = Self.page("ward-7-patient-partnership")
        let m = try #require(Self.first(page, #"what is planned prevents about (\d+) incidents in 2027/28 on average and itself causes about (\d+) incidents?, which leaves (about \d+ incidents? fewer than the ward's usual level)\."#))
        let prevented = Self.number(m[0]), caused = Self.number(m[1])
        let left = try #require(Self.first(m[2], #"about (\d+)"#)).first.map(Self.number) ?? .nan
        #expect(abs(prevented - caused - left) <= 1, "\(m)")
        #expect(page.contains("With the planned actions we expect, on average, \(m[2]) in a year"))
    }

    /// One chance, one number within a section: the net-gain sentence and the aim's row agree.
    @Test(arguments: ReportFixtures.examples)
    func theNetChanceAndTheAimRowAgree(_ name: String) throws {
        let page = Self.page(name)
        let pattern = #"Chance of a net gain: ([^ ]+) with the planned actions, ([^ ]+) without them\.[\s\S]*?\| Aim: at least \d+ in 100 chance of a net gain \| ([^ ]+) \| ([^ :]+): "#
        let m = try #require(Self.first(page, pattern))
        #expect(m[0] == m[3] && m[1] == m[2], "\(m)")
    }

    /// ">99.9%" is given with words to the same resolution.
    @Test(arguments: ReportFixtures.examples)
    func analmostCertainChanceHasOnePrecision(_ name: String) {
        #expect(!Self.page(name).contains("more than 99 in 100 (>99.9%)"))
    }

    @Test func theAlmostCertainPAGapReadsInThousands() {
        #expect(Self.page("adult-social-care-positive-risk").contains("almost certain: more than 999 in 1,000 (>99.9%)"))
    }

    /// The figure with the planned actions is the groups' together, said so; the groups'
    /// comparison says its figures are before the planned actions.
    @Test func theFigureWithTheActionsComesFromTheGroupsTogether() throws {
        let page = Self.page("community-safety-leiden")
        #expect(ReportFixtures.matches(page, #"counted together\. With the planned actions, that \d+ in 100 becomes \d+ in 100: the figure this page uses\."#))
        #expect(page.contains("Here the groups differed most in how likely they thought each entry is before the planned actions."))
        #expect(ReportFixtures.matches(Self.page("nl"), #"samen nemen\. Met de geplande aanpak wordt die kans \d+ op 100"#))
    }
}
