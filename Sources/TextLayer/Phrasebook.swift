import Foundation

/// Every sentence and label a person reads, by key, in one language.
///
/// A catalogue is one JSON file per language (`Catalogues/en.json`), a flat object from key to
/// phrase, built into the binary by `scripts/embed-resources`. A phrase names its arguments in
/// braces — `"{chance} that losses to {outcome} exceed {amount}"` — so a translation may put
/// them in any order; code passes arguments by name and never glues sentences together.
///
/// Counted phrases have one key per plural form, `KEY.one` and `KEY.other`, chosen by
/// ``plural(_:count:_:)``; English and Dutch use `one` for exactly 1 and `other` for the rest.
/// Adding a language is adding one file: a test fails when catalogues do not hold the same keys
/// with the same arguments.
public struct Phrasebook: Sendable {
    /// The language's code, as in `<html lang>`: `en`.
    public let language: String
    /// Key → phrase with `{argument}` placeholders.
    public let phrases: [String: String]

    /// A catalogue from its JSON text.
    public init(language: String, json: String) throws(CatalogueError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let table = object as? [String: String] else {
            throw CatalogueError(language: language, message: "a catalogue is one JSON object of key to text")
        }
        self.language = language
        phrases = table
    }

    /// A catalogue from its table, as read.
    public init(language: String, phrases: [String: String]) {
        self.language = language
        self.phrases = phrases
    }

    /// This catalogue with every phrase kept under `prefix` standing in for the phrase of the
    /// rest of its key: with the prefix `community.detail.`, the phrase
    /// `community.detail.report.figure.p50` is read wherever `report.figure.p50` is asked for.
    /// One report can so word shared tables for its own readers without a second set of code.
    public func overlaid(by prefix: String) -> Phrasebook {
        var table = phrases
        for (key, phrase) in phrases where key.hasPrefix(prefix) { table[String(key.dropFirst(prefix.count))] = phrase }
        return Phrasebook(language: language, phrases: table)
    }

    /// The English catalogue, built in.
    public static let english: Phrasebook = builtIn("en")!

    /// A built-in catalogue by language code, or nil when there is none.
    public static func builtIn(_ language: String) -> Phrasebook? {
        guard let text = BuiltInCatalogues.files[language + ".json"] else { return nil }
        return try? Phrasebook(language: language, json: text)
    }

    /// The languages with a built-in catalogue, sorted.
    public static var languages: [String] {
        BuiltInCatalogues.files.keys.map { String($0.dropLast(".json".count)) }.sorted()
    }

    /// The phrase `key` with its arguments filled in. A key missing from the catalogue reads
    /// `⟦key⟧` rather than failing (a test keeps every key the code uses in every catalogue).
    public func callAsFunction(_ key: String, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        guard let phrase = phrases[key] else { return "⟦\(key)⟧" }
        return Self.fill(phrase, arguments)
    }

    /// The counted phrase `KEY.one` or `KEY.other` for `count`, with `{count}` filled in as
    /// well as the other arguments.
    public func plural(_ key: String, count: Int, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        let form = count == 1 ? "one" : "other"
        guard let phrase = phrases[key + "." + form] else { return "⟦\(key).\(form)⟧" }
        return Self.fill(Self.fill(phrase, arguments), ["count": String(count)])
    }

    /// The singular of a register's unit word ("incident" for "incidents", "uur" for "uur"), from
    /// the catalogue's `unit.one.WORD` keys; nil for a word the catalogue does not know, which
    /// then stays as the register wrote it.
    public func singularUnit(_ unit: String) -> String? {
        phrases["unit.one." + unit.lowercased()]
    }

    /// Replaces each `{name}` whose name is given; other braces stay as they are.
    static func fill(_ phrase: String, _ arguments: KeyValuePairs<String, String>) -> String {
        fill(phrase) { name in arguments.first(where: { $0.key == name })?.value }
    }

    /// Replaces each `{name}` for which `value` gives a text; other braces stay as they are.
    static func fill(_ phrase: String, value: (Substring) -> String?) -> String {
        guard phrase.contains("{") else { return phrase }
        var out = ""
        var rest = Substring(phrase)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = value(name) {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The argument names a phrase uses, in order of first use.
    public static func arguments(of phrase: String) -> [String] {
        var names: [String] = []
        var rest = Substring(phrase)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Where two catalogues disagree: keys one has and the other lacks, and phrases whose
    /// arguments differ. Empty when a translation is complete.
    public static func differences(_ a: Phrasebook, _ b: Phrasebook) -> [String] {
        var found: [String] = []
        for key in Set(a.phrases.keys).union(b.phrases.keys).sorted() {
            switch (a.phrases[key], b.phrases[key]) {
            case (nil, _?): found.append("\(a.language) lacks \(key), which \(b.language) has")
            case (_?, nil): found.append("\(b.language) lacks \(key), which \(a.language) has")
            case let (x?, y?) where Set(arguments(of: x).filter { !$0.hasPrefix(horizonArgumentPrefix) })
                != Set(arguments(of: y).filter { !$0.hasPrefix(horizonArgumentPrefix) }):
                found.append("\(key) takes {\(arguments(of: x).joined(separator: "}, {"))} in \(a.language) "
                             + "but {\(arguments(of: y).joined(separator: "}, {"))} in \(b.language)")
            default: break
            }
        }
        return found
    }

    /// A catalogue that cannot be read.
    public struct CatalogueError: Error, CustomStringConvertible {
        public var language: String
        public var message: String
        public var description: String { "catalogue \(language): \(message)" }
    }
}
