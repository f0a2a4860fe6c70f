import Testing
@testable import YAMLNodes

func compose(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLDocument {
    YAMLComposer.compose(Array(text.utf8), limits: limits)
}

/// A problem as one comparable line: `line:col rule message`.
func summary(_ p: YAMLProblem) -> String { "\(p.mark) \(p.rule) \(p.message)" }

extension YAMLNode {
    /// The value of the first entry whose key is the text `key`.
    subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.value == key }?.value
    }

    /// The entry whose key is `key`.
    func entry(_ key: String) -> YAMLNode.Entry? {
        mapping?.first { $0.key.scalar?.value == key }
    }

    subscript(index: Int) -> YAMLNode? {
        guard let items = sequence, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var text: String? { scalar?.value }
}

@Suite("Composer: positions")
struct ComposerPositionTests {
    @Test("keys, values and nested collections carry their 1-based line and column")
    func blockPositions() throws {
        let document = compose("a: 1\nb:\n  c: x\n  d: [1, {e: f}]\n")
        #expect(document.problems.isEmpty)
        let root = try #require(document.root)
        #expect(root.mark == YAMLMark(line: 1, column: 1))
        #expect(root.entry("a")?.key.mark == YAMLMark(line: 1, column: 1))
        #expect(root["a"]?.mark == YAMLMark(line: 1, column: 4))
        let b = try #require(root["b"])
        #expect(b.mark == YAMLMark(line: 3, column: 3))
        #expect(b.entry("c")?.key.mark == YAMLMark(line: 3, column: 3))
        #expect(b["c"]?.mark == YAMLMark(line: 3, column: 6))
        let d = try #require(b["d"])
        #expect(d.mark == YAMLMark(line: 4, column: 6))
        #expect(d[0]?.mark == YAMLMark(line: 4, column: 7))
        let inner = try #require(d[1])
        #expect(inner.mark == YAMLMark(line: 4, column: 10))
        #expect(inner.entry("e")?.key.mark == YAMLMark(line: 4, column: 11))
        #expect(inner["e"]?.mark == YAMLMark(line: 4, column: 14))
    }

    @Test("block list items and the mappings inside them")
    func sequencePositions() throws {
        let root = try #require(compose("- x\n- y: 1\n  z: 2\n-\n  - deep\n").root)
        #expect(root.mark == YAMLMark(line: 1, column: 1))
        #expect(root[0]?.mark == YAMLMark(line: 1, column: 3))
        #expect(root[1]?.mark == YAMLMark(line: 2, column: 3))
        #expect(root[1]?.entry("z")?.key.mark == YAMLMark(line: 3, column: 3))
        #expect(root[2]?.mark == YAMLMark(line: 5, column: 3))
        #expect(root[2]?[0]?.mark == YAMLMark(line: 5, column: 5))
    }

    @Test("columns count characters, not bytes", arguments: [
        // (text, key whose value is checked, expected column of the value)
        ("é: x\n", "é", 4),
        ("名前: 値\n", "名前", 5),
        ("😀😀: x\n", "😀😀", 5),
        ("e\u{301}x: 1\n", "e\u{301}x", 6),
        ("k: {a: \"ä😀\", b: x}\n", "k", 4),
    ])
    func multibyteColumns(text: String, key: String, column: Int) throws {
        let root = try #require(compose(text).root)
        #expect(root[key]?.mark == YAMLMark(line: 1, column: column))
    }

    @Test("a flow mapping after multi-byte text: each value's column")
    func flowAfterMultibyte() throws {
        let root = try #require(compose("k: {a: \"ä😀\", b: x}\n").root)
        #expect(root["k"]?["a"]?.mark == YAMLMark(line: 1, column: 8))
        #expect(root["k"]?["b"]?.mark == YAMLMark(line: 1, column: 17))
    }

