import Foundation
import Testing
import TextLayer
@testable import Reporting

@Suite("The finished HTML report is checked, whatever the template")
struct HTMLSafetyTests {
    static let policy = "default-src 'none'; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'"
    static let head = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\"><meta charset=\"utf-8\"><title>x &lt;script&gt;</title></head><body>"

    @Test func aSafeReportPasses() {
        #expect(HTMLSafety.problem(in: Self.head + "<p title=\"javascript: is only text here\">&lt;script&gt;alert(1)</p><a href=\"#risk-1\">x</a></body></html>",
                                   policy: Self.policy) == nil)
    }

    @Test(arguments: [
        ("<ScRiPt>alert(1)</script>", "it contains a <script> element"),
        ("<svg><script>alert(1)</script></svg>", "it contains a <script> element"),
        ("<img src=x onerror=alert(1)>", "the <img> element has an event handler (onerror)"),
        ("<p\nONCLICK='x'>", "the <p> element has an event handler (onclick)"),
        ("<a href=\"java&#115;cript&colon;alert(1)\">x</a>", "the <a> element's href is a javascript: URL"),
        ("<a href=\"\tjava\nscript:alert(1)\">x</a>", "the <a> element's href is a javascript: URL"),
        ("<form action=\"javascript:x\"></form>", "the <form> element's action is a javascript: URL"),
        ("<a href='data:text/html,<b>'>x</a>", "the <a> element's href is a data:text/html URL"),
        ("<object data=x></object>", "it contains a <object> element"),
        ("<base href=//evil.example/>", "it contains a <base> element"),
        ("<meta http-equiv=refresh content=0>", "it has <meta http-equiv=\"refresh\">"),
        ("<style>p{}</style><script>x</script>", "it contains a <script> element"),
        ("<!-- comment --><iframe srcdoc=x>", "it contains a <iframe> element"),
    ])
    func unsafeMarkupIsFound(_ body: String, _ problem: String) {
        #expect(HTMLSafety.problem(in: Self.head + body, policy: Self.policy) == problem)
    }

    @Test func thePolicyMustComeFirstAndBeExact() {
        #expect(HTMLSafety.problem(in: "<html><body><p>x</p></body></html>", policy: Self.policy) == "the Content Security Policy is missing, or comes after the <body> element")
        #expect(HTMLSafety.problem(in: "<html><head><title>t</title></head>", policy: Self.policy) == "the Content Security Policy is missing")
        let weaker = Self.head.replacingOccurrences(of: "default-src 'none'", with: "default-src *")
        #expect(HTMLSafety.problem(in: weaker, policy: Self.policy) == "its Content Security Policy is not riskreg's")
        let late = "<html><head><style>p{}</style><meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">"
        #expect(HTMLSafety.problem(in: late, policy: Self.policy) == "the Content Security Policy is missing, or comes after the <style> element")
    }
}

@Suite("Template folders are checked before rendering")
struct TemplateGraphTests {
    @Test func selfReferenceDelimitersAndDynamicPartialsAreRefused() {
        func error(_ files: [String: String]) -> String? {
            do { _ = try ReportTemplates(files: files, source: "t"); return nil } catch { return "\(error.file):\(error.line):\(error.column) \(error.message)" }
        }
        #expect(error(["report-board.md.mustache": "a\n {{> report-board.md}}"]) == "t/report-board.md.mustache:2:2 the partial `report-board.md` includes itself, which would never end")
        #expect(error(["report-board.md.mustache": "{{=<% %>=}}<%> report-board.md%>"]) == "t/report-board.md.mustache:1:1 riskreg templates may not change the tag delimiters")
        #expect(error(["report-board.md.mustache": "{{>*name}}"]) == "t/report-board.md.mustache:1:1 a partial's name must be written out, not taken from the data")
        // Ten levels of partials, each including the next twice: 2¹⁰ copies, over the limit.
        var files = ["report-board.md.mustache": "{{> p0}}"]
        for level in 0..<10 { files["p\(level).mustache"] = level == 9 ? "x" : "{{> p\(level + 1)}}{{> p\(level + 1)}}" }
        #expect(error(files)?.contains("expand to more than 1000 copies") == true)
        files["p9.mustache"] = "x"
        files["p0.mustache"] = "{{> p1}}"
        #expect(error(files) == nil, "a deep but narrow nesting is fine")
    }
}

