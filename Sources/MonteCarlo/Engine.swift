#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Runs a ``SimulationPlan``.
///
/// Trials are simulated in fixed-size blocks. Every (risk, block) pair has its own streams
/// (see ``StreamKey``), blocks are handed to `jobs` threads in index order, and each block's
/// sums are added to the run's totals strictly in block order, so the results are
/// bit-identical for any number of threads. Per-trial totals are kept only for the series the
/// plan needs (views × treatments × outcomes, plus portfolios), which is what exact
/// percentiles require; per-risk figures are running sums.
///
/// Within a block, each risk's occurrences are generated once as a sparse list of candidate
/// events, each carrying a seed for its own impact draw; every view (through thinning and the
/// per-trial choice of estimate) and both treatments read that list. So views, inherent and
/// residual, and portfolios are compared on common random numbers, and a risk costs time in
/// proportion to its occurrences. Rank correlation is induced per block by Iman–Conover on the
/// correlated risks' per-trial losses (see `BlockWorker.imanConover`).
public enum Engine {
    /// Simulates `plan` and summarises the results.
    ///
    /// Complexity: O(occurrences + trials × series) time; O(trials × series + risks × views)
    /// memory.
    ///
    /// - Parameter progress: called from worker threads with the fraction of the planned trials
    ///   simulated so far (with a precision target, of the cap), for a progress bar. It cannot
    ///   affect the results.
    public static func run(
        _ plan: SimulationPlan, options: RunOptions = RunOptions(), progress: (@Sendable (Double) -> Void)? = nil
    ) -> SimulationResult {
        run(plan, options: options, progress: progress, streamed: StreamedSeries.Limits())
    }

