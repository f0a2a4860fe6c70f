import Distributions
import Foundation
import MonteCarlo
import RegisterModel
import TextLayer

extension RegisterScore {
    /// A cell of the register's own matrix, scored and rated by its rating rule.
    public struct MatrixRating: Sendable, Codable, Hashable {
        public var likelihood: Int
        public var likelihoodLabel: String
        public var impact: Int
        public var impactLabel: String
        public var score: Double
        public var rag: RAG
        /// For a rating placed from results: the chance of at least one occurrence that set the
        /// likelihood level, and the P90 of one occurrence's harm that set the impact level.
        public var probability: Double?
        public var impactP90: Double?
    }

    /// Where the quantitative picture and a rating the register states fall in different
    /// colours.
    public struct RatingDisagreement: Sendable, Codable, Hashable {
        /// `gross` (stated versus inherent results) or `current` (stated versus residual).
        public var rating: String
        public var stated: RAG
        public var quantitative: RAG
        public var message: String
    }

    /// A risk's results on the register's matrix: gross from the inherent results, current
    /// from the residual ones, target as the register states it; and the ratings the register
    /// states, where they disagree.
    public struct RiskRatings: Sendable, Codable, Hashable {
        public var gross: MatrixRating
        public var current: MatrixRating
        public var target: MatrixRating?
        public var statedGross: MatrixRating?
        public var statedCurrent: MatrixRating?
        public var disagreements: [RatingDisagreement]
    }
}

/// Places results on the organisation's ordinal matrix.
///
/// The likelihood axis is read at the chance that the risk happens at least once in the
/// horizon; the impact axis at the 90th percentile of one occurrence's harm (the "reasonable
/// worst case" most impact criteria describe). Both are computed from the stated estimates, not
/// from the simulation, so a risk's place never depends on the seed or the trial count: a
/// likelihood of exactly 20 % is 20 %. Each is put on the level whose band holds it; a value on
/// an edge belongs to the band that starts there (bands are `[from, to)`, the top band includes
/// its upper edge), as docs/scales.md explains.
enum MatrixPlacement {
    static func ratings(
        risk: Risk, register: Register, perspective: String?
    ) -> RegisterScore.RiskRatings? {
        guard let scales = register.scales, let unit = register.outcome(risk.outcome)?.unit,
              let impactScale = scales.impactScale(for: unit)
        else { return nil }
        let (weights, estimates) = headlineEstimates(risk, register: register, perspective: perspective)
        let events = estimates.map { expectedEvents($0.occurrence) }
        // One occurrence's harm: the perspectives' impacts mixed by how many occurrences each
        // expects (a perspective that expects the risk twice as often supplies twice as many
        // occurrences), falling back to the weights alone when none expects any.
        func perOccurrence(_ w: [Double], _ n: [Double]) -> [Double] {
            let product = zip(w, n).map { $0 * $1 }
            let total = product.reduce(0, +)
            return total > 0 ? product.map { $0 / total } : w
        }
        let inherentP90 = mixtureP90(estimates.map { ($0.impact, 1.0) }, weights: perOccurrence(weights, events))
        var residualP90 = inherentP90
        var probability = InherentAndResidual(
            inherent: zip(weights, estimates).reduce(0) { $0 + $1.0 * chanceOfOccurring($1.1.occurrence, keep: 1) },
            residual: 0)
        probability.residual = probability.inherent
        if let response = risk.response {
            let r = response.reliability, keep = 1 - response.likelihoodReduction, k = response.impactReduction
            probability.residual = zip(weights, estimates).reduce(0) { acc, item in
                let (w, e) = item
                return acc + w * ((1 - r) * chanceOfOccurring(e.occurrence, keep: 1) + r * chanceOfOccurring(e.occurrence, keep: keep))
            }
            if k > 0 {
                // Surviving occurrences: all of them when the response is not delivered, the
                // kept share (scaled down) when it is.
                let undelivered = perOccurrence(weights, events).map { $0 * (1 - r) }
                let delivered = perOccurrence(weights, events).map { $0 * r * keep }
                let parts = estimates.map { ($0.impact, 1.0) } + estimates.map { ($0.impact, 1 - k) }
                let w = undelivered + delivered
                let total = w.reduce(0, +)
                residualP90 = total > 0 ? mixtureP90(parts, weights: w.map { $0 / total }) : inherentP90
            }
        }
        func place(_ p: Double, _ impact: Double) -> RegisterScore.MatrixRating {
            let l = Scales.level(of: p, in: scales.likelihood)
            let i = Scales.level(of: impact, in: impactScale.levels)
            var rating = cell(l, i, scales.rating)
            rating.probability = p
            rating.impactP90 = impact
            return rating
        }
        func stated(_ s: StatedRating?) -> RegisterScore.MatrixRating? {
            guard let s, let l = scales.likelihood.first(where: { $0.level == s.likelihood }),
                  let i = impactScale.levels.first(where: { $0.level == s.impact }) else { return nil }
            return cell(l, i, scales.rating)
        }
        let gross = place(probability.inherent, inherentP90)
        let current = place(probability.residual, residualP90)
        let statedGross = stated(risk.ratings?.gross)
        let statedCurrent = stated(risk.ratings?.current)
        var disagreements: [RegisterScore.RatingDisagreement] = []
        for (name, statedRating, placed) in [("gross", statedGross, gross), ("current", statedCurrent, current)] {
            guard let statedRating, statedRating.rag != placed.rag else { continue }
            let message = Phrasebook.english("score.rating.disagreement", [
                "rating": name, "stated": statedRating.rag.rawValue,
                "statedLikelihood": String(statedRating.likelihood), "statedImpact": String(statedRating.impact),
                "chance": percent(placed.probability!), "impactP90": FigureFormat.quantity(
                    FigureFormat.rounded(placed.impactP90!), unit: ResultReader.unitName(unit), currency: register.metadata.currency),
                "likelihood": String(placed.likelihood), "impact": String(placed.impact), "placed": placed.rag.rawValue,
            ])
            disagreements.append(.init(rating: name, stated: statedRating.rag, quantitative: placed.rag, message: message))
        }
        return RegisterScore.RiskRatings(
            gross: gross, current: current, target: stated(risk.ratings?.target),
            statedGross: statedGross, statedCurrent: statedCurrent, disagreements: disagreements)
    }

