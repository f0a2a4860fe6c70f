/// Where public text names a confidential entry.
///
/// A community report leaves confidential entries out; text that stays in it (a description,
/// an appetite statement, a portfolio's title) must not name them either. `validate` warns
/// about each such text (`confidential-named`), and the community view withholds it.
extension Register {
    /// A piece of text that appears in a community report, with where it was written and what
    /// it is, for a warning that points at it.
    public struct PublicText: Sendable {
        public var text: String
        /// "the register's description", "outcome `budget`'s title" …
        public var place: String
        public var location: Diagnostic.Location
    }

    /// The confidential entry `text` names by id or by title in any of its languages (whole
    /// words, ignoring case), or nil. A title shorter than four letters is not looked for, since
    /// it would match ordinary words.
    public func confidentialEntryNamed(in text: String) -> Risk? {
        risks.first { $0.isConfidential && names(text, $0) }
    }

    func names(_ text: String, _ risk: Risk) -> Bool {
        if Self.containsWord(text, risk.id) { return true }
        return translations.everyText(risk.title, at: Translations.Place(.risk, risk.id, "title")).contains { title in
            let title = title.trimmingCharacters(in: .whitespaces)
            return title.count >= 4 && Self.containsWord(text, title)
        }
    }

    /// The name, of `names` (a contributor's name in each of its languages), that one of
    /// `unnamedAs` (its `unnamed-as` in each language) contains as whole words, ignoring case;
    /// nil if none does. A contributor that asked not to be named would be named by such a text
    /// (`unnamed-as-names`). A name shorter than four letters is not looked for, as with
    /// confidential titles.
    public static func nameGiven(in unnamedAs: [String], names: [String]) -> String? {
        names.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { name in name.count >= 4 && unnamedAs.contains { containsWord($0, name) } }
    }

    /// The name ``nameGiven(in:names:)`` finds in contributor `c`'s `unnamed-as`, in any of the
    /// register's languages.
    public func nameGiven(inUnnamedAsOf c: Contributor) -> String? {
        func all(_ field: String, _ text: String?) -> [String] {
            translations.everyText(text, at: Translations.Place(.contributor, c.id, field))
        }
        return Self.nameGiven(in: all("unnamed-as", c.unnamedAs), names: all("name", c.name))
    }

    /// Whether `word` occurs in `text` (ignoring case) with no letter or digit just before or
    /// after it.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        let haystack = text.lowercased(), needle = word.lowercased()
        var start = haystack.startIndex
        while let range = haystack.range(of: needle, range: start..<haystack.endIndex) {
            let before = range.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: range.lowerBound)]
            let after = range.upperBound == haystack.endIndex ? nil : haystack[range.upperBound]
            if !(before.map(Self.isWordCharacter) ?? false) && !(after.map(Self.isWordCharacter) ?? false) { return true }
            start = haystack.index(after: range.lowerBound)
        }
        return false
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Every text a community report may show, outside confidential entries themselves.
    public var publicTexts: [PublicText] {
        var texts: [PublicText] = []
        func add(_ text: String?, _ place: String, _ location: Diagnostic.Location) {
            if let text, !text.isEmpty { texts.append(.init(text: text, place: place, location: location)) }
        }
        add(metadata.title, "the register's title", metadata.location)
        add(metadata.description, "the register's description", metadata.location)
        add(metadata.contact, "the register's contact", metadata.location)
        add(metadata.nextDecision, "the register's `next-decision`", metadata.location)
        add(metadata.howToRespond, "the register's `how-to-respond`", metadata.location)
        add(metadata.decidedBy, "the register's `decided-by`", metadata.location)
        add(metadata.confidentialReason, "the register's `confidential-reason`", metadata.location)
        add(metadata.responseBudget, "the register's `response-budget`", metadata.location)
        add(metadata.period, "the register's `period`", metadata.location)
        add(metadata.periodShort, "the register's `period-short`", metadata.location)
        for o in outcomes {
            add(o.title, "outcome `\(o.id)`'s title", o.location)
            add(o.titleShort, "outcome `\(o.id)`'s `title-short`", o.location)
            add(o.description, "outcome `\(o.id)`'s description", o.location)
            add(o.baseline, "outcome `\(o.id)`'s `baseline`", o.location)
            add(o.baselineShort, "outcome `\(o.id)`'s `baseline-short`", o.location)
            add(o.anyHarm, "outcome `\(o.id)`'s `any-harm`", o.location)
        }
        for a in appetite {
            add(a.statement, "the appetite statement on `\(a.outcome)`", a.location)
            add(a.ifMissed, "the `if-missed` of the appetite statement on `\(a.outcome)`", a.location)
        }
        for c in contributors {
            add(c.name, "contributor `\(c.id)`'s name", c.location)
            add(c.description, "contributor `\(c.id)`'s description", c.location)
            add(c.unnamedAs, "contributor `\(c.id)`'s `unnamed-as`", c.location)
        }
        for p in perspectives {
            add(p.title, "perspective `\(p.id)`'s title", p.location)
            add(p.weightReason, "perspective `\(p.id)`'s `weight-reason`", p.location)
            add(p.weightSetBy, "perspective `\(p.id)`'s `weight-set-by`", p.location)
        }
        for r in risks where !r.isConfidential {
            add(r.title, "entry `\(r.id)`'s title", r.location)
            add(r.description, "entry `\(r.id)`'s description", r.location)
            add(r.owner, "entry `\(r.id)`'s owner", r.location)
            add(r.borneBy, "entry `\(r.id)`'s `borne-by`", r.location)
            add(r.benefitTo, "entry `\(r.id)`'s `benefit-to`", r.location)
            add(r.atRisk, "entry `\(r.id)`'s `at-risk`", r.location)
            if let a = r.agreement {
                for text in [a.agreedWith, a.decidedBy, a.whatMatters, a.reviewTrigger] {
                    add(text, "entry `\(r.id)`'s agreement", a.location)
                }
            }
            add(r.coproduction.note, "entry `\(r.id)`'s co-production note", r.location)
            add(r.response?.action, "entry `\(r.id)`'s response", r.response?.location ?? r.location)
            for e in r.estimates { add(e.rationale, "entry `\(r.id)`'s rationale from `\(e.perspective)`", e.location) }
        }
        for c in correlations where !(risk(c.first)?.isConfidential ?? false) && !(risk(c.second)?.isConfidential ?? false) {
            add(c.reason, "the reason for the correlation of `\(c.first)` and `\(c.second)`", c.location)
        }
        for p in portfolios {
            add(p.title, "portfolio `\(p.id)`'s title", p.location)
            add(p.description, "portfolio `\(p.id)`'s description", p.location)
        }
        // The same texts in the register's other languages.
        forEachText { place, text, location in
            guard let given = translations.texts[place], !(place.risk.flatMap(risk)?.isConfidential ?? false) else { return }
            for variant in given.variants where variant.text != text {
                add(variant.text, "\(place) in `\(variant.language)`", given.location)
            }
        }
        return texts
    }
}