    @Test("an anchored node starts at its anchor")
    func anchorPosition() throws {
        let root = try #require(compose("a: &x 1\nb: &y [1]\n").root)
        #expect(root["a"]?.mark == YAMLMark(line: 1, column: 4))
        #expect(root["b"]?.mark == YAMLMark(line: 2, column: 4))
    }

    @Test("CRLF and lone CR end lines")
    func lineBreaks() throws {
        #expect(compose("a: 1\r\nb: 2\r\n").root?["b"]?.mark == YAMLMark(line: 2, column: 4))
        #expect(compose("a: 1\rb: 2\r").root?["b"]?.mark == YAMLMark(line: 2, column: 4))
    }

    @Test("block scalars keep their text and start at their indicator")
    func blockScalars() throws {
        let root = try #require(compose("a: |\n  one\n  two\nb: >-\n  folded\n  text\n").root)
        #expect(root["a"]?.text == "one\ntwo\n")
        #expect(root["a"]?.scalar?.style == .literal)
        #expect(root["a"]?.mark == YAMLMark(line: 1, column: 4))
        #expect(root["b"]?.text == "folded text")
        #expect(root["b"]?.scalar?.style == .folded)
    }
}

@Suite("Composer: scalars")
struct ComposerScalarTests {
    @Test("scalars are text, with their style; no YAML 1.1 typing")
    func noTyping() throws {
        let root = try #require(compose("a: no\nb: 'yes'\nc: \"1e3\"\nd: 0x10\ne: ~\n").root)
        #expect(root["a"]?.scalar == YAMLScalar("no", style: .plain))
        #expect(root["b"]?.scalar == YAMLScalar("yes", style: .singleQuoted))
        #expect(root["c"]?.scalar == YAMLScalar("1e3", style: .doubleQuoted))
        #expect(root["d"]?.text == "0x10")
        #expect(root["e"]?.isNull == true)
    }

    @Test("null is a plain empty, ~ or null in three spellings", arguments: [
        (YAMLScalar(""), true), (YAMLScalar("~"), true), (YAMLScalar("null"), true), (YAMLScalar("Null"), true),
        (YAMLScalar("NULL"), true), (YAMLScalar("nULL"), false), (YAMLScalar("null", style: .doubleQuoted), false),
        (YAMLScalar("", style: .singleQuoted), false), (YAMLScalar("none"), false),
    ])
    func nulls(scalar: YAMLScalar, isNull: Bool) {
        #expect(scalar.isNull == isNull)
    }

    @Test("kinds in words, and long text abbreviated to one line")
    func descriptions() throws {
        let root = try #require(compose("a: [1]\nb: {c: 1}\nd:\ne: text\n").root)
        #expect(root["a"]?.kindDescription == "a list")
        #expect(root["b"]?.kindDescription == "a mapping")
        #expect(root["d"]?.kindDescription == "an empty value")
        #expect(root["e"]?.kindDescription == "`text`")
        #expect(String(repeating: "x", count: 40).abbreviated == String(repeating: "x", count: 40))
        #expect(String(repeating: "x", count: 41).abbreviated == String(repeating: "x", count: 37) + "...")
        #expect("one\ntwo".abbreviated == "one↵two")
    }

    @Test("expanded size counts every node an alias would repeat")
    func expandedSize() throws {
        let root = try #require(compose("a: &a [1, 2]\nb: [*a, *a]\n").root)
        #expect(root["a"]?.expandedSize == 3)
        #expect(root["b"]?.expandedSize == 7)
        #expect(root.expandedSize == 1 + 1 + 3 + 1 + 7)
    }
}

@Suite("Composer: anchors, aliases and merge keys")
struct ComposerAliasTests {
    @Test("an alias is the very node its anchor names")
    func sharedNodes() throws {
        let document = compose("a: &x {b: 1}\nc: *x\nd: [*x, *x]\n")
        #expect(document.problems.isEmpty)
        let root = try #require(document.root)
        let a = try #require(root["a"])
        #expect(root["c"] === a)
        #expect(root["d"]?[0] === a)
        #expect(root["d"]?[1] === a)
    }

