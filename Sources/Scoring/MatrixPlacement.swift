import Distributions
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
/// worst case" most impact criteria describe). Each is put on the level whose band holds it.
enum MatrixPlacement {
    static func ratings(
        risk: Risk, register: Register, probability: InherentAndResidual<Double>, perspective: String?
    ) -> RegisterScore.RiskRatings? {
        guard let scales = register.scales, let unit = register.outcome(risk.outcome)?.unit,
              let impactScale = scales.impactScale(for: unit)
        else { return nil }
        let (weights, estimates) = headlineEstimates(risk, register: register, perspective: perspective)
        let inherentP90 = mixtureP90(estimates.map { ($0.impact, 1.0) }, weights: weights)
        var residualP90 = inherentP90
        if let response = risk.response, response.impactReduction > 0 {
            let r = response.reliability, k = response.impactReduction
            residualP90 = mixtureP90(estimates.map { ($0.impact, 1.0) } + estimates.map { ($0.impact, 1 - k) },
                                     weights: weights.map { $0 * (1 - r) } + weights.map { $0 * r })
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
            let message = "rated \(name) \(statedRating.rag.rawValue) (\(statedRating.likelihood)×\(statedRating.impact)), "
                + "but its chance of \(percent(placed.probability!)) and impact P90 of \(FigureFormat.amount(placed.impactP90!)) "
                + "place it at \(placed.likelihood)×\(placed.impact), \(placed.rag.rawValue)"
            disagreements.append(.init(rating: name, stated: statedRating.rag, quantitative: placed.rag, message: message))
        }
        return RegisterScore.RiskRatings(
            gross: gross, current: current, target: stated(risk.ratings?.target),
            statedGross: statedGross, statedCurrent: statedCurrent, disagreements: disagreements)
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
    static func headlineEstimates(_ risk: Risk, register: Register, perspective: String?) -> ([Double], [Estimate]) {
        if let perspective, let own = risk.estimates.first(where: { $0.perspective == perspective }) {
            return ([1], [own])
        }
        var weights = risk.estimates.map { e in register.perspectives.first { $0.id == e.perspective }?.weight ?? 1 }
        let total = weights.reduce(0, +)
        weights = total > 0 ? weights.map { $0 / total } : weights.map { _ in 1 / Double(weights.count) }
        return (weights, risk.estimates)
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
