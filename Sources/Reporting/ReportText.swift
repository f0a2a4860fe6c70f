/// Turns untrusted register text into text that is safe in a report.
///
/// Register text (titles, descriptions, names, statements) is written by many hands and read
/// in browsers and on code-hosting sites, so it is never trusted. Every string a template sees
/// has been through exactly one of these encoders, chosen by the report's format; templates
/// therefore never need to escape anything themselves.
public enum ReportText {
    /// Removes characters that can reorder or hide text: control characters (line breaks and tabs
    /// become spaces), bidirectional embeddings, overrides and isolates, zero-width and other
    /// format characters, and line and paragraph separators. Runs of spaces collapse to one.
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let isSpace: Bool
            switch category {
            case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
                isSpace = true
            case .format, .surrogate, .unassigned:
                continue
            default:
                // Noncharacters and the replacement of a NUL.
                if scalar.properties.isNoncharacterCodePoint { continue }
                isSpace = false
            }
            if isSpace {
                if !lastWasSpace, !scalars.isEmpty { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(scalars)
        while result.last == " " { result.removeLast() }
        return result
    }

    /// The one HTML encoder: for element content, quoted attribute values and SVG text alike.
    /// `&`, `<`, `>`, `"` and `'` become character references, after ``clean(_:)``.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in clean(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text neutralised for CommonMark and GitHub/GitLab Markdown: after ``clean(_:)`` (so it is
    /// one line and cannot start a heading, list, quote, table row or code block on its own
    /// line), every character Markdown gives meaning to is escaped with a backslash — emphasis,
    /// links and images (`[`, `]`, `(`, `)`, `!`), raw HTML (`<`, `>`, `&`), table cells (`|`),
    /// code (`` ` ``), headings (`#`), block starts (`-`, `+`, `=`, `.` after a digit at the
    /// start) — and bare URLs are kept from becoming links unless they are `https:` or
    /// `mailto:` addresses of plain characters, which become explicit autolinks.
    public static func markdown(_ text: String) -> String {
        let cleaned = clean(text)
        var out = ""
        var first = true
        for word in cleaned.split(separator: " ", omittingEmptySubsequences: false) {
            if !first { out += " " }
            out += markdownWord(String(word), atStart: first)
            first = false
        }
        return out
    }

    /// An `https:` or `mailto:` address made of characters that need no escaping anywhere;
    /// anything else is not a link.
    public static func safeLink(_ word: String) -> String? {
        let lower = word.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$+,;=%")
        guard word.count > 8, word.count <= 2000, word.allSatisfy({ allowed.contains($0) }) else { return nil }
        return word
    }

    private static func markdownWord(_ word: String, atStart: Bool) -> String {
        // Trailing sentence punctuation stays outside a link.
        var core = Substring(word)
        var tail = ""
        while let last = core.last, ".,;:!?".contains(last) {
            tail = String(last) + tail
            core = core.dropLast()
        }
        if let link = safeLink(String(core)) {
            return "<" + link + ">" + escapeMarkdown(tail, atStart: false)
        }
        return escapeMarkdown(word, atStart: atStart)
    }

    private static func escapeMarkdown(_ text: String, atStart: Bool) -> String {
        let always: Set<Character> = ["\\", "`", "*", "_", "[", "]", "#", "|", "<", ">", "~", "&", "$"]
        let chars = Array(text)
        var out = ""
        for (i, ch) in chars.enumerated() {
            let previous: Character? = i > 0 ? chars[i - 1] : nil
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            var escape = always.contains(ch)
            // Block starts only matter at the very start of the text.
            if atStart, i == 0, "-+=".contains(ch) { escape = true }
            // `1.` or `1)` at the start would begin an ordered list.
            if atStart, ch == "." || ch == ")", i > 0, chars[..<i].allSatisfy(\.isNumber), next == nil { escape = true }
            // `scheme://` and `www.` would become links on GitHub; `:` before `//` and `.` after
            // `www` are escaped so they stay text.
            if ch == ":", next == "/" { escape = true }
            if ch == ".", previous == "w", i >= 3, String(chars[(i - 3)..<i]).lowercased() == "www" { escape = true }
            if ch == "@" { escape = true }
            if escape { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
