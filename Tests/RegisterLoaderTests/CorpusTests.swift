import Foundation
import RegisterLoader
import RegisterModel
import Testing

/// One file of `Tests/Corpus`: a small register that is valid but for one thing, with the
/// diagnostics it must produce written at its top:
///
///     # expect: 14:9 error unknown-field unknown field `benfit` in an estimate
///     # hint: did you mean `benefit`?
///
/// A `# hint:` line belongs to the `# expect:` above it: its text is the exact hint, `none` means
/// no hint. Without one the hint must merely be non-empty. `# known-issue: ...` marks a file whose
/// expectations describe the correct behaviour of a bug not fixed yet.
struct CorpusFile: Sendable {
    struct Expectation: Sendable {
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
        /// nil: not stated (must be non-empty); .some(nil): no hint; .some(text): exactly this.
        var hint: String??

        var summary: String { "\(line):\(column) \(severity) \(rule) \(message)" }
    }

    let name: String
    let path: String
    var expectations: [Expectation] = []
    var knownIssue: String?
    var malformed: [String] = []

    init(name: String) throws {
        self.name = name
        path = corpusFolder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("#") else { break }
            if let rest = line.dropPrefix("# expect: ") {
                let words = rest.split(separator: " ", maxSplits: 3).map(String.init)
                let position = words.first?.split(separator: ":").compactMap { Int($0) } ?? []
                guard words.count == 4, position.count == 2, ["error", "warning"].contains(words[1]) else {
                    malformed.append(line)
                    continue
                }
                expectations.append(Expectation(
                    line: position[0], column: position[1], severity: words[1], rule: words[2], message: words[3]))
            } else if let rest = line.dropPrefix("# hint: ") {
                guard !expectations.isEmpty, expectations[expectations.count - 1].hint == nil else {
                    malformed.append(line)
                    continue
                }
                expectations[expectations.count - 1].hint = .some(rest == "none" ? nil : rest)
            } else if let rest = line.dropPrefix("# known-issue: ") {
                knownIssue = rest
            }
        }
    }

    /// The corpus files' names, sorted.
    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}

@Suite("Corpus of broken registers")
struct CorpusTests {
    @Test("each corpus file gives exactly the diagnostics it expects", arguments: CorpusFile.names)
    func corpusFile(_ name: String) throws {
        let file = try CorpusFile(name: name)
        #expect(file.malformed.isEmpty, "malformed expectation lines in \(name)")
        #expect(!file.expectations.isEmpty, "\(name) states no expectation")
        let loaded = RegisterFile.read(path: file.path, asOf: fixedAsOf)

        let check = {
            #expect(loaded.diagnostics.map(summary) == file.expectations.map(\.summary), "\(name)")
            for (diagnostic, expected) in zip(loaded.diagnostics, file.expectations) {
                #expect(diagnostic.location.file == file.path)
                switch expected.hint {
                case .none:
                    #expect(!(diagnostic.hint ?? "").isEmpty, "\(name): \(expected.rule) should have a hint")
                case .some(let hint):
                    #expect(diagnostic.hint == hint, "\(name): hint of \(expected.rule)")
                }
            }
            // A register comes back exactly when nothing is an error.
            let hasError = file.expectations.contains { $0.severity == "error" }
            #expect((loaded.register == nil) == hasError, "\(name): register present iff no error")
        }
        if let issue = file.knownIssue {
            withKnownIssue(Comment(rawValue: issue)) { check() }
        } else {
            check()
        }
    }

