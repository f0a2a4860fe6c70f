/// Register text written in several languages: `title: {en: Bike theft, nl: Fietsdiefstal}`.
///
/// The model's own strings (``Risk/title`` and the like) hold each text in the register's
/// language (its `language`, English when it names none), so everything that does not care
/// about languages — scoring, `export`, `diff`, the board's figures — reads a register with
/// translations exactly as it reads one without. The other languages are kept here, by the
/// place each text was written at, for reports in another language
/// (``Register/inLanguage(_:)``).
public struct Translations: Sendable {
    /// Where a text sits: an element of the register and one of its fields.
    public struct Place: Hashable, Sendable, CustomStringConvertible {
        public enum Element: String, Sendable {
            case register, outcome, appetite, contributor, perspective, risk, response, portfolio, scale
        }

        public var element: Element
        /// The element's id: an outcome's, a risk's; for an appetite statement, which has no
        /// id, where it is written (``appetiteID(_:)``), so that its texts follow it wherever
        /// the statement is moved; for a response, the risk's id, with `/` and the response's own id
        /// for an alternative response; empty for the register itself; for a level of a scale,
        /// ``scaleLevelID(unit:level:)``.
        public var id: String
        /// The field's name as a register writes it: `title`, `action`, `weight-reason`.
        public var field: String

        public init(_ element: Element, _ id: String, _ field: String) {
            self.element = element
            self.id = id
            self.field = field
        }

        /// The id of an appetite statement: the line and column it is written at.
        public static func appetiteID(_ location: Diagnostic.Location) -> String { "\(location.line):\(location.column)" }

        /// The id of a level of a scale: `likelihood/2`, or `impact/` with the unit as the register
        /// writes it in its own language and the level's number (`impact/hours/4`).
        public static func scaleLevelID(unit: String?, level: Int) -> String {
            unit.map { "impact/\($0)/\(level)" } ?? "likelihood/\(level)"
        }

        /// The risk an element belongs to, for confidential entries' texts.
        public var risk: String? {
            switch element {
            case .risk: id
            case .response: id.split(separator: "/", maxSplits: 1).first.map(String.init)
            default: nil
            }
        }

        /// The place in words, for a message: "entry `CS-04`'s `title`".
        public var description: String {
            switch element {
            case .register: "the register's `\(field)`"
            case .outcome: "outcome `\(id)`'s `\(field)`"
            case .appetite: "the `\(field)` of the appetite statement at line \(id.split(separator: ":").first ?? "")"
            case .contributor: "contributor `\(id)`'s `\(field)`"
            case .perspective: "perspective `\(id)`'s `\(field)`"
            case .risk: "entry `\(id)`'s `\(field)`"
            case .response:
                id.contains("/") ? "entry `\(risk ?? id)`'s alternative response `\(id.split(separator: "/").last.map(String.init) ?? "")`'s `\(field)`"
                    : "entry `\(id)`'s response `\(field)`"
            case .portfolio: "portfolio `\(id)`'s `\(field)`"
            case .scale:
                id.hasPrefix("impact/")
                    ? "the `\(field)` of level \(id.split(separator: "/").last ?? "") of the impact scale for `\(id.split(separator: "/").dropFirst().dropLast().joined(separator: "/"))`"
                    : "the `\(field)` of level \(id.split(separator: "/").last ?? "") of the likelihood scale"
            }
        }
    }

    /// One text in each language it was written in, in the order the register lists them.
    public struct Text: Sendable {
        public var variants: [(language: String, text: String)]
        public var location: Diagnostic.Location

        public init(variants: [(language: String, text: String)], location: Diagnostic.Location) {
            self.variants = variants
            self.location = location
        }

        /// The variant for `language`: the one tagged exactly so (ignoring case), else the first
        /// whose primary language matches (`nl-BE` for `nl`, `nl` for `nl-BE`); nil when none.
        public func variant(for language: String) -> (language: String, text: String)? {
            Translations.bestMatch(variants.map(\.language), for: language).map { variants[$0] }
        }
    }

