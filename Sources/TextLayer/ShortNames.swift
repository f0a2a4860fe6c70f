import Foundation

/// Long phrases a report would otherwise repeat in full in every sentence — a baseline ("the
/// hours people would have if every journey were escorted, …"), a named period ("the 2027/28
/// financial year (April 2027 to March 2028)"), an outcome's long title — written in full once
/// per section and by a short name after that.
///
/// It works on the finished text, after the templates, so that it holds for every sentence,
/// table and template in either language without each knowing which phrase came first: what a
/// reader meets first in a section is what comes first in the text.
public enum ShortNames {
    /// One phrase and its short name, each as the report's text writes it (escaped for its
    /// format).
    public struct Name: Sendable, Equatable {
        /// The phrase in full, as it appears in the text.
        public var full: String
        /// What its first use in a section reads: the phrase in full, with the short name
        /// introduced where the phrase does not already contain it.
        public var defined: String
        /// What every later use in the section reads.
        public var short: String
        /// Whether the phrase is written in full once in the whole text rather than once per
        /// section: for a phrase the text's opening already defines for every part after it
        /// ("All figures are for the 2027/28 financial year (April 2027 to March 2028)").
        public var once: Bool
        /// For a title, the words that tie the short name to it ("(“People harmed” below)"),
        /// put once in the whole text: after the title's first use in running text, after its
        /// closing quotation mark, in the first section that uses it again. Nil for a phrase
        /// that is introduced with `defined`.
        ///
        /// Each later section still gives the title in full at its first use and the short name
        /// after, so a reader who starts there meets the whole title first; only the tie is
        /// not repeated. A tie in every section put up to ten "(… below)" on one page, which
        /// read as clutter rather than help. A title in a heading or in bold text (a table's
        /// caption, a status line) is left as it is and is not a use: it names its subject in
        /// full, and a tie there broke the heading in two.
        public var tie: String?

        public init(full: String, defined: String, short: String, once: Bool = false, tie: String? = nil) {
            self.full = full
            self.defined = defined
            self.short = short
            self.once = once
            self.tie = tie
        }
    }

    /// The format of the text, which says where a section starts and which text a reader sees.
    public enum Format: Sendable { case markdown, html }

    /// Heading levels that start a section: a report's parts (`##`) and its title. A shorter
    /// stretch (`###`, an outcome's or an entry's subsection) would repeat the definitions
    /// every few lines.
    static let sectionLevels = 1...2

    /// Closing quotation marks a tie goes after, so that it follows the quoted title: “…” (…).
    static let closingQuotes = ["”", "\"", "’", "»", "&rdquo;", "&quot;", "&#8221;", "&#34;"]

    /// The tags around a register's text in HTML (``UntrustedText``'s isolate), which are part of
    /// the running text: a tie goes after the closing one, outside the register's words.
    static let isolateTags: Set<String> = ["bdi", "/bdi"]

    /// `text` with every name written in full at its first use in each section, as `defined`
    /// there (or in full with its tie), and as `short` after it. In HTML only text a reader
    /// sees changes: not tags, their attributes or the inside of `<svg>`, `<style>` and
    /// `<title>`, so that a definition is never hidden in a tooltip.
    public static func shorten(_ text: String, names: [Name], format: Format) -> String {
        let names = names.filter { !$0.full.isEmpty && $0.full != $0.short }
        guard !names.isEmpty else { return text }
        switch format {
        case .markdown: return shorten(markdownChunks(text), names)
        case .html: return shorten(htmlChunks(text), names)
        }
    }

    /// A piece of the text and what a reader makes of it.
    struct Chunk {
        enum Kind {
            /// Running text.
            case text
            /// A heading's text, below the levels that start a section.
            case heading
            /// Text left as it is: code, markup, charts.
            case fixed
            /// Text left as it is that starts a new section after it.
            case section
        }
        var text: Substring
        var kind: Kind
    }

