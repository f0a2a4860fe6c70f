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

extension UntrustedText {
    /// Register text marked for isolation inside a sentence riskreg assembles ("… that losses
    /// to «Adult social care budget» exceed …"), so that ``HTMLText/escapeIsolating(_:)`` can
    /// wrap it in `<bdi>`: a right-to-left title then cannot pull the words, ids and figures
    /// around it into its own direction. The marks are the noncharacters U+FDD0 and U+FDD1,
    /// which ``clean(_:)`` drops, so Markdown, terminals and plain escaping never show them;
    /// any marks inside `text` itself are dropped first.
    public static func isolated(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(isolateStart)
        scalars.append(contentsOf: text.unicodeScalars.filter { $0 != isolateStart && $0 != isolateEnd })
        scalars.append(isolateEnd)
        return String(scalars)
    }

    // Noncharacters cannot be written as literals.
    static let isolateStart = Unicode.Scalar(0xFDD0 as UInt32)!
    static let isolateEnd = Unicode.Scalar(0xFDD1 as UInt32)!
}

extension HTMLText {
    /// ``escape(_:)`` for element content, with each piece marked by
    /// ``UntrustedText/isolated(_:)`` wrapped in `<bdi>`…`</bdi>`. The tags are always balanced:
    /// an end mark with no start is dropped and an unclosed start is closed at the end, so
    /// marks can add nothing but isolation.
    ///
    /// With `markingLanguages`, text in another language than the page's also becomes a `lang`
    /// span, as in ``escapeMarkingLanguages(_:)``: a register text is marked as a whole for
    /// both, so the spans nest inside the isolates.
    public static func escapeIsolating(_ text: String, markingLanguages: Bool = false) -> String {
        // The marks pass the cleaner as two private-use scalars of plane 16 (any already in the
        // text go first), so that spaces beside them are cleaned as in the whole sentence.
        let start: Unicode.Scalar = "\u{10FFF0}", end: Unicode.Scalar = "\u{10FFF1}"
        var marked = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != start && scalar != end {
            marked.append(scalar == UntrustedText.isolateStart ? start : scalar == UntrustedText.isolateEnd ? end : scalar)
        }
        let escaped = escape(String(marked), languageSpans: markingLanguages)
        guard escaped.unicodeScalars.contains(where: { $0 == start || $0 == end }) else { return escaped }
        var out = ""
        var depth = 0
        for ch in escaped.unicodeScalars {
            switch ch {
            case start: out += "<bdi>"; depth += 1
            case end where depth > 0: out += "</bdi>"; depth -= 1
            case end: break
            default: out.unicodeScalars.append(ch)
            }
        }
        out += String(repeating: "</bdi>", count: depth)
        return out
    }
}
