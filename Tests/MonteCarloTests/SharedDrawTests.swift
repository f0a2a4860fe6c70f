import Foundation
import Testing
@testable import MonteCarlo

/// The engine's shortcuts that must not move a figure: views reading one set of draws, and the
/// radix and counting sorts standing in for comparison sorts.
@Suite("Shared draws and sorts")
struct SharedDrawTests {
    /// A run of several views draws each event's impact once and lets every view read it; each
    /// view's figures must be those of a run of that view alone, which draws for itself.
    @Test func everyViewOfARunEqualsARunOfThatViewAlone() throws {
        let full = try PlanFixtures.everything()
        // Without correlations (they reorder by the primary view, which differs between the
        // runs) and portfolios (compared under the primary view).
        let plan = try SimulationPlan(
            outcomeCount: full.outcomeCount, risks: full.risks, views: full.views,
            thresholds: full.thresholds, totalThresholds: full.totalThresholds)
        let options = RunOptions(seed: 9, trials: 5_000, blockSize: 1024, jobs: 2)
        let together = Engine.run(plan, options: options)
        for (v, view) in plan.views.enumerated() {
            let alone = try SimulationPlan(
                outcomeCount: plan.outcomeCount, risks: plan.risks, views: [view],
                thresholds: plan.thresholds, totalThresholds: plan.totalThresholds)
            let single = Engine.run(alone, options: options)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            #expect(try encoder.encode(together.views[v]) == encoder.encode(single.views[0]), "view \(view.name)")
        }
    }

    /// Views that read a risk alike (a perspective that did not estimate it reads it as the
    /// pool does) are evaluated once: each must still equal a run of that view alone.
    @Test func viewsThatReadARiskAlikeEqualRunsOfEachAlone() throws {
        let full = try EventChunkTests.plan()
        let late = SimulationPlan.View(name: "late", weights: full.views[2].weights.enumerated().map { r, w in r == 0 ? [1, 0] : w })
        let plan = try SimulationPlan(
            outcomeCount: full.outcomeCount, risks: full.risks, views: full.views + [late],
            thresholds: full.thresholds, totalThresholds: full.totalThresholds, deliverers: full.deliverers)
        let options = RunOptions(seed: 2, trials: 4_000, blockSize: 1024, jobs: 2)
        let together = Engine.run(plan, options: options)
        for (v, view) in plan.views.enumerated() {
            let alone = try SimulationPlan(
                outcomeCount: plan.outcomeCount, risks: plan.risks, views: [view],
                thresholds: plan.thresholds, totalThresholds: plan.totalThresholds, deliverers: plan.deliverers)
            let single = Engine.run(alone, options: options)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            #expect(try encoder.encode(together.views[v]) == encoder.encode(single.views[0]), "view \(view.name)")
        }
    }

