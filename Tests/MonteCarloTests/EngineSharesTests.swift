import Testing
@testable import MonteCarlo

/// ``Engine/shares(_:options:requests:)`` counts trials in series that are never kept: its
/// figures must be the summaries' own, bit for bit, for any number of jobs.
@Suite("Engine: shares counted without keeping the series")
struct EngineSharesTests {
    /// Every view and portfolio, inherent and residual, every threshold and P(net benefit), on a
    /// plan with responses, benefits, a pooled view, portfolios and a correlation group (so the
    /// batches follow the Iman–Conover units), at a trial count that ends inside a block.
    @Test(arguments: [1, 2])
    func sharesEqualTheSummaries(jobs: Int) throws {
        let plan = try PlanFixtures.everything()
        let options = RunOptions(seed: 11, trials: 40_000, jobs: jobs)
        let result = Engine.run(plan, options: options)
        var requests: [Engine.ShareRequest] = []
        var expected: [Statistic] = []
        let configurations = result.views.map(\.outcomes) + result.portfolios.map(\.outcomes)
        for (c, outcomes) in configurations.enumerated() {
            for (o, summaries) in outcomes.enumerated() {
                for residual in [false, true] {
                    let summary = residual ? summaries.residual : summaries.inherent
                    for exceedance in summary.exceedances {
                        requests.append(.init(configuration: c, residual: residual, outcome: o, event: .above(exceedance.threshold)))
                        expected.append(exceedance.probability)
                    }
                    requests.append(.init(configuration: c, residual: residual, outcome: o, event: .belowZero))
                    expected.append(summary.probabilityNetBenefit)
                }
            }
        }
        #expect(requests.count > 40)
        let shares = Engine.shares(plan, options: options, requests: requests)
        for (i, (got, want)) in zip(shares, expected).enumerated() {
            #expect(got == want, "request \(requests[i]): \(got) against \(want)")
        }
        // Some figure is neither 0 nor 1, so the counting is tested, not just the ends.
        #expect(expected.contains { $0.value > 0.01 && $0.value < 0.99 && $0.standardError > 0 })
    }

    /// A count that is not a whole number of batches or blocks: the last block is partial and
    /// batches straddle blocks.
    @Test func sharesAtAnOddTrialCount() throws {
        let plan = try PlanFixtures.everything()
        let options = RunOptions(seed: 3, trials: 20_001, blockSize: 4096, jobs: 2)
        let result = Engine.run(plan, options: options)
        let pooled = result.views[2].outcomes[0].residual
        let shares = Engine.shares(plan, options: options, requests: [
            .init(configuration: 2, residual: true, outcome: 0, event: .above(500)),
            .init(configuration: 2, residual: true, outcome: 0, event: .belowZero),
        ])
        #expect(shares == [pooled.exceedances[0].probability, pooled.probabilityNetBenefit])
    }

    /// The summaries kept beside the counts are the run's own, and a request that reads a few
    /// series (so the others are never added into) still counts exactly the run's figures.
    @Test(arguments: [1, 2])
    func summariesOfAFewSeriesEqualTheRunsAndOnlyThoseAreAddedInto(jobs: Int) throws {
        let plan = try PlanFixtures.everything()
        let options = RunOptions(seed: 5, trials: 30_000, jobs: jobs)
        let result = Engine.run(plan, options: options)
        let portfolio = plan.views.count + plan.portfolios.count - 1
        let wanted: [Engine.SeriesRequest] = [
            .init(configuration: portfolio, residual: true, outcome: 0),
            .init(configuration: 0, residual: false, outcome: plan.outcomeCount - 1),
        ]
        let expected = [
            result.portfolios[plan.portfolios.count - 1].outcomes[0].residual,
            result.views[0].outcomes[plan.outcomeCount - 1].inherent,
        ]
        let threshold = expected[0].exceedances.first!
        let counted = Engine.shares(plan, options: options, requests: [
            .init(configuration: portfolio, residual: true, outcome: 0, event: .above(threshold.threshold)),
        ], summaries: wanted)
        #expect(counted.shares == [threshold.probability])
        for (got, want) in zip(counted.summaries, expected) {
            #expect(got.percentiles == want.percentiles)
            #expect(got.expectedShortfall95 == want.expectedShortfall95)
            #expect(got.mean.value == want.mean.value && got.standardDeviation == want.standardDeviation)
            #expect(got.minimum == want.minimum && got.maximum == want.maximum)
        }
        #expect(expected[0].percentile(0.95)!.value != expected[1].percentile(0.95)!.value, "two different series")
    }
}
