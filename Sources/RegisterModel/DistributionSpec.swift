import Foundation

/// A distribution as a register states it: a family and its parameters, already checked.
///
/// The scoring engine has its own sampler types; this is the register's word for them, so the
/// model can be read and compared (by `riskreg diff`) without knowing how it is sampled.
public enum DistributionSpec: Sendable, Hashable {
    case fixed(Double)
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// Beta-PERT; `shape` 4 is the classic PERT.
    case pert(min: Double, mode: Double, max: Double, shape: Double)
    case normal(mean: Double, sd: Double)
    /// Lognormal given by its 5th and 95th percentiles: the 90 % interval estimators are trained to give.
    case lognormal(p5: Double, p95: Double)
    /// Beta(alpha, beta) scaled to [min, max].
    case beta(alpha: Double, beta: Double, min: Double, max: Double)
    case discrete([Choice])

    /// One value of a discrete choice and its probability.
    public struct Choice: Sendable, Hashable {
        public var value: Double
        public var probability: Double

        public init(value: Double, probability: Double) {
            self.value = value
            self.probability = probability
        }
    }

    /// The family's name as written in a register.
    public var family: String {
        switch self {
        case .fixed: "fixed"
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .pert: "pert"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .beta: "beta"
        case .discrete: "discrete"
        }
    }

    /// The smallest and largest values the distribution can take (infinite where unbounded).
    public var support: ClosedRange<Double> {
        switch self {
        case .fixed(let v): v...v
        case .uniform(let lo, let hi), .triangular(let lo, _, let hi), .pert(let lo, _, let hi, _),
             .beta(_, _, let lo, let hi): lo...hi
        case .normal: -Double.infinity...Double.infinity
        case .lognormal: 0...Double.infinity
        case .discrete(let choices):
            (choices.map(\.value).min() ?? 0)...(choices.map(\.value).max() ?? 0)
        }
    }

    /// The mean, in closed form: what a likelihood given as a distribution acts through.
    public var mean: Double {
        switch self {
        case .fixed(let v): return v
        case .uniform(let lo, let hi): return (lo + hi) / 2
        case .triangular(let lo, let mode, let hi): return (lo + mode + hi) / 3
        case .pert(let lo, let mode, let hi, let shape): return (lo + shape * mode + hi) / (shape + 2)
        case .normal(let mean, _): return mean
        case .lognormal(let p5, let p95):
            let (mu, sigma) = Self.lognormalParameters(p5: p5, p95: p95)
            return exp(mu + sigma * sigma / 2)
        case .beta(let a, let b, let lo, let hi): return lo + (hi - lo) * a / (a + b)
        case .discrete(let choices): return choices.reduce(0) { $0 + $1.value * $1.probability }
        }
    }

    /// The z-score of the 95th percentile of the standard normal.
    public static let z95 = 1.6448536269514722

    /// μ and σ of the underlying normal of a lognormal with the given 5th and 95th percentiles.
    public static func lognormalParameters(p5: Double, p95: Double) -> (mu: Double, sigma: Double) {
        let lo = log(p5), hi = log(p95)
        return ((lo + hi) / 2, (hi - lo) / (2 * z95))
    }
}
