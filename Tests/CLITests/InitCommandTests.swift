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

    @Test func theRegisterIdComesFromTheFileName() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["init", "Ward 7 (draft).yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("Ward 7 (draft).yaml"), encoding: .utf8)
        #expect(text.contains("\n  id: ward-7-draft "))
        #expect(!text.contains("my-service"))
    }

    /// Every report the starter produces reads as it should: no net benefit "for" a loss, and no
    /// negative hours lost anywhere, in the summary, the board report or the community report.
    @Test func theStarterReadsWellInEveryReport() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try TestSupport.riskreg(["init", "--as-of", "2026-11-30", "library.yaml"], in: folder).status == 0)
        var outputs: [String: String] = [:]
        let score = try TestSupport.riskreg(["score", "--as-of", "2026-11-30", "library.yaml"], in: folder)
        outputs["score"] = score.stdout
        for audience in ["board", "community"] {
            for format in ["markdown", "html"] {
                let report = try TestSupport.riskreg(["report", "library.yaml", "--as-of", "2026-11-30", "--audience", audience, "--format", format], in: folder)
                #expect(report.status == 0, "\(report.stderr)")
                outputs["\(audience) \(format)"] = report.stdout
            }
        }
        for (name, output) in outputs {
            // Charts' axes are laid out around their data (a tornado's swings straddle the mean);
            // what they show is checked in the text and tables beside them.
            let text = output.replacingOccurrences(of: #"<svg[\s\S]*?</svg>"#, with: "", options: .regularExpression)
            #expect(!text.isEmpty, "\(name)")
            #expect(!text.contains("net benefit for"), "\(name)")
            // A negative figure: a minus sign (ASCII, Unicode or escaped for Markdown) before a digit.
            if let negative = text.range(of: #"(^|[\s|>])(\\?-|−)[0-9]"#, options: .regularExpression) {
                let start = text.index(negative.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
                Issue.record("\(name) shows a negative figure: \(text[start..<negative.upperBound])")
            }
        }
    }
}
