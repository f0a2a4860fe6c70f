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
