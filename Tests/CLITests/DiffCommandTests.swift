import Foundation
import Testing
import _TestSupport

/// `riskreg diff` through the real binary, against registers committed across several
/// revisions of a temporary git repository.
@Suite("riskreg diff, through the real binary")
struct DiffCommandTests {
    static let file = "Registers/r.yaml"
    static let scoring = ["--trials", "4000", "--seed", "3", "--as-of", "2026-11-30", "--jobs", "2"]

    /// Four revisions: the standard register; B re-tagged and re-owned; D added and C removed
    /// with a stricter appetite; and an uncommitted edit in the working tree.
    static func history() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        try repo.commit("README.md", "registers\n", message: "start")
        var r = TestRegister.standard
        try repo.commit(file, r.text, message: "first register")
        r.risks[1].strategy = "resilience"
        r.risks[1].owner = "Head of service"
        try repo.commit(file, r.text, message: "B is resilience now")
        var d = TestRegister.Entry(id: "D")
        d.confidential = true
        r.risks.append(d)
        r.risks.remove(at: 2)
        r.appetiteLimit = "5%"
        try repo.commit(file, r.text, message: "D in, C out")
        r.risks[0].likelihood = "35%"
        try repo.write(file, r.text)
        return repo
    }

    func json(_ result: TestSupport.ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func everyKindOfChangeBetweenTwoRevisions() throws {
        let repo = try Self.history()
        let result = try TestSupport.riskreg(
            ["diff", Self.file, "--since", "HEAD~2", "--to", "HEAD", "--format", "json"] + Self.scoring, in: repo.root)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try json(result)
        let changes = try #require(doc["changes"] as? [[String: Any]])
        func change(_ id: String, _ field: String?) -> [String: Any]? {
            changes.first { $0["id"] as? String == id && $0["field"] as? String == field }
        }
        #expect(change("B", "strategy")?["before"] as? String == "reduction")
        #expect(change("B", "strategy")?["after"] as? String == "resilience")
        #expect(change("B", "owner")?["after"] as? String == "Head of service")
        #expect(change("D", nil)?["kind"] as? String == "added")
        #expect(change("C", nil)?["kind"] as? String == "removed")
        // A number is given as a number (a chance as a fraction), not as formatted text.
        #expect(change("cost/loss-exceeds#1", "at-most")?["before"] as? Double == 0.1)
        #expect(change("cost/loss-exceeds#1", "at-most")?["after"] as? Double == 0.05)
        // Lines on both sides: B sits at the same place; D is new at the end.
        #expect(change("B", "strategy")?["beforeLine"] as? Int != nil)
        #expect(change("B", "strategy")?["afterLine"] as? Int != nil)
        #expect(change("D", nil)?["afterLine"] as? Int != nil)
        // A was not touched between these revisions: exactly zero change.
        let scores = try #require(doc["scores"] as? [String: Any])
        let risks = try #require(scores["risks"] as? [[String: Any]])
        let a = try #require(risks.first { $0["id"] as? String == "A" })
        let meanLoss = try #require(a["meanLoss"] as? [String: Any])
        #expect(meanLoss["delta"] as? Double == 0)
        #expect(meanLoss["status"] as? String == "unchanged")
        #expect(try repo.read(Self.file).contains("likelihood: 35%"), "the working tree is untouched")
    }

    @Test func theWorkingTreeAgainstHeadInEachFormat() throws {
        let repo = try Self.history()
        let statusBefore = try repo.git("status", "--porcelain")
        let table = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD"] + Self.scoring, in: repo.root)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("(working tree)"))
        #expect(table.stdout.contains("estimates[officers].likelihood"))
        #expect(table.stdout.contains("- 20% (line"))
        #expect(table.stdout.contains("+ 35% (line"))
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // The figures the Markdown diff gives for a changed risk: without responses, and the
        // response's value, as well as with them.
        let riskLines = table.stdout.components(separatedBy: "\n").drop { !$0.hasPrefix("A ") && !$0.contains("A —") && !$0.contains("A:") }
        #expect(riskLines.contains { $0.hasPrefix("  mean loss, without ") }, "\(table.stdout)")
        #expect(riskLines.contains { $0.hasPrefix("  avoided by response ") }, "\(table.stdout)")
        let md = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD", "--format", "markdown"] + Self.scoring, in: repo.root)
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("## What changed: Test register"))
        #expect(md.stdout.contains("| `estimates[officers].likelihood` | 20% <sub>line"))
        // B and D were not edited in the working tree: their figures are exactly the same.
        #expect(md.stdout.contains("exactly the same figures (Δ = 0): B, D."))
        #expect(try repo.git("status", "--porcelain") == statusBefore)
    }

    /// A response's cost and reliability changed: JSON gives the numbers, the table the text.
    @Test func numbersInJSONAreNumbers() throws {
        let repo = try TemporaryRepository()
        var r = TestRegister.standard
        try repo.commit(Self.file, r.text, message: "first")
        r.risks[0].response = "{action: Gutters, cost: 4k, reliability: 80%, reduces-likelihood-by: 50%}"
        try repo.write(Self.file, r.text)
        let result = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD", "--format", "json"] + Self.scoring, in: repo.root)
        #expect(result.status == 0, "\(result.stderr)")
        let changes = try #require(try json(result)["changes"] as? [[String: Any]])
        let cost = try #require(changes.first { $0["field"] as? String == "response.cost" })
        #expect(cost["before"] as? Double == 500)
        #expect(cost["after"] as? Double == 4000)
        let reliability = try #require(changes.first { $0["field"] as? String == "response.reliability" })
        #expect(reliability["before"] as? Double == 0.9)
        #expect(reliability["after"] as? Double == 0.8)
        let table = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD"] + Self.scoring, in: repo.root)
        #expect(table.stdout.contains("- 500 (line"), "\(table.stdout)")
        #expect(table.stdout.contains("+ 4,000 (line"))
    }

    @Test func aPathRelativeToASubfolderIsReadFromTheRepositoryRoot() throws {
        let repo = try Self.history()
        let result = try TestSupport.riskreg(
            ["diff", "r.yaml", "--since", "HEAD~1", "--to", "HEAD", "--format", "json"] + Self.scoring,
            in: repo.root.appendingPathComponent("Registers"))
        #expect(result.status == 0, "\(result.stderr)")
        let from = try #require(try json(result)["from"] as? [String: Any])
        #expect(from["label"] as? String == "HEAD~1:Registers/r.yaml")
    }

    @Test func aFileThatDidNotExistAtTheRevisionMakesEveryEntryNew() throws {
        let repo = try Self.history()
        let result = try TestSupport.riskreg(
            ["diff", Self.file, "--since", "HEAD~3", "--to", "HEAD", "--format", "json"] + Self.scoring, in: repo.root)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try json(result)
        #expect((doc["from"] as? [String: Any])?["exists"] as? Bool == false)
        let risks = (doc["changes"] as? [[String: Any]] ?? []).filter { $0["subject"] as? String == "risk" }
        #expect(risks.map { $0["id"] as? String } == ["A", "B", "D"])
        #expect(risks.allSatisfy { $0["kind"] as? String == "added" })
        let md = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD~3", "--format", "markdown"] + Self.scoring, in: repo.root)
        #expect(md.stdout.contains("(did not exist: every entry is new)"))
    }

    @Test func aRevisionThatDoesNotExist() throws {
        let repo = try Self.history()
        let result = try TestSupport.riskreg(["diff", Self.file, "--since", "no-such-branch"] + Self.scoring, in: repo.root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Registers/r.yaml: error: revision `no-such-branch` does not exist in this repository"))
        #expect(result.stderr.contains("hint: give a commit, branch or tag that exists"))
        let to = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD", "--to", "v9"] + Self.scoring, in: repo.root)
        #expect(to.status == 1)
        #expect(to.stderr.contains("revision `v9` does not exist"))
    }

    @Test func aFileMissingAtTheLaterRevision() throws {
        let repo = try Self.history()
        let result = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD~3", "--to", "HEAD~3"] + Self.scoring, in: repo.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Registers/r.yaml does not exist at revision `HEAD~3`"))
    }

    @Test func aPathOutsideAGitRepository() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestRegister.standard.text.write(to: folder.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["diff", "r.yaml", "--since", "HEAD"] + Self.scoring, in: folder,
                                             environment: ["GIT_CEILING_DIRECTORIES": folder.deletingLastPathComponent().path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("r.yaml is not inside a git repository"))
        #expect(result.stderr.contains("hint: run `git init`"))
    }

    @Test func aRegisterInvalidAtTheRevisionIsReportedWithTheRevisionInItsLocation() throws {
        let repo = try TemporaryRepository()
        var r = TestRegister.standard
        r.risks[0].strategy = "mitigation"
        try repo.commit(Self.file, r.text, message: "broken")
        try repo.write(Self.file, TestRegister.standard.text)
        let result = try TestSupport.riskreg(["diff", Self.file, "--since", "HEAD"] + Self.scoring, in: repo.root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let line = try #require(r.text.components(separatedBy: "\n").firstIndex { $0.contains("strategy: mitigation") }) + 1
        #expect(result.stderr.contains("HEAD:Registers/r.yaml:\(line):15: error: [invalid-value]"), "\(result.stderr)")
        #expect(result.stderr.contains("    strategy: mitigation"), "the line is quoted from the revision")
        #expect(result.stderr.contains("HEAD:Registers/r.yaml: the register has errors at this revision"))
    }

    @Test func anEditToOneRiskLeavesEveryOtherRisksFiguresExactlyTheSame() throws {
        let repo = try TemporaryRepository()
        try repo.commit(Self.file, TestRegister.standard.text, message: "one")
        var r = TestRegister.standard
        r.risks[0].impact = "{pert: [2k, 8k, 40k]}"
        try repo.commit(Self.file, r.text, message: "two")
        let result = try TestSupport.riskreg(
            ["diff", Self.file, "--since", "HEAD~1", "--to", "HEAD", "--format", "json"] + Self.scoring, in: repo.root)
        #expect(result.status == 0)
        let scores = try #require(try json(result)["scores"] as? [String: Any])
        for risk in try #require(scores["risks"] as? [[String: Any]]) {
            let id = risk["id"] as? String
            for figure in ["meanLoss", "inherentMeanLoss", "probability"] {
                let f = try #require(risk[figure] as? [String: Any])
                if id == "A" && figure != "probability" {
                    #expect(f["status"] as? String == "changed")
                } else {
                    #expect(f["delta"] as? Double == 0, "\(id ?? "") \(figure)")
                }
            }
        }
    }
}
