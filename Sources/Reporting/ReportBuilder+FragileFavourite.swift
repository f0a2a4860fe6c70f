import Foundation
import Scoring
import TextLayer

extension ReportBuilder {
    /// One short sentence for the top of the decision page where the favourite is fragile:
    /// picked by the rule's second step on a limit every option still in the running breaks,
    /// or by a lead of less than twice its margin of error, with the option the rule would pick
    /// instead: counting that lead as a tie (``favouredOnATie()``), or on cost alone. Nil where
    /// the favourite is not fragile, or where the rule would pick it either way.
    ///
    /// Adult social care's and Ward 7's favourites were both picked that way (6.4% against 7.1%
    /// on a 5% limit all four options break; a 0.51-point lead against a ±0.50 margin), and the
    /// page said so only a screen further down, after every figure. Ward 7's readers then asked
    /// what a tie would pick: the chances the page prints, 6.3% and 6.8%, read as one.
    func fragileFavourite() -> String? {
        let rule = OptionRule(builder: self)
        let steps = rule.steps()
        guard steps.first.count > 1, steps.second.count == 1, steps.fourth.count == 1, !steps.atIssue.isEmpty else { return nil }
        let favoured = steps.fourth[0]
        let onCost = decidedOnLimitsAllBreak().map(\.instead).flatMap { $0.id == favoured.id ? nil : $0 }
        let onATie = favouredOnATie().flatMap { $0.id == favoured.id ? nil : $0 }
        let quoted = { (p: RegisterScore.PortfolioScore) in self.phrases("report.decision.option.quoted", ["title": self.iso(p.title)]) }
        switch (onCost, onATie) {
        case let (cost?, tie?) where cost.id == tie.id:
            return phrases("report.decision.fragile.both.same", ["favoured": quoted(favoured), "option": quoted(cost)])
        case let (cost?, tie?):
            return phrases("report.decision.fragile.both", ["favoured": quoted(favoured), "option": quoted(cost), "tie": quoted(tie)])
        case let (cost?, nil):
            return phrases("report.decision.fragile.all-break", ["favoured": quoted(favoured), "option": quoted(cost)])
        case let (nil, tie?):
            return phrases("report.decision.fragile.thin-lead", ["favoured": quoted(favoured), "tie": quoted(tie)])
        case (nil, nil):
            return nil
        }
    }

    /// The option the rule would favour were the second step's lead counted as a tie, where
    /// that lead is less than twice its margin of error: the options within twice the margin
    /// carried on to the cost step and the last. Nil where the lead is wider, or where those
    /// steps leave a tie. The rule itself keeps its margin (a lead beyond it is a lead); this
    /// says what hangs on that, as "only just beyond the margin … close to a tie" alone did not.
    func favouredOnATie() -> RegisterScore.PortfolioScore? {
        let rule = OptionRule(builder: self)
        let steps = rule.steps()
        guard steps.first.count > 1, steps.second.count == 1, steps.fourth.count == 1, !steps.atIssue.isEmpty else { return nil }
        let widened = rule.best(of: steps.first, on: steps.atIssue, widening: 2)
        guard widened.count > 1 else { return nil }
        let third = rule.cheapest(of: widened)
        return rule.dominant(in: third) ?? (third.count == 1 ? third[0] : nil)
    }

    /// Where the rule's first step sets options aside on a statement they cannot meet whatever
    /// their figures (an aim only some options can serve), a sentence naming them and the
    /// statement, so the favourite is not read as a finding on the other limits. Leiden's
    /// favourite kept the evening rounds because options without rounds cannot meet the
    /// volunteer-hours aim, and the top of the page read as if safety had decided it.
    func setAsideByAim() -> String? {
        let rule = OptionRule(builder: self)
        let steps = rule.steps()
        guard steps.fourth.count == 1 else { return nil }
        let favoured = steps.fourth[0]
        let setAside = score.portfolios.filter { o in !steps.first.contains { $0.id == o.id } }
        for v in rule.statements where rule.judged(v, under: favoured).within {
            let unreachable = setAside.filter { outOfReach(v, under: $0.id) != nil }
            guard !unreachable.isEmpty else { continue }
            return phrases.plural("report.decision.ask.set-aside-by-aim", count: unreachable.count, [
                "options": listInWords(unreachable.map { phrases("report.decision.option.quoted", ["title": iso($0.title)]) }),
                "statement": iso(statementLabel(v))])
        }
        return nil
    }
}
