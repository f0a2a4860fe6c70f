#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Statistics of a sorted sample.
enum SortedSample {
    /// The `p`-quantile by linear interpolation between order statistics (Hyndman–Fan type 7,
    /// the default of R and numpy), so reports match what an analyst would get from the same
    /// numbers.
    static func quantile(_ s: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
        let n = s.count
        if n == 0 { return .nan }
        let h = Double(n - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, n - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }

    /// Mean of the largest ⌈(1 − p)·n⌉ values.
    static func expectedShortfall(_ s: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
        let n = s.count
        if n == 0 { return .nan }
        let m = max(1, Int((Double(n) * (1 - p)).rounded(.up)))
        var sum = 0.0
        for i in (n - m)..<n { sum += s[i] }
        return sum / Double(m)
    }

    /// The number of values ≤ x (binary search).
    static func countAtMost(_ s: UnsafeBufferPointer<Double>, _ x: Double) -> Int {
        var lo = 0, hi = s.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The number of values < x.
    static func countBelow(_ s: UnsafeBufferPointer<Double>, _ x: Double) -> Int {
        var lo = 0, hi = s.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Turns one series of per-trial losses into an ``OutcomeSummary``.
///
/// Sorts the series in place batch by batch (in parallel), computes each batch's statistics
/// for the batch-means standard errors, then merges the sorted batches into `scratch` for the
/// full-sample statistics: an exact sort of all trials at the cost of one extra buffer.
struct Summariser {
    var batches: Int
    var histogramBins: Int
    var exceedancePoints: Int
    /// Threads for sorting batches (1 sorts on the calling thread).
    var jobs: Int

    /// The statistics computed per batch (and on the whole sample), in a fixed order:
    /// the percentiles, ES95, each threshold's exceedance, P(net benefit).
    private func statistics(_ s: UnsafeBufferPointer<Double>, thresholds: [Double]) -> [Double] {
        var out = OutcomeSummary.percentileProbabilities.map { SortedSample.quantile(s, $0) }
        out.append(SortedSample.expectedShortfall(s, 0.95))
        let n = Double(s.count)
        for x in thresholds { out.append(Double(s.count - SortedSample.countAtMost(s, x)) / n) }
        out.append(Double(SortedSample.countBelow(s, 0)) / n)
        return out
    }

    /// Summarises `values`, which is left sorted batch by batch (trial order is lost).
    func summarise(_ values: UnsafeMutableBufferPointer<Double>, thresholds: [Double], scratch: UnsafeMutableBufferPointer<Double>) -> OutcomeSummary {
        let n = values.count
        var sum = 0.0
        for x in values { sum += x }
        let mean = sum / Double(n)
        var ss = 0.0
        for x in values { ss += (x - mean) * (x - mean) }
        let sd = n > 1 ? (ss / Double(n - 1)).squareRoot() : 0

        let b = max(1, min(batches, n))
        let bounds = (0...b).map { $0 * n / b }
        var batchStats = Array(repeating: [Double](), count: b)
        let base = values.baseAddress!
        batchStats.withUnsafeMutableBufferPointer { out in
            let outBase = out.baseAddress!
            nonisolated(unsafe) let outPtr = outBase
            nonisolated(unsafe) let basePtr = base
            let sortBatch: @Sendable (Int) -> Void = { i in
                var segment = UnsafeMutableBufferPointer(start: basePtr + bounds[i], count: bounds[i + 1] - bounds[i])
                segment.sort()
                (outPtr + i).pointee = statistics(UnsafeBufferPointer(segment), thresholds: thresholds)
            }
            // Batches are independent, so the result does not depend on how they are spread.
            if jobs > 1 {
                DispatchQueue.concurrentPerform(iterations: b, execute: sortBatch)
            } else {
                for i in 0..<b { sortBatch(i) }
            }
        }
        // Merge the sorted batches pairwise, alternating between the two buffers.
        var runs = bounds
        var source = values, target = scratch
        while runs.count > 2 {
            var next = [0]
            var i = 0
            while i + 1 < runs.count {
                let lo = runs[i], mid = runs[min(i + 1, runs.count - 1)]
                let hi = i + 2 < runs.count ? runs[i + 2] : mid
                merge(source, lo, mid, hi, into: target)
                next.append(hi)
                i += 2
            }
            runs = next
            swap(&source, &target)
        }
        let sorted = UnsafeBufferPointer(source)
        let full = statistics(sorted, thresholds: thresholds)

        func se(_ k: Int) -> Double {
            guard b > 1 else { return .nan }
            let m = batchStats.reduce(0) { $0 + $1[k] } / Double(b)
            let v = batchStats.reduce(0) { $0 + ($1[k] - m) * ($1[k] - m) } / Double(b - 1)
            return (v / Double(b)).squareRoot()
        }
        let pcount = OutcomeSummary.percentileProbabilities.count
        let percentiles = OutcomeSummary.percentileProbabilities.enumerated().map { i, p in
            OutcomeSummary.Percentile(probability: p, value: Statistic(value: full[i], standardError: se(i)))
        }
        let var95 = percentiles[OutcomeSummary.percentileProbabilities.firstIndex(of: 0.95)!].value
        let es = Statistic(value: full[pcount], standardError: se(pcount))
        let exceedances = thresholds.enumerated().map { i, x in
            OutcomeSummary.Exceedance(threshold: x, probability: Statistic(value: full[pcount + 1 + i], standardError: se(pcount + 1 + i)))
        }
        let benefitIndex = pcount + 1 + thresholds.count
        let lo = sorted[0], hi = sorted[n - 1]
        let bins = max(1, histogramBins)
        let width = hi > lo ? (hi - lo) / Double(bins) : 1
        var counts = Array(repeating: 0, count: bins)
        for x in sorted { counts[min(bins - 1, max(0, Int((x - lo) / width)))] += 1 }
        var curve: [OutcomeSummary.CurvePoint] = []
        let qHigh = 0.99, qLow = max(10.0 / Double(n), 1e-4)
        let points = max(2, exceedancePoints)
        if qLow < qHigh {
            for k in 0..<points {
                let q = exp(log(qHigh) + Double(k) * (log(qLow) - log(qHigh)) / Double(points - 1))
                curve.append(.init(loss: SortedSample.quantile(sorted, 1 - q), probability: q))
            }
        }
        return OutcomeSummary(
            trials: n,
            mean: Statistic(value: mean, standardError: sd / Double(n).squareRoot()),
            standardDeviation: sd, minimum: lo, maximum: hi,
            percentiles: percentiles, valueAtRisk95: var95, expectedShortfall95: es,
            exceedances: exceedances,
            probabilityNetBenefit: Statistic(value: full[benefitIndex], standardError: se(benefitIndex)),
            histogram: .init(lowerBound: lo, binWidth: width, counts: counts),
            exceedanceCurve: curve)
    }

    private func merge(_ s: UnsafeMutableBufferPointer<Double>, _ lo: Int, _ mid: Int, _ hi: Int, into t: UnsafeMutableBufferPointer<Double>) {
        var i = lo, j = mid, k = lo
        while i < mid && j < hi {
            if s[j] < s[i] { t[k] = s[j]; j += 1 } else { t[k] = s[i]; i += 1 }
            k += 1
        }
        while i < mid { t[k] = s[i]; i += 1; k += 1 }
        while j < hi { t[k] = s[j]; j += 1; k += 1 }
    }
}
