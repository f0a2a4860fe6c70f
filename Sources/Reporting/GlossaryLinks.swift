/// Links the first use of each glossary term in a finished HTML board report to its entry.
///
/// It reads the rendered page, not the templates, so a term links wherever it first appears —
/// in a sentence, a caption or a table heading — whichever template wrote it. Only text between
/// tags is searched, and never inside a link, a heading, the page title, a chart picture
/// (`svg`), a `summary`, the glossary itself or the closing account of how the figures were
/// made; a word matches whole (not inside a longer word), with the case the phrasebook gives it. Register text cannot add a link: it was escaped before
/// it reached the page, and a term only ever becomes `<a href="#g-…">` around its own words.
enum GlossaryLinks {
    struct Term: Sendable {
        /// The entry's id in the page: `g-percentiles`.
        var anchor: String
        /// The words that link to it, as they appear in the escaped page.
        var words: [String]
    }

    /// Elements whose text is never linked.
    static let skipped: Set<String> = ["a", "h1", "h2", "h3", "h4", "h5", "h6", "title", "svg", "summary", "style", "script"]

    static func link(_ html: String, terms: [Term]) -> String {
        guard let bodyStart = html.range(of: "<body")?.lowerBound else { return html }
        // The glossary itself is never linked: it follows the contents, so the words used after
        // it are linked too, each where it first appears outside it.
        let glossary = html.range(of: "<section id=\"glossary\"").map { start in
            start.lowerBound..<(html[start.upperBound...].range(of: "</section>")?.upperBound ?? html.endIndex)
        }
        // The closing account of how the figures were made names the seed and the command as
        // they are, unlinked.
        let end = html.range(of: "id=\"method\"")?.lowerBound ?? html.endIndex
        var pending = terms.filter { !$0.words.isEmpty }
        var out = String(html[..<bodyStart])
        var open: [String] = []
        var i = bodyStart
        while i < end, !pending.isEmpty {
            if let glossary, i == glossary.lowerBound {
                out += html[glossary]
                i = glossary.upperBound
                continue
            }
            if html[i] == "<" {
                let close = html[i...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
                let tag = html[i..<close]
                let name = tag.dropFirst(tag.hasPrefix("</") ? 2 : 1).prefix { $0.isLetter || $0.isNumber }.lowercased()
                if tag.hasPrefix("</") {
                    if let k = open.lastIndex(of: name) { open.removeSubrange(k...) }
                } else if skipped.contains(name), !tag.hasSuffix("/>") {
                    open.append(name)
                }
                out += tag
                i = close
                continue
            }
            let textEnd = html[i..<end].firstIndex(of: "<") ?? end
            var text = String(html[i..<textEnd])
            if open.isEmpty { text = linkFirst(in: text, &pending) }
            out += text
            i = textEnd
        }
        return out + html[i...]
    }

    /// `text` with the earliest whole-word use of any pending term linked, repeatedly, each
    /// term once.
    private static func linkFirst(in text: String, _ pending: inout [Term]) -> String {
        var out = ""
        var rest = Substring(text)
        while true {
            var best: (range: Range<Substring.Index>, term: Int)?
            for (t, term) in pending.enumerated() {
                for word in term.words {
                    var from = rest.startIndex
                    while let r = rest[from...].range(of: word) {
                        if isWhole(r, in: rest) {
                            if best == nil || r.lowerBound < best!.range.lowerBound { best = (r, t) }
                            break
                        }
                        from = r.upperBound
                    }
                }
            }
            guard let hit = best else { return out + rest }
            out += rest[..<hit.range.lowerBound]
            out += "<a class=\"term\" href=\"#\(pending[hit.term].anchor)\">" + rest[hit.range] + "</a>"
            rest = rest[hit.range.upperBound...]
            pending.remove(at: hit.term)
        }
    }

    private static func isWhole(_ r: Range<Substring.Index>, in s: Substring) -> Bool {
        func wordy(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false }
        let before = r.lowerBound > s.startIndex ? s[s.index(before: r.lowerBound)] : nil
        let after = r.upperBound < s.endIndex ? s[r.upperBound] : nil
        // An entity such as `&#39;` is not a word boundary issue: `;` and `&` are not wordy.
        return !wordy(before) && !wordy(after)
    }
}
