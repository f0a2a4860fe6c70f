import Foundation
import RegisterModel
import Scoring
import TextLayer

/// An option's average on the residents' page as parts that add up to it.
///
/// A resident checks an average by adding up the figures the page gives for its entries. On
/// the camera option "about 8 incidents more" read as wrong beside the rounds option's "about 4"
/// with the rounds' 14 and the cameras' 6: the option also holds “Neighbourhood police officer
/// and WhatsApp groups without fixed rounds” (CS-07), which the page named nowhere beside it. And
/// "about 2 incidents fewer …; the largest part comes from W7-01" made a part (about 3 fewer)
/// bigger than its whole. So where an average comes from several entries, the page gives every
/// part, each in the words of the entry's own "all told" line, and the parts add up to the
/// average to within their rounding.
///
/// Every part is an entry's own average in the page's figures (``RegisterScore/risks``), from
/// the public entries only like every other figure on the page.
extension ReportBuilder {
    /// An entry's average net loss on `outcome` (harm − benefit, with the planned actions):
    /// below zero where it gains more than it harms there.
    func entryNet(_ id: String, on outcome: String) -> Double {
        guard let s = score.risks.first(where: { $0.id == id }) else { return 0 }
        return s.effects.map { $0.filter { $0.outcome == outcome }.reduce(0) { $0 + $1.meanLoss.residual.value } }
            ?? (s.outcome == outcome ? s.meanLoss.residual.value : 0)
    }

    /// A change of `directed` (in the outcome's direction: above zero is more of it) as a part
    /// of a sum: "about 14 incidents more", "about 1,400 hours less", and one under 1 as the
    /// little it is, "hardly any more (less than 1 enquiry)" — never "less than 1 enquiry more",
    /// which read as a smaller rise than none. Nil for no change at all.
    ///
    /// `digits` is the significant figures shown: two, as every figure in words, unless parts
    /// need more to add up as shown (``commonParts(_:unit:mean:largest:entry:)``).
    ///
    /// `underOne` says it as under 1 whatever it rounds to: for a part under 1 that the other
    /// parts, as shown, already add up to the total without.
    ///
    /// `bare` gives a part of an option's line, after its total has said "about" and the unit:
    /// the figure alone ("14 more", "£146,000 less spent"), since "made up of about 4 incidents
    /// more with …, about 14 incidents more without …" ran to 75 words. `spent` says money on an
    /// outcome of spending as money spent ("£146,000 more spent"), so that "more" and "less"
    /// cannot be read as more or less saved.
    func changeWords(_ directed: Double, unit: String, digits: Int = 2, underOne: Bool = false, bare: Bool = false,
                     spent: Bool = false) -> String? {
        guard directed.isFinite, directed != 0 else { return nil }
        let side = directed > 0 ? "more" : countsThings(unit) ? "fewer" : "less"
        let size = abs(directed)
        if unit != "money", underOne && size < 1 || FigureFormat.rounded(size, significantDigits: digits).rounded() < 1 {
            return phrases("community.change.\(side).under-one", ["unit": phrases.singularUnit(unit) ?? unit])
        }
        guard bare else { return phrases("community.change." + side, ["amount": roughly(size, unit, digits: digits)]) }
        let r = FigureFormat.rounded(size, significantDigits: digits)
        // Money as rounded here, to the figures the parts need, not rounded again.
        if unit == "money" { return phrases((spent ? "community.change.spent." : "community.change.") + side, ["amount": exactMoney(r)]) }
        return phrases("community.change." + side, ["amount": FigureFormat.amount(r.rounded())])
    }

