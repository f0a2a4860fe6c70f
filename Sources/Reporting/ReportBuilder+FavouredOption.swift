import Foundation
import MonteCarlo
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// Which portfolio option the figures favour by the board's own appetite, beside the one the
    /// headline assumes, and that the choice is the board's. Nil without options to compare.
    ///
    /// The rule (docs/results.md states it for readers of the code; the report states it in
    /// words), each step among the options the step before left:
    /// 1. the options that leave the fewest appetite statements outside appetite;
    /// 2. the options that stand best against the board's limits on the statements that are
    ///    outside or too close to call under any of them: each statement's margin (how far its
    ///    chance lies on the within side of its limit, negative when outside), added up;
    /// 3. the options with the best average money total: the money outcomes, the option's own
    ///    cost and what its responses cost (options that choose dearer responses pay for them);
    /// 4. among the options still tied, one that does as well as each of the others on average
    ///    on every outcome and better on at least one.
    ///
    /// A difference within the simulation's margin of error counts as a tie. Options still tied
    /// after the last step are named together, with the outcomes on which they differ, instead
    /// of one being picked by its place in the register.
    func favouredOption() -> String? {
        guard score.portfolios.count > 1, let headlineID = score.run.portfolio,
              let headline = score.portfolios.first(where: { $0.id == headlineID }) else { return nil }
        let rule = OptionRule(builder: self)
        let options = score.portfolios
        let steps = rule.steps()
        let (fewest, first, atIssue, second, third, fourth) = (steps.fewest, steps.first, steps.atIssue, steps.second, steps.third, steps.fourth)

        let within = fewest == 0
        // Where every option leaves as many outside, "5 options leave 1 outside, the fewest"
        // read as a ranking: said as what it is.
        let every = first.count == options.count ? ".all" : ""
        let quoted = { (p: RegisterScore.PortfolioScore) in phrases("report.decision.option.quoted", ["title": iso(p.title)]) }
        var args = ["headline": iso(headline.title), "count": String(options.count), "outside": String(fewest),
                    "candidates": String(first.count)]
        // What options tied on the first three steps share, in a clause.
        func tieClause(_ tied: [RegisterScore.PortfolioScore]) -> String {
            var a = args
            let chances = atIssue.map { v in
                phrases("report.decision.option.tie-chances", ["statement": iso(statementLabel(v)),
                                                               "percents": listInWords(tied.map { statementPercent(rule.judged(v, under: $0).p.value, v) })])
            }
            a["equal"] = atIssue.isEmpty ? "" : phrases("report.decision.option.equal-standing.tie", ["chances": chances.joined(separator: phrases("report.list.separator"))])
            guard let w = rule.moneyWords else {
                return phrases.filled(within ? "report.decision.option.tie-clause.within.no-money" : "report.decision.option.tie-clause.fewest.no-money", a)
            }
            let costs = tied.map { allTold($0, w) }
            a["costs"] = Set(costs).count == 1
                ? phrases("report.decision.option.cost-each", ["cost": costs[0]])
                : zip(tied, costs).map { phrases("report.decision.option.cost-of", ["option": quoted($0), "cost": $1]) }
                    .joined(separator: phrases("report.list.separator"))
            return phrases.filled(within ? "report.decision.option.tie-clause.within" : "report.decision.option.tie-clause.fewest", a)
        }
        let sentence: String
        if fourth.count > 1 {
            // Still tied: say so, and say where they differ, rather than pick one by register order.
            let base = fourth.first { $0.id == headlineID } ?? fourth[0]
            let tied = [base] + fourth.filter { $0.id != base.id }
            args["tied"] = listInWords(tied.map(quoted))
            args["clause"] = tieClause(tied)
            let differences = tied.dropFirst().map { rule.differences($0, from: base, quoted: quoted) }
            sentence = phrases.filled("report.decision.option.tied", args) + " " + differences.joined(separator: " ")
        } else {
            let favoured = fourth[0]
            let reason: String
            if first.count == 1 {
                reason = phrases.filled(within ? "report.decision.option.reason.only-within" : "report.decision.option.reason.only-fewest", args)
            } else if second.count == 1 {
                // Decided on the statements at issue: their chances under it and under the next best.
                let next = first.filter { $0.id != favoured.id }.max { rule.standing($0, on: atIssue).value < rule.standing($1, on: atIssue).value }!
                // The lead that decides, beside the margin it had to clear: a board cannot tell a
                // 0.5-point lead from a tie unless the margin is on the page.
                let lead = rule.standing(favoured, on: atIssue).value - rule.standing(next, on: atIssue).value
                let margin = rule.tieMargin([favoured, next], on: atIssue)
                // A lead under twice its margin: what the rule would pick were it a tie, and how
                // many more simulated years would narrow the margin.
                var onATie: String?
                if lead < 2 * margin, let tie = favouredOnATie() {
                    onATie = tie.id == favoured.id
                        ? phrases("report.decision.option.lead.tie-same", ["trials": FigureFormat.count(score.run.trials)])
                        : rule.moneyWords.map { w in
                            phrases("report.decision.option.lead.tie", ["option": quoted(tie), "cost": allTold(tie, w),
                                                                        "favouredCost": allTold(favoured, w),
                                                                        "trials": FigureFormat.count(score.run.trials)])
                        }
                }
                args["chances"] = phrases("report.decision.option.chances",
                                          leadWords(rule, favoured, next, on: atIssue, lead: lead, margin: margin, then: onATie, quoted: quoted))
                reason = phrases.filled(within ? "report.decision.option.reason.chance.within" : "report.decision.option.reason.chance.fewest" + every, args)
            } else if third.count == 1, let w = rule.moneyWords {
                let next = second.filter { $0.id != favoured.id }.min { rule.moneyLoss($0) < rule.moneyLoss($1) }!
                // The tie on step 2, named with each option's chance and the margin it is within.
                args["tie"] = atIssue.isEmpty ? "" : phrases("report.decision.option.tie-sentence", [
                    "chances": atIssue.map { v in
                        phrases("report.decision.option.tie-statement", [
                            "statement": iso(statementLabel(v)),
                            "percents": listInWords(first.map { phrases("report.decision.option.chance", [
                                "statement": quoted($0), "percent": statementPercent(rule.judged(v, under: $0).p.value, v)]) })])
                    }.joined(separator: phrases("report.list.separator")),
                    "margin": phrases.chanceError(rule.tieMargin(first, on: atIssue) / 1.96)]) + " "
                args["cost"] = allTold(favoured, w)
                args["next"] = allTold(next, w)
                args["option"] = quoted(next)
                reason = phrases.filled(within ? "report.decision.option.reason.money.within" : "report.decision.option.reason.money.fewest" + every, args)
            } else {
                // Tied on the first three steps, but better than each of the others somewhere
                // and worse nowhere.
                let others = third.filter { $0.id != favoured.id }
                args["others"] = listInWords(others.map(quoted))
                args["clause"] = tieClause(third)
                args["differences"] = listInWords(others.map { rule.betterThan(favoured, $0, quoted: quoted) })
                reason = phrases.filled("report.decision.option.reason.dominates", args)
            }
            args["reason"] = reason
            args["favoured"] = iso(favoured.title)
            var s = phrases.filled(favoured.id == headline.id ? "report.decision.option.same" : "report.decision.option.other", args)
            if favoured.id != headline.id, !third.contains(where: { $0.id == headline.id }), let w = rule.moneyWords {
                s += " " + phrases("report.decision.option.headline-cost", ["headline": iso(headline.title), "cost": allTold(headline, w)])
            }
            if let allBreak = decidedOnLimitsAllBreak(), let w = rule.moneyWords {
                let key = allBreak.instead.id == favoured.id ? "report.decision.option.all-break.same" : "report.decision.option.all-break"
                s += " " + phrases.plural(key, count: allBreak.statements.count, [
                    "candidates": String(first.count), "statements": listInWords(allBreak.statements.map { iso(statementLabel($0)) }),
                    "option": quoted(allBreak.instead), "cost": allTold(allBreak.instead, w), "favoured": quoted(favoured),
                    "favouredCost": allTold(favoured, w)])
            }
            sentence = s
        }
        return sentence
    }

    /// Where the rule's second step picks the one favoured option on statements that every
    /// option the first step keeps breaks: those statements, the option favoured, and the one
    /// the rule ends on weighing only the limits some option meets (its steps carried through
    /// with those statements left out, so the third step, on cost, decides among the same
    /// options). Nil otherwise. Adult social care's favourite moved from Shared Lives to
    /// supported living on a safeguarding limit all four options break (6.4% to 7.8%, against
    /// 5%), and the page did not say that the choice rested on that step alone.
    func decidedOnLimitsAllBreak() -> (statements: [RegisterScore.AppetiteVerdict], favoured: RegisterScore.PortfolioScore,
                                       instead: RegisterScore.PortfolioScore)? {
        let rule = OptionRule(builder: self)
        let steps = rule.steps()
        guard steps.first.count > 1, steps.second.count == 1, steps.fourth.count == 1, !steps.atIssue.isEmpty,
              steps.atIssue.allSatisfy({ rule.everyBreaks($0, among: steps.first) }) else { return nil }
        var without = rule
        without.leavingOut = steps.atIssue
        let other = without.steps()
        guard other.fourth.count == 1 else { return nil }
        return (steps.atIssue, steps.fourth[0], other.fourth[0])
    }

    /// The favoured-option rule in numbered plain-English steps, then what it leaves out.
    func optionRuleSteps() -> (intro: String, steps: [String], outro: String)? {
        guard score.portfolios.count > 1, score.run.portfolio != nil else { return nil }
        return (phrases("report.decision.option.rule.intro"),
                ["report.decision.option.rule.step1", "report.decision.option.rule.step2", "report.decision.option.rule.step3",
                 "report.decision.option.rule.step4"].map { phrases($0) },
                phrases("report.decision.option.rule.outro"))
    }
}