    @Test("an anchor defined again names the later node from then on")
    func redefinedAnchor() throws {
        let root = try #require(compose("a: &x 1\nb: *x\nc: &x 2\nd: *x\n").root)
        #expect(root["b"]?.text == "1")
        #expect(root["d"]?.text == "2")
    }

    @Test("an alias to an anchor not yet defined, or misspelt")
    func unknownAnchor() {
        let document = compose("a: *later\nb: &later 1\n")
        #expect(document.root == nil)
        #expect(document.problems.map(summary) == ["1:4 yaml-unknown-anchor alias `*later` refers to no anchor defined before it"])
        #expect(document.problems.first?.hint == "define `&later` earlier in the file, or check its spelling")
    }

    @Test("an alias inside the collection it names")
    func recursiveAlias() {
        let document = compose("a: &loop\n  b: *loop\n")
        #expect(document.problems.map(summary) == ["2:6 yaml-unknown-anchor alias `*loop` refers to a node that contains it"])
        #expect(document.problems.first?.hint == "an alias cannot repeat the list or mapping it sits in")
    }

    @Test("`<<: *defaults`: explicit keys win wherever they are written, merged entries come after")
    func mergeOne() throws {
        for text in ["d: &d {x: 1, y: 2}\nm:\n  <<: *d\n  x: 9\n", "d: &d {x: 1, y: 2}\nm:\n  x: 9\n  <<: *d\n"] {
            let document = compose(text)
            #expect(document.problems.isEmpty)
            let m = try #require(document.root?["m"]?.mapping)
            #expect(m.map { $0.key.scalar?.value ?? "" } == ["x", "y"])
            #expect(m.map { $0.value.text ?? "" } == ["9", "2"])
            #expect(m.map(\.isMerged) == [false, true])
            // A merged entry keeps the position it was written at.
            #expect(m[1].key.mark == YAMLMark(line: 1, column: 14))
        }
    }

    @Test("`<<: [*a, *b]`: an explicit key wins, then the earlier source")
    func mergeList() throws {
        let text = "a: &a {x: a, y: a}\nb: &b {x: b, y: b, z: b}\nm:\n  <<: [*a, *b]\n  y: own\n"
        let document = compose(text)
        #expect(document.problems.isEmpty)
        let m = try #require(document.root?["m"])
        #expect(m["x"]?.text == "a")
        #expect(m["y"]?.text == "own")
        #expect(m["z"]?.text == "b")
        #expect(m.mapping?.count == 3)
    }

    @Test("two `<<` keys in one mapping: the first wins")
    func twoMergeKeys() throws {
        let document = compose("a: &a {x: a}\nb: &b {x: b, z: b}\nm:\n  <<: *a\n  <<: *b\n")
        #expect(document.problems.isEmpty)
        #expect(document.root?["m"]?["x"]?.text == "a")
        #expect(document.root?["m"]?["z"]?.text == "b")
    }

    @Test("merges nest: a defaults mapping may merge other defaults")
    func nestedMerge() throws {
        let document = compose("base: &base {x: 1, y: 1}\nmore: &more {<<: *base, y: 2}\nm: {<<: *more, z: 3}\n")
        #expect(document.problems.isEmpty)
        let m = try #require(document.root?["m"])
        #expect(m["x"]?.text == "1")
        #expect(m["y"]?.text == "2")
        #expect(m["z"]?.text == "3")
    }

    @Test("a quoted `<<` is an ordinary key")
    func quotedMergeKey() throws {
        let document = compose("d: &d {x: 1}\nm: {'<<': *d}\n")
        #expect(document.problems.isEmpty)
        #expect(document.root?["m"]?.mapping?.first?.key.text == "<<")
        #expect(document.root?["m"]?["x"] == nil)
    }

