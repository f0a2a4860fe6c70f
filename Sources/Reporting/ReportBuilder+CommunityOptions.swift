import RegisterModel
import Scoring
import TextLayer

/// The options residents are asked to react to, side by side: for each of the register's
/// portfolio options, every limit's verdict and chance, the average of every outcome, and its
/// own cost, so that a choice between options can be weighed rather than one option's figures
/// read alone.
///
/// The figures are the score's comparison run (``RegisterScore/portfolios`` and each verdict's
/// ``RegisterScore/AppetiteVerdict/portfolios``): every option on the same simulated years, from
/// the community view's public entries only, like every other figure on the page. Nothing is
/// simulated again here.
extension ReportBuilder {
    func communityOptions() -> [ReportContext.CommunityOption] {
        guard score.portfolios.count > 1 else { return [] }
        let rule = OptionRule(builder: self)
        let unchanged = Set(sameUnderEveryOption().map(\.id))
        return score.portfolios.map { option in
            let limits = score.appetite.map { v -> String in
                let judged = rule.judged(v, under: option)
                return optionLimitLine(v, chance: judged.p.value, within: judged.within, decisive: judged.decisive)
            }
            let registered = register.portfolios.first { $0.id == option.id }
            let averages = score.outcomes.compactMap { o -> String? in
                guard let mean = option.outcomes.first(where: { $0.outcome == o.id })?.mean.residual.value else { return nil }
                let amount = optionAverage(o.id, unit: o.unit, mean: mean)
                if let registered, !unchanged.contains(o.id), let from = commonSource(of: o.id, outside: registered) {
                    // Several entries: the largest and the others as parts that add up to the
                    // average, never "the largest part" alone, which can be bigger than it.
                    if !from.only, let parts = commonParts(o.id, unit: o.unit, mean: mean, largest: from.net, entry: from.id) {
                        return phrases("community.options.average.common.parts" + (from.gains ? ".gain" : ""),
                                       ["outcome": iso(o.title), "amount": amount, "entry": from.entry,
                                        "largest": parts.largest, "rest": parts.rest, "others": from.others])
                    }
                    let key = (from.only ? "community.options.average.common.one" : "community.options.average.common") + (from.gains ? ".gain" : "")
                    return phrases(key, ["outcome": iso(o.title), "amount": amount, "entry": from.entry])
                }
                if let registered, let parts = optionParts(option, registered, outcome: o, mean: mean) { return parts }
                return phrases("community.options.average", ["outcome": iso(o.title), "amount": amount])
            }
            let expected = averages.isEmpty ? nil : phrases("community.options.expected", ["next": nextPeriod])
            var cost: String?
            if let amount = option.cost, amount > 0 {
                let outcome = option.costOutcome.flatMap { register.outcome($0) }
                let limited = outcome.map { o in score.appetite.contains { $0.outcome == o.id && $0.kind != .netBenefitAbove } } ?? false
                let key = outcome == nil ? "community.options.cost" : limited ? "community.options.cost.in-limit" : "community.options.cost.in-outcome"
                cost = phrases(key, ["cost": quantity(amount, "money"), "next": nextPeriod, "outcome": iso(outcome?.title ?? "")])
            }
            // What an option saves by what it stops (the scheduled rounds), said beside its own
            // cost: "cameras €32,000" beside "about €28,000 not covered" did not add up.
            if let registered {
                let savings = optionSavings(registered)
                if !savings.isEmpty { cost = ([cost].compactMap { $0 } + savings).joined(separator: " ") }
            }
            // The options are worked out together, on one set of possible futures, and the top
            // of the page on its own: where a chance of the assumed option rounds differently
            // from the same chance above, the page says why rather than leave two numbers.
            var assumed: String?
            if option.id == score.run.portfolio {
                let differs = score.appetite.contains { v in
                    shortChance(rule.judged(v, under: option).p.value, per: verdictDenominator) != shortChance(v.probability.value, per: verdictDenominator)
                }
                assumed = phrases("community.options.assumed") + (differs ? " " + phrases("community.options.assumed.differs") : "")
            }
            return .init(title: e(option.title), description: e(registered?.description),
                         members: e(registered.flatMap(optionMembers)), assumed: e(assumed),
                         limits: limits.map(e), expected: e(expected), averages: averages.map(e), cost: e(cost))
        }
    }

