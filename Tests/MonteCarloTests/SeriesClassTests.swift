import Testing
@testable import MonteCarlo

/// Series that receive the same additions in the same order are stored once
/// (``CompiledPlan/seriesClass``), and the run's figures are those of each series kept apart.
@Suite("Series classes")
struct SeriesClassTests {
    /// In the fixture every portfolio differs only in its activities, all on outcome 1: on
    /// outcome 0 each portfolio adds exactly the primary view's risks, so its series there are
    /// copies of the primary view's; on outcome 1 the portfolios differ and stay apart.
    @Test func portfoliosThatChangeNothingOnAnOutcomeShareThePrimaryViewsSeries() throws {
        let plan = try PlanFixtures.everything()
        let compiled = CompiledPlan(plan)
        let primary = plan.primaryView
        for state in 0..<compiled.stateCount {
            let view0 = compiled.series(config: primary, state: state, slot: 0)
            var outcome1: Set<Int> = []
            for p in plan.portfolios.indices {
                let config = compiled.viewCount + p
                #expect(compiled.seriesClass[compiled.series(config: config, state: state, slot: 0)] == view0)
                outcome1.insert(compiled.seriesClass[compiled.series(config: config, state: state, slot: 1)])
            }
            #expect(outcome1.count == plan.portfolios.count, "state \(state)")
        }
        #expect(compiled.seriesClass.indices.allSatisfy { compiled.seriesClass[$0] <= $0 })
        #expect(compiled.storedSeriesCount < compiled.seriesCount)
        // A copy is listed as a target of no run: only its class's first series is written.
        let copies = Set(compiled.seriesClass.indices.filter { compiled.seriesClass[$0] != $0 })
        for r in plan.risks.indices {
            #expect(Set(compiled.allTargets(risk: r)).isDisjoint(with: copies))
        }
    }

    /// Sharing storage moves no figure: a run is the same on one thread and several, and a
    /// portfolio more (whose outcome-0 series are copies) leaves the views and the other
    /// portfolios as they were.
    @Test func sharedSeriesMoveNoFigure() throws {
        let plan = try PlanFixtures.everything()
        let options = RunOptions(seed: 5, trials: 5_000, blockSize: 1024, jobs: 2)
        let full = Engine.run(plan, options: options)
        var serial = options
        serial.jobs = 1
        #expect(try PlanFixtures.json(Engine.run(plan, options: serial)) == PlanFixtures.json(full))
        let fewer = try SimulationPlan(
            outcomeCount: plan.outcomeCount, risks: plan.risks, views: plan.views, portfolios: Array(plan.portfolios.prefix(2)),
            correlations: plan.correlations, thresholds: plan.thresholds, totalThresholds: plan.totalThresholds)
        let less = Engine.run(fewer, options: options)
        #expect(less.views == full.views)
        #expect(less.portfolios == Array(full.portfolios.prefix(2)))
    }
}
