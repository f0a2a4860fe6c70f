/// Everything a run computes, in the plan's order. Codable and deterministic: the same plan,
/// seed and trial count give byte-identical JSON on any number of threads.
public struct SimulationResult: Sendable, Codable, Hashable {
    public var seed: UInt64
    /// Trials actually run (more than requested when a precision target asked for more).
    public var trials: Int
    public var blockSize: Int
    public var blocks: Int
    /// Whether the precision target was met; nil when none was set.
    public var precisionMet: Bool?
    /// When the target was not met: the figures that missed it at the last check. Nil
    /// otherwise.
    public var precisionShortfalls: [PrecisionShortfall]?
    /// One per plan view.
    public var views: [ViewResult]
    /// One per plan portfolio, compared under the plan's primary view.
    public var portfolios: [PortfolioResult]
    /// One per plan correlation.
    public var correlations: [AchievedCorrelation]
}

/// Results under one view.
public struct ViewResult: Sendable, Codable, Hashable {
    public var name: String
    /// One per outcome.
    public var outcomes: [InherentAndResidual<OutcomeSummary>]
    /// The register total (sum of the plan's total outcomes); nil when there is none.
    public var total: InherentAndResidual<OutcomeSummary>?
    /// One per risk.
    public var risks: [RiskResult]
}

/// A portfolio's outcomes and how it differs from the first portfolio.
public struct PortfolioResult: Sendable, Codable, Hashable {
    public var name: String
    public var outcomes: [InherentAndResidual<OutcomeSummary>]
    public var total: InherentAndResidual<OutcomeSummary>?
    /// Per outcome: this portfolio's loss minus the first portfolio's, trial by trial (the
    /// first portfolio's differences are zero).
    public var differenceFromFirst: [InherentAndResidual<PairedDifference>]
    public var totalDifferenceFromFirst: InherentAndResidual<PairedDifference>?
}

/// A paired per-trial difference between two configurations on the same random numbers.
public struct PairedDifference: Sendable, Codable, Hashable {
    /// Mean difference with its exact standard error.
    public var mean: Statistic
    /// P(difference < 0): how often this configuration does strictly better.
    public var probabilityBetter: Double
    /// P(difference > 0).
    public var probabilityWorse: Double
}

/// The rank correlation a run achieved for one requested pair.
public struct AchievedCorrelation: Sendable, Codable, Hashable {
    public var first: Int
    public var second: Int
    public var target: Double
    /// Spearman correlation of the two risks' inherent per-trial losses in the plan's primary
    /// view (the one Iman–Conover orders by, and the headline), computed within each block
    /// (ties at zero loss get average ranks) and averaged over blocks weighted by trials. Ties
    /// pull it towards 0 for rare risks: two risks that rarely occur cannot have a strong rank
    /// correlation of their losses. Only the primary view's is measured: ranking every view's
    /// losses took a tenth of a run with correlations, for figures nobody read.
    public var achieved: Double
}

/// A percentile that missed a precision target, and why.
public struct PrecisionShortfall: Sendable, Codable, Hashable {
    /// The configuration (a view, in the plan's order), treatment (0 inherent, 1 residual; 0
    /// for both when the plan has no responses) and slot (an outcome, or the number of outcomes
    /// for a separate total) of the series.
    public var view: Int
    public var state: Int
    public var slot: Int
    /// The percentile at the target's probability, with its standard error.
    public var percentile: Statistic
    /// The trials the target would take at the present rate (the half-width falls as
    /// 1/√trials); nil when no number would do, because the percentile is 0.
    public var trialsNeeded: Int?
}
