import Testing
import Distributions
@testable import MonteCarlo

/// The summariser sorts batches by radix sort and reads the whole sample by selection across
/// them: every figure must equal the one a full sort gives.
@Suite("Summariser")
struct SummariserTests {
    /// Losses with ties, zeros of both signs, negatives and a long tail.
    static func sample(_ n: Int, seed: UInt64) -> [Double] {
        var g = Xoshiro256PlusPlus(seed: seed)
        return (0..<n).map { i in
            let u = g.nextUnit()
            switch i % 5 {
            case 0: return 0
            case 1: return -0.0
            case 2: return (u * 8).rounded(.down) * 125
            case 3: return -40 * u
            default: return 1000 / (1 - u).squareRoot()
            }
        }
    }

    @Test(arguments: [1, 2, 63, 64, 1000, 50_001])
    func radixSortSorts(n: Int) {
        var x = Self.sample(n, seed: UInt64(n))
        let expected = x.sorted()
        x.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
        #expect(x.elementsEqual(expected) { $0 == $1 })
    }

    @Test(arguments: [3, 100, 4097, 200_003])
    func selectionAcrossBatchesEqualsAFullSort(n: Int) {
        let original = Self.sample(n, seed: 99)
        let full = original.sorted()
        let thresholds = [0.0, 250, 1500, -10]
        let summariser = Summariser(batches: 32, histogramBins: 40, exceedancePoints: 60, jobs: 2)
        var values = original
        let summary = values.withUnsafeMutableBufferPointer { summariser.summarise($0, thresholds: thresholds) }
        full.withUnsafeBufferPointer { s in
            for (p, got) in zip(OutcomeSummary.percentileProbabilities, summary.percentiles) {
                #expect(got.value.value == SortedSample.quantile(s, p), "P\(p)")
            }
            #expect(summary.expectedShortfall95.value == SortedSample.expectedShortfall(s, 0.95))
            for (x, e) in zip(thresholds, summary.exceedances) {
                #expect(e.probability.value == Double(n - SortedSample.countAtMost(s, x)) / Double(n))
            }
            #expect(summary.probabilityNetBenefit.value == Double(SortedSample.countBelow(s, 0)) / Double(n))
            #expect(summary.minimum == s[0] && summary.maximum == s[n - 1])
            for point in summary.exceedanceCurve {
                #expect(point.loss == SortedSample.quantile(s, 1 - point.probability))
            }
        }
        values.withUnsafeBufferPointer { v in
            let runs = SortedRuns(base: v.baseAddress!, bounds: summariser.bounds(n))
            for k in [0, n / 3, n / 2, n - 1] { #expect(runs.orderStatistic(k) == full[k]) }
        }
    }
}