    /// The entries an option brings (lists or splits) that not every option has, named by title
    /// and code in the order of the page's entries: "What comes with this option, besides the entries every
    /// option has: “Cameras on the shopping squares, Kooiplein and Stevensbloem” (CS-06), …".
    /// The entry's own line names its options by the same rule
    /// (``option(_:_:)``), so an option and an entry with near-identical titles are tied both
    /// ways. Only the page's entries are named: an entry the page leaves out is not. Nil for an
    /// option that brings none of them.
    func optionMembers(_ option: Portfolio) -> String? {
        let every = register.portfolios.map { Set($0.members) }.reduce(Set(option.members)) { $0.intersection($1) }
        let named = register.risks.filter { r in
            option.members.contains(r.id) && !every.contains(r.id) && score.risks.contains { $0.id == r.id }
        }.map { phrases("community.options.entry", ["title": iso(phrases("community.quoted", ["text": $0.title])), "id": entryID($0.id)]) }
        guard !named.isEmpty else { return nil }
        return phrases("community.options.members", ["entries": list(named)])
    }

    /// Where none of an option's own entries (those it lists, splits or gives another response)
    /// reaches `outcome`, what its average there comes from: the entries every option has, named
    /// by the one (`only`) or by the one that weighs most there. "About 260 points more" on the
    /// care-home option, whose own entry "adds no hours or points", read as its own gain. Nil
    /// where the option's own entries reach the outcome, or no entry every option has does.
    ///
    /// Where that entry gains more than it harms on the outcome (`gains`), what it gains comes
    /// from the activity the entry takes on, not from the harm its title names: "all from “A
    /// self-administering patient takes a wrong dose”" read as if wrong doses prevented
    /// incidents. Such an entry is named, like every entry on the page, by its title and its
    /// code, and the sentence says that its gain outweighs its harm ("because the gain in “…”
    /// (W7-01) outweighs its harm"). "The activity in W7-01" cited a bare code the reader had
    /// not met yet, in a word the page uses nowhere else.
    ///
    /// `net` is that entry's net loss on the outcome, for the parts that add up to the average
    /// (``commonParts(_:unit:mean:largest:entry:)``); `others` the rest of those entries, named where
    /// there is one and counted where there are more ("the other 6 entries"), never "the
    /// others" a reader could not find.
    func commonSource(of outcome: String, outside option: Portfolio) -> (entry: String, id: String, only: Bool, gains: Bool, net: Double, others: String)? {
        let own = Set(option.members + option.responses.map(\.risk))
        guard !own.contains(where: { register.risk($0)?.outcomes.contains(outcome) ?? false }) else { return nil }
        let optional = register.optionalEntries
        let common = register.risks.filter { !optional.contains($0.id) && $0.outcomes.contains(outcome) }
        // The entry's net loss on the outcome (harm − benefit): below zero where it gains more.
        func net(_ id: String) -> Double { entryNet(id, on: outcome) }
        guard let largest = common.max(by: { abs(net($0.id)) < abs(net($1.id)) }) else { return nil }
        func named(_ risk: Risk) -> String {
            phrases("community.options.entry", ["title": iso(phrases("community.quoted", ["text": risk.title])), "id": entryID(risk.id)])
        }
        let rest = common.filter { $0.id != largest.id }
        let others = phrases.plural("community.options.others", count: rest.count, ["entry": rest.first.map(named) ?? ""])
        return (named(largest), largest.id, common.count == 1, net(largest.id) < 0, net(largest.id), others)
    }

    /// For each entry that comes with `option` for certain (a planned result, such as the
    /// scheduled rounds stopping) and saves money: what it saves on average, worked out like
    /// every other figure on the page.
    func optionSavings(_ option: Portfolio) -> [String] {
        option.risks.compactMap { id -> String? in
            guard let risk = register.risk(id), let s = score.risks.first(where: { $0.id == id }), plannedResult(risk, s) != nil else { return nil }
            let parts: [(outcome: String, benefit: Double)] = s.effects.map { $0.map { ($0.outcome, $0.meanBenefit) } } ?? [(s.outcome, s.meanBenefit)]
            guard let money = parts.first(where: { unitOf($0.outcome) == "money" && $0.benefit > 0 && !words($0.outcome, "money").isGain }) else { return nil }
            return phrases("community.options.saving", [
                "entry": phrases("community.options.entry", ["title": iso(phrases("community.quoted", ["text": risk.title])), "id": entryID(id)]),
                "amount": roughly(money.benefit, "money", digits: figureDigits(id, on: money.outcome)), "outcome": iso(register.outcome(money.outcome)?.title ?? money.outcome), "next": nextPeriod])
        }
    }