/// The figures the favoured-option rule compares, from the score's comparison run: every
/// option is scored on the same simulated years, and each one's difference from the first
/// option, trial by trial, comes with its exact standard error.
struct OptionRule {
    let builder: ReportBuilder
    /// The perspective on whose own estimates the chances are judged
    /// (``RegisterScore/AppetiteVerdict/optionsByPerspective``); nil for the pooled comparison.
    /// Only the chances change: the money of step 3 stays the comparison's.
    var perspective: String? = nil
    /// Statements the rule leaves out, to say where an option would stand without them (one
    /// it cannot meet whatever the estimates); none for the rule itself.
    var leavingOut: [RegisterScore.AppetiteVerdict] = []
    var score: RegisterScore { builder.score }
    /// The appetite statements the rule weighs: the score's, less any it is told to leave out.
    var statements: [RegisterScore.AppetiteVerdict] {
        guard !leavingOut.isEmpty else { return score.appetite }
        return score.appetite.filter { v in
            !leavingOut.contains { $0.outcome == v.outcome && $0.kind == v.kind && $0.threshold == v.threshold && $0.limit == v.limit }
        }
    }
    /// The money outcomes, whose average net loss (with the responses' cost) the third step
    /// compares.
    var money: [RegisterScore.OutcomeScore] { score.outcomes.filter { $0.unit == "money" } }
    /// The words of the first money outcome, for its figures (every money outcome shares the
    /// register's currency); nil when the register has none.
    var moneyWords: OutcomeWords? { money.first.map { builder.words($0.id, $0.unit) } }

