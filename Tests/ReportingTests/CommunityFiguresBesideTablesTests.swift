import Foundation
import RegisterModel
@testable import Reporting
import Scoring
import Testing
import TextLayer
import _TestSupport

/// What a resident found when checking a page's figures against each other and against the
/// tables beside them (cold reading 17): a figure rounded twice, a gain that read the same as
/// the figure net of its harm, a list without its "and", a weight whose effect on the answer was
/// never said, one of two entries explained, and "together" figures that do not average.
@Suite("Community report: figures read beside their tables and groups")
struct CommunityFiguresBesideTablesTests {
    static func page(_ name: String, _ language: String = "en") throws -> String {
        try ReportFixtures.community(name, language)
    }

    // MARK: One rounding

    /// W7-03's harm when it happens read "about 35 days" in its own section and "36 days" in the
    /// likelihood-and-impact table: the table rounded 35.46 to three figures (35.5) and then to
    /// two. A residents' figure is rounded to two figures from the figure itself.
    @Test func aResidentsFigureIsRoundedOnce() throws {
        let register = try ReportFixtures.load("ward-7-patient-partnership")
        let outcome = try #require(register.outcomes.first { $0.title == "Bed days" })
        var days = OutcomeWords(register: register, outcome: outcome.id, unit: "days", phrases: .english)
        days.wholeYears = true
        #expect(days.size(35.46) == "35 days")
        #expect(days.amount(35.46) == "35" || days.amount(35.46) == "-35")
        #expect(days.quantity(35.46).contains("35 days"))
        // A figure that is whole at three figures stays as the table gives it.
        #expect(days.size(129.4) == "129 days")
    }

