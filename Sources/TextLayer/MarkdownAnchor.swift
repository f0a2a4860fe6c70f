/// The anchors GitHub gives a Markdown document's headings, so that a table of contents can
/// link to them (`[Bed days (days)](#bed-days-days)`).
///
/// GitHub's rule (its `github-slugger`): the heading's text as rendered, lower-cased; every
/// character dropped that is not a letter, a mark, a decimal or letter number, a connector such
/// as `_`, a space or a hyphen; each space a hyphen. A heading whose anchor an earlier heading
/// already has gets `-1`, the next `-2`, and so on, in document order. GitLab's rule is the same
/// for these characters. A test renders reports with cmark-gfm and checks every contents link
/// against the headings' anchors computed by an independent implementation of GitHub's rule.
public struct MarkdownAnchors: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The anchor of the next heading in document order, with `text` as the heading renders:
    /// register text as it reads once cleaned (``UntrustedText/clean(_:)``), not as escaped.
    public mutating func next(_ text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        // GitHub counts on from the base and skips a suffixed anchor a heading already has.
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }

    /// GitHub's anchor for one heading's text, before duplicates are numbered.
    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out += "-"
                continue
            }
            if scalar == "-" {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .connectorPunctuation:
                out.unicodeScalars.append(scalar)
            default:
                continue
            }
        }
        return out
    }
}
