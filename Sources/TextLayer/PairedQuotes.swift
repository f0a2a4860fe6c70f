/// Straight double quotes in register text turned into the page's own quotation marks.
///
/// A register written in a plain editor quotes with `"…"`; the report's own sentences quote
/// with the language's marks (“…” in English, „…” in Dutch), so a page that pastes one into the
/// other mixes two styles in one paragraph. Only quotes that pair up are turned: an odd number
/// of `"` in a text is left as written, since which of them opens and which closes cannot be
/// told. Apostrophes and single quotes are left alone (`volunteers'`, `'t`).
public enum PairedQuotes {
    /// `text` with each pair of straight double quotes replaced by `open` and `close`.
    public static func curled(_ text: String, open: String, close: String) -> String {
        let count = text.reduce(0) { $0 + ($1 == "\"" ? 1 : 0) }
        guard count > 0, count.isMultiple(of: 2) else { return text }
        var out = ""
        var opening = true
        for ch in text {
            if ch == "\"" {
                out += opening ? open : close
                opening.toggle()
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
