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
/// Sorts the series in place batch by batch (in parallel, by radix sort), computes each
/// batch's statistics for the batch-means standard errors, then finds the full sample's order
/// statistics by selection across the sorted batches: exact, with no second copy of the
/// series and no merge.
///
/// Standard errors (docs/results.md, "Standard errors"):
/// - batches are made of whole ``grain``s of trials (the Iman–Conover units), so batches are
///   independent even when trials within a unit are not; with unequal batch sizes the
///   estimate weights each batch by its size: SE² = Σ nᵢ (xᵢ − x̄)² / ((b − 1) n);
/// - a percentile's SE comes from a batch-means interval on the distribution function
///   (Woodruff's method): with s the batch-means SE of the share of trials at or below the
///   estimate q̂, the interval [Q̂(p − 1.96 s), Q̂(p + 1.96 s)] covers the true percentile
///   about 95 % of the time for continuous, discrete and mixed losses alike, and the SE is the
///   larger of its two half-widths over 1.96. At an atom the interval closes on the atom and
///   the SE is 0: the percentile is known exactly;
/// - the mean's SE is given by the caller when it knows better (the engine does: see
///   ``ResultBuilder``); otherwise sd/√n.
struct Summariser {
    var batches: Int
    var histogramBins: Int
    var exceedancePoints: Int
    /// Threads for sorting batches (1 sorts on the calling thread).
    var jobs: Int
    /// Batch boundaries fall on multiples of this many trials (counted from the first).
    var grain = 1

    /// The normal quantile for a two-sided 95 % interval.
    static let z95 = 1.959963984540054

    /// The statistics computed per batch (and on the whole sample), in a fixed order:
    /// the percentiles, ES95, each threshold's exceedance, P(net benefit).
    private func statistics(_ s: UnsafeBufferPointer<Double>, thresholds: [Double]) -> [Double] {
        var out = OutcomeSummary.percentileProbabilities.map { SortedSample.quantile(s, $0) }
        out.append(SortedSample.expectedShortfall(s, 0.95))
        let n = Double(s.count)
        for x in thresholds { out.append(Double(s.count - SortedSample.countAtMost(s, x)) / n) }
        out.append(Double(SortedSample.countBelow(s, 0)) / n)
        var sum = 0.0
        for x in s { sum += x }
        let mean = sum / n
        var ss = 0.0
        for x in s { ss += (x - mean) * (x - mean) }
        out.append(s.count > 1 ? (ss / (n - 1)).squareRoot() : 0)
        return out
    }

    /// Where each batch of a series of `n` trials starts (and, last, `n`): `batches` batches of
    /// whole grains, as equal as the grains allow. With fewer than two grains (a run shorter
    /// than two Iman–Conover units) the batches ignore the grain.
    func bounds(_ n: Int) -> [Int] {
        let g = max(1, grain)
        let grains = (n + g - 1) / g
        if grains >= 2 && g > 1 {
            let b = max(1, min(batches, grains))
            return (0...b).map { min(n, $0 * grains / b * g) }
        }
        let b = max(1, min(batches, n))
        return (0...b).map { $0 * n / b }
    }

    /// The batch-means standard error of a statistic from its batch values and batch sizes.
    static func batchMeansError(_ values: [Double], sizes: [Int]) -> Double {
        let b = values.count
        guard b > 1 else { return 0 }
        let n = Double(sizes.reduce(0, +))
        var mean = 0.0
        for (x, m) in zip(values, sizes) { mean += Double(m) * x }
        mean /= n
        var ss = 0.0
        for (x, m) in zip(values, sizes) { ss += Double(m) * (x - mean) * (x - mean) }
        let v = ss / (Double(b - 1) * n)
        return v.isFinite ? v.squareRoot() : 0
    }