    /// The options each step of the rule keeps, and the statements at issue for step 2.
    struct Steps {
        /// How many statements the best option leaves outside appetite.
        var fewest: Int
        var first: [RegisterScore.PortfolioScore]
        /// The statements outside appetite or too close to call under any option step 1 keeps.
        var atIssue: [RegisterScore.AppetiteVerdict]
        var second: [RegisterScore.PortfolioScore]
        var third: [RegisterScore.PortfolioScore]
        var fourth: [RegisterScore.PortfolioScore]
    }

    /// The rule applied to every option of the score.
    func steps() -> Steps {
        let options = score.portfolios
        let fewest = options.map(outside).min() ?? 0
        let first = options.filter { outside($0) == fewest }
        let atIssue = statements.filter { v in first.contains { isAtIssue(v, under: $0) } }
        let second = best(of: first, on: atIssue)
        let third = cheapest(of: second)
        let fourth = dominant(in: third).map { [$0] } ?? third
        return Steps(fewest: fewest, first: first, atIssue: atIssue, second: second, third: third, fourth: fourth)
    }

    /// A statement's chance, verdict and decisiveness under `option`.
    func judged(_ v: RegisterScore.AppetiteVerdict, under option: RegisterScore.PortfolioScore) -> (p: Statistic, within: Bool, decisive: Bool) {
        let alternatives = perspective.map { id in v.optionsByPerspective?.first { $0.perspective == id }?.portfolios ?? [] } ?? v.portfolios
        if let alt = alternatives.first(where: { $0.id == option.id }) { return (alt.probability, alt.withinAppetite, alt.decisive) }
        return (v.probability, v.withinAppetite, v.decisive)
    }

