import Foundation
import Reporting
import Testing
import _TestSupport

/// A whole count goes up in whole steps, so the number a row of its chance table gives is passed
/// with at most the row's chance, often far less. Rows that said "10 in 100 (10%): more than 1
/// patient" sat above a limit row giving 3% for 2 patients or more, and "20 in 100: more than 0
/// people" beside an average of 0.15 people: the words claimed a chance the figures deny.
@Suite("Count tables give the most a chance can be")
struct CountTableChanceTests {
    static let pages: [(name: String, language: String, header: String, atMost: String)] = [
        ("ward-7-patient-partnership", "en", "| Chance of more than | Without them (patients) |", "at most "),
        ("adult-social-care-positive-risk", "en", "| Chance of more than | Without them (enquiries) |", "at most "),
        ("community-safety-leiden", "en", "| Chance of more than | Without them (people) |", "at most "),
        ("community-safety-leiden", "nl", "| Kans op meer dan | Zonder (personen) |", "hooguit ")]

    /// The level rows of every count table on a page: the first cell and the cell without
    /// responses, and the limit rows' "k or more" with their chance without responses.
    static func countTables(_ page: String, header: String) -> [(levels: [(label: String, without: String)], limits: [(k: Int, chance: Double)])] {
        var tables: [(levels: [(label: String, without: String)], limits: [(k: Int, chance: Double)])] = []
        let lines = page.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() where line.hasPrefix(header) {
            var levels: [(label: String, without: String)] = [], limits: [(k: Int, chance: Double)] = []
            for row in lines[(i + 2)...].prefix(while: { $0.hasPrefix("|") }) {
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 3 else { continue }
                if cells[0].range(of: #"\(\d+(\.\d+)?%\)$"#, options: .regularExpression) != nil {
                    levels.append((cells[0], cells[1]))
                } else if let m = cells[0].firstMatch(of: /chance of (\d+) \w+ or more/),
                          let k = Int(m.1), let c = Double(cells[1].replacingOccurrences(of: "%", with: "")) {
                    limits.append((k, c))
                }
            }
            tables.append((levels, limits))
        }
        return tables
    }

    @Test(arguments: pages.indices)
    func aCountsRowSaysAtMost(index: Int) throws {
        let (name, language, header, atMost) = Self.pages[index]
        let tables = Self.countTables(try ReportFixtures.community(name, language), header: header)
        #expect(!tables.isEmpty)
        for table in tables {
            #expect(!table.levels.isEmpty)
            for level in table.levels { #expect(level.label.hasPrefix(atMost), "\(name) \(language): \(level.label)") }
        }
    }

    /// The claim itself: a row with at most p of more than q, and a limit row's chance of k or
    /// more, with q below k, agree: the limit's chance is no more than p.
    @Test func aLimitsChanceIsWithinTheRowsAbove() throws {
        var compared = 0
        for (name, _, header, _) in Self.pages.filter({ $0.language == "en" }) {
            for table in Self.countTables(try ReportFixtures.community(name), header: header) {
                for limit in table.limits {
                    for level in table.levels {
                        guard let q = Int(level.without.replacingOccurrences(of: ",", with: "")), q < limit.k,
                              let p = level.label.firstMatch(of: /\((\d+(?:\.\d+)?)%\)$/).flatMap({ Double($0.1) }) else { continue }
                        compared += 1
                        #expect(limit.chance <= p + 0.5, "\(name): \(level.label) \(q) against \(limit.k) or more at \(limit.chance)%")
                    }
                }
            }
        }
        #expect(compared > 0)
    }

    @Test(arguments: [("en", "| Typical year (in at least half of all years it is this or better) |"),
                      ("nl", "| Een doorsnee jaar (in minstens de helft van de jaren is het zo of beter) |")])
    func aTypicalYearIsNotSaidToBeBeatenByHalf(language: String, row: String) throws {
        let page = try ReportFixtures.community("community-safety-leiden", language)
        #expect(page.contains(row))
        #expect(!page.contains("half of all years are better") && !page.contains("de helft van de jaren is beter"))
    }
}