    @Test("a merge of something that is not a mapping is a problem, and composing goes on")
    func badMerge() throws {
        let document = compose("m:\n  <<: [{x: 1}, two]\n  y: 2\nn: {a: 1, a: 2}\n")
        #expect(document.problems.map(summary) == [
            "2:7 yaml-merge a `<<` merge key needs a mapping or a list of mappings, not a list",
            "4:11 yaml-duplicate-key key `a` appears twice in this mapping (first at line 4)",
        ])
        #expect(document.problems.first?.hint == "write `<<: *defaults` where `&defaults` names a mapping")
        #expect(document.root?["m"]?["y"]?.text == "2")
    }

    @Test("a merge written inline is reported at its value")
    func badInlineMerge() {
        let document = compose("m:\n  <<: 5\n")
        #expect(document.problems.map(summary) == ["2:7 yaml-merge a `<<` merge key needs a mapping or a list of mappings, not `5`"])
    }

    @Test("a bad merge through an alias is reported at the `<<` that uses it")
    func badMergeThroughAlias() {
        let document = compose("x-owner: &owner Service lead\nrisk:\n  <<: *owner\n")
        #expect(document.problems.map(\.rule) == [.merge])
        #expect(document.problems.first?.mark == YAMLMark(line: 3, column: 3))
    }
}

@Suite("Composer: duplicate keys, tags, documents")
struct ComposerProblemTests {
    @Test("a duplicate key is reported at the second, naming the line of the first; the first is kept")
    func duplicateKey() throws {
        let document = compose("a: 1\nb: 2\na: 3\n")
        #expect(document.problems.map(summary) == ["3:1 yaml-duplicate-key key `a` appears twice in this mapping (first at line 1)"])
        #expect(document.problems.first?.hint == "remove one of them, or merge their contents")
        #expect(document.root?["a"]?.text == "1")
        #expect(document.root?.mapping?.count == 2)
    }

    @Test("every duplicate is reported, nested ones too, with long keys abbreviated")
    func manyDuplicates() {
        let long = String(repeating: "k", count: 50)
        let document = compose("a: 1\na: 2\nb:\n  c: 1\n  \(long): 1\n  \(long): 2\na: 3\n")
        #expect(document.problems.map(summary) == [
            "2:1 yaml-duplicate-key key `a` appears twice in this mapping (first at line 1)",
            "6:3 yaml-duplicate-key key `\(String(repeating: "k", count: 37))...` appears twice in this mapping (first at line 5)",
            "7:1 yaml-duplicate-key key `a` appears twice in this mapping (first at line 1)",
        ])
    }

    @Test("the same key in two mappings is no duplicate, nor is a key that a merge also brings")
    func notDuplicates() {
        #expect(compose("a: {x: 1}\nb: {x: 2}\n").problems.isEmpty)
        #expect(compose("d: &d {x: 1}\nm: {<<: *d, x: 2}\n").problems.isEmpty)
    }

    @Test("the core schema's tags are harmless; others are reported and the value kept")
    func tags() throws {
        #expect(compose("a: !!str 5\nb: !!map {c: 1}\nc: ! x\n").problems.isEmpty)
        let document = compose("a: !secret text\nb: !set {c: 1}\n")
        #expect(document.problems.map(summary) == [
            "1:4 yaml-tag unsupported YAML tag `!secret`",
            "2:4 yaml-tag unsupported YAML tag `!set`",
        ])
        #expect(document.root?["a"]?.text == "text")
        #expect(document.root?["b"]?["c"]?.text == "1")
    }

    @Test("one document with explicit markers is fine; a second is refused at its start")
    func documents() {
        #expect(compose("---\na: 1\n...\n").problems.isEmpty)
        let document = compose("a: 1\n---\nb: 2\n")
        #expect(document.root == nil)
        #expect(document.problems.map(summary) == ["2:1 yaml-multiple-documents the file holds more than one YAML document"])
    }

    @Test("nothing but comments or a null is an empty register", arguments: [("", "1:1"), ("# c\n", "1:1"), ("\n\nnull\n", "3:1"), ("---\n", "2:1")])
    func empty(text: String, mark: String) {
        let document = compose(text)
        #expect(document.root == nil)
        #expect(document.problems.map(summary) == ["\(mark) yaml-empty the register is empty"])
    }

    @Test("a syntax error stops composing and keeps libyaml's words")
    func syntax() {
        let document = compose("a: b: c\n")
        #expect(document.root == nil)
        #expect(document.problems.map(summary) == ["1:5 yaml-syntax mapping values are not allowed in this context"])
    }
}