    /// For an option other than the one the page assumes, its average on `outcome` as the
    /// assumed option's average and one part for each entry it leaves out or adds: "about 4 more
    /// with “Keep the evening rounds”, about 14 more without “Evening rounds by volunteers” (CS-05),
    /// about 6 fewer with … (CS-06) and about 4 fewer with … (CS-07)".
    ///
    /// An entry both options have but tackle with different responses (Leiden's burglary series,
    /// CS-03, walked by the officer alone where no volunteers walk rounds) is one more part:
    /// "about 1 incident more because this option tackles … another way". Its figure under the
    /// other response is nowhere else on the page, so it is what is left of the difference once
    /// every other part is taken off, and only one entry may be tackled another way; without that
    /// part the page gave no breakdown at all for those options.
    ///
    /// Money has one part more, the option's own cost, and its total said as its parts add up
    /// (``optionPartsPlan(_:_:outcome:mean:)``).
    ///
    /// Nil where it would not add up from the entries alone: for an average said as how often it comes, where either
    /// option gives an entry a share (whose figures the page gives only under the assumed
    /// option) or more than one entry is tackled another way, where no entry that differs reaches
    /// the outcome, and where the parts miss the difference by more than their rounding.
    func optionParts(_ option: RegisterScore.PortfolioScore, _ registered: Portfolio, outcome o: RegisterScore.OutcomeScore, mean: Double) -> String? {
        guard let plan = optionPartsPlan(option, registered, outcome: o, mean: mean) else { return nil }
        let w = words(o.id, o.unit)
        let spent = o.unit == "money" && !w.isGain
        var parts: [String] = []
        for part in plan.parts {
            guard let change = changeWords(part.value, unit: o.unit, digits: part.digits, underOne: part.underOne, bare: true, spent: spent) else { continue }
            switch part.kind {
            case .cost:
                // "£45,000 less spent for the option's own cost" beside an own cost of £3,000 could
                // not be read: the part is the change from the starting option's own cost.
                let start = score.portfolios.first { $0.id == score.run.portfolio }.map { ownCost($0, on: o.id) } ?? 0
                parts.append(start == 0 ? phrases("community.options.part.cost", ["change": change])
                    : phrases("community.options.part.cost.instead", ["change": change, "own": quantity(ownCost(option, on: o.id), "money"),
                                                                      "start": quantity(start, "money")]))
            case .entry(let risk, let key):
                // An entry this option brings, or one it leaves out, is named by title and code
                // where the options list what comes with each: here its code is enough, and
                // "… with “One-to-one observation by staff-pool …”, … without “One-to-one
                // observation by staff-pool …, for patients …”" read as two near-twin names. An
                // entry every option has, tackled another way, is named in full.
                let entry = key == "otherwise" ? partEntry(risk) : entryID(risk.id)
                parts.append(phrases("community.options.part." + key, ["change": change, "entry": entry]))
            }
        }
        guard !parts.isEmpty else { return nil }
        // With its direction, like every part after it: "about 4 incidents" beside "about 14
        // more" left a reader to guess which way the starting figure went.
        let from = changeWords(plan.start, unit: o.unit, digits: plan.startDigits, bare: true, spent: spent) ?? quantity(0, o.unit)
        // The starting figure is the first of the parts, in one list with them: "made up of about
        // 4 more with …, about 6 fewer with …" had no "and" where one entry differs.
        let first = phrases("community.options.part.assumed", ["from": from, "assumed": iso(plan.assumedTitle)])
        // The total as the parts add up, to the figures they are shown with
        // (``optionPartsPlan``): "about £150,000 saved" beside parts that came to £144,000 read
        // as a sum that does not check.
        let amount = optionAverage(o.id, unit: o.unit, mean: w.isGain ? -plan.total : plan.total, digits: o.unit == "money" ? 6 : plan.startDigits + 2)
        return phrases("community.options.average.parts", ["outcome": iso(o.title), "amount": amount, "parts": list([first] + parts)])
    }

    /// One part of an option's average on an outcome: an entry it leaves out, adds or tackles
    /// another way, or (for money) the difference in the options' own costs.
    /// An option's own cost where the register counts it in `outcome`, else 0.
    func ownCost(_ option: RegisterScore.PortfolioScore, on outcome: String) -> Double {
        option.costOutcome == outcome ? option.cost ?? 0 : 0
    }

    /// How an option's line splits: its parts, the starting option's figure and its
    /// significant figures, the total as the parts add up, and the starting option's title.
    typealias PartsPlan = (parts: [OptionPart], start: Double, startDigits: Int, total: Double, assumedTitle: String)

