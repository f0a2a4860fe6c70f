import Scoring
import TextLayer

/// An entry's average on the outcome the likelihood-and-impact chart places it by, where that
/// is not its own outcome.
///
/// The chart placed AS-13 by its 344 hours on Hours of independent living while its entry's
/// "On average" line gave only money: the outcome that decides where it sits had no average in
/// the entry. It is given beside the money, over every simulated horizon as the money is, with
/// the chart's figure (in a horizon in which it happens) said to be the other measure.
extension ReportBuilder {
    /// The label and the figures, or nil where the chart places the entry by its own outcome or
    /// the entry has no effect there.
    func placingMean(_ r: RegisterScore.RiskScore) -> (label: String, figures: String)? {
        guard r.inHeadline, let chosen = heatChoice(r), chosen.outcome != r.outcome,
              let effect = r.effects?.first(where: { $0.outcome == chosen.outcome }) else { return nil }
        let w = chosen.placed.words
        return (phrases("report.entry.placing-mean.label", ["outcome": iso(register.outcome(chosen.outcome)?.title ?? chosen.outcome)]),
                phrases("report.entry.placing-mean", ["with": w.outcomePhrase(effect.meanLoss.residual.value),
                                                      "without": w.outcomePhrase(effect.meanLoss.inherent.value),
                                                      "harm": w.size(chosen.placed.harm)]))
    }
}