    /// First and later uses, section by section.
    struct Sections {
        let names: [Name]
        var seen: Set<Int> = []
        /// The titles whose tie the text has given, in any section.
        var tied: Set<Int> = []
        /// For each title, how many uses in running text the section still has.
        var left: [Int: Int] = [:]

        /// Starts a section whose running text is `chunks`: a name is kept as seen only where
        /// it is said once in all.
        mutating func newSection(_ chunks: ArraySlice<Chunk>) {
            seen = seen.filter { names[$0].once }
            left = [:]
            for (k, name) in names.enumerated() where name.tie != nil {
                left[k] = chunks.filter { $0.kind == .text }.reduce(0) { $0 + $1.text.components(separatedBy: name.full).count - 1 }
            }
        }

        /// `segment` with each name's uses replaced, in the order they come.
        mutating func replace(in segment: Substring, heading: Bool) -> String {
            var out = String(segment)
            for (k, name) in names.enumerated() where out.contains(name.full) {
                if name.tie != nil, heading { continue }
                var result = ""
                var rest = Substring(out)
                while let range = rest.range(of: name.full) {
                    result += rest[..<range.lowerBound]
                    rest = rest[range.upperBound...]
                    if seen.contains(k) {
                        result += name.short
                    } else if let tie = name.tie {
                        result += name.full
                        if left[k, default: 0] > 1, !tied.contains(k) {
                            tied.insert(k)
                            if let quote = Self.closingQuote(at: rest) {
                                result += rest[..<quote]
                                rest = rest[quote...]
                            }
                            result += " " + tie
                        }
                    } else {
                        result += name.defined
                    }
                    seen.insert(k)
                    if name.tie != nil { left[k, default: 0] -= 1 }
                }
                out = result + rest
            }
            return out
        }

        /// Where a closing isolate tag and quotation mark at the start of `text` end, if there
        /// are any.
        static func closingQuote(at text: Substring) -> Substring.Index? {
            var rest = text
            if rest.hasPrefix("</bdi>") { rest = rest.dropFirst("</bdi>".count) }
            for quote in ShortNames.closingQuotes where rest.hasPrefix(quote) {
                return rest.index(rest.startIndex, offsetBy: quote.count)
            }
            return rest.startIndex == text.startIndex ? nil : rest.startIndex
        }
    }

    static func shorten(_ chunks: [Chunk], _ names: [Name]) -> String {
        var sections = Sections(names: names)
        var out = ""
        var start = chunks.startIndex
        sections.newSection(chunks[start...].prefix { $0.kind != .section })
        while start < chunks.endIndex {
            let chunk = chunks[start]
            switch chunk.kind {
            case .fixed: out += chunk.text
            case .section:
                out += chunk.text
                sections.newSection(chunks[(start + 1)...].prefix { $0.kind != .section })
            case .text, .heading: out += sections.replace(in: chunk.text, heading: chunk.kind == .heading)
            }
            start += 1
        }
        return out
    }

