/// The one Markdown neutraliser, for reports, board papers and pull-request comments.
///
/// Text goes through ``UntrustedText/clean(_:)`` first, so it is one line. Then a character is
/// escaped with a backslash only where CommonMark or GitHub/GitLab Markdown would give it
/// meaning there, so the Markdown source stays readable (`-133`, `<0.1%`, `snake_case` are left
/// alone):
/// - always: emphasis `*`, links and images `[` `]`, code `` ` ``, table cells `|`,
///   strikethrough `~`, maths `$`, mentions and mail links `@`;
/// - `_` unless it sits between two letters or digits (intraword `_` never starts emphasis);
/// - `<` before a letter, `/`, `!` or `?` (raw HTML, comments, autolinks); `&` that would start
///   an entity (`&amp;`, `&#60;`); `\` before punctuation or at a word's end;
/// - at the start of a line only: headings (`#`), quotes (`>`), list items (`-`, `+`, `1.`,
///   `1)` followed by a space), thematic breaks and setext underlines (a first word of only
///   `-` or `=`);
/// - bare addresses (`https://…`, `www.…`): the `:` before `//` and the `.` after `www`, each
///   with a backslash, so the rendered page shows the address exactly as written and a reader
///   who copies it gets only its own characters.
///
/// A backslash does not stop everything: GitHub turns `user@example.org` into a mail link
/// after the escape is gone, and finds mentions and issue references (`@team`, `#123`) in the
/// rendered text. Where nothing may be live (``Links/none``), `#` is escaped everywhere and `@`
/// and `#` are followed by an invisible word joiner, written as its character reference
/// (``wordJoiner``), which no link, mention or reference pattern crosses. That is the only
/// invisible character the neutraliser writes, and only where nothing may be live; a mail
/// address there becomes a code span instead. Tests render the output with GitHub's own
/// renderer (cmark-gfm).
public enum MarkdownText {
    /// What may become a link.
    public enum Links: Sendable {
        /// Nothing: every address, mail address, mention and issue reference stays text. For
        /// pull-request comments, where a link in a register's text would look like the
        /// reviewer's own.
        case none
        /// `https:` and `mailto:` addresses of plain characters become explicit autolinks
        /// (`<https://…>`); every other address stays text. For published reports.
        case safeAutolinks
    }

    /// Where the text lands.
    public enum Position: Sendable {
        /// It may start a line, so a leading `-`, `+`, `=` or `1.` is escaped as well.
        case lineStart
        /// Inside a line or a table cell, after other text: block starts cannot happen.
        case inline
    }

    /// Register text made inert for Markdown.
    public static func escape(_ text: String, links: Links = .none, at position: Position = .lineStart) -> String {
        let cleaned = UntrustedText.clean(text)
        var out = ""
        var first = true
        for word in cleaned.split(separator: " ", omittingEmptySubsequences: false) {
            if !first { out += " " }
            out += escapeWord(String(word), links: links, atStart: first && position == .lineStart)
            first = false
        }
        return out
    }

    /// Text for inside a code span (`` `…` ``): backticks cannot be escaped there, so they
    /// become `'`; a `|` would end a table cell even there, so it becomes `/`.
    public static func codeSpan(_ text: String) -> String {
        UntrustedText.clean(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "/")
    }

    /// An `https:` or `mailto:` address made of characters that need no escaping anywhere;
    /// anything else is not a link.
    public static func safeLink(_ word: String) -> String? {
        let lower = word.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else { return nil }
        guard word.count > 8, word.count <= 2000, word.allSatisfy({ linkCharacters.contains($0) }) else { return nil }
        return word
    }

    private static let linkCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$+,;=%")

    private static func escapeWord(_ word: String, links: Links, atStart: Bool) -> String {
        if links == .safeAutolinks {
            // Trailing sentence punctuation stays outside a link.
            var core = Substring(word)
            var tail = ""
            while let last = core.last, ".,;:!?".contains(last) {
                tail = String(last) + tail
                core = core.dropLast()
            }
            if let link = safeLink(String(core)) {
                return "<" + link + ">" + escapeCharacters(tail, atStart: false, breakReferences: false)
            }
        }
        if links == .none, let (lead, address, tail) = mailAddress(in: word) {
            return escapeCharacters(lead, atStart: atStart, breakReferences: true) + "`" + address + "`"
                + escapeCharacters(tail, atStart: false, breakReferences: true)
        }
        return escapeCharacters(word, atStart: atStart, breakReferences: links == .none)
    }

