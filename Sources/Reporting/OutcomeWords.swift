import Foundation
import Distributions
import RegisterModel
import TextLayer

/// One outcome's figures as a person reads them: in the outcome's direction (a loss where less
/// is better, a gain where more is better), with its unit in one style, rounded to the
/// significant digits the estimates support.
///
/// The engine counts every outcome as a loss, harm − benefit. For a gain-like outcome every
/// figure is turned round here, once — the gain is −loss and its bad tail is the loss's upper
/// tail — so no sentence, heading or axis shows a "negative loss" or "a benefit … or worse".
struct OutcomeWords: Sendable {
    let direction: Outcome.Direction
    /// Whether the register states the direction; otherwise it was inferred.
    let stated: Bool
    /// `money` or the unit word.
    let unit: String
    let currency: String?
    let phrases: Phrasebook
    /// Set when every amount that adds into the outcome is a whole number (a count of
    /// incidents, each a fixed 1): its figures are whole and its chart ticks never fall at 2.5.
    let isWholeCount: Bool
    /// Whether some entry scored states a benefit on the outcome (its own outcome or an
    /// effect's), so that its net figure can fall below zero. A loss-like outcome without one can only rise:
    /// a "chance of a net reduction" or "a minus sign is a net reduction" means nothing there.
    /// Residents' pages count only the entries in their figures (``ReportBuilder/words(_:_:)``).
    var hasBenefit: Bool
    /// What the outcome is counted from (`baseline`), in the report's language; nil when it is
    /// counted from nothing.
    let baseline: String?
    /// Set when the register says what any harm to the outcome is (`any-harm`): the outcome
    /// counts people or events harmed, so its figures are a number of them, never a "loss" of
    /// people or an "amount" exceeded.
    let isHeadcount: Bool

    /// Where an inferred direction comes from: the board's appetite for the outcome, its
    /// entries (all taken on for their gain), or the default.
    let inferredFrom: String

    /// The board report's wording of a bad year without a baseline (``badPhrase(_:)``): "a net increase of
    /// 42 days or more" where benefits can make the figure a net reduction and no baseline says
    /// which way it goes, and "none: at least 9 years in 10 see no rise at all" for a P90 of 0.
    var boardWording = false

    /// Residents' wording of one year's figures (a typical year, a 1 in 10 bad year): a count is
    /// a whole number, since every real year has a whole number of incidents or people, and
    /// "a typical year: 0.320 incidents" reads as nonsense. Averages keep their decimals: they
    /// are averages over many possible years, and the page says so.
    var wholeYears = false

    /// Residents' wording of money counted from a budget or plan (`baseline`) where less is
    /// better: what goes above it is money that the budget does not cover ("about £75,000 that
    /// the ward budget does not cover"), and what stays below it is saved against it ("about
    /// £4,000 saved against the 2027 budget"). "£75,000 more than the ward budget" read as an
    /// overspend of the whole budget, and "€4,000 less than the 2027 budget" as a cut.
    var budgetWording = false

    /// Residents' wording of less of something counted: "2 incidents fewer than the police
    /// forecast", never "2 incidents less".
    var countedFewer = false

    /// Whether an entry of an option the figures do not assume lowers the outcome, where none
    /// of the assumed option's entries does: residents' tables then say that it can only rise
    /// under the assumed option, not that it can only rise, beside an option that saves.
    var lowersUnderOtherOptions = false

    /// A number of incidents, people, hours or points that is not whole, as residents read it:
    /// two significant figures and never more than two decimals ("0.07 patients", "0.11",
    /// "9.9 incidents"). "0.071 patients" beside "0.11" and "0.14" read as known more finely
    /// than the others; an average under 0.01 is "<0.01", never a row of zeros.
    static func residentFigure(_ value: Double) -> String {
        guard value.isFinite else { return FigureFormat.amount(value) }
        let size = abs(FigureFormat.rounded(value, significantDigits: 2))
        if size < 0.01 { return value > 0 ? "<" + FigureFormat.amount(0.01, significantDigits: 1) : FigureFormat.amount(0) }
        guard size < 0.1 else { return FigureFormat.amount(value, significantDigits: 2) }
        // Two decimals, written with as many significant figures as they hold: "0.07", "0.10".
        let r = (value * 100).rounded() / 100
        return FigureFormat.amount(r, significantDigits: max(1, 3 + Int(floor(log10(abs(r))))))
    }

