import Foundation
import Testing
@testable import TextLayer
import _TestSupport

@Suite("Untrusted text: cleaning, HTML and Markdown")
struct EscapingTests {
    /// Strings that have broken HTML sanitisers and Markdown renderers: OWASP's XSS filter
    /// evasion cheat sheet, `javascript:` URLs, bidirectional overrides, Markdown injection,
    /// GitHub autolinks, mentions, issue references and maths.
    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg/onload=alert(1)>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<iframe src=//evil.example></iframe>",
        "</title><script>alert(1)</script>",
        "&lt;script&gt; &#60;script&#62;",
        "abc\u{202E}fdp.exe\u{202C} and \u{2066}isolate\u{2069}",
        "zero\u{200B}width\u{FEFF}bom",
        "[click me](javascript:alert(1))",
        "![img](https://evil.example/x.png)",
        "# Injected heading",
        "| injected | table |",
        "line one\n## second heading\n- list item",
        "`code` **bold** _em_ ~~strike~~",
        "<https://evil.example> http://plain.example www.evil.example",
        "@everyone and user@example.com fixes #123 costs $x$",
        "bell\u{0007} escape\u{001B}[2J csi\u{009B}31m",
    ]

    @Test func htmlEscapesTheFiveSpecialCharacters() {
        #expect(HTMLText.escape("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
    }

    @Test func bidiControlAndZeroWidthCharactersAreStripped() {
        let text = "a\u{202E}b\u{202C}c\u{2066}d\u{2069}e\u{200B}f\u{FEFF}g\u{0007}h\u{001B}[31mi"
        #expect(UntrustedText.clean(text) == "abcdefg h [31mi")
        #expect(UntrustedText.clean("one\ntwo\r\nthree\u{2028}four\tfive") == "one two three four five")
    }

    @Test func terminalGuardKeepsLinesAndColumnsButNoControls() {
        let text = "a  b\n\u{001B}]0;title\u{0007}c\u{009B}2J\u{202E}d\n"
        let out = UntrustedText.terminal(text)
        #expect(out == "a  b\n ]0;title c 2Jd\n")
        #expect(out.split(separator: "\n").allSatisfy { UntrustedText.isClean(String($0)) })
    }

    @Test(arguments: hostile)
    func cleanTextHasNoControlOrFormatCharacters(_ text: String) {
        let out = UntrustedText.clean(text)
        #expect(UntrustedText.isClean(out))
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test(arguments: hostile)
    func htmlOutputHasNoMarkup(_ text: String) {
        let out = HTMLText.escape(text)
        #expect(!out.contains("<") && !out.contains(">") && !out.contains("\"") && !out.contains("'"))
        #expect(!out.unicodeScalars.contains { $0.properties.generalCategory == .format || $0.properties.generalCategory == .control })
    }

    /// Register text as it lands in a report: starting a paragraph, as a list item, in a table
    /// cell and after other text.
    static func placements(_ escaped: String) -> [String] {
        [escaped, "- " + escaped, "| h | h2 |\n| --- | --- |\n| " + escaped + " | x |", "Before " + escaped + " after"]
    }

    /// The text a browser shows for rendered HTML, and the tags it holds.
    static func textAndTags(_ html: String) -> (text: String, tags: [String]) {
        var tags: [String] = []
        var text = ""
        var tag: String?
        for ch in html {
            if var t = tag {
                if ch == ">" { tags.append(t); tag = nil } else { t.append(ch); tag = t }
            } else if ch == "<" {
                tag = ""
            } else {
                text.append(ch)
            }
        }
        var decoded = text
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            decoded = decoded.replacingOccurrences(of: entity, with: char)
        }
        return (decoded.replacingOccurrences(of: "\u{2060}", with: ""), tags)
    }

    static let structural: Set<String> = ["p", "/p", "ul", "/ul", "li", "/li", "table", "/table", "thead", "/thead", "tbody", "/tbody",
                                          "tr", "/tr", "th", "/th", "td", "/td", "/a"]

    /// GitHub's renderer shows escaped register text as the text itself, wherever it lands:
    /// no heading, list, quote, emphasis, code, strikethrough, table cell, HTML or link comes
    /// out of it, except an `https:` or `mailto:` link where the report allows one.
    @Test func markdownIsInertAndFaithfulInGitHubsRenderer() throws {
        let ordinary = ["-133", "<0.1%", "snake_case and _em_", "AT&T &amp; &#60;", "a > b", "C# and #3", "HEAD~1 and HEAD~2",
                        "---", "=", "+", "1.", "2) next", "back\\slash\\", "x\\*y*", "*a* __b__", "<!-- c -->", "<?php", "a\\"]
        var documents: [String] = []
        var expected: [(String, MarkdownText.Links)] = []
        for text in Self.hostile + ordinary {
            for links in [MarkdownText.Links.none, .safeAutolinks] {
                let escaped = MarkdownText.escape(text, links: links)
                for document in Self.placements(escaped) {
                    documents.append(document)
                    expected.append((UntrustedText.clean(text), links))
                }
            }
        }
        let rendered = try TestSupport.renderGitHubMarkdown(documents)
        for ((text, links), (document, html)) in zip(expected, zip(documents, rendered)) {
            let (shown, tags) = Self.textAndTags(html)
            // A mail address is shown as a code span where nothing may link: code, never a link.
            let address = links == .none && text.split(separator: " ").contains { MarkdownText.mailAddress(in: String($0)) != nil }
            for tag in tags where !Self.structural.contains(tag) {
                let allowedLink = links == .safeAutolinks && (tag.hasPrefix("a href=\"https://") || tag.hasPrefix("a href=\"mailto:"))
                #expect(allowedLink || (address && (tag == "code" || tag == "/code")), "<\(tag)> from \(document.debugDescription)")
            }
            #expect(shown.contains(text), "\(document.debugDescription) shows \(shown.debugDescription)")
        }
    }

    /// Only what would be read as Markdown is escaped: figures, comparisons, intraword
    /// underscores and ampersands stay as they are.
    @Test func markdownEscapesOnlyWhatWouldBeRead() {
        for text in ["-133", "-£27,671", "<0.1%", "±<0.1 percentage points", "snake_case", "AT&T", "a > b", "C# 12", "x = 1", "+3"] {
            #expect(MarkdownText.escape(text, links: .safeAutolinks) == text)
        }
        #expect(MarkdownText.escape("&amp;", links: .safeAutolinks) == "\\&amp;")
        #expect(MarkdownText.escape("<b>", links: .safeAutolinks) == "\\<b>")
        #expect(MarkdownText.escape("_em_", links: .safeAutolinks) == "\\_em\\_")
        #expect(MarkdownText.escape("> quote", links: .safeAutolinks) == "\\> quote")
        #expect(MarkdownText.escape("---", links: .safeAutolinks) == "\\---")
        #expect(MarkdownText.escape("a\\b \\*", links: .safeAutolinks) == "a\\b \\\\\\*")
    }

    @Test func reportsLinkOnlyHttpsAndMailto() {
        #expect(MarkdownText.escape("see https://example.org/a.", links: .safeAutolinks) == "see <https://example.org/a>.")
        #expect(MarkdownText.escape("mailto:team@example.org", links: .safeAutolinks) == "<mailto:team@example.org>")
        #expect(MarkdownText.escape("http://example.org", links: .safeAutolinks) == "http\\://example.org")
        #expect(MarkdownText.escape("www.example.org", links: .safeAutolinks) == "www\\.example.org", "rendered, nothing but the address: no invisible character to copy")
        #expect(MarkdownText.safeLink("javascript:alert(1)") == nil)
        #expect(MarkdownText.safeLink("https://x.example/\"onmouseover") == nil)
    }

    /// Pull-request comments: nothing from a register becomes a link, a mention, an issue
    /// reference or maths.
    @Test func commentsLinkNothing() {
        #expect(MarkdownText.escape("see https://example.org/a", links: .none) == "see https\\://example.org/a")
        #expect(MarkdownText.escape("www.example.org", links: .none) == "www\\.example.org")
        #expect(MarkdownText.escape("fixes #123", links: .none) == "fixes \\#&#8288;123")
        #expect(MarkdownText.escape("costs $x$", links: .none) == "costs \\$x\\$")
        #expect(MarkdownText.escape("ask @team", links: .none) == "ask \\@&#8288;team")
        #expect(MarkdownText.escape("mailto:a@b.example", links: .none) == "mailto:a\\@&#8288;b.example")
        // A mail address is a code span: nothing invisible in it, so a copied address works.
        #expect(MarkdownText.escape("Email makingitreal@harrowden.gov.uk.", links: .none) == "Email `makingitreal@harrowden.gov.uk`.")
        #expect(MarkdownText.escape("(ops@example.org)", links: .none) == "(`ops@example.org`)")
        #expect(MarkdownText.escape("a@b", links: .none) == "a\\@&#8288;b", "no dot in the domain: not an address")
    }

    @Test func markdownEscapesTablesHeadingsAndLists() {
        #expect(MarkdownText.escape("a | b", links: .safeAutolinks) == "a \\| b")
        #expect(MarkdownText.escape("# h", links: .safeAutolinks) == "\\# h")
        #expect(MarkdownText.escape("- item", links: .safeAutolinks) == "\\- item")
        #expect(MarkdownText.escape("1. item", links: .safeAutolinks) == "1\\. item")
        #expect(MarkdownText.escape("6.5 hours", links: .safeAutolinks) == "6.5 hours")
        #expect(MarkdownText.escape("co-design 2.5", links: .safeAutolinks) == "co-design 2.5")
        #expect(MarkdownText.escape("# h", links: .none) == "\\#&#8288; h")
        // Inside a line a leading `-` or `+` cannot start a block.
        #expect(MarkdownText.escape("+ oov-team", at: .inline) == "+ oov-team")
    }

    @Test func codeSpansLoseBackticksPipesAndControls() {
        #expect(MarkdownText.codeSpan("a`b|c\u{001B}d\ne") == "a'b/c d e")
    }

    /// Joiners hold emoji and words together; only what can reorder or hide text goes.
    @Test func joinersInsideWordsAndEmojiStay() {
        let nurse = "👩\u{200D}⚕\u{FE0F}"
        #expect(UntrustedText.clean("ask the \(nurse) on duty") == "ask the \(nurse) on duty")
        #expect(UntrustedText.clean("\(nurse)") == nurse)
        let persian = "می\u{200C}خواهم"
        #expect(UntrustedText.clean(persian) == persian)
        #expect(HTMLText.escape(persian) == persian)
        #expect(MarkdownText.escape("\(nurse) \(persian)") == "\(nurse) \(persian)")
        // At the edge of a word, beside a space or another invisible character, a joiner hides
        // nothing and goes; overrides, isolates and zero-width spaces always go.
        #expect(UntrustedText.clean("\u{200D}a \u{200C}b\u{200D}") == "a b")
        #expect(UntrustedText.clean("a\u{200D}\u{202E}b") == "ab")
        #expect(UntrustedText.clean("abc\u{202E}fdp\u{2066}x\u{2069}\u{200B}y") == "abcfdpxy")
        #expect(UntrustedText.marked("a\u{202E}b\u{200D}c") == "a\u{FFFD}b\u{200D}c")
        #expect(UntrustedText.isClean(persian) && UntrustedText.isClean(nurse))
    }
}
