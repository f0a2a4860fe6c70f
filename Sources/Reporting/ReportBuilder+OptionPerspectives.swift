import Foundation
import RegisterModel
import Scoring
import TextLayer

extension ReportContext {
    /// The statements the favoured-option rule weighs, under each option on the pooled
    /// estimates and on each perspective's own, and whether the favoured option stays best on
    /// every perspective's chances.
    public struct OptionsByPerspective: Sendable {
        public var caption: String
        /// Column headings: each option, marked "(current)" or "(proposed)" where the register
        /// says so.
        public var titles: [String]
        /// Per statement, a heading row (``DecisionVerdict/cells`` empty), then the pooled row
        /// and one row per perspective that estimated an entry on its outcome.
        public var rows: [DecisionVerdict]
        /// Whether the option the figures favour stays among the best on each perspective's
        /// chances, or which perspective's would favour another: a short lead, then
        /// ``noteItems``.
        public var note: String?
        /// One item per perspective on whose estimates the rule ends elsewhere, each in short
        /// sentences that follow the rule's steps in order; empty when it ends on the favoured
        /// option on every perspective's estimates.
        public var noteItems: [String] = []
        /// Columns of the table, for the heading rows that span it.
        public var colspan: Int
    }
}

extension ReportBuilder {
    /// The statements on which the options' verdicts differ, or that are outside appetite or too
    /// close to call under some option (pooled or on a perspective's estimates), under each
    /// option on every perspective's estimates; nil when the score has no such figures.
    func optionsByPerspective() -> ReportContext.OptionsByPerspective? {
        guard score.portfolios.count > 1, score.run.portfolio != nil,
              score.appetite.contains(where: { $0.optionsByPerspective != nil }) else { return nil }
        let options = score.portfolios
        let pooled = OptionRule(builder: self)
        let views = register.perspectives.map { OptionRule(builder: self, perspective: $0.id) }
        // A statement the options' verdicts differ on, or one at issue under some option: the
        // ones the rule's first two steps weigh, on some perspective's chances if not the pool's.
        // A statement whose chance reads the same under every option on every view cannot part
        // them, whatever its verdict: left out.
        func weighed(_ v: RegisterScore.AppetiteVerdict) -> Bool {
            let differs = ([pooled] + views).contains { rule in Set(options.map { cellPercent(rule.judged(v, under: $0).p.value) }).count > 1 }
            return differs && ([pooled] + views).contains { rule in
                options.contains { rule.isAtIssue(v, under: $0) }
                    || Set(options.map { rule.judged(v, under: $0).within }).count > 1
            }
        }
        let statements = score.appetite.filter(weighed)
        guard !statements.isEmpty else { return nil }
        var rows: [ReportContext.DecisionVerdict] = []
        for v in statements {
            rows.append(.init(outcome: e(phrases("report.decision.row", ["statement": iso(statementLabel(v)), "chance": chanceWhat(v), "want": want(v)])),
                              cells: []))
            func row(_ label: String, _ rule: OptionRule) -> ReportContext.DecisionVerdict {
                .init(outcome: e(label), cells: options.map { p in
                    let j = rule.judged(v, under: p)
                    return decisionCell(within: j.within, decisive: j.decisive, probability: j.p.value, limit: v.limit,
                                        percent: optionPercent(v, under: p.id, j.p.value))
                })
            }
            rows.append(row(phrases("report.options.perspectives.pooled"), pooled))
            for (p, rule) in zip(register.perspectives, views) where estimatedAnyEntry(p.id, outcome: v.outcome) {
                rows.append(row(p.title, rule))
            }
        }
        // The statements not shown, each with the reason, so a table of 2 where the register
        // has 4 does not read as statements lost.
        var caption = phrases("report.options.perspectives.caption")
        let left = score.appetite.filter { v in !statements.contains { $0.outcome == v.outcome && $0.kind == v.kind && $0.threshold == v.threshold && $0.limit == v.limit } }
        // Grouped by reason, one sentence each: a reason repeated after every statement made a
        // sentence of 89 words on Ward 7's page.
        if !left.isEmpty {
            let same = left.filter { v in !([pooled] + views).contains { rule in Set(options.map { cellPercent(rule.judged(v, under: $0).p.value) }).count > 1 } }
            let within = left.filter { v in !same.contains { $0.outcome == v.outcome && $0.kind == v.kind && $0.threshold == v.threshold && $0.limit == v.limit } }
            for (key, group) in [("report.options.perspectives.left-out.within", within), ("report.options.perspectives.left-out.same", same)] where !group.isEmpty {
                caption += " " + phrases(key, ["statements": listInWords(group.map { iso(statementLabel($0)) })])
            }
        }
        let note = optionPerspectivesNote(views: views)
        return .init(caption: e(caption),
                     titles: options.map { e(optionLabel($0.id, title: $0.title)) as String }, rows: rows,
                     note: note.map { e($0.lead) as String }, noteItems: note?.items.map { e($0) as String } ?? [], colspan: options.count + 1)
    }

