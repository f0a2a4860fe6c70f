import Foundation
import RegisterLoader
import RegisterModel
import Reporting
import Scoring
import Testing
import _TestSupport

/// The board report opens with what the board must decide: verdicts under every view, what
/// would change them, who owns the register and what the figures rest on.
@Suite("Board report: the decision page")
struct DecisionPageTests {
    /// The text of the HTML section with this id.
    static func section(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<section id=\"\(id)\">") else { return nil }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test func theDecisionPageComesFirst() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        let html = try ReportFixtures.render(register, format: .html, audience: .board)
        let decision = try #require(Self.section("decision", in: html))
        let decisionStart = try #require(html.range(of: "<section id=\"decision\">")).lowerBound
        for later in ["<section id=\"summary\">", "<section id=\"coproduction\">", "<section id=\"detail\">"] {
            #expect(try #require(html.range(of: later)).lowerBound > decisionStart)
        }
        // Which option the headline assumes, the owner and both review dates, at the top.
        #expect(decision.contains("Shared Lives"))
        #expect(decision.contains("Principal social worker"))
        #expect(decision.contains("2026-11-11") && decision.contains("2027-05-12"))
        // A verdict per perspective beside the pooled one, and the reading that follows.
        #expect(decision.contains("Social workers and practitioners"))
        #expect(decision.contains("Depends on whose estimates you believe"))
        // Levers computed from the simulation: a response always and never delivered, and no
        // responses at all.
        #expect(decision.contains("were always delivered"))
        #expect(decision.contains("If no response were delivered"))
        let markdown = try ReportFixtures.render(register, format: .markdown, audience: .board)
        let first = try #require(markdown.range(of: "\n## ")).upperBound
        #expect(markdown[first...].hasPrefix("For decision"))
    }

    @Test func communityReportsHaveNoDecisionPage() throws {
        let register = try ReportFixtures.load("adult-social-care-positive-risk")
        let html = try ReportFixtures.render(register, format: .html, audience: .community)
        #expect(Self.section("decision", in: html) == nil)
    }

    /// A register with an entry awaiting review, a free response, a banded estimate and a
    /// perspective that estimated only one entry.
    static let imperfect = """
        riskreg: 1
        register: {id: t, title: T, organisation: O, horizon: 12 months, currency: GBP, owner: Head of service}
        outcomes: [{id: budget, title: Budget, unit: money}]
        appetite: [{outcome: budget, loss-exceeds: 50k, at-most: 10%}]
        contributors: [{id: staff, name: Staff, kind: staff}, {id: panel, name: Panel, kind: community}]
        perspectives:
          - {id: officers, title: Officers, contributors: [staff], weight: 3}
          - {id: residents, title: Residents, contributors: [panel], weight: 1}
        scales:
          likelihood:
            levels:
              - {level: 1, label: rare, from: 0%, to: 10%}
              - {level: 2, label: likely, from: 10%, to: 100%}
          impact:
            - unit: money
              levels:
                - {level: 1, label: minor, from: 0, to: 10k}
                - {level: 2, label: major, from: 10k}
          rating: {method: product, amber-from: 2, red-from: 4}
        risks:
          - id: R-01
            title: Imported entry
            outcome: budget
            strategy: reduction
            owner: Lead
            coproduction: {mode: co-design, contributors: [staff]}
            estimates:
              - {perspective: officers, likelihood: likely, impact: major}
            needs-review: [strategy, coproduction]
          - id: R-02
            title: Free response
            outcome: budget
            strategy: reduction
            owner: Lead
            coproduction: {mode: co-assessment, contributors: [staff, panel]}
            estimates:
              - {perspective: officers, likelihood: 20%, impact: {pert: [1k, 5k, 20k]}}
              - {perspective: residents, likelihood: 40%, impact: {pert: [1k, 8k, 30k]}}
            response: {action: Volunteers check, cost: 0, reduces-likelihood-by: 50%, reliability: 60%, delivered-by: [panel]}
        """

    @Test func theDataQualityPanelSaysWhatTheFiguresRestOn() throws {
        let loaded = RegisterFile.read(bytes: Array(Self.imperfect.utf8), file: "t.yaml", asOf: ReportFixtures.asOf)
        let register = try #require(loaded.register, "\(loaded.diagnostics)")
        let html = try ReportFixtures.render(register, format: .html, audience: .board)
        let decision = ReportFixtures.withoutLabels(try #require(Self.section("decision", in: html)))
        #expect(decision.contains("<a href=\"#risk-R-01\">R-01</a> <bdi>Imported entry</bdi>: to check: strategy, coproduction"))
        #expect(decision.contains("<a href=\"#risk-R-02\">R-02</a> <bdi>Free response</bdi>: a cost of £0: the register records it as the real cost, not as a figure still to be checked. Volunteers check"))
        #expect(decision.contains("<a href=\"#risk-R-01\">R-01</a> <bdi>Imported entry</bdi>: Officers"))
        // Residents estimated one entry of two; their figures for the other are borrowed.
        #expect(decision.contains("<tr><td><bdi>Residents</bdi></td><td class=\"num\">25%</td><td>the register does not say</td><td>1 of 2 entries</td><td>R-01</td></tr>"))
        #expect(decision.contains("<tr><td><bdi>Officers</bdi></td><td class=\"num\">75%</td><td>the register does not say</td><td>2 of 2 entries</td><td>none</td></tr>"))
        #expect(decision.contains("<bdi>Residents</bdi> (<a class=\"term\" href=\"#g-borrowed\">own estimates for</a> 1 of 2 entries)"), "\(decision)")
        #expect(decision.contains("Head of service"))
    }
}