    struct OptionPart {
        enum Kind { case entry(Risk, String), cost }
        var kind: Kind
        /// The part in the outcome's direction (above zero is more of it).
        var value: Double
        /// The same as the page shows it.
        var shown: Double
        var digits: Int
        var underOne = false
    }

    /// The parts of an option's average on `outcome`, with the figures they are said with, and
    /// the assumed option's average they start from; nil where they would not add up.
    ///
    /// Every figure is given to two significant figures, or to as many more as it takes (up to
    /// four), and each entry's part to at least the figures its own section gives it; the total
    /// is the sum of the parts as shown (`total`, in the outcome's direction), which lies within
    /// half a shown digit of the average itself. Money has one part more, the option's own cost,
    /// where it differs from the assumed option's, and its figures are rounded to one step
    /// (``moneyParts(entries:cost:start:total:otherwise:assumedTitle:)``). Adult social care's supported living said
    /// "about £150,000 saved" where its parts, as the page gave them, came to £144,000, and
    /// Leiden's options without rounds "about 840 hours less" with no parts at all, since at two
    /// figures they came to 812.
    func optionPartsPlan(_ option: RegisterScore.PortfolioScore, _ registered: Portfolio, outcome o: RegisterScore.OutcomeScore,
                         mean: Double) -> PartsPlan? {
        guard let assumedID = score.run.portfolio, option.id != assumedID,
              let assumed = register.portfolios.first(where: { $0.id == assumedID }),
              let assumedScore = score.portfolios.first(where: { $0.id == assumedID }),
              registered.split.isEmpty, assumed.split.isEmpty,
              let assumedMean = assumedScore.outcomes.first(where: { $0.outcome == o.id })?.mean.residual.value,
              !communityAverageIsRare(o.id, unit: o.unit, mean: mean), !communityAverageIsRare(o.id, unit: o.unit, mean: assumedMean)
        else { return nil }
        let money = o.unit == "money"
        let w = words(o.id, o.unit)
        // In the outcome's direction, unrounded, since parts may need more than the three
        // figures ``OutcomeWords/directed(_:)`` keeps.
        func directed(_ loss: Double) -> Double { w.isGain ? -loss : loss }
        let mine = register.entries(in: registered).map(\.id), theirs = register.entries(in: assumed).map(\.id)
        let changed = theirs.filter { !mine.contains($0) }.map { ($0, "without", -1.0) } + mine.filter { !theirs.contains($0) }.map { ($0, "with", 1.0) }
        // Each entry's part as a net loss, and the loss the options' own costs add.
        var entries: [(Risk, String, Double)] = []
        for (id, key, sign) in changed {
            guard let risk = register.risk(id), risk.outcomes.contains(o.id) else { continue }
            let loss = sign * entryNet(id, on: o.id)
            guard loss != 0 else { continue }
            entries.append((risk, key, loss))
        }
        let cost = money ? ownCost(option, on: o.id) - ownCost(assumedScore, on: o.id) : 0
        let sum = entries.reduce(cost) { $0 + $1.2 }
        let difference = mean - assumedMean
        let tackledOtherwise = mine.filter { theirs.contains($0) && registered.responseChoice(for: $0) != assumed.responseChoice(for: $0) }
        if tackledOtherwise.count > 1 { return nil }
        let otherwise = tackledOtherwise.first.flatMap { register.risk($0) }.flatMap { $0.outcomes.contains(o.id) ? $0 : nil }
        // Without a part tackled another way, the parts must come to the difference themselves.
        if otherwise == nil, abs(difference - sum) > max(0.5, 0.01 * abs(difference)) { return nil }
        let total = directed(mean), start = directed(assumedMean)
        if money {
            return moneyParts(entries: entries.map { ($0.0, $0.1, directed($0.2)) }, cost: directed(cost), start: start, total: total,
                              otherwise: otherwise.map { ($0, directed(difference - sum)) }, assumedTitle: assumed.title)
        }
        for digits in 2...4 {
            // Each entry's figure to `digits`, or to more where its own section needs them; its
            // section follows (``partDigits(_:on:)``).
            var parts: [OptionPart] = entries.map { risk, key, loss in
                let d = max(digits, gainAndNetDigits(risk.id, on: o.id), money ? 2 : optionFigureDigits(risk.id, on: o.id))
                return OptionPart(kind: .entry(risk, key), value: directed(loss), shown: Self.asShown(directed(loss), digits: d), digits: d)
            }
            if cost != 0 { parts.append(OptionPart(kind: .cost, value: directed(cost), shown: directed(cost), digits: 6)) }
            let startShown = Self.asShown(start, digits: digits)
            var shownSum = parts.reduce(startShown) { $0 + $1.shown }
            if let risk = otherwise {
                // The part is what is left, so it is said as what is left of the figures as
                // shown, where that stays on its side and within a shown digit of its own
                // rounding: "about 14: 4 + 14 − 4 + 1" (15) read as a sum that does not check.
                let left = directed(difference - sum)
                let leftAsShown = Self.asShown(total, digits: digits) - shownSum
                let said = leftAsShown != 0 && (leftAsShown > 0) == (left > 0)
                    && abs(leftAsShown - Self.asShown(left, digits: digits)) <= Self.lastShownDigit(Self.asShown(total, digits: digits)) ? leftAsShown : left
                guard said != 0 || leftAsShown == 0 else { return nil }
                // A part the others, as shown, already add up without is said as under one
                // ("slightly more (less than 1 incident)"), which a reader counts as nothing.
                let saidShown = !money && leftAsShown == 0 ? 0 : Self.asShown(said, digits: 6)
                parts.append(OptionPart(kind: .entry(risk, "otherwise"), value: said, shown: saidShown, digits: 6, underOne: leftAsShown == 0))
                shownSum += saidShown
            }
            // A reader adds the figures as the page shows them, so the total is said as they add
            // up, where that lies within half a shown digit of the average ("450 + 130 + 8 −
            // 1,400" against "840 less" did not check); otherwise every figure gets one more
            // significant figure, and with none of two to four the parts are left out.
            let step = money ? Self.shownStep(total, digits: digits) : max(1, Self.shownStep(total, digits: digits))
            if abs(shownSum - total) <= step / 2 { return (parts, start, digits, shownSum, assumed.title) }
        }
        return nil
    }

