import Foundation
import Testing
import _TestSupport

/// `tags:` on entries, and the `--tag` and `--owner` views of `score` and `report`.
@Suite("Views by tag and owner, through the real binary")
struct SelectionCommandTests {
    static let fast = ["--trials", "2000", "--as-of", "2026-11-30"]

    static func register() -> String {
        """
        riskreg: 1
        register: {id: t, title: Council register, organisation: O, horizon: 12 months, currency: EUR}
        outcomes:
          - {id: money, title: Money, unit: money}
          - {id: hours, title: Hours lost, unit: hours}
        appetite:
          - {outcome: hours, loss-exceeds: 50, at-most: 10%}
        contributors: [{id: c, name: C, kind: staff}]
        risks:
          - {id: FIN-1, title: Budget overrun, outcome: money, strategy: reduction, owner: Finance Director, tags: [finance, corporate], coproduction: {mode: co-assessment, contributors: [c]}, estimates: [{likelihood: 30%, impact: 100}]}
          - {id: FIN-2, title: Grant clawback, outcome: money, strategy: reduction, owner: finance director, tags: [finance], coproduction: {mode: co-assessment, contributors: [c]}, estimates: [{likelihood: 20%, impact: 50}]}
          - {id: LIB-1, title: Branch closures, outcome: hours, strategy: resilience, owner: Head of Libraries, tags: [libraries], coproduction: {mode: co-delivery, contributors: [c]}, estimates: [{likelihood: 40%, impact: 20}]}

        """
    }

    func folder() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try Self.register().write(to: folder.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func scoreByTagKeepsTheTaggedEntriesAndTheirOutcomes() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try TestSupport.riskreg(["score", "--format", "csv", "r.yaml"] + Self.fast, in: folder)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("LIB-1"))
        let finance = try TestSupport.riskreg(["score", "--format", "csv", "--tag", "finance", "r.yaml"] + Self.fast, in: folder)
        #expect(finance.status == 0, "\(finance.stderr)")
        #expect(finance.stdout.contains(",FIN-1,") && finance.stdout.contains(",FIN-2,"))
        #expect(!finance.stdout.contains("LIB-1") && !finance.stdout.contains("Hours lost"), "the hours outcome has no selected entry")
        let table = try TestSupport.riskreg(["score", "--tag", "finance", "r.yaml"] + Self.fast, in: folder)
        #expect(table.stdout.hasPrefix("Council register — tag finance — O"), "\(table.stdout)")
    }

    @Test func ownerIsMatchedIgnoringCaseAndCombinesWithTag() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let owner = try TestSupport.riskreg(["score", "--format", "csv", "--owner", "FINANCE director", "r.yaml"] + Self.fast, in: folder)
        #expect(owner.status == 0, "\(owner.stderr)")
        #expect(owner.stdout.contains(",FIN-1,") && owner.stdout.contains(",FIN-2,") && !owner.stdout.contains("LIB-1"))
        let both = try TestSupport.riskreg(["score", "--format", "csv", "--owner", "Finance Director", "--tag", "corporate", "r.yaml"] + Self.fast, in: folder)
        #expect(both.stdout.contains(",FIN-1,") && !both.stdout.contains(",FIN-2,"))
    }

    @Test func aTagNoEntryHasIsAnErrorNamingTheTags() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["score", "--tag", "adults", "r.yaml"] + Self.fast, in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("r.yaml: error: no entry has tag adults (the tags are corporate, finance, libraries)"), "\(result.stderr)")
        let report = try TestSupport.riskreg(["report", "--tag", "adults", "r.yaml"] + Self.fast, in: folder)
        #expect(report.status == 1)
        #expect(report.stderr.contains("no entry has tag adults"))
    }

    @Test func reportByTagSaysWhichView() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["report", "--tag", "libraries", "r.yaml"] + Self.fast, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Council register — tag libraries"))
        #expect(result.stdout.contains("LIB-1") && !result.stdout.contains("FIN-1"))
        #expect(result.stdout.contains("--tag libraries"), "the command that reproduces the report selects the same view")
    }

    @Test func aTagMustBeAnID() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.register().replacingOccurrences(of: "tags: [libraries]", with: "tags: [\"libraries & leisure\"]")
            .write(to: folder.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", "r.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("r.yaml:12:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: [invalid-id] the tag `libraries & leisure` is not a valid id"))
    }
}
