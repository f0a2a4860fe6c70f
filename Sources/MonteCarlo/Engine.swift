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
        let blockSize = min(max(options.blockSize, 64), 1 << 20)
        let compiled = CompiledPlan(plan, blockSize: blockSize)
        var trials = max(2, options.trials)
        var maxTrials = trials
        if let precision = options.precision {
            // Stages are whole blocks (so a stopped run equals a fresh run of its length), and
            // the cap is never passed: the first stage is `trials` rounded up to whole blocks,
            // but at most the cap, and the last stage may stop inside a block at the cap.
            maxTrials = max(2, precision.maxTrials)
            trials = min((trials + blockSize - 1) / blockSize * blockSize, maxTrials)
        }
        let store = SeriesStore(series: compiled.seriesCount, trials: trials)
        let runner = BlockRunner(compiled: compiled, store: store, seed: options.seed, blockSize: blockSize, jobs: max(1, options.jobs))
        if let progress {
            let blocksPlanned = Double((maxTrials + blockSize - 1) / blockSize)
            runner.progress = { blocks in progress(min(1, Double(blocks) / blocksPlanned)) }
        }
        runner.run(trials: trials)
        let summariser = Summariser(
            batches: options.batches, histogramBins: options.histogramBins, exceedancePoints: options.exceedancePoints,
            jobs: options.jobs, grain: compiled.batchGrain)
        var precisionMet: Bool?
        if let precision = options.precision {
            while true {
                let met = Self.precisionHolds(precision, compiled: compiled, store: store, trials: trials, summariser: summariser)
                precisionMet = met
                if met || trials >= maxTrials { break }
                // Grow by half again, in whole blocks: geometric growth keeps the number of
                // checks logarithmic in the final trial count.
                let more = max(blockSize, (trials / 2 + blockSize - 1) / blockSize * blockSize)
                // Every stage but the last ends on a block boundary, so no block is re-run.
                trials = min(maxTrials, trials + more)
                store.grow(to: trials)
                runner.run(trials: trials)
            }
        }
        return ResultBuilder(compiled: compiled, store: store, stats: runner.total, trials: trials, summariser: summariser)
            .build(seed: options.seed, blockSize: blockSize, blocks: runner.blocksDone, precisionMet: precisionMet)
    }

    static func precisionHolds(_ target: PrecisionTarget, compiled: CompiledPlan, store: SeriesStore, trials: Int, summariser: Summariser) -> Bool {
        let copy = UnsafeMutableBufferPointer<Double>.allocate(capacity: trials)
        defer { copy.deallocate() }
        var check = summariser
        check.histogramBins = 1
        check.exceedancePoints = 2
        for series in 0..<(compiled.viewCount * compiled.stateCount * compiled.slots) {
            _ = copy.initialize(from: store.buffer(series, count: trials))
            let s = check.summarise(copy, thresholds: [])
            let q: Statistic
            if let p = s.percentile(target.percentile) {
                q = p
            } else {
                let bounds = check.bounds(trials)
                let runs = SortedRuns(base: UnsafePointer(copy.baseAddress!), bounds: bounds)
                let value = runs.quantile(target.percentile)
                let sizes = (0..<(bounds.count - 1)).map { bounds[$0 + 1] - bounds[$0] }
                q = Statistic(value: value, standardError: check.percentileError(target.percentile, estimate: value, runs: runs, sizes: sizes))
            }
            if !(1.96 * q.standardError <= target.relativeHalfWidth * abs(q.value)) { return false }
        }
        return true
    }
}

/// Hands blocks to worker threads and adds their sums in block order.
///
/// `@unchecked Sendable` because the workers (each used by one thread at a time) and the
/// settings are shared with the threads of a run; everything the threads change together is
/// in ``Merge``, behind a mutex.
final class BlockRunner: @unchecked Sendable {
    let compiled: CompiledPlan
    let store: SeriesStore
    let seed: UInt64
    let blockSize: Int
    let jobs: Int
    /// The sums of every block run so far, added in block order.
    var total: BlockStats { merge.withLock { $0.total } }
    private(set) var blocksDone = 0
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
        var pending: [Int: BlockStats] = [:]
    }
    private let merge: Mutex<Merge>

    init(compiled: CompiledPlan, store: SeriesStore, seed: UInt64, blockSize: Int, jobs: Int) {
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
    func run(trials: Int) {
        let blocks = (trials + blockSize - 1) / blockSize
        merge.withLock { m in
            assert(m.pending.isEmpty && m.nextMerge == blocksDone)
            m.nextClaim = blocksDone
            m.nextMerge = blocksDone
        }
        let threads = min(jobs, max(1, blocks - blocksDone))
        while workers.count < threads {
            workers.append(BlockWorker(compiled: compiled, store: store, samplers: samplers, rootSeed: seed))
        }
        let work: @Sendable (Int) -> Void = { [self] w in
            let worker = self.workers[w]
            while true {
                let block = self.merge.withLock { m in
                    defer { m.nextClaim += 1 }
                    return m.nextClaim
                }
                if block >= blocks { return }
                let start = block * self.blockSize
                let stats = worker.run(block: block, start: start, count: min(self.blockSize, trials - start))
                let merged = self.merge.withLock { m in
                    m.pending[block] = stats
                    while let ready = m.pending.removeValue(forKey: m.nextMerge) {
                        m.total.add(ready)
                        m.nextMerge += 1
                    }
                    return m.nextMerge
                }
                self.progress?(merged)
            }
        }
        if threads == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads, execute: work)
        }
        blocksDone = blocks
        assert(merge.withLock { $0.pending.isEmpty && $0.nextMerge == blocks }, "every block is merged, in order")
    }
}
