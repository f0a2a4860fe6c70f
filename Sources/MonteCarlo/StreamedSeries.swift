#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-trial series of a run too long to keep, summarised by passes over the blocks.
///
/// The streams are keyed by block, so running a block again draws exactly the same numbers:
/// a series can be read as often as needed without being stored. The simulating pass sums
/// each series, notes its smallest and largest value and counts its values into 16,384 parts of
/// the sort keys (`sortKey`: sign, exponent and two bits of the significand, so four parts per
/// power of two). Each order statistic a summary needs is then narrowed down pass by pass —
/// the part holding its rank is cut into 256 again — until the part holds few enough values
/// (or one value only), and a last pass keeps every value between the parts at the two ends of a *window* of ranks. So
/// every percentile, the exceedance curve and the expected-shortfall cut are the exact order
/// statistics the in-memory summary finds, and so are the Woodruff intervals of the
/// percentiles' standard errors: each percentile's window spans a few standard errors of
/// ranks on either side (with another round of passes in the rare case an interval reaches
/// beyond it), and every kept value carries its batch. Counts (exceedances, the chance of a
/// net benefit, the histogram, paired differences' signs) are exact too. Sums — the mean, the
/// spread, the expected shortfall — are added block by block in block order, so they are the
/// same for any number of threads but differ from the in-memory summary in rounding.
///
/// Memory: a few MiB of counts per pass, plus the kept values (each window's share of the
/// trials, about 8√(p(1 − p)·n) values for a percentile), independent of the series' length
/// otherwise.
final class StreamedSeries {
    let seriesCount: Int
    /// Σ value per series over the blocks simulated so far, added in block order.
    private(set) var sums: [Double]
    /// The simulating pass: sums, smallest and largest keys, and the first split of the keys.
    private(set) var first: SeriesPass
    /// Trials simulated so far.
    private(set) var trials = 0

    /// How many values passes keep.
    struct Limits: Sendable {
        /// Values kept by a window's end part at most before it is split again.
        var endCapacity = 1024
        /// Values a pass may keep in all before windows wait for their ends to narrow.
        var keepBudget = 1 << 20
        /// A percentile's window spans this many binomial standard errors of the share each
        /// side, so that its Woodruff interval usually needs no further pass.
        var percentileSpread = 4.0
        /// The expected shortfall's window spans this many binomial standard errors of a
        /// batch's share each side, so that every batch's own cut usually lies in it.
        var cutSpread = 6.0
    }
    let limits: Limits

    init(series: Int, limits: Limits = Limits()) {
        seriesCount = series
        self.limits = limits
        sums = Array(repeating: 0, count: series)
        first = Self.firstPass(series: series)
    }

    private static func firstPass(series: Int) -> SeriesPass {
        let pass = SeriesPass(series: series, bounds: [0, Int.max], sumsValues: true)
        let firstWidth = Self.firstWidth
        for s in 0..<series {
            pass.add(.init(series: s, batch: -1, lo: 0, hi: .max), kind: .split(width: firstWidth))
        }
        pass.prepare()
        return pass
    }

    /// Reads one simulated block (the runner calls it; sums come back through ``addSums(_:trials:)``).
    func consumeSimulated(start: Int, count: Int, series: (Int) -> UnsafePointer<Double>) -> [Double] {
        first.consume(start: start, count: count, series: series)
    }

    /// Adds a simulated block's sums, in block order.
    func addSums(_ partial: [Double], trials count: Int) {
        for s in 0..<seriesCount { sums[s] += partial[s] }
        trials += count
    }

    // MARK: Windows of ranks

    /// A range of keys with the number of values below it and in it (in the window's scope).
    struct Part: Equatable {
        var lo: UInt64
        var hi: UInt64
        var below: Int
        var count: Int
        var isAtom: Bool { lo == hi }
    }

    /// Values of one key and batch.
    struct Member {
        var key: UInt64
        var batch: Int32
        var count: Int32
    }

    /// The values of one series (in one scope) holding a range of ranks, once kept.
    struct Kept {
        /// The rank of the first value held.
        var firstRank: Int
        /// Distinct keys, ascending, and the cumulative count of values up to each.
        var keys: [UInt64]
        var ends: [Int]
        /// Per batch: values of the scope below the first key held (every-trial windows only).
        var belowByBatch: [Int]
        /// The values held: key, batch and how many.
        var members: [Member]
        /// The lowest and highest key the window's parts covered.
        var lo: UInt64
        var hi: UInt64

        /// Whether only some ranks' keys are held (no batches).
        var trimmed = false

