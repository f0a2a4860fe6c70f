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

    /// The Markdown board report has contents, like the HTML one, whose every link leads to a
    /// heading: the anchors are checked against GitHub's rule for heading anchors as an
    /// independent implementation in `scripts/render-markdown` applies it to the rendered
    /// headings — for the examples, for hostile titles, for right-to-left titles with ids and
    /// figures, and for two outcomes that share a title and a unit.
    @Test func contentsLinksLeadToHeadingsAsGitHubAnchorsThem() throws {
        var documents = try ReportFixtures.examples.map { name in
            (name, try ReportFixtures.example(name, .board, format: .markdown, trials: 1_000))
        }
        for text in ["Bed days (days) — £5 ☃ x_y", "حماية السكان 2026 (R-1)", "פרויקט R-1: 25% ∑", "# Injected heading", "`code` **bold**"] {
            let register = try ReportFixtures.load(yaml: fixtureRegister(text: text))
            documents.append((text, try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 1_000)))
        }
        var twin = try ReportFixtures.load(yaml: fixtureRegister(text: "Same title"))
        twin.outcomes[1].unit = .money
        twin.appetite.removeAll { $0.outcome == "other" }
        twin.risks.removeAll { $0.id == "R-2" }
        documents.append(("twin outcomes", try ReportFixtures.render(twin, format: .markdown, audience: .board, trials: 1_000)))
        let rendered = try TestSupport.renderGitHubMarkdown(documents.map(\.1), anchors: true)
        for ((name, markdown), html) in zip(documents, rendered) {
            #expect(markdown.contains("## Contents\n"), "\(name)")
            let ids = Set(html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            let targets = html.components(separatedBy: "href=\"#").dropFirst().map {
                String($0.prefix { $0 != "\"" }).removingPercentEncoding ?? ""
            }
            #expect(targets.count >= 8, "\(name): \(targets)")
            for target in targets {
                #expect(ids.contains(target), "\(name): no heading has the anchor #\(target); headings: \(ids.sorted())")
            }
            #expect(Set(targets).count == targets.count, "\(name): two contents lines lead to one heading")
        }
    }
}