    /// Summarises `values`, which is left sorted batch by batch (trial order is lost): read it
    /// as `SortedRuns(base:bounds:)` with ``bounds(_:)``.
    ///
    /// - Parameter meanVariance: n × Var(mean) when the caller knows it (the sum of the
    ///   independent risks' variances); nil takes the sample variance.
    func summarise(_ values: UnsafeMutableBufferPointer<Double>, thresholds: [Double], meanVariance: Double? = nil) -> OutcomeSummary {
        let n = values.count
        var sum = 0.0
        for x in values { sum += x }
        let mean = sum / Double(n)
        var ss = 0.0
        for x in values { ss += (x - mean) * (x - mean) }
        let sd = n > 1 ? (ss / Double(n - 1)).squareRoot() : 0

        let bounds = self.bounds(n)
        let b = bounds.count - 1
        // The batches are sorted in parallel through raw pointers: they must cover the values
        // exactly, without overlapping.
        assert(n > 0 && b >= 1 && bounds.first == 0 && bounds.last == n && zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 },
               "batch bounds \(bounds) do not partition \(n) values")
        let sizes = (0..<b).map { bounds[$0 + 1] - bounds[$0] }
        var batchStats = Array(repeating: [Double](), count: b)
        let base = values.baseAddress!
        batchStats.withUnsafeMutableBufferPointer { out in
            let outBase = out.baseAddress!
            nonisolated(unsafe) let outPtr = outBase
            nonisolated(unsafe) let basePtr = base
            let sortBatch: @Sendable (Int) -> Void = { i in
                let segment = UnsafeMutableBufferPointer(start: basePtr + bounds[i], count: bounds[i + 1] - bounds[i])
                RadixSort.sort(segment)
                (outPtr + i).pointee = statistics(UnsafeBufferPointer(segment), thresholds: thresholds)
            }
            // Batches are independent, so the result does not depend on how they are spread.
            if jobs > 1 {
                DispatchQueue.concurrentPerform(iterations: b, execute: sortBatch)
            } else {
                for i in 0..<b { sortBatch(i) }
            }
        }
        let merged = n <= SortedRuns.mergeLimit ? UnsafeMutablePointer<Double>.allocate(capacity: n) : nil
        defer { merged?.deallocate() }
        if let merged { SortedRuns.merge(base: base, bounds: bounds, into: merged) }
        let runs = SortedRuns(base: UnsafePointer(base), bounds: bounds, merged: merged.map { UnsafePointer($0) })
        let full = runs.statistics(thresholds: thresholds)

        func se(_ k: Int) -> Double {
            Self.batchMeansError(batchStats.map { $0[k] }, sizes: sizes)
        }
        let percentiles = OutcomeSummary.percentileProbabilities.enumerated().map { i, p in
            OutcomeSummary.Percentile(
                probability: p,
                value: Statistic(value: full[i], standardError: percentileError(p, estimate: full[i], runs: runs, sizes: sizes)))
        }
        let pcount = OutcomeSummary.percentileProbabilities.count
        let var95 = percentiles[OutcomeSummary.percentileProbabilities.firstIndex(of: 0.95)!].value
        let es = Statistic(value: full[pcount], standardError: se(pcount))
        let exceedances = thresholds.enumerated().map { i, x in
            OutcomeSummary.Exceedance(threshold: x, probability: Statistic(value: full[pcount + 1 + i], standardError: se(pcount + 1 + i)))
        }
        let benefitIndex = pcount + 1 + thresholds.count
        let lo = runs.orderStatistic(0), hi = runs.orderStatistic(n - 1)
        let bins = max(1, histogramBins)
        var counts = Array(repeating: 0, count: bins)
        let width = Self.binWidth(lo, hi, bins: bins)
        for x in values { counts[Self.bin(of: x, lowerBound: lo, width: width, bins: bins)] += 1 }
        var curve: [OutcomeSummary.CurvePoint] = []
        let qHigh = 0.99, qLow = max(10.0 / Double(n), 1e-4)
        let points = max(2, exceedancePoints)
        if qLow < qHigh {
            for k in 0..<points {
                let q = exp(log(qHigh) + Double(k) * (log(qLow) - log(qHigh)) / Double(points - 1))
                curve.append(.init(loss: runs.quantile(1 - q), probability: q))
            }
        }
        let meanSE = ((meanVariance.map { max(0, $0) } ?? sd * sd) / Double(n)).squareRoot()
        return OutcomeSummary(
            trials: n,
            mean: Statistic(value: mean, standardError: meanSE),
            standardDeviation: sd, standardDeviationStandardError: se(benefitIndex + 1), minimum: lo, maximum: hi,
            percentiles: percentiles, valueAtRisk95: var95, expectedShortfall95: es,
            exceedances: exceedances,
            probabilityNetBenefit: Statistic(value: full[benefitIndex], standardError: se(benefitIndex)),
            histogram: .init(lowerBound: lo, binWidth: width, counts: counts),
            exceedanceCurve: curve)
    }

    /// The standard error of the `p`-percentile estimate `q̂` by Woodruff's interval on
    /// batch-means (see the type's notes): the larger half-width of
    /// [Q̂(p − 1.96 s), Q̂(p + 1.96 s)] over 1.96, where s is the batch-means SE of the share
    /// of trials at or below q̂. `runs` must be the sorted batches.
    func percentileError(_ p: Double, estimate q: Double, runs: SortedRuns, sizes: [Int]) -> Double {
        let b = sizes.count
        guard b > 1 else { return 0 }
        let key = sortKey(q)
        var shares: [Double] = []
        shares.reserveCapacity(b)
        for r in 0..<b {
            var lo = runs.bounds[r], hi = runs.bounds[r + 1]
            while lo < hi {
                let mid = (lo + hi) / 2
                if sortKey(runs.base[mid]) <= key { lo = mid + 1 } else { hi = mid }
            }
            shares.append(sizes[r] > 0 ? Double(lo - runs.bounds[r]) / Double(sizes[r]) : 0)
        }
        let s = Self.batchMeansError(shares, sizes: sizes)
        let lower = runs.quantile(max(0, p - Self.z95 * s))
        let upper = runs.quantile(min(1, p + Self.z95 * s))
        let half = max(q - lower, upper - q)
        return half.isFinite ? max(0, half) / Self.z95 : 0
    }
}

