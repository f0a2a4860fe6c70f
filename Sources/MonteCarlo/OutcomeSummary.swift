/// The distribution of one outcome's per-trial loss (or of the register total) under one view
/// and one treatment.
///
/// Sign convention: loss = harm − benefit, so a positive value is bad and a negative value is a
/// net benefit. Standard errors hold under the engine's Iman–Conover correlation as well as
/// without it: the mean's is exact (from the independent risks' variances); a percentile's is
/// from a batch-means interval on the distribution function, which stays honest where the
/// loss has atoms; every other statistic's is by batch means over batches of whole
/// Iman–Conover units. See ``Summariser`` and docs/results.md.
public struct OutcomeSummary: Sendable, Codable, Hashable {
    /// A percentile of the loss.
    public struct Percentile: Sendable, Codable, Hashable {
        /// In (0, 1), e.g. 0.95 for P95.
        public var probability: Double
        public var value: Statistic
    }

    /// The chance of a loss above a threshold.
    public struct Exceedance: Sendable, Codable, Hashable {
        public var threshold: Double
        /// P(loss > threshold).
        public var probability: Statistic
    }

    /// Equal-width bins from ``minimum`` to ``maximum`` (the last bin includes the maximum).
    public struct Histogram: Sendable, Codable, Hashable {
        public var lowerBound: Double
        public var binWidth: Double
        public var counts: [Int]
    }

    /// One point of the loss exceedance curve: P(loss > ``loss``) = ``probability``.
    public struct CurvePoint: Sendable, Codable, Hashable {
        public var loss: Double
        public var probability: Double
    }

    /// The probabilities reported in ``percentiles``.
    public static let percentileProbabilities: [Double] = [0.05, 0.10, 0.50, 0.90, 0.95, 0.99]

    public var trials: Int
    public var mean: Statistic
    public var standardDeviation: Double
    /// The standard deviation's standard error, by batch means.
    public var standardDeviationStandardError: Double
    public var minimum: Double
    public var maximum: Double
    /// P5, P10, P50, P90, P95, P99 (linear interpolation between order statistics, "type 7").
    public var percentiles: [Percentile]
    /// Value at risk at 95%: the P95 of the loss.
    public var valueAtRisk95: Statistic
    /// Expected shortfall at 95%: the mean of the worst 5% of trials (⌈0.05·trials⌉ of them).
    public var expectedShortfall95: Statistic
    /// One entry per threshold the plan gave for this outcome, in the plan's order.
    public var exceedances: [Exceedance]
    /// P(loss < 0): the chance the outcome is a net benefit.
    public var probabilityNetBenefit: Statistic
    public var histogram: Histogram
    /// Points at exceedance probabilities spaced evenly in log scale from 0.99 down to
    /// max(10/trials, 1e-4), for charts with a log-probability axis.
    public var exceedanceCurve: [CurvePoint]

    /// The percentile at `probability` if it is one of ``percentileProbabilities``.
    public func percentile(_ probability: Double) -> Statistic? {
        percentiles.first { abs($0.probability - probability) < 1e-12 }?.value
    }
}
