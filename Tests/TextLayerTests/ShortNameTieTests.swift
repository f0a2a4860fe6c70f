import Testing
import TextLayer

/// A title's short name is tied to it once in the whole text, at its first use in running text
/// in the first section that uses it again; every section still gives the title in full at its
/// first use. A heading or bold text keeps the title in full and never carries the tie. A tie in
/// every section put up to ten "(… below)" on one residents' page, one inside a bold caption.
@Suite("Short names tied to their titles")
struct ShortNameTieTests {
    static let title = ShortNames.Name(full: "People hurt, threatened or wrongly accused", defined: "People hurt, threatened or wrongly accused",
                                       short: "People hurt", tie: "(“People hurt” below)")

    @Test func theFirstUseInRunningTextIsTiedAfterItsClosingQuote() {
        let text = """
        ## One
        ### People hurt, threatened or wrongly accused: chance within the limit
        - “People hurt, threatened or wrongly accused”: 1 person
        - “People hurt, threatened or wrongly accused”: 2 people
        ### People hurt, threatened or wrongly accused
        Only People hurt, threatened or wrongly accused here.
        ## Two
        Once: “People hurt, threatened or wrongly accused”.
        """
        let out = ShortNames.shorten(text, names: [Self.title], format: .markdown)
        let parts = out.components(separatedBy: "## Two")
        #expect(parts[0].contains("### People hurt, threatened or wrongly accused: chance within the limit\n"), "\(out)")
        #expect(parts[0].contains("- “People hurt, threatened or wrongly accused” (“People hurt” below): 1 person\n- “People hurt”: 2 people"), "\(out)")
        #expect(parts[0].contains("### People hurt, threatened or wrongly accused\nOnly People hurt here."), "\(out)")
        // Used once in its part: in full, with nothing to tie.
        #expect(parts[1] == "\nOnce: “People hurt, threatened or wrongly accused”.", "\(out)")
    }

    @Test func inHTMLAHeadingKeepsTheTitleAndTheTextIsTied() {
        let full = Self.title.full
        let html = "<h2>One</h2><h3>\(full)</h3><p>“\(full)” and “\(full)”.</p><svg><text>\(full)</text></svg><h2>Two</h2><p>\(full)</p>"
        let out = ShortNames.shorten(html, names: [Self.title], format: .html)
        #expect(out == "<h2>One</h2><h3>\(full)</h3><p>“\(full)” (“People hurt” below) and “People hurt”.</p><svg><text>\(full)</text></svg><h2>Two</h2><p>\(full)</p>", "\(out)")
        // A register's text is isolated (`<bdi>`): the tie goes after the isolate and the quote.
        let isolated = "<h2>One</h2><p>„<bdi>\(full)</bdi>” en „<bdi>\(full)</bdi>”.</p>"
        #expect(ShortNames.shorten(isolated, names: [Self.title], format: .html)
                == "<h2>One</h2><p>„<bdi>\(full)</bdi>” (“People hurt” below) en „<bdi>People hurt</bdi>”.</p>")
    }

    @Test func theTieIsGivenOncePerTextAndEachSectionStillOpensWithTheFullTitle() {
        let full = Self.title.full
        let text = "## One\n“\(full)” and “\(full)”.\n## Two\n“\(full)” and “\(full)”.\n"
        let out = ShortNames.shorten(text, names: [Self.title], format: .markdown)
        #expect(out == "## One\n“\(full)” (“People hurt” below) and “People hurt”.\n## Two\n“\(full)” and “People hurt”.\n", "\(out)")
        #expect(out.components(separatedBy: "below)").count - 1 == 1)
    }

    @Test func boldTextAndCaptionsKeepTheTitleAndCarryNoTie() {
        let full = Self.title.full
        let markdown = "## One\n**How high: \(full).** The chance that “\(full)” and “\(full)”.\n"
        #expect(ShortNames.shorten(markdown, names: [Self.title], format: .markdown)
                == "## One\n**How high: \(full).** The chance that “\(full)” (“People hurt” below) and “People hurt”.\n")
        let html = "<h2>One</h2><table><caption>\(full): count</caption></table><p><span class=\"status\"><bdi>\(full)</bdi>: within</span>“\(full)” and “\(full)”.</p>"
        #expect(ShortNames.shorten(html, names: [Self.title], format: .html)
                == "<h2>One</h2><table><caption>\(full): count</caption></table><p><span class=\"status\"><bdi>\(full)</bdi>: within</span>“\(full)” (“People hurt” below) and “People hurt”.</p>")
    }
}