    /// On each page, the harm an entry does when it happens, as its own section says it, is the
    /// figure the likelihood-and-impact table gives for the outcome that grades it, rounded as
    /// the text rounds: W7-03's "about 35 days" stood beside "36 days".
    @Test(arguments: ReportFixtures.examples)
    func anEntrysHarmReadsAsInTheTable(_ name: String) throws {
        let text = try Self.page(name)
        var compared = 0
        for row in text.split(separator: "\n") where row.hasPrefix("| ") {
            // "| Falls … (W7-03\*) | … | 87% | 36 days; with its benefit, … | 125 days |"
            guard let id = row.firstMatch(of: /\(([A-Z0-9]+-[0-9]+)\\?\*?\) \|/)?.1,
                  let cells = Optional(row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }), cells.count >= 6,
                  let harm = cells[4].firstMatch(of: /^([0-9][0-9.,]*) ([a-z]+)/) else { continue }
            guard let heading = text.range(of: "(\(id))\n\n") else { continue }
            let section = text[heading.upperBound...].prefix { _ in true }
            let own = section[..<(section.range(of: "\n### ")?.lowerBound ?? section.endIndex)]
            guard let line = own.split(separator: "\n").first(where: { $0.hasPrefix("- If it happens, on average:") }),
                  let said = line.firstMatch(of: try Regex("about ([0-9][0-9.,]*) \(harm.2) (?:more|less|fewer)")) else { continue }
            compared += 1
            // The text gives two figures, whole ("about 2" for 1.6, "about 1,300" for 1,270): the
            // table's figure rounded so, never another.
            let table = CommunityFiguresAddUpTests.number(String(harm.1)) / (harm.1.contains(".") ? pow(10, Double(harm.1.split(separator: ".").last!.count)) : 1)
            #expect(CommunityFiguresAddUpTests.number(String(said.output[1].substring ?? "")) == FigureFormat.rounded(table, significantDigits: 2).rounded(),
                    "\(name) \(id): “\(line)” beside “\(cells[4])”")
        }
        #expect(compared > 0, "\(name)")
    }

    /// Supported living's gain read "about 3,700 hours" and its figure all told "about 3,700
    /// hours", about 80 hours of harm apart. The two are written with the figures it takes to
    /// tell them apart, and its option's line gives the same figure as its own line.
    @Test func aGainAndItsNetReadAsTwoFigures() throws {
        let text = try Self.page("adult-social-care-positive-risk")
        let section = ReportFixtures.section(text, "\n### Supported living with technology-enabled care (AS-08)")
        let lines = section.split(separator: "\n")
        let gain = try #require(lines.first { $0.hasPrefix("- What people gain") })
        let told = try #require(lines.first { $0.hasPrefix("- All told, on average:") })
        let hours = /about ([0-9][0-9,]*) hours more in “Hours of independent living”/
        let g = try #require(gain.firstMatch(of: hours)?.1), t = try #require(told.firstMatch(of: hours)?.1)
        #expect(g != t, "\(gain) / \(told)")
        #expect(text.contains(" \(t) more with AS-08"), "\(t)")
    }

    // MARK: Lists

    /// "made up of about 4 incidents more with “Keep the evening rounds”, about 6 incidents
    /// fewer with …" had no "and" where one entry differs from the assumed option.
    @Test(arguments: [("community-safety-leiden", "en", " made up of ", " and "), ("community-safety-leiden", "nl", " opgebouwd uit ", " en ")])
    func anOptionsPartsAreOneList(_ name: String, _ language: String, _ madeUp: String, _ and: String) throws {
        let text = try Self.page(name, language)
        let lines = text.split(separator: "\n").filter { $0.contains(madeUp) }
        #expect(!lines.isEmpty)
        for line in lines {
            let parts = line[line.range(of: madeUp)!.upperBound...]
            #expect(parts.contains(and), "\(line)")
        }
    }

    // MARK: What a weight changed

    /// Family carers count half. On the groups' own estimates the hours aim is met on two and
    /// missed on the carers'; with every group counting the same, the simulation puts the chance
    /// near or under the 80 in 100 aimed for. The page says so beside the aim and with the
    /// weights, from the simulation itself.
    @Test func theCarersHalfWeightIsSaidToChangeTheAnswer() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        let (score, _) = try ReportFixtures.score(register, audience: .community, trials: 4_000, language: "en")
        let hours = try #require(score.appetite.first { $0.kind == .netBenefitAbove && $0.outcome == "independent-living" })
        let equal = try #require(hours.equalWeights)
        // Counting the carers' lower estimates more can only lower the chance.
        #expect(equal.probability.value < hours.probability.value)
        let text = try ReportFixtures.render(register, (score, nil), format: .markdown, audience: .community, language: "en")
        let said = "If the estimates of “Family carers” counted as much as those of “Social workers and practitioners”, the chance for the aim on “Hours of independent living” would be"
        let limit = ReportFixtures.section(text, "\n### Hours of independent living")
        let weights = ReportFixtures.section(text, "\n## How the estimates counted")
        #expect(limit.contains(said), "\(limit)")
        #expect(weights.contains(said), "\(weights)")
    }

    /// Where the weights change no answer, the page says that too.
    @Test func aWeightThatChangesNothingIsSaidToChangeNothing() throws {
        let text = try Self.page("community-safety-leiden")
        let weights = ReportFixtures.section(text, "\n## How the estimates counted")
        #expect(weights.contains("counted as much as those of “Municipality and police”, every limit and aim on this page would come out the same way"), "\(weights)")
    }

    // MARK: Each entry alike

    /// People hurt in Leiden comes from two entries in about equal parts; only the volunteers'
    /// was explained. Each entry that carries a fair part of the harm is.
    @Test func eachEntryCarryingTheHarmIsExplained() throws {
        let text = try Self.page("community-safety-leiden")
        let limit = ReportFixtures.section(text, "\n### People hurt, threatened or wrongly accused")
        #expect(limit.contains("How likely is “A volunteer is hurt or threatened on an evening round”?"), "\(limit)")
        #expect(limit.contains("How likely is “A passer-by is wrongly named as a suspect in a WhatsApp group”?"), "\(limit)")
    }

    // MARK: Groups together

    /// A group table's chances do not average to the chance for the groups together (88 against
    /// 89 in 100): the words before the detail tables say why, once, on every page with group
    /// tables, in both languages.
    @Test(arguments: [("adult-social-care-positive-risk", "en"), ("community-safety-leiden", "en"),
                      ("ward-7-patient-partnership", "en"), ("community-safety-leiden", "nl")])
    func theGroupTablesSayTheirChancesDoNotAverage(_ name: String, _ language: String) throws {
        let text = try Self.page(name, language)
        let detail = ReportFixtures.section(text, language == "nl" ? "\n## Voor wie het precies wil weten" : "\n## For those who want the detail")
        let said = language == "nl" ? "is niet het gemiddelde van de kansen van de groepen" : "is not the average of the groups' chances"
        #expect(text.components(separatedBy: said).count == 2, "\(name) \(language)")
        let glossary = try #require(detail.range(of: said)), firstTable = try #require(detail.range(of: language == "nl" ? "**De schatting van elke groep:" : "**Each group's estimates:"))
        #expect(glossary.lowerBound < firstTable.lowerBound)
    }

    /// The same estimates (10 and 5 in 100, counting the same) read "7 in 100" together in
    /// Leiden and "8 in 100" on Ward 7. Where the groups' figures counted together by hand
    /// round to another whole number than the simulation's, the page gives the figure by hand.
    @Test func aTogetherFigureBetweenTwoWholeNumbersIsGivenByHand() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let (score, _) = try ReportFixtures.score(register, audience: .community, trials: 20_000, language: "en")
        let builder = ReportBuilder(register: register, score: score, options: ReportFixtures.options(format: .markdown, audience: .community, language: "en"))
        let weights = Dictionary(register.perspectives.map { ($0.id, $0.weight) }, uniquingKeysWith: { a, _ in a })
        var checked = 0
        for r in score.risks {
            guard let risk = register.risk(r.id), risk.estimates.count > 1 else { continue }
            // By hand as a reader works it out: from each group's figure as the page shows it,
            // a whole number in 100 (8 and 15 make 11.5, never the stated 8.4 and 15's 11.7).
            let shown = risk.estimates.map { (weights[$0.perspective] ?? 1, ($0.statedChance * 100).rounded()) }
            let exact = shown.reduce(0) { $0 + $1.0 * $1.1 } / shown.reduce(0) { $0 + $1.0 } / 100
            let apart = FigureFormat.frequency(exact, per: 100) != FigureFormat.frequency(r.probability.inherent, per: 100)
                && abs(exact - r.probability.inherent) <= 3 * r.probabilityStandardError.inherent
            let note = builder.togetherByHand(risk, r)
            #expect((note != nil) == apart, "\(r.id): \(exact) against \(r.probability.inherent)")
            if let note {
                checked += 1
                #expect(note.contains("come to \(FigureFormat.amount((exact * 1_000).rounded() / 10)) in 100"), "\(r.id): \(note)")
            }
        }
        #expect(checked > 0)
    }
}
