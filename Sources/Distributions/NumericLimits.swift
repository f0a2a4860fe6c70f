#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The numeric domain a register must stay within so that every figure the engine computes is
/// finite and every sampler finishes in bounded time and memory.
///
/// The register validator refuses anything outside these limits with a location, and the
/// scorer refuses a register built in code that breaks them, so the engine never meets a
/// value it cannot handle. docs/register-format.md ("Limits") explains each one.
public enum NumericLimits {
    /// The largest size of any amount a register states: an impact, a benefit, a cost, a
    /// threshold, a weight, a distribution's parameter. 10¹⁵ is a thousand million million, far
    /// above any public body's budget in any currency's smallest unit, and keeps sums over
    /// tens of thousands of risks and their squares (for variances) far inside a double's range.
    public static let maximumAmount = 1e15

    /// The smallest size of an amount other than 0. Smaller ones mean nothing in any unit a
    /// register counts in, and ratios with them (a value for money, a disagreement between
    /// perspectives) would overflow.
    public static let minimumAmount = 1e-9

    /// Whether a stated amount is 0 or between ``minimumAmount`` and ``maximumAmount`` in size.
    public static func isAllowedAmount(_ x: Double) -> Bool {
        x == 0 || (abs(x) >= minimumAmount && abs(x) <= maximumAmount)
    }

    /// The largest size a draw may reach. A normal or lognormal has no bounds; the sampler
    /// reaches at most ``samplerReach`` standard deviations from the centre, and the value
    /// there must stay within this (a thousand times ``maximumAmount``, so a wide but sensible
    /// lognormal such as `[1M, 1e9]` is allowed).
    public static let maximumReach = 1e18

    /// How far the normal sampler can reach, in standard deviations: it inverts the normal
    /// distribution at uniforms no closer to 0 or 1 than 2⁻⁵³, where |z| ≈ 8.21. The limit
    /// rounds that up.
    public static let samplerReach = 8.3

    /// The largest expected number of events per horizon a frequency may have, and the cap on
    /// a rate drawn from an uncertain frequency. The engine holds a block's events in memory
    /// (about 20 bytes each, 16,384 trials a block), so this bounds a scoring run's memory to
    /// a few hundred megabytes per worker thread whatever the register says.
    public static let maximumFrequency = 1000.0

    /// The beta shapes allowed (``Distribution/betaShapes``).
    public static let betaShapes = Distribution.betaShapes

    /// The largest PERT shape (``Distribution/maximumPertShape``).
    public static let maximumPertShape = Distribution.maximumPertShape

    /// The most perspectives a register may declare: a risk's estimates are tracked as the
    /// bits of one 64-bit mask.
    public static let maximumPerspectives = 64

    /// The most per-trial series one run may keep for each treatment: views (the perspectives,
    /// plus the pooled one when there are several, or 1 + the portfolios in the comparison
    /// run) times outcome slots (the outcomes, plus the register total when it is separate).
    /// Past 1 GiB of them (`RunOptions.seriesMemoryLimit`) the series are streamed instead of
    /// kept, so memory stays bounded at any trial count.
    public static let maximumSeries = 256

    /// The most risks one group of correlated risks (linked directly or through others) may
    /// hold. Rank correlation is induced block by block at a cost of about trials × k² for a
    /// group of k: a chain of 200 takes some 30 seconds at 100,000 trials, one of 800 five
    /// minutes.
    public static let maximumCorrelationGroup = 200

    /// The most trials a run may simulate (`--trials` and `--max-trials`).
    public static let maximumTrials = 100_000_000

    /// What a distribution's values measure.
    public enum Kind: Sendable {
        case amount, probability, frequency
    }

    /// One way a value breaks the limits.
    public enum Violation: Sendable, Equatable, CustomStringConvertible {
        /// A stated value larger than ``maximumAmount``, or other than 0 and smaller than
        /// ``minimumAmount``.
        case amount(Double)
        /// A normal or lognormal whose draws reach beyond ``maximumReach``.
        case reach(Double)
        /// A frequency above ``maximumFrequency``.
        case frequency(Double)
        /// A beta or PERT shape outside its range.
        case shape(parameter: String, value: Double, range: ClosedRange<Double>)

