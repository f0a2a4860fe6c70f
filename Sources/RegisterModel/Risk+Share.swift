import Distributions

extension Risk {
    /// The entry for a share of its people or places: every impact and benefit, on each outcome
    /// it affects, scaled by `share`; occurrences, responses and everything else unchanged.
    ///
    /// The dependence this implies: the share's consequences move together with the whole
    /// entry's (one draw, scaled), so a split's mean is exactly the shares' weighted mean and its
    /// spread is that of shares driven alike, not of separate people drawn apart.
    public func scaled(by share: Double) -> Risk {
        guard share != 1 else { return self }
        var copy = self
        for e in copy.estimates.indices {
            copy.estimates[e].impact = copy.estimates[e].impact.scaled(by: share)
            copy.estimates[e].benefit = copy.estimates[e].benefit?.scaled(by: share)
            for k in copy.estimates[e].effects.indices {
                copy.estimates[e].effects[k].impact = copy.estimates[e].effects[k].impact.scaled(by: share)
                copy.estimates[e].effects[k].benefit = copy.estimates[e].effects[k].benefit?.scaled(by: share)
            }
        }
        return copy
    }
}
