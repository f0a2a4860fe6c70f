import Foundation
import Reporting
import Testing
import _TestSupport

/// Markdown reports as GitHub renders them (cmark-gfm, through `scripts/render-markdown`): every
/// table comes out as a table, the text says only what the Markdown shows, and figures carry no
/// needless backslashes.
@Suite("Markdown reports in GitHub's renderer", .serialized)
struct MarkdownRenderingTests {
    static func reports() throws -> [(name: String, markdown: String)] {
        try ReportFixtures.examples.flatMap { name in
            let register = try ReportFixtures.load(name)
            return try [ReportOptions.Audience.board, .community].map { audience in
                ("\(name) \(audience.rawValue)", try ReportFixtures.render(register, format: .markdown, audience: audience, trials: 2_000))
            }
        }
    }

    @Test func everyTableRendersAndNoMarkupLeaks() throws {
        let reports = try Self.reports()
        let html = try TestSupport.renderGitHubMarkdown(reports.map(\.markdown))
        for ((name, markdown), rendered) in zip(reports, html) {
            let rules = markdown.split(separator: "\n").filter { $0.hasPrefix("| ---") || $0.hasPrefix("|---") }.count
            let tables = rendered.components(separatedBy: "<table>").count - 1
            #expect(rules > 0 && tables == rules, "\(name): \(rules) table rules, \(tables) tables rendered")
            let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.count
            let rendered23 = rendered.components(separatedBy: "<h2").count + rendered.components(separatedBy: "<h3").count - 2
            #expect(headings == rendered23, "\(name): \(headings) headings written, \(rendered23) rendered")
            for tag in ["<em>", "<del>", "<img", "<script", "<code></code>"] {
                #expect(!rendered.contains(tag), "\(name) renders \(tag)")
            }
        }
    }

    /// Captions describe the tables a Markdown report holds, not the pictures it has not got.
    @Test func captionsDescribeTablesNotPictures() throws {
        for (name, markdown) in try Self.reports() {
            for picture in ["dashed", "(solid)", "Diamonds", "diamond", "darker bar", "lighter bar", "vertical line", "Darker cells", "each bar"] {
                #expect(!markdown.contains(picture), "\(name) mentions “\(picture)”")
            }
        }
    }

    /// Escaping is the minimum that keeps register text inert: figures and signs are written
    /// as they are, and commands sit in code spans.
    @Test func figuresCarryNoBackslashes() throws {
        for (name, markdown) in try Self.reports() {
            for needless in ["\\-", "\\<0", "\\<1", "±\\<", "\\~", "\\+"] {
                #expect(!markdown.contains(needless), "\(name) writes \(needless)")
            }
            #expect(markdown.contains(": `riskreg report test`"), "\(name): the command is not a code span")
        }
    }
}
