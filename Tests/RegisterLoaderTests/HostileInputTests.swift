import Foundation
import RegisterLoader
import RegisterModel
import Testing

/// Input that is not a register at all, or is built to exhaust a reader: each must come back as
/// exactly one positioned error, never a crash or a hang.
@Suite("Hostile input")
struct HostileInputTests {
    /// The one diagnostic of a load, which must be an error and leave no register.
    func single(_ loaded: LoadedRegister, sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnostic {
        #expect(loaded.register == nil, sourceLocation: sourceLocation)
        #expect(loaded.diagnostics.count == 1, "\(loaded.diagnostics.map(summary))", sourceLocation: sourceLocation)
        let d = try #require(loaded.diagnostics.first, sourceLocation: sourceLocation)
        #expect(d.severity == .error, sourceLocation: sourceLocation)
        #expect(d.location.file == "test.yaml", sourceLocation: sourceLocation)
        return d
    }

    static let utf8Hint = "save the register as UTF-8; if it is not a register, leave it out of the paths given"

    // MARK: Encoding

    @Test("a broken two-byte sequence (C3 28) is reported where the broken character starts")
    func invalidTrailingOctet() throws {
        // Line 3 is `  title: ab<C3>(cd`: the broken character is the 12th on the line.
        let bytes = Array("riskreg: 1\nregister:\n  title: ab".utf8) + [0xC3, 0x28] + Array("cd\n".utf8)
        let d = try single(load(bytes: bytes))
        #expect(d.rule == .yamlEncoding)
        #expect(d.message == "the file is not valid UTF-8 text (invalid trailing UTF-8 octet)")
        #expect(d.hint == Self.utf8Hint)
        #expect(d.location.line == 3)
        #expect(d.location.column == 12)
    }

    @Test("an invalid leading byte is reported at its line and column")
    func invalidLeadingOctet() throws {
        let bytes = Array("riskreg: 1\nregister:\n  title: ab".utf8) + [0xFF] + Array("cd\n".utf8)
        let d = try single(load(bytes: bytes))
        #expect(summary(d) == "3:12 error yaml-encoding the file is not valid UTF-8 text (invalid leading UTF-8 octet)")
        #expect(d.hint == Self.utf8Hint)
    }

    @Test("columns before an encoding error count characters, not bytes, and CRLF ends a line")
    func encodingColumnAfterMultibyte() throws {
        // `  title: éé` then a lone 0xFF: é is two bytes but one column.
        let bytes = Array("riskreg: 1\r\nregister:\r\n  title: éé".utf8) + [0xFF] + Array("\r\n".utf8)
        let d = try single(load(bytes: bytes))
        #expect(summary(d) == "3:12 error yaml-encoding the file is not valid UTF-8 text (invalid leading UTF-8 octet)")
    }

    @Test("a sequence cut off by the end of the file")
    func incompleteSequenceAtEnd() throws {
        let bytes = Array("riskreg: 1\nregister:\n  title: é".utf8) + [0xC3]
        let d = try single(load(bytes: bytes))
        #expect(summary(d) == "3:11 error yaml-encoding the file is not valid UTF-8 text (incomplete UTF-8 octet sequence)")
    }

    @Test("a UTF-16 file with a byte order mark is refused as not UTF-8", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let text = Minimal.register()
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        let loaded = load(bytes: bytes)
        let d = try single(loaded)
        #expect(summary(d) == "1:1 error yaml-encoding the file is UTF-16 text, not UTF-8")
        #expect(d.hint == "save the register as UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)")
    }

    @Test("a UTF-32 file with a byte order mark is named as UTF-32, not UTF-16", arguments: [false, true])
    func utf32(bigEndian: Bool) throws {
        var bytes: [UInt8] = bigEndian ? [0x00, 0x00, 0xFE, 0xFF] : [0xFF, 0xFE, 0x00, 0x00]
        for scalar in Minimal.register().unicodeScalars {
            let v = scalar.value
            let quad = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
            bytes += bigEndian ? quad.reversed() : quad
        }
        let d = try single(load(bytes: bytes))
        #expect(summary(d) == "1:1 error yaml-encoding the file is UTF-32 text, not UTF-8")
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test("a UTF-8 byte order mark before a comment line is accepted")
    func utf8BOMBeforeComment() {
        let loaded = load(bytes: Self.bom + Array(("# A register saved with a BOM\n" + Minimal.register()).utf8))
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.register != nil)
    }

    @Test("a UTF-8 byte order mark before `riskreg: 1` is accepted")
    func utf8BOM() {
        let loaded = load(bytes: Self.bom + Array(Minimal.register().utf8))
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.register != nil)
    }

