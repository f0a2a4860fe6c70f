extension Register {
    /// Which way is better for an outcome, and whether the register said so.
    ///
    /// A stated `direction:` wins. Otherwise the board's appetite decides: an outcome whose
    /// statements are all floors on a net benefit (`net-benefit-above`) is a gain — the board
    /// wants more of it — and one with any limit on a loss is a loss. An outcome with no
    /// statement is a gain when every entry on it is an enablement or portfolio entry (entries
    /// taken on for their benefit), else a loss. Reports show the direction and whether it was
    /// inferred, so a register that reads otherwise can state it.
    public func direction(of outcomeID: String) -> (direction: Outcome.Direction, stated: Bool) {
        if let stated = outcome(outcomeID)?.direction { return (stated, true) }
        let statements = appetite.filter { $0.outcome == outcomeID }
        if !statements.isEmpty {
            let floors = statements.filter { if case .netBenefitAbove = $0.limit { true } else { false } }
            return (floors.count == statements.count ? .gain : .loss, false)
        }
        let entries = risks.filter { $0.outcome == outcomeID }
        return (!entries.isEmpty && entries.allSatisfy(\.strategy.hasBenefit) ? .gain : .loss, false)
    }
}