    /// Whether every one of `options` leaves the statement outside appetite by more than the
    /// margin of error (false for none): an option whose chance is too close to call does not
    /// break the limit, whichever side it falls, so "over the limit under every option" is
    /// said only where each is.
    func everyBreaks(_ v: RegisterScore.AppetiteVerdict, among options: [RegisterScore.PortfolioScore]) -> Bool {
        !options.isEmpty && options.allSatisfy(breaks(v))
    }

    /// Whether `option` leaves the statement outside appetite by more than the margin of error.
    func breaks(_ v: RegisterScore.AppetiteVerdict) -> (RegisterScore.PortfolioScore) -> Bool {
        { option in
            let j = judged(v, under: option)
            return !j.within && j.decisive
        }
    }

    /// How many appetite statements `option` leaves outside appetite.
    func outside(_ option: RegisterScore.PortfolioScore) -> Int {
        statements.filter { !judged($0, under: option).within }.count
    }

    /// Whether the statement is outside appetite or too close to call under `option`.
    func isAtIssue(_ v: RegisterScore.AppetiteVerdict, under option: RegisterScore.PortfolioScore) -> Bool {
        let j = judged(v, under: option)
        return !j.within || !j.decisive
    }

    /// How far the option's chances on `statements` lie on the within side of their limits,
    /// added up (negative where outside), with the standard error of that sum.
    func standing(_ option: RegisterScore.PortfolioScore, on statements: [RegisterScore.AppetiteVerdict]) -> Statistic {
        var value = 0.0, variance = 0.0
        for v in statements {
            let p = judged(v, under: option).p
            value += v.kind == .netBenefitAbove ? p.value - v.limit : v.limit - p.value
            variance += p.standardError * p.standardError
        }
        return Statistic(value: value, standardError: variance.squareRoot())
    }

    /// The largest margin of error step 2 allowed among `options`: two standard errors of the
    /// difference between an option's standing and the best one's.
    func tieMargin(_ options: [RegisterScore.PortfolioScore], on statements: [RegisterScore.AppetiteVerdict]) -> Double {
        let figures = options.map { standing($0, on: statements) }
        guard let top = figures.max(by: { $0.value < $1.value }) else { return 0 }
        return figures.map { 2 * ($0.standardError * $0.standardError + top.standardError * top.standardError).squareRoot() }.max() ?? 0
    }

    /// Step 2: the options whose standing on `statements` is best, or within the margin of error
    /// of the best: two standard errors of the difference, taking the two chances as
    /// independent (the options share their simulated years, so the true error is smaller; the
    /// rule errs towards a tie, and a tie goes on to the next step).
    /// `widening` scales the margin: 2 counts a lead under twice the margin as a tie, to say what
    /// the rule would pick were a lead only just beyond it read as one.
    func best(of options: [RegisterScore.PortfolioScore], on statements: [RegisterScore.AppetiteVerdict],
              widening: Double = 1) -> [RegisterScore.PortfolioScore] {
        guard options.count > 1, !statements.isEmpty else { return options }
        let figures = options.map { standing($0, on: statements) }
        let top = figures.max { $0.value < $1.value }!
        func tied(_ f: Statistic) -> Bool {
            let error: Double = (f.standardError * f.standardError + top.standardError * top.standardError).squareRoot()
            return abs(f.value - top.value) <= 2 * error * widening
        }
        return zip(options, figures).filter { tied($0.1) }.map(\.0)
    }

