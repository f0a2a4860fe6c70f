#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Turns the run's series and sums into a ``SimulationResult``.
struct ResultBuilder {
    let compiled: CompiledPlan
    /// The kept series, or nil when they were streamed.
    let store: SeriesStore?
    let stats: BlockStats
    let trials: Int
    let summariser: Summariser

    /// The summaries and paired sums of streamed series, found before the result is built.
    private struct Streamed {
        var summaries: [Int: OutcomeSummary]
        var pairs: [Pair: StreamedSeries.PairSums]
    }

    private struct Pair: Hashable {
        var first: Int
        var second: Int
    }

    /// - Parameter streamed: the series when they were not kept, and the way to run a pass
    ///   over them.
    func build(seed: UInt64, blockSize: Int, blocks: Int, precisionMet: Bool?,
               streamed source: (series: StreamedSeries, run: (SeriesPass) -> [Double])? = nil) -> SimulationResult {
        let plan = compiled.plan
        let variances = seriesVariances()
        var streamed: Streamed?
        if let source {
            let requests = self.requests(variances: variances)
            let pairs = differencePairs()
            let found = source.series.summaries(requests, pairs: pairs.map { ($0.first, $0.second) }, summariser: summariser, run: source.run)
            streamed = Streamed(summaries: found.summaries,
                                pairs: Dictionary(uniqueKeysWithValues: zip(pairs, found.pairs).map { ($0, $1) }))
        }
        // Paired portfolio differences need trial order, so they come before any sorting.
        let differences = portfolioDifferences(streamed: streamed)
        // Kept series are summarised up front, each distinct one once (``summariseKept``).
        let kept = store.map { summariseKept($0, requests: requests(variances: variances)) }
        func summarise(_ series: Int, thresholds: [Double]) -> OutcomeSummary {
            if let streamed { return streamed.summaries[series]! }
            return kept![series]!
        }

        func summaries(config: Int) -> (outcomes: [InherentAndResidual<OutcomeSummary>], total: InherentAndResidual<OutcomeSummary>?) {
            var outcomeStates: [[OutcomeSummary]] = Array(repeating: [], count: compiled.outcomeCount)
            var totalStates: [OutcomeSummary] = []
            for s in 0..<compiled.stateCount {
                for o in 0..<compiled.outcomeCount {
                    var thresholds = plan.thresholds[o]
                    let aliased = compiled.totalSlot == .alias(o)
                    if aliased { thresholds += plan.totalThresholds }
                    let summary = summarise(compiled.series(config: config, state: s, slot: o), thresholds: thresholds)
                    if aliased {
                        var own = summary, total = summary
                        own.exceedances = Array(summary.exceedances.prefix(plan.thresholds[o].count))
                        total.exceedances = Array(summary.exceedances.suffix(plan.totalThresholds.count))
                        outcomeStates[o].append(own)
                        totalStates.append(total)
                    } else {
                        outcomeStates[o].append(summary)
                    }
                }
                if compiled.totalSlot == .separate {
                    totalStates.append(summarise(compiled.series(config: config, state: s, slot: compiled.outcomeCount),
                                                 thresholds: plan.totalThresholds))
                }
            }
            let pair = { (list: [OutcomeSummary]) in InherentAndResidual(inherent: list[0], residual: list[list.count - 1]) }
            return (outcomeStates.map(pair), totalStates.isEmpty ? nil : pair(totalStates))
        }

        let analytics = RiskAnalytics(plan: plan)
        var views: [ViewResult] = []
        for (v, view) in plan.views.enumerated() {
            let (outcomes, total) = summaries(config: v)
            let risks = plan.risks.indices.map { riskResult($0, view: v, analytics: analytics) }
            views.append(ViewResult(name: view.name, outcomes: outcomes, total: total, risks: risks))
        }
        var portfolios: [PortfolioResult] = []
        for (p, portfolio) in plan.portfolios.enumerated() {
            let (outcomes, total) = summaries(config: compiled.viewCount + p)
            portfolios.append(PortfolioResult(
                name: portfolio.name, outcomes: outcomes, total: total,
                differenceFromFirst: differences[p].outcomes,
                totalDifferenceFromFirst: differences[p].total))
        }
        let correlations = plan.correlations.enumerated().map { i, c in
            AchievedCorrelation(
                first: c.first, second: c.second, target: c.spearman,
                achieved: stats.spearman[i] / Double(trials))
        }
        return SimulationResult(
            seed: seed, trials: trials, blockSize: blockSize, blocks: blocks, precisionMet: precisionMet,
            views: views, portfolios: portfolios, correlations: correlations)
    }

