import Foundation
import Testing
import _TestSupport
@testable import TextLayer

@Suite("The phrasebook: one catalogue per language, the same keys in each")
struct PhrasebookTests {
    static let catalogueFolder = TestSupport.path("Sources/TextLayer/Catalogues")

    static func shippedCatalogues() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: catalogueFolder).filter { $0.hasSuffix(".json") }
        return try Dictionary(uniqueKeysWithValues: names.map {
            ($0, try String(contentsOfFile: catalogueFolder + "/" + $0, encoding: .utf8))
        })
    }

    @Test func builtInCataloguesAreTheShippedFiles() throws {
        let shipped = try Self.shippedCatalogues()
        #expect(shipped.keys.sorted() == BuiltInCatalogues.files.keys.sorted(), "run scripts/embed-resources")
        for (name, text) in shipped {
            #expect(BuiltInCatalogues.files[name] == text, "\(name) differs from the built-in copy: run scripts/embed-resources")
        }
        #expect(Phrasebook.languages.contains("en"))
    }

    /// Adding a language is adding one file: it must hold every key every other catalogue has,
    /// with the same arguments.
    @Test func everyCatalogueHasEveryKeyWithTheSameArguments() throws {
        let books = try Self.shippedCatalogues().map { name, text in
            try Phrasebook(language: String(name.dropLast(".json".count)), json: text)
        }
        #expect(!books.isEmpty)
        for a in books {
            #expect(!a.phrases.isEmpty)
            for b in books where a.language < b.language {
                let differences = Phrasebook.differences(a, b)
                #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
            }
        }
    }

    @Test func differencesFindMissingKeysAndArguments() throws {
        let en = try Phrasebook(language: "en", json: #"{"a": "one {x}", "b": "two", "c": "{n} in {m}"}"#)
        let nl = try Phrasebook(language: "nl", json: #"{"a": "een {x}", "c": "{n} op {k}"}"#)
        let found = Phrasebook.differences(en, nl)
        #expect(found.count == 2)
        #expect(found.contains { $0.contains("nl lacks b") })
        #expect(found.contains { $0.hasPrefix("c takes") })
        #expect(Phrasebook.differences(en, en).isEmpty)
    }

    @Test func phrasesFillNamedArgumentsInAnyOrder() throws {
        let nl = try Phrasebook(language: "nl", json: #"{"k": "{b} na {a}", "n.one": "{count} risico", "n.other": "{count} risico's"}"#)
        #expect(nl("k", ["a": "1", "b": "2"]) == "2 na 1")
        #expect(nl.plural("n", count: 1) == "1 risico")
        #expect(nl.plural("n", count: 3) == "3 risico's")
        #expect(nl("missing") == "⟦missing⟧")
        #expect(nl("k", ["a": "{b}"]) == "{b} na {b}", "an argument's value is not filled again")
        #expect(throws: Phrasebook.CatalogueError.self) { try Phrasebook(language: "x", json: "[1, 2]") }
    }

    /// Every key the renderers name is in the English catalogue (and so, by the test above, in
    /// every catalogue). A key built from a prefix (`"table.column." + name`) needs some key
    /// with that prefix.
    @Test func everyKeyTheCodeUsesExists() throws {
        let english = Phrasebook.english
        var used = 0
        for file in SourceScan.rendererFiles {
            for literal in try SourceScan.stringLiterals(in: file) where SourceScan.looksLikeKey(literal) {
                used += 1
                if literal.hasSuffix(".") {
                    #expect(english.phrases.keys.contains { $0.hasPrefix(literal) }, "\(file): no key starts with \(literal)")
                } else {
                    let exists = english.phrases[literal] != nil
                        || (english.phrases[literal + ".one"] != nil && english.phrases[literal + ".other"] != nil)
                    #expect(exists, "\(file): \(literal) is not in the English catalogue")
                }
            }
        }
        #expect(used > 100)
    }
}

@Suite("Every phrase in the catalogue is used")
struct UnusedPhraseTests {
    /// Every Swift file under Sources/ but the generated copies of the catalogues and templates.
    static func sourceFiles() throws -> [String] {
        let root = TestSupport.path("Sources")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".swift") && !$0.hasSuffix("BuiltInCatalogues.swift") && !$0.hasSuffix("BuiltInTemplates.swift") }
            .sorted().map { "Sources/" + $0 }
    }

    /// How code names a key: whole (`"report.since.better"`), as a plural's base
    /// (`"report.confidential-note"` for `.one` and `.other`), as a prefix it adds to
    /// (`"table.column." + name`, or a key followed by `+ ".gain"`), or with interpolations
    /// (`"report.outcome.\(family).\(way)"`, read as `report.outcome.{}.{}`, each `{}` one or
    /// more key segments). Templates name `template.` keys as `phrases.NAME`.
    static func usedKeys(_ keys: [String]) throws -> Set<String> {
        var literals: [String] = []
        for file in try sourceFiles() {
            literals += try SourceScan.stringLiterals(in: file).filter {
                $0.range(of: #"^[a-z0-9-]+(\.([A-Za-z0-9-]+|\{\}))*\.?$"#, options: .regularExpression) != nil && $0.contains(".")
            }
        }
        var used = Set<String>()
        let patterns = try literals.filter { $0.contains("{}") }.map { literal in
            try NSRegularExpression(pattern: "^" + NSRegularExpression.escapedPattern(for: literal)
                .replacingOccurrences(of: "\\{\\}", with: "[a-z0-9-]+(\\.[a-z0-9-]+)*") + "(\\.(one|other))?$")
        }
        let plain = Set(literals.filter { !$0.contains("{}") })
        for key in keys {
            let base = key.hasSuffix(".one") || key.hasSuffix(".other") ? String(key[..<key.lastIndex(of: ".")!]) : key
            if plain.contains(key) || plain.contains(base) { used.insert(key); continue }
            // A literal that is the key's start, up to a dot: a prefix the code adds to.
            var prefix = key
            while let dot = prefix.lastIndex(of: ".") {
                prefix = String(prefix[..<dot])
                if plain.contains(prefix + ".") || plain.contains(prefix) && prefix.contains(".") { used.insert(key); break }
            }
            if used.contains(key) { continue }
            if patterns.contains(where: { $0.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) != nil }) { used.insert(key) }
        }
        let pattern = try NSRegularExpression(pattern: #"\{\{\{?\s*[#^/]?phrases\.([A-Za-z0-9_-]+)"#)
        for name in TemplatePhraseTests.templates {
            let text = try TemplatePhraseTests.text(name)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert("template." + (text as NSString).substring(with: match.range(at: 1)))
            }
        }
        return used
    }

    /// A phrase no template or code uses is a sentence nobody reads, yet every translation must
    /// carry it — and it hides the phrase actually in use when someone edits the wrong one.
    @Test func everyEnglishKeyIsUsedByCodeOrATemplate() throws {
        let keys = Phrasebook.english.phrases.keys.sorted()
        let used = try Self.usedKeys(keys)
        let unused = keys.filter { !used.contains($0) }
        #expect(unused.isEmpty, "used by no template or code: \(unused.joined(separator: ", "))")
    }

    /// The scan itself: a key built with a prefix, a plural base, interpolations or a suffix
    /// counts as used; one named nowhere does not.
    @Test func theScanSeesKeysBuiltInEveryWay() throws {
        let keys = ["table.column.mean", "report.confidential-note.named.one", "report.outcome.gain.more",
                    "report.figure.p90.gain", "template.contents", "diff.response.deliveredBy", "report.nowhere.at-all"]
        let used = try Self.usedKeys(keys).intersection(keys)
        #expect(used == ["diff.response.deliveredBy", "table.column.mean", "report.confidential-note.named.one", "report.outcome.gain.more",
                         "report.figure.p90.gain", "template.contents"])
    }

    /// A catalogue holds each key once: JSON keeps only one of two equal keys, silently.
    @Test func noCatalogueRepeatsAKey() throws {
        for (name, text) in try PhrasebookTests.shippedCatalogues() {
            let keys = text.split(separator: "\n").compactMap { line -> Substring? in
                let t = line.drop { $0 == " " }
                guard t.hasPrefix("\""), let end = t.dropFirst().firstIndex(of: "\"") else { return nil }
                return t[t.index(after: t.startIndex)..<end]
            }
            let repeated = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(name) repeats \(repeated)")
        }
    }
}