    /// As ``run(_:options:progress:)``, with the streamed summaries' limits and the trials
    /// whose events are made at a time (tests vary them to exercise every pass and path).
    static func run(
        _ plan: SimulationPlan, options: RunOptions, progress: (@Sendable (Double) -> Void)?, streamed limits: StreamedSeries.Limits,
        eventChunk: Int = CompiledPlan.defaultEventChunk
    ) -> SimulationResult {
        let blockSize = min(max(options.blockSize, 64), 1 << 20)
        let compiled = CompiledPlan(plan, blockSize: blockSize, eventChunk: eventChunk)
        var trials = max(2, options.trials)
        var maxTrials = trials
        if let precision = options.precision {
            // Stages are whole blocks (so a stopped run equals a fresh run of its length), and
            // the cap is never passed: the first stage is `trials` rounded up to whole blocks,
            // but at most the cap, and the last stage may stop inside a block at the cap.
            maxTrials = max(2, precision.maxTrials)
            trials = min((trials + blockSize - 1) / blockSize * blockSize, maxTrials)
        }
        // The series are kept while they fit the limit; beyond it each block's series are read
        // as the block is simulated and again on later passes (see ``StreamedSeries``).
        let bytesPerTrial = 8 * max(1, compiled.seriesCount)
        var store: SeriesStore?
        var streamed: StreamedSeries?
        if bytesPerTrial * trials > options.seriesMemoryLimit {
            streamed = StreamedSeries(series: compiled.seriesCount, limits: limits)
        } else {
            store = SeriesStore(classes: compiled.seriesClass, trials: trials)
        }
        let runner = BlockRunner(compiled: compiled, store: store, seed: options.seed, blockSize: blockSize, jobs: max(1, options.jobs))
        if let progress {
            let blocksPlanned = Double((maxTrials + blockSize - 1) / blockSize)
            runner.progress = { blocks in progress(min(1, Double(blocks) / blocksPlanned)) }
        }
        func simulate(_ trials: Int) {
            if let streamed {
                let sink = SendableBox(streamed)
                runner.run(trials: trials, consume: { start, count, series in
                    sink.value.consumeSimulated(start: start, count: count, series: series)
                }, merge: { partial, count in sink.value.addSums(partial, trials: count) })
            } else {
                runner.run(trials: trials)
            }
        }
        /// Runs every block simulated so far again, for one pass of the streamed summaries.
        func pass(_ pass: SeriesPass) -> [Double] {
            let total = SendableBox(Array(repeating: 0.0, count: pass.partialCount))
            runner.rerun(trials: runner.trialsDone, consume: { start, count, series in
                pass.consume(start: start, count: count, series: series)
            }, merge: { partial, _ in
                for i in partial.indices { total.value[i] += partial[i] }
            })
            return total.value
        }
        simulate(trials)
        let summariser = Summariser(
            batches: options.batches, histogramBins: options.histogramBins, exceedancePoints: options.exceedancePoints,
            jobs: options.jobs, grain: compiled.batchGrain)
        var precisionMet: Bool?
        var shortfalls: [PrecisionShortfall]?
        // The streamed run's full summary at the last check, when the check was read from it.
        var summarised: SimulationResult?
        if let precision = options.precision {
            let checked = Array(0..<(compiled.viewCount * compiled.stateCount * compiled.slots))
            while true {
                let figures: [Statistic]
                if let streamed {
                    // Past the series limit a check costs passes over every trial so far, and
                    // the summary that follows the last check as many again. So the check reads
                    // the full summary, whose percentiles and errors are exactly the check's:
                    // when the run stops here, that summary is the result and the check cost
                    // nothing; otherwise it cost about what a check of its own would.
                    let result = ResultBuilder(compiled: compiled, store: nil, stats: runner.total, trials: trials, summariser: summariser)
                        .build(seed: options.seed, blockSize: blockSize, blocks: runner.blocksDone, precisionMet: nil,
                               streamed: (streamed, pass))
                    if let read = Self.precisionFigures(precision, series: checked, from: result, compiled: compiled) {
                        figures = read
                        summarised = result
                    } else {
                        figures = streamed.precisionFigures(precision, series: checked, summariser: summariser, run: pass)
                        summarised = nil
                    }
                } else {
                    figures = Self.precisionFigures(precision, compiled: compiled, store: store!, trials: trials, summariser: summariser)
                }
                let short = Self.shortfalls(figures, series: checked, target: precision, trials: trials, compiled: compiled)
                precisionMet = short.isEmpty
                shortfalls = short.isEmpty ? nil : short
                if short.isEmpty || trials >= maxTrials { break }
                // A figure that would need more than the cap at its present rate cannot get
                // there: stop now rather than run to the cap for nothing.
                if precision.stopsEarly && short.contains(where: { $0.trialsNeeded.map { $0 > maxTrials } ?? true }) { break }
                summarised = nil
                trials = Self.nextStage(after: trials, projected: short.compactMap(\.trialsNeeded).max() ?? 0,
                                        blockSize: blockSize, maxTrials: maxTrials)
                if let kept = store {
                    if bytesPerTrial * trials > options.seriesMemoryLimit {
                        // Beyond the limit: read the blocks kept so far as if just simulated,
                        // in block order, and keep no more.
                        let next = StreamedSeries(series: compiled.seriesCount, limits: limits)
                        for block in 0..<runner.blocksDone {
                            let start = block * blockSize, count = min(blockSize, runner.trialsDone - start)
                            let partial = next.consumeSimulated(start: start, count: count) { UnsafePointer(kept.pointers[$0] + start) }
                            next.addSums(partial, trials: count)
                        }
                        streamed = next
                        store = nil
                        runner.store = nil
                    } else {
                        kept.grow(to: trials)
                    }
                }
                simulate(trials)
            }
        }
        if var result = summarised {
            result.precisionMet = precisionMet
            result.precisionShortfalls = shortfalls
            return result
        }
        let builder = ResultBuilder(compiled: compiled, store: store, stats: runner.total, trials: trials, summariser: summariser)
        if let streamed {
            var result = builder.build(seed: options.seed, blockSize: blockSize, blocks: runner.blocksDone, precisionMet: precisionMet,
                                       streamed: (streamed, pass))
            result.precisionShortfalls = shortfalls
            return result
        }
        var result = builder.build(seed: options.seed, blockSize: blockSize, blocks: runner.blocksDone, precisionMet: precisionMet)
        result.precisionShortfalls = shortfalls
        return result
    }

