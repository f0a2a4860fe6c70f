import Foundation
import Testing
import _TestSupport

@Suite("riskreg init, through the real binary")
struct InitCommandTests {
    @Test func writesAStarterThatValidatesWithoutWarningsAndScores() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["init", "--as-of", "2026-11-30"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote register.yaml"))
        let text = try String(contentsOf: folder.appendingPathComponent("register.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=register.schema.json\n"))
        #expect(text.contains("next-review: 2027-02-28"))
        let validate = try TestSupport.riskreg(["validate", "--strict", "--as-of", "2026-11-30", "register.yaml"], in: folder)
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("0 errors, 0 warnings"))
        let score = try TestSupport.riskreg(["score", "--check-appetite", "--trials", "5000", "--as-of", "2026-11-30", "register.yaml"], in: folder)
        #expect(score.status == 0, "\(score.stdout)\(score.stderr)")
        // Only the register was written: no temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["register.yaml"])
    }

    @Test func refusesToOverwrite() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.yaml")
        try "my own register\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["init", "mine.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("mine.yaml: error: mine.yaml already exists"))
        #expect(result.stderr.contains("never overwrites"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "my own register\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mine.yaml"])
    }

    @Test func pointsEditorsAtTheSchemaItFinds() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Registers"), withIntermediateDirectories: true)
        try "{}".write(to: folder.appendingPathComponent("schema/register.schema.json"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["init", "Registers/library.yaml"], in: folder)
        #expect(result.status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("Registers/library.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../schema/register.schema.json\n"))
    }

    @Test func aMissingFolderIsAnError() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["init", "nowhere/r.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not exist"))
    }
}