        /// The keys at the ranks still wanted, once trimmed.
        var sparse: [Int: UInt64] = [:]

        /// Keeps only the keys at `ranks` (those the window holds).
        mutating func trim(to ranks: [Int]) {
            var wanted: [Int: UInt64] = [:]
            for k in ranks where covers(rank: k) { wanted[k] = key(rank: k) }
            sparse = wanted
            keys = []
            ends = []
            members = []
            belowByBatch = []
            trimmed = true
        }

        func covers(rank k: Int) -> Bool {
            if trimmed { return sparse[k] != nil }
            return k >= firstRank && k < firstRank + (ends.last ?? 0)
        }

        func key(rank k: Int) -> UInt64 {
            if trimmed { return sparse[k]! }
            let r = k - firstRank
            var lo = 0, hi = ends.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if ends[mid] > r { hi = mid } else { lo = mid + 1 }
            }
            return keys[lo]
        }

        /// Per batch: values of the scope whose key is at most `key` (which must lie in the
        /// window's range or above the values held below it).
        func countsAtMost(_ key: UInt64) -> [Int] {
            var out = belowByBatch
            for m in members where m.key <= key { out[Int(m.batch)] += Int(m.count) }
            return out
        }
    }

    /// Ranks `first ... last` of one series, in one scope (every trial, or one batch).
    struct Window {
        var series: Int
        var batch: Int
        var first: Int
        var last: Int
        var low: Part
        var high: Part
        var kept: Kept?
        /// Keys above which the scope's values are summed per batch, on the pass that keeps.
        var wantsTail = false
        /// Whether only the window's own ranks are wanted once kept (not its values' batches).
        var trim = false
        /// A percentile's window: its probability, and once kept, the estimate and the
        /// probabilities at the ends of its Woodruff interval.
        var percentile: Double?
        var woodruff: (estimate: Double, lower: Double, upper: Double)?
        /// An expected-shortfall window: once kept, the figure on its scope and (for the
        /// every-trial window) each batch's, nil where the batch's cut lies outside the window.
        var shortfall: (value: Double, batches: [Double?])?
        var tail: [Double] = []
    }

    /// A window on ranks `first ... last`, started from the simulating pass's split for every-trial
    /// windows.
    func window(series s: Int, batch: Int = -1, first: Int, last: Int, scopeCount: Int) -> Window {
        let part = Part(lo: 0, hi: .max, below: 0, count: scopeCount)
        var low = part, high = part
        if batch < 0 {
            let i = self.first.targetIndex(.init(series: s, batch: -1, lo: 0, hi: .max), kind: .split(width: Self.firstWidth))!
            low = Self.narrow(part, counts: self.first.splitCounts[i], rank: first, width: Self.firstWidth)
            high = Self.narrow(part, counts: self.first.splitCounts[i], rank: last, width: Self.firstWidth)
        }
        return Window(series: s, batch: batch, first: first, last: last, low: low, high: high)
    }

    static func width(of part: Part) -> UInt64 { (part.hi - part.lo) / UInt64(SeriesPass.splits) + 1 }
    /// The width of the first pass's parts.
    static let firstWidth = UInt64.max / UInt64(SeriesPass.firstSplits) + 1

    /// The sub-part of `part` (split into parts of `width` by `counts`) holding `rank`, cut down
    /// to the smallest and largest key counted in it when the pass kept them (`low`, `high`).
    static func narrow(_ part: Part, counts: [UInt32], rank: Int, width: UInt64? = nil,
                       low: [UInt64] = [], high: [UInt64] = []) -> Part {
        let w = width ?? Self.width(of: part)
        var below = part.below
        for (i, c) in counts.enumerated() {
            if rank < below + Int(c) {
                let offset = UInt64(i) * w
                var lo = part.lo + offset
                var hi = lo + min(w - 1, part.hi - lo)
                if !low.isEmpty {
                    lo = max(lo, low[i])
                    hi = min(hi, high[i])
                }
                return Part(lo: lo, hi: hi, below: below, count: Int(c))
            }
            below += Int(c)
        }
        assert(false, "rank \(rank) beyond the part's \(part.count) values")
        return part
    }

    private func fine(_ p: Part) -> Bool { p.isAtom || p.count <= limits.endCapacity }

    /// The key ranges that keep a window's values: an atom at either end is counted, not kept.
    private static func pieces(_ w: Window) -> [(lo: UInt64, hi: UInt64, atom: Bool)] {
        if w.low == w.high { return [(w.low.lo, w.low.hi, w.low.isAtom)] }
        var out: [(lo: UInt64, hi: UInt64, atom: Bool)] = []
        var from = w.low.lo, to = w.high.hi
        if w.low.isAtom { out.append((w.low.lo, w.low.lo, true)); from = w.low.hi + 1 }
        if w.high.isAtom { to = w.high.lo - 1 }
        if from <= to { out.append((from, to, false)) }
        if w.high.isAtom { out.append((w.high.lo, w.high.lo, true)) }
        return out
    }

    /// Values a window would keep now.
    private static func keepSize(_ w: Window) -> Int {
        var size = w.high.below + w.high.count - w.low.below
        if w.low.isAtom { size -= w.low.count }
        if w.high.isAtom && w.high != w.low { size -= w.high.count }
        return max(0, size)
    }

    /// Runs passes until every window holds its values; the first pass also computes `dense`.
    ///
    /// - Parameter run: runs one pass over every block and returns its sums, added in block
    ///   order.
    func resolve(_ windows: inout [Window], bounds: [Int], dense: SeriesPass.DenseStatistics?,
                 run: (SeriesPass) -> [Double]) -> (pass: SeriesPass, sums: [Double])? {
        var denseResult: (pass: SeriesPass, sums: [Double])?
        var pendingDense = dense
        while pendingDense != nil || windows.contains(where: { $0.kept == nil }) {
            let pass = SeriesPass(series: seriesCount, bounds: bounds, dense: pendingDense)
            let open = windows.indices.filter { windows[$0].kept == nil }
            // Windows whose end parts are small are kept, smallest first, while they fit the
            // budget (at least one a pass, so every pass gains); everything, when it all fits.
            // The other windows' large end parts are split again.
            let keepAll = open.reduce(0) { $0 + Self.keepSize(windows[$1]) } <= limits.keepBudget
            let ready = keepAll ? open : open.filter { fine(windows[$0].low) && fine(windows[$0].high) }
                .sorted { (Self.keepSize(windows[$0]), $0) < (Self.keepSize(windows[$1]), $1) }
            var keeping: [Int] = []
            var room = limits.keepBudget
            for i in ready {
                let size = Self.keepSize(windows[i])
                guard keepAll || keeping.isEmpty || size <= room else { continue }
                keeping.append(i)
                room -= size
                let w = windows[i]
                for piece in Self.pieces(w) {
                    pass.add(.init(series: w.series, batch: w.batch, lo: piece.lo, hi: piece.hi), kind: piece.atom ? .atom : .collect)
                }
                if w.wantsTail { pass.addTail(series: w.series, above: w.high.hi) }
            }
            let keepingSet = Set(keeping)
            for i in open where !keepingSet.contains(i) {
                let w = windows[i]
                for part in [w.low, w.high] where !fine(part) {
                    pass.add(.init(series: w.series, batch: w.batch, lo: part.lo, hi: part.hi), kind: .split(width: Self.width(of: part)))
                }
            }
            pass.prepare()
            let sums = run(pass)
            if pendingDense != nil {
                denseResult = (pass, sums)
                pendingDense = nil
            }
            for i in open {
                var w = windows[i]
                if keepingSet.contains(i) {
                    w.kept = Self.kept(w, pass: pass)
                    if w.wantsTail {
                        let t = pass.addTail(series: w.series, above: w.high.hi)
                        let offset = pass.tailOffset(series: w.series, tail: t)
                        w.tail = Array(sums[offset ..< offset + pass.batchCount])
                    }
                    finish(&w, bounds: bounds)
                } else {
                    for end in 0..<2 {
                        let part = end == 0 ? w.low : w.high
                        guard !fine(part) else { continue }
                        let target = SeriesPass.Target(series: w.series, batch: w.batch, lo: part.lo, hi: part.hi)
                        let t = pass.targetIndex(target, kind: .split(width: Self.width(of: part)))!
                        let narrowed = Self.narrow(part, counts: pass.splitCounts[t], rank: end == 0 ? w.first : w.last,
                                                   low: pass.splitLow[t], high: pass.splitHigh[t])
                        if end == 0 { w.low = narrowed } else { w.high = narrowed }
                    }
                }
                windows[i] = w
            }
            pass.releaseTargets()
        }
        return denseResult
    }

    /// Reads what a window's values are wanted for as soon as it is kept, and keeps only the
    /// keys still needed, so that kept windows take little memory whatever the trial count.
    private func finish(_ w: inout Window, bounds: [Int]) {
        let sizes = (0..<(bounds.count - 1)).map { bounds[$0 + 1] - bounds[$0] }
        let n = bounds[bounds.count - 1]
        let kept = w.kept!
        if let p = w.percentile {
            let lo = Self.rank(p, trials: n)
            let a = fromSortKey(kept.key(rank: lo))
            let b = lo + 1 < n ? fromSortKey(kept.key(rank: lo + 1)) : a
            let q = a + (Double(n - 1) * p - Double(lo)) * (b - a)
            let counts = kept.countsAtMost(sortKey(q))
            let shares = zip(counts, sizes).map { c, m in m > 0 ? Double(c) / Double(m) : 0 }
            let e = Summariser.batchMeansError(shares, sizes: sizes)
            let lower = max(0, p - Summariser.z95 * e), upper = min(1, p + Summariser.z95 * e)
            w.woodruff = (q, lower, upper)
            w.kept!.trim(to: [lo, lo + 1] + [lower, upper].flatMap { [Self.rank($0, trials: n), Self.rank($0, trials: n) + 1] })
        } else if w.wantsTail {
            let scope = w.batch < 0 ? n : sizes[w.batch]
            // As `SortedSample.expectedShortfall`: ⌈n·(1 − 0.95)⌉, whose rounding can add one.
            func cutRank(_ size: Int) -> Int { size - max(1, Int((Double(size) * (1 - 0.95)).rounded(.up))) }
            if w.batch >= 0 {
                let c = fromSortKey(kept.key(rank: w.first))
                w.shortfall = (Self.shortfall(w, cut: c, m: scope - w.first, scopeCount: scope, batch: w.batch), [])
            } else {
                let cut = cutRank(n)
                let value = Self.shortfall(w, cut: fromSortKey(kept.key(rank: cut)), m: n - cut, scopeCount: n, batch: nil)
                let batches = sizes.indices.map { batch -> Double? in
                    let r = cutRank(sizes[batch])
                    guard let c = Self.batchCut(kept, batch: batch, rank: r) else { return nil }
                    return Self.shortfall(w, cut: c, m: sizes[batch] - r, scopeCount: sizes[batch], batch: batch)
                }
                w.shortfall = (value, batches)
            }
            w.kept!.trim(to: [])
        } else if w.trim {
            w.kept!.trim(to: Array(w.first ... w.last))
        }
    }

    /// The rank of the lower order statistic a type-7 quantile at `p` interpolates from.
    static func rank(_ p: Double, trials n: Int) -> Int { Int((Double(n - 1) * p).rounded(.down)) }

    private static func kept(_ w: Window, pass: SeriesPass) -> Kept {
        let b = pass.batchCount
        var members: [Member] = []
        let pieces = Self.pieces(w)
        for piece in pieces {
            let target = SeriesPass.Target(series: w.series, batch: w.batch, lo: piece.lo, hi: piece.hi)
            let t = pass.targetIndex(target, kind: piece.atom ? .atom : .collect)!
            if piece.atom {
                for (batch, c) in pass.atomCounts[t].enumerated() where c > 0 {
                    // Counts past Int32 (an atom of over two billion trials) are split.
                    var left = c
                    while left > 0 {
                        let part = min(left, Int(Int32.max))
                        members.append(Member(key: piece.lo, batch: Int32(batch), count: Int32(part)))
                        left -= part
                    }
                }
            } else {
                members.reserveCapacity(members.count + pass.collectedValues[t].count)
                for (x, batch) in zip(pass.collectedValues[t], pass.collectedBatches[t]) { members.append(Member(key: sortKey(x), batch: batch, count: 1)) }
            }
        }
        members.sort { $0.key != $1.key ? $0.key < $1.key : $0.batch < $1.batch }
        var keys: [UInt64] = [], ends: [Int] = []
        var total = 0
        for m in members {
            total += Int(m.count)
            if keys.last == m.key { ends[ends.count - 1] = total } else { keys.append(m.key); ends.append(total) }
        }
        var below = Array(repeating: 0, count: b)
        let lo = pieces.first?.lo ?? w.low.lo
        if w.batch < 0, let partition = pass.global[w.series] {
            // `lo` is an edge of the partition: add up the intervals below it.
            let e = partition.edges.firstIndex(of: lo)!
            for i in 0..<e {
                for batch in 0..<b { below[batch] += pass.intervalCounts[partition.countOffset + i * b + batch] }
            }
        }
        assert(total == w.high.below + w.high.count - w.low.below, "a window keeps every value in its range")
        return Kept(firstRank: w.low.below, keys: keys, ends: ends, belowByBatch: below, members: members,
                    lo: lo, hi: w.high.hi)
    }
}
