import Foundation

/// Long phrases a report would otherwise repeat in full in every sentence — a baseline ("the
/// hours people would have if every journey were escorted, …"), a named period ("the 2027/28
/// financial year (April 2027 to March 2028)") — written in full once per section and by a
/// short name after that.
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

        public init(full: String, defined: String, short: String, once: Bool = false) {
            self.full = full
            self.defined = defined
            self.short = short
            self.once = once
        }
    }

    /// The format of the text, which says where a section starts and which text a reader sees.
    public enum Format: Sendable { case markdown, html }

    /// Heading levels that start a section: a report's parts (`##`) and its title. A shorter
    /// stretch (`###`, an outcome's or an entry's subsection) would repeat the definitions
    /// every few lines.
    static let sectionLevels = 1...2

    /// `text` with every name written in full at its first use in each section, as `defined`
    /// there, and as `short` after it. In HTML only text a reader sees changes: not tags, their
    /// attributes or the inside of `<svg>`, `<style>` and `<title>`, so that a definition is
    /// never hidden in a tooltip.
    public static func shorten(_ text: String, names: [Name], format: Format) -> String {
        let names = names.filter { !$0.full.isEmpty && $0.full != $0.short }
        guard !names.isEmpty else { return text }
        switch format {
        case .markdown: return shortenMarkdown(text, names)
        case .html: return shortenHTML(text, names)
        }
    }

    /// A first and later uses, section by section.
    struct Sections {
        var seen: Set<Int> = []
        /// Whether each name was met in this section, or anywhere before for a name said once.
        mutating func newSection(_ names: [Name]) { seen = seen.filter { names[$0].once } }

        /// `segment` with each name's uses replaced, in the order they come.
        mutating func replace(in segment: Substring, _ names: [Name]) -> String {
            var out = String(segment)
            for (k, name) in names.enumerated() where out.contains(name.full) {
                var result = ""
                var rest = Substring(out)
                while let range = rest.range(of: name.full) {
                    result += rest[..<range.lowerBound]
                    result += seen.contains(k) ? name.short : name.defined
                    seen.insert(k)
                    rest = rest[range.upperBound...]
                }
                out = result + rest
            }
            return out
        }
    }

    static func shortenMarkdown(_ text: String, _ names: [Name]) -> String {
        var sections = Sections()
        var inFence = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("```") { inFence.toggle(); return String(line) }
            if inFence { return String(line) }
            let hashes = line.prefix { $0 == "#" }.count
            if sectionLevels.contains(hashes), line.dropFirst(hashes).first == " " {
                sections.newSection(names)
                return String(line)
            }
            return sections.replace(in: line, names)
        }
        return lines.joined(separator: "\n")
    }

    static func shortenHTML(_ text: String, _ names: [Name]) -> String {
        var sections = Sections()
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        // Elements whose content a reader does not read as running text.
        var hidden: [String] = []
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                out += hidden.isEmpty ? sections.replace(in: rest, names) : String(rest)
                break
            }
            let segment = rest[..<open]
            out += hidden.isEmpty ? sections.replace(in: segment, names) : String(segment)
            guard let close = rest[open...].firstIndex(of: ">") else {
                out += rest[open...]
                break
            }
            let tag = rest[open...close]
            out += tag
            rest = rest[rest.index(after: close)...]
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "/" }.lowercased()
            if ["svg", "style", "title", "script"].contains(name), !tag.hasSuffix("/>") {
                hidden.append(name)
            } else if name.hasPrefix("/"), hidden.last == String(name.dropFirst()) {
                hidden.removeLast()
            } else if hidden.isEmpty, name.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()), sectionLevels.contains(level) {
                sections.newSection(names)
            }
        }
        return out
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
