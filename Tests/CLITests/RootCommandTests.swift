import Foundation
import RegisterModel
import Testing
import _TestSupport

/// What every subcommand shares: the version, and how a command refuses a register with errors.
@Suite("riskreg itself, through the real binary")
struct RootCommandTests {
    @Test func versionIsTheOneReportsCarry() throws {
        let result = try TestSupport.riskreg(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == RiskregVersion.current + "\n")
        #expect(result.stderr.isEmpty)
    }

    /// A repository whose register has one located error: in the working tree, or (with
    /// `brokenBefore`) only at HEAD, with the working tree mended.
    static func repository(brokenBefore: Bool) throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        var valid = TestRegister.standard
        var broken = valid
        broken.risks[0].strategy = "mitigate"
        if brokenBefore { swap(&valid, &broken) }
        try repo.commit("Registers/r.yaml", valid.text, message: "the register")
        try repo.write("Registers/r.yaml", broken.text)
        return repo
    }

    /// Every command that needs a valid register prints each error with its source line and a
    /// caret under the place, then one line saying what it will not do, and exits 1 with
    /// nothing on standard output.
    @Test(arguments: [
        (["score"], false, "Registers/r.yaml: not scored: the register has errors (`riskreg validate Registers/r.yaml` shows every problem)"),
        (["report"], false, "Registers/r.yaml: no report: the register has errors (`riskreg validate Registers/r.yaml` shows every problem)"),
        (["diff", "--since", "HEAD"], false, "Registers/r.yaml: the register has errors at this revision, so it cannot be compared"),
        (["diff", "--since", "HEAD"], true, "HEAD:Registers/r.yaml: the register has errors at this revision, so it cannot be compared"),
        (["report", "--since", "HEAD"], true, "HEAD:Registers/r.yaml: the register has errors at this revision, so it cannot be compared"),
    ])
    func aRegisterWithErrorsIsRefusedAlikeByEveryCommand(_ command: [String], brokenBefore: Bool, _ refusal: String) throws {
        let repo = try Self.repository(brokenBefore: brokenBefore)
        let arguments = [command[0], "Registers/r.yaml"] + command.dropFirst() + ["--trials", "1000", "--as-of", "2026-11-30"]
        let result = try TestSupport.riskreg(arguments, in: repo.root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let error = try #require(lines.firstIndex { $0.contains(": error: [invalid-value]") && $0.contains("mitigate") }, "\(result.stderr)")
        #expect(lines[error].hasPrefix((brokenBefore ? "HEAD:" : "") + "Registers/r.yaml:26:15: error:"))
        try #require(lines.count > error + 3)
        #expect(lines[error + 1].trimmingCharacters(in: .whitespaces) == "strategy: mitigate", "the source line is quoted")
        #expect(lines[error + 2].trimmingCharacters(in: .whitespaces) == "^", "a caret marks the place")
        #expect(lines[error + 2].firstIndex(of: "^")?.utf16Offset(in: lines[error + 2]) == lines[error + 1].firstIndex(of: "m")?.utf16Offset(in: lines[error + 1]))
        #expect(lines.last == refusal)
    }

    /// ArgumentParser prints each default itself: a help text that states it too says it twice,
    /// as "(default: register.yaml). (default: register.yaml)".
    @Test(arguments: ["init", "validate", "score", "report", "diff", "import", "schema"])
    func helpStatesEachDefaultOnce(_ command: String) throws {
        let result = try TestSupport.riskreg([command, "--help"])
        #expect(result.status == 0, "\(result.stderr)")
        let flat = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let repeated = flat.range(of: #"default:? ([^)]+)\)[^(]*\(default: \1\)"#, options: .regularExpression)
        #expect(repeated == nil, "\(repeated.map { String(flat[$0]) } ?? "")")
    }
}