    /// One year's figure as ``wholeYears`` asks: rounded to a whole number for a count, as it is
    /// for money. A whole count (``isWholeCount``) is rounded in every report: each simulated
    /// year has a whole number, and a percentile that falls between two of them ("4.50
    /// incidents") is a year no one could have.
    func yearFigure(_ loss: Double) -> Double {
        guard wholeYears || isWholeCount, unit != "money", loss.isFinite else { return loss }
        let whole = loss.rounded()
        return whole == 0 ? 0 : whole
    }

    /// - Parameter scored: the entries in the figures shown (the headline option's); an entry
    ///   of an option not assumed cannot lower them, so its benefit makes no "chance of a net
    ///   reduction". Nil counts every entry.
    init(register: Register, outcome id: String, unit: String, phrases: Phrasebook, scored: Set<String>? = nil) {
        (direction, stated) = register.direction(of: id)
        let entries = register.risks.filter { $0.outcome == id }
        inferredFrom = register.appetite.contains { $0.outcome == id } ? "from-appetite"
            : !entries.isEmpty && entries.allSatisfy(\.strategy.hasBenefit) ? "from-entries" : "by-default"
        self.unit = unit
        baseline = register.outcome(id)?.baseline
        isHeadcount = register.outcome(id)?.anyHarm != nil
        currency = register.metadata.currency
        self.phrases = phrases
        isWholeCount = unit != "money" && Self.addsOnlyWholeNumbers(register, id)
        hasBenefit = register.risks.contains { risk in
            (scored?.contains(risk.id) ?? true) && risk.estimates.contains { e in
                (risk.outcome == id && e.benefit != nil) || e.effects.contains { $0.outcome == id && $0.benefit != nil }
            }
        }
    }

    /// Whether a chance of coming out ahead means anything here: on a gain, or on a loss with
    /// benefits on it. On a pure cost or a count that only rises it is always 0%.
    var hasNetChance: Bool { isGain || hasBenefit }

    /// Whether every entry on the outcome adds whole numbers only: whole fixed or discrete
    /// impacts, no benefit, and no response that scales the impact down.
    static func addsOnlyWholeNumbers(_ register: Register, _ id: String) -> Bool {
        func whole(_ d: Distribution) -> Bool {
            switch d.parameters {
            case .fixed(let v): return v == v.rounded()
            case .choice(let values, _): return values.allSatisfy { $0 == $0.rounded() }
            default: return false
            }
        }
        var any = false
        for risk in register.risks where risk.outcomes.contains(id) {
            any = true
            if let response = risk.response, response.impactReduction > 0 { return false }
            for e in risk.estimates {
                if risk.outcome == id, !whole(e.impact) || e.benefit != nil { return false }
                for f in e.effects where f.outcome == id && (!whole(f.impact) || f.benefit != nil) { return false }
            }
        }
        return any
    }

    var isGain: Bool { direction == .gain }

    /// A loss (harm − benefit) turned to the outcome's direction and rounded: the loss, or the
    /// gain.
    func directed(_ loss: Double) -> Double { FigureFormat.rounded(isGain ? -loss : loss) }

    /// A figure in the outcome's direction with its sign and no unit: `-2.69`, `655`.
    ///
    /// In residents' tables (``wholeYears``) an average of incidents, hours or people has two
    /// significant figures ("0.15 people", "3.7 incidents"): a third ("0.153 people") claims a
    /// precision the estimates do not have. Money keeps the report's money rule.
    func amount(_ loss: Double) -> String {
        let v = directed(loss)
        // Two figures from the figure itself, not from its three-figure rounding: 35.46 days
        // read "36" in a table (35.5, then 36) beside "about 35 days" in the text.
        if wholeYears, unit != "money", v.isFinite, v != v.rounded() { return Self.residentFigure(isGain ? -loss : loss) }
        return FigureFormat.amount(v)
    }

    /// A figure in the outcome's direction with its unit: `£26,500`, `655 hours`.
    func quantity(_ loss: Double) -> String {
        residentQuantity(directed(loss), exact: isGain ? -loss : loss) ?? Self.quantity(directed(loss), unit: unit, currency: currency, phrases: phrases)
    }