    /// An option's average on an outcome as the page's other sentences say an average: money as
    /// an amount; a count or hours in whole numbers with "about" ("about 4 incidents more than
    /// the police forecast"), and a count that averages under one a year as how often it comes
    /// ("about 1 person every 7 years"): "0.153 people" reads as part of a person, and "3.74
    /// incidents" claims a precision the estimates lack.
    ///
    /// Money is rounded as the page's other sums are ("about €4,000", not "€4,030" beside
    /// "€28,000"), or to `digits` significant figures where an option's parts need them to add
    /// up (``optionPartsPlan(_:_:outcome:mean:)``).
    func optionAverage(_ outcome: String, unit: String, mean: Double, digits: Int = 2) -> String {
        let w = words(outcome, unit)
        // Beyond two figures, unrounded: ``OutcomeWords/directed(_:)`` keeps three.
        let v = digits > 2 ? (w.isGain ? -mean : mean) : w.directed(mean)
        guard v.isFinite, v != 0 else { return w.averagePhrase(mean) }
        let size = abs(v)
        let whole = FigureFormat.rounded(size, significantDigits: digits).rounded()
        let side = v > 0 ? "more" : "less"
        if unit == "money" {
            // Beyond two figures, as its parts add up: written as it is, not rounded again.
            let rounded = FigureFormat.rounded(size, significantDigits: digits)
            let amount = phrases("community.amount.about", ["amount": digits > 2 ? exactMoney(rounded) : quantity(rounded, unit)])
            if let baseline = w.baseline {
                if w.budgetWording { return phrases(v > 0 ? "community.money.baseline.more" : "community.money.baseline.less", ["amount": amount, "baseline": baseline]) }
                return phrases("report.outcome.baseline." + side, ["amount": amount, "baseline": baseline])
            }
            return phrases("report.outcome.\(w.isGain ? "gain" : "money").\(side)", ["amount": amount])
        }
        if whole >= 1 || w.isGain {
            let shown = digits > 2 ? OutcomeWords.quantity(whole, unit: unit, currency: register.metadata.currency, phrases: phrases) : quantity(whole, unit)
            let amount = whole >= 1 ? phrases("community.amount.about", ["amount": shown])
                : phrases("community.amount.under-one", ["unit": phrases.singularUnit(unit) ?? unit])
            if let baseline = w.baseline {
                // Fewer of what is counted: "about 2 incidents fewer than the police forecast".
                let key = side == "less" && whole >= 1 && countsThings(unit) ? "community.outcome.baseline.fewer" : "report.outcome.baseline." + side
                return phrases(key, ["amount": amount, "baseline": baseline])
            }
            return phrases("report.outcome.\(w.isGain ? "gain" : "count").\(side)", ["amount": amount])
        }
        // Under one a period on average: once in so many periods.
        let every = Int((1 / size).rounded())
        let (count, horizonUnit) = horizonInWords
        let periods = phrases.plural("report.duration." + horizonUnit.rawValue, count: every * count)
        let one = phrases.singularUnit(unit) ?? unit
        let key = "community.options.average.rare" + (w.baseline == nil ? "" : ".baseline") + "." + side
        return phrases(key, ["one": one, "periods": periods, "baseline": w.baseline ?? ""])
    }

    /// Whether ``optionAverage(_:unit:mean:)`` says the average as how often it comes ("about
    /// 1 person every 7 years"), a phrase that already names its own period.
    func communityAverageIsRare(_ outcome: String, unit: String, mean: Double) -> Bool {
        let w = words(outcome, unit)
        let v = w.directed(mean)
        guard unit != "money", v.isFinite, v != 0, !w.isGain else { return false }
        return FigureFormat.rounded(abs(v), significantDigits: 2).rounded() < 1
    }

