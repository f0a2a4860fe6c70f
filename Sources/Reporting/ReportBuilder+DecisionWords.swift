import Foundation
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// What a statement's chance is of, in the outcome's own terms: "the chance that harm alone
    /// exceeds 4 incidents", "the chance of a net gain".
    func chanceWhat(_ v: RegisterScore.AppetiteVerdict) -> String {
        let unit = score.outcomes.first { $0.id == v.outcome }?.unit ?? ""
        let gain = words(v.outcome, unit).isGain
        switch v.kind {
        case .lossExceeds where unit != "money" && !gain:
            // A count from nothing that only rises (patients overheard) has no "rise": "the
            // chance of a rise of more than 1 patient" read as a rise on some level.
            let w = words(v.outcome, unit)
            if let least = leastPastLimit(v, w) {
                return phrases("report.decision.chance.count-at-least", ["amount": w.size(least)])
            }
            return phrases(w.baseline == nil && !w.hasBenefit ? "report.decision.chance.count-exceeds.plain" : "report.decision.chance.count-exceeds",
                           ["amount": quantity(v.threshold, unit)])
        // Money that is itself a loss (an overspend, unbudgeted costs) has no "losses to" it:
        // "the chance of more than £50,000".
        case .lossExceeds where unit == "money" && !gain: return phrases("report.decision.chance.money-exceeds", ["amount": quantity(v.threshold, unit)])
        case .lossExceeds: return phrases("report.decision.chance.loss-exceeds", ["amount": quantity(v.threshold, unit)])
        case .harmExceeds where v.threshold == 0: return phrases("report.decision.chance.harm-any")
        case .harmExceeds: return phrases("report.decision.chance.harm-exceeds", ["amount": quantity(v.threshold, unit)])
        case .netBenefitAbove where gain:
            return v.threshold == 0 ? phrases("report.decision.chance.net-gain")
                                    : phrases("report.decision.chance.net-gain-above", ["amount": quantity(v.threshold, unit)])
        case .netBenefitAbove:
            return v.threshold == 0 ? phrases("report.decision.chance.net-benefit")
                                    : phrases("report.decision.chance.net-benefit-above", ["amount": quantity(v.threshold, unit)])
        }
    }

    /// For a statement on a count from nothing that only rises, in whole numbers (patients,
    /// incidents), with a whole threshold: the least count past it. "More than 1 patient" is
    /// said as a person would, "2 patients or more". Nil otherwise.
    func leastPastLimit(_ v: RegisterScore.AppetiteVerdict, _ w: OutcomeWords) -> Double? {
        guard v.kind == .lossExceeds, w.unit != "money", !w.isGain, w.isWholeCount, w.baseline == nil, !w.hasBenefit,
              v.threshold >= 0, v.threshold == v.threshold.rounded() else { return nil }
        return v.threshold + 1
    }

    /// The board's limit with its direction: "want ≥ 80%" for a chance it asks for, "want ≤ 5%"
    /// for one it allows.
    func want(_ v: RegisterScore.AppetiteVerdict) -> String {
        phrases(v.kind == .netBenefitAbove ? "report.decision.want.at-least" : "report.decision.want.at-most",
                ["percent": FigureFormat.percent(v.limit)])
    }

    /// "Hours of independent living (76%; want ≥ 80%)".
    func namedVerdict(_ v: RegisterScore.AppetiteVerdict) -> String {
        phrases("report.decision.summary.item", ["statement": iso(statementLabel(v)), "percent": cellPercent(v.probability.value, limit: v.limit),
                                                 "want": want(v)])
    }

    /// The first line of the decision page's summary: the statements outside appetite and too
    /// close to call, each by name; the headline table below it adds where perspectives disagree.
    func namedSummary() -> String {
        let statements = score.appetite
        func list(_ picked: [RegisterScore.AppetiteVerdict]) -> String {
            picked.isEmpty ? phrases("report.decision.summary.none") : listInWords(picked.map(namedVerdict))
        }
        let outside = statements.filter { !$0.withinAppetite && $0.decisive }
        let outsideWords = outside.isEmpty
            ? phrases("report.decision.summary.outside-none", ["total": String(statements.count)])
            : phrases("report.decision.summary.outside-some", ["count": String(outside.count), "total": String(statements.count), "list": list(outside)])
        return phrases("report.decision.summary.named", [
            "outside": outsideWords,
            "close": list(statements.filter { !$0.decisive }),
        ])
    }

    /// The perspectives whose own estimates reach the statement's outcome, with their chances.
    func ownChances(_ v: RegisterScore.AppetiteVerdict) -> [Double] {
        v.perspectives.filter { estimatedAny($0.id, outcome: v.outcome) }.map(\.probability.value)
    }

    /// The "±" read rightly: it is the simulation's error only; the spread between the
    /// perspectives' own estimates, given for the statements where it is widest, is the larger
    /// uncertainty. Nil with fewer than two perspectives.
    func uncertaintyCaveat() -> String? {
        guard register.perspectives.count > 1 else { return nil }
        let spreads = score.appetite.compactMap { v -> (v: RegisterScore.AppetiteVerdict, low: Double, high: Double)? in
            let chances = ownChances(v) + [v.probability.value]
            // A spread under one percentage point, or only among chances past 99.9% or under
            // 0.1%, is no uncertainty a board needs told about.
            guard let low = chances.min(), let high = chances.max(), high - low >= 0.01,
                  FigureFormat.percent(low) != FigureFormat.percent(high) else { return nil }
            return (v, low, high)
        }
        // Those at issue first, then the widest; three at most, so the sentence stays short.
        let ranked = spreads.sorted { a, b in
            let ia = !a.v.withinAppetite || !a.v.decisive || a.v.dependsOnEstimates
            let ib = !b.v.withinAppetite || !b.v.decisive || b.v.dependsOnEstimates
            return ia != ib ? ia : (a.high - a.low) > (b.high - b.low)
        }.prefix(3)
        guard !ranked.isEmpty else { return phrases("report.decision.uncertainty.no-spread") }
        let items = ranked.map { s in
            phrases("report.decision.uncertainty.item", ["statement": iso(statementLabel(s.v)),
                                                         "low": FigureFormat.percent(s.low), "high": FigureFormat.percent(s.high)])
        }
        return phrases("report.decision.uncertainty", ["list": items.joined(separator: phrases("report.list.separator"))])
    }

    /// For a statement outside appetite that no lever listed brings back: that none of the
    /// levers listed is enough, how far it is from the limit and the nearest a lever comes
    /// (`lead`); the choices left to the board (`choices`); and, one item each, what stopping an
    /// activity would do (`stops`). Stopping is not among the levers, and the page says so: "the
    /// nearest any lever comes is 5.2%" in the same sentence as "1.9% without AS-01 (within
    /// appetite here …)" read as a contradiction, in one sentence of 200 words.
    func noWayBack(_ v: RegisterScore.AppetiteVerdict) -> (lead: String, choices: String, stops: [String])? {
        guard !v.withinAppetite, v.decisive else { return nil }
        let others = v.portfolios.filter { $0.id != score.run.portfolio }
        guard !v.responses.contains(where: \.withinIfDelivered), !others.contains(where: \.withinAppetite) else { return nil }
        let reached = v.responses.map(\.ifDelivered.value) + others.map(\.probability.value)
        let asks = v.kind == .netBenefitAbove
        let best = asks ? reached.max() : reached.min()
        // The activities behind it: the largest drivers of its outcome in the headline figures.
        let drivers = score.outcomes.first { $0.id == v.outcome }?.drivers.filter { visible.contains($0) }.prefix(2) ?? []
        let named = drivers.map { id in phrases("report.portfolio.activity", ["risk": id, "title": iso(register.risk(id)?.title ?? "")]) }
        var args = ["statement": iso(statementLabel(v)), "chance": chanceWhat(v), "now": statementPercent(v.probability.value, v),
                    "want": want(v), "limit": FigureFormat.percent(v.limit)]
        var lead = phrases.filled("report.decision.no-way-back", args)
        if let best, statementPercent(best, v) != statementPercent(v.probability.value, v) {
            args["best"] = statementPercent(best, v)
            lead += " " + phrases.filled("report.decision.no-way-back.best", args)
        }
        // Stopping an activity, with what it would do, where the simulation gives it.
        let stops = (v.stops ?? []).filter { visible.contains($0.risk) }
        if stops.isEmpty {
            return (lead, phrases("report.decision.no-way-back.choices", [
                "drivers": named.isEmpty ? phrases("report.decision.no-way-back.the-activities") : listInWords(named)]), [])
        }
        let items = stops.map { stop in
            let broken = brokenByStopping(stop)
            // A stop that puts another statement outside appetite is said to be no way
            // back, with the chance it would leave there, before what it gives up.
            let givesUpKey = broken.isEmpty ? "report.decision.no-way-back.stop.gives-up" : "report.decision.no-way-back.stop.gives-up.also"
            let key = broken.isEmpty ? "report.decision.no-way-back.stop"
                : stop.withinIfStopped ? "report.decision.no-way-back.stop.breaks" : "report.decision.no-way-back.stop.breaks.still-outside"
            return phrases(key, [
                "percent": statementPercent(stop.ifStopped.value, v), "risk": entryID(stop.risk),
                "title": iso(register.risk(stop.risk)?.title ?? ""),
                "status": phrases(stop.withinIfStopped ? "report.verdict.within" : "report.verdict.outside"),
                "broken": listInWords(broken),
                "givesUp": givenUp(stop.risk).map { phrases(givesUpKey, ["benefits": $0]) } ?? ""])
        }
        return (lead, phrases("report.decision.no-way-back.choices.stops", ["chance": chanceWhat(v)]), items)
    }

    /// The statements within appetite now that stopping the entry would put outside, each with
    /// its chance then and now ("Hours of independent living outside appetite (the chance of a
    /// net gain would be 12%, now 85%)"), from the simulation of the stop on every statement.
    func brokenByStopping(_ stop: RegisterScore.AppetiteVerdict.ActivityStop) -> [String] {
        (stop.elsewhere ?? []).compactMap { other in
            guard score.appetite.indices.contains(other.statement) else { return nil }
            let v = score.appetite[other.statement]
            guard v.withinAppetite, !other.withinIfStopped else { return nil }
            return phrases("report.decision.no-way-back.stop.broken", [
                "statement": iso(statementLabel(v)), "chance": chanceWhat(v),
                "percent": cellPercent(other.ifStopped.value, limit: v.limit), "now": cellPercent(v.probability.value, limit: v.limit)])
        }
    }

    /// What stopping entry `id` gives up: its net effect on each outcome where it brings a net
    /// gain or reduction on average — its benefit less its own harm, after responses, the
    /// figure its entry and the drivers give ("a net £150,000 avoided in …") — so "stop the
    /// scheme that makes patients safer" never reads as a free way back within appetite. The
    /// gross benefit read as what the budget would lose, and disagreed with the entry. Nil for
    /// an entry that brings no net gain anywhere.
    func givenUp(_ id: String) -> String? {
        guard let r = score.risks.first(where: { $0.id == id }) else { return nil }
        let benefits = (r.effects.map { $0.map { ($0.outcome, -$0.meanLoss.residual.value) } } ?? [(r.outcome, -r.meanLoss.residual.value)])
            .filter { $0.1 > 0 }
        guard !benefits.isEmpty else { return nil }
        return listInWords(benefits.compactMap { outcome, benefit in
            score.outcomes.first { $0.id == outcome }.map { o in
                let w = words(o.id, o.unit)
                return phrases(w.isGain ? "report.decision.no-way-back.stop.gained" : "report.decision.no-way-back.stop.avoided",
                               ["amount": w.size(benefit), "outcome": iso(o.title)])
            }
        })
    }

    /// "Current plan: X. Proposed: Y. The board is asked to …", from the options the register
    /// marks `current` and `proposed`; where it marks none, it says so rather than guess.
    func decisionAsk() -> String {
        let outsideNames = score.appetite.filter { !$0.withinAppetite && $0.decisive }.map { iso(statementLabel($0)) }
        let accept = outsideNames.isEmpty ? "" : " " + phrases("report.decision.ask.outside", ["statements": listInWords(outsideNames)])
        guard score.portfolios.count > 1 else {
            return (score.appetite.isEmpty ? phrases("report.decision.ask.no-options.no-appetite")
                                           : phrases("report.decision.ask.no-options", ["who": decider])) + accept
        }
        let current = register.portfolios.first(where: \.isCurrent)
        let proposed = register.portfolios.first(where: \.isProposed)
        var parts: [String] = []
        parts.append(current.map { phrases("report.decision.ask.current", ["title": iso($0.title)]) } ?? phrases("report.decision.ask.current.unstated"))
        parts.append(proposed.map { phrases("report.decision.ask.proposed", ["title": iso($0.title)]) } ?? phrases("report.decision.ask.proposed.unstated"))
        // With no proposal, the option the figures favour is said here, at the top of the page,
        // rather than first found among the options compared further down.
        // So is a favoured option that is not the proposal: the board reads at once that the
        // officers' proposal and its own appetite point different ways.
        if let favoured = OptionRule(builder: self).steps().fourth.onlyElement {
            if proposed == nil {
                parts.append(phrases("report.decision.ask.favoured", ["title": iso(favoured.title)]))
            } else if let p = proposed, p.id != favoured.id {
                parts.append(phrases("report.decision.ask.favoured.not-proposed", ["title": iso(favoured.title)]))
            }
            if let fragile = fragileFavourite() { parts.append(fragile) }
            if let moved = favouriteMovedByConfidential() { parts.append(moved) }
            if let others = perspectivesFavouringOthers() { parts.append(others) }
            if let aim = setAsideByAim() { parts.append(aim) }
        }
        let count = String(register.portfolios.count)
        switch (current, proposed) {
        case let (c?, p?) where c.id == p.id:
            parts.append(phrases("report.decision.ask.keep", ["who": decider, "current": iso(c.title), "count": count]))
        case let (c?, p?):
            parts.append(phrases("report.decision.ask.move", ["who": decider, "current": iso(c.title), "proposed": iso(p.title), "count": count]))
        case let (c?, nil):
            parts.append(phrases("report.decision.ask.choose-from-current", ["who": decider, "current": iso(c.title), "count": count]))
        case let (nil, p?):
            parts.append(phrases("report.decision.ask.approve", ["who": decider, "proposed": iso(p.title), "count": count]))
        case (nil, nil):
            parts.append(phrases("report.decision.ask.choose", ["who": decider, "count": count]))
        }
        return parts.joined(separator: " ") + accept
    }

    /// Who is asked to decide: the body the register names in `decided-by` ("The council's Adult
    /// Social Care committee"), or the board where it names none. The register's readers met
    /// "the board is asked" where the register names a committee that decides on a date.
    var decider: String {
        register.metadata.decidedBy.map { iso($0.capitalisedFirst) } ?? phrases("report.decision.ask.the-board")
    }

    /// The register's next decision (`next-decision`) with its date, for the decision page's
    /// first screen; nil when the register states neither.
    func nextDecision() -> String? {
        let m = register.metadata
        switch (m.nextDecision, m.nextDecisionDate) {
        case let (text?, date?): return phrases("report.decision.next-decision", ["decision": iso(text), "date": date.description])
        case let (text?, nil): return phrases("report.decision.next-decision.undated", ["decision": iso(text)])
        case let (nil, date?): return phrases("report.decision.next-decision.date", ["date": date.description])
        case (nil, nil): return nil
        }
    }

    /// Each option as the register describes it (what it is, who recommends it), marked current
    /// or proposed: the board report named options the register explains, and left the
    /// explanation to the community report. Empty without options to compare.
    func optionDescriptions() -> [ReportContext.OptionDescription] {
        // Where the register describes none, a list of "no description" would only take room.
        guard score.portfolios.count > 1, register.portfolios.contains(where: { $0.description != nil }) else { return [] }
        return register.portfolios.map { p in
            ReportContext.OptionDescription(option: e(optionLabel(p.id, title: p.title)),
                  text: e(p.description.map { iso($0) } ?? phrases("report.decision.option-described.none")))
        }
    }

    /// The register's `if-missed` plan for the appetite statement `k` (the score's statements
    /// are the register's, in order), for a verdict outside appetite or too close to call.
    func ifMissed(_ k: Int, _ v: RegisterScore.AppetiteVerdict) -> String? {
        guard !isCommunity, !v.withinAppetite || !v.decisive, register.appetite.indices.contains(k),
              register.appetite[k].outcome == v.outcome, let plan = register.appetite[k].ifMissed else { return nil }
        return phrases("report.verdict.if-missed", ["plan": iso(plan)])
    }

    /// "within appetite", "outside appetite", or either marked too close to call.
    func statusWord(_ within: Bool, _ decisive: Bool) -> String {
        let status = phrases(within ? "report.status.within" : "report.status.outside")
        return decisive ? status : phrases("report.status.too-close", ["status": status])
    }

    /// "within appetite", "outside appetite", or either marked too close to call, inside a
    /// sentence.
    func leverStatus(_ within: Bool, _ decisive: Bool) -> String {
        let status = phrases(within ? "report.verdict.within" : "report.verdict.outside")
        return decisive ? status : phrases("report.status.too-close", ["status": status])
    }

    /// The style class of a verdict: `close`, `within` or `outside`.
    func statusClass(_ within: Bool, _ decisive: Bool) -> String { !decisive ? "close" : (within ? "within" : "outside") }

    /// One verdict cell of a decision-page table, for the headline, a perspective or an option.
    func decisionCell(within: Bool, decisive: Bool, probability: Double, limit: Double? = nil, percent: String? = nil) -> ReportContext.DecisionCell {
        ReportContext.DecisionCell(
            text: e(phrases("report.decision.cell", ["status": statusWord(within, decisive),
                                                     "percent": percent ?? limit.map { cellPercent(probability, limit: $0) } ?? cellPercent(probability)])),
            statusClass: statusClass(within, decisive))
    }

    /// A chance in a decision-page cell or summary: never "0%" or "100%" from a simulation,
    /// whose chances below 0.1% and above 99.9% read "<0.1%" and ">99.9%" beside each other.
    func cellPercent(_ p: Double) -> String { FigureFormat.simulatedPercent(p) }

    /// A chance beside its limit: one more decimal where it would read as the limit itself.
    func cellPercent(_ p: Double, limit: Double) -> String { FigureFormat.simulatedPercent(p, awayFrom: limit) }
}

extension Array {
    /// The element of a one-element array; nil for none or several (options still tied).
    var onlyElement: Element? { count == 1 ? first : nil }
}
