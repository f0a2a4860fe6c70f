import Foundation
import RegisterModel
import Reporting
import Testing

/// Where the board's appetite on an outcome is on the net outcome (harm − benefit), the heat map
/// places an entry by its harm net of its benefit; where a statement is on harm alone, by harm.
@Suite("Board report: heat map placement on net outcomes")
struct NetPlacementTests {
    static func register(appetite: String) -> String {
        """
        riskreg: 1
        register: {id: t, title: Test, organisation: Council, horizon: 1 year, currency: EUR}
        outcomes:
          - {id: budget, title: Budget, unit: money}
        appetite:
        \(appetite)
        contributors:
          - {id: c, name: Residents, kind: community, public: true}
        risks:
          - id: E-1
            title: Direct payments for everyone who asks
            outcome: budget
            strategy: enablement
            owner: Officer
            borne-by: The person
            agreement: {agreed-with: the people who asked, date: 2026-09-01}
            coproduction: {mode: co-design, contributors: [c]}
            estimates:
              - likelihood: 50%
                impact: 100k
                benefit: 120k
        """
    }

    /// Harm 100k in the horizons in which it happens (half of them) against a benefit of 120k
    /// in every one: net of benefit the entry gains, so it sits in the lowest band (€0 net); by
    /// harm alone it sits in the top band, a harm of the whole 100k threshold.
    @Test func aNetAppetitePlacesByHarmNetOfBenefit() throws {
        let net = try ReportFixtures.load(yaml: Self.register(appetite: "  - {outcome: budget, loss-exceeds: 100k, at-most: 10%}"))
        let html = try ReportFixtures.render(net, format: .html, audience: .board, trials: 4_000)
        let figure = try #require(html.range(of: "<figure id=\"heat\">").map { ReportFixtures.withoutLabels(String(html[$0.lowerBound...].prefix(20_000))) })
        #expect(figure.contains("an entry’s benefit is taken off its average harm there"))
        #expect(figure.contains("once its benefit is taken off</td>"))
        #expect(figure.contains("<td dir=\"auto\">E-1</td><td dir=\"auto\">Likely (50–80%)</td><td dir=\"auto\">Minor (under 5% of ")
                || figure.contains("<td dir=\"auto\">E-1</td><td dir=\"auto\">Possible (20–50%)</td><td dir=\"auto\">Minor (under 5% of "),
                "\(figure.suffix(1500))")

        let harm = try ReportFixtures.load(yaml: Self.register(appetite: "  - {outcome: budget, harm-exceeds: 100k, at-most: 10%}"))
        let harmHTML = try ReportFixtures.render(harm, format: .html, audience: .board, trials: 4_000)
        let harmFigure = try #require(harmHTML.range(of: "<figure id=\"heat\">").map { ReportFixtures.withoutLabels(String(harmHTML[$0.lowerBound...].prefix(20_000))) })
        #expect(!harmFigure.contains("once its benefit is taken off"))
        #expect(harmFigure.contains("<td dir=\"auto\">Severe (100% or more of "), "\(harmFigure.suffix(1500))")
    }
}
