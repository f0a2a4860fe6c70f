import TextLayer

extension ReportBuilder {
    /// The Markdown board report's table of contents: the sections the HTML report's contents
    /// list, with the anchors GitHub gives their headings as the shipped template writes them.
    ///
    /// Anchors are numbered in document order when headings repeat, so the headings that come
    /// before each listed one and could share its anchor are counted too: the section headings
    /// (fixed phrases, each once) and the outcomes' headings, "title (unit)", which repeat when
    /// two outcomes share a title and a unit. Entries' headings come after every listed heading
    /// and start with their id, so they change no listed anchor.
    func markdownContents() -> [ReportContext.ContentsEntry] {
        var anchors = MarkdownAnchors()
        func entry(_ text: String, _ children: [ReportContext.ContentsEntry] = []) -> ReportContext.ContentsEntry {
            .init(title: e(text), anchor: anchors.next(UntrustedText.clean(text)), children: children)
        }
        func template(_ key: String) -> String { phrases("template." + key) }
        _ = anchors.next(UntrustedText.clean(reportHeading))
        var list = [entry(template("decision-heading"))]
        // The headings inside the decision section come before the contents.
        for key in ["decision-what-would-change", "decision-quality-heading", "contents"] { _ = anchors.next(template(key)) }
        // The glossary follows the contents, so that the words the decision page uses can be
        // looked up before the sections that use them.
        list.append(entry(phrases("glossary.heading")))
        if let review {
            list.append(entry(template("since-the-last-review") + " (" + MarkdownText.codeSpan(review.revision) + ")"))
        }
        list.append(entry(template("summary-heading")))
        list.append(entry(template("co-production")))
        list.append(entry(template("estimates-past-their-review-date")))
        if !score.portfolios.isEmpty { list.append(entry(template("portfolios-compared"))) }
        let detail = template("outcomes-in-detail")
        let detailAnchor = anchors.next(detail)
        let outcomes = score.outcomes.map { o in entry(o.title + " (" + unitWord(o.unit) + ")") }
        list.append(.init(title: e(detail), anchor: detailAnchor, children: outcomes))
        list.append(entry(template("every-entry-in-full")))
        list.append(entry(template("how-these-figures-were-made")))
        return list
    }
}
