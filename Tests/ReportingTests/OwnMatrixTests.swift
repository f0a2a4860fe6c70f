import Foundation
import RegisterLoader
import RegisterModel
import Reporting
import Scoring
import Testing
import _TestSupport

/// A board that rates on its own matrix sees it in its report; the generic heat map is for
/// registers without scales, and says what it really computes.
@Suite("Board report: the organisation's own matrix")
struct OwnMatrixTests {
    @Test func aRegisterWithScalesGetsItsOwnMatrixNotTheHeatMap() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let html = ReportFixtures.withoutLabels(try ReportFixtures.render(register, format: .html, audience: .board))
        #expect(html.contains("<h3 id=\"matrix\">"))
        #expect(!html.contains("<figure id=\"heat\">"))
        // The levels in the report's words, the stated ratings and the disagreements with the results.
        #expect(html.contains("<bdi>possible</bdi> × <bdi>considerable</bdi> (3×3)"))
        #expect(html.contains("<td class=\"rag-"))
        let score = try Scorer.score(register, options: ScoringOptions(seed: 7, trials: 4_000, jobs: 2, asOf: ReportFixtures.asOf))
        #expect(score.risks.contains { $0.ratings != nil })
        for risk in score.risks where risk.inHeadline {
            guard let ratings = risk.ratings else { continue }
            #expect(html.contains("<a href=\"#risk-\(risk.id)\">\(risk.id)</a>"))
            for d in ratings.disagreements {
                // The report words it in its own language, with the simulated chance beside the
                // one worked out from the estimates.
                #expect(html.contains("rated \(d.rating) \(d.stated.rawValue) ("), "\(risk.id): \(d.message)")
            }
        }
        let markdown = try ReportFixtures.render(register, format: .markdown, audience: .board)
        #expect(markdown.contains("### On the organisation’s own matrix"))
        #expect(!markdown.contains("Likelihood and impact of each entry"))
    }

    @Test func aRegisterWithoutScalesKeepsTheHeatMapWithAnHonestCaption() throws {
        let register = try ReportFixtures.load("ward-7-patient-partnership")
        let html = try ReportFixtures.render(register, format: .html, audience: .board)
        #expect(html.contains("<figure id=\"heat\">"))
        #expect(!html.contains("<h3 id=\"matrix\">"))
        #expect(!html.contains("appetite threshold where there is one, otherwise the outcome's 1 in 20 bad-year loss without responses."))
        #expect(html.contains("how widely its loss varies from year to year without responses"))
    }

    @Test func withNoAppetiteTheHeatMapNamesNoThreshold() throws {
        var text = fixtureRegister(text: "Plain")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        text = lines.filter { !$0.contains("loss-exceeds:") && !$0.contains("net-benefit-above:") && !$0.hasPrefix("appetite:") }.joined(separator: "\n")
        let register = try ReportFixtures.load(yaml: text)
        #expect(register.appetite.isEmpty)
        let html = try ReportFixtures.render(register, format: .html, audience: .board, trials: 1_000)
        let figure = try #require(html.range(of: "<figure id=\"heat\">").map { String(html[$0.lowerBound...].prefix(20_000)) })
        #expect(!figure.contains("appetite threshold"))
        #expect(figure.contains("since no appetite names a loss for it"))
    }
}

/// The five HTML special characters, as the report's encoder writes them.
enum HTMLTextForTests {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
