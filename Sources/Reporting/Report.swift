import RegisterModel
import Scoring
import TextLayer

/// Renders reports: register + score → Markdown or HTML, through templates.
public enum Report {
    /// The register to score for a report: the register itself for the board, its
    /// ``CommunityView`` for the community, so that no community figure depends on a
    /// confidential entry.
    public static func registerToScore(_ register: Register, options: ReportOptions) -> Register {
        let shown = shownRegister(register, language: options.language)
        guard options.audience == .community else { return shown }
        return CommunityView(shown, phrases: Phrasebook.builtIn(options.language) ?? .english).register
    }

    /// The register as a report in `language` shows it: each text in that language where the
    /// register gives it, else in the register's own, marked (``LanguageMark``) so that HTML can
    /// tell a screen reader the language of the text it falls back to. A register whose texts
    /// are plain strings in `language` is returned as it is.
    static func shownRegister(_ register: Register, language: String) -> Register {
        if register.translations.isEmpty, Translations.sameLanguage(register.textLanguage, language) { return register }
        var clean = register
        // A register's own marks would be read as marks: they go before any is added.
        clean.mapTexts { _, text, _ in LanguageMark.strip(text) }
        return clean.inLanguage(language) { text, language in LanguageMark.wrap(text, language: language) }
    }

    /// The report as text.
    ///
    /// - Parameters:
    ///   - register: the full register.
    ///   - score: the score of ``registerToScore(_:options:)``; a community report refuses a
    ///     score that holds a confidential entry.
    ///   - published: for a board report, the score the community report is made from (the
    ///     register's public view, scored with the same options), so that the board is told
    ///     where the published verdicts differ from its own; nil leaves that out.
    public static func render(register: Register, score: RegisterScore, options: ReportOptions,
                              templates: ReportTemplates, since: ReviewChanges? = nil,
                              published: RegisterScore? = nil) throws(TemplateError) -> String {
        if options.audience == .community {
            let confidential = Set(register.risks.filter(\.isConfidential).map(\.id))
            if let leak = score.risks.first(where: { confidential.contains($0.id) }) {
                throw TemplateError(file: register.file, line: 1, column: 1,
                                    message: "the score holds confidential entry `\(leak.id)`, so a community report cannot be built from it",
                                    hint: "score Report.registerToScore(register, options:), the register's public view")
            }
        }
        // Every figure is written in the report's language (1,234.5 or 1.234,5).
        let style = (Phrasebook.builtIn(options.language) ?? .english).numberStyle
        var builder = ReportBuilder(register: register, score: score, options: options, since: since)
        if options.audience == .board { builder.published = published }
        let context = FigureFormat.$style.withValue(style) { builder.build() }
        var text = try templates.render(context, options: options)
        // A long baseline or period in full once per section, then by its short name.
        text = ShortNames.shorten(text, names: builder.shortNames, format: options.format == .html ? .html : .markdown)
        // On a phone each table row reads as a card, each cell under its column's heading.
        if options.format == .html { text = StackedTables.label(text) }
        // In the HTML board report, the first use of each glossary term links to its entry.
        guard options.format == .html, options.audience == .board, context.glossary != nil else { return text }
        return GlossaryLinks.link(text, terms: builder.glossaryLinks)
    }
}
