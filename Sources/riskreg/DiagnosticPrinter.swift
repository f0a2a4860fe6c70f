import Foundation
import RegisterModel
import TextLayer

/// Prints diagnostics for people (`file:line:col: error: [rule] message`, the source line and a
/// caret, then the hint), for machines (JSON), or as GitHub Actions annotations.
struct DiagnosticPrinter {
    enum Style {
        case text(colour: Bool)
        case github
    }

    var style: Style

    /// Every piece of text in a diagnostic (the file name, the message, the hint and the quoted
    /// line) may come from a register, so each is passed through ``TextLayer/UntrustedText/marked(_:)``.
    func render(_ diagnostic: Diagnostic, sourceLine: (Int) -> String? = { _ in nil }) -> String {
        var diagnostic = diagnostic
        diagnostic.message = UntrustedText.marked(diagnostic.message)
        diagnostic.hint = diagnostic.hint.map(UntrustedText.marked)
        diagnostic.location.file = UntrustedText.marked(diagnostic.location.file)
        let l = diagnostic.location
        switch style {
        case .github:
            let title = "riskreg \(diagnostic.rule.rawValue)"
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += " — " + hint }
            let place = l.isWholeFile ? "" : ",line=\(l.line),col=\(l.column)"
            return "::\(diagnostic.severity.rawValue) file=\(Self.escapeProperty(l.file))\(place),title=\(Self.escapeProperty(title))::\(Self.escapeData(message))"
        case .text(let colour):
            let severity = diagnostic.severity.rawValue
            let painted = colour ? (diagnostic.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;35m\(severity)\u{1B}[0m") : severity
            var out = "\(l.file)\(l.isWholeFile ? "" : ":\(l.line):\(l.column)"): \(painted): [\(diagnostic.rule.rawValue)] \(diagnostic.message)"
            if !l.isWholeFile, let line = sourceLine(l.line) {
                var shown = Self.printable(line)
                var caretColumn = Self.characterOffset(ofScalar: l.column - 1, in: shown)
                // A very long line (minified or binary) is quoted as a window around the caret.
                if shown.count > 160 {
                    let start = max(0, caretColumn - 70)
                    let window = shown.dropFirst(start).prefix(140)
                    shown = (start > 0 ? "…" : "") + window + (start + window.count < shown.count ? "…" : "")
                    caretColumn = caretColumn - start + (start > 0 ? 1 : 0)
                }
                let padding = String(shown.prefix(caretColumn).map { $0 == "\t" ? "\t" : " " })
                out += "\n    \(shown)\n    \(padding)\(colour ? "\u{1B}[1;32m^\u{1B}[0m" : "^")"
            }
            if let hint = diagnostic.hint {
                out += "\n    hint: \(hint)"
            }
            return out
        }
    }

    /// The number of characters before the `scalar`-th Unicode scalar (0-based) of `line`.
    ///
    /// A diagnostic's column counts Unicode scalars, as libyaml does, but a terminal shows a
    /// letter and its combining accents (`e` + `◌́`) as one character in one cell: the caret is
    /// padded by characters, so it stays under the column however many accents come before it.
    static func characterOffset(ofScalar scalar: Int, in line: String) -> Int {
        var scalars = 0, characters = 0
        for character in line {
            let next = scalars + character.unicodeScalars.count
            if next > max(scalar, 0) { break }
            scalars = next
            characters += 1
        }
        return characters
    }

    /// A quoted line with every character that could rewrite the terminal shown as `�`.
    static func printable(_ line: String) -> String {
        UntrustedText.marked(line)
    }

    private static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
