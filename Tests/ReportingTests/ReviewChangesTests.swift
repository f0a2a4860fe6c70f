import RegisterDiff
import RegisterModel
import Scoring
import Testing
import _TestSupport
@testable import Reporting

@Suite("Since the last review: from a comparison, without git or the command line")
struct ReviewChangesTests {
    /// A re-estimated so its verdict flips, B re-tagged, confidential D re-estimated, C removed,
    /// E added.
    static func comparison() throws -> (RegisterComparison, Register, Register) {
        var r = TestRegister.standard
        var d = TestRegister.Entry(id: "D")
        d.confidential = true
        r.risks.append(d)
        let old = try ReportFixtures.load(yaml: r.text, file: "HEAD:r.yaml")
        r.risks[0].likelihood = "60%"
        r.risks[0].impact = "{pert: [30k, 40k, 60k]}"
        r.risks[1].strategy = "resilience"
        r.risks[3].likelihood = "45%"
        r.risks.remove(at: 2)
        r.risks.append(TestRegister.Entry(id: "E"))
        let new = try ReportFixtures.load(yaml: r.text, file: "r.yaml")
        let c = try RegisterComparison.compare(
            from: .init(revision: "HEAD", label: "HEAD:r.yaml", exists: true), old,
            to: .init(revision: nil, label: "r.yaml", exists: true), new,
            options: ScoringOptions(seed: 3, trials: 4_000, jobs: 2, asOf: ReportFixtures.asOf))
        return (c, old, new)
    }

    @Test func mapsEveryChangeWithTitlesStrategiesAndConfidentiality() throws {
        let (c, old, new) = try Self.comparison()
        let review = ReviewChanges(revision: "HEAD", comparison: c, old: old, new: new)
        #expect(review.revision == "HEAD" && review.existed)
        #expect(review.summary == ComparisonSummary(c).sentence)
        let added = try #require(review.changes.first { $0.kind == .added && $0.subject == "risk" })
        #expect(added.id == "E" && added.title == "Risk E" && added.after == "reduction" && added.before == nil)
        let removed = try #require(review.changes.first { $0.kind == .removed && $0.subject == "risk" })
        #expect(removed.id == "C" && removed.title == "Risk C" && removed.before == "resilience", "a removed entry keeps its title")
        let retag = try #require(review.changes.first { $0.field == "strategy" })
        #expect(retag.id == "B" && retag.before == "reduction" && retag.after == "resilience")
        #expect(review.changes.first { $0.id == "D" }?.confidential == true)
        #expect(review.changes.filter { $0.id == "A" }.allSatisfy { !$0.confidential })
        let flip = try #require(review.verdicts.first { $0.flipped })
        #expect(flip.outcome == "Unplanned cost" && flip.withinBefore == true && flip.withinAfter == false)
        #expect(review.outcomes.map(\.title) == ["Unplanned cost", "Opening hours lost"])
        #expect(review.outcomes[0].mean.status == .changed)
    }

    @Test func aFileThatDidNotExistMakesEveryEntryNew() throws {
        let new = try ReportFixtures.load(yaml: TestRegister.standard.text)
        let c = try RegisterComparison.compare(
            from: .init(revision: "HEAD", label: "HEAD:r.yaml", exists: false), nil,
            to: .init(revision: nil, label: "r.yaml", exists: true), new,
            options: ScoringOptions(seed: 3, trials: 1_000, jobs: 2, asOf: ReportFixtures.asOf))
        let review = ReviewChanges(revision: "HEAD", comparison: c, old: nil, new: new)
        #expect(!review.existed)
        #expect(review.changes.filter { $0.subject == "risk" }.allSatisfy { $0.kind == .added })
        #expect(review.changes.filter { $0.subject == "risk" }.map(\.id) == ["A", "B", "C"])
    }
}
