import TextLayer

extension ReportBuilder {
    /// The glossary's terms, in the order the board report shows them. Each has three phrases:
    /// `glossary.ID.term`, `glossary.ID.text` and `glossary.ID.match` (the words, `|`-separated,
    /// that link to it from the HTML report's text).
    static let glossaryTerms = ["percentiles", "es95", "variance", "interval", "too-close", "seed", "horizon", "pooled", "borrowed",
                                "bands", "shadow", "modes"]

    /// The board report's glossary: what its technical words mean, in plain words.
    func glossary() -> ReportContext.Glossary {
        ReportContext.Glossary(
            heading: e(phrases("glossary.heading")), intro: e(phrases("glossary.intro")),
            entries: Self.glossaryTerms.map { id in
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
