import Foundation
import RegisterModel
import Testing
@testable import RegisterLoader

/// The schema's patterns against the parsers they mirror, on many strings: the regex matches
/// exactly when the parser reads the text. (The schema agreement tests check the same through a
/// real JSON Schema validator, on whole registers; these reach far more spellings.)
@Suite struct ScalarPatternTests {
    /// Strings over `alphabet`, of 1 to `maxLength` symbols, from a fixed seed.
    static func strings(_ alphabet: [String], count: Int, maxLength: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in
            let length = Int(next() % UInt64(maxLength)) + 1
            return (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
        }
    }

    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let regex = try compiled.regex(pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Each pattern compiled once and kept: compiling it again for each of the tens of thousands
    /// of strings took most of these tests' time.
    private static let compiled = Compiled()

    private final class Compiled: @unchecked Sendable {
        private let lock = NSLock()
        private var regexes: [String: NSRegularExpression] = [:]

        func regex(_ pattern: String) throws -> NSRegularExpression {
            try lock.withLock {
                if let regex = regexes[pattern] { return regex }
                let regex = try NSRegularExpression(pattern: pattern)
                regexes[pattern] = regex
                return regex
            }
        }
    }

    /// Exponents of three digits or more overflow or underflow a double, which no pattern
    /// follows; they are left out (see ``SchemaCoverage`` for `invalid-number`).
    static func hasHugeExponent(_ text: String) -> Bool {
        text.lowercased().replacingOccurrences(of: "_", with: "").contains(/e[+-]?[0-9]{3}/)
    }

    static let numberSymbols = ["0", "1", "5", "9", ".", "_", "e", "E", "+", "-", "k", "K", "m", "M", "b", "n", "B", " ", "\t", "x", "2"]

    @Test("amounts: any sign, not negative, above zero")
    func amounts() throws {
        var read = 0
        for text in Self.strings(Self.numberSymbols, count: 30_000, maxLength: 7, seed: 1) where !Self.hasHugeExponent(text) {
            let value = ScalarSyntax.amount(text)
            if value != nil { read += 1 }
            #expect(try Self.matches(ScalarPatterns.amount, text) == (value != nil), "amount `\(text)`")
            #expect(try Self.matches(ScalarPatterns.nonNegativeAmount, text) == (value.map { $0 >= 0 } ?? false), "non-negative `\(text)`")
            #expect(try Self.matches(ScalarPatterns.positiveAmount, text) == (value.map { $0 > 0 } ?? false), "positive `\(text)`")
        }
        #expect(read > 2_000, "the strings must include many amounts: \(read)")
    }

    @Test("chances: amounts, percentages and K in N")
    func probabilities() throws {
        let symbols = ["0", "1", "8", ".", "5", "%", " ", "  ", "in", "IN", "In", "k", "-", "+", "e", "_", "\t", "i"]
        var read = 0
        for text in Self.strings(symbols, count: 30_000, maxLength: 7, seed: 2) where !Self.hasHugeExponent(text) {
            let value = ScalarSyntax.probability(text)
            if value != nil { read += 1 }
            #expect(try Self.matches(ScalarPatterns.probability, text) == (value != nil), "probability `\(text)`")
        }
        for text in ["1 in 8", "1  in  8", " 1 in 8 ", "1 in 2.5k", "1 in 0", "1 in -8", "30 %", "1k%", "1 in 8%"] {
            #expect(try Self.matches(ScalarPatterns.probability, text) == (ScalarSyntax.probability(text) != nil), "probability `\(text)`")
        }
        #expect(read > 1_000, "the strings must include many chances: \(read)")
    }

    @Test("dates: every day from 0001 to 9999 that the calendar has")
    func dates() throws {
        for year in ["0000", "0001", "1900", "1996", "2000", "2023", "2024", "2100", "2400", "9999"] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                    #expect(try Self.matches(ScalarPatterns.date, text) == (CalendarDate(text) != nil), "date \(text)")
                }
            }
        }
        for text in ["2027-3-31", "27-03-31", "2027-03-31 ", "2027/03/31", "+2027-03-31", "２０２７-03-31"] {
            #expect(try Self.matches(ScalarPatterns.date, text) == (CalendarDate(text) != nil), "date \(text)")
        }
    }

    @Test("periods, ids and whole numbers")
    func periodsIDsAndWholeNumbers() throws {
        let periodSymbols = ["1", "2", "0", "+", "-", " ", "day", "Week", "MONTH", "year", "s", "S", "x", "\t"]
        for text in Self.strings(periodSymbols, count: 20_000, maxLength: 5, seed: 3) {
            #expect(try Self.matches(ScalarPatterns.duration, text) == (Horizon(text) != nil), "period `\(text)`")
        }
        let idSymbols = ["a", "Z", "0", "9", ".", "_", "-", " ", "é", "/"]
        for text in Self.strings(idSymbols, count: 20_000, maxLength: 6, seed: 4) + [String(repeating: "a", count: 64), String(repeating: "a", count: 65)] {
            #expect(try Self.matches(ScalarPatterns.id, text) == ScalarSyntax.isValidID(text), "id `\(text)`")
        }
        for text in Self.strings(["0", "1", "7", "+", "-", " ", "."], count: 5_000, maxLength: 5, seed: 5) {
            #expect(try Self.matches(ScalarPatterns.wholeFromOne, text) == (Int(text).map { $0 >= 1 } ?? false), "level `\(text)`")
            #expect(try Self.matches(ScalarPatterns.versionOne, text) == (Int(text) == 1), "version `\(text)`")
        }
    }
}