extension Summariser {
    /// The width of each of `bins` equal bins from `lo` to `hi`: always finite and positive,
    /// even when the span overflows (values near ±Double.greatestFiniteMagnitude) or is too
    /// small to split (a span of a few subnormals); 1 when every value is the same.
    static func binWidth(_ lo: Double, _ hi: Double, bins: Int) -> Double {
        guard hi > lo else { return 1 }
        var width = (hi - lo) / Double(bins)
        if !width.isFinite { width = hi / Double(bins) - lo / Double(bins) }
        if !(width > 0) { width = .leastNonzeroMagnitude }
        return width.isFinite ? width : 1
    }

    /// The bin `x` falls in, clamped to the first and last bin; a value that is not a number
    /// goes to the first (it cannot arise from a register within the limits, and must not trap).
    @inline(__always)
    static func bin(of x: Double, lowerBound lo: Double, width: Double, bins: Int) -> Int {
        let position = (x - lo) / width
        if position >= Double(bins - 1) { return bins - 1 }
        return position >= 0 ? Int(position) : 0
    }
}

/// A total order on doubles as unsigned integers: the IEEE bits with the sign bit flipped for
/// non-negative values and every bit flipped for negative ones (−0 sorts just below +0).
@inline(__always)
func sortKey(_ x: Double) -> UInt64 {
    let b = x.bitPattern
    return b ^ (UInt64(bitPattern: Int64(bitPattern: b) >> 63) | (1 << 63))
}

@inline(__always)
func fromSortKey(_ k: UInt64) -> Double {
    Double(bitPattern: k ^ ((k >> 63) &- 1 | (1 << 63)))
}

/// Least-significant-digit radix sort of doubles (six passes of 11 bits over their sort keys,
/// eight of 8 bits below ``smallDigitsBelow`` values, skipping a pass when every key shares
/// that digit), with one temporary buffer the size of the input.
enum RadixSort {
    static let bits = 11
    static let passes = 6

    static func sort(_ values: UnsafeMutableBufferPointer<Double>) {
        let n = values.count
        guard n > 1 else { return }
        if n < 64 {
            // Insertion sort: cheaper than six histogram passes for a handful of values.
            for i in 1..<n {
                let x = values[i]
                var j = i
                while j > 0 && sortKey(values[j - 1]) > sortKey(x) { values[j] = values[j - 1]; j -= 1 }
                values[j] = x
            }
            return
        }
        if n < smallDigitsBelow {
            sort(values, bits: 8, passes: 8)
        } else {
            sort(values, bits: bits, passes: passes)
        }
    }

    /// Below this many values, digits of 8 bits (eight passes, 16 KiB of counts that stay in
    /// the first-level cache) sort faster than 11 (six passes, but 96 KiB of counts and six
    /// prefix sums of 2,048 for a batch of a few thousand): about a fifth less time on the
    /// summaries' batches of 3,125 at the default 100,000 trials. Any digits give the same
    /// order, since the keys are sorted in full.
    static let smallDigitsBelow = 1 << 14

    private static func sort(_ values: UnsafeMutableBufferPointer<Double>, bits: Int, passes: Int) {
        let n = values.count
        let radix = 1 << bits, mask = UInt64(radix - 1)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: radix * passes)
        defer { keys.deallocate(); counts.deallocate() }
        counts.initialize(repeating: 0, count: radix * passes)
        for i in 0..<n {
            let k = sortKey(values[i])
            keys[i] = k
            for p in 0..<passes { counts[p * radix + Int((k >> UInt64(p * bits)) & mask)] += 1 }
        }
        var source = keys, target = keys + n
        for p in 0..<passes {
            let c = counts + p * radix
            let shift = UInt64(p * bits)
            if c[Int((source[0] >> shift) & mask)] == n { continue }
            var total = 0
            for d in 0..<radix { let t = c[d]; c[d] = total; total += t }
            for i in 0..<n {
                let k = source[i]
                let d = Int((k >> shift) & mask)
                target[c[d]] = k
                c[d] += 1
            }
            swap(&source, &target)
        }
        for i in 0..<n { values[i] = fromSortKey(source[i]) }
    }
}

