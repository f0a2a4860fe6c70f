import Foundation
import RegisterModel

extension RegisterScore {
    /// The register's texts in several languages, in the order a reader meets them; nil when
    /// it has none, so a register of plain strings scores to the same JSON as before.
    static func translations(of register: Register) -> [TranslatedText]? {
        guard !register.translations.isEmpty else { return nil }
        var out: [TranslatedText] = []
        // An appetite statement has no id: it is named by its position, as `appetite[]` lists it.
        var appetite: [String: Int] = [:]
        for (k, a) in register.appetite.enumerated() { appetite[Translations.Place.appetiteID(a.location)] = k }
        register.forEachText { place, _, _ in
            guard let given = register.translations.texts[place] else { return }
            let id = place.element == .appetite ? appetite[place.id].map(String.init) ?? place.id : place.id
            out.append(TranslatedText(element: place.element.rawValue, id: id, field: place.field,
                                      texts: given.variants.map { LanguageText(language: $0.language, text: $0.text) }))
        }
        return out
    }

    /// The encoder behind every `--format json` result: indented, keys sorted, slashes as they
    /// are — so results diff cleanly in git and read well in a terminal.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes `scores` as JSON, piece by piece, to `write` — byte for byte what
    /// `makeEncoder().encode(scores)` gives (or `encode(scores[0])` when `asArray` is false).
    ///
    /// A register of 10,000 risks encodes to about 12 MB of JSON, and `JSONEncoder` builds a tree
    /// of boxed values several times that size before it writes a byte. Encoding one risk at a
    /// time keeps what is held to one risk's worth, whatever the register's size.
    public static func writeJSON(
        _ scores: [RegisterScore], asArray: Bool, to write: (String) throws -> Void
    ) throws {
        let encoder = makeEncoder()
        guard asArray else {
            precondition(scores.count == 1, "a single result is written as an object")
            try scores[0].writeJSON(indent: 0, encoder: encoder, to: write)
            return
        }
        guard !scores.isEmpty else {
            try write(String(decoding: try encoder.encode(scores), as: UTF8.self))
            return
        }
        try write("[\n  ")
        for (i, score) in scores.enumerated() {
            if i > 0 { try write(",\n  ") }
            try score.writeJSON(indent: 2, encoder: encoder, to: write)
        }
        try write("\n]")
    }

    /// One result as a JSON object indented by `indent` spaces after its first line. The keys
    /// are written in the sorted order `.sortedKeys` gives, optional members only when present
    /// (as the synthesised `Encodable` conformance does); a test checks the bytes against
    /// `JSONEncoder` for every example register, so a new member cannot be forgotten here.
    private func writeJSON(indent: Int, encoder: JSONEncoder, to write: (String) throws -> Void) throws {
        let inner = String(repeating: " ", count: indent + 2)
        var first = true
        func member<T: Encodable>(_ key: String, _ value: T) throws {
            try write((first ? "{\n" : ",\n") + inner + "\"\(key)\" : ")
            first = false
            try write(Self.indented(try encoder.encode(value), by: indent + 2))
        }
        // In the order `.sortedKeys` gives.
        try member("appetite", appetite)
        try member("correlations", correlations)
        try member("notConsulted", notConsulted)
        try member("outcomes", outcomes)
        try member("perspectives", perspectives)
        try member("portfolios", portfolios)
        try member("register", register)
        try member("reliance", reliance)
        try member("resultsFormat", resultsFormat)
        if risks.isEmpty {
            try member("risks", risks)
        } else {
            // The one member that grows with the register: one risk at a time.
            try write(",\n" + inner + "\"risks\" : [\n")
            let itemIndent = String(repeating: " ", count: indent + 4)
            for (i, risk) in risks.enumerated() {
                try write((i > 0 ? ",\n" : "") + itemIndent)
                try write(Self.indented(try encoder.encode(risk), by: indent + 4))
            }
            try write("\n" + inner + "]")
        }
        try member("run", run)
        try member("staleEntries", staleEntries)
        if let total { try member("total", total) }
        if let translations { try member("translations", translations) }
        try write("\n" + String(repeating: " ", count: indent) + "}")
    }

    /// Pretty-printed JSON re-indented to sit `spaces` deep: JSON strings escape their line
    /// breaks, so every raw line break is layout. Empty lines (inside `[]`) stay empty, as
    /// `JSONEncoder` writes them.
    private static func indented(_ data: Data, by spaces: Int) -> String {
        guard spaces > 0 else { return String(decoding: data, as: UTF8.self) }
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + data.count / 8)
        var afterBreak = false
        for byte in data {
            if afterBreak && byte != newline {
                bytes.append(contentsOf: repeatElement(space, count: spaces))
            }
            bytes.append(byte)
            afterBreak = byte == newline
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
