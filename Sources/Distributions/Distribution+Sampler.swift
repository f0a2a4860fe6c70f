#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// The sampling form of a distribution: the user's parameters turned into the constants
    /// each sampler needs, computed once at construction so a draw does no setup work.
    @usableFromInline
    package enum Sampler: Sendable {
        case fixed(Double)
        case uniform(min: Double, width: Double)
        /// `split` = (mode − min)/(max − min), the CDF at the mode.
        case triangular(min: Double, mode: Double, max: Double, split: Double)
        /// PERT and beta share one sampler: a beta on [0, 1] scaled to [min, min + width].
        case beta(BetaSampler)
        case normal(mean: Double, sd: Double)
        /// ln X ~ Normal(mu, sigma).
        case lognormal(mu: Double, sigma: Double)
        case choice(ChoiceTable)

        init(_ p: Parameters) {
            switch p {
            case let .fixed(v): self = .fixed(v)
            case let .uniform(a, b): self = .uniform(min: a, width: b - a)
            case let .triangular(a, c, b): self = .triangular(min: a, mode: c, max: b, split: (c - a) / (b - a))
            case let .pert(a, c, b, shape):
                let r = (c - a) / (b - a)
                self = .beta(BetaSampler(alpha: 1 + shape * r, beta: 1 + shape * (1 - r), min: a, width: b - a))
            case let .beta(al, be, a, b):
                self = .beta(BetaSampler(alpha: al, beta: be, min: a, width: b - a))
            case let .normal(m, s): self = .normal(mean: m, sd: s)
            case let .lognormal(p5, p95):
                let z95 = 1.6448536269514722
                let l5 = log(p5), l95 = log(p95)
                self = .lognormal(mu: (l5 + l95) / 2, sigma: (l95 - l5) / (2 * z95))
            case let .choice(values, probabilities):
                self = .choice(ChoiceTable(values: values, probabilities: probabilities))
            }
        }
    }

    /// A discrete choice sorted by value, with cumulative probabilities for inversion.
    @usableFromInline
    package struct ChoiceTable: Sendable {
        @usableFromInline package let values: [Double]
        @usableFromInline package let probabilities: [Double]
        /// cumulative[i] = P(X ≤ values[i]).
        @usableFromInline package let cumulative: [Double]

        init(values: [Double], probabilities: [Double]) {
            let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
            self.values = order.map { values[$0] }
            self.probabilities = order.map { probabilities[$0] }
            var c = 0.0
            var cumulative: [Double] = []
            for p in self.probabilities { c += p; cumulative.append(c) }
            self.cumulative = cumulative
        }

        /// The smallest value whose cumulative probability exceeds `u` (inversion).
        @inlinable
        package func value(at u: Double) -> Double {
            var lo = 0, hi = cumulative.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if u < cumulative[mid] { hi = mid } else { lo = mid + 1 }
            }
            return values[lo]
        }
    }

    /// Marsaglia–Tsang (2000) gamma sampling with the shape's constants precomputed.
    ///
    /// Shapes below 1 use the boost Γ(a) = Γ(a + 1)·U^{1/a}. Normals come from inversion (one
    /// uniform each), so a gamma draw's stream use depends only on its rejections.
    @usableFromInline
    package struct GammaSampler: Sendable {
        @usableFromInline package let d: Double
        @usableFromInline package let c: Double
        /// 1/shape when shape < 1 (for the boost), else 0.
        @usableFromInline package let inverseShape: Double

        init(shape: Double) {
            let a = shape < 1 ? shape + 1 : shape
            d = a - 1.0 / 3.0
            c = 1 / (9 * d).squareRoot()
            inverseShape = shape < 1 ? 1 / shape : 0
        }

        @inlinable
        package func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
            var result: Double
            while true {
                let x = SpecialFunctions.normalQuantile(rng.nextOpenUnit())
                var v = 1 + c * x
                if v <= 0 { continue }
                v = v * v * v
                let u = rng.nextOpenUnit()
                let x2 = x * x
                if u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v)) {
                    result = d * v
                    break
                }
            }
            if inverseShape > 0 {
                result *= pow(rng.nextOpenUnit(), inverseShape)
            }
            return result
        }
    }

    /// Beta(α, β) on [min, min + width] as X/(X + Y) with X ~ Γ(α), Y ~ Γ(β): exact for all
    /// shapes and needing no tables.
    @usableFromInline
    package struct BetaSampler: Sendable {
        @usableFromInline package let alpha: Double
        @usableFromInline package let beta: Double
        @usableFromInline package let min: Double
        @usableFromInline package let width: Double
        @usableFromInline package let gammaAlpha: GammaSampler
        @usableFromInline package let gammaBeta: GammaSampler

        init(alpha: Double, beta: Double, min: Double, width: Double) {
            self.alpha = alpha
            self.beta = beta
            self.min = min
            self.width = width
            gammaAlpha = GammaSampler(shape: alpha)
            gammaBeta = GammaSampler(shape: beta)
        }

        @inlinable
        package func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
            let x = gammaAlpha.sample(using: &rng)
            let y = gammaBeta.sample(using: &rng)
            let t = x / (x + y)
            // Both gammas can underflow to 0 for tiny shapes; fall back on the mean's side.
            return min + width * (t.isNaN ? alpha / (alpha + beta) : t)
        }
    }
}
