import Foundation
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// What the choice between options does not change, said on the decision page's first
    /// screen: the outcomes on which no option differs from the headline's beyond the margin of
    /// error ("The options differ only in money: none changes …"), those that stay outside
    /// appetite whichever is chosen, and those the register leaves unestimated — reached by no
    /// entry, split or response that differs between the options, so the same under every
    /// option by construction. A board read a tie rule where the plain fact was that the choice
    /// does not touch the outcome outside appetite. Nil without options to compare, or when
    /// every outcome differs.
    func optionsEffect() -> String? {
        guard score.portfolios.count > 1, let headlineID = score.run.portfolio,
              let headline = score.portfolios.first(where: { $0.id == headlineID }) else { return nil }
        let rule = OptionRule(builder: self)
        let options = score.portfolios
        let others = options.filter { $0.id != headlineID }
        // An outcome is unchanged when no option's average differs from the headline's and,
        // where it has appetite statements, every option's chance on each of them ties with the
        // best. The chances alone are not enough: every option may be far inside a money limit
        // while their averages differ by a fortune.
        func unchanged(_ o: RegisterScore.OutcomeScore) -> Bool {
            if others.contains(where: { rule.gap($0, headline, on: [o]).differs }) { return false }
            let statements = score.appetite.filter { $0.outcome == o.id }
            return statements.allSatisfy { v in rule.best(of: options, on: [v]).count == options.count }
        }
        let same = score.outcomes.filter(unchanged)
        guard !same.isEmpty else { return nil }
        // An outcome no option reaches is the same under every option because of how the
        // register is built: said as that alone, never also as a finding that the options tie.
        let untouched = same.filter { o in !variableEntries().contains { $0.outcomes.contains(o.id) } }
        let money = score.outcomes.filter { $0.unit == "money" }
        let moneyDiffers = !money.isEmpty && others.contains { rule.gap($0, headline, on: money, withResponseCosts: true).differs }
        let onlyMoney = moneyDiffers && score.outcomes.allSatisfy { o in o.unit == "money" || same.contains { $0.id == o.id } }
        let named = same.filter { o in (!onlyMoney || o.unit != "money") && !untouched.contains { $0.id == o.id } }.map { iso($0.title) }
        var sentences: [String] = []
        if named.isEmpty && untouched.isEmpty { return nil }
        if !named.isEmpty {
            sentences.append(phrases(onlyMoney ? "report.decision.options-effect.only-money" : "report.decision.options-effect.unchanged",
                                     ["outcomes": listInWords(named)]))
        }
        // Outside appetite under every option, and unchanged by the choice.
        let outside = score.appetite.filter { v in
            same.contains { $0.id == v.outcome } && options.allSatisfy { !rule.judged(v, under: $0).within }
        }
        if !outside.isEmpty {
            sentences.append(phrases("report.decision.options-effect.outside", ["statements": listInWords(outside.map { iso(statementLabel($0)) })]))
        }
        if !untouched.isEmpty {
            sentences.append(phrases("report.decision.options-effect.unestimated", ["outcomes": listInWords(untouched.map { iso($0.title) })]))
        }
        return sentences.joined(separator: " ")
    }

    /// When the figures favour one option and the headline assumes another, the levers under
    /// "What would change the verdict" are the headline option's: said at their top, with the
    /// favoured option's chances on the same statements. Nil otherwise.
    func leversNote(items: [RegisterScore.AppetiteVerdict]) -> String? {
        guard !items.isEmpty, let headlineID = score.run.portfolio,
              let headline = score.portfolios.first(where: { $0.id == headlineID }) else { return nil }
        let rule = OptionRule(builder: self)
        let fourth = rule.steps().fourth
        guard fourth.count == 1, let favoured = fourth.first, favoured.id != headlineID else { return nil }
        return phrases("report.decision.levers-note", [
            "headline": iso(headline.title), "favoured": iso(favoured.title),
            "chances": listInWords(items.map { v in
                let j = rule.judged(v, under: favoured)
                return phrases("report.decision.levers-note.item", [
                    "statement": iso(statementLabel(v)), "percent": cellPercent(j.p.value, limit: v.limit),
                    "status": phrases(j.within ? "report.verdict.within" : "report.verdict.outside")])
            })])
    }

    /// The headline table's rows: each statement outside appetite, too close to call, or judged
    /// otherwise (or too close to call) on some perspective's own estimates, with the pooled
    /// verdict and the perspectives that disagree, by verdict. "Outside: A … Depending on whose
    /// estimates: A and B … Too close to call on a perspective's own estimates: C" listed the
    /// same statement twice and mixed verdicts; one row each reads at a glance.
    /// The statements ``headlineRows()`` leaves out, named with their chance and limit, and
    /// why: within appetite on the pooled estimates and on each perspective's own. Nil when it
    /// leaves none out.
    func headlineLeftOut() -> String? {
        let left = score.appetite.filter { !isInHeadlineTable($0) }
        guard !left.isEmpty else { return nil }
        let perspectives = left.contains { !$0.perspectives.isEmpty }
        let statements = left.map { v in
            phrases("report.decision.headline.left-out.item", [
                "statement": iso(statementLabel(v)), "percent": cellPercent(v.probability.value, limit: v.limit), "want": want(v)])
        }.joined(separator: phrases("report.list.separator"))
        // "Each is within appetite" of one statement read oddly: singular and plural apart.
        guard perspectives else { return phrases("report.decision.headline.left-out.pooled", ["statements": statements]) }
        return phrases.plural("report.decision.headline.left-out", count: left.count, ["statements": statements])
    }

    /// Whether the headline table shows the statement: outside appetite or too close to call,
    /// or judged otherwise (or too close to call) on some perspective's own estimates.
    func isInHeadlineTable(_ v: RegisterScore.AppetiteVerdict) -> Bool {
        let own = v.perspectives.filter { estimatedAny($0.id, outcome: v.outcome) }
        return !v.withinAppetite || !v.decisive || own.contains { $0.withinAppetite != v.withinAppetite || (!$0.decisive && v.decisive) }
    }

    func headlineRows() -> [ReportContext.HeadlineRow] {
        // Outside appetite first, then too close to call, then the rest, as the verdicts below.
        func rank(_ v: RegisterScore.AppetiteVerdict) -> Int { !v.withinAppetite && v.decisive ? 0 : !v.decisive ? 1 : 2 }
        let ordered = score.appetite.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        return ordered.compactMap { v in
            let name = { (id: String) in self.iso(self.register.perspectives.first { $0.id == id }?.title ?? id) }
            let estimated = v.perspectives.filter { estimatedAny($0.id, outcome: v.outcome) }
            // A verdict resting mainly on others' figures is not a perspective's own: named apart.
            let own = estimated.filter { !borrowedFigures($0.id, outcome: v.outcome).isMainly }
            let borrowed = estimated.filter { alt in
                borrowedFigures(alt.id, outcome: v.outcome).isMainly && (alt.withinAppetite != v.withinAppetite || (!alt.decisive && v.decisive))
            }
            let otherVerdict = own.filter { $0.withinAppetite != v.withinAppetite }
            let close = own.filter { $0.withinAppetite == v.withinAppetite && !$0.decisive && v.decisive }
            guard isInHeadlineTable(v) else { return nil }
            var parts: [String] = []
            if !otherVerdict.isEmpty {
                parts.append(phrases("report.decision.headline.disagree", [
                    "status": phrases(v.withinAppetite ? "report.status.outside" : "report.status.within"),
                    "perspectives": listInWords(otherVerdict.map { name($0.id) }),
                    "percents": listInWords(otherVerdict.map { cellPercent($0.probability.value, limit: v.limit) })]))
            }
            if !close.isEmpty {
                parts.append(phrases("report.decision.headline.close", [
                    "perspectives": listInWords(close.map { name($0.id) }),
                    "percents": listInWords(close.map { cellPercent($0.probability.value, limit: v.limit) })]))
            }
            parts += borrowed.map { borrowedVerdict($0, of: v, borrowedFigures($0.id, outcome: v.outcome)) }
            let statement = phrases("report.decision.row", ["statement": iso(statementLabel(v)), "chance": chanceWhat(v), "want": want(v)])
            return .init(outcome: e(statement),
                         verdict: decisionCell(within: v.withinAppetite, decisive: v.decisive, probability: v.probability.value, limit: v.limit),
                         disagree: e(parts.isEmpty ? phrases("report.decision.summary.none") : parts.joined(separator: phrases("report.list.separator")).capitalisedFirst))
        }
    }

    /// The entries the options treat differently: in some options and not others, split in
    /// other shares, or with another response chosen.
    func variableEntries() -> [Risk] {
        let defs = register.portfolios
        guard defs.count > 1 else { return [] }
        let sets = defs.map { Set(register.entries(in: $0).map(\.id)) }
        return register.risks.filter { r in
            let inSome = sets.contains { $0.contains(r.id) }, inAll = sets.allSatisfy { $0.contains(r.id) }
            guard inSome else { return false }
            if !inAll { return true }
            let shares = defs.map { d in d.split.first { $0.risk == r.id }?.share }
            let choices = defs.map { $0.responseChoice(for: r.id) }
            return Set(shares.map { $0.map { "\($0)" } ?? "-" }).count > 1 || Set(choices.map { $0 ?? "-" }).count > 1
        }
    }
}
