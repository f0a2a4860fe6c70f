import Distributions

extension SimulationPlan {
    /// The per-trial series a run of this plan keeps, as the engine lays them out: (views +
    /// portfolios) × treatments × (outcomes, plus the register total when it is separate).
    /// A run holds 8 bytes per series per trial.
    public var seriesPerTrial: Int {
        let treatments = hasResponses ? 2 : 1
        return (views.count + portfolios.count) * treatments * (outcomeCount + (Set(totalOutcomes).count > 1 ? 1 : 0))
    }
}
