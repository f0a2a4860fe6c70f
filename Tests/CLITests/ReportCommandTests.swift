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
        #expect(!result.stdout.contains("Bewonerspanel"), "a contributor who did not agree to be named")
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
        #expect(result.stdout.contains("## At a glance"))
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

    @Test func killedMidWriteLeavesTheOldReportIntact() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.md")
        let old = "# The previous report\n" + String(repeating: "unchanged line\n", count: 1000)
        try old.write(to: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = TestSupport.productsFolder.appendingPathComponent("riskreg")
        process.arguments = ["report", Self.register, "-o", file.path] + Self.fast
        process.currentDirectoryURL = TestSupport.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["RISKREG_TEST_PAUSE_MID_WRITE"] = "30"
        process.environment = env
        let errPipe = Pipe()
        process.standardError = errPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the writer says it is half-way through the temporary file.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("paused mid-write") {
            let chunk = errPipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("paused mid-write"))
        // A half-written temporary file exists beside the report...
        let during = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(during.contains { $0.hasPrefix(".report.md.riskreg-") })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // ...and the report itself is the old one, whole.
        #expect(try String(contentsOf: file, encoding: .utf8) == old)
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
}
