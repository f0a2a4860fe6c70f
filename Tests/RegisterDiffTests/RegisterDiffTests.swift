import Foundation
import MonteCarlo
import RegisterDiff
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

let asOf = CalendarDate("2026-11-30")!

func load(_ text: String, file: String = "r.yaml") throws -> Register {
    let loaded = RegisterFile.read(bytes: Array(text.utf8), file: file, asOf: asOf)
    guard let register = loaded.register else {
        throw TemporaryRepository.Failure(description: "invalid: \(loaded.diagnostics)")
    }
    return register
}

func compare(_ old: TestRegister?, _ new: TestRegister, trials: Int = 20_000) throws -> RegisterComparison {
    try RegisterComparison.compare(
        from: .init(revision: "HEAD~1", label: "HEAD~1:r.yaml", exists: old != nil), try old.map { try load($0.text) },
        to: .init(revision: nil, label: "r.yaml", exists: true), try load(new.text),
        options: ScoringOptions(seed: 5, trials: trials, jobs: 2, asOf: asOf))
}

/// The line a text starts at in a register.
func line(of needle: String, in text: String) -> Int? {
    text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

@Suite("Structural comparison: field by field, with lines on both sides")
struct StructuralComparisonTests {
    @Test func anIdenticalRegisterHasNoChangesAndZeroScoreChanges() throws {
        let c = try compare(.standard, .standard)
        #expect(c.changes.isEmpty)
        for r in c.scores.risks {
            #expect(r.isUnchanged, "\(r.id)")
            #expect(r.meanLoss.delta == 0)
        }
        for o in c.scores.outcomes {
            #expect(o.mean.delta == 0 && o.p90.delta == 0 && o.p95.delta == 0)
            #expect(o.mean.status == .unchanged)
        }
    }

    @Test func strategyOwnerCoproducersAndConfidentialityAreReportedWithLines() throws {
        var new = TestRegister.standard
        new.risks[1].strategy = "resilience"
        new.risks[1].owner = "Head of service"
        new.risks[1].contributors = "[friends, staff]"
        new.risks[1].confidential = true
        // Push B further down the file so its lines differ between the two sides.
        new.risks[0].owner = "Facilities manager, who also keeps the estates plan"
        let c = try compare(.standard, new)
        let b = c.changes.filter { $0.id == "B" }
        let fields = Dictionary(uniqueKeysWithValues: b.map { ($0.field ?? "", $0) })
        #expect(fields["strategy"]?.before == "reduction")
        #expect(fields["strategy"]?.after == "resilience")
        #expect(fields["owner"]?.after == "Head of service")
        #expect(fields["coproduction.contributors"]?.note == "+ staff")
        #expect(fields["confidential"]?.before == "false")
        #expect(fields["confidential"]?.after == "true")
        let oldLine = line(of: "- id: B", in: TestRegister.standard.text)
        let newLine = line(of: "- id: B", in: new.text)
        #expect(fields["strategy"]?.beforeLine == oldLine)
        #expect(fields["strategy"]?.afterLine == newLine)
        #expect(c.changes.first { $0.id == "A" }?.field == "owner")
        #expect(ComparisonSummary(c).sentence.contains("1 re-tagged to another strategy"))
    }

    @Test func estimatesAndResponsesAreComparedFieldByField() throws {
        var new = TestRegister.standard
        new.risks[0].likelihood = "30%"
        new.risks[0].impact = "{pert: [1k, 5k, 20k]}"
        new.risks[0].response = "{action: Gutters, cost: 750, reliability: 90%, reduces-likelihood-by: 50%}"
        new.risks[1].response = "{action: Excess fund, cost: 1k, reduces-impact-by: 20%}"
        new.risks[2].response = "{action: Reserve volunteers, cost: 300, reduces-impact-by: 50%}"
        let c = try compare(.standard, new)
        let a = Dictionary(uniqueKeysWithValues: c.changes.filter { $0.id == "A" }.map { ($0.field ?? "", $0) })
        #expect(a["estimates[officers].likelihood"]?.before == "20%")
        #expect(a["estimates[officers].likelihood"]?.after == "30%")
        #expect(a["estimates[officers].impact"]?.after == "pert [1,000, 5,000, 20,000]")
        #expect(a["response.cost"]?.before == "500")
        #expect(a["response.cost"]?.after == "750")
        #expect(a["response.action"] == nil)
        let estimateLine = line(of: "likelihood: 30%", in: new.text)
        #expect(a["estimates[officers].likelihood"]?.afterLine == estimateLine)
        let added = c.changes.filter { $0.id == "C" }
        #expect(added.count == 1)
        #expect(added.first?.field == "response")
        #expect(added.first?.before == nil)
        #expect(added.first?.after?.contains("Reserve volunteers") == true)
        #expect(added.first?.afterLine == line(of: "Reserve volunteers", in: new.text))
        #expect(!c.changes.contains { $0.id == "B" })
    }

    @Test func addedAndRemovedEntriesAppetiteAndOutcomes() throws {
        var new = TestRegister.standard
        new.risks.remove(at: 1)
        var d = TestRegister.Entry(id: "D")
        d.strategy = "enablement"
        d.outcome = "hours"
        d.benefit = "{pert: [10, 50, 90]}"
        new.risks.append(d)
        new.appetiteLimit = "5%"
        new.hoursTitle = "Library opening hours lost"
        let c = try compare(.standard, new)
        let removed = try #require(c.changes.first { $0.id == "B" })
        #expect(removed.kind == .removed)
        #expect(removed.beforeLine == line(of: "- id: B", in: TestRegister.standard.text))
        let added = try #require(c.changes.first { $0.id == "D" })
        #expect(added.kind == .added)
        #expect(added.afterLine == line(of: "- id: D", in: new.text))
        let appetite = try #require(c.changes.first { $0.subject == .appetite })
        #expect(appetite.id == "cost/loss-exceeds#1")
        #expect(appetite.field == "at-most")
        #expect(appetite.before == "10%" && appetite.after == "5%")
        let outcome = try #require(c.changes.first { $0.subject == .outcome })
        #expect(outcome.field == "title" && outcome.after == "Library opening hours lost")
        // Scores: B removed, D added, A untouched.
        #expect(c.scores.risks.first { $0.id == "B" }?.meanLoss.status == .removed)
        #expect(c.scores.risks.first { $0.id == "D" }?.meanLoss.status == .added)
        #expect(c.scores.risks.first { $0.id == "A" }?.isUnchanged == true)
    }

    @Test func aRegisterThatDidNotExistMakesEveryEntryNew() throws {
        let c = try compare(nil, .standard)
        #expect(c.from.exists == false)
        let risks = c.changes.filter { $0.subject == .risk }
        #expect(risks.map(\.id) == ["A", "B", "C"])
        #expect(risks.allSatisfy { $0.kind == .added })
        #expect(c.changes.contains { $0.subject == .outcome && $0.kind == .added })
        #expect(c.changes.contains { $0.subject == .appetite && $0.kind == .added })
        #expect(c.scores.risks.allSatisfy { $0.meanLoss.status == .added })
    }
}

@Suite("Score comparison: unchanged risks diff to exactly zero")
struct ScoreComparisonTests {
    @Test func anEditToOneRiskChangesNoOtherRisksFigures() throws {
        var new = TestRegister.standard
        new.risks[1].impact = "{lognormal: [4k, 60k]}"
        let c = try compare(.standard, new)
        let b = try #require(c.scores.risks.first { $0.id == "B" })
        #expect(b.meanLoss.status == .changed)
        #expect((b.meanLoss.delta ?? 0) > 0)
        #expect(c.scores.risks.map(\.id).sorted() == ["A", "B", "C"], "the others are there to be checked")
        for r in c.scores.risks where r.id != "B" {
            #expect(r.isUnchanged, "\(r.id) moved")
            #expect(r.meanLoss.delta == 0)
            #expect(r.probability.delta == 0)
            #expect(r.inherentMeanLoss.delta == 0)
        }
        // The hours outcome holds only C: exactly unchanged. The money outcome moved.
        let hours = try #require(c.scores.outcomes.first { $0.id == "hours" })
        #expect(hours.mean.delta == 0 && hours.p90.delta == 0 && hours.p95.delta == 0)
        let cost = try #require(c.scores.outcomes.first { $0.id == "cost" })
        #expect(cost.mean.status == .changed)
        #expect(cost.inherentMean.status == .changed)
    }

    @Test func aTinyChangeIsMarkedWithinMonteCarloError() throws {
        var new = TestRegister.standard
        new.risks[1].impact = "{lognormal: [2k, 30.1k]}"
        let c = try compare(.standard, new, trials: 5_000)
        let cost = try #require(c.scores.outcomes.first { $0.id == "cost" })
        #expect(cost.p95.delta != 0)
        #expect(cost.p95.status == .withinError)
        let se = try #require(cost.p95.standardError)
        #expect(abs(cost.p95.delta!) < 2 * se)
    }

    @Test func aFlippedAppetiteVerdictIsFlagged() throws {
        var new = TestRegister.standard
        new.risks[1].likelihood = "60%"
        new.risks[1].impact = "{pert: [20k, 40k, 80k]}"
        let c = try compare(.standard, new)
        let appetite = try #require(c.scores.appetite.first)
        #expect(appetite.withinBefore == true)
        #expect(appetite.withinAfter == false)
        #expect(appetite.flipped)
        #expect(appetite.probability.status == .changed)
        let md = ComparisonMarkdown.render(c)
        #expect(md.contains("within → OUTSIDE"))
    }

    /// A ceiling on harm alone reads as one, not as a floor on net benefit.
    @Test func aLimitOnHarmAloneIsWrittenAsOne() throws {
        let text = TestRegister.standard.text.replacingOccurrences(of: "loss-exceeds: 20k", with: "harm-exceeds: 20k")
        #expect(text.contains("harm-exceeds: 20k"))
        let c = try RegisterComparison.compare(
            from: .init(revision: "HEAD~1", label: "HEAD~1:r.yaml", exists: true), try load(text),
            to: .init(revision: nil, label: "r.yaml", exists: true), try load(text),
            options: ScoringOptions(seed: 5, trials: 2_000, jobs: 2, asOf: asOf))
        let md = ComparisonMarkdown.render(c)
        #expect(md.contains("| P(harm alone > 20,000) ≤ 10% |"), "\(md)")
        #expect(!md.contains("net benefit"))
    }

    @Test func markdownNeutralisesRegisterText() throws {
        var new = TestRegister.standard
        new.risks[0].owner = "\"<img src=x onerror=alert(1)> [click](http://evil) @board | *x*\""
        let c = try compare(.standard, new)
        let md = ComparisonMarkdown.render(c)
        #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<img"))
        #expect(!md.contains("[click]("))
        #expect(!md.contains("@board"))
        #expect(!md.contains("http://evil"))
        #expect(md.contains("\\<img src=x onerror=alert(1)>"))
        #expect(md.contains("\\[click\\]"))
        #expect(md.contains("\\| \\*x\\*"))
    }

    @Test func markdownDropsBidiAndControlCharacters() throws {
        var new = TestRegister.standard
        new.risks[0].owner = "\"Team \u{202E}evil\u{202C} lead\u{200B}\""
        let md = ComparisonMarkdown.render(try compare(.standard, new))
        #expect(!md.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{202C}" || $0 == "\u{200B}" })
        #expect(md.contains("Team evil lead"))
    }

    @Test func everyFormatRendersAndTheTableFitsEightyColumns() throws {
        var new = TestRegister.standard
        new.risks[1].strategy = "resilience"
        new.risks[1].owner = "A very long owner name that goes on and on for quite a while, past the edge"
        let c = try compare(.standard, new)
        let table = ComparisonTable.render(c)
        let wide = table.split(separator: "\n").filter { $0.count > ComparisonTable.width }
        #expect(wide.isEmpty, "\(wide)")
        #expect(table.contains("strategy"))
        let json = try JSONEncoder().encode(c)
        let back = try JSONDecoder().decode(RegisterComparison.self, from: json)
        #expect(back.changes == c.changes)
    }
}

@Suite("Reading revisions through git")
struct GitFileTests {
    @Test func readsEachRevisionWithoutTouchingTheWorkingTreeOrIndex() throws {
        let repo = try TemporaryRepository()
        try repo.commit("Registers/r.yaml", "first\n", message: "one")
        try repo.commit("Registers/r.yaml", "second\n", message: "two")
        try repo.write("Registers/r.yaml", "working\n")
        try repo.write("Registers/staged.yaml", "staged\n")
        try repo.git("add", "Registers/staged.yaml")
        let statusBefore = try repo.git("status", "--porcelain")

        let file = try GitFile.locate(repo.path("Registers/r.yaml"))
        #expect(file.pathInRepository == "Registers/r.yaml")
        #expect(try file.contents(at: "HEAD~1").map { String(decoding: $0, as: UTF8.self) } == "first\n")
        #expect(try file.contents(at: "HEAD").map { String(decoding: $0, as: UTF8.self) } == "second\n")
        #expect(try repo.read("Registers/r.yaml") == "working\n")
        #expect(try repo.git("status", "--porcelain") == statusBefore)
        #expect(file.label(at: "HEAD~1") == "HEAD~1:Registers/r.yaml")
    }

    @Test func errorsForAMissingRevisionAMissingFileAndAPathOutsideARepository() throws {
        let repo = try TemporaryRepository()
        try repo.commit("a.yaml", "a\n", message: "one")
        try repo.commit("Registers/b.yaml", "b\n", message: "two")
        let b = try GitFile.locate(repo.path("Registers/b.yaml"))
        #expect(throws: GitError.unknownRevision("no-such-branch")) { try b.contents(at: "no-such-branch") }
        #expect(throws: GitError.unknownRevision("--output=x")) { try b.contents(at: "--output=x") }
        #expect(try b.contents(at: "HEAD~1") == nil)

        let outside = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(throws: GitError.notARepository(outside.appendingPathComponent("r.yaml").path)) {
            try GitFile.locate(outside.appendingPathComponent("r.yaml").path)
        }
    }
}

@Suite("The starter register")
struct StarterRegisterTests {
    @Test func validatesWithNoDiagnosticsAndScores() throws {
        let text = StarterRegister.text(today: asOf)
        #expect(text.hasPrefix("# yaml-language-server: $schema=register.schema.json\n"))
        let loaded = RegisterFile.read(bytes: Array(text.utf8), file: "register.yaml", asOf: asOf)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let register = try #require(loaded.register)
        // Enablement is shown in comments: an entry whose upside outweighs its harm would show a
        // net benefit in every report, and the starter must read well in each.
        #expect(Set(register.risks.map(\.strategy)) == [.reduction, .resilience])
        #expect(text.contains("#   strategy: enablement"))
        let score = try Scorer.score(register, options: ScoringOptions(trials: 5_000, jobs: 1, asOf: asOf))
        #expect(score.outcomes.count == 2)
        #expect(score.appetite.allSatisfy { $0.withinAppetite })
    }

    @Test("the register id comes from the file's name", arguments: [
        ("register.yaml", "register"), ("Registers/ward-7.yaml", "ward-7"), ("Ward 7 (draft).yaml", "ward-7-draft"),
        ("Café Noord.yml", "cafe-noord"), ("...yaml", "my-service"), ("--.yaml", "my-service"), ("x", "x"),
        (String(repeating: "a", count: 80) + ".yaml", String(repeating: "a", count: 64)),
    ])
    func idFromFileName(path: String, id: String) {
        #expect(StarterRegister.id(forFile: path) == id)
    }

    @Test(arguments: ["2026-01-31", "2026-11-30", "2028-02-29"])
    func hasNoReviewWarningsOnTheDayItIsWritten(_ day: String) throws {
        let today = CalendarDate(day)!
        let loaded = RegisterFile.read(bytes: Array(StarterRegister.text(today: today).utf8), file: "r.yaml", asOf: today)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    }
}

@Suite("The diff for a terminal")
struct ComparisonTableTests {
    @Test func terminalControlsInRegisterTextNeverReachTheTerminal() throws {
        var new = TestRegister.standard
        new.risks[0].owner = "\"Team \\e]0;pwned\\a lead \\e[2J\\x9b31m \\u202Eevil\""
        let table = ComparisonTable.render(try compare(.standard, new, trials: 2_000))
        #expect(!table.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(!table.unicodeScalars.contains { $0 == "\u{202E}" })
        #expect(table.contains("Team ]0;pwned lead [2J 31m evil"))
    }

    @Test func markdownLeavesNoAddressMentionReferenceOrMathsLive() throws {
        var new = TestRegister.standard
        new.risks[0].owner = "\"see https://evil.example www.evil.example @board #123 $x$ ops@example.org\""
        let md = ComparisonMarkdown.render(try compare(.standard, new, trials: 2_000))
        for live in ["https://", "www.evil", "@board", "#123", "$x$"] {
            #expect(!md.contains(live), "\(live) is live in the diff")
        }
        // A mail address reads as written, in a code span, where nothing links.
        #expect(!md.contains(" ops@example"), "the mail address is live in the diff")
        #expect(md.contains("https\\://evil.example www\\.evil.example \\@&#8288;board \\#&#8288;123 \\$x\\$ `ops@example.org`"))
    }
}