@Suite("Right-to-left register text is isolated in board reports")
struct BidiIsolationTests {
    /// Register text written right to left (Arabic, Hebrew) next to ids and figures is isolated
    /// from the text around it, as the community templates isolate theirs: wherever the board
    /// templates start an element, a cell or a heading with register text, or follow an entry's
    /// id with its title, the text sits in a `<bdi>` or an element with `dir="auto"` — otherwise
    /// the browser's bidirectional algorithm pulls "R-1", "(EUR)" and "25%" into the
    /// right-to-left run and they read in the wrong order.
    @Test(arguments: ["حماية السكان 2026 (R-2) 25%", "פרויקט R-2: 25% מהשכונה"])
    func rightToLeftRegisterTextIsIsolated(_ text: String) throws {
        let register = try ReportFixtures.load(yaml: fixtureRegister(text: text))
        let html = try ReportFixtures.render(register, format: .html, audience: .board, trials: 1_000)
        let body = try #require(html.components(separatedBy: "<body>").last)
        let escaped = HTMLText.escape(text)
        var checked = 0, isolated = 0
        var rest = Substring(body)
        while let hit = rest.range(of: escaped) {
            let before = String(body[body.startIndex..<hit.lowerBound].suffix(60))
            defer { rest = rest[hit.upperBound...] }
            // Chart pictures (SVG text cannot hold HTML) and attribute values are not prose.
            if before.range(of: #"<(text|tspan|title)[^>]*>$|="$|data-label="[^"]*$"#, options: .regularExpression) != nil { continue }
            checked += 1
            if before.hasSuffix("<bdi>") || before.hasSuffix("dir=\"auto\">") {
                isolated += 1
                continue
            }
            #expect(!before.hasSuffix(">") && !before.hasSuffix("</a> "),
                    "register text not isolated after …\(before)")
        }
        #expect(checked > 30 && isolated > 30, "\(checked) places, \(isolated) isolated")
    }
}

@Suite("Register text inside assembled sentences is isolated")
struct SentenceIsolationTests {
    /// Sentences riskreg assembles around register text — verdicts, levers, who would step
    /// back, chart captions — isolate that text too, not only cells and headings: every place
    /// the text appears as prose in the board report's body sits in a `<bdi>` or an element with
    /// `dir="auto"`. A unit word after its figure ("25 UNIT") is part of the figure.
    @Test(arguments: ["حماية السكان 2026 (R-2) 25%", "פרויקט R-2: 25% מהשכונה"])
    func rightToLeftTextInSentencesIsIsolated(_ text: String) throws {
        let register = try ReportFixtures.load(yaml: fixtureRegister(text: text))
        let html = try ReportFixtures.render(register, format: .html, audience: .board, trials: 1_000)
        let body = try #require(html.components(separatedBy: "<body>").last)
        let escaped = HTMLText.escape(text)
        var bare: [String] = []
        var sentences = 0
        var rest = Substring(body)
        while let hit = rest.range(of: escaped) {
            let before = String(body[body.startIndex..<hit.lowerBound].suffix(80))
            defer { rest = rest[hit.upperBound...] }
            if before.range(of: #"<(text|tspan|title)[^>]*>[^<]*$|="$|data-label="[^"]*$|<h1>[^<]*$|[0-9%] \(?$"#, options: .regularExpression) != nil { continue }
            if before.hasSuffix("<bdi>") || before.hasSuffix("dir=\"auto\">") {
                if before.range(of: #"[a-z,;:] <bdi>$"#, options: .regularExpression) != nil { sentences += 1 }
                continue
            }
            bare.append(before)
        }
        #expect(bare.isEmpty, "register text not isolated after: \(bare.joined(separator: "\n…"))")
        #expect(sentences > 10, "\(sentences) isolated inside sentences")
    }

    /// The marks that isolate register text never reach Markdown, and an unbalanced mark adds
    /// no unbalanced tag.
    @Test func isolationMarksAreBalancedAndInvisibleOutsideHTML() {
        let start = String(Unicode.Scalar(0xFDD0 as UInt32)!), end = String(Unicode.Scalar(0xFDD1 as UInt32)!)
        let sentence = "Losses to " + UntrustedText.isolated("<b>" + end + "x") + " exceed"
        #expect(HTMLText.escapeIsolating(sentence) == "Losses to <bdi>&lt;b&gt;x</bdi> exceed")
        #expect(HTMLText.escapeIsolating("a " + end + "b " + start + "c") == "a b <bdi>c</bdi>")
        #expect(MarkdownText.escape(UntrustedText.isolated("- item")) == "\\- item")
        #expect(HTMLText.escape(sentence) == "Losses to &lt;b&gt;x exceed")
    }
}