    /// An option's money parts, each rounded to one step of pounds or euros (a hundred, a
    /// thousand), so that they add up, as printed, to the total rounded to the same step: the
    /// largest figure to three significant figures, or to two where three do not add up. Money is
    /// written to at most three significant figures everywhere on the page, and parts rounded
    /// each to their own figures (€1,800, €610, €5,200, €32,000) came to €27,990, a total that
    /// breaks that rule. Nil where neither step adds up.
    func moneyParts(entries: [(Risk, String, Double)], cost: Double, start: Double, total: Double,
                    otherwise: (Risk, Double)?, assumedTitle: String)
        -> PartsPlan? {
        let largest = ([start, cost, total, otherwise?.1 ?? 0] + entries.map(\.2)).map(abs).max() ?? 0
        guard largest > 0, largest.isFinite else { return nil }
        let fine = pow(10, floor(log10(largest)) - 2)
        for step in [fine, fine * 10] {
            func r(_ x: Double) -> Double { (x / step).rounded() * step }
            func figures(_ x: Double) -> Int { x == 0 ? 1 : max(1, Int(floor(log10(abs(x))) - log10(step)) + 1) }
            var parts = entries.map { risk, key, value in
                OptionPart(kind: .entry(risk, key), value: r(value), shown: r(value), digits: figures(r(value)))
            }
            if cost != 0 { parts.append(OptionPart(kind: .cost, value: r(cost), shown: r(cost), digits: figures(r(cost)))) }
            let startShown = r(start)
            var shownSum = parts.reduce(startShown) { $0 + $1.shown }
            if let (risk, left) = otherwise {
                // What is left of the total, as shown, where it stays on its side.
                let leftAsShown = r(total) - shownSum
                let said = leftAsShown != 0 && (leftAsShown > 0) == (left > 0) ? leftAsShown : r(left)
                parts.append(OptionPart(kind: .entry(risk, "otherwise"), value: said, shown: said, digits: figures(said)))
                shownSum += said
            }
            guard shownSum == r(total), figures(shownSum) <= 3 else { continue }
            return (parts, startShown, figures(startShown), shownSum, assumedTitle)
        }
        return nil
    }

