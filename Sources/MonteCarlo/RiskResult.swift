/// One risk's figures under one view.
///
/// Means are over all trials (a risk that did not occur contributes 0). Harm is before
/// benefit; loss = harm − benefit.
public struct RiskResult: Sendable, Codable, Hashable {
    /// P(at least one occurrence in a trial).
    public var probability: InherentAndResidual<Double>
    /// Mean harm per trial.
    public var meanHarm: InherentAndResidual<Double>
    /// Mean benefit per trial (0 without benefits).
    public var meanBenefit: Double
    /// Mean net loss per trial, with its exact standard error.
    public var meanLoss: InherentAndResidual<Statistic>
    /// Cov(this risk's loss, its outcome's total loss): the risk's share of the outcome's
    /// variance. Risks in different correlation groups are independent by construction, so
    /// the covariance with the total reduces to the covariance with the correlated group
    /// members in the same outcome (for an uncorrelated risk, its own variance). Estimating
    /// it that way drops pure-noise cross terms; the contributions of an outcome's risks sum
    /// to its variance up to Monte Carlo error.
    public var varianceContribution: InherentAndResidual<Double>
    /// The 10th and 90th percentiles of one occurrence's impact under this view (a mixture's
    /// percentiles for pooled views).
    public var impactP10: Double
    public var impactP90: Double
    /// Tornado swing: how far the outcome's mean moves when this risk's impact goes from its
    /// P10 to its P90 — expected occurrences × (impact P90 − impact P10), weighted over the
    /// view's estimates. Inherent, analytic, so it costs no simulation.
    public var tornadoSwing: Double
    /// The 90th percentile of the inherent per-trial loss, computed exactly from the estimates
    /// when every estimate the view uses is a probability without benefit; nil otherwise. Use
    /// the per-view values for disagreement ratios (max/min across perspective views).
    public var lossP90: Double?
    /// The response's value, when the risk has one.
    public var response: ResponseResult?
}

/// What a response buys, measured on common random numbers.
public struct ResponseResult: Sendable, Codable, Hashable {
    /// Mean inherent and residual harm per trial.
    public var inherentMean: Double
    public var residualMean: Double
    /// Mean of (inherent − residual) harm per trial, with the standard error of that paired
    /// difference (far smaller than comparing two independent runs would give).
    public var value: Statistic
    /// The response's cost, from the plan.
    public var cost: Double
    /// value / cost; nil when the cost is 0.
    public var valueForMoney: Double?
}