    static func markdownChunks(_ text: String) -> [Chunk] {
        var chunks: [Chunk] = []
        var inFence = false
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if n > 0 { chunks.append(Chunk(text: "\n", kind: .fixed)) }
            if line.hasPrefix("```") { inFence.toggle(); chunks.append(Chunk(text: line, kind: .fixed)); continue }
            if inFence { chunks.append(Chunk(text: line, kind: .fixed)); continue }
            let hashes = line.prefix { $0 == "#" }.count
            let isHeading = hashes > 0 && line.dropFirst(hashes).first == " "
            if isHeading, sectionLevels.contains(hashes) {
                chunks.append(Chunk(text: line, kind: .section))
            } else {
                chunks.append(contentsOf: isHeading ? [Chunk(text: line, kind: .heading)] : boldSplit(line))
            }
        }
        return chunks
    }

    /// A Markdown line as running text with its bold spans (`**…**`) apart, which read as
    /// headings: a table's caption, a label.
    static func boldSplit(_ line: Substring) -> [Chunk] {
        var chunks: [Chunk] = []
        var rest = line
        while let open = rest.range(of: "**"), let close = rest[open.upperBound...].range(of: "**") {
            if open.lowerBound > rest.startIndex { chunks.append(Chunk(text: rest[..<open.lowerBound], kind: .text)) }
            chunks.append(Chunk(text: rest[open.lowerBound..<close.upperBound], kind: .heading))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty || chunks.isEmpty { chunks.append(Chunk(text: rest, kind: .text)) }
        return chunks
    }

    /// HTML elements whose text reads as a heading, not running text: bold text, a table's
    /// caption. A `<span class="status">` (a verdict's label) is one too.
    static let emphasisTags: Set<String> = ["strong", "b", "caption"]

    static func htmlChunks(_ text: String) -> [Chunk] {
        var chunks: [Chunk] = []
        var rest = Substring(text)
        // Elements whose content a reader does not read as running text.
        var hidden: [String] = []
        var inHeading = false
        // Open elements that read as headings (``emphasisTags``), with any span inside them.
        var emphasis: [String] = []
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                chunks.append(Chunk(text: rest, kind: !hidden.isEmpty ? .fixed : inHeading || !emphasis.isEmpty ? .heading : .text))
                break
            }
            let segment = rest[..<open]
            if !segment.isEmpty { chunks.append(Chunk(text: segment, kind: !hidden.isEmpty ? .fixed : inHeading || !emphasis.isEmpty ? .heading : .text)) }
            guard let close = rest[open...].firstIndex(of: ">") else {
                chunks.append(Chunk(text: rest[open...], kind: .fixed))
                break
            }
            let tag = rest[open...close]
            rest = rest[rest.index(after: close)...]
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "/" }.lowercased()
            let level = name.count == 2 && name.hasPrefix("h") ? Int(name.dropFirst()) : nil
            let closingLevel = name.count == 3 && name.hasPrefix("/h") ? Int(name.dropFirst(2)) : nil
            var kind = Chunk.Kind.fixed
            if hidden.isEmpty, isolateTags.contains(name) {
                kind = inHeading || !emphasis.isEmpty ? .heading : .text
            } else if hidden.isEmpty, !tag.hasSuffix("/>"),
                      emphasisTags.contains(name) || (name == "span" && (!emphasis.isEmpty || tag.contains("class=\"status\""))) {
                emphasis.append(name)
            } else if hidden.isEmpty, name.hasPrefix("/"), emphasis.last == String(name.dropFirst()) {
                emphasis.removeLast()
            } else if ["svg", "style", "title", "script"].contains(name), !tag.hasSuffix("/>") {
                hidden.append(name)
            } else if name.hasPrefix("/"), hidden.last == String(name.dropFirst()) {
                hidden.removeLast()
            } else if hidden.isEmpty, let level, (1...6).contains(level) {
                inHeading = true
                if sectionLevels.contains(level) { kind = .section }
            } else if hidden.isEmpty, let closingLevel, (1...6).contains(closingLevel) {
                inHeading = false
            }
            chunks.append(Chunk(text: tag, kind: kind))
        }
        // Running text with its isolate tags is one piece, so that a title and the quotation
        // mark after it are found together.
        var merged: [Chunk] = []
        for chunk in chunks {
            if let last = merged.last, last.kind == chunk.kind, last.kind == .text || last.kind == .heading, last.text.endIndex == chunk.text.startIndex {
                merged[merged.count - 1].text = text[last.text.startIndex..<chunk.text.endIndex]
            } else {
                merged.append(chunk)
            }
        }
        return merged
    }

    /// A short name a report can find for a phrase by itself: the phrase without a closing
    /// part in brackets, which only explains it ("the police forecast (about 140 a year)" →
    /// "the police forecast"; "the 2027/28 financial year (April 2027 to March 2028)" → "the
    /// 2027/28 financial year"). Nil when there is none.
    public static func withoutClosingBrackets(_ phrase: String) -> String? {
        let trimmed = phrase.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        // The brackets must be the phrase's own closing part: balanced, and not the whole of it.
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        guard !inside.contains("("), !inside.contains(")") else { return nil }
        let short = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        return short.isEmpty ? nil : short
    }
}