    /// The step of the last of `digits` significant figures of `value`: 10,000 for £150,000 at
    /// two figures, 1,000 at three.
    static func shownStep(_ value: Double, digits: Int) -> Double {
        guard value != 0, value.isFinite else { return 1 }
        return pow(10, floor(log10(abs(value))) - Double(digits) + 1)
    }

    /// The significant figures an entry's figure on `outcome` needs for an option's parts to add
    /// up (``optionPartsPlan(_:_:outcome:mean:)``): two, or more where a line that names
    /// it as a part needs them, so that its own section gives the same figure.
    func partDigits(_ id: String, on outcome: String) -> Int {
        guard let o = score.outcomes.first(where: { $0.id == outcome }) else { return 2 }
        return score.portfolios.reduce(2) { digits, option in
            guard let registered = register.portfolios.first(where: { $0.id == option.id }),
                  let mean = option.outcomes.first(where: { $0.outcome == outcome })?.mean.residual.value,
                  let plan = optionPartsPlan(option, registered, outcome: o, mean: mean) else { return digits }
            let part = plan.parts.first { if case .entry(let risk, let key) = $0.kind { return risk.id == id && key != "otherwise" } else { return false } }
            guard let part else { return digits }
            return max(digits, o.unit == "money" ? part.digits : plan.startDigits)
        }
    }

    /// An entry as an option's parts name it: "“Evening rounds by volunteers” (CS-05)".
    func partEntry(_ risk: Risk) -> String {
        phrases("community.options.entry", ["title": iso(phrases("community.quoted", ["text": risk.title])), "id": entryID(risk.id)])
    }

    /// A figure as the page's words show it: two significant figures (or `digits`), whole.
    static func asShown(_ value: Double, digits: Int = 2) -> Double {
        (value < 0 ? -1 : 1) * FigureFormat.rounded(abs(value), significantDigits: digits).rounded()
    }

    /// The step of a figure's last shown digit: 10 for "840", 1 for "8".
    static func lastShownDigit(_ value: Double) -> Double {
        guard abs(value) >= 100 else { return 1 }
        return pow(10, floor(log10(abs(value))) - 1)
    }

    /// Where an option's average on `outcome` comes from entries every option has, the one that
    /// weighs most (`largest`, its net loss there) and all the others together, each as a part:
    /// "about 3 incidents fewer because the gain in … (W7-01) outweighs its harm, and about 1
    /// incident more from the other 5 entries". Nil where either part is no change at all.
    ///
    /// The parts are two figures each, like every figure in words, where they add up as shown
    /// to the average within its last shown digit. Where they do not — two large parts of
    /// opposite sign with a small difference: "about 130 hours more: about 3,000 more … and
    /// about 2,900 less" — each part keeps as many more figures as it takes for them to add
    /// up ("about 3,040 more … and about 2,910 less"). A reader who adds them up gets the
    /// average the page gives; "the largest part comes from …" said nothing checkable, and
    /// leaving the parts out hid that the average is a small difference of two large ones.
    func commonParts(_ outcome: String, unit: String, mean: Double, largest: Double, entry: String? = nil) -> (largest: String, rest: String)? {
        let w = words(outcome, unit)
        let digits = max(Self.commonPartsDigits(w, mean: mean, largest: largest), entry.map { figureDigits($0, on: outcome) } ?? 2)
        guard let a = changeWords(w.directed(largest), unit: unit, digits: digits),
              let b = changeWords(w.directed(mean - largest), unit: unit, digits: digits) else { return nil }
        return (a, b)
    }