@Suite("Templates word everything through the phrasebook")
struct TemplatePhraseTests {
    static let templates: [String] = {
        let folder = TestSupport.path("Templates")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
    }()

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: TestSupport.path("Templates/" + name), encoding: .utf8)
    }

    @Test func everyPhraseATemplateNamesExists() throws {
        #expect(Self.templates.count >= 4)
        var named = 0
        for name in Self.templates {
            let text = try Self.text(name)
            let pattern = try NSRegularExpression(pattern: #"\{\{\{?\s*phrases\.([A-Za-z0-9_-]+)"#)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = "template." + (text as NSString).substring(with: match.range(at: 1))
                named += 1
                #expect(Phrasebook.english.phrases[key] != nil, "\(name): \(key) is not in the English catalogue")
            }
        }
        #expect(named > 100)
    }

    /// What is left of a template after its tags (Mustache and HTML) are taken out holds no
    /// English phrase: the words are all in the catalogue.
    @Test(arguments: templates)
    func templatesHoldNoEnglishProse(_ name: String) throws {
        let text = try Self.text(name)
        let bare = text.replacingOccurrences(of: #"\{\{\{.*?\}\}\}|\{\{.*?\}\}|<[^>]*>"#, with: "\u{1}", options: .regularExpression)
        let prose = bare.components(separatedBy: CharacterSet(charactersIn: "\u{1}\n|")).filter(SourceScan.looksLikeProse)
        #expect(prose.isEmpty, "\(name) writes words outside the phrasebook: \(prose)")
    }
}
