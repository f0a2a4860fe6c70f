import Testing
@testable import MonteCarlo

/// A summary reads its order statistics from the sorted batches merged into one sequence: every
/// one must be bit for bit the value bisection on the sort key finds, zeros' signs included.
@Suite("Sorted runs, merged")
struct SortedRunsMergeTests {
    @Test(arguments: [1, 2, 33, 4097, 100_003])
    func mergedReadsAsBisection(n: Int) {
        var values = SummariserTests.sample(n, seed: UInt64(n) &* 7)
        let summariser = Summariser(batches: 32, histogramBins: 40, exceedancePoints: 60, jobs: 1)
        let bounds = summariser.bounds(n)
        values.withUnsafeMutableBufferPointer { v in
            for r in 0..<(bounds.count - 1) {
                RadixSort.sort(UnsafeMutableBufferPointer(rebasing: v[bounds[r]..<bounds[r + 1]]))
            }
        }
        let merged = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { merged.deallocate() }
        values.withUnsafeBufferPointer { v in
            SortedRuns.merge(base: v.baseAddress!, bounds: bounds, into: merged)
            let bisection = SortedRuns(base: v.baseAddress!, bounds: bounds)
            let direct = SortedRuns(base: v.baseAddress!, bounds: bounds, merged: UnsafePointer(merged))
            // Every position of the small samples; a spread of them, and the last, of the large.
            for k in Array(stride(from: 0, to: n, by: max(1, n / 3000))) + [n - 1] {
                #expect(direct.orderStatistic(k).bitPattern == bisection.orderStatistic(k).bitPattern, "k = \(k)")
                let (a, b) = direct.orderStatistics(k), (c, d) = bisection.orderStatistics(k)
                #expect(a.bitPattern == c.bitPattern && b.bitPattern == d.bitPattern, "k = \(k)")
            }
            for p in [0, 0.05, 0.5, 0.9, 0.95, 0.99, 1] {
                #expect(direct.quantile(p).bitPattern == bisection.quantile(p).bitPattern, "p = \(p)")
            }
            #expect(direct.expectedShortfall(0.95).bitPattern == bisection.expectedShortfall(0.95).bitPattern)
        }
    }
}
