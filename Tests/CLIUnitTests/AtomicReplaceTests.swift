import Foundation
import Testing
import _TestSupport
@testable import riskreg

/// How `report --output` replaces a file, tested in-process where the write can be stopped
/// half-way: the rest of the command line is tested through the real binary (CLITests).
@Suite("Replacing a report file")
struct AtomicReplaceTests {
    /// The writer is stopped half-way through, where a crash or a kill would stop it: the
    /// report is still the old one, whole, and the new bytes are only in a temporary file.
    @Test func interruptedMidWriteLeavesTheOldReportIntact() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.md")
        let old = "# The previous report\n" + String(repeating: "unchanged line\n", count: 1000)
        try old.write(to: file, atomically: true, encoding: .utf8)
        let new = Data(("# The new report\n" + String(repeating: "a new line\n", count: 2000)).utf8)

        var checked = false
        try AtomicReplace.write(new, to: file.path) {
            checked = true
            let during = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let temporary = during.filter { $0.hasPrefix(".report.md.riskreg-") }
            #expect(temporary.count == 1, "\(during)")
            let size = temporary.first.flatMap {
                try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path)[.size] as? Int
            }
            #expect(size == new.count / 2, "half the new bytes, in the temporary file")
            #expect((try? String(contentsOf: file, encoding: .utf8)) == old)
        }
        #expect(checked)
        #expect(try Data(contentsOf: file) == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
    }
}
