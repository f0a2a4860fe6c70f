import Distributions
import Foundation
import RegisterModel
import Scoring
import TextLayer

extension ReportBuilder {
    /// Why option `optionID` cannot meet an aim (a statement that asks for a net gain or a net
    /// reduction) by the register's own construction, whatever the simulation draws; nil when it
    /// could, or when the statement is not an aim.
    ///
    /// Read from the model, not from names: under the option (its entries, its split shares
    /// and the responses it chooses), either no entry reaches the statement's outcome, so the
    /// outcome cannot move at all; or, with every estimate at the end that favours the aim —
    /// each benefit at its largest, each harm at nothing unless it is certain, and then at its
    /// smallest with its response delivered — the entries still cannot bring more than the
    /// aim's threshold. A board read "set aside at the first step" on such a statement as a
    /// failed test, where the option was built without the activity the aim measures.
    ///
    /// The bound is exact only as far as every distribution has a finite end: an estimate with
    /// an unbounded tail on the favourable side (normal, lognormal benefit, a count of events
    /// with a benefit each) makes any aim reachable, and nothing is said.
    func outOfReach(_ v: RegisterScore.AppetiteVerdict, under optionID: String) -> String? {
        guard v.kind == .netBenefitAbove, let option = register.portfolios.first(where: { $0.id == optionID }),
              let outcome = score.outcomes.first(where: { $0.id == v.outcome }) else { return nil }
        let shaped = register.reshaped(by: option)
        let entries = shaped.entries(in: option).filter { $0.outcomes.contains(v.outcome) }
        let w = words(outcome.id, outcome.unit)
        let aim = phrases(w.isGain ? "report.options.construction.gain" : "report.options.construction.reduction")
        if entries.isEmpty {
            // Nothing moves the outcome: its net is nothing in every year.
            guard v.threshold >= 0 else { return nil }
            return phrases("report.options.construction.unreached", ["outcome": iso(outcome.title)])
        }
        var bestLoss = 0.0
        for risk in entries {
            let best = risk.estimates.map { leastLoss(risk, $0, on: v.outcome) }.min() ?? 0
            guard best.isFinite else { return nil }
            bestLoss += best
        }
        if option.costOutcome == v.outcome, let cost = option.cost { bestLoss += cost }
        // The aim asks for a net benefit above the threshold: out of reach when even the best
        // year brings no more.
        guard -bestLoss <= v.threshold else { return nil }
        let most = -bestLoss
        return most <= 0
            ? phrases("report.options.construction.none", ["outcome": iso(outcome.title), "aim": aim])
            : phrases("report.options.construction.at-most", ["outcome": iso(outcome.title), "aim": aim, "amount": w.size(most)])
    }

    /// The smallest net loss one estimate of an entry can bring to `outcome` in a year: its
    /// largest benefit taken off, and its smallest harm where the harm is certain (a likelihood
    /// of 100% that no response lowers), cut by its response as if delivered. −∞ where a
    /// favourable end is unbounded.
    private func leastLoss(_ risk: Risk, _ e: Estimate, on outcome: String) -> Double {
        var parts: [(impact: Distribution, benefit: Distribution?)] = []
        if risk.outcome == outcome { parts.append((e.impact, e.benefit)) }
        for f in e.effects where f.outcome == outcome { parts.append((f.impact, f.benefit)) }
        // A count of events brings its benefit once per event: no end to it. A likelihood is
        // certain at 100% that no response lowers.
        let certain: Bool, perEvent: Bool
        switch e.occurrence {
        case .likelihood(let p): (certain, perEvent) = (p.support.lowerBound >= 1 && (risk.response?.likelihoodReduction ?? 0) == 0, false)
        case .frequency: (certain, perEvent) = (false, true)
        }
        var loss = 0.0
        for part in parts {
            let low = part.impact.support.lowerBound
            let harm = certain ? min(low, low * (1 - (risk.response?.impactReduction ?? 0))) : min(0, low)
            let benefit: Double = part.benefit.map { perEvent ? Double.infinity : $0.support.upperBound } ?? 0
            loss += harm - benefit
        }
        return loss
    }

    /// A chance under an option as the option tables show it: "0%" where the option cannot
    /// meet the aim by construction (``outOfReach(_:under:)``) and no simulated year met it,
    /// for "<0.1%" beside "cannot meet it however the estimates turn out" read as a small chance
    /// left; the simulated chance beside its limit otherwise.
    func optionPercent(_ v: RegisterScore.AppetiteVerdict, under optionID: String, _ p: Double) -> String {
        if p <= 0, outOfReach(v, under: optionID) != nil { return FigureFormat.percent(0) }
        return cellPercent(p, limit: v.limit)
    }

    /// Beside an aim in the board's verdicts: the options that cannot meet it by construction
    /// (``outOfReach(_:under:)``), each group with its reason. Nil when every option could.
    func outOfReachNote(_ v: RegisterScore.AppetiteVerdict) -> String? {
        guard score.portfolios.count > 1, score.run.portfolio != nil else { return nil }
        var groups: [(why: String, options: [String])] = []
        for p in score.portfolios {
            guard let why = outOfReach(v, under: p.id) else { continue }
            if let k = groups.firstIndex(where: { $0.why == why }) { groups[k].options.append(iso(p.title)) } else { groups.append((why, [iso(p.title)])) }
        }
        guard !groups.isEmpty else { return nil }
        return groups.map { g in
            phrases(g.options.count > 1 ? "report.verdict.out-of-reach.several" : "report.verdict.out-of-reach", [
                "options": listInWords(g.options.map { phrases("report.decision.option.quoted", ["title": $0]) }), "why": g.why])
        }.joined(separator: " ")
    }
}