    /// An amount that is not a loss or gain (a cost, a swing, a size), with its unit, rounded.
    func size(_ value: Double) -> String {
        residentQuantity(FigureFormat.rounded(value), exact: value) ?? Self.quantity(FigureFormat.rounded(value), unit: unit, currency: currency, phrases: phrases)
    }

    /// A number of incidents, people, hours or points as residents read it (``wholeYears``):
    /// one that is not whole has two significant figures ("0.97 incidents", "9.9 incidents",
    /// "0.17 people"), as in their tables (``amount(_:)``). "0.974 incidents" or "9.88
    /// incidents" claim a precision the estimates do not have, and a tooltip that says "0.165
    /// people" beside a table row that says "0.17" reads as two figures. A whole number stays
    /// as it is ("403 hours"), and money keeps the report's money rule. Nil where this rule
    /// does not apply.
    ///
    /// `value` is the figure rounded to three significant figures, which decides whether it is
    /// whole; `exact` the figure itself, which the two figures are rounded from, so that a
    /// figure is rounded once, as the text rounds it ("about 35 days", "35 days"), never twice.
    private func residentQuantity(_ value: Double, exact: Double) -> String? {
        guard wholeYears, unit != "money", value.isFinite, value != value.rounded() else { return nil }
        let figure = Self.residentFigure(exact)
        if figure == "1" || figure == "-1", let one = phrases.singularUnit(unit) { return figure + " " + one }
        return figure + " " + unit
    }

    /// A group's average as a residents' chart says it beside the group's bar: money counted
    /// from a budget as the page's sentences say it ("€1,330 that the 2027 budget does not
    /// cover"), and other money that can only cost as costs ("costs of €1,330"): "a loss of
    /// €1,330" read as money lost, not spent. A count counted from a baseline is said against
    /// it ("1,8 incidenten méér dan de prognose van de politie"): "1,8 incidenten" alone read as
    /// 1.8 burglaries in all. Gains keep their short form ("a gain of 599 hours"), which a long
    /// baseline would bury.
    func chartAverage(_ loss: Double) -> String {
        if budgetWording || (baseline != nil && !isGain) { return averagePhrase(loss) }
        let v = directed(loss)
        if unit == "money", !isGain, v > 0 { return phrases("community.detail.chart.perspectives.cost", ["amount": size(v)]) }
        return outcomePhrase(loss)
    }

    /// A group's 1 in 10 bad year as ``chartAverage(_:)`` says its average.
    func chartBad(_ lossP90: Double) -> String {
        if budgetWording || (baseline != nil && !isGain) { return badAveragePhrase(lossP90) }
        let v = directed(yearFigure(lossP90))
        if unit == "money", !isGain, v > 0 { return phrases("community.detail.chart.perspectives.cost.bad", ["amount": size(v)]) }
        return badPhrase(lossP90)
    }

    /// The one way an amount with a unit is written in a report: "£1,200", "€50,000", "3,500
    /// CHF", "25 incidents", "1 incident".
    ///
    /// A unit is the register's own word, plural as registers write it ("incidents"). A figure
    /// that reads exactly 1 takes the singular the phrasebook gives for that word
    /// (`unit.one.incidents` is "incident"); "1.00 incidents" and "0.5 incidents" stay plural,
    /// as in English and Dutch. A word the phrasebook does not know stays as the register has it.
    static func quantity(_ value: Double, unit: String, currency: String?, phrases: Phrasebook) -> String {
        guard unit != "money" else { return FigureFormat.quantity(value, unit: unit, currency: currency) }
        let figure = FigureFormat.amount(value)
        if figure == "1" || figure == "-1", let one = phrases.singularUnit(unit) { return figure + " " + one }
        return FigureFormat.quantity(value, unit: unit, currency: currency)
    }

    /// A range with its unit on both ends: "£3,990 to £30,000", "1 to 3 incidents".
    func range(_ from: Double, _ to: Double) -> String {
        // A fixed amount is one figure: "1 incidents", not "1 to 1 incidents".
        if FigureFormat.rounded(from) == FigureFormat.rounded(to) { return size(to) }
        if unit == "money" { return phrases("report.range", ["from": size(from), "to": size(to)]) }
        return phrases("report.range", ["from": FigureFormat.amount(FigureFormat.rounded(from)), "to": size(to)])
    }