    /// The option's average money total: its net loss across the money outcomes (its own cost
    /// included) and what its responses cost.
    func moneyLoss(_ option: RegisterScore.PortfolioScore) -> Double {
        money.reduce(0) { sum, o in sum + (option.outcomes.first { $0.outcome == o.id }?.mean.residual.value ?? 0) }
            + builder.responseCost(inOption: option.id)
    }

    /// Step 3: the options whose average net money outcome is best, or within the margin of
    /// error of the best.
    func cheapest(of options: [RegisterScore.PortfolioScore]) -> [RegisterScore.PortfolioScore] {
        guard options.count > 1, !money.isEmpty else { return options }
        let top = options.min { moneyLoss($0) < moneyLoss($1) }!
        return options.filter { !gap($0, top, on: money, withResponseCosts: true).differs }
    }

    /// `option`'s average loss minus `base`'s on `outcomes`, from the paired differences from the
    /// first option: exact where one of the two is the first option, and otherwise with the sum
    /// of the two standard errors as the error (never less than the true one). `differs` when the
    /// gap passes two standard errors and the two are not the same in every simulated year.
    /// `withResponseCosts` adds the difference in what the two options' responses cost, a fixed
    /// amount with no error of its own.
    func gap(_ option: RegisterScore.PortfolioScore, _ base: RegisterScore.PortfolioScore,
             on outcomes: [RegisterScore.OutcomeScore], withResponseCosts: Bool = false) -> (value: Double, differs: Bool) {
        guard option.id != base.id else { return (0, false) }
        var value = 0.0, error = 0.0, identical = true
        if withResponseCosts {
            let extra = builder.responseCost(inOption: option.id) - builder.responseCost(inOption: base.id)
            value += extra
            identical = extra == 0
        }
        for o in outcomes {
            guard let k = score.outcomes.firstIndex(where: { $0.id == o.id }) else { continue }
            let a = fromFirst(option, k), b = fromFirst(base, k)
            value += a.mean - b.mean
            error += a.error + b.error
            identical = identical && a.same && b.same
        }
        let scale = outcomes.compactMap { o in base.outcomes.first { $0.outcome == o.id }?.mean.residual.value }.reduce(0) { $0 + abs($1) }
        return (value, !identical && abs(value) > 2 * error && abs(value) > 1e-9 * max(scale, 1))
    }

    /// The option's paired difference from the first option on outcome `k`: its mean, the mean's
    /// standard error, and whether it is zero in every simulated year (so for the first option).
    func fromFirst(_ option: RegisterScore.PortfolioScore, _ k: Int) -> (mean: Double, error: Double, same: Bool) {
        guard option.id != score.portfolios.first?.id, k < option.differenceFromFirst.count else { return (0, 0, true) }
        let d = option.differenceFromFirst[k]
        return (d.mean.value, d.mean.standardError, d.mean.value == 0 && d.probabilityBetter == 0 && d.probabilityWorse == 0)
    }

    /// The outcomes on which `option` does better and worse than `base` on average, beyond the
    /// margin of error, each as "Bed days (by 12 days on average)".
    func compare(_ option: RegisterScore.PortfolioScore, _ base: RegisterScore.PortfolioScore) -> (better: [String], worse: [String]) {
        var better: [String] = [], worse: [String] = []
        for o in score.outcomes {
            let g = gap(option, base, on: [o])
            guard g.differs else { continue }
            let item = builder.phrases("report.decision.option.difference", ["outcome": builder.iso(o.title), "amount": builder.words(o.id, o.unit).size(abs(g.value))])
            if g.value < 0 { better.append(item) } else { worse.append(item) }
        }
        return (better, worse)
    }