    /// Whether perspective `id` estimated any entry of the register that reaches `outcome`,
    /// whichever option holds it.
    func estimatedAnyEntry(_ id: String, outcome: String) -> Bool {
        register.risks.contains { r in r.outcomes.contains(outcome) && r.estimates.contains { $0.perspective == id } }
    }

    /// The rule carried through all its steps on each perspective's own chances (the money of
    /// the third step is the pool's: the perspectives estimate chances, and the comparison's
    /// averages are the pooled ones): whether the option the figures favour stays the one the
    /// rule ends on, or, for each perspective on whose estimates it does not, where the rule
    /// parts from it and which option it would favour instead. A check that stopped at the
    /// chances missed a perspective on whose figures every option passes and the choice comes
    /// down to cost. A lead, then one item per perspective on whose estimates the rule ends
    /// elsewhere: one 170-word sentence traced the carers' steps in a single breath.
    func optionPerspectivesNote(views: [OptionRule]) -> (lead: String, items: [String])? {
        let pooledRule = OptionRule(builder: self)
        let pooled = pooledRule.steps()
        guard pooled.fourth.count == 1 else { return nil }
        let favoured = pooled.fourth[0]
        let quoted = { (p: RegisterScore.PortfolioScore) in self.phrases("report.decision.option.quoted", ["title": self.iso(p.title)]) }
        // A perspective that gave no estimate for half or more of the entries that set the
        // options apart has the pool's figures for them: where the rule ends on its estimates is
        // largely the pool's answer, not its own, so it is said, and never counted as agreement.
        // (Ward 7's carers, who estimated 3 of 13 entries, were shown preferring the sensors.)
        let outcomes = Set(score.appetite.map(\.outcome))
        func borrowedNote(_ p: Perspective) -> String? {
            guard optionResultIsBorrowed(p.id, outcomes: outcomes) else { return nil }
            let (all, borrowed) = borrowedOptionEntries(p.id, outcomes: outcomes)
            return phrases.plural("report.options.perspectives.borrowed", count: borrowed.count, [
                "perspective": iso(p.title), "entries": listInWords(borrowed.map { entryID($0.id) }),
                "count": String(borrowed.count), "total": String(all.count)])
        }
        var others: [String] = []
        var agreeing: [String] = [], borrowedAgreeing: [String] = []
        for (p, rule) in zip(register.perspectives, views) {
            let steps = rule.steps()
            if steps.fourth.contains(where: { $0.id == favoured.id }) {
                if let note = borrowedNote(p) { borrowedAgreeing.append(note) } else { agreeing.append(iso(p.title)) }
                continue
            }
            defer { if let note = borrowedNote(p), !others.isEmpty { others[others.count - 1] += " " + note } }
            if !steps.second.contains(where: { $0.id == favoured.id }), let instead = steps.second.first {
                // Parted on the chances: the statements that part them are those at issue, or
                // those one is outside on and the other not.
                let deciding = score.appetite.filter { v in
                    let (a, b) = (rule.judged(v, under: instead), rule.judged(v, under: favoured))
                    guard cellPercent(a.p.value) != cellPercent(b.p.value) else { return false }
                    return steps.atIssue.contains { $0.outcome == v.outcome && $0.threshold == v.threshold && $0.kind == v.kind } || a.within != b.within
                }
                if !steps.first.contains(where: { $0.id == favoured.id }) {
                    others.append(firstStepParts(favoured, steps: steps, rule: rule, perspective: p.title, quoted: quoted))
                    continue
                }
                var item = phrases("report.options.perspectives.other.item", [
                    "perspective": iso(p.title), "options": listInWords(steps.second.map(quoted)),
                    "chances": rule.chances(instead, on: deciding), "favouredChances": rule.chances(favoured, on: deciding),
                    "favoured": quoted(favoured)])
                item += phrases("report.options.perspectives.other.step2")
                // Several kept on the chances: the rest of the steps pick among them.
                if steps.second.count > 1, steps.fourth.count == 1 {
                    item += phrases("report.options.perspectives.other.then", ["option": quoted(steps.fourth[0])])
                }
                others.append(item)
            } else if !steps.third.contains(where: { $0.id == favoured.id }), let w = rule.moneyWords {
                // Kept on the chances but dearer: the choice comes down to cost on these figures.
                let cheapest = steps.third.min { rule.moneyLoss($0) < rule.moneyLoss($1) }!
                let allWithin = steps.fewest == 0 && steps.atIssue.isEmpty
                let key = allWithin ? "report.options.perspectives.other.cost.within"
                    : steps.second.count == score.portfolios.count ? "report.options.perspectives.other.cost.tied-all" : "report.options.perspectives.other.cost.tied"
                others.append(phrases(key, [
                    "perspective": iso(p.title), "options": listInWords(steps.second.map(quoted)),
                    "option": steps.third.count == 1 ? quoted(cheapest) : listInWords(steps.third.map(quoted)),
                    "money": allToldDifference(favoured, cheapest, w), "favoured": quoted(favoured)]))
            } else {
                // Tied on chances and cost: one does better somewhere and worse nowhere.
                let kept = steps.fourth.count == 1 ? steps.fourth[0] : steps.third[0]
                others.append(phrases("report.options.perspectives.other.dominates", [
                    "perspective": iso(p.title), "option": listInWords(steps.fourth.map(quoted)),
                    "better": rule.betterThan(kept, favoured, quoted: quoted)]))
            }
        }
        if others.isEmpty {
            guard !borrowedAgreeing.isEmpty, !agreeing.isEmpty else {
                return (phrases("report.options.perspectives.stays", ["favoured": quoted(favoured)]), borrowedAgreeing)
            }
            return (phrases("report.options.perspectives.stays.own", ["favoured": quoted(favoured), "perspectives": listInWords(agreeing)]),
                    borrowedAgreeing)
        }
        return (phrases("report.options.perspectives.other", ["favoured": quoted(favoured)]), others + borrowedAgreeing)
    }

