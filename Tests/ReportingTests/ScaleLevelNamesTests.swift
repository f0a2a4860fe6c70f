import Foundation
import RegisterLoader
import RegisterModel
import Reporting
import Testing
import _TestSupport

/// Reports show a scale level by its name in the report's language; the label, which entries
/// refer to, is an identifier and is not shown.
@Suite("Reports: scale levels in the report's language")
struct ScaleLevelNamesTests {
    @Test func theEnglishBoardReportShowsEnglishLevelNames() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let markdown = try ReportFixtures.render(register, format: .markdown, audience: .board)
        #expect(markdown.contains("| possible × considerable (3×3): amber |"))
        #expect(markdown.contains("very unlikely × considerable (1×3): green"))
        #expect(markdown.contains("almost certain × minor (5×1): amber"))
        // "Rated one colour, simulated another" names the levels too.
        #expect(markdown.contains("rated current green (unlikely × limited, 2×2), but"))
        #expect(markdown.contains("place it at unlikely × considerable (2×3), amber"))
        for dutch in ["mogelijk ×", "× aanzienlijk", "zeer-klein", "zeer klein", "× beperkt", "× ernstig"] {
            #expect(!markdown.contains(dutch), "\(dutch)")
        }
    }

    @Test func theDutchReportsShowDutchLevelNames() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let board = try ReportFixtures.render(register, format: .markdown, audience: .board, language: "nl")
        #expect(board.contains("mogelijk × aanzienlijk (3×3)"))
        #expect(board.contains("zeer klein × aanzienlijk (1×3)"))
        #expect(board.contains("zeer waarschijnlijk × gering (5×1)"))
        #expect(board.contains("(klein × beperkt, 2×2)"))
        let community = try ReportFixtures.render(register, format: .markdown, audience: .community, language: "nl")
        for shown in [board, community] {
            for wrong in ["zeer-klein", "zeer-waarschijnlijk", "zeer-ernstig", "very unlikely", "almost certain", "× considerable", "× serious"] {
                #expect(!shown.contains(wrong), "\(wrong)")
            }
        }
    }

    @Test func withoutANameALevelIsShownByItsLabelWithSpaces() throws {
        let yaml = try String(contentsOfFile: TestSupport.path("Registers/community-safety-leiden.yaml"), encoding: .utf8)
        let plain = yaml.replacingOccurrences(of: #"name: \{en: [a-z ]+, nl: [a-z ]+\}, "#, with: "", options: .regularExpression)
        #expect(!plain.contains("very unlikely"))
        let register = try ReportFixtures.load(yaml: plain, file: "community-safety-leiden.yaml")
        let markdown = try ReportFixtures.render(register, format: .markdown, audience: .board)
        #expect(markdown.contains("zeer klein × aanzienlijk (1×3)"))
        #expect(!markdown.contains("zeer-klein"))
    }
}