    /// A word that is a mail address as GitHub finds one (`name@example.org`), apart from
    /// punctuation around it, split into that punctuation and the address. The address is then
    /// written as a code span: GitHub links nothing inside one, the page shows the address as
    /// written, and a reader who copies it gets exactly it — an invisible word joiner after the
    /// `@` kept GitHub from linking too, but came along into a mail program when copied, and the
    /// address failed. (Its local part and domain hold only letters, digits and `._+-`, which a
    /// code span shows as they are, and never a backtick.)
    static func mailAddress(in word: String) -> (lead: String, address: String, tail: String)? {
        // Most words hold no `@`: they are no address, and are told so without the character
        // by character trimming below (a tenth of rendering a report).
        guard word.utf8.contains(UInt8(ascii: "@")) else { return nil }
        var core = Substring(word)
        var lead = "", tail = ""
        while let first = core.first, "(\"'“‘„«".contains(first) { lead.append(first); core = core.dropFirst() }
        while let last = core.last, ".,;:!?)\"'”’»".contains(last) { tail = String(last) + tail; core = core.dropLast() }
        let parts = core.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) }) else { return nil }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) } }),
              let last = parts[1].last, last != "-", last != "_" else { return nil }
        return (lead, String(core), tail)
    }

    private static let alwaysEscaped: Set<Character> = ["`", "*", "[", "]", "|", "~", "$", "@"]

    /// U+2060 WORD JOINER as a character reference: invisible, and not a word character, so
    /// `@` or `#` followed by it starts no mention, mail address or issue reference.
    static let wordJoiner = "&#8288;"

    private static func isASCIIPunctuation(_ c: Character?) -> Bool {
        guard let c, c.isASCII else { return false }
        return c.isPunctuation || c.isSymbol
    }

    private static func isWordCharacter(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isLetter || c.isNumber
    }

    /// Whether `&` at `i` starts an entity or character reference (`&amp;`, `&#60;`, `&#x3C;`).
    private static func startsReference(_ chars: [Character], at i: Int) -> Bool {
        var j = i + 1
        guard j < chars.count else { return false }
        if chars[j] == "#" { j += 1 }
        let start = j
        while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber { j += 1 }
        return j > start && j < chars.count && chars[j] == ";"
    }

    private static func escapeCharacters(_ text: String, atStart: Bool, breakReferences: Bool) -> String {
        let chars = Array(text)
        var out = ""
        for (i, ch) in chars.enumerated() {
            let previous: Character? = i > 0 ? chars[i - 1] : nil
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let lineStart = atStart && i == 0
            var escape = alwaysEscaped.contains(ch)
            switch ch {
            case "\\": escape = next == nil || isASCIIPunctuation(next)
            case "_": escape = !(isWordCharacter(previous) && isWordCharacter(next))
            case "<": escape = next.map { $0.isLetter || "/!?".contains($0) } ?? false
            case "&": escape = startsReference(chars, at: i)
            case "#": escape = lineStart || breakReferences
            case ">": escape = lineStart
            case "-", "+", "=":
                // A list item needs a space after its marker; a break or underline is the marker alone.
                if lineStart { escape = (ch != "=" && next == nil) || chars.allSatisfy { $0 == ch } }
            default: break
            }
            // `1.` or `1)` alone as the first word would begin an ordered list.
            if atStart, ch == "." || ch == ")", i > 0, chars[..<i].allSatisfy(\.isNumber), next == nil { escape = true }
            // `scheme://` and `www.` would become links on GitHub. A backslash stops both and
            // leaves nothing behind in the rendered page: an invisible character there (a word
            // joiner) stopped the link too, but came along when a reader copied the address,
            // and the copied address failed.
            if ch == ":", next == "/" { escape = true }
            if ch == ".", previous == "w", i >= 3, String(chars[(i - 3)..<i]).lowercased() == "www" { escape = true }
            if escape { out.append("\\") }
            out.append(ch)
            if breakReferences, ch == "@" || ch == "#" { out += wordJoiner }
        }
        return out
    }
}
