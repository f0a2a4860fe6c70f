import Foundation
import Testing
import _TestSupport

@Suite("riskreg validate, through the real binary")
struct ValidateCommandTests {
    @Test func examplesAreValidAndExitZero() throws {
        let result = try TestSupport.riskreg(["validate", "--strict", "--as-of", "2026-11-30", "Registers/"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty, "nothing but results on stdout")
        #expect(result.stderr.contains("3 files checked as of 2026-11-30: 0 errors, 0 warnings"))
    }

    @Test func defaultPathIsRegistersFolder() throws {
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("3 files checked"))
    }

    @Test func problemsArePrintedWithLineCaretAndHintAndExitOne() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try Self.register(strategy: "redution").write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", file.path])
        #expect(result.status == 1)
        let expected = """
            \(file.path):17:15: error: [invalid-value] `redution` is not a valid strategy
                    strategy: redution
                              ^
                hint: did you mean `reduction`? strategy is one of `portfolio`, `reduction`, `resilience` or `enablement`
            """
        #expect(result.stderr.contains(expected))
        #expect(result.stderr.hasSuffix("1 file checked as of 2026-11-30: 1 error, 0 warnings\n"))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("stale.yaml")
        try Self.register(review: "2025-01-31").write(to: file, atomically: true, encoding: .utf8)
        let lenient = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", file.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: [stale-review]"))
        let strict = try TestSupport.riskreg(["validate", "--strict", "--as-of", "2026-11-30", file.path])
        #expect(strict.status == 1)
        // The same register judged as of an earlier day has nothing stale.
        let earlier = try TestSupport.riskreg(["validate", "--strict", "--as-of", "2025-01-01", file.path])
        #expect(earlier.status == 0)
    }

    @Test func jsonFormatIsOneDocumentOnStdout() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try Self.register(strategy: "redution").write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["validate", "--format", "json", "--as-of", "2026-11-30", file.path])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        #expect(json["errors"] as? Int == 1)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let location = try #require(diagnostics.first?["location"] as? [String: Any])
        #expect(diagnostics.first?["rule"] as? String == "invalid-value")
        #expect(location["line"] as? Int == 17)
        #expect(location["column"] as? Int == 15)
    }

    @Test func githubFormatPrintsAnnotations() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try Self.register(strategy: "redution").write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["validate", "--format", "github", "--as-of", "2026-11-30", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=\(file.path),line=17,col=15,title=riskreg invalid-value::`redution` is not a valid strategy — did you mean"))
    }

    @Test func missingPathIsAProblemNotACrash() throws {
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", "no/such/register.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/register.yaml: error: [file-unreadable] no/such/register.yaml does not exist"))
    }

    /// A missing folder is about the path as a whole: no line and column it does not have, in
    /// text or in GitHub annotations.
    @Test func aMissingFolderHasNoLineOrColumn() throws {
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", "no/such/folder/"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("no/such/folder/: error: [file-unreadable] no/such/folder/ does not exist\n"), "\(result.stderr)")
        #expect(!result.stderr.contains(":1:1"))
        let github = try TestSupport.riskreg(["validate", "--format", "github", "--as-of", "2026-11-30", "no/such/folder/"])
        #expect(github.stdout.hasPrefix("::error file=no/such/folder/,title=riskreg file-unreadable::"), "\(github.stdout)")
    }

    /// The caret stays under the column however many combining accents come before it: columns
    /// count Unicode scalars, a terminal shows a letter and its accents in one cell.
    @Test func theCaretIgnoresCombiningAccents() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let accented = "Cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e"
        let flow = folder.appendingPathComponent("flow.yaml")
        try Self.register().replacingOccurrences(of: "  - {id: buurt, name: Buurtpreventie, kind: community, public: true}", with: "  - {id: buurt, name: \(accented), kind: community, public: yes}")
            .write(to: flow, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", flow.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let quoted = try #require(lines.firstIndex { $0.contains("public: yes") })
        let caret = lines[quoted + 1]
        let before = try #require(lines[quoted].range(of: "yes}"))
        #expect(caret.count == lines[quoted].distance(from: lines[quoted].startIndex, to: before.lowerBound) + 1, "\(result.stderr)")
        #expect(caret.hasSuffix("^"))
    }

    @Test func aFileOverTheSizeLimitIsRefusedUnreadAndNotQuoted() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.yaml")
        try ("# " + String(repeating: "x", count: 9 << 20) + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path): error: [yaml-too-large] the file is 9437187 bytes, over the limit of 8.0 MiB"))
        #expect(result.stderr.count < 1_000, "the huge line is not quoted")
    }

    @Test func aLongLineIsQuotedAsAWindowAroundTheCaret() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("long.yaml")
        try ("riskreg: 1\nregister: {" + String(repeating: "pad: 1, ", count: 1).appending(String(repeating: "x: 1, ", count: 60)) + "}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", file.path])
        let quoted = result.stderr.split(separator: "\n").filter { $0.hasPrefix("    ") && !$0.contains("hint:") }
        #expect(!quoted.isEmpty)
        #expect(quoted.allSatisfy { $0.count <= 4 + 142 }, "quoted lines are windows, not whole lines")
    }

    @Test func badAsOfIsAUsageError() throws {
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-02-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--as-of must be a date written YYYY-MM-DD"))
    }

    @Test func schemaCommandPrintsTheShippedSchema() throws {
        let result = try TestSupport.riskreg(["schema"])
        #expect(result.status == 0)
        let shipped = try String(contentsOfFile: TestSupport.path("schema/register.schema.json"), encoding: .utf8)
        #expect(result.stdout == shipped, "run scripts/generate-format after changing the format's description")
    }

    /// A small valid register with one risk whose fields the test may spoil.
    /// A register of reduction entries only departs from the strategy-mix reference: `validate`
    /// says so in a note that never fails, even with --strict, and that --count-warnings (the
    /// pre-commit hook) leaves out; the JSON gives each file's mix.
    @Test func strategyMixNoteInformsWithoutFailing() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("reduction.yaml")
        try Self.register().write(to: file, atomically: true, encoding: .utf8)
        let strict = try TestSupport.riskreg(["validate", "--strict", "--as-of", "2026-11-30", file.path])
        #expect(strict.status == 0)
        #expect(strict.stderr.contains("\(file.path): note: [strategy mix]"))
        #expect(strict.stderr.contains("Strategy mix: 0 portfolio, 1 reduction, 0 resilience, 0 enablement"))
        #expect(strict.stderr.contains("note: no entry takes a risk on purpose (enablement)"))
        #expect(strict.stderr.hasSuffix("1 file checked as of 2026-11-30: 0 errors, 0 warnings\n"))
        let hook = try TestSupport.riskreg(["validate", "--count-warnings", "--as-of", "2026-11-30", file.path])
        #expect(hook.status == 0)
        #expect(!hook.stderr.contains("strategy mix"))
        let json = try TestSupport.riskreg(["validate", "--format", "json", "--as-of", "2026-11-30", file.path])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let mix = ((document?["files"] as? [[String: Any]])?.first?["strategyMix"]) as? [String: Any]
        #expect(mix?["leansOnFirstTwo"] as? Bool == true)
        #expect(mix?["lacksEnablement"] as? Bool == true)
        #expect(mix?["reduction"] as? Int == 1)
        // The example registers are within the reference: no note.
        let examples = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", "Registers/"])
        #expect(!examples.stderr.contains("strategy mix"))
    }

    static func register(strategy: String = "reduction", review: String = "2027-06-30") -> String {
        """
        riskreg: 1
        register:
          id: test
          title: Test register
          organisation: Gemeente Test
          horizon: 12 months
          currency: EUR
        outcomes:
          - {id: money, title: Money, unit: money}
        contributors:
          - {id: buurt, name: Buurtpreventie, kind: community, public: true}
        risks:
          - id: R1
            title: Patrols lapse
            outcome: money
            owner: Wijkregisseur
            strategy: \(strategy)
            review: \(review)
            coproduction: {mode: co-delivery, contributors: [buurt]}
            estimates:
              - likelihood: 30%
                impact: {pert: [1k, 2k, 9k]}

        """
    }
}
