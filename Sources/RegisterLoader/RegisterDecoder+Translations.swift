import RegisterModel
import YAMLNodes

/// Texts written in several languages: `title: {en: Bike theft near stations, nl: Fietsdiefstal bij stations}`.
extension RegisterDecoder {
    /// A text that may be given as a mapping of language code to text. Returns the text in the
    /// register's language (else the first the mapping lists), which is what the model holds;
    /// the mapping is kept under `place` for reports in other languages.
    ///
    /// A key that is not a well-formed BCP 47 language tag is `invalid-value` at the key, and a
    /// language given twice (ignoring case) too; the other languages are still read.
    mutating func translatable(_ node: YAMLNode, _ what: String, _ place: Translations.Place?) -> String? {
        guard let entries = node.mapping else { return reader.text(node, what) }
        guard !entries.isEmpty else {
            reader.error(.emptyValue, "\(what) is empty", at: node,
                         hint: "write the text, or one line per language such as `en: …` and `nl: …`")
            return nil
        }
        var variants: [(language: String, text: String)] = []
        for entry in entries {
            guard let tag = entry.key.scalar?.value, Translations.isWellFormedTag(tag) else {
                let shown = entry.key.scalar?.value.abbreviated ?? entry.key.kindDescription
                let hyphenated = shown.replacingOccurrences(of: "_", with: "-")
                reader.error(.invalidValue, "`\(shown)` in \(what) is not a language code", at: entry.key,
                             hint: shown.contains("_") && Translations.isWellFormedTag(hyphenated)
                                ? "language codes join their parts with a hyphen: write `\(hyphenated)`"
                                : "give each text under a BCP 47 language code, such as `en`, `nl` or `nl-BE`: `title: {en: Bike theft, nl: Fietsdiefstal}`")
                continue
            }
            if variants.contains(where: { $0.language.lowercased() == tag.lowercased() }) {
                reader.error(.invalidValue, "\(what) gives the `\(tag)` text twice", at: entry.key, hint: "keep one text per language")
                continue
            }
            guard let text = reader.text(entry.value, "the `\(tag)` text of \(what)") else { continue }
            variants.append((tag, text))
        }
        guard !variants.isEmpty else { return nil }
        if let place { translations.texts[place] = Translations.Text(variants: variants, location: reader.location(node)) }
        return variants[Translations.bestMatch(variants.map(\.language), for: registerLanguage) ?? 0].text
    }

    /// Once a register gives any text in a language, every text reports show should have it:
    /// otherwise a report in that language mixes in the register's own. One warning per
    /// language, at the first text without it, with how many more lack it.
    ///
    /// A text written as a plain string is in the register's language; a mapping that leaves
    /// the register's language out is missing it too. A text written in one language only,
    /// under its tag (`name: {nl: Buurtpreventie Noord}`), is the same in every report — a
    /// name, a term not translated — and misses nothing; nor does it make its language one the
    /// register is written in.
    mutating func checkTranslations(_ register: Register) {
        let languages = Set(register.translations.texts.values.filter { $0.variants.count > 1 }
            .flatMap { $0.variants.map { $0.language.lowercased() } }).sorted()
        guard !languages.isEmpty else { return }
        let own = register.textLanguage
        // Languages are compared by their primary subtag: `nl` and `nl-BE` texts both serve a
        // report in `nl`.
        let wanted = Set(languages.map(Translations.primary) + [Translations.primary(own)]).sorted()
        for language in wanted {
            var first: (Translations.Place, Diagnostic.Location)?
            var more = 0
            register.forEachText { place, _, location in
                let has = register.translations.texts[place].map { $0.variants.count == 1 || $0.variants.contains { Translations.sameLanguage($0.language, language) } }
                    ?? Translations.sameLanguage(own, language)
                guard !has else { return }
                if first == nil { first = (place, register.translations.texts[place]?.location ?? location) } else { more += 1 }
            }
            guard let (place, location) = first else { continue }
            let others = more == 0 ? "" : more == 1 ? " (nor has one other text)" : " (nor have \(more) other texts)"
            let fallback = register.translations.texts[place].map { given in
                given.variant(for: own)?.language ?? given.variants[0].language
            } ?? own
            reader.report(.warning(
                .translationMissing,
                "\(place) has no `\(language)` text\(others), so a report in `\(language)` shows \(more == 0 ? "it" : "them") in `\(fallback)`",
                at: location,
                hint: "write the text in every language the register uses, such as `\(place.field): {\(wanted.map { "\($0): …" }.joined(separator: ", "))}`"))
        }
    }
}
