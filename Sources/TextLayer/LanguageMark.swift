/// Marks around a piece of text in another language than the page's, so that HTML can tell a
/// screen reader to switch voice: `<span lang="en">…</span>`.
///
/// Register text a report shows in another language than its own (a Dutch page showing an
/// English title, where the register gives no Dutch) is wrapped in three private-use characters
/// when the report's register is made (`Register.inLanguage`): an opening mark, the language
/// tag, a separator, the text, a closing mark. The HTML encoder turns them into a `span` with
/// `lang` after escaping; every other encoder (Markdown, SVG, terminals, attribute values)
/// removes them with the other invisible characters (``UntrustedText/clean(_:)``). So the marks
/// never reach a reader as characters, and sentences built around register text need no
/// markup of their own. A register's own U+E000–U+E002 are removed likewise, and only a
/// well-formed language tag ever becomes an attribute.
public enum LanguageMark {
    static let open: Unicode.Scalar = "\u{E000}"
    static let separator: Unicode.Scalar = "\u{E001}"
    static let close: Unicode.Scalar = "\u{E002}"

    static func isMark(_ scalar: Unicode.Scalar) -> Bool { (open.value...close.value).contains(scalar.value) }

    /// `text` marked as being in `language` (a BCP 47 tag).
    public static func wrap(_ text: String, language: String) -> String {
        String(Character(open)) + language + String(Character(separator)) + text + String(Character(close))
    }

    /// `text` with every mark removed: the text a reader sees.
    public static func strip(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isMark) else { return text }
        var out = String.UnicodeScalarView()
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == open { inTag = true; continue }
            if scalar == separator { inTag = false; continue }
            if scalar == close { continue }
            if !inTag { out.append(scalar) }
        }
        return String(out)
    }

    /// Escaped HTML whose marks become `<span lang="…">` and `</span>`. A mark without a
    /// well-formed tag, a separator or closing mark without its opening, is dropped; a span left
    /// open is closed at the end, so the spans always nest within the text.
    static func spans(_ escaped: String) -> String {
        guard escaped.unicodeScalars.contains(where: isMark) else { return escaped }
        let scalars = Array(escaped.unicodeScalars)
        var out = String.UnicodeScalarView()
        var depth = 0
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == open {
                // The tag runs to the separator; a tag is at most 35 characters (RFC 5646 §4.4.1
                // recommends 35 as the longest a tag needs).
                let end = scalars[(i + 1)...].prefix(36).firstIndex(of: separator)
                let tag = end.map { String(String.UnicodeScalarView(scalars[(i + 1)..<$0])) } ?? ""
                if let end, isSafeTag(tag) {
                    out.append(contentsOf: "<span lang=\"\(tag)\">".unicodeScalars)
                    depth += 1
                    i = end + 1
                } else {
                    i += 1
                }
                continue
            }
            if s == close {
                if depth > 0 { out.append(contentsOf: "</span>".unicodeScalars); depth -= 1 }
                i += 1
                continue
            }
            if s != separator { out.append(s) }
            i += 1
        }
        for _ in 0..<depth { out.append(contentsOf: "</span>".unicodeScalars) }
        return String(out)
    }

    /// Letters, digits and hyphens, as every BCP 47 tag is written: nothing that could leave an
    /// attribute value.
    static func isSafeTag(_ tag: String) -> Bool {
        !tag.isEmpty && tag.count <= 35 && tag.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }
}
