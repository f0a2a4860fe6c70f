import Foundation
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// The entries in option `optionID`'s score: every entry no option lists (other than
    /// `portfolio` entries), and the option's own. With no option, every entry in the headline
    /// figures.
    func entries(inOption optionID: String?) -> [Risk] {
        guard let optionID, let option = register.portfolios.first(where: { $0.id == optionID }) else {
            let headline = Set(score.risks.filter(\.inHeadline).map(\.id))
            return register.risks.filter { headline.contains($0.id) }
        }
        return register.entries(in: option)
    }

    /// What the responses of option `optionID`'s entries cost over the horizon: each entry's own
    /// response, or the one the option chooses for it. A split entry's response counts at its
    /// full cost, as the register states it.
    func responseCost(inOption optionID: String?) -> Double {
        let option = optionID.flatMap { id in register.portfolios.first { $0.id == id } }
        return entries(inOption: optionID).reduce(0) { sum, risk in
            let chosen = option?.responseChoice(for: risk.id).flatMap { risk.response(named: $0) }
            return sum + ((chosen ?? risk.response)?.cost ?? 0)
        }
    }

    /// The money outcomes, in register order.
    var moneyOutcomes: [RegisterScore.OutcomeScore] { score.outcomes.filter { $0.unit == "money" } }

    /// Money on average under each option (or the headline alone, without options), in the
    /// report's three money figures, defined here once and named wherever an option's money
    /// appears: **against appetite**, what the money outcomes hold — the entries after responses
    /// with the option's own cost — and what the appetite statements judge; the **responses'
    /// cost**, on no outcome; and **all told**, the two together, what the rule compares options
    /// on. The entries and the own cost are shown apart as well, so a reader sees why an option
    /// that costs €54,000 all told has a 1% chance of exceeding a €50,000 limit. Nil when the
    /// register has no money outcome.
    func moneyTotals() -> ReportContext.MoneyTotals? {
        guard let first = moneyOutcomes.first else { return nil }
        let w = words(first.id, first.unit)
        let headlineOutcome = moneyOutcomes.reduce(0) { $0 + $1.residual.mean.value }
        var rows: [ReportContext.MoneyRow] = []
        // Each row as printed adds up: the own and responses' costs exact, the entries and all
        // told worked out from the printed figures (``MoneyParts/printed``).
        func row(_ title: String, _ exact: MoneyParts, isHeadline: Bool) -> ReportContext.MoneyRow {
            let parts = exact.printed
            return .init(option: e(title), outcome: e(w.exactOutcomePhrase(parts.outcome)), own: e(parts.own.map(w.exactSize) ?? phrases("report.money.no-own-cost")),
                         appetite: e(w.exactOutcomePhrase(parts.againstAppetite)), responses: e(w.exactSize(parts.responses)),
                         total: e(w.exactOutcomePhrase(parts.allTold)), isHeadline: isHeadline)
        }
        if score.portfolios.isEmpty {
            let parts = MoneyParts(againstAppetite: headlineOutcome, responses: responseCost(inOption: nil), own: nil)
            rows.append(row(phrases("report.money.headline-row"), parts, isHeadline: true))
        } else {
            for p in score.portfolios {
                rows.append(row(optionLabel(p.id, title: p.title), moneyParts(p), isHeadline: p.id == score.run.portfolio))
            }
        }
        let titles = listInWords(moneyOutcomes.map { iso($0.title) })
        let moneyStatements = score.appetite.filter { v in moneyOutcomes.contains { $0.id == v.outcome } }
        // The three figures, defined once: what the appetite judges (and, with statements on
        // money, the headline option's figure it judges), the responses' cost, and all told.
        var note = phrases("report.money.defined.appetite", ["outcomes": titles])
        if moneyStatements.isEmpty {
            note += " " + phrases("report.money.appetite.none", ["outcomes": titles])
        } else if let id = score.run.portfolio, let p = score.portfolios.first(where: { $0.id == id }) {
            note += " " + phrases("report.money.appetite.judges.option", [
                "outcomes": titles, "option": iso(p.title), "tested": w.outcomePhrase(moneyParts(p).againstAppetite)])
        } else {
            note += " " + phrases("report.money.appetite.judges", ["outcomes": titles])
        }
        // Why an option's own cost is in the figure against appetite and a response's cost is
        // not: the register counts the one in a money outcome and pays the other from the budget
        // it names for responses. "Paid from the running budget, so not in the budget figure"
        // beside "the option's own cost, counted in the budget" read as two rules for one kind
        // of planned spend.
        let owners = score.portfolios.compactMap { p in p.cost.flatMap { _ in moneyOutcomes.first { $0.id == p.costOutcome } } }
        let ownIn = moneyOutcomes.filter { o in owners.contains { $0.id == o.id } }
        if let budget = register.metadata.responseBudget {
            note += " " + phrases("report.money.defined.responses.paid-from", ["budget": iso(budget)])
            if !ownIn.isEmpty { note += " " + phrases("report.money.defined.own-cost", ["outcomes": listInWords(ownIn.map { iso($0.title) })]) }
            note += " " + phrases("report.money.defined.planned-spend")
        } else {
            note += " " + phrases("report.money.defined.responses")
        }
        note += " " + phrases("report.money.defined.all-told")
        // A saving quoted from this table reads as expected; it is the ceiling, where people
        // may decline the option (adult social care's "all 12 move").
        if score.portfolios.count > 1 { note += " " + phrases("report.money.take-up") }
        note += " " + phrases("report.money.rounding")
        return .init(caption: e(phrases("report.money.caption", ["outcomes": titles, "horizon": horizonPhrase])),
                     rows: rows, note: e(note))
    }

    /// An option's money all told, in the outcome's words, for a sentence that names the
    /// figure: "a loss of €54,000". The one figure the favouring sentence, the options set
    /// aside and the money table's last column show, from the same exact sum, so it reads the
    /// same in each.
    func allTold(_ p: RegisterScore.PortfolioScore, _ w: OutcomeWords) -> String {
        w.exactOutcomePhrase(moneyParts(p).printed.allTold)
    }

    /// How much less option `a` costs all told than option `b`, worked out from the two figures
    /// as the money table prints them, so that a sentence's "£56,600 less" is the difference a
    /// reader gets from the table's "£105,300" and "£48,700". Without sign: the sentence says
    /// which way.
    func allToldDifference(_ a: RegisterScore.PortfolioScore, _ b: RegisterScore.PortfolioScore, _ w: OutcomeWords) -> String {
        w.exactSize(abs(moneyParts(a).printed.allTold - moneyParts(b).printed.allTold))
    }

    /// Option `p`'s money on average: its figure against appetite (the money outcomes, which
    /// hold its own cost), what its responses cost, and its own cost where it counts in a money
    /// outcome.
    func moneyParts(_ p: RegisterScore.PortfolioScore) -> MoneyParts {
        let own = moneyOutcomes.contains { $0.id == p.costOutcome } ? p.cost : nil
        // Both the headline's figures and the comparison's hold the option's own cost; the
        // headline option's are the headline's own, so they match the drivers and the outcome
        // sections.
        let withCost = p.id == score.run.portfolio
            ? moneyOutcomes.reduce(0) { $0 + $1.residual.mean.value }
            : moneyOutcomes.reduce(0) { sum, o in sum + (p.outcomes.first { $0.outcome == o.id }?.mean.residual.value ?? 0) }
        return MoneyParts(againstAppetite: withCost, responses: responseCost(inOption: p.id), own: own)
    }

    /// An option's title, with "(current)" or "(proposed)" where the register marks it so.
    func optionLabel(_ id: String, title: String) -> String {
        guard let def = register.portfolios.first(where: { $0.id == id }) else { return title }
        // A title that already says so ("Residential care (current)") is not marked twice.
        let says = { (key: String) in title.localizedCaseInsensitiveContains(phrases(key, ["title": ""]).trimmingCharacters(in: .whitespaces)) }
        switch (def.isCurrent && !says("report.option.current"), def.isProposed && !says("report.option.proposed")) {
        case (true, true): return phrases("report.option.current-and-proposed", ["title": iso(title)])
        case (true, false): return phrases("report.option.current", ["title": iso(title)])
        case (false, true): return phrases("report.option.proposed", ["title": iso(title)])
        case (false, false): return title
        }
    }
}

