import Foundation
import Testing
import _TestSupport

/// `riskreg export`: a register back to a spreadsheet that `riskreg import` reads, losslessly
/// for what a spreadsheet holds.
@Suite("riskreg export, through the real binary")
struct ExportCommandTests {
    /// Import the council example, export it, import the export: `riskreg diff` between the two
    /// imports finds no change in any entry.
    @Test func importExportImportIsLossless() throws {
        let repo = try TemporaryRepository()
        for name in ["council-register.csv", "council-mapping.yaml"] {
            try FileManager.default.copyItem(atPath: TestSupport.path("docs/examples/\(name)"), toPath: repo.path(name))
        }
        let first = try TestSupport.riskreg(["import", "council-register.csv", "--mapping", "council-mapping.yaml", "-o", "r.yaml"], in: repo.root)
        #expect(first.status == 0, "\(first.stderr)")
        _ = try repo.git("add", "r.yaml")
        _ = try repo.git("commit", "-q", "-m", "first import")
        let export = try TestSupport.riskreg(["export", "r.yaml", "-o", "out.csv", "--mapping", "out-mapping.yaml"], in: repo.root)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("wrote out.csv: 18 entries, and its mapping out-mapping.yaml"))
        #expect(export.stderr.contains("not in the spreadsheet: "))
        let csv = try repo.read("out.csv")
        #expect(csv.hasPrefix("Risk ID,Risk title,Description,Risk owner,Gross likelihood,Gross impact,"))
        let second = try TestSupport.riskreg(["import", "out.csv", "--mapping", "out-mapping.yaml", "-o", "r.yaml", "--force"], in: repo.root)
        #expect(second.status == 0, "\(second.stderr)")
        let diff = try TestSupport.riskreg(["diff", "r.yaml", "--since", "HEAD", "--format", "json", "--trials", "2000", "--as-of", "2026-11-30"], in: repo.root)
        #expect(diff.status == 0, "\(diff.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changes = try #require(doc["changes"] as? [[String: Any]])
        #expect(changes.isEmpty, "\(changes)")
    }

    @Test func aRegisterWithoutScalesIsRefusedWithAReason() throws {
        let result = try TestSupport.riskreg(["export", "Registers/community-safety-leiden.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error: the register has no `scales`") || result.stderr.contains("has no gross rating"), "\(result.stderr)")
    }

    @Test func formulasAreDefusedAndQuotedFieldsKept() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Ref,Title,Likelihood,Impact\nR1,\"=HYPERLINK(\"\"x\"\"), and more\",2,3\n".write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        #expect(try TestSupport.riskreg(["import", "r.csv", "-o", "r.yaml"], in: folder).status == 0)
        let result = try TestSupport.riskreg(["export", "r.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("R1,\" =HYPERLINK(\"\"x\"\"), and more\",,,2 - unlikely,3 - moderate,"), "\(result.stdout)")
    }
}
