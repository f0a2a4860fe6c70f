#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// One pass over every block of a run's series, for series too long to keep (see
/// ``StreamedSeries``): what it counts, sums and collects, per series.
///
/// A pass holds *targets*, each a range of sort keys (see `sortKey`) of one series, read from
/// every trial or from one batch's trials only:
/// - **split**: count the values in each of the equal parts of the range (to narrow
///   down where an order statistic lies);
/// - **collect**: keep every value in the range, with its batch;
/// - **atom**: the range is a single key; count its values per batch.
///
/// A value is found among the targets by binary search over the *edges* of its series' targets,
/// which cut the keys into intervals each covered by a fixed list of targets (targets may
/// overlap). Each interval of a series' every-trial targets also counts its values per batch,
/// so a pass tells how many values of each batch lie below any target; and a *tail* sums the
/// values above a key, per batch.
///
/// Counts and collections do not depend on the order blocks arrive in; sums do, so they are
/// returned per block and added in block order by the runner.
///
/// `@unchecked Sendable`: workers call ``consume(start:count:series:)`` concurrently; every
/// write to the pass's own storage happens inside ``lock``.
final class SeriesPass: @unchecked Sendable {
    /// Parts a split target's range is cut into, after the first pass.
    static let splits = 256
    /// Parts the first pass cuts every key into: sign, exponent and the top two bits of the
    /// significand, so each part spans a quarter of a power of two.
    static let firstSplits = 1 << 14

    enum Kind: Hashable {
        case split(width: UInt64)
        case collect
        case atom
    }

    struct Key: Hashable {
        var target: Target
        var kind: Kind
    }

    struct Target: Hashable {
        var series: Int
        /// The batch whose trials count, or -1 for every trial.
        var batch: Int
        var lo: UInt64
        /// Inclusive.
        var hi: UInt64
    }

    /// The targets of one series in one scope, cut into intervals at their edges.
    struct Partition {
        /// Interval i holds the keys `edges[i] ..< edges[i + 1]` (the last to the top).
        var edges: [UInt64]
        /// The targets covering each interval.
        var covers: [[Int]]
        /// Where the per-batch counts start in ``intervalCounts`` (global partitions only; -1
        /// otherwise).
        var countOffset: Int

