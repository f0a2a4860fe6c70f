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