    /// The trials of the next `--precision` stage: straight to what the furthest figure is
    /// projected to need, with a tenth to spare for the projection's own noise, and at least
    /// half again, in whole blocks, never past the cap. Each check past the series limit costs
    /// passes over every trial so far, so a run should need one or two checks, not a geometric
    /// series of them. Every stage but the last ends on a block boundary, so no block is re-run.
    static func nextStage(after trials: Int, projected: Int, blockSize: Int, maxTrials: Int) -> Int {
        let wanted = max(trials / 2, projected + projected / 10 - trials)
        let more = max(blockSize, (wanted + blockSize - 1) / blockSize * blockSize)
        return min(maxTrials, trials + more)
    }

    /// Each checked series' percentile at the target's probability, with its standard error.
    static func precisionFigures(_ target: PrecisionTarget, compiled: CompiledPlan, store: SeriesStore, trials: Int, summariser: Summariser) -> [Statistic] {
        let copy = UnsafeMutableBufferPointer<Double>.allocate(capacity: trials)
        defer { copy.deallocate() }
        var check = summariser
        check.histogramBins = 1
        check.exceedancePoints = 2
        return (0..<(compiled.viewCount * compiled.stateCount * compiled.slots)).map { series in
            _ = copy.initialize(from: store.buffer(series, count: trials))
            let s = check.summarise(copy, thresholds: [])
            if let p = s.percentile(target.percentile) { return p }
            let bounds = check.bounds(trials)
            let runs = SortedRuns(base: UnsafePointer(copy.baseAddress!), bounds: bounds)
            let value = runs.quantile(target.percentile)
            let sizes = (0..<(bounds.count - 1)).map { bounds[$0 + 1] - bounds[$0] }
            return Statistic(value: value, standardError: check.percentileError(target.percentile, estimate: value, runs: runs, sizes: sizes))
        }
    }

    /// Each checked series' percentile at the target's probability, with its standard error,
    /// read from a run's summaries (the same figures, since a summary's percentiles are found
    /// the same way), or nil when the summaries do not report that percentile.
    static func precisionFigures(_ target: PrecisionTarget, series: [Int], from result: SimulationResult,
                                 compiled: CompiledPlan) -> [Statistic]? {
        var out: [Statistic] = []
        for s in series {
            let slot = s % compiled.slots, state = s / compiled.slots % compiled.stateCount, view = s / compiled.slots / compiled.stateCount
            guard view < result.views.count else { return nil }
            let pair = slot < compiled.outcomeCount ? result.views[view].outcomes[slot] : result.views[view].total
            guard let pair else { return nil }
            let summary = state == 0 ? pair.inherent : pair.residual
            guard state == 0 || state == compiled.stateCount - 1, let p = summary.percentile(target.percentile) else { return nil }
            out.append(p)
        }
        return out
    }

    /// The checked figures that miss the target, with the trials each would need at its
    /// present rate (a standard error falls as 1/√trials).
    static func shortfalls(_ figures: [Statistic], series: [Int], target: PrecisionTarget, trials: Int,
                           compiled: CompiledPlan) -> [PrecisionShortfall] {
        zip(series, figures).compactMap { s, q in
            let half = 1.96 * q.standardError, allowed = target.relativeHalfWidth * abs(q.value)
            if half <= allowed { return nil }
            var needed: Int?
            if allowed > 0 {
                let ratio = half / allowed
                let n = Double(trials) * ratio * ratio
                needed = n < Double(Int.max / 2) ? Int(n.rounded(.up)) : nil
            }
            let slot = s % compiled.slots, state = s / compiled.slots % compiled.stateCount, view = s / compiled.slots / compiled.stateCount
            return PrecisionShortfall(view: view, state: state, slot: slot, percentile: q, trialsNeeded: needed)
        }
    }
}

/// A value handed to worker threads that only one of them touches at a time (under the
/// runner's merge lock, or before and after the threads run).
final class SendableBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// Hands blocks to worker threads and adds their sums in block order.
///
/// `@unchecked Sendable` because the workers (each used by one thread at a time) and the
/// settings are shared with the threads of a run; everything the threads change together is
/// in ``Merge``, behind a mutex.
final class BlockRunner: @unchecked Sendable {
    /// Reads a block's series right after it is simulated (trials `start ..< start + count`),
    /// when they are not kept; returns sums to be added in block order.
    typealias Consumer = @Sendable (_ start: Int, _ count: Int, _ series: (Int) -> UnsafePointer<Double>) -> [Double]
    /// Adds one block's sums (and its trial count), called in block order.
    typealias Merger = @Sendable (_ partial: [Double], _ count: Int) -> Void

