/// Text from a register, a spreadsheet or a file name, made safe to print on a terminal.
///
/// A register's values may carry any character through YAML's escapes (`"\e[2J"`, `"\u202E"`),
/// and a spreadsheet's cells carry whatever was typed. Printed raw, an escape sequence can clear
/// the screen, retitle the window or hide the rest of a line, and a bidirectional override can
/// make `evil.yaml` read as something else. Every such character is shown as `�` instead, so the
/// reader still sees that something is there.
///
/// Replaced: C0 controls but tab (line breaks too: a message is one line, and a forged line
/// could pass for another diagnostic), DEL, C1 controls, the line and paragraph separators, and
/// every invisible formatting character (Unicode category Cf: bidirectional embeddings,
/// overrides and isolates, zero-width characters, the byte-order mark).
enum TerminalText {
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isUnsafe($0) ? replacement : $0 }))
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
