/// The one HTML encoder: for element content, quoted attribute values and SVG text alike.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` become character references, after
    /// ``UntrustedText/clean(_:)``.
    public static func escape(_ text: String) -> String { escape(text, languageSpans: false) }

    /// ``escape(_:)`` for element content, where text marked as being in another language
    /// (``LanguageMark``) becomes `<span lang="…">…</span>`.
    public static func escapeMarkingLanguages(_ text: String) -> String { escape(text, languageSpans: true) }

    static func escape(_ text: String, languageSpans: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in UntrustedText.clean(text, keepingLanguageMarks: languageSpans) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return languageSpans ? LanguageMark.spans(out) : out
    }
}
