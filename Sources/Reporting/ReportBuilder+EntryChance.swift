import RegisterModel
import Scoring
import TextLayer

/// What an entry's "chance the harm comes about" is a chance of, and why it reads the same
/// with and without responses.
///
/// An entry that could happen to any of many people or arrangements (`at-risk`), or that is
/// estimated as a number of occurrences a horizon, has a chance that it happens at least once:
/// "82%" beside "12 arrangements" reads as the plan failing, where it is the chance that any one
/// of them breaks down. And "82% with responses; 82% without" reads as responses that do
/// nothing, where the entry may have none, or one that makes the harm smaller, not rarer.
extension ReportBuilder {
    /// The label of the entry's chance line, saying "at least once" where the chance is one.
    func entryChanceLabel(_ r: Risk) -> String {
        let activity = r.strategy.hasBenefit ? ".activity" : ".harm"
        if let who = r.atRisk {
            return phrases("report.entry.chance" + activity + ".at-risk", ["who": iso(who)])
        }
        let counted = r.estimates.contains { if case .frequency = $0.occurrence { return true } else { return false } }
        return phrases(counted ? "report.entry.chance" + activity + ".at-least-once" : "report.entry.chance" + activity)
    }

    /// Why the chance with responses reads the same as without, where it does: the entry has no
    /// response in the figures shown, or its response cuts the harm and not the chance. Nil
    /// where the two read differently or neither reason holds.
    func entryChanceSame(_ r: Risk, with shown: String, without: String) -> String? {
        guard shown == without else { return nil }
        let option = score.run.portfolio.flatMap { id in register.portfolios.first { $0.id == id } }
        guard let response = option?.responseChoice(for: r.id).flatMap({ r.response(named: $0) }) ?? r.response else {
            return phrases("report.entry.chance.same.no-response")
        }
        if response.likelihoodReduction == 0 {
            return phrases(response.impactReduction > 0 ? "report.entry.chance.same.impact-only" : "report.entry.chance.same.nothing")
        }
        return nil
    }
}
