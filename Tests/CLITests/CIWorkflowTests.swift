import Foundation
import Testing
import _TestSupport

/// The pre-commit hook (scripts/pre-commit) and the commands of the workflow in docs/ci.md,
/// run as written against temporary git repositories.
@Suite("Registers in CI: the pre-commit hook and the workflow's commands")
struct CIWorkflowTests {
    /// PATH with the freshly built riskreg first, as the workflow's install step leaves it.
    static var environment: [String: String] {
        ["PATH": TestSupport.productsFolder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    static func installHook(in repo: TemporaryRepository) throws {
        let hook = repo.root.appendingPathComponent(".git/hooks/pre-commit")
        try? FileManager.default.removeItem(at: hook)
        try FileManager.default.copyItem(atPath: TestSupport.path("scripts/pre-commit"), toPath: hook.path)
    }

    func commit(_ repo: TemporaryRepository, _ message: String) throws -> TestSupport.ProcessResult {
        try repo.run(["git", "commit", "-m", message], environment: Self.environment)
    }

    @Test func theHookBlocksAnInvalidStagedRegisterAndPassesAValidOne() throws {
        let repo = try TemporaryRepository()
        try Self.installHook(in: repo)
        try repo.write("Registers/r.yaml", TestRegister.standard.text)
        try repo.write(".github/workflows/registers.yml", "name: not a register\non: push\n")
        try repo.git("add", ".")
        let valid = try commit(repo, "a valid register")
        #expect(valid.status == 0, "\(valid.stderr)")

        var broken = TestRegister.standard
        broken.risks[1].strategy = "mitigation"
        try repo.write("Registers/r.yaml", broken.text)
        try repo.git("add", "Registers/r.yaml")
        let blocked = try commit(repo, "a broken register")
        #expect(blocked.status != 0)
        let line = try #require(broken.text.components(separatedBy: "\n").firstIndex { $0.contains("mitigation") }) + 1
        #expect(blocked.stderr.contains("Registers/r.yaml:\(line):15: error: [invalid-value]"), "\(blocked.stderr)")
        #expect(blocked.stderr.contains("pre-commit: the staged registers above have problems"))
        #expect(try repo.git("log", "--oneline").split(separator: "\n").count == 1, "nothing was committed")
    }

    /// Warnings do not stop a commit, so the hook counts them rather than print each one;
    /// RISKREG_WARNINGS=1 prints them, and so does RISKREG_STRICT=1, where they block.
    @Test func theHookCountsWarningsUnlessAsked() throws {
        let repo = try TemporaryRepository()
        try Self.installHook(in: repo)
        var warned = TestRegister.standard
        warned.risks[1].strategy = "enablement"  // an enablement entry with no benefit: a warning
        try repo.write("Registers/r.yaml", warned.text)
        try repo.git("add", ".")
        let passed = try commit(repo, "a register with a warning")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(!passed.stderr.contains("[missing-benefit]"), "\(passed.stderr)")
        #expect(passed.stderr.range(of: #"0 errors, [0-9]+ warnings? \(not shown; `riskreg validate Registers/r.yaml` lists them\)"#, options: .regularExpression) != nil, "\(passed.stderr)")

        try repo.write("Registers/r.yaml", warned.text + "# touched\n")
        try repo.git("add", ".")
        var environment = Self.environment
        environment["RISKREG_WARNINGS"] = "1"
        let shown = try repo.run(["git", "commit", "-m", "again"], environment: environment)
        #expect(shown.status == 0)
        #expect(shown.stderr.contains("warning: [missing-benefit]"), "\(shown.stderr)")

        try repo.write("Registers/r.yaml", warned.text + "# touched twice\n")
        try repo.git("add", ".")
        environment = Self.environment
        environment["RISKREG_STRICT"] = "1"
        let blocked = try repo.run(["git", "commit", "-m", "strict"], environment: environment)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("warning: [missing-benefit]"), "\(blocked.stderr)")
    }

    @Test func theHookChecksTheStagedContentNotTheWorkingTree() throws {
        let repo = try TemporaryRepository()
        try Self.installHook(in: repo)
        var broken = TestRegister.standard
        broken.risks[0].likelihood = "130%"
        // Broken in the index, fixed on disk but not re-added: the commit is blocked.
        try repo.write("Registers/r.yaml", broken.text)
        try repo.git("add", "Registers/r.yaml")
        try repo.write("Registers/r.yaml", TestRegister.standard.text)
        let blocked = try commit(repo, "staged copy is broken")
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("[probability-range]"))
        // Valid in the index, broken on disk: the commit goes through.
        try repo.write("Registers/r.yaml", TestRegister.standard.text)
        try repo.git("add", "Registers/r.yaml")
        try repo.write("Registers/r.yaml", broken.text)
        let passed = try commit(repo, "staged copy is valid")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(try repo.git("show", "HEAD:Registers/r.yaml") == TestRegister.standard.text)
    }

