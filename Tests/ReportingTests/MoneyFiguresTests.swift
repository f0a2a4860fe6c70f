import Foundation
import RegisterModel
import Reporting
import Testing
import TextLayer
import _TestSupport

/// One option's money showed as three figures in three sections, unnamed outside the money
/// table (Leiden's cameras: "a net saving of €2,780", "a loss of €29,200", "a loss of €70,720"),
/// and the same amount was rounded two ways ("£105,500" in the table, "£106,000" in a sentence).
/// Now the decision page defines three figures once — against appetite, the responses' cost and
/// all told — every other place names the one it shows, and money has one rounding. Checked on
/// the shipped examples (20,000 trials), which must agree with each other to the character.
@Suite struct MoneyFiguresTests {
    static func example(_ name: String, _ suffix: String = "board.md") throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(name)-\(suffix)"), encoding: .utf8)
    }

    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The money table: its header, then one row per option.
    static func moneyTable(_ text: String) -> (header: [String], rows: [[String]]) {
        let lines = text.split(separator: "\n").drop { !$0.hasPrefix("| Option | Entries after responses") }
        guard let header = lines.first else { return ([], []) }
        return (cells(header), lines.dropFirst(2).prefix { $0.hasPrefix("| ") }.map(cells))
    }

    /// "a loss of €54,000" or "a net saving of £284,000" as a signed loss; "none" is 0.
    static func money(_ cell: String) -> Double? { DecisionPageFiguresTests.money(cell) }

    /// Half the rounding step of a figure shown to three significant digits: how far the shown
    /// figure may lie from the exact one.
    static func halfStep(_ shown: Double) -> Double {
        guard shown != 0 else { return 0.5 }
        return max(0.5, pow(10, floor(log10(abs(shown))) - 2) / 2)
    }

    /// 1. The table had "Entries after responses | Responses' cost | Option's own cost | Total
    /// (the figure to minute)", and the appetite's figure ("the total less what the responses
    /// cost") in a sentence below it. It gives the figure against appetite and the responses'
    /// cost in columns of their own now, so Leiden's €54,000 all told sits beside the €3,000 the
    /// €50,000 limit judges; each column is the one before it added up, to the rounding.
    @Test(arguments: ReportFixtures.examples)
    func theMoneyTableGivesTheAppetitesFigureAndTheResponsesCostApart(name: String) throws {
        let text = try Self.example(name)
        let table = Self.moneyTable(text)
        #expect(table.header == ["Option", "Entries after responses", "Option’s own cost", "Against appetite (the two before)",
                                 "Responses’ cost (not in the figure against appetite)", "All told (every cost)"], "\(name): \(table.header)")
        #expect(table.rows.count >= 3, "\(name)")
        for row in table.rows {
            let f = try #require(row.count == 6 ? row.dropFirst().map(Self.money) as [Double?] : nil, "\(name): \(row)")
            let (entries, own, appetite, responses, all) = (f[0]!, f[1]!, f[2]!, f[3]!, f[4]!)
            #expect(abs(entries + own - appetite) <= Self.halfStep(entries) + Self.halfStep(own) + Self.halfStep(appetite), "\(name): \(row)")
            #expect(abs(appetite + responses - all) <= Self.halfStep(appetite) + Self.halfStep(responses) + Self.halfStep(all), "\(name): \(row)")
        }
        let page = DecisionPageFiguresTests.decisionPage(text)
        #expect(page.contains("This report gives an option’s money in three figures, each named wherever it appears. “Against appetite”: what "), "\(name)")
        #expect(page.contains("“Responses’ cost”: what the responses cost, paid from ") && page.contains(", as the register records; the register counts it in no outcome, so no appetite statement judges it."), "\(name)")
        #expect(page.contains("“All told”: the figure against appetite and the responses’ cost together, every cost counted"), "\(name)")
        #expect(!text.contains("the figure to minute)") && !text.contains("judged on the total less"), "\(name)")
    }

    /// Leiden's current option, the case a board member could not square: €54,000 all told,
    /// and a 1% chance of exceeding €50,000.
    @Test func leidensCurrentOptionShowsWhyItsTotalSitsBesideASmallChance() throws {
        let table = Self.moneyTable(try Self.example("community-safety-leiden"))
        let rounds = try #require(table.rows.first { $0[0] == "Keep the evening rounds (current)" })
        #expect(rounds == ["Keep the evening rounds (current)", "a loss of €3,000", "none", "a loss of €3,000", "€51,000", "a loss of €54,000"], "\(rounds)")
        let cameras = try #require(table.rows.first { $0[0] == "Cameras on the shopping squares" })
        #expect(cameras[2] == "€32,000" && cameras[4] == "€35,500", "\(cameras)")
    }

    /// 1. Outside the table an option's money was unnamed: "a loss of €86,000 in all" in the
    /// options set aside, "all costs counted (the money outcomes, …)" in the favouring sentence,
    /// a bare "Unplanned cost …" column in "Portfolios compared". Each names its figure now, and
    /// shows it as the table does, character for character.
    @Test(arguments: ReportFixtures.examples)
    func everyOptionsMoneyFigureIsNamedAndReadsAsInTheTable(name: String) throws {
        let text = try Self.example(name)
        let page = DecisionPageFiguresTests.decisionPage(text)
        let table = Self.moneyTable(text)
        let allTold = Set(table.rows.map { $0[5] })
        // The favouring sentence, where money decides, and each option set aside on money.
        let sentences = page.components(separatedBy: "\n").filter { $0.contains("it costs least on average") || $0.contains("is set aside at the third step") }
        for line in sentences {
            #expect(line.contains("all told"), "\(name): \(line)")
            let figures = line.matches(of: /(a loss of|a net saving of) [£€$][0-9]+(,[0-9]{3})*/).map { String($0.output.0) }
            #expect(!figures.isEmpty, "\(name): \(line)")
            for figure in figures { #expect(allTold.contains(figure), "\(name): \(figure) is not an all-told figure of the table") }
        }
        #expect(!page.contains(" in all, against") && !page.contains("all costs counted (the money outcomes"), "\(name)")
        // "Portfolios compared": the money column is named, and each option's figure there is its
        // figure against appetite (the headline's own run aside, which may differ by its margin).
        let portfolios = BoardFirstReadTests.section(text, "## Options compared")
        let header = try #require(portfolios.split(separator: "\n").first { $0.hasPrefix("| Option |") })
        let headings = Self.cells(header)
        let column = try #require(headings.firstIndex { $0.hasSuffix("(against appetite)") }, "\(name): \(header)")
        let headline = table.rows.first { row in page.contains("assume the option “\(row[0].replacingOccurrences(of: " (current)", with: "").replacingOccurrences(of: " (proposed)", with: ""))”") }
        for row in table.rows where row[0] != headline?[0] {
            // The money table marks an option current or proposed unless its title says so.
            let titles = [row[0], row[0].replacingOccurrences(of: " (current)", with: "").replacingOccurrences(of: " (proposed)", with: "")]
            let line = try #require(portfolios.split(separator: "\n").first { l in titles.contains { l.hasPrefix("| \($0) |") } }, "\(name): \(row[0])")
            #expect(Self.cells(line)[column] == row[3], "\(name): \(line) against \(row)")
        }
    }

    /// 2. Money was rounded two ways: to one step for the table (£284,300, €70,720, €38,720)
    /// and to three significant digits elsewhere (£284,000), and value for money kept a
    /// decimal (€46.5). One rule now: three significant digits, never finer than the whole
    /// unit — so no money figure in any example report, board or community, Markdown or HTML,
    /// English or Dutch, has a fraction, nor a fourth digit unless it is exact
    /// (docs/results.md, "Money in one rounding"): a cost the register writes or a sum of them,
    /// or a figure of the board's money table worked out from its printed figures, or the
    /// difference of two options' printed figures all told.
    @Test func everyMoneyFigureInTheExamplesHasOneRounding() throws {
        let folder = TestSupport.path("docs/examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { ($0.hasSuffix(".md") || $0.hasSuffix(".html")) && !$0.hasPrefix("diff-") }
        #expect(files.count >= 10)
        /// The exact figures of each register's board page: its money table's cells and the
        /// differences between its figures all told.
        func exact(_ name: String) throws -> Set<Double> {
            let path = folder + "/" + name + "-board.md"
            guard FileManager.default.fileExists(atPath: path) else { return [] }
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            guard let header = lines.firstIndex(where: { $0.hasPrefix("| Option |") && $0.contains("All told") }) else { return [] }
            var figures: Set<Double> = [], totals: [Double] = []
            for line in lines[(header + 2)...].prefix(while: { $0.hasPrefix("|") }) {
                for (k, cell) in Self.cells(line).enumerated() {
                    guard let m = cell.firstMatch(of: /[£€$]([0-9,]+)/), let v = Double(m.output.1.replacingOccurrences(of: ",", with: "")) else { continue }
                    let signed = cell.contains("saving") ? -v : v
                    figures.insert(v)
                    if k == 5 { totals.append(signed) }
                }
            }
            for a in totals { for b in totals { figures.insert(abs(a - b)) } }
            return figures
        }
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let dutch = file.contains(".nl.")
            let name = file.components(separatedBy: "-board.").first.flatMap { file.contains("-board.") ? $0 : nil }
            let allowed = try name.map(exact) ?? []
            for match in text.matches(of: /[£€$]\s?([0-9][0-9.,]*[0-9]|[0-9])/) {
                var digits = String(match.output.1)
                // Dutch groups with "." and writes decimals after ","; English the other way.
                digits = dutch ? digits.replacingOccurrences(of: ".", with: "") : digits.replacingOccurrences(of: ",", with: "")
                let fraction = digits.contains(dutch ? "," : ".")
                let significant = digits.filter(\.isNumber).drop { $0 == "0" }.reversed().drop { $0 == "0" }.count
                #expect(!fraction && (significant <= 3 || Double(digits).map(allowed.contains) == true), "\(file): \(match.output.0)")
            }
        }
    }

    /// 2. The rule itself, on the figures the readers found rounded two ways.
    @Test func moneyIsThreeSignificantDigitsInWholeUnits() {
        #expect(FigureFormat.quantity(70_720, unit: "money", currency: "EUR") == "€70,700")
        #expect(FigureFormat.quantity(284_300, unit: "money", currency: "GBP") == "£284,000")
        #expect(FigureFormat.quantity(105_500, unit: "money", currency: "GBP") == "£106,000")
        #expect(FigureFormat.quantity(46.52, unit: "money", currency: "EUR") == "€47")
        #expect(FigureFormat.quantity(-0.4, unit: "money", currency: "EUR") == "€0")
        #expect(FigureFormat.quantity(1_234_567, unit: "money", currency: nil) == "1,230,000")
        // Other units keep their own precision.
        #expect(FigureFormat.quantity(46.52, unit: "hours", currency: nil) == "46.5 hours")
    }

    /// 3. Ward 7's "Unplanned costs to the ward budget" held the current option's planned bank
    /// shifts, and Leiden's "Unplanned cost" the cameras' planned €32,000. A money outcome an
    /// option's own cost counts in is not called unplanned, in its title or in the appetite
    /// statements on it, in any language the register writes.
    @Test(arguments: ReportFixtures.examples)
    func anOutcomeThatHoldsPlannedSpendIsNotCalledUnplanned(name: String) throws {
        let loaded = try ReportFixtures.load(name)
        for register in [loaded, loaded.inLanguage("nl")] {
            for option in register.portfolios where (option.cost ?? 0) > 0 {
                let id = try #require(option.costOutcome ?? register.outcomes.first { $0.unit == .money }?.id)
                let outcome = try #require(register.outcome(id))
                let texts = [outcome.title] + register.appetite.filter { $0.outcome == id }.compactMap(\.statement)
                for text in texts {
                    #expect(!text.localizedCaseInsensitiveContains("unplanned") && !text.localizedCaseInsensitiveContains("onvoorzien"), "\(name): \(text)")
                }
            }
        }
    }

    /// 4. The community page said the actions' costs "are not counted in the figures above",
    /// a few lines after saying the cameras' own cost is counted in the limit. One rule, said
    /// once where the costs are: the actions' costs are not counted, an option's own cost is.
    @Test func theCommunityPageSaysWhichCostIsCounted() throws {
        let english = try Self.example("community-safety-leiden", "community.md")
        #expect(english.contains("The actions' costs are paid from the partnership's 2027 budget. They are not counted in the figures above. Only an option's own cost is counted: it is in “Budget overspend”, as each option above says."))
        let dutch = try Self.example("community-safety-leiden", "community.nl.md")
        #expect(dutch.contains("Ze tellen niet mee in de cijfers hierboven. Alleen de eigen kosten van een variant tellen wel mee: die zitten in „Overschrijding begroting”, zoals bij elke variant hierboven staat."))
        let ward = try Self.example("ward-7-patient-partnership", "community.md")
        #expect(ward.contains("Only an option's own cost is counted: it is in “Costs beyond the ward budget”"))
    }

    /// 5. "Saves less on average than it costs" landed on every money response, with nothing to
    /// say what the board should do with it. Where the register records who the entry would
    /// hurt, the row says the response is there for them, which no money figure measures; one
    /// that pays for itself in bad years keeps its own reason.
    @Test func aResponseThatDoesNotPayInMoneySaysWhoItIsFor() throws {
        let rows = try Self.example("community-safety-leiden").split(separator: "\n")
        let hurt = try #require(rows.first { $0.hasPrefix("| — | CS-04 A volunteer is hurt or threatened") })
        #expect(hurt.contains("saves less on average than it costs, and cuts the average of the worst 1 in 20 years by only "), "\(hurt)")
        // Their harm is counted, on the people and hours outcomes, just not in money.
        #expect(hurt.contains("; it is there for “Volunteers and their families”, whose harm is counted on “People hurt"), "\(hurt)")
        #expect(hurt.contains(", not in money, so these figures are no case for cutting it; the same response, for the same cost, also avoids "), "\(hurt)")
        #expect(!hurt.contains("whom no money figure here measures"), "\(hurt)")
        let admin = try #require(rows.first { $0.contains("| CS-09 A group admin is intimidated") && $0.contains("saves less on average") })
        // A response costed at 0 has nothing to rank by: "not comparable", and no rank beside it.
        let ward = try Self.example("ward-7-patient-partnership").split(separator: "\n")
        let free = try #require(ward.first { $0.contains(" W7-13 ") && $0.contains("costed at 0: not comparable") })
        #expect(free.hasPrefix("| — | W7-13 "), "\(free)")
        #expect(!admin.contains("no case for cutting it"), "\(admin)")
    }
}