    let compiled: CompiledPlan
    /// The kept series, or nil when each block is read as it is simulated.
    var store: SeriesStore?
    let seed: UInt64
    let blockSize: Int
    let jobs: Int
    /// The sums of every block run so far, added in block order.
    var total: BlockStats { merge.withLock { $0.total } }
    private(set) var blocksDone = 0
    private(set) var trialsDone = 0
    /// Told the number of blocks merged so far, after each merge.
    var progress: (@Sendable (Int) -> Void)?
    private var workers: [BlockWorker] = []
    private let samplers: SamplerStore

    /// What the threads of a run share: the next block to claim, and the finished blocks
    /// waiting for their turn to be added (so that the sums never depend on scheduling).
    struct Merge {
        var total: BlockStats
        var nextClaim = 0
        var nextMerge = 0
        var pending: [Int: (stats: BlockStats?, partial: [Double], count: Int)] = [:]
    }
    private let merge: Mutex<Merge>

    init(compiled: CompiledPlan, store: SeriesStore?, seed: UInt64, blockSize: Int, jobs: Int) {
        self.compiled = compiled
        self.store = store
        self.seed = seed
        self.blockSize = blockSize
        self.jobs = jobs
        samplers = compiled.samplers
        merge = Mutex(Merge(total: BlockStats(trials: 0, risks: compiled.risks.count, views: compiled.viewCount,
                                              pairs: compiled.plan.correlations.count)))
    }

    /// Runs the blocks needed to cover `trials` that have not run yet.
    func run(trials: Int, consume: Consumer? = nil, merge merger: Merger? = nil) {
        let blocks = (trials + blockSize - 1) / blockSize
        runBlocks(blocksDone ..< blocks, trials: trials, keepStats: true, consume: consume, merger: merger)
        blocksDone = blocks
        trialsDone = trials
    }

    /// Runs every block covering `trials` again (they draw the same numbers), for a pass over
    /// series that are not kept; the blocks' sums are not added again.
    func rerun(trials: Int, consume: @escaping Consumer, merge merger: @escaping Merger) {
        let blocks = (trials + blockSize - 1) / blockSize
        runBlocks(0 ..< blocks, trials: trials, keepStats: false, consume: consume, merger: merger)
    }

    private func runBlocks(_ range: Range<Int>, trials: Int, keepStats: Bool, consume: Consumer?, merger: Merger?) {
        merge.withLock { m in
            assert(m.pending.isEmpty)
            m.nextClaim = range.lowerBound
            m.nextMerge = range.lowerBound
        }
        let threads = min(jobs, max(1, range.count))
        while workers.count < threads {
            workers.append(BlockWorker(compiled: compiled, store: store, samplers: samplers, rootSeed: seed))
        }
        for w in workers { w.store = consume == nil ? store : nil }
        let blocks = range.upperBound
        let work: @Sendable (Int) -> Void = { [self] w in
            let worker = self.workers[w]
            while true {
                let block = self.merge.withLock { m in
                    defer { m.nextClaim += 1 }
                    return m.nextClaim
                }
                if block >= blocks { return }
                let start = block * self.blockSize
                let count = min(self.blockSize, trials - start)
                let stats = worker.run(block: block, start: start, count: count)
                let partial = consume?(start, count) { worker.blockSeries($0) } ?? []
                let merged = self.merge.withLock { m in
                    m.pending[block] = (keepStats ? stats : nil, partial, count)
                    while let ready = m.pending.removeValue(forKey: m.nextMerge) {
                        if let stats = ready.stats { m.total.add(stats) }
                        merger?(ready.partial, ready.count)
                        m.nextMerge += 1
                    }
                    return m.nextMerge
                }
                if keepStats { self.progress?(merged) }
            }
        }
        if threads == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads, execute: work)
        }
        assert(merge.withLock { $0.pending.isEmpty && $0.nextMerge == blocks }, "every block is merged, in order")
    }
}
