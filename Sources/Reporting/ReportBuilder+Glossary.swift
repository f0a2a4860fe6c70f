import TextLayer

extension ReportBuilder {
    /// The glossary's terms, in the order the board report shows them: those the decision page
    /// uses first (whose estimates, and how sure), then the rest. Each has three phrases:
    /// `glossary.ID.term`, `glossary.ID.text` and `glossary.ID.match` (the words, `|`-separated,
    /// that link to it from the HTML report's text).
    static let glossaryTerms = ["perspective", "pooled", "borrowed", "too-close", "interval", "percentiles", "es95", "variance", "seed",
                                "horizon", "bands", "shadow", "modes"]

    /// The board report's glossary: what its technical words mean, in plain words.
    func glossary() -> ReportContext.Glossary {
        ReportContext.Glossary(
            // Only the HTML report links its words here: the Markdown one does not say it does.
            heading: e(phrases("glossary.heading")),
            intro: e(phrases("glossary.intro") + (options.format == .html ? " " + phrases("glossary.intro.links") : "")),
            entries: Self.glossaryTerms.map { id in
                // The horizon as the page's first line gives it ("1 year"), not as the register
                // writes it ("12 months" on two pages, "1 year" on the third).
                .init(id: id, term: e(phrases("glossary.\(id).term")),
                      text: e(phrases("glossary.\(id).text", ["horizon": horizonWords])))
            })
    }

    /// The words that link to each glossary entry from the HTML report's text.
    var glossaryLinks: [GlossaryLinks.Term] {
        Self.glossaryTerms.map { id in
            GlossaryLinks.Term(anchor: "g-" + id, words: phrases("glossary.\(id).match").split(separator: "|").map { HTMLText.escape(String($0)) })
        }
    }
}
