/// Checks a finished HTML report, whatever template made it: the report must carry riskreg's
/// Content Security Policy before anything that could load or run, and must hold no script.
///
/// The check reads the output, not the template, because a template can build markup in ways
/// no reading of its source would catch. Register text never adds markup (it is escaped before
/// it reaches a template), so every tag found here came from a template or from riskreg.
///
/// Refused:
/// - a report without `<meta http-equiv="Content-Security-Policy">` carrying exactly the
///   expected policy, or with any element other than `html`, `head`, `meta` and `title`
///   before it;
/// - elements that run or fetch content or redirect: `script`, `iframe`, `frame`, `frameset`,
///   `object`, `embed`, `applet`, `base`, `link`, `portal`, and `meta` with an `http-equiv`
///   other than the policy (a `refresh` navigates away);
/// - event-handler attributes (`on…`), `srcdoc`, and URL attributes whose value, once entities
///   and spaces are removed, starts with `javascript:`, `vbscript:` or `data:text/html`.
enum HTMLSafety {
    static let forbiddenElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "portal",
    ]
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "ping", "cite",
        "longdesc", "manifest", "codebase", "archive", "usemap", "dynsrc", "lowsrc", "srcset",
    ]
    /// Elements whose content is raw text, skipped to their closing tag.
    static let rawTextElements: Set<String> = ["style", "title", "textarea", "xmp"]
    /// Elements allowed before the policy.
    static let allowedBeforePolicy: Set<String> = ["html", "head", "meta", "title"]

    /// What is wrong with `html`, or nil when it is safe.
    static func problem(in html: String, policy: String) -> String? {
        let text = Array(html.utf8)
        var index = 0
        var policySeen = false
        while let open = text[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            guard index < text.count else { break }
            if text[index...].starts(with: Array("!--".utf8)) {
                index = find(Array("-->".utf8), in: text, from: index) ?? text.count
                continue
            }
            if text[index] == UInt8(ascii: "!") || text[index] == UInt8(ascii: "?") || text[index] == UInt8(ascii: "/") {
                index = text[index...].firstIndex(of: UInt8(ascii: ">")) ?? text.count
                continue
            }
            guard isLetter(text[index]) else { continue }
            let (name, attributes, end) = readTag(text, from: index)
            index = end
            if forbiddenElements.contains(name) { return "it contains a <\(name)> element" }
            for (attribute, value) in attributes {
                if attribute.hasPrefix("on") { return "the <\(name)> element has an event handler (\(attribute))" }
                if attribute == "srcdoc" { return "the <\(name)> element has a srcdoc attribute" }
                if urlAttributes.contains(attribute) {
                    let squeezed = decodeEntities(value).unicodeScalars
                        .filter { !$0.properties.isWhitespace && $0.value > 0x20 }
                        .map { String($0) }.joined().lowercased()
                    for scheme in ["javascript:", "vbscript:", "data:text/html"] where squeezed.hasPrefix(scheme) {
                        return "the <\(name)> element's \(attribute) is a \(scheme) URL"
                    }
                }
            }
            if name == "meta", let equiv = attributes.first(where: { $0.0 == "http-equiv" })?.1 {
                guard equiv.lowercased() == "content-security-policy" else {
                    return "it has <meta http-equiv=\"\(equiv)\">"
                }
                let content = attributes.first(where: { $0.0 == "content" })?.1 ?? ""
                if !policySeen {
                    guard decodeEntities(content) == policy else { return "its Content Security Policy is not riskreg's" }
                    policySeen = true
                }
            } else if !policySeen, !allowedBeforePolicy.contains(name) {
                return "the Content Security Policy is missing, or comes after the <\(name)> element"
            }
            if rawTextElements.contains(name) {
                index = find(Array("</\(name)".utf8), in: text, caseInsensitive: true, from: index) ?? text.count
            }
        }
        return policySeen ? nil : "the Content Security Policy is missing"
    }

    /// Reads a start tag from its name; returns the lowercased name, the attributes (names
    /// lowercased, values as written) and the index after the tag.
    private static func readTag(_ text: [UInt8], from start: Int) -> (String, [(String, String)], Int) {
        var i = start
        func isNameEnd(_ c: UInt8) -> Bool { isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") }
        while i < text.count, !isNameEnd(text[i]) { i += 1 }
        let name = String(decoding: text[start..<i], as: UTF8.self).lowercased()
        var attributes: [(String, String)] = []
        while i < text.count {
            while i < text.count, isSpace(text[i]) || text[i] == UInt8(ascii: "/") { i += 1 }
            guard i < text.count, text[i] != UInt8(ascii: ">") else { break }
            let nameStart = i
            i += 1  // a name may start with `=` in HTML's grammar
            while i < text.count, !isSpace(text[i]), text[i] != UInt8(ascii: "/"), text[i] != UInt8(ascii: ">"),
                  text[i] != UInt8(ascii: "=") { i += 1 }
            let attribute = String(decoding: text[nameStart..<i], as: UTF8.self).lowercased()
            while i < text.count, isSpace(text[i]) { i += 1 }
            var value = ""
            if i < text.count, text[i] == UInt8(ascii: "=") {
                i += 1
                while i < text.count, isSpace(text[i]) { i += 1 }
                if i < text.count, text[i] == UInt8(ascii: "\"") || text[i] == UInt8(ascii: "'") {
                    let quote = text[i]
                    let valueStart = i + 1
                    i = text[valueStart...].firstIndex(of: quote) ?? text.count
                    value = String(decoding: text[valueStart..<i], as: UTF8.self)
                    i = min(i + 1, text.count)
                } else {
                    let valueStart = i
                    while i < text.count, !isSpace(text[i]), text[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: text[valueStart..<i], as: UTF8.self)
                }
            }
            attributes.append((attribute, value))
        }
        return (name, attributes, min(i + 1, text.count))
    }

    /// Numeric and the common named character references, enough to see through `&#106;avascript:`.
    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let end = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "#") } ?? rest.endIndex
            let entity = rest[..<end]
            var decoded: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if entity.hasPrefix("#") {
                decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">"][String(entity).lowercased()]
            }
            if let decoded {
                out += decoded
                rest = rest[end...]
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                out += "&"
            }
        }
        return out + rest
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D
    }

    private static func find(_ needle: [UInt8], in text: [UInt8], caseInsensitive: Bool = false, from start: Int) -> Int? {
        guard needle.count <= text.count else { return nil }
        func lower(_ c: UInt8) -> UInt8 { caseInsensitive && c >= 65 && c <= 90 ? c + 32 : c }
        var i = start
        while i + needle.count <= text.count {
            var match = true
            for j in 0..<needle.count where lower(text[i + j]) != needle[j] { match = false; break }
            if match { return i }
            i += 1
        }
        return nil
    }
}
