import Distributions
import MonteCarlo
import RegisterModel

extension Scorer {
    /// Checks what the loader guarantees of every register it returns, for a `Register` built in
    /// code: ids unique per kind, references that resolve, values within ``NumericLimits``.
    /// A register from the loader always passes; one that does not is refused with a typed
    /// error instead of trapping or producing figures that are not finite.
    ///
    /// Complexity: O(entries).
    static func check(_ register: Register) throws(ScoringError) {
        try unique("outcome", register.outcomes.map(\.id))
        try unique("perspective", register.perspectives.map(\.id))
        try unique("risk", register.risks.map(\.id))
        try unique("portfolio", register.portfolios.map(\.id))
        let outcomes = Set(register.outcomes.map(\.id))
        let perspectives = Set(register.perspectives.map(\.id))
        let risks = Set(register.risks.map(\.id))
        if register.perspectives.count > NumericLimits.maximumPerspectives {
            throw .outsideLimits("\(register.perspectives.count) perspectives, more than \(NumericLimits.maximumPerspectives)")
        }
        for p in register.perspectives where !(p.weight >= 0 && p.weight <= NumericLimits.maximumAmount) {
            throw .outsideLimits("perspective `\(p.id)` has the weight \(p.weight)")
        }
        for statement in register.appetite {
            guard outcomes.contains(statement.outcome) else {
                throw .unknownReference(kind: "outcome", id: statement.outcome, from: "an appetite statement")
            }
            let threshold: Double = switch statement.limit {
            case .lossExceeds(let t, _), .netBenefitAbove(let t, _), .harmExceeds(let t, _): t
            }
            if !(abs(threshold) <= NumericLimits.maximumAmount) {
                throw .outsideLimits("an appetite statement on `\(statement.outcome)` has the threshold \(threshold)")
            }
        }
        for risk in register.risks {
            for outcome in risk.outcomes where !outcomes.contains(outcome) {
                throw .unknownReference(kind: "outcome", id: outcome, from: "risk `\(risk.id)`")
            }
            if risk.estimates.contains(where: { $0.effects.map(\.outcome) != risk.estimates[0].effects.map(\.outcome) })
                || Set(risk.outcomes).count != risk.outcomes.count {
                throw .plan("risk `\(risk.id)`: its estimates give effects on different outcomes, or repeat one")
            }
            for estimate in risk.estimates {
                guard perspectives.contains(estimate.perspective) else {
                    throw .unknownReference(kind: "perspective", id: estimate.perspective, from: "risk `\(risk.id)`")
                }
                let whose = "risk `\(risk.id)`, perspective `\(estimate.perspective)`"
                let occurrence: (String, Distribution, NumericLimits.Kind) = switch estimate.occurrence {
                case .likelihood(let d): ("likelihood", d, .probability)
                case .frequency(let d): ("frequency", d, .frequency)
                }
                let effectDistributions: [(String, Distribution, NumericLimits.Kind)] = estimate.effects.flatMap { effect in
                    [("impact on `\(effect.outcome)`", effect.impact, .amount)] + (effect.benefit.map { [("benefit on `\(effect.outcome)`", $0, .amount)] } ?? [])
                }
                for (what, d, kind) in [occurrence, ("impact", estimate.impact, .amount)] + (estimate.benefit.map { [("benefit", $0, .amount)] } ?? []) + effectDistributions {
                    if let violation = NumericLimits.violation(d.parameters, kind: kind) {
                        throw .outsideLimits("\(whose): the \(what): \(violation)")
                    }
                }
            }
            if let cost = risk.response?.cost, !(cost >= 0 && cost <= NumericLimits.maximumAmount) {
                throw .outsideLimits("risk `\(risk.id)`: the response cost \(cost)")
            }
        }
        for c in register.correlations {
            for id in [c.first, c.second] where !risks.contains(id) {
                throw .unknownReference(kind: "risk", id: id, from: "a correlation")
            }
        }
        for portfolio in register.portfolios {
            for id in portfolio.members + portfolio.responses.map(\.risk) where !risks.contains(id) {
                throw .unknownReference(kind: "risk", id: id, from: "portfolio `\(portfolio.id)`")
            }
            for share in portfolio.split where !(share.share > 0 && share.share <= 1) {
                throw .outsideLimits("portfolio `\(portfolio.id)`: the share \(share.share) of `\(share.risk)`")
            }
            if let cost = portfolio.cost, !(cost >= 0 && cost <= NumericLimits.maximumAmount) {
                throw .outsideLimits("portfolio `\(portfolio.id)`: the cost \(cost)")
            }
        }
    }

    private static func unique(_ kind: String, _ ids: [String]) throws(ScoringError) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted { throw .duplicateID(kind: kind, id: id) }
    }
}