    @Test func theHookSaysSoWhenRiskregIsMissing() throws {
        let repo = try TemporaryRepository()
        try Self.installHook(in: repo)
        try repo.write("Registers/r.yaml", TestRegister.standard.text)
        try repo.git("add", ".")
        let result = try repo.run(["git", "commit", "-m", "x"], environment: ["RISKREG": "/nonexistent/riskreg"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'/nonexistent/riskreg' was not found"))
    }

    // MARK: The workflow

    /// The shell of the step called `name` in docs/ci.md's workflow.
    static func step(_ name: String) throws -> String {
        let doc = try String(contentsOfFile: TestSupport.path("docs/ci.md"), encoding: .utf8)
        let lines = doc.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "- name: \(name)" }),
              let run = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "run: |" })
        else { throw TemporaryRepository.Failure(description: "no step `\(name)` with a run block in docs/ci.md") }
        let indent = lines[run].prefix { $0 == " " }.count
        var body: [String] = []
        for line in lines[(run + 1)...] {
            if !line.trimmingCharacters(in: .whitespaces).isEmpty && line.prefix(while: { $0 == " " }).count <= indent { break }
            body.append(String(line.dropFirst(min(indent + 2, line.count))))
        }
        return body.joined(separator: "\n")
    }

    /// Runs a workflow step in `repo` with bash, as the workflow's `shell: bash` does.
    func runStep(_ name: String, in repo: TemporaryRepository, extra: [String: String] = [:]) throws -> TestSupport.ProcessResult {
        let script = try Self.step(name)
        var env = Self.environment
        env["AS_OF"] = "2026-11-30"
        env["GITHUB_STEP_SUMMARY"] = repo.path(".summary.md")
        for (k, v) in extra { env[k] = v }
        return try repo.run(["bash", "-e", "-o", "pipefail", "-c", script], environment: env)
    }

    /// A registers repository with `main`, and a clone on a pull request branch that edits one
    /// register and adds another.
    static func pullRequest() throws -> (upstream: TemporaryRepository, clone: TemporaryRepository) {
        let upstream = try TemporaryRepository()
        try upstream.commit("Registers/library.yaml", TestRegister.standard.text, message: "library register")
        try upstream.commit("Registers/untouched.yaml", TestRegister.standard.text, message: "another")
        let clone = try TemporaryRepository(cloning: upstream)
        try clone.git("checkout", "--quiet", "-b", "pull-request")
        var edited = TestRegister.standard
        edited.risks[1].strategy = "resilience"
        try clone.commit("Registers/library.yaml", edited.text, message: "B is resilience")
        try clone.commit("Registers/new.yaml", TestRegister.standard.text, message: "a new register")
        return (upstream, clone)
    }

    @Test func theValidateStepAnnotatesThePullRequest() throws {
        let (_, clone) = try Self.pullRequest()
        #expect(try runStep("Validate registers", in: clone).status == 0)
        var broken = TestRegister.standard
        broken.risks[0].owner = ""
        try clone.write("Registers/library.yaml", broken.text)
        let result = try runStep("Validate registers", in: clone)
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=Registers/library.yaml,line="), "\(result.stdout)")
        #expect(result.stdout.contains("title=riskreg empty-value::"))
    }

    @Test func theScoreStepFailsOutsideAppetite() throws {
        let (_, clone) = try Self.pullRequest()
        #expect(try runStep("Score against appetite", in: clone).status == 0)
        var outside = TestRegister.standard
        outside.risks[1].likelihood = "90%"
        outside.risks[1].impact = "{pert: [30k, 50k, 90k]}"
        try clone.write("Registers/library.yaml", outside.text)
        #expect(try runStep("Score against appetite", in: clone).status == 2)
    }

    @Test func theDiffStepWritesCommentReadyMarkdownForEachChangedRegister() throws {
        let (_, clone) = try Self.pullRequest()
        let result = try runStep("Diff since the base branch", in: clone, extra: ["BASE_REF": "main"])
        #expect(result.status == 0, "\(result.stderr)")
        let md = try clone.read("register-diff.md")
        #expect(md.hasPrefix("<!-- riskreg diff -->\n## What changed: Test register"))
        #expect(md.contains("| `strategy` | reduction <sub>line"))
        #expect(md.contains("(did not exist: every entry is new)"), "the new register is compared with nothing")
        #expect(md.components(separatedBy: "## What changed").count == 3, "library.yaml and new.yaml, not untouched.yaml")
        #expect(try clone.read(".summary.md") == md)
    }

    @Test func theDiffStepSaysSoWhenNoRegisterChanged() throws {
        let upstream = try TemporaryRepository()
        try upstream.commit("Registers/library.yaml", TestRegister.standard.text, message: "one")
        let clone = try TemporaryRepository(cloning: upstream)
        try clone.git("checkout", "--quiet", "-b", "pull-request")
        try clone.commit("README.md", "notes\n", message: "docs only")
        let result = try runStep("Diff since the base branch", in: clone, extra: ["BASE_REF": "main"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try clone.read("register-diff.md").contains("No register changed in this pull request."))
    }

    @Test func theReportStepWritesACommunityReportPerRegister() throws {
        let (_, clone) = try Self.pullRequest()
        let result = try runStep("Community reports", in: clone)
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: clone.path("reports")).sorted()
        #expect(reports == ["library.html", "new.html", "untouched.html"])
    }
}