    /// The significant figures the two parts of ``commonParts(_:unit:mean:largest:entry:)`` need
    /// to add up as shown: two, or as many more as it takes.
    static func commonPartsDigits(_ w: OutcomeWords, mean: Double, largest: Double) -> Int {
        let first = w.directed(largest), rest = w.directed(mean - largest)
        let total = asShown(w.directed(mean))
        var digits = 2
        while digits < 6, abs(asShown(first, digits: digits) + asShown(rest, digits: digits) - total) > lastShownDigit(total) {
            digits += 1
        }
        return digits
    }

    /// The significant figures an entry's average on `outcome` is written with everywhere on the
    /// page: two, like every figure in words, or more where an option's line needs more for its
    /// parts to add up (``commonParts(_:unit:mean:largest:entry:)``). Adult social care gave
    /// “People travel on their own by bus” (AS-01) as "about 2,990 hours more" in an option's line
    /// and "about 3,000 hours more" in its own: one figure, written two ways on one page.
    func figureDigits(_ id: String, on outcome: String) -> Int {
        max(optionFigureDigits(id, on: outcome), gainAndNetDigits(id, on: outcome), partDigits(id, on: outcome))
    }

    /// The significant figures that tell an entry's gain on `outcome` from what it comes to there
    /// all told, counting its harm, where its section says both (``showsNet(_:)``): two, or three
    /// where two would make them one figure. Supported
    /// living gave "about 3,700 hours" as its gain and "about 3,700 hours" all told, though about
    /// 80 hours of harm lie between them; a reader took one for a slip. Where even three figures
    /// do not tell them apart, the harm is too small to say, and two stand.
    func gainAndNetDigits(_ id: String, on outcome: String) -> Int {
        guard let s = score.risks.first(where: { $0.id == id }), showsNet(s) else { return 2 }
        let pairs = s.effects.map { $0.filter { $0.outcome == outcome }.map { ($0.meanHarm.residual, $0.meanBenefit) } }
            ?? (s.outcome == outcome ? [(s.meanHarm.residual, s.meanBenefit)] : [])
        guard let (harm, benefit) = pairs.first, harm > 0, benefit > 0 else { return 2 }
        return (2...3).first { Self.asShown(benefit, digits: $0) != Self.asShown(benefit - harm, digits: $0) } ?? 2
    }

    /// Whether an entry's section says what it comes to all told: where on some outcome it both
    /// harms and gains, and its harm moves the gain as two figures write it. Where the harm is
    /// too small for that, the gain already says it, and no more figures are brought in to show
    /// a difference of £400 in £90,000.
    func showsNet(_ s: RegisterScore.RiskScore) -> Bool {
        let parts = s.effects.map { $0.map { ($0.meanHarm.residual, $0.meanBenefit) } } ?? [(s.meanHarm.residual, s.meanBenefit)]
        return parts.contains { harm, benefit in
            harm > 0 && benefit > 0 && FigureFormat.rounded(benefit - harm, significantDigits: 2) != FigureFormat.rounded(benefit, significantDigits: 2)
        }
    }

    /// The significant figures an entry's average on `outcome` needs in an option's line, for
    /// the line's parts to add up (``commonParts(_:unit:mean:largest:entry:)``): two or more.
    func optionFigureDigits(_ id: String, on outcome: String) -> Int {
        guard score.portfolios.count > 1, let o = score.outcomes.first(where: { $0.id == outcome }),
              !sameUnderEveryOption().contains(where: { $0.id == outcome }) else { return 2 }
        let w = words(outcome, o.unit)
        return score.portfolios.reduce(2) { digits, option in
            guard let registered = register.portfolios.first(where: { $0.id == option.id }),
                  let mean = option.outcomes.first(where: { $0.outcome == outcome })?.mean.residual.value,
                  let from = commonSource(of: outcome, outside: registered), !from.only, from.id == id else { return digits }
            return max(digits, Self.commonPartsDigits(w, mean: mean, largest: from.net))
        }
    }
}
