/// The one HTML encoder: for element content, quoted attribute values and SVG text alike.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` become character references, after
    /// ``UntrustedText/clean(_:)``.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in UntrustedText.clean(text) {
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
}
