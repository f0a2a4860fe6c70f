import Foundation
import RegisterModel
import Reporting
import Testing
import _TestSupport

/// The register's horizon in every sentence, heading and caption: a register that looks a
/// quarter ahead never reads "a 1 in 10 bad year", and a register that names its period says
/// "in 2027" rather than "the next year".
@Suite("The horizon in words")
struct HorizonWordsTests {
    static func register(horizon: String, period: String? = nil) throws -> Register {
        var yaml = wordsRegister.replacingOccurrences(of: "horizon: 12 months", with: "horizon: \(horizon)")
        if let period { yaml = yaml.replacingOccurrences(of: "  currency: GBP", with: "  currency: GBP\n  period: \(period)") }
        return try ReportFixtures.load(yaml: yaml, file: "words.yaml")
    }

    /// Words for a year that a report may not use when its horizon is not a year.
    static let yearWords = #"\b([Yy]ears?|[Aa]nnual|jaar|jaren|[Jj]aarlijks)\b"#

    static func yearLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.range(of: yearWords, options: .regularExpression) != nil }
    }

    @Test(arguments: ["en", "nl"])
    func aQuarterlyRegisterNeverSaysYear(_ language: String) throws {
        let quarter = try Self.register(horizon: "3 months")
        for audience in [ReportOptions.Audience.board, .community] {
            for format in [ReportOptions.Format.markdown, .html] {
                let text = try ReportFixtures.render(quarter, format: format, audience: audience, trials: 400, language: language)
                let found = Self.yearLines(text).filter { !$0.contains("date") }
                #expect(found.isEmpty, "\(language) \(audience) \(format): \(found.prefix(5))")
            }
        }
        let board = try ReportFixtures.render(quarter, format: .markdown, audience: .board, trials: 400, language: language)
        #expect(board.contains(language == "en" ? "1 in 10 bad quarter" : "slecht kwartaal"), "\(board)")
    }

    @Test func aPeriodOfSeveralMonthsIsNamedByItsLength() throws {
        let half = try Self.register(horizon: "6 months")
        let board = try ReportFixtures.render(half, format: .markdown, audience: .board, trials: 400)
        #expect(board.contains("1 in 10 bad period of 6 months"))
        #expect(Self.yearLines(board).isEmpty, "\(Self.yearLines(board).prefix(5))")
    }

    /// "komende jaar, as of 30 November 2026: is that 2027?" — a register that names its period
    /// is read with that name.
    @Test func aNamedPeriodIsSaidByName() throws {
        let named = try Self.register(horizon: "12 months", period: "2027")
        #expect(named.metadata.period == "2027")
        for language in ["en", "nl"] {
            let community = try ReportFixtures.render(named, format: .markdown, audience: .community, trials: 400, language: language)
            #expect(community.contains("in 2027"), "\(community)")
            #expect(!community.contains("the next year") && !community.contains("komende jaar"), "\(community)")
            let board = try ReportFixtures.render(named, format: .markdown, audience: .board, trials: 400, language: language)
            #expect(board.contains(language == "en" ? "over 2027" : "in 2027") || board.contains("in 2027"))
            #expect(!board.contains("over the next year") && !board.contains("komende jaar"))
        }
        // Without the name, the time ahead as before.
        let plain = try ReportFixtures.render(try Self.register(horizon: "12 months"), format: .markdown, audience: .community, trials: 400)
        #expect(plain.contains("the next year"))
    }
}
