import Testing
@testable import Reporting

@Suite("Encoding untrusted register text")
struct ReportTextTests {
    @Test func htmlEscapesTheFiveSpecialCharacters() {
        #expect(ReportText.html("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
    }

    @Test func bidiControlAndZeroWidthCharactersAreStripped() {
        let text = "a\u{202E}b\u{202C}c\u{2066}d\u{2069}e\u{200B}f\u{FEFF}g\u{0007}h\u{001B}[31mi"
        #expect(ReportText.clean(text) == "abcdefg h [31mi")
        #expect(ReportText.clean("one\ntwo\r\nthree\u{2028}four\tfive") == "one two three four five")
    }

    @Test(arguments: ReportFixtures.hostile)
    func htmlOutputHasNoMarkup(_ text: String) {
        let out = ReportText.html(text)
        #expect(!out.contains("<") && !out.contains(">") && !out.contains("\"") && !out.contains("'"))
        #expect(!out.unicodeScalars.contains { $0.properties.generalCategory == .format || $0.properties.generalCategory == .control })
    }

    @Test(arguments: ReportFixtures.hostile)
    func markdownOutputCannotStartBlocksOrLinks(_ text: String) {
        let out = ReportText.markdown(text)
        #expect(!out.contains("\n"))
        #expect(!out.hasPrefix("#") && !out.hasPrefix("-") && !out.hasPrefix(">") && !out.hasPrefix("|"))
        // Every Markdown-active character is escaped, except within an https autolink
        // (`<https://…>`), which is allowed; one autolink excuses only its own characters.
        let chars = Array(out)
        var inAutolink = false
        for (i, ch) in chars.enumerated() {
            if inAutolink {
                if ch == ">" { inAutolink = false }
                continue
            }
            if String(chars[i...].prefix(9)) == "<https://" { inAutolink = true; continue }
            guard "[]|`*_<>#~&".contains(ch) else { continue }
            #expect(i > 0 && chars[i - 1] == "\\", "unescaped \(ch) in \(out)")
        }
        // Every `](` is escaped, not merely one of them.
        #expect(out.components(separatedBy: "](").count == out.components(separatedBy: "\\](").count, "link syntax survives in \(out)")
    }

    @Test func onlyHttpsAndMailtoBecomeLinks() {
        #expect(ReportText.markdown("see https://example.org/a.") == "see <https://example.org/a>.")
        #expect(ReportText.markdown("mailto:team@example.org") == "<mailto:team@example.org>")
        #expect(ReportText.markdown("http://example.org") == "http\\://example.org")
        #expect(ReportText.markdown("www.example.org") == "www\\.example.org")
        #expect(ReportText.safeLink("javascript:alert(1)") == nil)
        #expect(ReportText.safeLink("https://x.example/\"onmouseover") == nil)
    }

    @Test func markdownEscapesTablesHeadingsAndLists() {
        #expect(ReportText.markdown("a | b") == "a \\| b")
        #expect(ReportText.markdown("# h") == "\\# h")
        #expect(ReportText.markdown("- item") == "\\- item")
        #expect(ReportText.markdown("1. item") == "1\\. item")
        #expect(ReportText.markdown("6.5 hours") == "6.5 hours")
        #expect(ReportText.markdown("co-design 2.5") == "co-design 2.5")
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.base64(SHA256.digest(Array("abc".utf8))) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(SHA256.base64(SHA256.digest([])) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.base64(SHA256.digest(long)) == "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=")
    }
}
