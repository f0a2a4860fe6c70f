/// One risk's figures under one view.
///
/// Means are over all trials (a risk that did not occur contributes 0). Harm is before
/// benefit; loss = harm − benefit.
public struct RiskResult: Sendable, Codable, Hashable {
    /// P(at least one occurrence in a trial).
    public var probability: InherentAndResidual<Double>
    /// The standard errors of ``probability``: √(p(1 − p)/trials), exact because a risk's
    /// trials are independent draws from its own streams (correlation only reorders them).
    public var probabilityStandardError: InherentAndResidual<Double>
    /// Mean harm per trial.
    public var meanHarm: InherentAndResidual<Double>
    /// Mean benefit per trial (0 without benefits).
    public var meanBenefit: Double
    /// Mean net loss per trial, with its exact standard error.
    public var meanLoss: InherentAndResidual<Statistic>
    /// The risk's contribution to its outcome's variance: its own variance plus its covariances
    /// with the risks it is rank-correlated with in the same outcome. That is Cov(this risk's
    /// loss, its outcome's loss) under the model — risks not correlated are independent by
    /// construction, so their sample covariances are pure noise and are left out. The
    /// contributions of an outcome's risks add up to its variance up to Monte Carlo error
    /// (not exactly: the outcome's sample variance includes that noise).
    public var varianceContribution: InherentAndResidual<Double>
    /// The 10th and 90th percentiles of one occurrence's impact under this view. For a pooled
    /// view, the mixture of the estimates' impacts weighted by weight × expected occurrences:
    /// a perspective expecting the risk more often supplies more of its occurrences.
    public var impactP10: Double
    public var impactP90: Double
    /// Tornado swing: how far the outcome's mean moves when this risk's impact goes from its
    /// P10 to its P90 — expected occurrences × (impact P90 − impact P10), with the view's
    /// expected occurrences and the percentiles above. Inherent, analytic, so it costs no
    /// simulation.
    public var tornadoSwing: Double
    /// The 90th percentile of the inherent per-trial loss, computed exactly from the estimates
    /// when every estimate the view uses is a probability without benefit; nil otherwise.
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