    /// The suffix of the exceedance chart's phrases for this outcome: `.gain`, `.count` for a
    /// headcount (``isHeadcount``) that only rises, or none.
    /// Residents' tables (``wholeYears``) say a number of incidents, hours or people in those
    /// words (`.count`, `.gain.count`), never "a loss of incidents" or "each amount of hours".
    var chartFamily: String {
        if countsInWords { return isGain ? ".gain.count" : ".count" }
        return isGain ? ".gain" : isHeadcount && !hasBenefit ? ".count" : ""
    }

    /// Whether figures that are not money are said as numbers rather than losses or amounts:
    /// in residents' tables.
    var countsInWords: Bool { wholeYears && unit != "money" }

    /// The phrase family for this outcome: money lost or saved, a count that rises or falls,
    /// or a gain.
    private var family: String { isGain ? "gain" : unit == "money" ? "money" : "count" }

    /// "a loss of £4,080", "a net saving of £23,100", "2.37 incidents", "a net reduction of
    /// 2.69 incidents", "a gain of 655 hours", "a net loss of 30 hours", "no net change".
    func outcomePhrase(_ loss: Double) -> String {
        let v = directed(loss)
        if v.isNaN { return FigureFormat.notANumber }
        if v == 0 { return phrases("report.outcome.no-change") }
        return phrases("report.outcome.\(family).\(v > 0 ? "more" : "less")", ["amount": size(abs(v))])
    }

    /// Money written exactly (``FigureFormat/exactMoney(_:currency:)``): a cost as the register
    /// writes it, or a sum or difference of printed figures, "£105,500".
    func exactSize(_ value: Double) -> String {
        FigureFormat.exactMoney(value, currency: currency)
    }

    /// ``outcomePhrase(_:)`` with the amount written exactly: "a net saving of £78,500", the sum
    /// of a table row's printed figures.
    func exactOutcomePhrase(_ loss: Double) -> String {
        let v = isGain ? -loss : loss
        if v.isNaN { return FigureFormat.notANumber }
        if v.rounded() == 0 { return phrases("report.outcome.no-change") }
        return phrases("report.outcome.\(family).\(v > 0 ? "more" : "less")", ["amount": exactSize(abs(v))])
    }

    /// ``outcomePhrase(_:)`` for a table that sets a count's rise beside its net reduction: "a
    /// rise of 3.74 incidents" next to "a net reduction of 1.95 incidents", where a bare "3.74
    /// incidents" left the reader to guess which way it went. A count that can only rise from
    /// nothing (with no benefit and no baseline: people harmed) keeps its bare number.
    func directedPhrase(_ loss: Double) -> String {
        let v = directed(loss)
        guard family == "count", v > 0, hasBenefit || baseline != nil else { return outcomePhrase(loss) }
        return phrases("report.portfolio.count.rise", ["amount": size(v)])
    }

    /// An average against the outcome's baseline: "5.64 incidents more than the police
    /// forecast", "25 hours less than the 2027 plan"; ``outcomePhrase(_:)`` without one.
    func averagePhrase(_ loss: Double) -> String {
        guard let baseline else { return outcomePhrase(loss) }
        let v = directed(loss)
        if v.isNaN { return FigureFormat.notANumber }
        if v == 0 { return phrases("report.outcome.baseline.same", ["baseline": baseline]) }
        if budgetWording { return phrases(v > 0 ? "community.money.baseline.more" : "community.money.baseline.less", ["amount": size(abs(v)), "baseline": baseline]) }
        if v < 0, countedFewer { return phrases("community.outcome.baseline.fewer", ["amount": size(abs(v)), "baseline": baseline]) }
        return phrases("report.outcome.baseline.\(v > 0 ? "more" : "less")", ["amount": size(abs(v)), "baseline": baseline])
    }

    /// A bad horizon against the outcome's baseline: "29.3 incidents or more above the police
    /// forecast", "only 25 hours or less above the plan"; ``badPhrase(_:)`` without one.
    func badAveragePhrase(_ lossP90: Double) -> String {
        guard let baseline else { return badPhrase(lossP90) }
        let v = directed(yearFigure(lossP90))
        if v.isNaN { return FigureFormat.notANumber }
        // The bad side of a loss is more of it, of a gain less: "or more" on the bad side,
        // "only … or less" on the good one.
        let tail = (v > 0) != isGain ? "or-more" : "or-less"
        if v == 0 { return phrases("report.outcome.bad.baseline.same." + tail, ["baseline": baseline]) }
        if budgetWording { return phrases(v > 0 ? "community.money.bad.above" : "community.money.bad.below", ["amount": size(abs(v)), "baseline": baseline]) }
        return phrases("report.outcome.bad.baseline.\(v > 0 ? "above" : "below").\(tail)", ["amount": size(abs(v)), "baseline": baseline])
    }

