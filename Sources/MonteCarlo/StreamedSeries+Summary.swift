#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension StreamedSeries {
    /// One series to summarise, as ``Summariser/summarise(_:thresholds:meanVariance:)`` would.
    struct Request {
        var series: Int
        var thresholds: [Double]
        var meanVariance: Double?
    }

    /// A paired difference's sum, sum of squares and signs (see ``PairedDifference``).
    struct PairSums {
        var sum: Double
        var squares: Double
        var better: Int
        var worse: Int
    }


    /// The kept windows of every-trial ranks, per series, and the lookups the summaries make.
    struct Ranks {
        var windows: [[Window]]
        let trials: Int

        func window(series s: Int, covering k: Int) -> Window? {
            windows[s].first { $0.batch < 0 && $0.kept!.covers(rank: k) }
        }

        /// A window holding both order statistics of the quantile at rank `k` (so every key up
        /// to the quantile's own lies in it or below it).
        func window(series s: Int, coveringQuantileAt k: Int) -> Window? {
            windows[s].first {
                $0.batch < 0 && !$0.kept!.trimmed && $0.kept!.covers(rank: k) && (k + 1 >= trials || $0.kept!.covers(rank: k + 1))
            }
        }

        func value(series s: Int, rank k: Int) -> Double {
            fromSortKey(window(series: s, covering: k)!.kept!.key(rank: k))
        }

        /// As ``SortedRuns/quantile(_:)``.
        func quantile(series s: Int, _ p: Double) -> Double {
            let n = trials
            let lo = StreamedSeries.rank(p, trials: n)
            let h = Double(n - 1) * p
            let a = value(series: s, rank: lo)
            let b = lo + 1 < n ? value(series: s, rank: lo + 1) : a
            return a + (h - Double(lo)) * (b - a)
        }

        func covers(series s: Int, quantile p: Double) -> Bool {
            let lo = StreamedSeries.rank(p, trials: trials)
            return window(series: s, covering: lo) != nil && (lo + 1 >= trials || window(series: s, covering: lo + 1) != nil)
        }
    }

    /// The windows of a quantile at `p` (its two order statistics).
    func pointWindow(series s: Int, quantile p: Double, trials n: Int) -> Window {
        let lo = Self.rank(p, trials: n)
        var w = window(series: s, first: lo, last: min(lo + 1, n - 1), scopeCount: n)
        w.trim = true
        return w
    }

    /// A percentile's window: a few binomial standard errors of ranks either side, so that its
    /// Woodruff interval usually needs no further pass.
    func percentileWindow(series s: Int, _ p: Double, trials n: Int) -> Window {
        let spread = limits.percentileSpread * (p * (1 - p) / Double(n)).squareRoot()
        let first = Self.rank(max(0, p - spread), trials: n)
        let last = min(n - 1, Self.rank(min(1, p + spread), trials: n) + 1)
        var w = window(series: s, first: first, last: last, scopeCount: n)
        w.percentile = p
        return w
    }

    /// The percentiles at `probabilities` of each series with their Woodruff standard errors,
    /// running further passes for any interval end outside the windows.
    func percentileErrors(
        _ ranks: inout Ranks, series: [Int], probabilities: [Double], bounds: [Int], run: (SeriesPass) -> [Double]
    ) -> [[Statistic]] {
        let n = trials
        let sizes = (0..<(bounds.count - 1)).map { bounds[$0 + 1] - bounds[$0] }
        var estimates: [[(q: Double, lower: Double, upper: Double)]] = []
        var missing: [Window] = []
        for s in series {
            var row: [(q: Double, lower: Double, upper: Double)] = []
            for p in probabilities {
                let found = ranks.windows[s].first { $0.percentile == p }!.woodruff!
                for bound in [found.lower, found.upper] where !ranks.covers(series: s, quantile: bound) {
                    missing.append(pointWindow(series: s, quantile: bound, trials: n))
                }
                row.append((found.estimate, found.lower, found.upper))
            }
            estimates.append(row)
        }
        if !missing.isEmpty {
            _ = resolve(&missing, bounds: bounds, dense: nil, run: run)
            for w in missing { ranks.windows[w.series].append(w) }
        }
        return zip(series, estimates).map { s, row in
            row.map { e in
                guard sizes.count > 1 else { return Statistic(value: e.q, standardError: 0) }
                let half = max(e.q - ranks.quantile(series: s, e.lower), ranks.quantile(series: s, e.upper) - e.q)
                return Statistic(value: e.q, standardError: half.isFinite ? max(0, half) / Summariser.z95 : 0)
            }
        }
    }

    /// Each series' percentile at the target's probability, with its standard error (as
    /// ``Engine/precisionFigures(_:compiled:store:trials:summariser:)``).
    func precisionFigures(_ target: PrecisionTarget, series: [Int], summariser: Summariser, run: (SeriesPass) -> [Double]) -> [Statistic] {
        let n = trials
        let bounds = summariser.bounds(n)
        let source = sources(of: series)
        var seen = Set<Int>()
        let found = series.filter { source[$0] == $0 && seen.insert($0).inserted }
        var windows = found.map { percentileWindow(series: $0, target.percentile, trials: n) }
        _ = resolve(&windows, bounds: bounds, dense: nil, run: run)
        var ranks = Ranks(windows: Array(repeating: [], count: seriesCount), trials: n)
        for w in windows { ranks.windows[w.series].append(w) }
        let errors = percentileErrors(&ranks, series: found, probabilities: [target.percentile], bounds: bounds, run: run)
        let byFound = Dictionary(uniqueKeysWithValues: zip(found, errors.map { $0[0] }))
        return series.map { byFound[source[$0]!]! }
    }

    /// For each of `series`, the first of them whose values are the same throughout (see
    /// ``SeriesPass/representative``): its order statistics are found once, for that one.
    func sources(of series: [Int]) -> [Int: Int] {
        var firstOfClass: [Int: Int] = [:]
        var out: [Int: Int] = [:]
        for s in series {
            let r = first.representative[s]
            if firstOfClass[r] == nil { firstOfClass[r] = s }
            out[s] = firstOfClass[r]!
        }
        return out
    }

    /// Summarises every requested series and sums the paired differences, with as many passes
    /// as the order statistics need.
    func summaries(
        _ requests: [Request], pairs: [(Int, Int)], summariser: Summariser, run: (SeriesPass) -> [Double]
    ) -> (summaries: [Int: OutcomeSummary], pairs: [PairSums]) {
        let n = trials
        let bounds = summariser.bounds(n)
        let b = bounds.count - 1
        let sizes = (0..<b).map { bounds[$0 + 1] - bounds[$0] }
        let bins = max(1, summariser.histogramBins)
        let probabilities = OutcomeSummary.percentileProbabilities
        // As `SortedSample.expectedShortfall`: ⌈n·(1 − 0.95)⌉, whose rounding can add one.
        let m = max(1, Int((Double(n) * (1 - 0.95)).rounded(.up)))
        let batchCuts = sizes.map { size in size - max(1, Int((Double(size) * (1 - 0.95)).rounded(.up))) }

        // The exceedance curve's probabilities, as the in-memory summary spaces them.
        var curve: [Double] = []
        let qHigh = 0.99, qLow = max(10.0 / Double(n), 1e-4)
        let points = max(2, summariser.exceedancePoints)
        if qLow < qHigh {
            for k in 0..<points { curve.append(exp(log(qHigh) + Double(k) * (log(qLow) - log(qHigh)) / Double(points - 1))) }
        }

        var windows: [Window] = []
        var dense = SeriesPass.DenseStatistics(
            means: sums.map { $0 / Double(n) }, thresholds: Array(repeating: [], count: seriesCount),
            binLower: Array(repeating: 0, count: seriesCount), binWidth: Array(repeating: 1, count: seriesCount),
            bins: bins, pairs: pairs)
        // The expected shortfall's window reaches far enough that every batch's own cut is
        // usually inside it.
        let smallest = sizes.min() ?? n
        let cutSpread = Int((limits.cutSpread * (0.05 * 0.95 / Double(max(1, smallest))).squareRoot() * Double(n)).rounded(.up)) + 2
        let source = sources(of: requests.map(\.series))
        var seen = Set<Int>()
        let found = requests.map(\.series).filter { source[$0] == $0 && seen.insert($0).inserted }
        for r in requests {
            let s = r.series
            dense.thresholds[s] = r.thresholds
            let lo = fromSortKey(first.minKeys[s]), hi = fromSortKey(first.maxKeys[s])
            dense.binLower[s] = lo
            dense.binWidth[s] = Summariser.binWidth(lo, hi, bins: bins)
            // A series the same as one before it takes that one's order statistics.
            guard source[s] == s else { continue }
            for p in probabilities { windows.append(percentileWindow(series: s, p, trials: n)) }
            var es = window(series: s, first: max(0, n - m - cutSpread), last: min(n - 1, n - m + cutSpread), scopeCount: n)
            es.wantsTail = true
            windows.append(es)
            for q in curve { windows.append(pointWindow(series: s, quantile: 1 - q, trials: n)) }
        }
        let denseResult = resolve(&windows, bounds: bounds, dense: dense, run: run)!
        let pass = denseResult.pass, passSums = denseResult.sums
        var ranks = Ranks(windows: Array(repeating: [], count: seriesCount), trials: n)
        for w in windows { ranks.windows[w.series].append(w) }

        // Each batch's expected-shortfall cut, from the wide window, or else a window of its own.
        var batchWindows: [Window] = []
        for s in found {
            let es = ranks.windows[s].first { $0.wantsTail }!
            for batch in 0..<b where es.shortfall!.batches[batch] == nil {
                var w = window(series: s, batch: batch, first: batchCuts[batch], last: batchCuts[batch], scopeCount: sizes[batch])
                w.wantsTail = true
                batchWindows.append(w)
            }
        }
        if !batchWindows.isEmpty {
            _ = resolve(&batchWindows, bounds: bounds, dense: nil, run: run)
            for w in batchWindows { ranks.windows[w.series].append(w) }
        }

        let foundErrors = percentileErrors(&ranks, series: found, probabilities: probabilities, bounds: bounds, run: run)
        let errorsOf = Dictionary(uniqueKeysWithValues: zip(found, foundErrors))
        for r in requests where source[r.series] != r.series { ranks.windows[r.series] = ranks.windows[source[r.series]!] }
        var out: [Int: OutcomeSummary] = [:]
        for r in requests {
            let s = r.series
            let thresholds = r.thresholds
            let base = pass.denseOffsets[s]
            let squares = passSums[pass.squaresOffset(series: s) ..< pass.squaresOffset(series: s) + 1 + 2 * b]
            let mean = sums[s] / Double(n)
            let sd = n > 1 ? (squares[squares.startIndex] / Double(n - 1)).squareRoot() : 0
            let batchSD = (0..<b).map { batch -> Double in
                let size = Double(sizes[batch])
                guard sizes[batch] > 1 else { return 0 }
                let d = squares[squares.startIndex + 1 + batch], dd = squares[squares.startIndex + 1 + b + batch]
                return (max(0, dd - d * (d / size)) / (size - 1)).squareRoot()
            }
            let percentiles = zip(probabilities, errorsOf[source[s]!]!).map { OutcomeSummary.Percentile(probability: $0, value: $1) }
            let var95 = percentiles[probabilities.firstIndex(of: 0.95)!].value

            // Expected shortfall, on every trial and per batch.
            let es = ranks.windows[s].first { $0.wantsTail && $0.batch < 0 }!.shortfall!
            let full = es.value
            let batchShortfall = (0..<b).map { batch -> Double in
                es.batches[batch] ?? ranks.windows[s].first { $0.batch == batch && $0.wantsTail }!.shortfall!.value
            }
            let esStatistic = Statistic(value: full, standardError: Summariser.batchMeansError(batchShortfall, sizes: sizes))

            let exceedances = thresholds.enumerated().map { k, x -> OutcomeSummary.Exceedance in
                let counts = (0..<b).map { pass.denseCounts[base + $0 * thresholds.count + k] }
                let share = Double(counts.reduce(0, +)) / Double(n)
                let batchShares = zip(counts, sizes).map { Double($0) / Double($1) }
                return .init(threshold: x, probability: Statistic(value: share, standardError: Summariser.batchMeansError(batchShares, sizes: sizes)))
            }
            let negative = (0..<b).map { pass.denseCounts[base + b * thresholds.count + $0] }
            let benefit = Statistic(
                value: Double(negative.reduce(0, +)) / Double(n),
                standardError: Summariser.batchMeansError(zip(negative, sizes).map { Double($0) / Double($1) }, sizes: sizes))
            let counts = Array(pass.denseCounts[(base + b * thresholds.count + b) ..< (base + b * thresholds.count + b + bins)])
            let lo = fromSortKey(first.minKeys[s]), hi = fromSortKey(first.maxKeys[s])
            let meanSE = ((r.meanVariance.map { max(0, $0) } ?? sd * sd) / Double(n)).squareRoot()
            out[s] = OutcomeSummary(
                trials: n,
                mean: Statistic(value: mean, standardError: meanSE),
                standardDeviation: sd, standardDeviationStandardError: Summariser.batchMeansError(batchSD, sizes: sizes),
                minimum: lo, maximum: hi,
                percentiles: percentiles, valueAtRisk95: var95, expectedShortfall95: esStatistic,
                exceedances: exceedances, probabilityNetBenefit: benefit,
                histogram: .init(lowerBound: lo, binWidth: dense.binWidth[s], counts: counts),
                exceedanceCurve: curve.map { .init(loss: ranks.quantile(series: s, 1 - $0), probability: $0) })
        }
        let pairBase = pass.denseOffsets[seriesCount]
        let pairResults = pairs.indices.map { k in
            PairSums(sum: passSums[pass.pairSumOffset + 2 * k], squares: passSums[pass.pairSumOffset + 2 * k + 1], better: pass.denseCounts[pairBase + 2 * k],
                     worse: pass.denseCounts[pairBase + 2 * k + 1])
        }
        return (out, pairResults)
    }

    /// The value at within-batch rank `rank` of `batch`, if the every-trial window holds it.
    static func batchCut(_ kept: Kept, batch: Int, rank: Int) -> Double? {
        var count = kept.belowByBatch[batch]
        guard rank >= count else { return nil }
        for m in kept.members where Int(m.batch) == batch {
            count += Int(m.count)
            if count > rank { return fromSortKey(m.key) }
        }
        return nil
    }


    /// The mean of the largest `m` values of a scope (every trial when `batch` is nil), whose
    /// `m`-th largest is `cut`: the window's tail above it, the values it holds above the cut,
    /// and the cut for the rest.
    static func shortfall(_ w: Window, cut: Double, m: Int, scopeCount: Int, batch: Int?) -> Double {
        let kept = w.kept!
        let cutKey = sortKey(cut)
        var held = 0
        var top: [(key: UInt64, count: Int)] = []
        for member in kept.members where batch == nil || Int(member.batch) == batch! || w.batch >= 0 {
            held += Int(member.count)
            if member.key > cutKey { top.append((member.key, Int(member.count))) }
        }
        // Values of the scope below the window, then those held at or below the cut.
        let below: Int
        if w.batch >= 0 {
            below = kept.firstRank
        } else if let batch {
            below = kept.belowByBatch[batch]
        } else {
            below = kept.firstRank
        }
        let aboveWindow = scopeCount - below - held
        let above = aboveWindow + top.reduce(0) { $0 + $1.count }
        var sum = 0.0
        for _ in 0..<max(0, m - above) { sum += cut }
        for t in top { sum += Double(t.count) * fromSortKey(t.key) }
        if let batch {
            sum += w.tail[batch]
        } else {
            for x in w.tail { sum += x }
        }
        return sum / Double(m)
    }
}
