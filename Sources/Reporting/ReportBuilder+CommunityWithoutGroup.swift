import RegisterModel
import Scoring
import TextLayer

/// What each group's own estimates changed, said to every group that gave them.
///
/// The page told only a group whose estimates count less what its weight changed ("if the
/// estimates of “Residents' panel” counted as much as …"). Leiden's volunteers, whose estimates
/// count as much as the municipality's, read nothing about what theirs did. Every group that
/// gave estimates is told, from the simulation itself: every statement and every outcome's
/// average worked out again without that group's estimates
/// (``RegisterScore/AppetiteVerdict/withoutPerspectives``,
/// ``RegisterScore/OutcomeScore/withoutPerspectives``: a run of the same public entries on the
/// same seed and trials, with that group's weight set to 0), and the figures that read
/// differently on the page said beside the ones the page gives: "Without the estimates of
/// “Volunteers”, the chance for the limit on “Burglaries …” would be 14 in 100 instead of 11
/// in 100."
extension ReportBuilder {
    /// One paragraph for each group other than the officers that gave estimates and counts,
    /// in register order, and how this was worked out; empty where the score has no such runs or
    /// the page is not worked out on the groups together.
    func communityWithoutGroups() -> [String] {
        guard score.run.view == "pooled", let officers = officersPerspective() else { return [] }
        let groups = register.perspectives.filter { p in
            p.id != officers.id && p.weight > 0 && register.risks.contains { r in r.estimates.contains { $0.perspective == p.id } }
        }
        let lines = groups.compactMap(withoutGroup)
        return lines.isEmpty ? [] : lines + [phrases("community.without.how")]
    }

    /// What leaving out `group`'s estimates changes on the page, as sentences; nil where the
    /// score was not worked out without it.
    func withoutGroup(_ group: Perspective) -> String? {
        var changes: [String] = []
        var found = false
        for v in score.appetite {
            guard let alt = v.withoutPerspectives?.first(where: { $0.id == group.id }) else { continue }
            found = true
            let now = shortChance(v.probability.value, per: verdictDenominator)
            let then = shortChance(alt.probability.value, per: verdictDenominator)
            let before = withoutStatus(v.kind, decisive: v.decisive, within: v.withinAppetite)
            let after = withoutStatus(v.kind, decisive: alt.decisive, within: alt.withinAppetite)
            guard now != then || before != after else { continue }
            let aim = v.kind == .netBenefitAbove
            let unit = score.outcomes.first { $0.id == v.outcome }?.unit ?? ""
            let shared = score.appetite.filter { $0.outcome == v.outcome }.count > 1
            let key = "community.without.chance." + (aim ? "aim" : "limit") + (shared ? ".amount" : "")
            var change = phrases(key, ["outcome": iso(register.outcome(v.outcome)?.title ?? v.outcome), "then": then, "now": now,
                                       "amount": quantity(v.threshold, unit)])
            // A chance that reads as the limit itself ("5 in 100" against "at most 5 in 100")
            // says which side it stays on, though the verdict does not turn.
            if before != after {
                change += phrases("community.without.status." + after)
            } else if then == shortChance(v.limit, per: verdictDenominator) {
                change += phrases("community.without.status." + after + ".still")
            }
            changes.append(change)
        }
        for o in score.outcomes {
            guard let without = o.withoutPerspectives?.first(where: { $0.perspective == group.id }) else { continue }
            found = true
            let now = optionAverage(o.id, unit: o.unit, mean: o.residual.mean.value)
            let then = optionAverage(o.id, unit: o.unit, mean: without.mean.value)
            guard now != then else { continue }
            changes.append(phrases("community.without.average", ["outcome": iso(o.title), "then": then, "now": now]))
        }
        guard found else { return nil }
        let name = iso(group.title)
        guard let first = changes.first else { return phrases("community.without.none", ["group": name]) }
        return ([phrases("community.without.first", ["group": name, "change": first])]
            + changes.dropFirst().map { phrases("community.without.then", ["change": $0]) }).joined(separator: " ")
    }

    /// How a verdict reads, for saying where leaving a group out turns it: the key's last part.
    private func withoutStatus(_ kind: RegisterScore.AppetiteVerdict.Kind, decisive: Bool, within: Bool) -> String {
        let aim = kind == .netBenefitAbove
        if !decisive { return aim ? "aim.close" : "limit.close" }
        return aim ? (within ? "aim.met" : "aim.missed") : (within ? "limit.kept" : "limit.over")
    }
}
