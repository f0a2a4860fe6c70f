extension Register {
    /// The contributors who are citizens: service users and community groups.
    public var citizenContributors: Set<String> {
        Set(contributors.filter { $0.kind == .user || $0.kind == .community }.map(\.id))
    }

    /// The perspectives that speak for citizens: those whose contributors include service users
    /// or a community group.
    public var citizenPerspectives: Set<String> {
        let citizens = citizenContributors
        return Set(perspectives.filter { $0.contributors.contains(where: citizens.contains) }.map(\.id))
    }

    /// The entries judged without citizens ("not consulted"), in register order: no citizen
    /// perspective estimated them, and no service user or community group co-assessed them
    /// (co-assessment is citizens helping to judge the risk, so such an entry was judged with
    /// them even where their view is not a separate estimate). Citizens who co-designed,
    /// co-commissioned or co-deliver an entry shaped what is done about it, not the judgement
    /// of the risk, so they do not take it off this list.
    /// Lazily filtered: an eager filter would copy every entry of a large register first.
    public var notConsulted: [String] {
        let perspectives = citizenPerspectives, citizens = citizenContributors
        return Array(risks.lazy.filter { risk in
            !risk.estimates.contains { perspectives.contains($0.perspective) }
                && !(risk.coproduction.mode == .coAssessment && risk.coproduction.contributors.contains(where: citizens.contains))
        }.map(\.id))
    }

    /// The perspectives that name no contributors: whether citizens stand behind their
    /// estimates, the register does not say.
    public var unattributedPerspectives: Set<String> {
        Set(perspectives.filter(\.contributors.isEmpty).map(\.id))
    }
}
