/// The register's horizon in every phrase: a phrase says "a 1 in 10 bad
/// {horizon.bad-period}"-style words through reserved arguments rather than a hard-coded
/// "year", so a register whose horizon is a quarter reads "a 1 in 10 bad quarter" everywhere —
/// sentences, table headings and the templates' fixed text alike.
///
/// The reserved arguments are `{horizon.FORM}` for each form in ``horizonForms``; a catalogue
/// gives each form for each kind of horizon (`horizon.FORM.KIND`), with the horizon's own words
/// as `{horizon}` in the `span` kind ("period of 6 months"). A language uses whichever forms its
/// grammar needs — Dutch inflects the adjective for "jaar" and "maand" differently ("slecht
/// jaar", "slechte maand"), English does not — so the catalogue parity test does not ask two
/// languages to use the same ones.
extension Phrasebook {
    /// The forms a phrase may ask for: the period ("year"), its plural ("years"), and the
    /// period with an adjective, as a language inflects it ("bad year", "slechte maand").
    public static let horizonForms = ["period", "periods", "bad-period", "very-bad-period", "typical-period"]

    /// The kinds of horizon with words of their own; any other horizon is a `span`, "a period of
    /// 6 months".
    public static let horizonKinds = ["year", "quarter", "month", "week", "day", "span"]

    /// The prefix of the reserved arguments.
    public static let horizonArgumentPrefix = "horizon."

    /// This catalogue with every `{horizon.FORM}` filled in for a horizon of kind `kind` (one of
    /// ``horizonKinds``), written `horizon` ("6 months") where the kind is `span`.
    public func filledWithHorizon(kind: String, horizon: String) -> Phrasebook {
        let kind = Self.horizonKinds.contains(kind) ? kind : "span"
        var arguments: [String: String] = [:]
        for form in Self.horizonForms {
            let words = phrases["horizon.\(form).\(kind)"] ?? phrases["horizon.\(form).span"] ?? form
            arguments[Self.horizonArgumentPrefix + form] = Self.fill(words, ["horizon": horizon])
        }
        return Phrasebook(language: language, phrases: phrases.mapValues { Self.fill($0) { arguments[String($0)] } })
    }
}
