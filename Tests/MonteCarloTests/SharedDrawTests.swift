import Foundation
import Testing
@testable import MonteCarlo

/// The engine's shortcuts that must not move a figure: the radix and counting sorts standing
/// in for comparison sorts.
@Suite("Shared draws and sorts")
struct SharedDrawTests {
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
