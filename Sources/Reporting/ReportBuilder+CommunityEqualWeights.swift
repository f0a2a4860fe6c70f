import Scoring
import TextLayer

/// What a group's weight changed, said to the people whose estimates count less.
///
/// A page that says "the estimates of “Family carers” count half as much" and gives the groups'
/// own verdicts (met on two groups' estimates, not on the carers') leaves a reader to work out by
/// hand whether the half weight decided the answer: near the line it may (85 in 100 against an
/// aim of 80 at half weight, about 79 with every group counting the same). The answer comes from
/// the simulation itself: every statement judged again with every group counting the same
/// (``RegisterScore/AppetiteVerdict/equalWeights``, a run of the same public entries on the same
/// seed and trials), and said plainly beside the verdict it changes and where the weights are
/// given.
extension ReportBuilder {
    /// The groups whose estimates count more or less than the officers', in register order.
    func unequallyWeightedGroups() -> [String] {
        guard let officers = officersPerspective() else { return [] }
        return register.perspectives.filter { $0.id != officers.id && $0.weight != officers.weight }
            .map { phrases("community.quoted", ["text": iso($0.title)]) }
    }

    /// How a verdict reads on the page: within, outside or too close to say.
    private func status(_ decisive: Bool, _ within: Bool) -> String { !decisive ? "close" : within ? "kept" : "over" }

    /// Where counting every group the same would change how statement `v` reads (kept or met,
    /// over or missed, too close to say), one plain sentence: "If the estimates of “Family
    /// carers” counted as much as those of “Social workers and practitioners”, the chance for
    /// the aim on “Hours of independent living” would be 79 in 100 (79%) instead of 85 in 100
    /// (85%): under the aim of at least 80 in 100, so we would expect to fall short of it." Nil
    /// where it would read the same, where the score has no such verdict, or where the page is
    /// not worked out on the groups together.
    func equalWeightsChange(_ v: RegisterScore.AppetiteVerdict) -> String? {
        guard score.run.view == "pooled", let alt = v.equalWeights, let officers = officersPerspective() else { return nil }
        let groups = unequallyWeightedGroups()
        let now = status(v.decisive, v.withinAppetite), then = status(alt.decisive, alt.withinAppetite)
        guard !groups.isEmpty, now != then else { return nil }
        let aim = v.kind == .netBenefitAbove
        let key = "community.weight.equal." + (aim ? "aim." : "limit.") + (aim ? ["kept": "met", "over": "missed"][then] ?? then : then)
        return phrases(key, ["groups": list(groups), "officers": iso(officers.title),
                             "outcome": iso(score.outcomes.first { $0.id == v.outcome }?.title ?? v.outcome),
                             "chance": communityChance(alt.probability.value, per: verdictDenominator),
                             "now": communityChance(v.probability.value, per: verdictDenominator),
                             "limit": phrases.limitFrequency(v.limit, per: verdictDenominator)])
    }

    /// Beside the weights: each verdict that counting every group the same would change, or
    /// that none would, with how this was worked out. Empty where no statement was judged so.
    func communityEqualWeights() -> [String] {
        guard score.run.view == "pooled", score.appetite.contains(where: { $0.equalWeights != nil }),
              let officers = officersPerspective() else { return [] }
        let groups = unequallyWeightedGroups()
        guard !groups.isEmpty else { return [] }
        let changed = score.appetite.compactMap(equalWeightsChange)
        if changed.isEmpty {
            return [phrases("community.weight.equal.none", ["groups": list(groups), "officers": iso(officers.title)])]
        }
        return changed + [phrases("community.weight.equal.how")]
    }
}