    /// The texts given in several languages, by place; a text written as a plain string is not here.
    public var texts: [Place: Text] = [:]

    public init() {}

    public var isEmpty: Bool { texts.isEmpty }

    /// `text` as read, then the text at `place` in each language it was written in: every
    /// wording a title or a name may take, for the checks that must look at all of them (a
    /// confidential entry's title, a contributor's name in its `unnamed-as`).
    public func everyText(_ text: String?, at place: Place?) -> [String] {
        [text].compactMap { $0 } + (place.flatMap { texts[$0] }?.variants.map(\.text) ?? [])
    }

    /// Every language some text is written in, lower-cased, sorted.
    public var languages: [String] {
        Set(texts.values.flatMap { $0.variants.map { $0.language.lowercased() } }).sorted()
    }

    /// The index of the tag in `tags` that best serves `language`: an exact match (ignoring
    /// case), else the first with the same primary language subtag; nil when none.
    public static func bestMatch(_ tags: [String], for language: String) -> Int? {
        let wanted = language.lowercased()
        if let exact = tags.firstIndex(where: { $0.lowercased() == wanted }) { return exact }
        let primary = Self.primary(wanted)
        return tags.firstIndex { Self.primary($0.lowercased()) == primary }
    }

    /// The primary language subtag of a tag: `nl` of `nl-BE`.
    public static func primary(_ tag: String) -> String {
        String(tag.lowercased().split(separator: "-", maxSplits: 1).first ?? "")
    }

    /// Whether two tags name the same language for a reader: the same primary subtag.
    public static func sameLanguage(_ a: String, _ b: String) -> Bool { primary(a) == primary(b) }

    /// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646's `langtag`, or a private
    /// use tag `x-…`): `en`, `nl-BE`, `zh-Hant-TW`, `sr-Latn`, `es-419`. Irregular grandfathered
    /// tags such as `i-klingon` are not accepted: none is in use for report text.
    public static func isWellFormedTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
            return false
        }
        func alpha(_ s: String) -> Bool { s.allSatisfy(\.isLetter) }
        func digits(_ s: String) -> Bool { s.allSatisfy(\.isNumber) }
        var i = 0
        func privateUse() -> Bool {
            // `x` and one or more subtags of 1 to 8 characters, to the end.
            guard i < parts.count, parts[i].lowercased() == "x", i + 1 < parts.count else { return false }
            i = parts.count
            return true
        }
        if parts[0].lowercased() == "x" { return privateUse() }
        // language: 2-3 letters (with up to three extlang subtags of 3 letters), or 4-8 letters.
        guard alpha(parts[0]), (2...3).contains(parts[0].count) || (5...8).contains(parts[0].count) else { return false }
        i = 1
        if parts[0].count <= 3 {
            var extlangs = 0
            while i < parts.count, extlangs < 3, parts[i].count == 3, alpha(parts[i]) { i += 1; extlangs += 1 }
        }
        if i < parts.count, parts[i].count == 4, alpha(parts[i]) { i += 1 }  // script
        if i < parts.count, (parts[i].count == 2 && alpha(parts[i])) || (parts[i].count == 3 && digits(parts[i])) { i += 1 }  // region
        var variants = Set<String>()
        while i < parts.count, (5...8).contains(parts[i].count) || (parts[i].count == 4 && parts[i].first!.isNumber) {
            guard variants.insert(parts[i].lowercased()).inserted else { return false }
            i += 1
        }
        var singletons = Set<String>()
        while i < parts.count, parts[i].count == 1, parts[i].lowercased() != "x" {
            guard singletons.insert(parts[i].lowercased()).inserted else { return false }
            i += 1
            let start = i
            while i < parts.count, parts[i].count >= 2 { i += 1 }
            guard i > start else { return false }
        }
        if i < parts.count { return privateUse() }
        return true
    }
}