    @Test("the corpus is not empty and its files are named after their first rule")
    func corpusNames() throws {
        #expect(CorpusFile.names.count >= 45)
        for name in CorpusFile.names {
            let file = try CorpusFile(name: name)
            let stem = String(name.dropLast(".yaml".count))
            #expect(file.expectations.contains { stem == $0.rule || stem.hasPrefix($0.rule + "-") },
                    "\(name) should be named after a rule it expects")
        }
    }

    /// Rules no committed file can show, and the test that covers each instead.
    static let coveredElsewhere: [Diagnostic.Rule: String] = [
        .yamlEncoding: "HostileInputTests (invalid UTF-8, UTF-16, control characters are generated in-test)",
        .yamlTooLarge: "HostileInputTests (a 10 MiB file is generated in-test)",
        .fileUnreadable: "CorpusTests.missingFile",
        // Rules of `riskreg import`, about a spreadsheet rather than a register: each is tested at
        // its row and column in SpreadsheetImportTests (SpreadsheetsTests).
        .importCSV: "SpreadsheetImportTests.notCSV",
        .importEmpty: "SpreadsheetImportTests.empty",
        .importMissingColumn: "SpreadsheetImportTests.missingColumns",
        .importUnknownColumn: "SpreadsheetImportTests.missingColumns",
        .importUnmappedColumn: "SpreadsheetImportTests.unmappedColumns",
        .importMissingValue: "SpreadsheetImportTests.missingValues",
        .importBadScore: "SpreadsheetImportTests.badScores",
        .importDuplicateRef: "SpreadsheetImportTests.duplicateRefs",
        .importBadDate: "SpreadsheetImportTests.badDateAndUnmappedValue",
        .importUnmappedValue: "SpreadsheetImportTests.badDateAndUnmappedValue",
        .importInvalidResult: "SpreadsheetImportTests.awkwardText (a fault check: every test's import must validate)",
    ]

    @Test("every rule has a corpus file, and every corpus file names known rules")
    func everyRuleHasACorpusFile() throws {
        var inCorpus: Set<String> = []
        for name in CorpusFile.names {
            inCorpus.formUnion(try CorpusFile(name: name).expectations.map(\.rule))
        }
        let rules = Set(Diagnostic.Rule.allCases.map(\.rawValue))
        let exempt = Set(Self.coveredElsewhere.keys.map(\.rawValue))
        let missing = rules.subtracting(inCorpus).subtracting(exempt)
        #expect(missing.isEmpty, "rules without a corpus file: \(missing.sorted())")
        let unknown = inCorpus.subtracting(rules)
        #expect(unknown.isEmpty, "corpus expects rules that do not exist: \(unknown.sorted())")
        let both = exempt.intersection(inCorpus)
        #expect(both.isEmpty, "exemptions for rules the corpus shows after all: \(both.sorted())")
    }

    @Test("a path that does not exist is file-unreadable at 1:1")
    func missingFile() throws {
        let path = corpusFolder.appendingPathComponent("no-such-register.yaml").path
        let loaded = RegisterFile.read(path: path, asOf: fixedAsOf)
        #expect(loaded.register == nil)
        #expect(loaded.diagnostics.count == 1)
        let d = try #require(loaded.diagnostics.first)
        #expect(d.rule == .fileUnreadable)
        #expect(d.severity == .error)
        #expect(d.location == .whole(path))
        #expect(d.message == "\(path) does not exist")
        #expect(d.hint == "check the path")
    }
}

@Suite("Example registers")
struct ExampleRegisterTests {
    static let files: [String] = {
        let folder = repositoryRoot.appendingPathComponent("Registers")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("there are example registers")
    func examplesExist() {
        #expect(Self.files.count >= 3)
    }

    @Test("each example register loads with no diagnostics at all", arguments: Self.files)
    func example(_ name: String) throws {
        let path = repositoryRoot.appendingPathComponent("Registers/\(name)").path
        let loaded = RegisterFile.read(path: path, asOf: fixedAsOf)
        #expect(loaded.diagnostics.map(summary) == [])
        let register = try #require(loaded.register)
        #expect(!register.risks.isEmpty)
        #expect(!register.outcomes.isEmpty)
        #expect(loaded.sourceLine(1) != nil)
    }
}