        @inline(__always)
        func interval(of key: UInt64) -> Int {
            var lo = 0, hi = edges.count
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if edges[mid] <= key { lo = mid } else { hi = mid }
            }
            return lo
        }
    }

    /// Moments, counts and histogram bins wanted on one pass, once the trial count is final.
    struct DenseStatistics {
        /// Per series: the mean the squares are taken about.
        var means: [Double]
        /// Per series: the thresholds whose exceedances are counted per batch.
        var thresholds: [[Double]]
        /// Per series: the histogram's lower bound and bin width.
        var binLower: [Double]
        var binWidth: [Double]
        var bins: Int
        /// Pairs of series whose trial-by-trial difference (first − second) is summed and signed.
        var pairs: [(Int, Int)]
    }

    let bounds: [Int]
    var batchCount: Int { bounds.count - 1 }
    @exclusivity(unchecked) private(set) var targets: [Target] = []
    @exclusivity(unchecked) private(set) var kinds: [Kind] = []
    private var index: [Key: Int] = [:]
    /// Per series: the keys above which values are summed per batch.
    private(set) var tails: [[UInt64]]
    private(set) var tailOffsets: [Int] = []

    // Filled by the pass (inside `lock`). Every write happens under the lock, and reads come after
    // the pass, so the run-time exclusivity checks (a third of a streamed pass's time, in every
    // value's count) are left out of these.
    @exclusivity(unchecked) private(set) var splitCounts: [[UInt32]] = []
    /// Per split target and part, the smallest and largest key counted (not on the simulating
    /// pass, whose 16,384 parts a series would make this too large): a part whose values turn
    /// out to be all one key (a run of zeros, say) is known as that key at once, instead of
    /// being cut again on pass after pass until its range is one key wide.
    @exclusivity(unchecked) private(set) var splitLow: [[UInt64]] = []
    @exclusivity(unchecked) private(set) var splitHigh: [[UInt64]] = []
    @exclusivity(unchecked) private(set) var collectedValues: [[Double]] = []
    @exclusivity(unchecked) private(set) var collectedBatches: [[Int32]] = []
    @exclusivity(unchecked) private(set) var atomCounts: [[Int]] = []
    /// Per global partition interval and batch: values in the interval.
    @exclusivity(unchecked) private(set) var intervalCounts: [Int] = []
    /// Dense integer counts, per series: [batch][threshold] exceedances, [batch] values below 0,
    /// [bin] histogram; then per pair: better, worse.
    @exclusivity(unchecked) private(set) var denseCounts: [Int] = []

    /// [series] global partition, and [series][batch] batch partitions (nil where none).
    private(set) var global: [Partition?]
    private(set) var perBatch: [[Partition?]]
    let dense: DenseStatistics?
    /// Whether to sum each series (the first, simulating pass).
    let sumsValues: Bool
    private(set) var denseOffsets: [Int] = []
    private(set) var partialCount = 0
    private(set) var denseSumOffset = 0
    private(set) var pairSumOffset = 0
    private let lock = Mutex(())

    init(series: Int, bounds: [Int], dense: DenseStatistics? = nil, sumsValues: Bool = false) {
        self.bounds = bounds
        self.dense = dense
        self.sumsValues = sumsValues
        global = Array(repeating: nil, count: series)
        tails = Array(repeating: [], count: series)
        minKeys = Array(repeating: .max, count: series)
        maxKeys = Array(repeating: 0, count: series)
        representative = Array(repeating: 0, count: series)
        perBatch = Array(repeating: Array(repeating: nil, count: bounds.count - 1), count: series)
    }

    /// Per series, the smallest and largest key seen (by a pass that sums values).
    @exclusivity(unchecked) private(set) var minKeys: [UInt64]
    @exclusivity(unchecked) private(set) var maxKeys: [UInt64]
    /// Per series, the first series whose values have been bit for bit the same in every block
    /// read so far (itself when none before it is), found by a pass that sums values. Series
    /// that are the same throughout (an outcome no response reaches has the same residual as
    /// inherent series; one no estimate differs on, the same series in every view; one no
    /// activity reaches, the same in every portfolio) have the same order statistics, which are
    /// then found once. Each block splits the classes found so far, so the classes do not depend
    /// on the order the blocks come in.
    private(set) var representative: [Int]

    /// The index of a target, adding it if new.
    @discardableResult
    func add(_ target: Target, kind: Kind) -> Int {
        let key = Key(target: target, kind: kind)
        if let i = index[key] { return i }
        index[key] = targets.count
        targets.append(target)
        kinds.append(kind)
        return targets.count - 1
    }

    func targetIndex(_ target: Target, kind: Kind) -> Int? { index[Key(target: target, kind: kind)] }

    /// Sums, per batch, the values of `series` whose key is above `key`; returns the tail's
    /// index among the series' tails.
    @discardableResult
    func addTail(series: Int, above key: UInt64) -> Int {
        if let i = tails[series].firstIndex(of: key) { return i }
        tails[series].append(key)
        return tails[series].count - 1
    }

    /// Where tail `t` of `series` starts in the merged sums (one value per batch).
    func tailOffset(series: Int, tail t: Int) -> Int { tailOffsets[series] + t * batchCount }

    /// The merged sums' per-series Σ (x − mean)² and per-batch Σ (x − mean) and Σ (x − mean)².
    func squaresOffset(series: Int) -> Int { denseSumOffset + series * (1 + 2 * batchCount) }

    /// Builds the partitions and storage; call once every target is added.
    func prepare() {
        let series = global.count
        let b = batchCount
        splitCounts = zip(kinds, targets).map { kind, target in
            guard case let .split(width) = kind else { return [] }
            return Array(repeating: 0, count: Int((target.hi - target.lo) / width) + 1)
        }
        if !sumsValues {
            splitLow = splitCounts.map { Array(repeating: .max, count: $0.count) }
            splitHigh = splitCounts.map { Array(repeating: 0, count: $0.count) }
        }
        collectedValues = Array(repeating: [], count: targets.count)
        collectedBatches = Array(repeating: [], count: targets.count)
        atomCounts = kinds.map { $0 == .atom ? Array(repeating: 0, count: b) : [] }
        var byScope: [Int: [Int]] = [:]
        for (i, t) in targets.enumerated() { byScope[t.series * (b + 1) + t.batch + 1, default: []].append(i) }
        var sumOffset = sumsValues ? series : 0
        if let dense {
            denseSumOffset = sumOffset
            sumOffset += series * (1 + 2 * b)
            pairSumOffset = sumOffset
            sumOffset += 2 * dense.pairs.count
        }
        var countOffset = 0
        for scope in byScope.keys.sorted() {
            let ids = byScope[scope]!
            let s = scope / (b + 1), batch = scope % (b + 1) - 1
            var cuts: Set<UInt64> = [0]
            for i in ids {
                cuts.insert(targets[i].lo)
                if targets[i].hi < .max { cuts.insert(targets[i].hi + 1) }
            }
            let edges = cuts.sorted()
            var covers = Array(repeating: [Int](), count: edges.count)
            for i in ids {
                let t = targets[i]
                var e = edges.firstIndex(of: t.lo)!
                while e < edges.count && edges[e] <= t.hi {
                    covers[e].append(i)
                    e += 1
                }
            }
            let partition = Partition(edges: edges, covers: covers, countOffset: batch < 0 ? countOffset : -1)
            if batch < 0 {
                countOffset += edges.count * b
                global[s] = partition
            } else {
                perBatch[s][batch] = partition
            }
        }
        for s in 0..<series {
            tailOffsets.append(sumOffset)
            sumOffset += tails[s].count * b
        }
        partialCount = sumOffset
        intervalCounts = Array(repeating: 0, count: countOffset)
        if let dense {
            var offset = 0
            for s in 0..<series {
                denseOffsets.append(offset)
                offset += b * dense.thresholds[s].count + b + dense.bins
            }
            denseOffsets.append(offset)
            denseCounts = Array(repeating: 0, count: offset + 2 * dense.pairs.count)
        }
    }

    /// Frees what the targets counted and kept, once read (the dense counts stay).
    func releaseTargets() {
        splitCounts = []
        splitLow = []
        splitHigh = []
        collectedValues = []
        collectedBatches = []
        atomCounts = []
        intervalCounts = []
    }

    /// Reads one block's series (trials `start ..< start + count` of the run) and returns its
    /// sums, to be added in block order.
    func consume(start: Int, count n: Int, series: (Int) -> UnsafePointer<Double>) -> [Double] {
        var partial = [Double](repeating: 0, count: partialCount)
        let b = batchCount
        lock.withLock { _ in
            if sumsValues { splitClasses(count: n, series: series) }
            for s in global.indices {
                let values = series(s)
                let partition = global[s]
                let batchPartitions = perBatch[s]
                let denseBase = dense == nil ? 0 : denseOffsets[s]
                let thresholds = dense?.thresholds[s] ?? []
                let mean = dense?.means[s] ?? 0
                let seriesTails = tails[s], tailBase = tailOffsets[s]
                var low = minKeys[s], high = maxKeys[s]
                var sum = 0.0, squares = 0.0
                var t = 0
                while t < n {
                    var batch = 0
                    while bounds[batch + 1] <= start + t { batch += 1 }
                    let end = min(n, bounds[batch + 1] - start)
                    let batchPartition = batchPartitions[batch]
                    var batchSum = 0.0, batchSquares = 0.0
                    for j in t..<end {
                        let x = values[j]
                        sum += x
                        if let dense {
                            let d = x - mean
                            batchSum += d
                            batchSquares += d * d
                            for (k, threshold) in thresholds.enumerated() where x > threshold {
                                denseCounts[denseBase + batch * thresholds.count + k] += 1
                            }
                            if x < 0 { denseCounts[denseBase + b * thresholds.count + batch] += 1 }
                            let bin = Summariser.bin(of: x, lowerBound: dense.binLower[s], width: dense.binWidth[s], bins: dense.bins)
                            denseCounts[denseBase + b * thresholds.count + b + bin] += 1
                        }
                        let key = sortKey(x)
                        if sumsValues {
                            low = min(low, key)
                            high = max(high, key)
                        }
                        for (k, tail) in seriesTails.enumerated() where key > tail { partial[tailBase + k * b + batch] += x }
                        if let p = partition {
                            let e = p.interval(of: key)
                            intervalCounts[p.countOffset + e * b + batch] += 1
                            for i in p.covers[e] { record(i, key: key, value: x, batch: batch) }
                        }
                        if let p = batchPartition {
                            let e = p.interval(of: key)
                            for i in p.covers[e] { record(i, key: key, value: x, batch: batch) }
                        }
                    }
                    if dense != nil {
                        partial[denseSumOffset + s * (1 + 2 * b) + 1 + batch] += batchSum
                        partial[denseSumOffset + s * (1 + 2 * b) + 1 + b + batch] += batchSquares
                        squares += batchSquares
                    }
                    t = end
                }
                if sumsValues {
                    partial[s] += sum
                    minKeys[s] = low
                    maxKeys[s] = high
                }
                if dense != nil { partial[denseSumOffset + s * (1 + 2 * b)] += squares }
            }
            if let dense {
                let pairBase = denseOffsets[global.count]
                for (k, pair) in dense.pairs.enumerated() {
                    let a = series(pair.0), c = series(pair.1)
                    var sum = 0.0, squares = 0.0
                    for j in 0..<n {
                        let d = a[j] - c[j]
                        sum += d
                        squares += d * d
                        if d < 0 { denseCounts[pairBase + 2 * k] += 1 } else if d > 0 { denseCounts[pairBase + 2 * k + 1] += 1 }
                    }
                    partial[pairSumOffset + 2 * k] += sum
                    partial[pairSumOffset + 2 * k + 1] += squares
                }
            }
        }
        return partial
    }

    /// Splits the classes of ``representative`` by one block's values.
    private func splitClasses(count n: Int, series: (Int) -> UnsafePointer<Double>) {
        var leaders: [Int: [Int]] = [:]
        var split = representative
        for s in representative.indices {
            let old = representative[s]
            // The class's first series comes first, so it leads its part of the class.
            let same = leaders[old, default: []].first { memcmp(series($0), series(s), n * MemoryLayout<Double>.stride) == 0 }
            if let same {
                split[s] = same
            } else {
                leaders[old, default: []].append(s)
                split[s] = s
            }
        }
        representative = split
    }

    @inline(__always)
    private func record(_ i: Int, key: UInt64, value: Double, batch: Int) {
        switch kinds[i] {
        case let .split(width):
            let part = Int((key - targets[i].lo) / width)
            splitCounts[i][part] &+= 1
            if !sumsValues {
                splitLow[i][part] = min(splitLow[i][part], key)
                splitHigh[i][part] = max(splitHigh[i][part], key)
            }
        case .collect:
            collectedValues[i].append(value)
            collectedBatches[i].append(Int32(batch))
        case .atom:
            atomCounts[i][batch] += 1
        }
    }
}
