#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Distributions

/// Per-risk figures that follow from the estimates without simulation: the percentiles of one
/// occurrence's impact (for a mixed view, the per-occurrence mixture), the tornado swing and,
/// for probability estimates, the exact loss P90.
///
/// Beta and PERT quantiles need numerical inversion, so results are cached by estimate
/// mixture: registers repeat the same few shapes many times.
final class RiskAnalytics {
    struct Figures {
        var impactP10: Double
        var impactP90: Double
        var tornado: Double
        var lossP90: Double?
    }

    private struct Key: Hashable {
        var estimates: [SimulationPlan.Estimate]
        var weights: [Double]
    }

    let plan: SimulationPlan
    private var cache: [Key: Figures] = [:]
    private var quantiles: [Distribution: (Double, Double)] = [:]

    init(plan: SimulationPlan) {
        self.plan = plan
    }

    func figures(risk r: Int, view v: Int) -> Figures {
        let weights = plan.views[v].weights[r]
        let used = weights.indices.filter { weights[$0] > 0 }
        let key = Key(estimates: used.map { plan.risks[r].estimates[$0] }, weights: used.map { weights[$0] })
        if let cached = cache[key] { return cached }
        let estimates = key.estimates
        // One occurrence's impact is a mixture over the estimates weighted by how many
        // occurrences each supplies: weight × expected occurrences (the weights alone when no
        // estimate expects any).
        let events = estimates.map(\.occurrence.expectedEvents)
        let expected = zip(key.weights, events).reduce(0) { $0 + $1.0 * $1.1 }
        let perOccurrence = expected > 0 ? zip(key.weights, events).map { $0 * $1 / expected } : key.weights
        let impacts = estimates.map(\.impact)
        let p10 = mixtureQuantile(0.10, impacts, perOccurrence)
        let p90 = mixtureQuantile(0.90, impacts, perOccurrence)
        // The documented swing: expected occurrences × (impact P90 − impact P10).
        let tornado = expected * (p90 - p10)
        var lossP90: Double?
        let bernoulli = estimates.allSatisfy {
            if case .probability = $0.occurrence, $0.benefit == nil { return true }
            return false
        }
        if bernoulli {
            lossP90 = lossQuantile(0.90, estimates, key.weights)
        }
        let figures = Figures(impactP10: p10, impactP90: p90, tornado: tornado, lossP90: lossP90)
        cache[key] = figures
        return figures
    }

    private func impactQuantiles(_ d: Distribution) -> (Double, Double) {
        if let q = quantiles[d] { return q }
        let q = (d.quantile(0.10), d.quantile(0.90))
        quantiles[d] = q
        return q
    }

    /// The p-quantile of a mixture, by bisection on Σ wₑ Fₑ(x) between the components'
    /// quantiles (the mixture's quantile always lies between them).
    private func mixtureQuantile(_ p: Double, _ all: [Distribution], _ allWeights: [Double]) -> Double {
        // Components without weight play no part (nor bound the search).
        let used = allWeights.indices.filter { allWeights[$0] > 0 }
        let ds = used.isEmpty ? all : used.map { all[$0] }
        let w = used.isEmpty ? allWeights : used.map { allWeights[$0] }
        // Only P10 and P90 are asked for; both are cached per distribution.
        let qs = ds.map { p < 0.5 ? impactQuantiles($0).0 : impactQuantiles($0).1 }
        if ds.count == 1 { return qs[0] }
        var lo = qs.min()!, hi = qs.max()!
        if lo == hi { return lo }
        for _ in 0..<100 {
            let mid = 0.5 * (lo + hi)
            let f = zip(ds, w).reduce(0) { $0 + $1.1 * $1.0.cdf(mid) }
            if f >= p { hi = mid } else { lo = mid }
            if hi - lo <= 1e-12 * max(1, abs(hi)) { break }
        }
        return hi
    }

    /// The p-quantile of a per-trial loss that is 0 with probability 1 − pₑ and an impact
    /// draw otherwise, mixed over estimates: the smallest x with F(x) ≥ p.
    private func lossQuantile(_ p: Double, _ estimates: [SimulationPlan.Estimate], _ w: [Double]) -> Double {
        func cdf(_ x: Double) -> Double {
            zip(estimates, w).reduce(0) { acc, item in
                guard case let .probability(q) = item.0.occurrence else { return acc }
                return acc + item.1 * ((x >= 0 ? 1 - q : 0) + q * item.0.impact.cdf(x))
            }
        }
        if cdf(0) >= p {
            // Is the quantile exactly 0, or below it (negative impacts)?
            if cdf(-1e-300) < p { return 0 }
        }
        var lo = 0.0, hi = 0.0
        for e in estimates {
            let s = e.impact.support
            lo = min(lo, s.lowerBound.isFinite ? s.lowerBound : e.impact.quantile(1e-12))
            hi = max(hi, s.upperBound.isFinite ? s.upperBound : e.impact.quantile(1 - 1e-12))
        }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if cdf(mid) >= p { hi = mid } else { lo = mid }
            if hi - lo <= 1e-12 * max(1, abs(hi)) { break }
        }
        return hi
    }
}