    /// What a kept series' summary is made from: its values (by the first series holding the
    /// same values), its thresholds and the variance of its mean.
    private struct SummaryKey: Hashable {
        var series: Int
        var thresholds: [UInt64]
        var meanVariance: UInt64?
    }

    /// The summary of every requested kept series (each series is requested once).
    ///
    /// Series that hold the same values trial for trial (``sameSeries(_:)``) are summarised
    /// once: a summary depends only on the values, the thresholds and the mean's variance, so
    /// each copy gets exactly the summary of its own. The distinct ones are summarised in
    /// parallel, a series per thread, when there are enough of them: summarising one series at a
    /// time spreads only its batches' sorts over the threads, and runs its full sort, order
    /// statistics and histogram on one. Each summary sorts its series' buffer in place, so the
    /// series that share a buffer are summarised on one thread, one after another; the figures
    /// do not depend on how they are spread.
    private func summariseKept(_ store: SeriesStore, requests: [StreamedSeries.Request]) -> [Int: OutcomeSummary] {
        let same = sameSeries(store)
        var index: [SummaryKey: Int] = [:]
        var distinct: [StreamedSeries.Request] = []
        var summaryOf: [Int: Int] = [:]
        for r in requests {
            let key = SummaryKey(series: same[r.series], thresholds: r.thresholds.map(\.bitPattern), meanVariance: r.meanVariance?.bitPattern)
            if let i = index[key] {
                summaryOf[r.series] = i
                continue
            }
            index[key] = distinct.count
            summaryOf[r.series] = distinct.count
            distinct.append(r)
        }
        var found = [OutcomeSummary?](repeating: nil, count: distinct.count)
        let trials = self.trials
        if summariser.jobs > 1 && distinct.count >= 2 * summariser.jobs {
            var one = summariser
            one.jobs = 1
            // Requests whose series share one buffer (``SeriesStore``) are summarised one after
            // another on one thread: each summary sorts its buffer in place, and two threads
            // sorting one buffer at once corrupt it.
            var groups: [[Int]] = []
            var groupOf: [UnsafeMutablePointer<Double>: Int] = [:]
            for (i, r) in distinct.enumerated() {
                let buffer = store.pointers[r.series]
                if let g = groupOf[buffer] { groups[g].append(i) } else { groupOf[buffer] = groups.count; groups.append([i]) }
            }
            let serial = one, wanted = distinct, shared = groups
            found.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let base = out.baseAddress!
                DispatchQueue.concurrentPerform(iterations: shared.count) { g in
                    for i in shared[g] {
                        let r = wanted[i]
                        (base + i).pointee = serial.summarise(store.buffer(r.series, count: trials), thresholds: r.thresholds,
                                                              meanVariance: r.meanVariance)
                    }
                }
            }
        } else {
            for (i, r) in distinct.enumerated() {
                found[i] = summariser.summarise(store.buffer(r.series, count: trials), thresholds: r.thresholds, meanVariance: r.meanVariance)
            }
        }
        return summaryOf.mapValues { found[$0]! }
    }

    /// Per kept series, the first series whose values are bit for bit the same in every trial
    /// (itself when none before it is). Many are: an outcome no response reaches has the same
    /// residual as inherent series, one no estimate differs on the same series in every view,
    /// one no option changes the same series in every option (model S has 34 distinct series
    /// of 64). Read before any summary sorts a series; each candidate is compared in full,
    /// after a fingerprint of a few trials picks the candidates.
    private func sameSeries(_ store: SeriesStore) -> [Int] {
        let count = compiled.seriesCount
        var first = Array(0..<count)
        guard trials > 0 else { return first }
        let probes = Swift.min(trials, 16)
        var byFingerprint: [[UInt64]: [Int]] = [:]
        for s in 0..<count {
            let values = store.buffer(s, count: trials)
            let fingerprint = (0..<probes).map { values[$0 * (trials - 1) / Swift.max(1, probes - 1)].bitPattern }
            let candidates = byFingerprint[fingerprint, default: []]
            if let match = candidates.first(where: { memcmp(store.buffer($0, count: trials).baseAddress!, values.baseAddress!, trials * 8) == 0 }) {
                first[s] = match
            } else {
                byFingerprint[fingerprint, default: []].append(s)
            }
        }
        return first
    }

    /// The sample variance of risk `r`'s per-trial net loss under view `v` and state `s`
    /// (0 inherent, 1 residual), from the running sums.
    private func riskVariance(_ r: Int, view v: Int, state s: Int) -> Double {
        let f = (r * compiled.viewCount + v) * BlockStats.fieldCount
        let harm: BlockStats.Field = s == 0 ? .harmInherent : .harmResidual
        let square: BlockStats.Field = s == 0 ? .netSquaredInherent : .netSquaredResidual
        let n = Double(trials)
        guard n > 1 else { return 0 }
        let net = stats.sums[f + harm.rawValue] - stats.sums[f + BlockStats.Field.benefit.rawValue]
        return max(0, (stats.sums[f + square.rawValue] - net * (net / n)) / (n - 1))
    }

    /// The risks (with the view whose draws they add) that add into each series.
    private func seriesMembers() -> [[(risk: Int, view: Int)]] {
        var members = Array(repeating: [(risk: Int, view: Int)](), count: compiled.seriesCount)
        // By key, so the sums do not depend on the order of the plan's risks.
        for r in compiled.risks.indices.sorted(by: { compiled.risks[$0].key < compiled.risks[$1].key }) {
            for v in 0..<compiled.viewCount {
                for s in 0..<compiled.stateCount {
                    for t in compiled.contributions(risk: r, view: v, state: s) { members[t].append((r, v)) }
                }
            }
        }
        return members
    }

    /// Per series, n × the variance of its mean: the sum of its risks' variances.
    ///
    /// The risks are simulated independently; Iman–Conover only reorders each one's draws
    /// within a unit of trials, which leaves every risk's total — and so the series' total —
    /// unchanged. The mean of a series is therefore exactly the sum of independent risk means,
    /// whatever correlation was induced, and its variance is the sum of theirs (the sample
    /// variance of the correlated series would be wrong: 11× too small an SE at a rank
    /// correlation of −1).
    private func seriesVariances() -> [Double] {
        var out = Array(repeating: 0.0, count: compiled.seriesCount)
        for (t, list) in seriesMembers().enumerated() {
            let state = t / compiled.slots % compiled.stateCount
            for m in list { out[t] += riskVariance(m.risk, view: m.view, state: state) }
        }
        return out
    }

    /// Every series summarised, with its thresholds as ``build`` gives them (an outcome that is
    /// also the total takes both lists), for the streamed summaries.
    private func requests(variances: [Double]) -> [StreamedSeries.Request] {
        let plan = compiled.plan
        var out: [StreamedSeries.Request] = []
        for config in 0..<(compiled.viewCount + plan.portfolios.count) {
            for s in 0..<compiled.stateCount {
                for o in 0..<compiled.outcomeCount {
                    var thresholds = plan.thresholds[o]
                    if compiled.totalSlot == .alias(o) { thresholds += plan.totalThresholds }
                    let series = compiled.series(config: config, state: s, slot: o)
                    out.append(.init(series: series, thresholds: thresholds, meanVariance: variances[series]))
                }
                if compiled.totalSlot == .separate {
                    let series = compiled.series(config: config, state: s, slot: compiled.outcomeCount)
                    out.append(.init(series: series, thresholds: plan.totalThresholds, meanVariance: variances[series]))
                }
            }
        }
        return out
    }

    /// The pairs of series whose trial-by-trial differences the portfolios report.
    private func differencePairs() -> [Pair] {
        var out: [Pair] = []
        let first = compiled.viewCount
        for p in compiled.plan.portfolios.indices {
            for state in Set([0, compiled.stateCount - 1]).sorted() {
                for slot in 0..<compiled.slots {
                    let pair = Pair(first: compiled.series(config: first + p, state: state, slot: slot),
                                    second: compiled.series(config: first, state: state, slot: slot))
                    if !out.contains(pair) { out.append(pair) }
                }
            }
        }
        return out
    }

    private func portfolioDifferences(streamed: Streamed?) -> [(outcomes: [InherentAndResidual<PairedDifference>], total: InherentAndResidual<PairedDifference>?)] {
        let plan = compiled.plan
        guard !plan.portfolios.isEmpty else { return [] }
        let first = compiled.viewCount
        let members = seriesMembers()
        func difference(_ config: Int, _ state: Int, _ slot: Int) -> PairedDifference {
            let sa = compiled.series(config: config, state: state, slot: slot)
            let sb = compiled.series(config: first, state: state, slot: slot)
            // A risk in both portfolios adds the same draws to both and cancels; the difference
            // is the sum of the independent risks in exactly one of them (see seriesVariances).
            let inA = Set(members[sa].map(\.risk)), inB = Set(members[sb].map(\.risk))
            let differing = inA.symmetricDifference(inB).sorted(by: { compiled.risks[$0].key < compiled.risks[$1].key })
            var variance = 0.0
            for r in differing {
                variance += riskVariance(r, view: compiled.plan.primaryView, state: min(state, compiled.stateCount - 1))
            }
            var sum = 0.0, squares = 0.0, better = 0, worse = 0
            if let found = streamed?.pairs[Pair(first: sa, second: sb)] {
                sum = found.sum
                squares = found.squares
                better = found.better
                worse = found.worse
            } else {
                let a = store!.buffer(sa, count: trials)
                let b = store!.buffer(sb, count: trials)
                for t in 0..<trials {
                    let d = a[t] - b[t]
                    sum += d
                    squares += d * d
                    if d < 0 { better += 1 } else if d > 0 { worse += 1 }
                }
            }
            let mean = sum / Double(trials)
            if let paired = pairedVariance(differing, sum: sum, squares: squares) { variance = paired }
            return PairedDifference(
                mean: Statistic(value: mean, standardError: (variance / Double(trials)).squareRoot()),
                probabilityBetter: Double(better) / Double(trials), probabilityWorse: Double(worse) / Double(trials))
        }
        return plan.portfolios.indices.map { p in
            let config = first + p
            let states = compiled.stateCount
            let outcomes = (0..<compiled.outcomeCount).map { o in
                InherentAndResidual(inherent: difference(config, 0, o), residual: difference(config, states - 1, o))
            }
            var total: InherentAndResidual<PairedDifference>?
            switch compiled.totalSlot {
            case .none: total = nil
            case let .alias(o): total = outcomes[o]
            case .separate:
                total = InherentAndResidual(inherent: difference(config, 0, compiled.outcomeCount),
                                            residual: difference(config, states - 1, compiled.outcomeCount))
            }
            return (outcomes, total)
        }
    }

    /// √(p(1 − p)/n): the standard error of a share of n independent trials.
    static func binomialError(_ p: Double, trials n: Double) -> Double {
        (max(0, p * (1 - p)) / n).squareRoot()
    }

    private func riskResult(_ r: Int, view v: Int, analytics: RiskAnalytics) -> RiskResult {
        let plan = compiled.plan
        let views = compiled.viewCount
        let f = (r * views + v) * BlockStats.fieldCount
        func sum(_ field: BlockStats.Field) -> Double { stats.sums[f + field.rawValue] }
        let n = Double(trials)
        let grouped = compiled.risks[r].group != nil
        let benefit = sum(.benefit)
        func moments(harm: BlockStats.Field, square: BlockStats.Field, cross: BlockStats.Field, group: BlockStats.Field) -> (Statistic, Double) {
            let net = sum(harm) - benefit
            let mean = net / n
            let variance = n > 1 ? max(0, (sum(square) - net * mean) / (n - 1)) : 0
            let crossSum = grouped ? sum(cross) : sum(square)
            let groupSum = grouped ? sum(group) : net
            let contribution = n > 1 ? (crossSum - net * groupSum / n) / (n - 1) : 0
            return (Statistic(value: mean, standardError: (variance / n).squareRoot()), contribution)
        }
        let inh = moments(harm: .harmInherent, square: .netSquaredInherent, cross: .crossInherent, group: .groupInherent)
        let res = moments(harm: .harmResidual, square: .netSquaredResidual, cross: .crossResidual, group: .groupResidual)
        var response: ResponseResult?
        if let plannedResponse = plan.risks[r].response {
            let d = sum(.difference)
            let mean = d / n
            let variance = n > 1 ? max(0, (sum(.differenceSquared) - d * mean) / (n - 1)) : 0
            response = ResponseResult(
                inherentMean: sum(.harmInherent) / n, residualMean: sum(.harmResidual) / n,
                value: Statistic(value: mean, standardError: (variance / n).squareRoot()),
                cost: plannedResponse.cost,
                valueForMoney: plannedResponse.cost > 0 ? mean / plannedResponse.cost : nil)
        }
        let a = analytics.figures(risk: r, view: v)
        return RiskResult(
            probability: .init(inherent: sum(.occurredInherent) / n, residual: sum(.occurredResidual) / n),
            probabilityStandardError: .init(
                inherent: Self.binomialError(sum(.occurredInherent) / n, trials: n),
                residual: Self.binomialError(sum(.occurredResidual) / n, trials: n)),
            meanHarm: .init(inherent: sum(.harmInherent) / n, residual: sum(.harmResidual) / n),
            meanBenefit: benefit / n,
            meanLoss: .init(inherent: inh.0, residual: res.0),
            varianceContribution: .init(inherent: inh.1, residual: res.1),
            impactP10: a.impactP10, impactP90: a.impactP90, tornadoSwing: a.tornado, lossP90: a.lossP90,
            response: response)
    }
}