    @Test("a UTF-8 byte order mark does not shift the column of an encoding error on line 1")
    func utf8BOMColumns() throws {
        let d = try single(load(bytes: Self.bom + Array("a: ".utf8) + [0xFF] + Array("\n".utf8)))
        #expect(d.rule == .yamlEncoding)
        #expect(d.location.line == 1 && d.location.column == 4)
    }

    @Test("a NUL byte is a control character, reported where it is")
    func nulByte() throws {
        let d = try single(load(bytes: Array("riskreg: 1\n".utf8) + [0, 1, 2]))
        #expect(summary(d) == "2:1 error yaml-encoding the file contains a character that YAML does not allow (control characters are not allowed)")
        #expect(d.hint == "remove control characters; a register is plain UTF-8 text")
    }

    /// SplitMix64: a fixed, portable stream of pseudo-random bytes.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomBytes(seed: UInt64, count: Int) -> [UInt8] {
        var generator = SplitMix64(state: seed)
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    @Test("random binary data is one YAML-level error", arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func randomBinary(seed: UInt64) throws {
        let bytes = Self.randomBytes(seed: seed, count: 64 * 1024)
        let loaded = load(bytes: bytes)
        let d = try single(loaded)
        #expect([.yamlEncoding, .yamlSyntax].contains(d.rule), "\(summary(d))")
        #expect(d.location.line >= 1 && d.location.column >= 1)
        #expect(loaded.sourceLine(d.location.line) == nil, "binary data is not a register, so no line of it is quoted")
    }

    @Test("random data full of NUL bytes, as from /dev/urandom, is one encoding error")
    func urandomLike() throws {
        var bytes = Self.randomBytes(seed: 7, count: 4096)
        for i in stride(from: 0, to: bytes.count, by: 17) { bytes[i] = 0 }
        let d = try single(load(bytes: bytes))
        // The first byte is NUL: refused there.
        #expect(summary(d) == "1:1 error yaml-encoding the file contains a character that YAML does not allow (control characters are not allowed)")
    }

    @Test("printable text with a NUL in the middle of a valid register")
    func nulInRegister() throws {
        let text = Minimal.register().replacingOccurrences(of: "title: Test register", with: "title: Test\u{0}register")
        let d = try single(load(text))
        #expect(summary(d) == "4:14 error yaml-encoding the file contains a character that YAML does not allow (control characters are not allowed)")
    }

    // MARK: Empty and odd roots

    @Test("a document marker with nothing after it, and no final line break, points inside the file")
    func bareDocumentMarker() throws {
        let loaded = load(bytes: Array("---".utf8))
        let d = try single(loaded)
        #expect(summary(d) == "1:4 error yaml-empty the register is empty")
        #expect(loaded.sourceLine(d.location.line) == nil, "a file without `riskreg:` is not quoted")
    }

    static let emptyHint = "a register starts with `riskreg: 1`; docs/register-format.md shows a minimal one"

    @Test("an empty file, a comments-only file, blank lines and a null document are yaml-empty",
          arguments: [
            ("", "1:1"), ("# only a comment\n# and another\n", "1:1"), ("\n\n   \n", "1:1"),
            ("# comment\nnull\n", "2:1"), ("~\n", "1:1"),
          ])
    func empty(text: String, position: String) throws {
        let d = try single(load(text))
        #expect(summary(d) == "\(position) error yaml-empty the register is empty")
        #expect(d.hint == Self.emptyHint)
    }

    @Test("a scalar root is not a register")
    func scalarRoot() throws {
        let d = try single(load("just some text\n"))
        // The value is not repeated: a file reached by mistake may hold anything.
        #expect(summary(d) == "1:1 error format-version this file is not a riskreg register: it holds a single value, not a mapping of sections")
        #expect(d.hint == "a register starts with `riskreg: 1`, then `register:`, `outcomes:` and `risks:`")
    }

    @Test("a list root is not a register")
    func listRoot() throws {
        let d = try single(load("# a list\n- riskreg: 1\n- register: {}\n"))
        #expect(summary(d) == "2:1 error format-version this file is not a riskreg register: it holds a list, not a mapping of sections")
    }

    @Test("a second document is refused at its `---`")
    func twoDocuments() throws {
        let d = try single(load("---\nriskreg: 1\n---\nriskreg: 1\n"))
        #expect(summary(d) == "3:1 error yaml-multiple-documents the file holds more than one YAML document")
        #expect(d.hint == "keep one register per file: move this document to a file of its own")
    }

    // MARK: Limits

    @Test("a nine-level billion-laughs bomb is refused at the alias that tips the budget")
    func billionLaughs() throws {
        var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        // Nodes so far: the root, a and its 10, b and its 1 + 9 × 10, c and its 1 + 9 × 91, d and its
        // list, then d's first `*c` (820): 1747 in all, 1729 aliased (98.97 %). The second `*c`
        // (line 4, column 12) makes 2567 with 2549 aliased: 99.3 %, over the 99 % allowed.
        let d = try single(load(text))
        #expect(summary(d) == "4:12 error yaml-alias-budget aliases expand to too many nodes (2567 in all)")
        #expect(d.hint == "aliases are for shared defaults; repeat fewer of them, or write the values out")
    }

    static let deepMessage = "error yaml-too-deep lists and mappings are nested more than 64 deep"

    @Test("1,000,000 nested `[` are refused at the 65th")
    func deepFlow() throws {
        let d = try single(load(String(repeating: "[", count: 1_000_000)))
        #expect(summary(d) == "1:65 \(Self.deepMessage)")
        #expect(d.hint == "a register needs far less nesting; check for a runaway indentation or bracket")
    }

    @Test("1,000,000 nested `{a: ` are refused at the 65th")
    func deepFlowMappings() throws {
        let d = try single(load(String(repeating: "{a: ", count: 1_000_000)))
        #expect(summary(d) == "1:\(64 * 4 + 1) \(Self.deepMessage)")
    }

    @Test("1,000,000 nested block lists (`- - - ...`) are refused at the 65th")
    func deepBlockSequences() throws {
        let d = try single(load(String(repeating: "- ", count: 1_000_000) + "x\n"))
        #expect(summary(d) == "1:129 \(Self.deepMessage)")
    }

    @Test("2,000 nested block mappings are refused at the 65th")
    func deepBlockMappings() throws {
        // Line n holds `a:` indented n - 1 spaces, so the 65th mapping starts at 65:65. (A million
        // levels would need half a terabyte of indentation; the size limit refuses that first.)
        var text = ""
        for depth in 0..<2_000 { text += String(repeating: " ", count: depth) + "a:\n" }
        let d = try single(load(text))
        #expect(summary(d) == "65:65 \(Self.deepMessage)")
    }

    @Test("a 10 MiB file is refused at 1:1 before it is parsed")
    func tooLarge() throws {
        let bytes = Array("riskreg: 1\n".utf8) + [UInt8](repeating: UInt8(ascii: "#"), count: 10 << 20)
        let d = try single(load(bytes: bytes))
        #expect(summary(d) == "1:1 error yaml-too-large the file is 10485771 bytes, over the limit of 8.0 MiB (8388608 bytes)")
        #expect(d.hint == "split the register into several files, or check that this is the file you meant")
    }

    @Test("a file of exactly 8 MiB is not too large")
    func justUnderTheLimit() throws {
        var bytes = Array("# ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: (8 << 20) - 3)
        bytes.append(UInt8(ascii: "\n"))
        #expect(bytes.count == 8 << 20)
        let d = try single(load(bytes: bytes))
        #expect(d.rule == .yamlEmpty)
    }
}
