import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// An appetite verdict judged on each perspective's estimates, under each portfolio option and
/// with each large response always or never delivered: the alternatives a board's decision
/// page shows beside the headline.
@Suite("Appetite verdicts: alternatives to the headline")
struct AppetiteAlternativesTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 30)!

    static func load(_ name: String) throws -> Register {
        let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: asOf)
        return try #require(loaded.register)
    }

    /// A perspective's verdict in the pooled run is exactly the one `--perspective` gives, in
    /// every example (all three rank-correlate entries the perspectives estimate differently):
    /// each view is ordered by its own losses, so sharing a run with the pool changes nothing.
    @Test(arguments: ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"])
    func eachPerspectiveVerdictIsExactlyScoringFromThatPerspective(example: String) throws {
        let register = try Self.load(example)
        #expect(!register.correlations.isEmpty)
        let pooled = try Scorer.score(register, options: ScoringOptions(seed: 3, trials: 4_000, jobs: 2, asOf: Self.asOf))
        for perspective in register.perspectives {
            let alone = try Scorer.score(register, options: ScoringOptions(seed: 3, trials: 4_000, jobs: 2, perspective: perspective.id, asOf: Self.asOf))
            #expect(alone.appetite.allSatisfy { $0.perspectives.isEmpty })
            for (headline, own) in zip(pooled.appetite, alone.appetite) {
                let seen = try #require(headline.perspectives.first { $0.id == perspective.id })
                #expect(seen.probability == own.probability, "\(perspective.id) on \(headline.outcome)")
            }
        }
    }

    /// On hours of independent living the practitioners' estimates are within appetite and the
    /// people's outside: the verdict depends on whose estimates are believed.
    @Test func aVerdictCanDependOnWhoseEstimatesAreBelieved() throws {
        let register = try Self.load("adult-social-care-positive-risk")
        let pooled = try Scorer.score(register, options: ScoringOptions(seed: 3, trials: 4_000, jobs: 2, asOf: Self.asOf))
        let hours = try #require(pooled.appetite.first { $0.outcome == "independent-living" })
        #expect(hours.dependsOnEstimates)
    }

    /// The portfolio options' verdicts come from the comparison run; the headline option's is
    /// the headline's, pooled and on every perspective's estimates, so the decision page's two
    /// tables give one chance for it. Ward 7's headline leaves out an activity rank-correlated
    /// with its entries, which pairs the comparison's trials differently: the case where the two
    /// runs' figures differ in the last digits.
    @Test(arguments: ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"])
    func headlinePortfolioOptionIsTheHeadline(example: String) throws {
        let register = try Self.load(example)
        var options = ScoringOptions(seed: 5, trials: 4_000, jobs: 2, asOf: Self.asOf)
        options.responseLevers = true
        let score = try Scorer.score(register, options: options)
        let headline = try #require(score.run.portfolio)
        for verdict in score.appetite {
            #expect(verdict.portfolios.map(\.id) == register.portfolios.map(\.id))
            let same = try #require(verdict.portfolios.first { $0.id == headline })
            #expect(same.probability == verdict.probability, "\(verdict.outcome)")
            for own in verdict.perspectives {
                let options = try #require(verdict.optionsByPerspective?.first { $0.perspective == own.id })
                let cell = try #require(options.portfolios.first { $0.id == headline })
                #expect(cell.probability == own.probability, "\(own.id) on \(verdict.outcome)")
            }
        }
    }

    /// Always delivering a response can only lower each trial's loss and never delivering it
    /// only raise it, on the same random numbers: the headline chance lies between the two
    /// exactly, with no allowance for noise. Asked for only; off by default.
    @Test func responseLeversBracketTheHeadline() throws {
        let register = try Self.load("adult-social-care-positive-risk")
        var options = ScoringOptions(seed: 9, trials: 4_000, jobs: 2, asOf: Self.asOf)
        let plain = try Scorer.score(register, options: options)
        #expect(plain.appetite.allSatisfy { $0.responses.isEmpty })
        options.responseLevers = true
        let score = try Scorer.score(register, options: options)
        let examined = score.appetite.filter { !$0.withinAppetite || !$0.decisive || $0.dependsOnEstimates }
        #expect(!examined.isEmpty)
        for verdict in score.appetite {
            guard examined.contains(where: { $0.outcome == verdict.outcome && $0.threshold == verdict.threshold }) else {
                #expect(verdict.responses.isEmpty)
                continue
            }
            #expect(!verdict.responses.isEmpty && verdict.responses.count <= 3, "\(verdict.outcome)")
            for lever in verdict.responses {
                let (better, worse) = verdict.kind != .netBenefitAbove
                    ? (lever.ifDelivered.value, lever.ifNotDelivered.value) : (-lever.ifDelivered.value, -lever.ifNotDelivered.value)
                let now = verdict.kind != .netBenefitAbove ? verdict.probability.value : -verdict.probability.value
                #expect(better <= now && now <= worse, "\(lever.risk) on \(verdict.outcome): \(better) \(now) \(worse)")
                #expect(register.risk(lever.risk).map { $0.outcomes.contains(verdict.outcome) } ?? false)
            }
        }
    }
}
