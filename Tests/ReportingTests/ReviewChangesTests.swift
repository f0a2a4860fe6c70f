import RegisterDiff
import RegisterLoader
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

    /// The section's figures follow each outcome's direction, as the rest of the report does: a
    /// gain is written as a gain, a net saving in words rather than as a negative loss, and a
    /// change says better or worse rather than carrying a sign. The entry on hours gains a
    /// fixed 100 hours more in every trial, so its change is exactly 100 hours better; the cost
    /// entry becomes three times as likely.
    @Test func figuresFollowTheOutcomesDirection() throws {
        func yaml(benefit: Int, likelihood: String) -> String {
            """
            riskreg: 1
            register: {id: t, title: Test, organisation: Council, horizon: 1 year, currency: GBP}
            outcomes:
              - {id: hours, title: Hours at home, unit: hours, direction: gain}
              - {id: cost, title: Unplanned cost, unit: money, direction: loss}
            contributors:
              - {id: c, name: Residents, kind: community, public: true}
            risks:
              - id: G
                title: Living at home
                outcome: hours
                strategy: enablement
                owner: Officer
                borne-by: The person
                agreement: {agreed-with: the person, date: 2026-09-01}
                coproduction: {mode: co-design, contributors: [c]}
                estimates:
                  - {likelihood: 50%, impact: 100, benefit: \(benefit)}
              - id: M
                title: Shared house
                outcome: cost
                strategy: portfolio
                owner: Officer
                coproduction: {mode: co-design, contributors: [c]}
                estimates:
                  - {likelihood: \(likelihood), impact: 1000, benefit: 400}
            portfolios:
              - {id: p, title: Shared, risks: [M]}

            """
        }
        let old = try ReportFixtures.load(yaml: yaml(benefit: 400, likelihood: "20%"), file: "HEAD:r.yaml")
        let new = try ReportFixtures.load(yaml: yaml(benefit: 500, likelihood: "60%"), file: "r.yaml")
        let scoring = ScoringOptions(seed: 3, trials: 4_000, jobs: 2, asOf: ReportFixtures.asOf)
        let c = try RegisterComparison.compare(
            from: .init(revision: "HEAD", label: "HEAD:r.yaml", exists: true), old,
            to: .init(revision: nil, label: "r.yaml", exists: true), new, options: scoring)
        let review = ReviewChanges(revision: "HEAD", comparison: c, old: old, new: new)
        let options = ReportOptions(format: .markdown, audience: .board, libyamlVersion: RegisterFile.libyamlVersion, command: "riskreg report test")
        let markdown = try Report.render(register: new, score: try Scorer.score(new, options: scoring), options: options,
                                         templates: ReportTemplates(folder: TestSupport.path("Templates")), since: review)
        let section = markdown.components(separatedBy: "## Since the last review")[1].components(separatedBy: "\n## ")[0]
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| Hours at home") || $0.hasPrefix("| Unplanned cost") }
        #expect(rows.count == 6, "\(section)")
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            for cell in cells.dropFirst(2) {
                #expect(!cell.hasPrefix("-") && !cell.hasPrefix("−") && !cell.hasPrefix("+"), "a signed figure: \(row)")
            }
        }
        let mean = try #require(rows.first { $0.hasPrefix("| Hours at home (hours) | Mean |") })
        #expect(mean.contains("| a gain of ") && mean.hasSuffix("| 100 hours better |"), "\(mean)")
        #expect(rows.contains { $0.hasPrefix("| Hours at home (hours) | 1 in 10 bad year (P10 of the gain) | a gain of ") })
        let cost = try #require(rows.first { $0.hasPrefix("| Unplanned cost (GBP) | Mean |") })
        #expect(cost.contains("| a net saving of £") && cost.contains(" worse |"), "\(cost)")
        let summary = try #require(section.split(separator: "\n").dropFirst().first)
        #expect(summary.first?.isLowercase == false, "the summary starts as a sentence: \(summary)")
    }
}
