import Foundation
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// Every appetite statement under every option, from the comparison run (each option's own
    /// cost in its money outcome), and for each option the favoured-option rule sets aside, the
    /// step that sets it aside and why: the statements it leaves outside appetite, its standing
    /// on those at issue, or its cost. Nil without options to compare or appetite statements.
    func optionsByStatement() -> ReportContext.OptionsByStatement? {
        guard score.portfolios.count > 1, score.run.portfolio != nil, !score.appetite.isEmpty else { return nil }
        let rule = OptionRule(builder: self)
        let options = score.portfolios
        let rows = score.appetite.map { v in
            ReportContext.DecisionVerdict(
                outcome: e(phrases("report.decision.row", ["statement": iso(statementLabel(v)), "chance": chanceWhat(v), "want": want(v)])),
                cells: options.map { p in
                    let j = rule.judged(v, under: p)
                    return decisionCell(within: j.within, decisive: j.decisive, probability: j.p.value, limit: v.limit,
                                        percent: optionPercent(v, under: p.id, j.p.value))
                })
        }
        let steps = rule.steps()
        let quoted = { (p: RegisterScore.PortfolioScore) in iso(p.title) }
        var dropped: [String] = []
        for p in options {
            // The statements that set it aside, for the line against the favoured option.
            var setAsideOn: [RegisterScore.AppetiteVerdict] = []
            if rule.outside(p) > steps.fewest {
                // A statement the option cannot meet by construction says so, and where every
                // breach is one, that it is set aside on those alone.
                let outside = score.appetite.filter { !rule.judged($0, under: p).within }
                let unreachable = outside.map { outOfReach($0, under: p.id) }
                // A chance too close to call still falls on one side of the limit, and the first
                // step counts it there: said at the point it is counted, so "too close to call" in
                // the table and "outside" here do not read as two answers.
                let breaches = zip(outside, unreachable).map { v, why in
                    phrases(why != nil ? "report.options.breach.construction"
                            : rule.judged(v, under: p).decisive ? "report.options.breach" : "report.options.breach.close", [
                        "statement": iso(statementLabel(v)), "why": why ?? "",
                        "percent": optionPercent(v, under: p.id, rule.judged(v, under: p).p.value), "want": want(v)])
                }
                // "(the best leave 0)" read as a score: where the best options leave none, it says so.
                var line = phrases(steps.fewest == 0 ? "report.options.dropped.outside.none" : "report.options.dropped.outside", [
                    "option": quoted(p), "count": String(breaches.count), "fewest": String(steps.fewest),
                    "breaches": breaches.joined(separator: phrases("report.list.separator"))])
                // Why it cannot meet a statement, in a sentence of its own after the list.
                for why in Set(unreachable.compactMap { $0 }).sorted() {
                    line += " " + phrases("report.options.construction.sentence", ["why": why.capitalisedFirst])
                }
                let built = unreachable.compactMap { $0 }.count
                if built > 0, outside.count - built <= steps.fewest {
                    var without = rule
                    without.leavingOut = zip(outside, unreachable).filter { $0.1 != nil }.map(\.0)
                    if let sentence = withoutUnreachable(p, rule: without, several: built > 1) { line += " " + sentence }
                }
                setAsideOn = outside
                dropped.append(line)
            } else if !steps.second.contains(where: { $0.id == p.id }) {
                let best = steps.second[0]
                var line = phrases("report.options.dropped.standing", [
                    "option": quoted(p), "chances": rule.chances(p, on: steps.atIssue), "best": quoted(best),
                    "bestChances": rule.chances(best, on: steps.atIssue)])
                for v in steps.atIssue {
                    guard let why = outOfReach(v, under: p.id) else { continue }
                    line += " " + phrases("report.options.dropped.standing.construction", ["statement": iso(statementLabel(v)), "why": why])
                }
                setAsideOn = steps.atIssue
                dropped.append(line)
            } else if !steps.third.contains(where: { $0.id == p.id }), let w = rule.moneyWords {
                dropped.append(phrases("report.options.dropped.cost", [
                    "option": quoted(p), "cost": allTold(p, w),
                    "cheapest": allTold(steps.third[0], w)]))
            } else {
                continue
            }
            // What the board would buy with it, against the option the rule favours.
            if steps.fourth.count == 1, let buys = whatItBuys(p, against: steps.fourth[0], rule: rule, setAsideOn: setAsideOn) {
                dropped[dropped.count - 1] += " " + buys
            }
            // An option whose chances on every statement read the same as an earlier option's
            // differs from it in money and the outcomes' averages alone: priced against that
            // option too, which is what it replaces, not only against the favoured one.
            if let twin = sameChances(as: p, among: options, rule: rule), !steps.fourth.contains(where: { $0.id == twin.id }) || steps.fourth.count > 1,
               let buys = whatItBuys(p, against: twin, rule: rule, lead: "report.options.buys.against.same-chances") {
                dropped[dropped.count - 1] += " " + buys
            }
        }
        // The comparison simulates every option on the same years, the headline in a run of its
        // own where it must: say so where a chance of the headline option shows differently.
        var caption = phrases("report.options.caption", ["count": String(options.count)])
        if let headline = options.first(where: { $0.id == score.run.portfolio }) {
            let differs = score.appetite.filter { v in cellPercent(rule.judged(v, under: headline).p.value) != cellPercent(v.probability.value) }
            if !differs.isEmpty {
                caption += " " + phrases("report.options.caption.headline-differs", [
                    "option": iso(headline.title),
                    "list": listInWords(differs.map { v in
                        phrases("report.options.caption.differs-item", [
                            "statement": iso(statementLabel(v)), "here": cellPercent(rule.judged(v, under: headline).p.value),
                            "headline": cellPercent(v.probability.value)])
                    })])
            }
        }
        return .init(
            caption: e(caption),
            titles: options.map { e(optionLabel($0.id, title: $0.title)) as String }, rows: rows,
            dropped: dropped.map { e($0) as String })
    }

    /// Where option `p`, set aside at the first step on statements it cannot meet whatever the
    /// estimates, would stand without them: the rule carried through its other steps with them
    /// left out (`rule.leavingOut`). "Without that statement it would not be set aside at this
    /// step" read as if the option might otherwise be favoured, where it would lose on cost
    /// at the next. Nil where it would be set aside at the first step still.
    func withoutUnreachable(_ p: RegisterScore.PortfolioScore, rule: OptionRule, several: Bool) -> String? {
        let steps = rule.steps()
        guard steps.first.contains(where: { $0.id == p.id }) else { return nil }
        var args = ["without": phrases(several ? "report.options.dropped.without.several" : "report.options.dropped.without.one")]
        let quoted = { (o: RegisterScore.PortfolioScore) in self.phrases("report.decision.option.quoted", ["title": self.iso(o.title)]) }
        if steps.fourth.contains(where: { $0.id == p.id }) {
            let others = steps.fourth.filter { $0.id != p.id }
            guard !others.isEmpty else { return phrases.filled("report.options.dropped.without.favoured", args) }
            args["others"] = listInWords(others.map(quoted))
            return phrases.filled("report.options.dropped.without.tied", args)
        }
        if !steps.second.contains(where: { $0.id == p.id }) {
            args["chances"] = rule.chances(p, on: steps.atIssue)
            args["option"] = quoted(steps.second[0])
            args["optionChances"] = rule.chances(steps.second[0], on: steps.atIssue)
            return phrases.filled("report.options.dropped.without.chances", args)
        }
        if !steps.third.contains(where: { $0.id == p.id }), let w = rule.moneyWords {
            let cheapest = steps.third.min { rule.moneyLoss($0) < rule.moneyLoss($1) }!
            args["cost"] = allTold(p, w)
            args["option"] = quoted(cheapest)
            args["cheapest"] = allTold(cheapest, w)
            args["money"] = allToldDifference(p, cheapest, w)
            return phrases.filled("report.options.dropped.without.cost", args)
        }
        args["option"] = listInWords(steps.fourth.map(quoted))
        return phrases.filled("report.options.dropped.without.dominated", args)
    }

    /// What an option set aside would buy against the favoured one: on each outcome other than
    /// money where it does better on average (beyond the margin of error), by how much, and,
    /// where it costs more in money all told, the price of each unit gained (that money
    /// difference over the outcome's, each from the paired differences of the comparison run);
    /// where it does better or worse on both, that plainly. Nil without money outcomes or when
    /// the two do not differ anywhere.
    ///
    /// A price divides the whole money difference by one outcome's gain, and is given only where
    /// the money buys that one outcome: where it buys several, each price set the whole amount
    /// against one of them ("£22 per hour", "£216,000 per enquiry" for one £36,000), and quoted
    /// alone each overstated what that outcome costs. The sentence then gives the money alone.
    /// A price given says that it sets the whole of the money against that outcome alone.
    /// Where the option set aside is the cheaper one and does worse somewhere, the same price
    /// is given the other way round: what the favoured option's gain there costs. A board paying
    /// £600,000 an incident for the favoured option needs that figure as much as the price of
    /// an option it is not choosing.
    ///
    /// - Parameters:
    ///   - lead: the phrase that opens the sentence and names `favoured` (by default as the
    ///     option the figures favour).
    ///   - setAsideOn: the statements on which the rule set `option` aside; where it does worse
    ///     on everything, they are named first with both options' chances, so that the sentence
    ///     lists what decided it and not only the averages.
    func whatItBuys(_ option: RegisterScore.PortfolioScore, against favoured: RegisterScore.PortfolioScore, rule: OptionRule,
                    lead: String = "report.options.buys.against.favoured", setAsideOn: [RegisterScore.AppetiteVerdict] = []) -> String? {
        guard option.id != favoured.id, let money = rule.moneyWords, !rule.money.isEmpty else { return nil }
        let m = rule.gap(option, favoured, on: rule.money, withResponseCosts: true)
        let costsMore = m.differs && m.value > 0, costsLess = m.differs && m.value < 0
        // The money difference as the sentence prints it: that of the two printed figures all told.
        let printedGap = moneyParts(option).printed.allTold - moneyParts(favoured).printed.allTold
        var better: [String] = [], worse: [String] = []
        // The one outcome a dearer option set aside does better on, with the price of each unit
        // it gains there: given only where the extra money buys that outcome alone.
        var bought: (outcome: String, price: String, one: String, isGain: Bool)?
        // Where the option set aside is cheaper, the price of what the favoured option gains on
        // each outcome it does better on: the same money difference over that outcome's gain.
        var favouredPrices: [(outcome: String, amount: String, price: String, one: String)] = []
        for o in score.outcomes where o.unit != "money" {
            let g = rule.gap(option, favoured, on: [o])
            guard g.differs else { continue }
            let w = words(o.id, o.unit)
            let amount = w.size(abs(g.value))
            if g.value < 0 {
                if costsMore {
                    // A gain is bought; a harm (incidents, enquiries, people hurt) is avoided,
                    // never "bought".
                    better.append(phrases(w.isGain ? "report.options.buys.gain" : "report.options.buys.avoid", ["outcome": iso(o.title), "amount": amount]))
                    bought = (iso(o.title), money.size(priceAsShown(abs(printedGap), per: abs(g.value), unit: o.unit, moneyAsShown: true)),
                              phrases.singularUnit(o.unit) ?? o.unit, w.isGain)
                } else {
                    better.append(phrases("report.decision.option.difference", ["outcome": iso(o.title), "amount": amount]))
                }
            } else {
                worse.append(phrases("report.decision.option.difference", ["outcome": iso(o.title), "amount": amount]))
                if costsLess {
                    favouredPrices.append((iso(o.title), amount, money.size(priceAsShown(abs(printedGap), per: g.value, unit: o.unit, moneyAsShown: true)), phrases.singularUnit(o.unit) ?? o.unit))
                }
            }
        }
        var args = ["against": phrases(lead, ["option": iso(favoured.title)]), "money": allToldDifference(option, favoured, money),
                    "better": better.joined(separator: phrases("report.list.separator")), "worse": listInWords(worse)]
        let key: String
        switch (better.isEmpty, costsMore, costsLess) {
        case (false, true, _):
            // A price per unit only where the extra money buys one outcome: set against each of
            // several, the whole amount gave "£22 per hour" and "£216,000 per enquiry" for one
            // £36,000, each misleading when quoted alone.
            if better.count == 1, let bought {
                key = bought.isGain ? "report.options.buys.more-cost.priced.gain" : "report.options.buys.more-cost.priced.avoid"
                args["price"] = bought.price
                args["one"] = bought.one
                args["outcome"] = bought.outcome
            } else {
                key = "report.options.buys.more-cost.several"
            }
        case (true, true, _): key = worse.isEmpty ? "report.options.buys.nothing" : "report.options.buys.worse-on-all"
        case (false, _, true): key = "report.options.buys.both-better"
        case (true, _, true): key = "report.options.buys.saves"
        case (false, false, false): key = "report.options.buys.same-cost"
        case (true, false, false):
            guard !worse.isEmpty else { return nil }
            key = "report.options.buys.worse-same-cost"
        }
        args["better"] = key == "report.options.buys.both-better" || key == "report.options.buys.same-cost" ? listInWords(better) : args["better"]
        if key == "report.options.buys.worse-on-all" {
            // Every count it does worse on, in one list whose length is its own: the statements
            // that set it aside (with both chances), money, then the outcomes' averages.
            let rule = rule
            let statements = setAsideOn.map { v in
                phrases("report.options.buys.worse.statement", [
                    "statement": iso(statementLabel(v)), "percent": cellPercent(rule.judged(v, under: option).p.value, limit: v.limit),
                    "basePercent": cellPercent(rule.judged(v, under: favoured).p.value, limit: v.limit)])
            }
            args["items"] = listInWords(statements + [phrases("report.options.buys.worse.money", ["money": allToldDifference(option, favoured, money)])] + worse)
        }
        var sentence = phrases.filled(key, args)
        if !worse.isEmpty && !["report.options.buys.saves", "report.options.buys.worse-same-cost", "report.options.buys.worse-on-all"].contains(key) {
            sentence += " " + phrases.filled("report.options.buys.also-worse", args)
        }
        // The price in the other direction: what the favoured option's gain costs, so a board
        // weighs it as it weighs a dearer option set aside (against the favoured option only).
        if lead != "report.options.buys.against.favoured" { return sentence }
        if let only = favouredPrices.first, favouredPrices.count == 1 {
            sentence += " " + phrases("report.options.buys.favoured-costs", [
                "amount": only.amount, "money": allToldDifference(option, favoured, money),
                "price": only.price, "one": only.one, "outcome": only.outcome])
        } else if favouredPrices.count > 1 {
            sentence += " " + phrases("report.options.buys.favoured-costs.several", ["money": allToldDifference(option, favoured, money)])
        }
        return sentence
    }

    /// The first option before `option` in the comparison whose chance on every appetite
    /// statement reads the same as `option`'s (to the precision the options table shows), with
    /// the rule's perspective; nil when there is none. Two such options differ only in money and
    /// in the outcomes' averages, so the later one is priced against the earlier.
    func sameChances(as option: RegisterScore.PortfolioScore, among options: [RegisterScore.PortfolioScore], rule: OptionRule) -> RegisterScore.PortfolioScore? {
        guard !score.appetite.isEmpty, let k = options.firstIndex(where: { $0.id == option.id }) else { return nil }
        return options[..<k].first { other in
            score.appetite.allSatisfy { v in
                cellPercent(rule.judged(v, under: other).p.value, limit: v.limit) == cellPercent(rule.judged(v, under: option).p.value, limit: v.limit)
            }
        }
    }

    /// What each option changes against the option the headline figures assume: the entries it
    /// adds and leaves out, the shares it splits, the responses it uses in place of the
    /// headline's, its own cost, and what its responses cost — with the reason when that is the
    /// same. Empty without options to compare.
    func optionChanges() -> (changes: [ReportContext.OptionChange], note: String?) {
        guard score.portfolios.count > 1, let headlineID = score.run.portfolio,
              let base = register.portfolios.first(where: { $0.id == headlineID }) else { return ([], nil) }
        let baseEntries = register.entries(in: base)
        let baseIDs = Set(baseEntries.map(\.id))
        let baseCost = responseCost(inOption: base.id)
        let named = { (r: Risk) in self.phrases("report.portfolio.activity", ["risk": self.entryID(r.id), "title": self.iso(r.title)]) }
        var swapsSomewhere = false
        let changes = register.portfolios.filter { $0.id != base.id }.map { option -> ReportContext.OptionChange in
            let entries = register.entries(in: option)
            let ids = Set(entries.map(\.id))
            let added = entries.filter { !baseIDs.contains($0.id) }
            let removed = baseEntries.filter { !ids.contains($0.id) }
            var clauses: [String] = []
            // The table's columns, beside the sentence.
            func share(_ id: String, _ p: Portfolio) -> Double? { p.split.first { $0.risk == id }?.share }
            var addsColumn = added.map { r in share(r.id, option).map { phrases("report.options.changes.share", ["entry": named(r), "share": FigureFormat.percent($0)]) } ?? named(r) }
            var leavesColumn = removed.map(named)
            for r in entries where baseIDs.contains(r.id) {
                let mine = share(r.id, option) ?? 1, theirs = share(r.id, base) ?? 1
                if mine < theirs { leavesColumn.append(phrases("report.options.changes.share.now", ["entry": named(r), "share": FigureFormat.percent(mine)])) }
                if mine > theirs { addsColumn.append(phrases("report.options.changes.share.now", ["entry": named(r), "share": FigureFormat.percent(mine)])) }
            }
            var responsesColumn: [String] = []
            if !added.isEmpty { clauses.append(phrases("report.options.changes.adds", ["entries": listInWords(added.map(named))])) }
            if !removed.isEmpty { clauses.append(phrases("report.options.changes.removes", ["entries": listInWords(removed.map(named))])) }
            if !option.split.isEmpty && (option.split.map(\.risk) != base.split.map(\.risk) || option.split.map(\.share) != base.split.map(\.share)) {
                let shares = option.split.compactMap { s in
                    register.risk(s.risk).map { phrases("report.options.changes.share", ["entry": named($0), "share": FigureFormat.percent(s.share)]) }
                }
                if !shares.isEmpty { clauses.append(phrases("report.options.changes.splits", ["shares": listInWords(shares)])) }
            }
            // Responses it uses in place of the headline's, with what each does, so a board can
            // see why an option's figure differs from a response "always delivered".
            var sameCostSwaps: [String] = []
            for risk in entries {
                let mine = option.responseChoice(for: risk.id).flatMap { risk.response(named: $0) } ?? risk.response
                let theirs = base.responseChoice(for: risk.id).flatMap { risk.response(named: $0) } ?? risk.response
                guard let mine, let theirs, baseIDs.contains(risk.id), mine.id != theirs.id || mine.action != theirs.action else { continue }
                swapsSomewhere = true
                responsesColumn.append(phrases("report.options.changes.response.short", [
                    "entry": entryID(risk.id), "action": iso(mine.action), "detail": responseDetail(mine), "baseDetail": responseDetail(theirs)]))
                clauses.append(phrases("report.options.changes.response", [
                    "entry": named(risk), "action": iso(mine.action), "detail": responseDetail(mine),
                    "baseAction": iso(theirs.action), "baseDetail": responseDetail(theirs)]))
                if mine.cost == theirs.cost { sameCostSwaps.append(phrases("report.options.changes.same-cost-swap", ["risk": entryID(risk.id), "cost": quantity(mine.cost, "money")])) }
            }
            if clauses.isEmpty { clauses.append(phrases("report.options.changes.same-entries")) }
            let entryClauses = clauses.count
            let own = option.cost ?? 0, baseOwn = base.cost ?? 0
            if own != baseOwn {
                let none = phrases("report.money.no-own-cost")
                clauses.append(phrases("report.options.changes.own-cost", [
                    "cost": own > 0 ? exactMoney(own) : none, "base": baseOwn > 0 ? exactMoney(baseOwn) : none]))
            }
            let cost = responseCost(inOption: option.id)
            if cost == baseCost {
                // The same total: say why, so that it does not read as a figure left unchanged.
                var why: [String] = []
                let swapped = added + removed
                if !swapped.isEmpty {
                    let costed = swapped.contains { ($0.response?.cost ?? 0) > 0 }
                    // "the entries it adds and leaves out" where it leaves none out read as a mistake.
                    let only = removed.isEmpty ? ".added" : added.isEmpty ? ".removed" : ""
                    why.append(phrases(costed ? "report.options.changes.same.entries-balance" : "report.options.changes.same.entries-uncosted" + only))
                }
                why += sameCostSwaps
                clauses.append(phrases(why.isEmpty ? "report.options.changes.responses-same.plain" : "report.options.changes.responses-same",
                                       ["cost": exactMoney(cost), "why": listInWords(why)]))
            } else {
                clauses.append(phrases("report.options.changes.responses", ["cost": exactMoney(cost), "base": exactMoney(baseCost)]))
            }
            let none = phrases("report.options.changes.none")
            return .init(option: e(optionLabel(option.id, title: option.title)),
                         text: e(phrases("report.options.changes.sentence", ["clauses": clauses.joined(separator: phrases("report.list.separator"))])),
                         adds: e(addsColumn.isEmpty ? none : addsColumn.joined(separator: phrases("report.list.separator"))),
                         leavesOut: e(leavesColumn.isEmpty ? none : leavesColumn.joined(separator: phrases("report.list.separator"))),
                         responses: e(responsesColumn.isEmpty ? none : responsesColumn.joined(separator: phrases("report.list.separator"))),
                         costs: e(clauses.dropFirst(entryClauses).joined(separator: phrases("report.list.separator")).capitalisedFirst))
        }
        let note = swapsSomewhere ? e(phrases("report.options.changes.lever-note", ["base": iso(base.title)])) : nil
        return (changes, note)
    }

    /// "70% reliable, cuts the harm of each occurrence by 45%, £46,000 a horizon".
    func responseDetail(_ r: Response) -> String {
        let effect: String
        switch (r.likelihoodReduction > 0, r.impactReduction > 0) {
        case (true, true):
            effect = phrases("report.options.response.cuts-both", [
                "likelihood": FigureFormat.percent(r.likelihoodReduction), "impact": FigureFormat.percent(r.impactReduction)])
        case (true, false): effect = phrases("report.options.response.cuts-likelihood", ["likelihood": FigureFormat.percent(r.likelihoodReduction)])
        case (false, true): effect = phrases("report.options.response.cuts-impact", ["impact": FigureFormat.percent(r.impactReduction)])
        case (false, false): effect = phrases("report.options.response.cuts-nothing")
        }
        return phrases("report.options.response.detail", [
            "reliability": FigureFormat.percent(r.reliability), "effect": effect, "cost": quantity(r.cost, "money")])
    }
}