    /// One run can serve the headline and the portfolio comparison: an activity outside the
    /// views still adds into the portfolios that select it. Its views must equal a run without
    /// that activity, and its portfolios and pooled risks a run of the comparison alone.
    @Test func aRunWithActivitiesOutsideTheViewsEqualsTheHeadlineAndComparisonRuns() throws {
        let full = try PlanFixtures.everything()
        let leftOut = 2  // "volunteers", an activity of the portfolios other than "in-house"
        var risks = full.risks
        risks[leftOut].inViews = false
        let merged = try SimulationPlan(
            outcomeCount: full.outcomeCount, risks: risks, views: full.views, portfolios: full.portfolios,
            correlations: full.correlations, thresholds: full.thresholds, totalThresholds: full.totalThresholds)
        let kept = full.risks.indices.filter { $0 != leftOut }
        let renumber = { (r: Int) in r > leftOut ? r - 1 : r }
        #expect(full.correlations.allSatisfy { $0.first != leftOut && $0.second != leftOut })
        let headline = try SimulationPlan(
            outcomeCount: full.outcomeCount, risks: kept.map { full.risks[$0] },
            views: full.views.map { view in .init(name: view.name, weights: kept.map { view.weights[$0] }) },
            correlations: full.correlations.map { .init(renumber($0.first), renumber($0.second), spearman: $0.spearman) },
            thresholds: full.thresholds, totalThresholds: full.totalThresholds)
        let comparison = try SimulationPlan(
            outcomeCount: full.outcomeCount, risks: full.risks, views: [full.views[full.views.count - 1]],
            portfolios: full.portfolios, correlations: full.correlations,
            thresholds: full.thresholds, totalThresholds: full.totalThresholds)
        let options = RunOptions(seed: 4, trials: 6_000, blockSize: 1024, jobs: 2)
        let one = Engine.run(merged, options: options)
        let main = Engine.run(headline, options: options)
        let compared = Engine.run(comparison, options: options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        for v in full.views.indices {
            var view = one.views[v]
            view.risks = kept.map { one.views[v].risks[$0] }
            #expect(try encoder.encode(view) == encoder.encode(main.views[v]), "view \(full.views[v].name)")
        }
        #expect(try encoder.encode(one.portfolios) == encoder.encode(compared.portfolios))
        #expect(try encoder.encode(one.views[full.views.count - 1].risks) == encoder.encode(compared.views[0].risks))
        #expect(one.correlations.map { $0.achieved } == main.correlations.map { $0.achieved })
    }

    /// Copies of an entry that differ only in their response (as the response levers' always-
    /// and never-delivered variants) are evaluated with it as one family, on one set of events
    /// and draws: each option holding a copy must equal a run of the plan with the entry's
    /// reliability changed, bit for bit, and the plan must really form the family.
    @Test(arguments: [1, 2])
    func variantsSharingTheirEntrysDrawsEqualRunsOfTheirOwn(jobs: Int) throws {
        let base = try EventChunkTests.plan()
        // "rare mixed": a probability, a fixed rate and a drawn rate, a response resting on a
        // deliverer that steps back; outside every correlation.
        let entry = base.risks.count - 2
        #expect(!base.correlations.contains { $0.first == entry || $0.second == entry })
        var risks = base.risks
        risks[entry].isActivity = true
        let others = risks.indices.filter { risks[$0].isActivity && $0 != entry }
        var portfolios: [SimulationPlan.Portfolio] = []
        let headline = base.views[base.views.count - 1]
        var weights = headline.weights
        for (step, reliability) in [1.0, 0.0].enumerated() {
            var variant = base.risks[entry]
            variant.key = base.risks[entry].key &+ UInt64(step + 1)
            variant.occurrenceKey = base.risks[entry].key
            variant.response?.reliability = reliability
            variant.isActivity = true
            variant.inViews = false
            portfolios.append(.init(name: "\(reliability)", activities: others + [risks.count]))
            risks.append(variant)
            weights.append(weights[entry])
        }
        let plan = try SimulationPlan(
            outcomeCount: base.outcomeCount, risks: risks, views: [.init(name: headline.name, weights: weights)],
            portfolios: portfolios, primaryView: 0,
            correlations: base.correlations, thresholds: base.thresholds, totalThresholds: base.totalThresholds,
            deliverers: base.deliverers)
        #expect(CompiledPlan(plan).ungroupedFamilies.contains([entry, base.risks.count, base.risks.count + 1]))
        let options = RunOptions(seed: 21, trials: 4_000, blockSize: 1024, jobs: jobs)
        let together = Engine.run(plan, options: options)
        for (p, reliability) in [1.0, 0.0].enumerated() {
            var alone = base.risks
            alone[entry].response?.reliability = reliability
            let definition = try SimulationPlan(
                outcomeCount: base.outcomeCount, risks: alone, views: [headline], primaryView: 0,
                correlations: base.correlations, thresholds: base.thresholds, totalThresholds: base.totalThresholds,
                deliverers: base.deliverers)
            let single = Engine.run(definition, options: options)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            #expect(try encoder.encode(together.portfolios[p].outcomes) == encoder.encode(single.views[0].outcomes), "reliability \(reliability)")
            #expect(try encoder.encode(together.views[0].risks[base.risks.count + p]) == encoder.encode(single.views[0].risks[entry]))
        }
    }

    @Test(arguments: [1, 2, 63, 1024, 5000])
    func radixOrderIsTheStableSortOrder(count: Int) {
        var g = SplitMix64(seed: UInt64(count))
        // Few distinct values, so there are many ties, with −0 and +0 among them (equal under <).
        let pool: [Double] = [-3.5, -0.0, 0.0, 1e-300, 2, 2.5, 1e300, -1e-300]
        let values = (0..<count).map { _ in pool[Int(g.next() % UInt64(pool.count))] + (g.next() % 4 == 0 ? Double(g.next() % 1000) : 0) }
        let expected = (0..<count).sorted { (values[$0], $0) < (values[$1], $1) }
        var order = Array(repeating: -1, count: count)
        values.withUnsafeBufferPointer { v in
            order.withUnsafeMutableBufferPointer { StableOrder.indices(of: v.baseAddress!, count: count, into: $0.baseAddress!) }
        }
        #expect(order == expected)
    }

    @Test func sortingEventsByTrialKeepsTheOrderWithinATrial() {
        var events = EventList(capacity: 4)
        var g = SplitMix64(seed: 5)
        var appended: [(trial: Int, mask: UInt64, seed: UInt64)] = []
        for i in 0..<300 {
            let e = (trial: Int(g.next() % 40), mask: UInt64(i), seed: g.next())
            appended.append(e)
            events.append(e.trial, e.mask, e.seed)
        }
        events.sortByTrial(trials: 40)
        let expected = appended.enumerated().sorted { ($0.element.trial, $0.offset) < ($1.element.trial, $1.offset) }.map(\.element)
        #expect(events.count == expected.count)
        for (i, e) in expected.enumerated() {
            #expect(Int(events.trial[i]) == e.trial && events.mask[i] == e.mask && events.seed[i] == e.seed, "event \(i)")
        }
        events.free()
    }
}