/// Consecutive sorted runs of one buffer (the sorted batches), read as one sorted sample: an
/// order statistic is found by bisection on the sort key, counting each run by binary search.
struct SortedRuns {
    let base: UnsafePointer<Double>
    let bounds: [Int]
    /// The runs' values in one ascending sequence, when a summary made one
    /// (see ``merge(base:bounds:into:)``): order statistics are then read from it directly.
    var merged: UnsafePointer<Double>? = nil
    var count: Int { bounds[bounds.count - 1] }

    /// The number of values whose key is at most `key`.
    private func countAtMost(key: UInt64) -> Int {
        var total = 0
        for r in 0..<(bounds.count - 1) {
            var lo = bounds[r], hi = bounds[r + 1]
            while lo < hi {
                let mid = (lo + hi) / 2
                if sortKey(base[mid]) <= key { lo = mid + 1 } else { hi = mid }
            }
            total += lo - bounds[r]
        }
        return total
    }

    /// The value at position `k` (0-based) of the whole sample sorted.
    func orderStatistic(_ k: Int) -> Double {
        if let merged { return merged[k] }
        // The smallest key with more than k keys at or below it is the k-th smallest key.
        var lo = UInt64.max, hi = UInt64.min
        for r in 0..<(bounds.count - 1) where bounds[r + 1] > bounds[r] {
            lo = min(lo, sortKey(base[bounds[r]]))
            hi = max(hi, sortKey(base[bounds[r + 1] - 1]))
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if countAtMost(key: mid) > k { hi = mid } else { lo = mid + 1 }
        }
        return fromSortKey(lo)
    }

    /// The values at positions `k` and `k + 1`.
    func orderStatistics(_ k: Int) -> (Double, Double) {
        let a = orderStatistic(k)
        guard k + 1 < count else { return (a, a) }
        if let merged { return (a, merged[k + 1]) }
        let key = sortKey(a)
        if countAtMost(key: key) > k + 1 { return (a, a) }
        // The next value is the smallest first value above `a` across the runs.
        var next = UInt64.max
        for r in 0..<(bounds.count - 1) {
            var lo = bounds[r], hi = bounds[r + 1]
            while lo < hi {
                let mid = (lo + hi) / 2
                if sortKey(base[mid]) <= key { lo = mid + 1 } else { hi = mid }
            }
            if lo < bounds[r + 1] { next = min(next, sortKey(base[lo])) }
        }
        return (a, fromSortKey(next))
    }

    /// As ``SortedSample/quantile(_:_:)`` on the whole sample.
    func quantile(_ p: Double) -> Double {
        let n = count
        if n == 0 { return .nan }
        let h = Double(n - 1) * p
        let lo = Int(h.rounded(.down))
        let (a, b) = lo + 1 < n ? orderStatistics(lo) : (orderStatistic(lo), orderStatistic(lo))
        return a + (h - Double(lo)) * (b - a)
    }

    /// As ``SortedSample/expectedShortfall(_:_:)`` on the whole sample, summing the same
    /// values in ascending order (so the figure is the one a full sort would give).
    func expectedShortfall(_ p: Double) -> Double {
        let n = count
        if n == 0 { return .nan }
        let m = max(1, Int((Double(n) * (1 - p)).rounded(.up)))
        // Gather the largest m values and add them in ascending order.
        let cut = orderStatistic(n - m)
        let key = sortKey(cut)
        var top: [Double] = []
        top.reserveCapacity(m)
        for r in 0..<(bounds.count - 1) {
            var lo = bounds[r], hi = bounds[r + 1]
            while lo < hi {
                let mid = (lo + hi) / 2
                if sortKey(base[mid]) <= key { lo = mid + 1 } else { hi = mid }
            }
            for i in lo..<bounds[r + 1] { top.append(base[i]) }
        }
        let above = top.count
        top.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
        var sum = 0.0
        for _ in 0..<(m - above) { sum += cut }
        for x in top { sum += x }
        return sum / Double(m)
    }

    /// The same figures as `Summariser.statistics` on the whole sample.
    func statistics(thresholds: [Double]) -> [Double] {
        var out = OutcomeSummary.percentileProbabilities.map { quantile($0) }
        out.append(expectedShortfall(0.95))
        let n = count
        for x in thresholds { out.append(Double(n - count { $0 <= x }) / Double(n)) }
        out.append(Double(count { $0 < 0 }) / Double(n))
        return out
    }

    /// The number of values satisfying `below`, a predicate true for a prefix of each run.
    private func count(_ below: (Double) -> Bool) -> Int {
        var total = 0
        for r in 0..<(bounds.count - 1) {
            var lo = bounds[r], hi = bounds[r + 1]
            while lo < hi {
                let mid = (lo + hi) / 2
                if below(base[mid]) { lo = mid + 1 } else { hi = mid }
            }
            total += lo - bounds[r]
        }
        return total
    }
}
