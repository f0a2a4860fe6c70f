import Foundation
import Testing
import _TestSupport

@Suite("riskreg report, through the real binary")
struct ReportCommandTests {
    static let register = "Registers/community-safety-leiden.yaml"
    static let fast = ["--trials", "2000", "--as-of", "2026-11-30"]

    @Test func writesMarkdownToStdoutByDefault() throws {
        let result = try TestSupport.riskreg(["report", Self.register] + Self.fast)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Board report: Community safety partnership"))
        #expect(result.stdout.contains("seed 1"))
    }

    @Test func htmlCommunityReportWithholdsConfidentialEntries() throws {
        let result = try TestSupport.riskreg(["report", Self.register, "--format", "html", "--audience", "community"] + Self.fast)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!result.stdout.contains("CS-09") && !result.stdout.contains("intimidated"))
        let care = try TestSupport.riskreg(["report", "Registers/adult-social-care-positive-risk.yaml", "--format", "html",
                                            "--audience", "community"] + Self.fast)
        #expect(care.status == 0)
        #expect(!care.stdout.contains("People taking part in independent travel training"), "a contributor who did not agree to be named")
    }

    /// A folder given where one register belongs is named as a folder, with its registers,
    /// not "could not be read" and "the register has errors".
    @Test(arguments: [["report", "Registers/"], ["diff", "Registers/", "--since", "HEAD"]])
    func aFolderIsNamedAsOne(_ arguments: [String]) throws {
        let result = try TestSupport.riskreg(arguments + Self.fast)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Registers/: error: Registers/ is a folder; `riskreg \(arguments[0])` takes one register file (it holds Registers/"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: name one register, such as `riskreg \(arguments[0]) Registers/"))
        #expect(!result.stderr.contains("has errors") && !result.stderr.contains("could not be read"))
    }

    @Test func brokenTemplateExitsOneWithFileLineColumn() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "ok\n{{#risks}}\n{{title}\n".write(to: folder.appendingPathComponent("report-board.md.mustache"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["report", Self.register, "--templates", folder.path] + Self.fast)
        #expect(result.status == 1)
        #expect(result.stderr.contains("report-board.md.mustache:3:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func builtInTemplatesAreUsedOutsideTheRepository() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["report", TestSupport.path(Self.register)] + Self.fast, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("## For decision"))
    }

    @Test func outputFileIsWrittenAtomicallyKeepingItsMode() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html")
        try "old".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let result = try TestSupport.riskreg(["report", Self.register, "--format", "html", "-o", file.path] + Self.fast)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["report.html"], "no temporary files left")
    }

    @Test func refusesToWriteThroughASymlink() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.md")
        try "precious".write(to: target, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try TestSupport.riskreg(["report", Self.register, "-o", link.path] + Self.fast)
        #expect(result.status == 1)
        #expect(result.stderr.contains("symbolic link"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious")
    }

    /// Two processes (each with its own hash seed, and here different thread counts) write the
    /// same bytes for the same register and seed: nothing in a report depends on the order of a
    /// hashed collection or on scheduling.
    @Test(arguments: [("board", "markdown"), ("board", "html"), ("community", "markdown"), ("community", "html")])
    func reportsAreByteIdenticalAcrossProcesses(_ audience: String, _ format: String) throws {
        let arguments = ["report", "Registers/ward-7-patient-partnership.yaml", "--audience", audience, "--format", format,
                         "--seed", "7"] + Self.fast
        let first = try TestSupport.riskreg(arguments + ["--jobs", "1"])
        let second = try TestSupport.riskreg(arguments + ["--jobs", "2"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout.count > 2_000)
        #expect(first.stdout == second.stdout)
    }

    static let exampleCases: [(String, String, String)] = {
        let registers = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path("Registers"))) ?? []
        return registers.filter { $0.hasSuffix(".yaml") }.sorted().flatMap { file in
            ["board", "community"].flatMap { audience in ["markdown", "html"].map { (String(file.dropLast(5)), audience, $0) } }
        }
    }()

    /// docs/examples/ must be what the current code and templates produce (`make examples`).
    /// Each case runs on its own, so the cases share the machine's cores.
    @Test(arguments: exampleCases)
    func exampleIsUpToDate(_ example: (String, String, String)) throws {
        let (name, audience, format) = example
        let ext = format == "html" ? "html" : "md"
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("\(name)-\(audience).\(ext)")
        let result = try TestSupport.riskreg([
            "report", "Registers/\(name).yaml", "--format", format, "--audience", audience, "--trials", "20000", "--seed", "1",
            "--jobs", "2", "--as-of", "2026-11-30", "--templates", "Templates", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try? String(contentsOfFile: TestSupport.path("docs/examples/\(name)-\(audience).\(ext)"), encoding: .utf8)
        let actual = try String(contentsOf: out, encoding: .utf8)
        #expect(expected == actual, "docs/examples/\(name)-\(audience).\(ext) is out of date: run `make examples`")
    }

    /// The Leiden community report in Dutch (`--language nl`), also in docs/examples/.
    @Test(arguments: ["markdown", "html"])
    func dutchExampleIsUpToDate(_ format: String) throws {
        let ext = format == "html" ? "html" : "md"
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("nl.\(ext)")
        let result = try TestSupport.riskreg([
            "report", "Registers/community-safety-leiden.yaml", "--format", format, "--audience", "community", "--language", "nl",
            "--trials", "20000", "--seed", "1", "--jobs", "2", "--as-of", "2026-11-30", "--templates", "Templates", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let name = "docs/examples/community-safety-leiden-community.nl.\(ext)"
        let expected = try? String(contentsOfFile: TestSupport.path(name), encoding: .utf8)
        #expect(expected == (try String(contentsOf: out, encoding: .utf8)), "\(name) is out of date: run `make examples`")
    }

    /// An unknown language is a usage error that lists the catalogues.
    @Test func unknownLanguageIsAUsageError() throws {
        let result = try TestSupport.riskreg(["report", "Registers/community-safety-leiden.yaml", "--language", "xx"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("en, nl"))
    }

    // MARK: --since

    static let sinceFile = "Registers/r.yaml"
    static let sinceScoring = ["--trials", "4000", "--seed", "3", "--as-of", "2026-11-30", "--jobs", "2"]

    /// One commit with A, B, C and a confidential D; then, in the working tree: A's estimate is
    /// larger (its verdict flips), B is re-tagged and re-owned, D is re-estimated, C is removed
    /// from nothing and left alone, and E is added.
    static func sinceHistory() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        var r = TestRegister.standard
        var d = TestRegister.Entry(id: "D")
        d.confidential = true
        d.owner = "Secret keeper"
        r.risks.append(d)
        try repo.commit(sinceFile, r.text, message: "first register")
        r.risks[0].likelihood = "60%"
        r.risks[0].impact = "{pert: [30k, 40k, 60k]}"
        r.risks[1].strategy = "resilience"
        r.risks[1].owner = "Head of service"
        r.risks[3].likelihood = "45%"
        r.risks.append(TestRegister.Entry(id: "E"))
        try repo.write(sinceFile, r.text)
        return repo
    }

    static func section(_ text: String, from start: String, to end: String) -> Substring {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return "" }
        return text[a.lowerBound..<b.lowerBound]
    }

    @Test func boardReportSinceARevisionInBothFormats() throws {
        let repo = try Self.sinceHistory()
        let md = try TestSupport.riskreg(["report", Self.sinceFile, "--since", "HEAD"] + Self.sinceScoring, in: repo.root)
        #expect(md.status == 0, "\(md.stderr)")
        let s = Self.section(md.stdout, from: "## Since the last review (`HEAD`)", to: "## Drivers, responses and strategy")
        #expect(!s.isEmpty)
        #expect(s.contains("**Added:** E Risk E (reduction)"))
        #expect(s.contains("**Re-tagged to another strategy:** B Risk B, reduction → resilience"))
        #expect(s.contains("| B Risk B | owner | Facilities manager | Head of service |"))
        #expect(s.contains(#"| A Risk A | estimates\[officers\].likelihood | 20% | 60% |"#), "\(s)")
        #expect(s.contains(#"| D Risk D | estimates\[officers\].likelihood | 20% | 45% |"#), "the board sees confidential entries")
        #expect(s.contains("**Appetite verdicts that flipped:** Unplanned cost: within appetite → outside appetite"))
        // C did not change: not listed, and its outcome's figures do not move at all.
        #expect(!s.contains("Risk C"))
        #expect(s.contains("| Opening hours lost (hours) | Mean |") && s.contains("| no change |"))
        #expect(s.contains("| Unplanned cost (EUR) | 1 in 20 bad year (P95) | a loss of €"), "\(s)")
        #expect(s.contains(" worse |"), "more loss reads as worse: \(s)")
        #expect(md.stdout.contains("--since HEAD"), "the reproduce command includes --since")

        let html = try TestSupport.riskreg(["report", Self.sinceFile, "--since", "HEAD", "--format", "html"] + Self.sinceScoring, in: repo.root)
        #expect(html.status == 0, "\(html.stderr)")
        let h = Self.section(html.stdout, from: "<section id=\"since\">", to: "</section>")
            .replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
        #expect(h.contains("<h2>Since the last review (HEAD)</h2>"))
        #expect(h.contains("<strong>Added:</strong> E <bdi>Risk E</bdi> (reduction)"))
        #expect(h.contains("<bdi>B <bdi>Risk B</bdi></bdi>, reduction → resilience"))
        #expect(h.contains("<tr><td><bdi>B <bdi>Risk B</bdi></bdi></td><td>owner</td><td><bdi>Facilities manager</bdi></td><td><bdi>Head of service</bdi></td></tr>"))
        #expect(h.contains("within appetite → outside appetite"))
        #expect(!h.contains("Risk C"))
        #expect(h.contains("no change"))
    }

    @Test func communityReportLeavesTheSectionOutAndNeverNamesConfidentialEntries() throws {
        let repo = try Self.sinceHistory()
        for format in ["markdown", "html"] {
            let result = try TestSupport.riskreg(
                ["report", Self.sinceFile, "--since", "HEAD", "--audience", "community", "--format", format] + Self.sinceScoring, in: repo.root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("Since the last review"))
            #expect(!result.stdout.contains("Risk D"))
            #expect(!result.stdout.contains("Secret keeper"))
        }
    }

    @Test func withoutSinceThereIsNoSection() throws {
        let repo = try Self.sinceHistory()
        let result = try TestSupport.riskreg(["report", Self.sinceFile] + Self.sinceScoring, in: repo.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("Since the last review"))
    }

    @Test func sinceErrorsAreReportedLikeDiff() throws {
        let repo = try Self.sinceHistory()
        let unknown = try TestSupport.riskreg(["report", Self.sinceFile, "--since", "nope"] + Self.sinceScoring, in: repo.root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("revision `nope` does not exist"))
        #expect(unknown.stdout.isEmpty)

        // A file that did not exist at the revision: every entry is new.
        try repo.commit("README.md", "x\n", message: "readme")
        try repo.git("mv", Self.sinceFile, "Registers/s.yaml")
        try repo.git("commit", "--quiet", "-m", "rename")
        let fresh = try TestSupport.riskreg(["report", "Registers/s.yaml", "--since", "HEAD~2"] + Self.sinceScoring, in: repo.root)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout.contains("so every entry is new"))
        #expect(fresh.stdout.contains("A Risk A (reduction)"))

        // Invalid at the revision: its diagnostics, labelled with the revision.
        try repo.commit("Registers/s.yaml", "riskreg: 1\nregister: {}\n", message: "broken")
        try repo.write("Registers/s.yaml", TestRegister.standard.text)
        let invalid = try TestSupport.riskreg(["report", "Registers/s.yaml", "--since", "HEAD"] + Self.sinceScoring, in: repo.root)
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("HEAD:Registers/s.yaml"))

        // Outside a git repository.
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("riskreg-since-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: plain) }
        try TestRegister.standard.text.write(to: plain.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        let outside = try TestSupport.riskreg(["report", "r.yaml", "--since", "HEAD"] + Self.sinceScoring, in: plain)
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("not inside a git repository"))
    }
}

