import Scoring
import TextLayer

/// How an option's money difference from the first option adds up, where it only swaps
/// activities.
///
/// Shared Lives' entry gives a £200,000 benefit and a net saving of £150,000, and the options
/// table has residential care £191,000 worse: three figures for one activity with nothing to
/// join them. Where an option differs from the first only by the activities it adds and leaves
/// out, the money difference is what those activities net on average (a mean adds up exactly,
/// whatever the activities' correlation), and the cell says so in one sentence.
extension ReportBuilder {
    /// `cell` with the activities given up and added, each with its net figure (and, for one
    /// with a benefit, the benefit and harm it nets), when option `p` swaps activities and
    /// nothing else and their nets add up to the cell's difference `difference` as shown;
    /// `cell` unchanged otherwise, and for outcomes other than money.
    func reconciled(_ cell: String, option p: RegisterScore.PortfolioScore, first: RegisterScore.PortfolioScore,
                    outcome o: RegisterScore.OutcomeScore, difference: Double) -> String {
        guard o.unit == "money", (p.split ?? []).isEmpty, (first.split ?? []).isEmpty, (p.responses ?? []).isEmpty,
              (first.responses ?? []).isEmpty, (p.cost ?? 0) == (first.cost ?? 0) else { return cell }
        let removed = first.activities.filter { !p.activities.contains($0) }
        let added = p.activities.filter { !first.activities.contains($0) }
        guard !removed.isEmpty || !added.isEmpty, (removed + added).allSatisfy(visible.contains) else { return cell }
        let w = words(o.id, o.unit)
        // Each activity's average on the outcome, net, with its benefit there.
        func net(_ id: String) -> (loss: Double, benefit: Double)? {
            guard let r = score.risks.first(where: { $0.id == id }) else { return nil }
            if let e = r.effects?.first(where: { $0.outcome == o.id }) { return (e.meanLoss.residual.value, e.meanBenefit) }
            return r.outcome == o.id ? (r.meanLoss.residual.value, r.meanBenefit) : (0, 0)
        }
        var total = 0.0
        var givenUp: [String] = [], adds: [String] = []
        for (ids, sign) in [(removed, -1.0), (added, 1.0)] {
            for id in ids {
                guard let n = net(id) else { return cell }
                total += sign * n.loss
                guard FigureFormat.rounded(n.loss) != 0 else { continue }
                let item = n.benefit > 0
                    ? phrases("report.portfolio.reconcile.activity.benefit", ["risk": entryID(id), "net": w.outcomePhrase(n.loss),
                                                                              "benefit": w.size(n.benefit), "harm": w.size(n.benefit + n.loss)])
                    : phrases("report.portfolio.reconcile.activity", ["risk": entryID(id), "net": w.outcomePhrase(n.loss)])
                if sign < 0 { givenUp.append(item) } else { adds.append(item) }
            }
        }
        // Only where the parts add up to the figure shown, to its rounding.
        guard w.size(abs(total)) == w.size(abs(difference)) || abs(total - difference) <= 0.005 * abs(difference) else { return cell }
        let key = givenUp.isEmpty ? "report.portfolio.reconcile.adds" : adds.isEmpty ? "report.portfolio.reconcile.gives-up" : "report.portfolio.reconcile.both"
        return phrases(key, ["cell": cell, "givenUp": listInWords(givenUp), "adds": listInWords(adds)])
    }
}
