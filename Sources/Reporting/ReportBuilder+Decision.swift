import Foundation
import MonteCarlo
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// The decision page of a board report: every figure on it comes from the score (the
    /// headline run, each perspective's view and the portfolio comparison), none is estimated
    /// here.
    func decisionPage() -> ReportContext.DecisionPage {
        let statements = score.appetite
        let outside = statements.filter { !$0.withinAppetite && $0.decisive }.count
        let close = statements.filter { !$0.decisive }.count
        // Each count with the statements it counts, by name, chance and limit.
        let summary = statements.isEmpty ? phrases("report.decision.summary.no-appetite") : namedSummary()
        // The statements on which a perspective's own estimates give another verdict, or are too
        // close to call, are in the headline table below the sentence, one row each.

        let viewTitle = score.run.view == "pooled"
            ? phrases("report.view.pooled", ["count": String(register.perspectives.count)])
            : (register.perspectives.first { $0.id == score.run.view }?.title ?? score.run.view)
        var assumptions = phrases("report.decision.assumptions", ["view": iso(viewTitle)])
        if let id = score.run.portfolio {
            let title = register.portfolios.first { $0.id == id }?.title ?? id
            assumptions = phrases("report.decision.assumptions.portfolio", ["view": iso(viewTitle), "portfolio": iso(title),
                                                                           "count": String(register.portfolios.count)])
            // Its own cost is in the headline figures (docs/results.md): said once, here.
            if let p = register.portfolios.first(where: { $0.id == id }), let cost = p.cost, cost > 0,
               let o = score.outcomes.first(where: { $0.id == p.costOutcome }) {
                assumptions += " " + phrases("report.decision.assumptions.own-cost", ["cost": words(o.id, o.unit).size(cost), "outcome": iso(o.title)])
            }
        }
        // Response costs stay out of the outcomes (docs/results.md): the money table beside the
        // verdicts adds them, and each option's own cost, to one total a reader can check.
        let m = register.metadata
        var stewardship: [String] = []
        if let owner = m.owner { stewardship.append(phrases("report.decision.owner", ["owner": iso(owner)])) }
        if let last = m.lastReviewed { stewardship.append(phrases("report.decision.last-reviewed", ["date": last.description])) }
        if let next = m.nextReview {
            let overdue = next < (CalendarDate(score.run.asOf) ?? next)
            stewardship.append(phrases(overdue ? "report.decision.next-review-overdue" : "report.decision.next-review", ["date": next.description]))
        }

        let coverage = perspectiveCoverage()
        func title(_ v: RegisterScore.AppetiteVerdict) -> String { statementLabel(v) }

        let verdicts = statements.map { v in
            var cells = [decisionCell(within: v.withinAppetite, decisive: v.decisive, probability: v.probability.value, limit: v.limit)]
            for p in register.perspectives {
                guard let alt = v.perspectives.first(where: { $0.id == p.id }) else { continue }
                // A perspective that estimated none of the outcome's entries has only the pool's
                // figures: a verdict in its column would read as its agreement with the pool.
                guard estimatedAny(p.id, outcome: v.outcome) else {
                    cells.append(.init(text: e(phrases("report.decision.cell.no-own")), statusClass: ""))
                    continue
                }
                var cell = decisionCell(within: alt.withinAppetite, decisive: alt.decisive, probability: alt.probability.value, limit: v.limit)
                // A verdict resting mainly on others' figures says so in its cell.
                let borrowed = borrowedFigures(p.id, outcome: v.outcome)
                if borrowed.isMainly {
                    cell.text = e(phrases("report.decision.cell.borrowed", [
                        "cell": phrases("report.decision.cell", ["status": statusWord(alt.withinAppetite, alt.decisive),
                                                                  "percent": cellPercent(alt.probability.value, limit: v.limit)]),
                        "entries": listInWords(borrowed.named.ids.map(entryID))]))
                }
                cells.append(cell)
            }
            // Each row says what its chance is of and which way the board wants it, so a small
            // percentage "within" and a large one "outside" never sit side by side unexplained.
            let row = phrases("report.decision.row", ["statement": iso(title(v)), "chance": chanceWhat(v), "want": want(v)])
            return ReportContext.DecisionVerdict(outcome: e(row), cells: cells)
        }

        let items = statements.filter(\.asksForLevers).map { v -> ReportContext.DecisionItem in
            let name = { (id: String) in iso(register.perspectives.first { $0.id == id }?.title ?? id) }
            // A perspective whose verdict rests mainly on figures borrowed from others is neither
            // agreement nor disagreement: it is named apart, with the entries it borrows.
            let estimated = v.perspectives.filter { estimatedAny($0.id, outcome: v.outcome) }
            let own = estimated.filter { !borrowedFigures($0.id, outcome: v.outcome).isMainly }
            let borrowedReadings = estimated.filter { borrowedFigures($0.id, outcome: v.outcome).isMainly }.map { alt in
                phrases("report.decision.reading.borrowed", ["verdict": borrowedVerdict(alt, of: v, borrowedFigures(alt.id, outcome: v.outcome)).capitalisedFirst])
            }
            let within = own.filter(\.withinAppetite).map { name($0.id) }
            let outsideViews = own.filter { !$0.withinAppetite }.map { name($0.id) }
            var readings: [String] = []
            if !within.isEmpty && !outsideViews.isEmpty {
                readings.append(phrases("report.decision.reading.depends", [
                    "within": listInWords(within), "outside": listInWords(outsideViews),
                ]))
            }
            if !v.decisive { readings.append(phrases("report.decision.reading.close")) }
            if v.withinOnlyByResponses {
                // The responses whose failure alone would take it outside: what the verdict rests on.
                let carrying = v.responses.filter { !$0.withinIfNotDelivered }.map { lever in
                    phrases("report.decision.reading.rests-on.response", [
                        "risk": lever.risk, "title": iso(register.risk(lever.risk)?.title ?? ""),
                        "reliability": FigureFormat.percent(lever.reliability),
                        "percent": statementPercent(lever.ifNotDelivered.value, v)])
                }
                readings.append(phrases(carrying.isEmpty ? "report.decision.reading.rests-on.together" : "report.decision.reading.rests-on", [
                    "percent": statementPercent(v.inherentProbability.value, v), "responses": listInWords(carrying)]))
            }
            // "Outside appetite" said for the pool, and for the perspectives only where each
            // with figures of its own agrees; a verdict within appetite that a borrowed view alone
            // questions is left to that view's sentence.
            if readings.isEmpty && !(v.withinAppetite && !borrowedReadings.isEmpty) {
                if v.perspectives.isEmpty || own.isEmpty || !own.allSatisfy({ $0.withinAppetite == v.withinAppetite }) {
                    readings.append(phrases("report.decision.reading.clear"))
                } else if own.count == v.perspectives.count {
                    readings.append(phrases("report.decision.reading.clear-every-view"))
                } else {
                    readings.append(phrases("report.decision.reading.clear-own-views", ["perspectives": listInWords(own.map { name($0.id) })]))
                }
            }
            readings += borrowedReadings
            var levers: [String] = []
            let now = cellPercent(v.probability.value, limit: v.limit)
            // In the outcome's own terms: money lost, a count that rises, a gain.
            let what = chanceWhat(v)
            // Every chance set against the limit is judged by the headline's tie rule and
            // written to the same precision as the verdict cells: "60%: within appetite"
            // against "want ≥ 60%" is too close to call.
            func judged(_ chance: Statistic) -> (percent: String, status: String) {
                (cellPercent(chance.value, limit: v.limit),
                 leverStatus(v.keepsWithin(chance.value), RegisterScore.AppetiteVerdict.isDecisive(chance, limit: v.limit)))
            }
            if v.inherentProbability.value != v.probability.value {
                let without = judged(v.inherentProbability)
                levers.append(phrases("report.decision.lever.without-responses", [
                    "chance": what, "percent": without.percent, "now": now, "status": without.status,
                ]))
            }
            // A line whose figures read as the chance now says nothing the board can act on.
            for lever in v.responses where statementPercent(lever.ifDelivered.value, v) != now || statementPercent(lever.ifNotDelivered.value, v) != now {
                let risk = register.risk(lever.risk)
                let delivered = judged(lever.ifDelivered), notDelivered = judged(lever.ifNotDelivered)
                levers.append(phrases("report.decision.lever.response", [
                    "risk": lever.risk, "title": iso(risk?.title ?? ""), "reliability": FigureFormat.percent(lever.reliability), "chance": what,
                    "delivered": delivered.percent, "deliveredStatus": delivered.status,
                    "notDelivered": notDelivered.percent, "notDeliveredStatus": notDelivered.status,
                ]))
            }
            let others = v.portfolios.filter { $0.id != score.run.portfolio }
            for option in others where statementPercent(option.probability.value, v) != now {
                let title = register.portfolios.first { $0.id == option.id }?.title ?? option.id
                levers.append(phrases("report.decision.lever.portfolio", [
                    "portfolio": iso(title), "chance": what, "percent": cellPercent(option.probability.value, limit: v.limit),
                    "status": leverStatus(option.withinAppetite, option.decisive), "now": now,
                ]))
            }
            if !others.isEmpty && others.allSatisfy({ $0.probability.value == v.probability.value }) {
                levers.append(phrases("report.decision.lever.no-portfolio"))
            }
            let noWay = noWayBack(v)
            return .init(outcome: e(title(v)), status: e(statusWord(v.withinAppetite, v.decisive)), statusClass: statusClass(v.withinAppetite, v.decisive),
                         reading: e(readings.joined(separator: " ")), levers: levers.map { e($0) }, noWayBack: e(noWay?.lead),
                         noWayBackChoices: e(noWay?.choices), noWayBackStops: (noWay?.stops ?? []).map { e($0) })
        }

        let quality = dataQuality(coverage: coverage)
        let changes = optionChanges()
        var page = ReportContext.DecisionPage(
            summary: e(summary), outsideCount: outside, closeCount: close, assumptions: e(assumptions),
            stewardship: stewardship.isEmpty ? nil : e(stewardship.joined(separator: " ")) as String,
            viewTitles: ([phrases("report.decision.view.headline")] + perspectiveViewTitles(coverage)).map { e($0) as String },
            viewVerdicts: verdicts, items: items, quality: quality, option: favouredOption().map { e($0) as String },
            ask: e(decisionAsk()), money: moneyTotals(), uncertainty: e(uncertaintyCaveat()),
            optionRule: optionRuleSteps().map { rule in
                let steps = rule.steps.map { e($0) as String }
                return .init(intro: e(rule.intro), steps: steps, outro: e(rule.outro),
                             numberedSteps: steps.enumerated().map { .init(number: $0.offset + 1, text: $0.element) })
            })
        // The words the summary and its tables use first, explained where they are met: with
        // several perspectives pooled, what a perspective and the pool are as well.
        page.terms = e(phrases(score.run.view == "pooled" && register.perspectives.count > 1 ? "report.decision.terms.pooled" : "report.decision.terms"))
        page.headlineRows = headlineRows()
        if !page.headlineRows.isEmpty { page.headlineLeftOut = headlineLeftOut().map { e($0) as String } }
        page.nextDecision = e(nextDecision())
        page.optionDescriptions = optionDescriptions()
        page.optionsEffect = e(optionsEffect())
        page.leversNote = e(leversNote(items: statements.filter(\.asksForLevers)))
        page.options = optionsByStatement()
        page.optionsByPerspective = optionsByPerspective()
        page.changes = changes.changes
        page.changesNote = changes.note
        return page
    }

    /// Names in a sentence: "A", "A and B", "A, B and C" (names may hold semicolons and commas
    /// of their own, but each is isolated in HTML).
    func listInWords(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: phrases("report.list.comma")) + phrases("report.list.and") + names.last!
    }

    /// The perspectives' column headings, marked where some of a perspective's figures are
    /// borrowed from the pool; none when the headline is not pooled.
    func perspectiveViewTitles(_ coverage: [ReportContext.Coverage]) -> [String] {
        guard score.appetite.contains(where: { !$0.perspectives.isEmpty }) else { return [] }
        return zip(register.perspectives, coverage).map { p, c in
            c.borrows ? phrases("report.decision.view.own-estimates", ["title": iso(p.title), "count": String(c.ownCount), "total": String(c.totalCount)]) : p.title
        }
    }

    /// Each perspective's weight and the entries it estimated itself.
    func perspectiveCoverage() -> [ReportContext.Coverage] {
        let shown = register.risks.filter { visible.contains($0.id) }
        let totalWeight = register.perspectives.reduce(0) { $0 + $1.weight }
        return register.perspectives.map { p in
            let own = shown.filter { r in r.estimates.contains { $0.perspective == p.id } }
            let borrowed = shown.filter { r in !r.estimates.contains { $0.perspective == p.id } }
            return .init(
                perspective: e(p.title),
                weight: e(FigureFormat.percent(totalWeight > 0 ? p.weight / totalWeight : 0)),
                estimated: e(phrases("report.decision.coverage.estimated", ["count": String(own.count), "total": String(shown.count)])),
                borrowed: e(borrowed.isEmpty ? phrases("report.decision.coverage.none") : borrowed.map { entryID($0.id) }.joined(separator: ", ")),
                borrows: !borrowed.isEmpty, ownCount: own.count, totalCount: shown.count, weightWhy: e(weightWhy(p)))
        }
    }

    /// Who set a perspective's weight and why, as the register states it (`weight-set-by`,
    /// `weight-reason`), or that it does not say.
    func weightWhy(_ p: Perspective) -> String {
        switch (p.weightSetBy, p.weightReason) {
        case let (by?, reason?): return phrases("report.decision.coverage.weight-why", ["by": by, "reason": reason])
        case let (by?, nil): return phrases("report.decision.coverage.weight-by", ["by": by])
        case let (nil, reason?): return reason
        case (nil, nil): return phrases("report.decision.coverage.weight-unstated")
        }
    }

    func dataQuality(coverage: [ReportContext.Coverage]) -> ReportContext.DataQuality {
        let shown = register.risks.filter { visible.contains($0.id) }
        let scored = Set(score.risks.map(\.id))
        let awaiting = shown.filter { !$0.needsReview.isEmpty }.map { r in
            ReportContext.QualityEntry(id: e(r.id), title: e(r.title),
                                       detail: e(phrases("report.decision.quality.fields", ["fields": r.needsReview.joined(separator: ", ")])))
        }
        // A cost of 0 is a known zero unless the register marks it as still to check: say which,
        // so a reader can tell a free response from a gap.
        let zeroCost = shown.filter { ($0.response?.cost ?? 1) == 0 && scored.contains($0.id) }.map { r in
            let placeholder = r.needsReview.contains(ReviewMark.responseCost)
            return ReportContext.QualityEntry(id: e(r.id), title: e(r.title), detail: e(phrases(
                placeholder ? "report.decision.quality.zero-placeholder" : "report.decision.quality.zero-recorded",
                ["action": r.response?.action ?? "", "zero": quantity(0, "money")])))
        }
        let bands = shown.compactMap { r -> ReportContext.QualityEntry? in
            let banded = r.estimates.filter(\.isFromBands).map { est in register.perspectives.first { $0.id == est.perspective }?.title ?? est.perspective }
            guard !banded.isEmpty else { return nil }
            return .init(id: e(r.id), title: e(r.title), detail: e(banded.joined(separator: ", ")))
        }
        // Which way is better for an outcome the register does not say: once, here, with
        // where riskreg takes it from, instead of in every table heading.
        var directions: [String] = []
        for source in ["from-appetite", "from-entries", "by-default"] {
            let outcomes = score.outcomes.compactMap { o -> String? in
                let w = words(o.id, o.unit)
                guard !w.stated, w.inferredFrom == source else { return nil }
                return phrases("report.decision.quality.direction.outcome", ["outcome": iso(o.title), "direction": w.directionNote])
            }
            guard !outcomes.isEmpty else { continue }
            directions.append(phrases("report.decision.quality.direction." + source, ["outcomes": listInWords(outcomes)]))
        }
        return .init(awaitingReview: awaiting, zeroCost: zeroCost, fromBands: bands, coverage: register.perspectives.count > 1 ? coverage : [],
                     isClean: awaiting.isEmpty && zeroCost.isEmpty && bands.isEmpty,
                     inferredDirections: directions.isEmpty ? nil : e(directions.joined(separator: " ")) as String)
    }

    /// Whether perspective `id` estimated at least one entry of the headline figures that
    /// reaches `outcome`; where it estimated none, its figures for that outcome are the pool's.
    func estimatedAny(_ id: String, outcome: String) -> Bool {
        headlineEntries(reaching: outcome).contains { r in r.estimates.contains { $0.perspective == id } }
    }

    /// The entries in the headline figures that reach `outcome`, themselves or by an effect.
    func headlineEntries(reaching outcome: String) -> [Risk] {
        let scored = Set(score.risks.filter(\.inHeadline).map(\.id))
        return register.risks.filter { scored.contains($0.id) && $0.outcomes.contains(outcome) }
    }
}