    /// What holds for all the options together, said once before them: the outcomes whose
    /// figures are the same under every option — the options' own entries and responses do not
    /// reach them, so the register does not work out how the options would change them, and a
    /// reader comparing "1,010 hours" under a care home and under Shared Lives would otherwise
    /// take it for a finding — and each limit or aim that no option keeps.
    func communityOptionsNotes() -> [String] {
        guard score.portfolios.count > 1 else { return [] }
        let unchanged = sameUnderEveryOption()
        var notes: [String] = []
        if !unchanged.isEmpty {
            let titles = list(unchanged.map { phrases("community.quoted", ["text": iso($0.title)]) })
            notes.append(phrases.plural("community.options.same-everywhere", count: unchanged.count, ["outcomes": titles]))
        }
        let rule = OptionRule(builder: self)
        for v in score.appetite {
            let judged = score.portfolios.map { rule.judged(v, under: $0) }
            guard judged.allSatisfy({ !$0.within && $0.decisive }) else { continue }
            let title = score.outcomes.first { $0.id == v.outcome }?.title ?? v.outcome
            notes.append(phrases(v.kind == .netBenefitAbove ? "community.options.none-within.aim" : "community.options.none-within",
                                 ["outcome": iso(title)]))
        }
        return notes
    }

    /// The outcomes whose average is the same under every option.
    func sameUnderEveryOption() -> [RegisterScore.OutcomeScore] {
        func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }
        return score.outcomes.filter { o in
            let means = score.portfolios.compactMap { p in p.outcomes.first { $0.outcome == o.id }?.mean.residual.value }
            return means.count == score.portfolios.count && means.allSatisfy { same($0, means[0]) }
        }
    }

    /// One limit in one line: what it is about, the chance under the option, what is accepted,
    /// and the verdict: "Chance that someone is hurt, threatened or wrongly accused: 14 in 100
    /// (14%); accepted: at most 25 in 100. That is within the limit."
    func optionLimitLine(_ v: RegisterScore.AppetiteVerdict, chance p: Double, within: Bool, decisive: Bool) -> String {
        let unit = score.outcomes.first { $0.id == v.outcome }?.unit ?? ""
        let outcome = register.outcome(v.outcome)
        let title = outcome?.title ?? v.outcome
        var args = ["outcome": iso(title), "chance": shortChance(p, per: verdictDenominator), "limit": phrases.limitFrequency(v.limit, per: verdictDenominator),
                    "amount": quantity(v.threshold, unit), "baseline": iso(outcome?.baseline ?? "")]
        let counted = outcome?.baseline == nil ? "" : ".baseline"
        let key: String
        switch v.kind {
        case .lossExceeds where words(v.outcome, unit).budgetWording: key = "community.options.limit.loss.baseline.money"
        case .lossExceeds:
            // A limit in whole numbers as the limit above says it: "2 patients or more".
            if let least = leastPastLimit(v, words(v.outcome, unit)) {
                key = "community.options.limit.loss.at-least"
                args["amount"] = quantity(least, unit)
            } else {
                key = "community.options.limit.loss" + counted
            }
        case .harmExceeds where v.threshold == 0:
            if let harm = outcome?.anyHarm {
                key = "community.options.limit.any-harm.said"
                args["harm"] = iso(harm)
            } else {
                key = "community.options.limit.any-harm"
            }
        case .harmExceeds: key = "community.options.limit.harm" + counted
        case .netBenefitAbove: key = "community.options.limit.gain" + gainCounted(v)
        }
        let status = !decisive ? "close" : (within ? "within" : "outside")
        let kind = v.kind == .netBenefitAbove && status != "close" ? "aim." + status : status
        // Four limits for each of four options, each closed by "That chance is within the
        // limit.", read as one sentence said sixteen times ("Die kans blijft binnen de grens"
        // twelve times in Dutch): the list says its verdict in a few words of its own.
        return phrases.filled(key, args).capitalisedFirst + " " + phrases("community.options.status." + kind)
    }

    /// The key suffix for an aim on a net benefit of an outcome counted from a baseline. A net
    /// benefit on an outcome where less is better (bed days) means ending below the baseline, and
    /// an aim above a threshold (100 wellbeing points) names it: "more than 100 points above
    /// people's scores when they joined", never just "above" them.
    func gainCounted(_ v: RegisterScore.AppetiteVerdict) -> String {
        guard register.outcome(v.outcome)?.baseline != nil else { return "" }
        let side = words(v.outcome, unitOf(v.outcome)).isGain ? "" : ".below"
        return ".baseline" + side + (v.threshold == 0 ? "" : ".amount")
    }
}
