/// The one cleaner for text riskreg did not write: register text on its way to a report, a
/// pull-request comment or a terminal.
///
/// Register text (titles, descriptions, names, statements) is written by many hands. Control
/// characters can move a terminal's cursor, ring its bell or rewrite its title (`ESC`, `BEL`,
/// C0 and C1); bidirectional overrides and isolates can make a reviewer read text in another
/// order than it is stored; zero-width characters can hide words. All of them go here, once,
/// before any format-specific escaping.
public enum UntrustedText {
    /// One line of visible text: control characters (line breaks and tabs become spaces),
    /// bidirectional embeddings, overrides and isolates, zero-width and other format characters,
    /// noncharacters, and line and paragraph separators are removed. Runs of spaces collapse to
    /// one, and the line is trimmed at the end.
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
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
        for scalar in text.unicodeScalars {
            if scalar == "\n" { scalars.append(scalar); continue }
            switch kind(of: scalar) {
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
        guard text.unicodeScalars.contains(where: isMarked) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isMarked($0) ? replacement : $0 }))
    }

    /// Text of several lines that riskreg laid out itself (`file: error: message` with a hint
    /// below, or an error that quotes a template): each line as ``marked(_:)`` shows it, the
    /// line breaks between them kept.
    public static func markedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { marked(String($0)) }.joined(separator: "\n")
    }

    /// What ``marked(_:)`` shows in place of a character that may not reach a terminal.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    private static func isMarked(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator { return false }
        return kind(of: scalar) != .keep
    }

    /// Whether a string holds nothing a terminal or a reader could be misled by.
    public static func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { kind(of: $0) == .keep || $0 == " " }
    }

    private enum Kind { case keep, space, drop }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.properties.generalCategory {
        // C0 and C1 controls (ESC, BEL, CSI, …), tabs and line breaks, and every space.
        case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return .space
        // Bidirectional embeddings, overrides and isolates, zero-width characters, BOM.
        case .format, .surrogate, .unassigned:
            return .drop
        default:
            return scalar.properties.isNoncharacterCodePoint ? .drop : .keep
        }
    }
}
