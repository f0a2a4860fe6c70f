import Foundation
import RegisterLoader

/// A spreadsheet export read as rows of fields, as Excel and LibreOffice write it: UTF-8 (with
/// or without a byte-order mark) or Windows-1252, comma- or semicolon-separated, with quoted
/// fields that may hold the separator, line breaks and doubled quotes.
public struct CSVTable: Sendable {
    /// One field with where it was written: the 1-based line it starts on and its 1-based
    /// column (the field's position in its row), for `FILE.csv:ROW:COLUMN` errors.
    public struct Field: Sendable, Hashable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    /// A problem that stops the file being read, at its 1-based line and column.
    public struct Problem: Error, Sendable, Hashable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    public var rows: [[Field]]
    public var separator: Character
    public var encoding: Encoding

    /// Reads `bytes`: UTF-8 when they are valid UTF-8, otherwise Windows-1252 (every byte is a
    /// character there). The separator is whichever of `;` and `,` appears more often outside
    /// quotes on the first line (`;` is what spreadsheets write where `,` is the decimal mark).
    public init(bytes: [UInt8]) throws(Problem) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text: String
        if let utf8 = String(validating: body, as: UTF8.self) {
            text = utf8
            encoding = .utf8
        } else {
            text = String(body.map { Self.windows1252($0) }.map(Character.init))
            encoding = .windows1252
        }
        let characters = Array(text)
        separator = Self.detectSeparator(characters)
        rows = try Self.parse(characters, separator: separator)
    }

    static func detectSeparator(_ text: [Character]) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "\n" || c == "\r\n" || c == "\r" { break }
            if c == "," { commas += 1 }
            if c == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    static func parse(_ text: [Character], separator: Character) throws(Problem) -> [[Field]] {
        var rows: [[Field]] = []
        var row: [Field] = []
        var field = ""
        var line = 1
        var fieldLine = 1
        var i = 0
        var quoted = false
        var quoteStart = (line: 0, column: 0)
        var wasQuoted = false
        func isBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }
        func endField() {
            row.append(Field(text: wasQuoted ? field : field.trimmingCharacters(in: .whitespaces), line: fieldLine, column: row.count + 1))
            field = ""
            wasQuoted = false
            fieldLine = line
        }
        while i < text.count {
            let c = text[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < text.count, text[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    if isBreak(c) { line += 1; field.append("\n") } else { field.append(c) }
                }
                i += 1
                continue
            }
            if c == "\"", field.allSatisfy(\.isWhitespace) {
                quoted = true
                wasQuoted = true
                field = ""
                quoteStart = (line, row.count + 1)
            } else if c == separator {
                endField()
            } else if isBreak(c) {
                endField()
                line += 1
                fieldLine = line
                if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
                row = []
            } else {
                field.append(c)
            }
            i += 1
        }
        if quoted {
            throw Problem(message: "a quoted field is never closed", line: quoteStart.line, column: quoteStart.column)
        }
        if !field.isEmpty || wasQuoted || !row.isEmpty {
            endField()
            if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
        }
        return rows
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F (€, ‘ ’ “ ” – — and more).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(high[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }
}
