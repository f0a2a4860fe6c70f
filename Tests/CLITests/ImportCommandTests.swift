import Foundation
import Testing
import _TestSupport

@Suite("riskreg import, through the real binary")
struct ImportCommandTests {
    static let csv = "Risk ID,Risk title,Owner,Likelihood,Impact,Residual likelihood,Residual impact,Existing controls,Next review\n"
        + "R1,Flooding,Head of Waste,4 - Likely,3,2,3,Barriers,TBC\nR2,Fire,Facilities,2,Major,1,4,Sprinklers,31/03/2027\n"

    func folder(with files: [String: String]) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("the council example re-imports byte for byte, validates without errors and scores")
    func councilExample() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same layout as the repository, so the schema line comes out the same.
        let examples = folder.appendingPathComponent("docs/examples")
        try FileManager.default.createDirectory(at: examples, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try "{}".write(to: folder.appendingPathComponent("schema/register.schema.json"), atomically: true, encoding: .utf8)
        for name in ["council-register.csv", "council-mapping.yaml"] {
            try FileManager.default.copyItem(atPath: TestSupport.path("docs/examples/\(name)"), toPath: examples.appendingPathComponent(name).path)
        }
        let result = try TestSupport.riskreg(
            ["import", "docs/examples/council-register.csv", "--mapping", "docs/examples/council-mapping.yaml", "-o", "docs/examples/council-register.yaml"],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote docs/examples/council-register.yaml: 18 risks"))
        #expect(result.stderr.contains("Windows-1252"))
        let written = try Data(contentsOf: examples.appendingPathComponent("council-register.yaml"))
        let committed = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path("docs/examples/council-register.yaml")))
        #expect(written == committed, "docs/examples/council-register.yaml is out of date: re-run the import in the README's usage block")

        let validate = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", "docs/examples/council-register.yaml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains(" 0 errors"))
        #expect(validate.stderr.contains("[needs-review]"))
        let score = try TestSupport.riskreg(["score", "--trials", "2000", "--as-of", "2026-11-30", "--format", "csv", "docs/examples/council-register.yaml"])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(score.stdout.contains("CR-01"))
        // Every imported cost is a placeholder 0: the CSV leaves it empty, as unknown. (Titles
        // here hold no commas, so splitting on them is safe for the columns before the title's.)
        let rows = score.stdout.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let costColumn = try #require(rows.first?.firstIndex(of: "response_cost"))
        let cr01 = try #require(rows.first { $0.count > 1 && $0[1] == "CR-01" })
        #expect(cr01.count == rows[0].count, "\(cr01)")
        #expect(cr01[costColumn] == "", "\(cr01)")
    }

    @Test("without a mapping, common headers are enough; the register validates and scores")
    func defaults() throws {
        let folder = try folder(with: ["risks.csv": Self.csv])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["import", "risks.csv", "-o", "register.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 risks"))
        let text = try String(contentsOf: folder.appendingPathComponent("register.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=register.schema.json\n"))
        #expect(text.contains("  id: register "))
        // Without `scales` in a mapping the levels are read on the example scales, and said so.
        #expect(text.contains("needs-review: [strategy, coproduction, outcome, estimates, response.cost, review]"), "\(text)")
        #expect(text.contains("EXAMPLE SCALES, NOT THE ORGANISATION'S"))
        #expect(!text.contains("The organisation's own matrix"))
        #expect(result.stderr.contains("warning: the mapping gives no `scales`"))
        let validate = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", "register.yaml"], in: folder)
        #expect(validate.status == 0, "\(validate.stderr)")
        let score = try TestSupport.riskreg(["score", "--trials", "2000", "--as-of", "2026-11-30", "register.yaml"], in: folder)
        #expect(score.status == 0, "\(score.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["register.yaml", "risks.csv"])
    }

    @Test("an existing register is not replaced without --force, and is with it")
    func refusesToOverwrite() throws {
        let folder = try folder(with: ["risks.csv": Self.csv, "register.yaml": "mine\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try TestSupport.riskreg(["import", "risks.csv", "-o", "register.yaml"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("register.yaml: error: register.yaml already exists"))
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOf: folder.appendingPathComponent("register.yaml"), encoding: .utf8) == "mine\n")
        let forced = try TestSupport.riskreg(["import", "risks.csv", "-o", "register.yaml", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("register.yaml"), encoding: .utf8).contains("id: R2"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["register.yaml", "risks.csv"])
    }

    @Test("nothing is written when any row fails, even with --force; every error is located")
    func atomic() throws {
        let bad = Self.csv + "R3,Theft,Someone,6,2,,,,someday\nR1,Again,Jo,1,1,,,,\n"
        let folder = try folder(with: ["risks.csv": bad, "old.yaml": "kept\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["import", "risks.csv", "-o", "new.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("risks.csv:4:4: error: [import-bad-score] the likelihood scale has no level 6"))
        #expect(result.stderr.contains("risks.csv:4:9: error: [import-bad-date]"))
        #expect(result.stderr.contains("risks.csv:5:1: error: [import-duplicate-ref]"))
        #expect(result.stderr.contains("3 errors; nothing was written"))
        let forced = try TestSupport.riskreg(["import", "risks.csv", "-o", "old.yaml", "--force"], in: folder)
        #expect(forced.status == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent("old.yaml"), encoding: .utf8) == "kept\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["old.yaml", "risks.csv"])
    }

    @Test("mapping problems are printed at their line with the line quoted; a broken CSV at its quote")
    func mappingAndCSVProblems() throws {
        let folder = try folder(with: ["risks.csv": Self.csv, "m.yaml": "columns:\n  ref: Risk Number\n", "broken.csv": "Ref,Title\nR1,\"open\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["import", "risks.csv", "--mapping", "m.yaml", "-o", "r.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("m.yaml:2:8: error: [import-unknown-column] no column of risks.csv has the header `Risk Number`"))
        #expect(result.stderr.contains("    ref: Risk Number\n"))
        let broken = try TestSupport.riskreg(["import", "broken.csv", "-o", "r.yaml"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken.csv:2:2: error: [import-csv] a quoted field is never closed"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.yaml").path))
    }

    @Test("help teaches the command; a missing -o is a usage error")
    func helpAndUsage() throws {
        let help = try TestSupport.riskreg(["import", "--help"])
        #expect(help.status == 0)
        for phrase in ["--mapping", "--force", "FILE.csv:ROW:COLUMN", "needs-review", "docs/import.md", "Exit codes"] {
            #expect(help.stdout.contains(phrase), "\(phrase)")
        }
        let usage = try TestSupport.riskreg(["import", "risks.csv"])
        #expect(usage.status == 64)
        let missing = try TestSupport.riskreg(["import", "nowhere.csv", "-o", "/tmp/\(UUID().uuidString).yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("[file-unreadable]"))
    }
}
