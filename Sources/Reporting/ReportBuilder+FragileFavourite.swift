import Foundation
import Scoring
import TextLayer

extension ReportBuilder {
    /// One short sentence for the top of the decision page where the favourite is fragile:
    /// picked by the rule's second step on a limit every option still in the running breaks,
    /// or by a lead of less than twice its margin of error, with the option the cost step would
    /// pick instead. Nil where the favourite is not fragile, or where cost would pick it too.
    ///
    /// Adult social care's and Ward 7's favourites were both picked that way (6.4% against 7.1%
    /// on a 5% limit all four options break; a 0.505-point lead against a ±0.495 margin), and the
    /// page said so only a screen further down, after every figure.
    func fragileFavourite() -> String? {
        let rule = OptionRule(builder: self)
        let steps = rule.steps()
        guard steps.first.count > 1, steps.second.count == 1, steps.fourth.count == 1, !steps.atIssue.isEmpty else { return nil }
        let favoured = steps.fourth[0]
        let allBreak = decidedOnLimitsAllBreak()
        // The lead the second step decided on, beside the margin it had to clear, as the
        // favoured option's sentence gives them.
        guard let next = steps.first.filter({ $0.id != favoured.id })
            .max(by: { rule.standing($0, on: steps.atIssue).value < rule.standing($1, on: steps.atIssue).value }) else { return nil }
        let lead = rule.standing(favoured, on: steps.atIssue).value - rule.standing(next, on: steps.atIssue).value
        let thin = lead < 2 * rule.tieMargin([favoured, next], on: steps.atIssue)
        // What the cost step would pick among the options the first step keeps.
        let cheapest = rule.cheapest(of: steps.first)
        let onCost = allBreak?.instead ?? rule.dominant(in: cheapest) ?? (cheapest.count == 1 ? cheapest[0] : nil)
        guard allBreak != nil || thin, let instead = onCost, instead.id != favoured.id else { return nil }
        let key = allBreak != nil && thin ? "report.decision.fragile.both" : allBreak != nil ? "report.decision.fragile.all-break" : "report.decision.fragile.thin-lead"
        let quoted = { (p: RegisterScore.PortfolioScore) in self.phrases("report.decision.option.quoted", ["title": self.iso(p.title)]) }
        return phrases(key, ["favoured": quoted(favoured), "option": quoted(instead)])
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
