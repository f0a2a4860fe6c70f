import Foundation
import RegisterModel
import Scoring
import Testing
import TextLayer
import _TestSupport
@testable import Reporting

@Suite("Score table and CSV: called directly, laid out safely")
struct ScoreTableTests {
    static func score(_ yaml: String, trials: Int = 2_000) throws -> RegisterScore {
        let register = try ReportFixtures.load(yaml: yaml)
        return try Scorer.score(register, options: ScoringOptions(seed: 3, trials: trials, jobs: 2, asOf: ReportFixtures.asOf))
    }

    static func register(title: String = "Test register", riskTitle: String = "Roof leaks",
                         impact: String = "{pert: [1k, 4k, 20k]}") -> String {
        """
        riskreg: 1
        register:
          id: t
          title: \(title)
          organisation: Example Council
          horizon: 12 months
          currency: EUR
        outcomes:
          - {id: cost, title: Unplanned cost, unit: money}
        appetite:
          - {outcome: cost, loss-exceeds: 20k, at-most: 1 in 10}
        contributors:
          - {id: friends, name: Friends group, kind: community, public: true}
        risks:
          - id: A
            title: \(riskTitle)
            outcome: cost
            strategy: reduction
            owner: Facilities
            coproduction: {mode: co-assessment, contributors: [friends]}
            estimates:
              - likelihood: 60%
                impact: \(impact)
            response: {action: Gutters, cost: 500, reliability: 90%, reduces-likelihood-by: 50%}

        """
    }

    /// A number character on each side of a single space, or two figures glued together.
    static func figuresRunTogether(_ line: Substring) -> Bool {
        line.split(separator: " ").contains { word in
            let digitsAndCommas = word.filter { $0.isNumber || $0 == "," }
            // Grouped thousands have exactly three digits between commas; two figures glued
            // together break that.
            return word.contains(",") && word.split(separator: ",").dropFirst().contains { $0.filter(\.isNumber).count != 3 }
                && digitsAndCommas.count == word.count
        }
    }

    /// Perspectives are compared by differences in the outcome's unit, saying which sees it
    /// going best, before responses — and, after responses, which verdicts they split. Here
    /// officers see a net loss of 300 hours and residents a net gain of 298: a ratio of the two
    /// read "1.0×", or nothing at all for negative figures.
    @Test func disagreementsAreDifferencesThatSayWhichWayIsBetter() throws {
        let yaml = SmallRegister.netLossAgainstNetGain(appetite: ["{outcome: hours, net-benefit-above: 0, at-least: 50%}"])
        let table = ScoreTable(score: try Self.score(yaml)).render()
        let text = table.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("Where perspectives disagree, before responses"), "\(table)")
        #expect(text.contains("Hours of independent living: the 1 in 10 bad horizons lie 598 hours apart, best on the estimates of Residents, worst on those of Officers"), "\(table)")
        #expect(text.contains("E1: 598 hours apart on average, best on the estimates of Residents, worst on those of Officers"), "\(table)")
        #expect(text.contains("Hours of independent living: within appetite on the estimates of Residents"), "\(table)")
        #expect(text.contains("outside on those of Officers"), "\(table)")
        #expect(!table.contains("×"), "\(table)")
    }

    @Test func terminalControlsInRegisterTextNeverReachTheTerminal() throws {
        let yaml = Self.register(title: "\"Evil \\e]0;pwned\\a title \\u202Eabc\"", riskTitle: "\"Red \\e[31mrisk\\x9b2J\"")
        let table = ScoreTable(score: try Self.score(yaml)).render()
        #expect(!table.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(!table.unicodeScalars.contains { $0 == "\u{202E}" })
        #expect(table.contains("Evil ]0;pwned title abc"))
        #expect(table.contains("Red [31mrisk 2J"))
    }

    @Test func wideFiguresStayApartAndFitTheirColumns() throws {
        let table = ScoreTable(score: try Self.score(Self.register(impact: "{pert: [10e12, 50e12, 99e12]}"))).render()
        let rows = table.split(separator: "\n")
        let with = try #require(rows.first { $0.hasPrefix("  with responses") })
        // Every figure is a word of its own: five figures after the two-word label.
        #expect(with.split(separator: " ").count == 2 + 5, "\(with)")
        #expect(with.contains("e13"), "\(with)")
        #expect(!rows.contains(where: Self.figuresRunTogether))
        #expect(rows.allSatisfy { $0.count <= ScoreTable.width }, "\(rows.filter { $0.count > ScoreTable.width })")
    }

    @Test func tooFewTrialsShowNoErrorRatherThanZero() throws {
        let table = ScoreTable(score: try Self.score(Self.register(), trials: 2)).render()
        let errors = try #require(table.split(separator: "\n").first { $0.contains("MC error") })
        #expect(!errors.contains("±0"), "\(errors)")
        #expect(errors.contains("±?"))
        #expect(table.contains("Too few trials"))
        let appetite = try #require(table.split(separator: "\n").first { $0.contains("P(loss >") })
        #expect(!appetite.contains("± 0%") && appetite.contains("± ?"), "\(appetite)")
        let enough = ScoreTable(score: try Self.score(Self.register(), trials: 2_000)).render()
        #expect(!enough.contains("±?") && !enough.contains("Too few trials"))
    }

    @Test func csvHasOneRowPerRiskAndDefusesFormulas() throws {
        let csv = ScoreCSV.render([try Self.score(Self.register(riskTitle: "\"=HYPERLINK(1)\""))])
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // One risk, then its outcome.
        #expect(rows.count == 3)
        #expect(rows[0] == ScoreCSV.header.joined(separator: ","))
        #expect(rows[1].contains(",'=HYPERLINK(1),") && rows[1].contains(",risk,"))
        #expect(rows[2].contains(",outcome,"))
    }
}

@Suite("Reports with too few trials")
struct FewTrialsReportTests {
    @Test(arguments: [ReportOptions.Format.markdown, .html])
    func errorsAreNotShownAsZero(_ format: ReportOptions.Format) throws {
        let register = try ReportFixtures.load(yaml: ScoreTableTests.register())
        let few = try ReportFixtures.render(register, format: format, audience: .board, trials: 2)
        #expect(!few.contains("±0 ") && !few.contains("±0<") && !few.contains("±0 |") && !few.contains("±0.0 percentage"), "a ±0 error")
        #expect(few.contains("±n/a"))
        let enough = try ReportFixtures.render(register, format: format, audience: .board, trials: 2_000)
        #expect(!enough.contains("±n/a"))
    }
}