    /// The 1 in 10 bad year with the planned actions and without them, as residents' prose
    /// gives them wherever it gives them (the outcome's summary and the sentence under its
    /// chart): the figures of the table beside it, as that table writes them.
    ///
    /// A bad year in words carries no "about", so nothing tells a reader it is rounded: rounded
    /// to two figures as an average is, it read as another figure than the table's. "31 hours or
    /// more below … against 130 hours or more below" stood above a table of -31 and -129, and
    /// "a saving of £74,000 or less … against a saving of £49,700 or less" (kept finer beside the
    /// £50,000 limit) above -74,400 and -49,700: one figure, two ways, on one page. An average
    /// keeps its "about" and its two figures, which the page's note on rounding explains.
    func proseBadYears(_ p90: Double, _ p90i: Double) -> (with: String, without: String) {
        (badAveragePhrase(p90), badAveragePhrase(p90i))
    }

    /// The 1 in 10 bad horizon from the loss's P90: "a loss of £10,300 or more", "5 incidents
    /// or more", "a gain of only 270 hours or less", "a net reduction of only 0.414 incidents
    /// or less".
    func badPhrase(_ lossP90: Double) -> String {
        let v = directed(yearFigure(lossP90))
        if v.isNaN { return FigureFormat.notANumber }
        if boardWording && !isGain {
            if v == 0 { return phrases("report.outcome.bad.zero.board") }
            if hasBenefit && v > 0 { return phrases("report.outcome.bad.net-increase.board", ["amount": size(v)]) }
        }
        if v == 0 { return phrases("report.outcome.bad.\(family).zero") }
        return phrases("report.outcome.bad.\(family).\(v > 0 ? "more" : "less")", ["amount": size(abs(v))])
    }

    /// Residents' words for a count counted from nothing whose 1 in 10 bad year is none, as a
    /// clause of its own: "in at least 9 years in 10, no patient is affected". "In a 1 in 10 bad
    /// year, none: at least 9 years in 10 see no rise at all" read as garbled, and a count of
    /// patients does not "rise". Nil for any other figure, which keeps ``badPhrase(_:)``.
    func noneInNine(_ lossP90: Double) -> String? {
        guard wholeYears, !isGain, unit != "money", baseline == nil, lossP90.isFinite, directed(yearFigure(lossP90)) == 0 else { return nil }
        guard let one = phrases.singularUnit(unit) else { return phrases("community.outcome.none.plain") }
        return phrases(isHeadcount ? "community.outcome.none.headcount" : "community.outcome.none.count", ["one": one])
    }

    /// "less is better", "fewer is better" or "more is better", said plainly whether the
    /// register states it or riskreg inferred it: where it was inferred, the decision page's
    /// data-quality panel says so once (``inferredFrom``), rather than every table heading.
    /// Money is an amount ("less"); every other unit counts things, incidents or hours
    /// ("fewer": "incidents; less is better" read as a slip).
    var directionNote: String {
        phrases(isGain ? "report.direction.gain" : unit == "money" ? "report.direction.loss" : "report.direction.loss.count")
    }

    /// What a column of this outcome's figures holds: "Loss (incidents)", "Gain (hours)".
    func column(_ unitLabel: String) -> String {
        phrases(isGain ? "report.column.gain" : isHeadcount ? "report.column.count" : "report.column.loss", ["unit": unitLabel])
    }

    /// A caption for a signed column: "Loss (GBP); a minus sign is a net reduction".
    func signedCaption(_ unitLabel: String) -> String {
        if countsInWords && !isGain {
            return phrases(hasBenefit ? "report.caption.count.net" : "report.caption.count", ["unit": unitLabel, "direction": directionNote])
        }
        return phrases(isGain ? "report.caption.gain" : hasBenefit ? "report.caption.loss" : isHeadcount ? "report.caption.count" : "report.caption.harm",
                ["unit": unitLabel, "direction": directionNote])
    }
}