    /// The expected number of occurrences per horizon, as the simulation realises it.
    static func expectedEvents(_ occurrence: Estimate.Occurrence) -> Double {
        switch occurrence {
        case .likelihood(let d): return min(1, max(0, d.mean))
        case .frequency(let d):
            if case .fixed(let rate) = d.parameters { return max(0, rate) }
            return max(0, d.mean)
        }
    }

    /// The exact chance of at least one occurrence in a horizon when each occurrence survives
    /// with chance `keep`: p·keep for a likelihood, 1 − e^(−λ·keep) for a frequency, and for an
    /// uncertain frequency E[1 − e^(−Λ·keep)], by the midpoint rule over Λ's quantiles (2,000
    /// points: far finer than any band).
    static func chanceOfOccurring(_ occurrence: Estimate.Occurrence, keep: Double) -> Double {
        switch occurrence {
        case .likelihood:
            return expectedEvents(occurrence) * keep
        case .frequency(let d):
            if case .fixed(let rate) = d.parameters { return -expm1(-max(0, rate) * keep) }
            let points = 2000
            var sum = 0.0
            for i in 0..<points {
                let rate = min(max(0, d.quantile((Double(i) + 0.5) / Double(points))), SimulationPlan.maximumRate)
                sum += -expm1(-rate * keep)
            }
            return sum / Double(points)
        }
    }

    private static func cell(_ l: ScaleLevel, _ i: ScaleLevel, _ rule: RatingRule) -> RegisterScore.MatrixRating {
        let score = rule.score(likelihood: l.level, impact: i.level)
        return RegisterScore.MatrixRating(
            likelihood: l.level, likelihoodLabel: l.label, impact: i.level, impactLabel: i.label,
            score: score, rag: rule.rag(score))
    }

    private static func percent(_ p: Double) -> String {
        FigureFormat.percent(p)
    }

    /// The estimates of the headline view and their weights: the chosen perspective's own
    /// estimate when it gave one, otherwise the weighted pool of those that did.
    /// Estimates are taken in perspective-id order, so sums do not depend on the file's order.
    static func headlineEstimates(_ risk: Risk, register: Register, perspective: String?) -> ([Double], [Estimate]) {
        if let perspective, let own = risk.estimates.first(where: { $0.perspective == perspective }) {
            return ([1], [own])
        }
        let estimates = risk.estimates.sorted { $0.perspective < $1.perspective }
        var weights = estimates.map { e in register.perspectives.first { $0.id == e.perspective }?.weight ?? 1 }
        let total = weights.reduce(0, +)
        weights = total > 0 ? weights.map { $0 / total } : weights.map { _ in 1 / Double(weights.count) }
        return (weights, estimates)
    }

    /// The 90th percentile of a mixture of scaled distributions (harm × scale), by bisection
    /// on the mixture's distribution function.
    static func mixtureP90(_ parts: [(Distribution, Double)], weights: [Double]) -> Double {
        func cdf(_ x: Double) -> Double {
            zip(parts, weights).reduce(0) { acc, item in
                let ((d, scale), w) = item
                if scale <= 0 { return acc + (x >= 0 ? w : 0) }
                return acc + w * d.cdf(x / scale)
            }
        }
        var lo = 0.0, hi = 0.0
        for (d, scale) in parts {
            let s = d.support
            lo = min(lo, (s.lowerBound.isFinite ? s.lowerBound : d.quantile(1e-9)) * max(scale, 0))
            hi = max(hi, (s.upperBound.isFinite ? s.upperBound : d.quantile(1 - 1e-9)) * max(scale, 0))
        }
        if hi <= lo { return hi }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if cdf(mid) >= 0.9 { hi = mid } else { lo = mid }
            if hi - lo <= 1e-12 * max(1, abs(hi)) { break }
        }
        return hi
    }
}