        public var description: String {
            switch self {
            case let .amount(v): return "\(v) is not 0 or between \(NumericLimits.minimumAmount) and \(NumericLimits.maximumAmount) in size"
            case let .reach(v): return "its draws reach \(v), beyond \(NumericLimits.maximumReach)"
            case let .frequency(v): return "\(v) events per horizon is more than \(NumericLimits.maximumFrequency)"
            case let .shape(p, v, r): return "\(p) \(v) is outside \(r.lowerBound) to \(r.upperBound)"
            }
        }
    }

    /// The first way `parameters` break the limits when they measure `kind`, or nil.
    ///
    /// Checked in this order: shapes, stated values, then the frequency cap (bounded families:
    /// the largest value; normal and lognormal: the 95th percentile, since the engine caps each
    /// drawn rate at ``maximumFrequency``), then how far the draws reach. Written to fail on NaN.
    public static func violation(_ parameters: Distribution.Parameters, kind: Kind) -> Violation? {
        if let v = shapeViolation(parameters) { return v }
        if kind != .probability {
            for x in statedValues(parameters) where !isAllowedAmount(x) { return .amount(x) }
        }
        switch kind {
        case .probability:
            return nil
        case .frequency:
            let high: Double
            switch parameters {
            case let .normal(m, sd): high = m + 1.6448536269514722 * sd
            case let .lognormal(_, p95): high = p95
            default: high = reach(parameters).upperBound
            }
            return high <= maximumFrequency ? nil : .frequency(high)
        case .amount:
            let r = reach(parameters)
            if !(r.upperBound <= maximumReach) { return .reach(r.upperBound) }
            if !(r.lowerBound >= -maximumReach) { return .reach(r.lowerBound) }
            return nil
        }
    }

    /// A beta or PERT shape outside its range, or nil.
    public static func shapeViolation(_ parameters: Distribution.Parameters) -> Violation? {
        switch parameters {
        case let .beta(alpha, beta, _, _):
            if !betaShapes.contains(alpha) { return .shape(parameter: "alpha", value: alpha, range: betaShapes) }
            if !betaShapes.contains(beta) { return .shape(parameter: "beta", value: beta, range: betaShapes) }
        case let .pert(_, _, _, shape) where !(shape <= maximumPertShape):
            return .shape(parameter: "shape", value: shape, range: 0...maximumPertShape)
        default:
            break
        }
        return nil
    }

    /// The values a register states for a distribution, other than shapes and probabilities.
    static func statedValues(_ parameters: Distribution.Parameters) -> [Double] {
        switch parameters {
        case let .fixed(v): return [v]
        case let .uniform(a, b): return [a, b]
        case let .triangular(a, c, b), let .pert(a, c, b, _): return [a, c, b]
        case let .normal(m, sd): return [m, sd]
        case let .lognormal(p5, p95): return [p5, p95]
        case let .beta(_, _, a, b): return [a, b]
        case let .choice(values, _): return values
        }
    }

    /// The lowest and highest values a draw can take: the bounds of a bounded family, and
    /// ``samplerReach`` standard deviations either side of the centre for normal and lognormal
    /// (on the log scale). May be infinite (an overflow means far outside the limits).
    public static func reach(_ parameters: Distribution.Parameters) -> ClosedRange<Double> {
        func range(_ a: Double, _ b: Double) -> ClosedRange<Double> {
            // NaN-proof: a range that cannot be formed is reported as reaching infinity.
            a <= b ? a...b : -Double.infinity...Double.infinity
        }
        switch parameters {
        case let .fixed(v): return range(v, v)
        case let .uniform(a, b), let .triangular(a, _, b), let .pert(a, _, b, _), let .beta(_, _, a, b): return range(a, b)
        case let .normal(m, sd): return range(m - samplerReach * sd, m + samplerReach * sd)
        case let .lognormal(p5, p95):
            let z95 = 1.6448536269514722
            let l5 = log(p5), l95 = log(p95)
            let mu = (l5 + l95) / 2, sigma = (l95 - l5) / (2 * z95)
            return range(exp(mu - samplerReach * sigma), exp(mu + samplerReach * sigma))
        case let .choice(values, _): return range(values.min() ?? 0, values.max() ?? 0)
        }
    }

    /// The series one treatment of a run keeps per trial, for `views` views (perspectives plus
    /// the pooled one, or 1 + portfolios) over `outcomes` outcomes, `separateTotal` when the
    /// register total is a series of its own.
    public static func series(views: Int, outcomes: Int, separateTotal: Bool) -> Int {
        views * (outcomes + (separateTotal ? 1 : 0))
    }
}