@Suite("Composer: limits")
struct ComposerLimitTests {
    @Test("the default limits")
    func defaults() {
        let limits = YAMLLimits()
        #expect(limits.maxBytes == 8 * 1024 * 1024)
        #expect(limits.maxDepth == 64)
        #expect(limits.maxExpandedNodes == 4_000_000)
    }

    @Test("nesting up to the limit is fine; one more is refused at the collection that exceeds it")
    func depth() {
        let limits = YAMLLimits(maxDepth: 3)
        #expect(compose("a: [[1]]\n", limits: limits).problems.isEmpty)
        let document = compose("a: [[[1]]]\n", limits: limits)
        #expect(document.root == nil)
        #expect(document.problems.map(summary) == ["1:6 yaml-too-deep lists and mappings are nested more than 3 deep"])
        #expect(compose(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).problems.isEmpty)
        #expect(compose(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).problems.map(summary)
                == ["1:65 yaml-too-deep lists and mappings are nested more than 64 deep"])
    }

    @Test("a file over the byte limit is refused at 1:1 without parsing; at the limit it is read")
    func bytes() {
        let limits = YAMLLimits(maxBytes: 2 << 20)
        let over = compose("a: " + String(repeating: "x", count: 3 << 20), limits: limits)
        #expect(over.root == nil)
        #expect(over.problems.map(summary) == ["1:1 yaml-too-large the file is 3145731 bytes, over the limit of 2.0 MiB (2097152 bytes)"])
        #expect(over.problems.first?.hint == "split the register into several files, or check that this is the file you meant")
        let at = compose("a: " + String(repeating: "x", count: (2 << 20) - 3), limits: limits)
        #expect(at.problems.isEmpty)
    }

    @Test("too many nodes, even without aliases")
    func nodeCount() {
        let document = compose("[1, 2, 3, 4, 5]", limits: YAMLLimits(maxExpandedNodes: 5))
        #expect(document.problems.map(summary) == ["1:14 yaml-too-large the document has more than 5 nodes"])
    }

    @Test("aliases past the node limit are refused at the alias")
    func aliasNodeLimit() {
        let document = compose("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: *a\nc: *a\n", limits: YAMLLimits(maxExpandedNodes: 20))
        #expect(document.problems.map(summary) == ["2:4 yaml-alias-budget aliases expand to too many nodes (23 in all)"])
    }

    @Test("many small shared defaults are not an alias bomb")
    func legitimateAliases() {
        var text = "x: &d {perspective: officers, as-of: 2026-10-06}\nitems:\n"
        for n in 0..<2_000 { text += "  - {<<: *d, likelihood: \(n)%, impact: \(n)}\n" }
        let document = compose(text)
        #expect(document.problems.isEmpty)
        #expect(document.root?["items"]?.sequence?.count == 2_000)
    }

    @Test("aliases of aliases are refused once nearly everything comes through them")
    func aliasRatio() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let document = compose(text)
        #expect(document.root == nil)
        #expect(document.problems.map(summary) == ["4:12 yaml-alias-budget aliases expand to too many nodes (2567 in all)"])
    }
}
