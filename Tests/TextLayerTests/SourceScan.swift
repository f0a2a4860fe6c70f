import Foundation
import _TestSupport

/// Reads the string literals of Swift source files, for the tests that keep words people read
/// in the phrasebook.
enum SourceScan {
    /// The renderers of reports, terminal tables and diffs: every sentence and label they
    /// write comes from the phrasebook.
    static let rendererFiles = [
        "Sources/Reporting/ReportBuilder.swift",
        "Sources/Reporting/Charts.swift",
        "Sources/Reporting/ScoreTable.swift",
        "Sources/RegisterDiff/ComparisonMarkdown.swift",
        "Sources/RegisterDiff/ComparisonTable.swift",
        "Sources/Scoring/MatrixPlacement.swift",
        "Sources/TextLayer/Phrasebook+Figures.swift",
    ]

    /// A phrasebook key: lower-case words joined by dots, at least two parts (`table.title`),
    /// or such a prefix ending in a dot (`table.column.`).
    static func looksLikeKey(_ literal: String) -> Bool {
        literal.range(of: #"^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$|^[a-z0-9-]+\.$"#, options: .regularExpression) != nil
            && !literal.hasSuffix(".swift") && !literal.hasSuffix(".json")
    }

    /// Two words of two or more letters in a row: the shape of an English phrase. Keys,
    /// format strings, single labels' ids and punctuation do not match.
    static func looksLikeProse(_ literal: String) -> Bool {
        literal.range(of: #"[A-Za-z]{2,}[ ,;:'’]+[A-Za-z]{2,}"#, options: .regularExpression) != nil
    }

    /// The string literals of a Swift file, without comments: each literal's text with every
    /// interpolation replaced by `{}`; literals inside interpolations are listed on their own.
    static func stringLiterals(in relativePath: String) throws -> [String] {
        stringLiterals(inSource: try String(contentsOfFile: TestSupport.path(relativePath), encoding: .utf8))
    }

    static func stringLiterals(inSource text: String) -> [String] {
        var literals: [String] = []
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.scanCode(into: &literals, until: nil)
        return literals
    }

    private struct Scanner {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        func at(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

        /// Code up to an unmatched `terminator` (a closing parenthesis of an interpolation).
        mutating func scanCode(into literals: inout [String], until terminator: Unicode.Scalar?) {
            var depth = 0
            while i < s.count {
                let c = s[i]
                if c == "/", at(1) == "/" {
                    while i < s.count, s[i] != "\n" { i += 1 }
                } else if c == "/", at(1) == "*" {
                    i += 2
                    while i < s.count, !(s[i] == "*" && at(1) == "/") { i += 1 }
                    i += 2
                } else if c == "#", at(1) == "\"" {
                    i += 1
                    literals.append(scanString(into: &literals, raw: true))
                } else if c == "\"" {
                    literals.append(scanString(into: &literals, raw: false))
                } else if c == "(" {
                    depth += 1; i += 1
                } else if c == ")" {
                    if depth == 0, terminator == ")" { i += 1; return }
                    depth -= 1; i += 1
                } else {
                    i += 1
                }
            }
        }

        /// A literal starting at `"` or `"""`.
        mutating func scanString(into literals: inout [String], raw: Bool) -> String {
            let multiline = at(1) == "\"" && at(2) == "\""
            i += multiline ? 3 : 1
            var out = ""
            while i < s.count {
                let c = s[i]
                if multiline, c == "\"", at(1) == "\"", at(2) == "\"" {
                    i += 3; if raw, at(0) == "#" { i += 1 }
                    return out
                }
                if !multiline, c == "\"" {
                    if raw {
                        if at(1) == "#" { i += 2; return out }
                        out.unicodeScalars.append(c); i += 1; continue
                    }
                    i += 1
                    return out
                }
                if c == "\\", !raw {
                    if at(1) == "(" {
                        i += 2
                        scanCode(into: &literals, until: ")")
                        out += "{}"
                        continue
                    }
                    if let next = at(1) { out.unicodeScalars.append(next) }
                    i += 2
                    continue
                }
                out.unicodeScalars.append(c)
                i += 1
            }
            return out
        }
    }
}

import Testing

@Suite("No sentence is written in Swift outside the phrasebook")
struct LiteralSentenceTests {
    @Test(arguments: SourceScan.rendererFiles)
    func renderersHoldNoEnglishProse(_ file: String) throws {
        let literals = try SourceScan.stringLiterals(in: file)
        #expect(!literals.isEmpty, "\(file) was not read")
        let prose = literals.filter(SourceScan.looksLikeProse)
        #expect(prose.isEmpty, "\(file) writes words outside the phrasebook: \(prose.map { "\"\($0)\"" }.joined(separator: ", "))")
    }

    /// The scan itself: it finds prose in plain, interpolated, nested and multi-line literals,
    /// and nothing in comments or keys.
    @Test func theScanFindsProseWhereverItIs() {
        let sample = #"""
        // a comment with many words
        let a = say("table.title", ["title": x])
        let b = "\(count) risks added"
        let c = "x\(f("mean loss"))y"
        let d = """
            Several words here
            """
        let e = #"raw words "quoted" here"#
        """#
        let literals = SourceScan.stringLiterals(inSource: sample).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(literals.contains("table.title") && literals.contains("title"))
        #expect(literals.filter(SourceScan.looksLikeProse).sorted()
                == ["Several words here", "mean loss", "raw words \"quoted\" here", "{} risks added"].sorted(), "\(literals)")
        #expect(SourceScan.looksLikeKey("table.column.") && SourceScan.looksLikeKey("diff.md.title") && !SourceScan.looksLikeKey("money"))
    }
}