    /// Step 4: the one option that does better than each of the others somewhere and worse
    /// nowhere; nil when none does.
    func dominant(in options: [RegisterScore.PortfolioScore]) -> RegisterScore.PortfolioScore? {
        guard options.count > 1 else { return options.first }
        return options.first { d in
            options.allSatisfy { o in
                guard o.id != d.id else { return true }
                let c = compare(d, o)
                return !c.better.isEmpty && c.worse.isEmpty
            }
        }
    }

    /// "better than “Shared Lives” on Hours of independent living (by 7.45 hours on average)".
    func betterThan(_ option: RegisterScore.PortfolioScore, _ base: RegisterScore.PortfolioScore,
                    quoted: (RegisterScore.PortfolioScore) -> String) -> String {
        builder.phrases("report.decision.option.better-than", ["base": quoted(base), "better": builder.listInWords(compare(option, base).better)])
    }

    /// "Hours of independent living 77%", for each statement, in a list: each chance as the
    /// page writes it (``ReportBuilder/statementPercent(_:_:)``), or with `decimals` decimals.
    func chances(_ option: RegisterScore.PortfolioScore, on statements: [RegisterScore.AppetiteVerdict], decimals: Int? = nil) -> String {
        builder.listInWords(statements.map { v in
            builder.phrases("report.decision.option.chance", ["statement": builder.iso(builder.statementLabel(v)),
                                                               "percent": percent(option, v, decimals: decimals)])
        })
    }

    /// Option `option`'s chance on statement `v` as written: the page's form, or `decimals`
    /// decimals.
    func percent(_ option: RegisterScore.PortfolioScore, _ v: RegisterScore.AppetiteVerdict, decimals: Int? = nil) -> String {
        let p = judged(v, under: option).p.value
        guard let decimals else { return builder.statementPercent(p, v) }
        return FigureFormat.percentagePoints(p, decimals: decimals) + "%"
    }

    /// The lead of `favoured` over `next` on the statements at issue, worked out from their
    /// chances as `percent(_:_:decimals:)` writes them, in percentage points: a reader who
    /// subtracts the printed chances gets the printed lead. Nil where a chance is written as a
    /// bound ("<0.1%").
    func printedLead(_ favoured: RegisterScore.PortfolioScore, over next: RegisterScore.PortfolioScore,
                     on statements: [RegisterScore.AppetiteVerdict], decimals: Int? = nil) -> Double? {
        var lead = 0.0
        for v in statements {
            guard let mine = ReportBuilder.pointsAsWritten(percent(favoured, v, decimals: decimals)),
                  let theirs = ReportBuilder.pointsAsWritten(percent(next, v, decimals: decimals)) else { return nil }
            lead += v.kind == .netBenefitAbove ? mine - theirs : theirs - mine
        }
        return lead
    }

    /// Where `option` does better or worse than `base` on average, outcome by outcome, beyond
    /// the margin of error: one sentence.
    func differences(_ option: RegisterScore.PortfolioScore, from base: RegisterScore.PortfolioScore,
                     quoted: (RegisterScore.PortfolioScore) -> String) -> String {
        let c = compare(option, base)
        let args = ["option": quoted(option), "base": quoted(base), "better": builder.listInWords(c.better), "worse": builder.listInWords(c.worse)]
        switch (c.better.isEmpty, c.worse.isEmpty) {
        case (true, true): return builder.phrases.filled("report.decision.option.differs.none", args)
        case (false, true): return builder.phrases.filled("report.decision.option.differs.better", args)
        case (true, false): return builder.phrases.filled("report.decision.option.differs.worse", args)
        case (false, false): return builder.phrases.filled("report.decision.option.differs.both", args)
        }
    }
}

extension Phrasebook {
    /// The phrase `key` with its arguments filled in from a dictionary, for a sentence whose
    /// arguments are gathered step by step; each placeholder is filled once, so a value that
    /// holds braces of its own is left as it is.
    func filled(_ key: String, _ arguments: [String: String]) -> String {
        let phrase = self(key)
        var out = ""
        var rest = Substring(phrase)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
