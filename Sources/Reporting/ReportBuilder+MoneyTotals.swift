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

    /// Money on average under each option (or the headline alone, without options): what the
    /// entries come to after responses, what the responses cost, the option's own cost, and the
    /// three added up — the one figure to minute; the appetite statements on money test the
    /// total less the responses' cost. Nil when the register has no money outcome.
    func moneyTotals() -> ReportContext.MoneyTotals? {
        guard let first = moneyOutcomes.first else { return nil }
        let w = words(first.id, first.unit)
        let step = moneyStep
        let money = { (v: Double) in w.steppedSize(v, step: step) }
        let headlineOutcome = moneyOutcomes.reduce(0) { $0 + $1.residual.mean.value }
        var rows: [ReportContext.MoneyRow] = []
        func row(_ title: String, _ parts: MoneyParts, isHeadline: Bool) -> ReportContext.MoneyRow {
            .init(option: e(title), outcome: e(w.steppedOutcome(parts.outcome, step: step)), responses: e(money(parts.responses)),
                  own: e(parts.own.map(money) ?? phrases("report.money.no-own-cost")),
                  total: e(w.totalPhrase(parts, step: step)), isHeadline: isHeadline)
        }
        if score.portfolios.isEmpty {
            let parts = MoneyParts(outcome: headlineOutcome, responses: responseCost(inOption: nil), own: nil)
            rows.append(row(phrases("report.money.headline-row"), parts, isHeadline: true))
        } else {
            for p in score.portfolios {
                rows.append(row(optionLabel(p.id, title: p.title), moneyParts(p), isHeadline: p.id == score.run.portfolio))
            }
        }
        let titles = listInWords(moneyOutcomes.map { iso($0.title) })
        let moneyStatements = score.appetite.filter { v in moneyOutcomes.contains { $0.id == v.outcome } }
        // One figure to minute, the total; and in one sentence how the figure the appetite
        // statements test relates to it: the total less what the responses cost (an option's
        // own cost is in its money outcome, headline included).
        var note = phrases("report.money.minute")
        if moneyStatements.isEmpty {
            note += " " + phrases("report.money.appetite.none", ["outcomes": titles])
        } else {
            let headlineParts: MoneyParts
            var option = ""
            if let id = score.run.portfolio, let p = score.portfolios.first(where: { $0.id == id }) {
                headlineParts = moneyParts(p)
                option = iso(p.title)
            } else {
                headlineParts = MoneyParts(outcome: headlineOutcome, responses: responseCost(inOption: nil), own: nil)
            }
            let tested = w.totalPhrase(MoneyParts(outcome: headlineParts.outcome, responses: 0, own: headlineParts.own), step: step)
            note += " " + phrases(option.isEmpty ? "report.money.appetite.tested" : "report.money.appetite.tested.option",
                                  ["outcomes": titles, "option": option, "tested": tested])
        }
        return .init(caption: e(phrases("report.money.caption", ["outcomes": titles, "horizon": horizonPhrase])),
                     rows: rows, note: e(note))
    }

    /// The one rounding step of every money figure on the decision page that is added up: the
    /// money table's, and the favoured-option sentence's.
    var moneyStep: Double {
        let parts = score.portfolios.isEmpty
            ? [MoneyParts(outcome: moneyOutcomes.reduce(0) { $0 + $1.residual.mean.value }, responses: responseCost(inOption: nil), own: nil)]
            : score.portfolios.map(moneyParts)
        return MoneyParts.step(for: parts.flatMap(\.figures))
    }

    /// Option `p`'s money on average: what its entries come to after responses (without its
    /// own cost, which the comparison's figures hold and which is taken out here), what its
    /// responses cost, and its own cost where it counts in a money outcome.
    func moneyParts(_ p: RegisterScore.PortfolioScore) -> MoneyParts {
        let own = moneyOutcomes.contains { $0.id == p.costOutcome } ? p.cost : nil
        // Both the headline's figures and the comparison's hold the option's own cost (taken
        // out here); the headline option's are the headline's own, so they match the drivers
        // and the outcome sections.
        let withCost = p.id == score.run.portfolio
            ? moneyOutcomes.reduce(0) { $0 + $1.residual.mean.value }
            : moneyOutcomes.reduce(0) { sum, o in sum + (p.outcomes.first { $0.outcome == o.id }?.mean.residual.value ?? 0) }
        let outcome = withCost - (own ?? 0)
        return MoneyParts(outcome: outcome, responses: responseCost(inOption: p.id), own: own)
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

/// An option's money on average, in the three parts a board can add up.
struct MoneyParts {
    /// What the entries come to after responses, as a loss.
    var outcome: Double
    var responses: Double
    var own: Double?

    /// One rounding step for a set of money figures that are added up: four significant digits
    /// of the largest, so every figure is rounded alike and the totals add up as shown.
    static func step(for figures: [Double]) -> Double {
        let largest = figures.map(abs).filter(\.isFinite).max() ?? 0
        guard largest >= 1 else { return 1 }
        return max(1, pow(10, floor(log10(largest)) - 3))
    }

    static func round(_ value: Double, step: Double) -> Double { (value / step).rounded() * step }

    var figures: [Double] { [outcome, responses, own ?? 0, outcome + responses + (own ?? 0)] }
}

extension OutcomeWords {
    /// A money figure as a loss or saving, rounded to `step` (not to significant digits), so
    /// figures that are added up are rounded alike: "a loss of £28,200".
    func steppedOutcome(_ loss: Double, step: Double) -> String {
        let v = MoneyParts.round(isGain ? -loss : loss, step: step)
        if v == 0 { return phrases("report.outcome.no-change") }
        return phrases("report.outcome.\(isGain ? "gain" : "money").\(v > 0 ? "more" : "less")", ["amount": steppedSize(abs(v), step: step)])
    }

    /// An amount rounded to `step`: "£30,200".
    func steppedSize(_ value: Double, step: Double) -> String {
        Self.quantity(MoneyParts.round(value, step: step), unit: unit, currency: currency, phrases: phrases)
    }

    /// The sum of `parts` as each is shown — rounded one by one to `step`, then added — so the
    /// total in a table is the sum a reader gets from its columns: "a loss of £106,400".
    func totalPhrase(_ parts: MoneyParts, step: Double) -> String {
        steppedOutcome([parts.outcome, parts.responses, parts.own ?? 0].map { MoneyParts.round($0, step: step) }.reduce(0, +), step: step)
    }
}

extension ReportContext {
    /// Money on average under each option, in four figures a board can add up.
    public struct MoneyTotals: Sendable {
        public var caption: String
        public var rows: [MoneyRow]
        /// Which figure to minute (the total), and how the figure the appetite statements test
        /// relates to it.
        public var note: String
    }

    public struct MoneyRow: Sendable {
        public var option: String
        /// What the entries come to after responses, in the outcome's words.
        public var outcome: String
        /// What the responses cost.
        public var responses: String
        /// The option's own cost, or a dash.
        public var own: String
        /// The three together, in the outcome's words.
        public var total: String
        public var isHeadline: Bool
    }
}
