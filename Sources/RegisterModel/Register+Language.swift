/// The register's text in one language, for a report in that language.
extension Register {
    /// The language the register's own strings are in: its `language`, English when it names none.
    public var textLanguage: String { metadata.language ?? "en" }

    /// Every text of the register that may be written in several languages, in the order a
    /// reader meets them (the register, outcomes, the names of the scales' levels, appetite,
    /// contributors, perspectives, risks with their responses, portfolios), with the location of the element it belongs to.
    ///
    /// These are the free-text fields reports show; `docs/register-format.md` marks them "text
    /// or translations". Outcome units are among them: a unit is named by its text in the
    /// register's language (impact scales refer to it so), and shown in the report's.
    public func forEachText(_ body: (Translations.Place, String, Diagnostic.Location) -> Void) {
        var copy = self
        copy.mapTexts { place, text, location in
            body(place, text, location)
            return text
        }
    }

    /// Replaces every text ``forEachText(_:)`` lists by `transform`'s result.
    public mutating func mapTexts(_ transform: (Translations.Place, String, Diagnostic.Location) -> String) {
        typealias P = Translations.Place
        func map(_ text: inout String, _ place: P, _ location: Diagnostic.Location) { text = transform(place, text, location) }
        func map(_ text: inout String?, _ place: P, _ location: Diagnostic.Location) {
            if let t = text { text = transform(place, t, location) }
        }
        let m = metadata.location
        map(&metadata.title, P(.register, "", "title"), m)
        map(&metadata.organisation, P(.register, "", "organisation"), m)
        map(&metadata.description, P(.register, "", "description"), m)
        map(&metadata.contact, P(.register, "", "contact"), m)
        map(&metadata.nextDecision, P(.register, "", "next-decision"), m)
        map(&metadata.howToRespond, P(.register, "", "how-to-respond"), m)
        map(&metadata.decidedBy, P(.register, "", "decided-by"), m)
        map(&metadata.confidentialReason, P(.register, "", "confidential-reason"), m)
        map(&metadata.responseBudget, P(.register, "", "response-budget"), m)
        map(&metadata.period, P(.register, "", "period"), m)
        map(&metadata.periodShort, P(.register, "", "period-short"), m)
        var unitWords: [String: String] = [:]
        for k in outcomes.indices {
            let o = outcomes[k]
            map(&outcomes[k].title, P(.outcome, o.id, "title"), o.location)
            map(&outcomes[k].titleShort, P(.outcome, o.id, "title-short"), o.location)
            if case .other(let word) = o.unit {
                let shown = transform(P(.outcome, o.id, "unit"), word, o.location)
                outcomes[k].unit = .other(shown)
                if unitWords[word] == nil { unitWords[word] = shown }
            }
            map(&outcomes[k].description, P(.outcome, o.id, "description"), o.location)
            map(&outcomes[k].baseline, P(.outcome, o.id, "baseline"), o.location)
            map(&outcomes[k].baselineShort, P(.outcome, o.id, "baseline-short"), o.location)
            map(&outcomes[k].anyHarm, P(.outcome, o.id, "any-harm"), o.location)
        }
        // Impact scales name their unit as the outcomes do, so both follow the same word. A
        // level's name is kept under the unit as the register writes it.
        if var s = scales {
            for k in s.likelihood.indices {
                map(&s.likelihood[k].name, P(.scale, P.scaleLevelID(unit: nil, level: s.likelihood[k].level), "name"), s.location)
            }
            for k in s.impact.indices {
                let written = switch s.impact[k].unit {
                case .money: "money"
                case .other(let word): word
                }
                for j in s.impact[k].levels.indices {
                    map(&s.impact[k].levels[j].name, P(.scale, P.scaleLevelID(unit: written, level: s.impact[k].levels[j].level), "name"), s.location)
                }
                if case .other(let word) = s.impact[k].unit, let shown = unitWords[word] { s.impact[k].unit = .other(shown) }
            }
            scales = s
        }
        for k in appetite.indices {
            let a = appetite[k]
            map(&appetite[k].statement, P(.appetite, P.appetiteID(a.location), "statement"), a.location)
            map(&appetite[k].ifMissed, P(.appetite, P.appetiteID(a.location), "if-missed"), a.location)
        }
        for k in contributors.indices {
            let c = contributors[k]
            map(&contributors[k].name, P(.contributor, c.id, "name"), c.location)
            map(&contributors[k].description, P(.contributor, c.id, "description"), c.location)
            map(&contributors[k].unnamedAs, P(.contributor, c.id, "unnamed-as"), c.location)
        }
        for k in perspectives.indices {
            let p = perspectives[k]
            map(&perspectives[k].title, P(.perspective, p.id, "title"), p.location)
            map(&perspectives[k].weightReason, P(.perspective, p.id, "weight-reason"), p.location)
            map(&perspectives[k].weightSetBy, P(.perspective, p.id, "weight-set-by"), p.location)
        }
        for k in risks.indices {
            let r = risks[k]
            map(&risks[k].title, P(.risk, r.id, "title"), r.location)
            map(&risks[k].description, P(.risk, r.id, "description"), r.location)
            map(&risks[k].owner, P(.risk, r.id, "owner"), r.location)
            map(&risks[k].borneBy, P(.risk, r.id, "borne-by"), r.location)
            map(&risks[k].benefitTo, P(.risk, r.id, "benefit-to"), r.location)
            map(&risks[k].atRisk, P(.risk, r.id, "at-risk"), r.location)
            if let response = r.response {
                map(&risks[k].response!.action, P(.response, r.id, "action"), response.location)
            }
            for j in r.alternativeResponses.indices {
                let alt = r.alternativeResponses[j]
                map(&risks[k].alternativeResponses[j].action, P(.response, r.id + "/" + (alt.id ?? String(j)), "action"), alt.location)
            }
        }
        for k in portfolios.indices {
            let p = portfolios[k]
            map(&portfolios[k].title, P(.portfolio, p.id, "title"), p.location)
            map(&portfolios[k].description, P(.portfolio, p.id, "description"), p.location)
        }
    }

    /// The register with each text in `language` where the register gives it, else as the
    /// model holds it: in the register's own language, else in the first language its mapping
    /// lists.
    ///
    /// - Parameter mark: applied to each text that is not in `language` (with the language it
    ///   is in), so that a report can tell a screen reader which voice to read it in; not to
    ///   outcome units, which are words inside the report's own sentences and table headings.
    /// - Returns: the register unchanged when `language` is its own and it has no translations:
    ///   a register of plain strings reads exactly as before.
    public func inLanguage(_ language: String, mark: (_ text: String, _ language: String) -> String = { text, _ in text }) -> Register {
        let own = textLanguage
        var out = self
        out.mapTexts { place, text, _ in
            // The model's own string stands for the language it was read in (the register's, or
            // the first listed when the mapping leaves that out): it wins for that language, so a
            // register edited in memory reads as edited.
            let given = translations.texts[place]
            let read = given.map { $0.variant(for: own)?.language ?? $0.variants[0].language } ?? own
            var shown = (language: read, text: text)
            if !Translations.sameLanguage(read, language), let wanted = given?.variant(for: language) { shown = wanted }
            if place.field == "unit" || Translations.sameLanguage(shown.language, language) { return shown.text }
            return mark(shown.text, shown.language)
        }
        return out
    }
}
