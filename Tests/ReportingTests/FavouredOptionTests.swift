import Foundation
import Reporting
import Testing
import _TestSupport

/// The decision page names the portfolio option the figures favour by one rule, stated in
/// words: fewest statements outside appetite, then the standing on the statements at issue,
/// then money, then an option that does better somewhere and worse nowhere; options still tied
/// are named together, never split by their order in the register.
@Suite("Board report: the favoured option")
struct FavouredOptionTests {
    /// Two ways of running a service, each an activity with a chance of 10 incidents, against an
    /// appetite of at most a 5% chance of more than 3 incidents: both are outside appetite, so
    /// the count of statements outside does not separate them. `options` is appended.
    static func register(second likelihood: String, options: String) -> String {
        SmallRegister.yaml(
            outcomes: [SmallRegister.budget, SmallRegister.incidents],
            appetite: ["{outcome: incidents, loss-exceeds: 3, at-most: 5%}"],
            entries: [
                SmallRegister.runningCosts,
                SmallRegister.entry("P-01", "First way", outcome: "incidents", strategy: "portfolio",
                                   estimates: ["{perspective: officers, likelihood: 90%, impact: 10, benefit: 1}"]),
                SmallRegister.entry("P-02", "Second way", outcome: "incidents", strategy: "portfolio",
                                   estimates: ["{perspective: officers, likelihood: \(likelihood), impact: 10, benefit: 1}"]),
            ]) + "portfolios:\n\(options)\n"
    }

    static func decision(_ yaml: String) throws -> String {
        let register = try ReportFixtures.load(yaml: yaml, file: "t.yaml")
        let markdown = try ReportFixtures.render(register, format: .markdown, audience: .board, trials: 20_000)
        let start = try #require(markdown.range(of: "## For decision"))
        let end = markdown.range(of: "## Contents")?.lowerBound ?? markdown.endIndex
        return String(markdown[start.lowerBound..<end])
    }

    /// Equal on money and on the count outside appetite, the option with the better chance on the
    /// statement outside appetite is favoured, and the page says on what. The first rule in the
    /// register picked the first option here.
    @Test func aTieOnMoneyGoesToTheOptionBetterOnTheStatementAtIssue() throws {
        let decision = try Self.decision(Self.register(second: "60%", options: """
              - {id: first, title: The first way, risks: [P-01]}
              - {id: second, title: The second way, risks: [P-02]}
            """))
        #expect(decision.contains("the figures favour “The second way”"), "\(decision)")
        #expect(decision.contains("stands best against the board’s limits on the statements outside appetite or too close to call: Incidents"))
        // The garbled "of the options that do" after "leaves the fewest outside".
        #expect(!decision.contains("of the options that do"))
    }

    /// Options that are the same in every simulated year tie: the page names both and says they
    /// tie, rather than favour the one that comes first in the register.
    @Test func optionsThatTieAreNamedTogether() throws {
        let decision = try Self.decision(Self.register(second: "90%", options: """
              - {id: first, title: The first way, risks: [P-01]}
              - {id: second, title: The second way, risks: [P-02]}
            """))
        #expect(decision.contains("the figures do not choose between “The first way” and “The second way”: they tie on the rule below"), "\(decision)")
        #expect(!decision.contains("the figures favour “"))
    }

    /// Tied on the first three steps, an option that does better on some outcome and worse on
    /// none is favoured, with what it does better. The first rule in the register picked the
    /// first option here.
    @Test func anOptionBetterSomewhereAndWorseNowhereIsFavoured() throws {
        // The same way of running the service, once with volunteer hours on the side: equal on
        // incidents and money, better on hours.
        let yaml = Self.register(second: "90%", options: """
              - {id: first, title: The first way, risks: [P-01]}
              - {id: hours, title: The first way with volunteers, risks: [P-01, H-01]}
            """)
            .replacingOccurrences(of: "  - {id: incidents, title: Incidents, unit: incidents}\n",
                                  with: "  - {id: incidents, title: Incidents, unit: incidents}\n  - {id: hours, title: Volunteer hours, unit: hours, direction: gain}\n")
            .replacingOccurrences(of: "portfolios:\n", with: """
                  - id: H-01
                    title: Volunteers drop out
                    outcome: hours
                    strategy: portfolio
                    owner: Lead
                    coproduction: {mode: co-design, contributors: [staff]}
                    estimates: [{perspective: officers, likelihood: 20%, impact: 10, benefit: 200}]
                portfolios:

                """)
        let decision = try Self.decision(yaml)
        #expect(decision.contains("the figures favour “The first way with volunteers”: it ties with “The first way” on the first three steps of the rule below"),
                "\(decision)")
        #expect(decision.contains("but it does better than “The first way” on Volunteer hours"))
    }

    /// The rule is stated in words: no board report sends its reader to a file of the code.
    @Test func noReportNamesADeveloperPath() throws {
        for name in ReportFixtures.examples {
            for format in [ReportOptions.Format.markdown, .html] {
                let report = try ReportFixtures.example(name, .board, format: format)
                for path in ["docs/", "Sources/", ".swift", "results.md"] {
                    #expect(!report.contains(path), "\(name) \(format) names \(path)")
                }
            }
        }
    }
}
