#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How to run a plan.
public struct RunOptions: Sendable, Codable, Hashable {
    /// The root seed; every stream derives from it.
    public var seed: UInt64
    /// Trials to run (at least 2, so every statistic has a standard error). In precision mode,
    /// the first stage: rounded up to whole blocks, but never above
    /// ``PrecisionTarget/maxTrials``.
    public var trials: Int
    /// Trials per block, clamped to [64, 2^20]. Each (risk, block) has its own stream, so
    /// changing this changes the draws; the default 2^14 keeps a block's per-trial arrays in
    /// the L2 cache while giving thousands of occurrences per block to amortise setup.
    public var blockSize: Int
    /// Worker threads (at least 1). Results do not depend on it.
    public var jobs: Int
    /// Batches for batch-means standard errors (clamped to [2, trials]); 32 gives SEs that are
    /// themselves accurate to about ±13%.
    public var batches: Int
    public var histogramBins: Int
    public var exceedancePoints: Int
    /// Run more blocks until this holds, if set.
    public var precision: PrecisionTarget?
    /// The most the per-trial series may take in memory (8 bytes per series and trial). Above
    /// it they are not kept: the blocks are run again for each pass that summarises them (see
    /// docs/results.md, "Long runs"), with the same percentiles but several times the time. The
    /// default 1 GiB keeps every example in memory up to a million trials, where the passes would
    /// cost far more than the memory, and bounds memory beyond.
    public var seriesMemoryLimit: Int

    /// 1 GiB: see ``seriesMemoryLimit``.
    public static let defaultSeriesMemoryLimit = 1 << 30

    /// The processors online: the default for ``jobs``.
    public static var defaultJobs: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public init(
        seed: UInt64 = 0, trials: Int = 100_000, blockSize: Int = 1 << 14,
        jobs: Int = RunOptions.defaultJobs, batches: Int = 32,
        histogramBins: Int = 40, exceedancePoints: Int = 60, precision: PrecisionTarget? = nil,
        seriesMemoryLimit: Int = RunOptions.defaultSeriesMemoryLimit
    ) {
        self.seriesMemoryLimit = seriesMemoryLimit
        self.seed = seed
        self.trials = trials
        self.blockSize = blockSize
        self.jobs = jobs
        self.batches = batches
        self.histogramBins = histogramBins
        self.exceedancePoints = exceedancePoints
        self.precision = precision
    }
}

/// A stopping rule: keep adding blocks until, for every view, outcome (and the total) and
/// treatment, the 95% confidence half-width (1.96 SE) of the chosen percentile is within
/// `relativeHalfWidth` of it, or `maxTrials` is reached (never passed: the last stage stops
/// inside a block at `maxTrials` if it must). A percentile that sits on an atom of the loss
/// (a count, a fixed impact, zero) has SE 0 once the atom is resolved, so it stops the run
/// as soon as the trials show which atom it is.
///
/// Blocks are keyed by index, so a run that stopped after n blocks equals a fresh run of n
/// blocks exactly.
public struct PrecisionTarget: Sendable, Codable, Hashable {
    public var relativeHalfWidth: Double
    public var maxTrials: Int
    /// Default 0.95 (the VaR percentile appetite statements are usually about).
    public var percentile: Double

    /// Stop before the cap when a figure would need more trials than the cap at its present
    /// rate (see ``SimulationResult/precisionShortfalls``). Default true.
    public var stopsEarly: Bool

    public init(relativeHalfWidth: Double, maxTrials: Int, percentile: Double = 0.95, stopsEarly: Bool = true) {
        self.relativeHalfWidth = relativeHalfWidth
        self.maxTrials = maxTrials
        self.percentile = percentile
        self.stopsEarly = stopsEarly
    }
}
