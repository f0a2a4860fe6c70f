/// The one cleaner for text riskreg did not write: register text on its way to a report, a
/// pull-request comment or a terminal.
///
/// Register text (titles, descriptions, names, statements) is written by many hands. Control
/// characters can move a terminal's cursor, ring its bell or rewrite its title (`ESC`, `BEL`,
/// C0 and C1); bidirectional overrides and isolates can make a reviewer read text in another
/// order than it is stored; zero-width characters can hide words. All of them go here, once,
/// before any format-specific escaping.
///
/// Only what can reorder or hide text goes. The zero-width joiner and non-joiner (U+200D,
/// U+200C) stay where they sit between two visible characters: they hold emoji sequences
/// together (👩‍⚕️ is 👩, a joiner and ⚕️) and shape Persian, Arabic and Indic words
/// (می‌خواهم); removed, they split the emoji and misspell the words. A joiner at either end of a
/// word, beside a space or another invisible character, hides nothing and goes.
public enum UntrustedText {
    /// One line of visible text: control characters (line breaks and tabs become spaces),
    /// bidirectional embeddings, overrides and isolates, zero-width and other format characters,
    /// noncharacters, and line and paragraph separators are removed. Runs of spaces collapse to
    /// one, and the line is trimmed at the end.
    public static func clean(_ text: String) -> String { clean(text, keepingLanguageMarks: false) }

    /// ``clean(_:)``, keeping ``LanguageMark``s for the HTML encoder to turn into `lang` spans.
    static func clean(_ text: String, keepingLanguageMarks: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        // Without its marks, text in another language is read as it is: the tag goes too.
        let all = Array((keepingLanguageMarks ? text : LanguageMark.strip(text)).unicodeScalars)
        for (i, scalar) in all.enumerated() {
            if keepingLanguageMarks, LanguageMark.isMark(scalar) {
                scalars.append(scalar)
                continue
            }
            switch kind(at: i, in: all) {
            case .drop:
                continue
            case .space:
                if !lastWasSpace, !scalars.isEmpty { scalars.append(" ") }
                lastWasSpace = true
            case .keep:
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(scalars)
        while result.last == " " { result.removeLast() }
        return result
    }

    /// Text for a terminal that riskreg laid out itself: line breaks stay, every other control,
    /// bidirectional or invisible format character goes, and spaces are left as they are so
    /// columns keep their alignment. Register text is cleaned with ``clean(_:)`` before layout;
    /// this is the last guard on the whole output.
    public static func terminal(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        let all = Array(text.unicodeScalars)
        for (i, scalar) in all.enumerated() {
            if scalar == "\n" { scalars.append(scalar); continue }
            switch kind(at: i, in: all) {
            case .drop: continue
            case .space: scalars.append(" ")
            case .keep: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Text for a one-line message that quotes a register, a spreadsheet or a file name
    /// (diagnostics, errors): every control character but tab (line breaks too: a message is one
    /// line, and a forged line could pass for another diagnostic), DEL, C1 controls, line and
    /// paragraph separators, and every invisible format character (bidirectional embeddings,
    /// overrides and isolates, zero-width characters, the byte-order mark) is shown as `�`, so
    /// the reader still sees that something is there. Ordinary spaces are kept.
    public static func marked(_ text: String) -> String {
        let all = Array(text.unicodeScalars)
        guard all.indices.contains(where: { isMarked(at: $0, in: all) }) else { return text }
        return String(String.UnicodeScalarView(all.indices.map { isMarked(at: $0, in: all) ? replacement : all[$0] }))
    }

    /// Text of several lines that riskreg laid out itself (`file: error: message` with a hint
    /// below, or an error that quotes a template): each line as ``marked(_:)`` shows it, the
    /// line breaks between them kept.
    public static func markedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { marked(String($0)) }.joined(separator: "\n")
    }

    /// What ``marked(_:)`` shows in place of a character that may not reach a terminal.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    private static func isMarked(at i: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let scalar = scalars[i]
        if scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator { return false }
        return kind(at: i, in: scalars) != .keep
    }

    /// Whether a string holds nothing a terminal or a reader could be misled by.
    public static func isClean(_ text: String) -> Bool {
        let all = Array(text.unicodeScalars)
        return all.indices.allSatisfy { kind(at: $0, in: all) == .keep || all[$0] == " " }
    }

    private enum Kind { case keep, space, drop }

    /// The zero-width non-joiner and joiner.
    static let joiners: Set<Unicode.Scalar> = ["\u{200C}", "\u{200D}"]

    /// What becomes of the scalar at `i`: a joiner between two visible characters is kept.
    private static func kind(at i: Int, in scalars: [Unicode.Scalar]) -> Kind {
        let scalar = scalars[i]
        if joiners.contains(scalar), i > 0, i + 1 < scalars.count,
           kind(of: scalars[i - 1]) == .keep, kind(of: scalars[i + 1]) == .keep {
            return .keep
        }
        return kind(of: scalar)
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.properties.generalCategory {
        // C0 and C1 controls (ESC, BEL, CSI, …), tabs and line breaks, and every space.
        case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return .space
        // Bidirectional embeddings, overrides and isolates, zero-width characters, BOM.
        case .format, .surrogate, .unassigned:
            return .drop
        // The marks around text in another language (``LanguageMark``), which only the HTML
        // encoder reads.
        case .privateUse where LanguageMark.isMark(scalar):
            return .drop
        default:
            return scalar.properties.isNoncharacterCodePoint ? .drop : .keep
        }
    }
}