/// An option's money on average: the parts a board can add up, and the report's three money
/// figures made of them. Exact sums: every figure is rounded once, where it is written
/// (``FigureFormat/money(_:)``), so the same figure reads the same wherever it repeats.
struct MoneyParts {
    /// Against appetite: what the money outcomes hold and the appetite statements judge, the
    /// entries after responses with the option's own cost, as a loss.
    var againstAppetite: Double
    var responses: Double
    var own: Double?

    /// What the entries come to after responses, without the option's own cost.
    var outcome: Double { againstAppetite - (own ?? 0) }

    /// Every cost counted: against appetite, and the responses' cost, which is on no outcome.
    var allTold: Double { againstAppetite + responses }

    /// The parts as a page prints them, so that every sum a reader checks by hand adds up
    /// (docs/results.md, "Money in one rounding"): the figure against appetite, an average the
    /// simulation estimates, rounded once to money's three significant digits; the option's own
    /// cost and the responses' cost, exact sums of costs the register writes, kept exact
    /// ("£105,500", never "£106,000"); and the entries (against appetite less the own cost) and
    /// all told (against appetite and the responses' cost) worked out from those printed figures.
    var printed: MoneyParts {
        MoneyParts(againstAppetite: FigureFormat.money(againstAppetite), responses: responses.rounded(), own: own?.rounded())
    }
}

extension ReportContext {
    /// Money on average under each option, in the report's three money figures and the parts
    /// they are made of.
    public struct MoneyTotals: Sendable {
        public var caption: String
        public var rows: [MoneyRow]
        /// The three money figures, defined once: against appetite (and the headline option's
        /// figure the appetite judges), the responses' cost, and all told.
        public var note: String
    }

    public struct MoneyRow: Sendable {
        public var option: String
        /// What the entries come to after responses, without the option's own cost, in the
        /// outcome's words.
        public var outcome: String
        /// The option's own cost, or a word for none.
        public var own: String
        /// Against appetite: the entries after responses with the option's own cost, what the
        /// money outcomes hold and the appetite statements judge, in the outcome's words.
        public var appetite: String
        /// What the responses cost, on no outcome.
        public var responses: String
        /// All told: against appetite and the responses' cost, in the outcome's words.
        public var total: String
        public var isHeadline: Bool
    }
}