    /// Where the rule's first step sets the favoured option aside on a perspective's estimates:
    /// how many of the board's limits each option breaks, the statement that makes the
    /// difference with its chance and limit ("Bed days (58%; want ≥ 60%)"), what the second step
    /// keeps of the rest, and, where the option kept is worse on a statement than the one set
    /// aside, that the rule prefers fewer limits broken all the same ("11% against 10%"). "The
    /// first two steps would keep …" followed by "what decides it is the first step" said the
    /// steps in the wrong order and never said that fewer limits broken wins.
    func firstStepParts(_ favoured: RegisterScore.PortfolioScore, steps: OptionRule.Steps, rule: OptionRule, perspective: String,
                        quoted: (RegisterScore.PortfolioScore) -> String) -> String {
        let kept = steps.fourth.count == 1 ? steps.fourth[0] : steps.second[0]
        let extra = rule.statements.filter { v in !rule.judged(v, under: favoured).within && rule.judged(v, under: kept).within }
        var text = phrases("report.options.perspectives.other.first-step", [
            "perspective": iso(perspective), "favoured": quoted(favoured), "favouredCount": String(rule.outside(favoured)),
            "count": String(steps.fewest), "first": listInWords(steps.first.map(quoted)),
            "extra": listInWords(extra.map { v in
                phrases("report.options.breach", ["statement": iso(statementLabel(v)), "percent": cellPercent(rule.judged(v, under: favoured).p.value, limit: v.limit),
                                                  "want": want(v)])
            })])
        if steps.second.count < steps.first.count {
            text += phrases("report.options.perspectives.other.first-step.second", ["options": listInWords(steps.second.map(quoted))])
        }
        if steps.second.count > 1, steps.fourth.count == 1 {
            text += phrases("report.options.perspectives.other.then", ["option": quoted(steps.fourth[0])])
        }
        // The statements on which the option kept has the worse chance: a higher chance of
        // exceeding, or a lower chance of the gain the board asks for.
        let worse = rule.statements.compactMap { v -> String? in
            let (a, b) = (rule.judged(v, under: kept).p.value, rule.judged(v, under: favoured).p.value)
            guard cellPercent(a, limit: v.limit) != cellPercent(b, limit: v.limit), v.kind == .netBenefitAbove ? a < b : a > b else { return nil }
            return phrases("report.options.perspectives.other.worse-item", [
                "statement": iso(statementLabel(v)), "percent": cellPercent(a, limit: v.limit), "favouredPercent": cellPercent(b, limit: v.limit)])
        }
        if !worse.isEmpty {
            text += phrases("report.options.perspectives.other.first-step.prefers", [
                "option": quoted(kept), "count": String(steps.fewest), "favoured": quoted(favoured),
                "favouredCount": String(rule.outside(favoured)), "worse": listInWords(worse)])
        }
        return text
    }
}
