import Testing
@testable import TextLayer

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

    @Test(arguments: hostile)
    func markdownOutputCannotStartBlocksOrLinks(_ text: String) {
        for links in [MarkdownText.Links.none, .safeAutolinks] {
            let out = MarkdownText.escape(text, links: links).replacingOccurrences(of: MarkdownText.wordJoiner, with: "")
            #expect(!out.contains("\n"))
            #expect(!out.hasPrefix("#") && !out.hasPrefix("-") && !out.hasPrefix(">") && !out.hasPrefix("|"))
            // Every Markdown-active character is escaped, except within an explicit https autolink
            // (`<https://…>`) where links are allowed; one autolink excuses only its own characters.
            let chars = Array(out)
            var inAutolink = false
            for (i, ch) in chars.enumerated() {
                if inAutolink {
                    if ch == ">" { inAutolink = false }
                    continue
                }
                if links == .safeAutolinks, String(chars[i...].prefix(9)) == "<https://" { inAutolink = true; continue }
                guard "[]|`*_<>#~&$@".contains(ch) else { continue }
                #expect(i > 0 && chars[i - 1] == "\\", "unescaped \(ch) in \(out)")
            }
            // Every `](` is escaped, not merely one of them.
            #expect(out.components(separatedBy: "](").count == out.components(separatedBy: "\\](").count, "link syntax survives in \(out)")
        }
    }

    @Test func reportsLinkOnlyHttpsAndMailto() {
        #expect(MarkdownText.escape("see https://example.org/a.", links: .safeAutolinks) == "see <https://example.org/a>.")
        #expect(MarkdownText.escape("mailto:team@example.org", links: .safeAutolinks) == "<mailto:team@example.org>")
        #expect(MarkdownText.escape("http://example.org", links: .safeAutolinks) == "http\\://example.org")
        #expect(MarkdownText.escape("www.example.org", links: .safeAutolinks) == "www\\.example.org")
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
