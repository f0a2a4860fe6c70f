#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable, validated probability distribution over a real quantity (an impact, a benefit,
/// a rate).
///
/// Values are made only through the throwing factories (``fixed(_:)``, ``uniform(min:max:)``,
/// ``triangular(min:mode:max:)``, ``pert(min:mode:max:shape:)``, ``normal(mean:sd:)``,
/// ``lognormal(p5:p95:)``, ``beta(alpha:beta:min:max:)``, ``choice(values:probabilities:)``), so a
/// `Distribution` is always valid: the engine never needs to check parameters in its hot loop, and
/// the register validator gets a ``DistributionError`` it can attach to a YAML node.
///
/// Sampling switches on a closed enum of precomputed samplers, so the engine's inner loops have no
/// existentials or dynamic dispatch.
public struct Distribution: Sendable, Hashable, Codable {
    /// The parameters as the register states them.
    public enum Parameters: Sendable, Hashable, Codable {
        case fixed(Double)
        case uniform(min: Double, max: Double)
        case triangular(min: Double, mode: Double, max: Double)
        case pert(min: Double, mode: Double, max: Double, shape: Double)
        case normal(mean: Double, sd: Double)
        case lognormal(p5: Double, p95: Double)
        case beta(alpha: Double, beta: Double, min: Double, max: Double)
        case choice(values: [Double], probabilities: [Double])
    }

    /// The parameters this distribution was made from.
    public var parameters: Parameters { storage.parameters }
    @usableFromInline package var sampler: Sampler { storage.sampler }

    /// The parameters and the sampler prepared from them, behind a reference: together they are
    /// some 150 bytes, and a register's model and its simulation plan hold several per estimate
    /// (shared, not copied, through this reference).
    @usableFromInline let storage: Storage

    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let parameters: Parameters
        @usableFromInline let sampler: Sampler

        init(_ parameters: Parameters) {
            self.parameters = parameters
            sampler = Sampler(parameters)
        }
    }

    private init(_ parameters: Parameters) {
        storage = Storage(parameters)
    }

    public init(from decoder: any Decoder) throws {
        let parameters = try Parameters(from: decoder)
        try self.init(validating: parameters)
    }

    public func encode(to encoder: any Encoder) throws {
        try parameters.encode(to: encoder)
    }

    /// Validates `parameters` through the matching factory.
    public init(validating parameters: Parameters) throws(DistributionError) {
        switch parameters {
        case let .fixed(v): self = try .fixed(v)
        case let .uniform(a, b): self = try .uniform(min: a, max: b)
        case let .triangular(a, c, b): self = try .triangular(min: a, mode: c, max: b)
        case let .pert(a, c, b, s): self = try .pert(min: a, mode: c, max: b, shape: s)
        case let .normal(m, s): self = try .normal(mean: m, sd: s)
        case let .lognormal(p5, p95): self = try .lognormal(p5: p5, p95: p95)
        case let .beta(al, be, a, b): self = try .beta(alpha: al, beta: be, min: a, max: b)
        case let .choice(v, p): self = try .choice(values: v, probabilities: p)
        }
    }

    public static func == (lhs: Distribution, rhs: Distribution) -> Bool { lhs.parameters == rhs.parameters }
    public func hash(into hasher: inout Hasher) { hasher.combine(parameters) }

    // MARK: Factories

    /// The beta shapes (`alpha`, `beta`) allowed. Above 10⁴ the table sampler's rejection step
    /// needs ever more tries per draw (about max(α, β)/1,024, unbounded as the shape grows);
    /// below 0.01 the gamma draws underflow to zero too often to give the distribution asked for.
    public static let betaShapes = 0.01...1e4

    /// The largest PERT `shape`: its beta shapes, 1 + shape·r and 1 + shape·(1 − r), then stay
    /// within one of ``betaShapes``'s upper bound.
    public static let maximumPertShape = 1e4

    private static func finite(_ name: String, _ value: Double) throws(DistributionError) {
        if !value.isFinite { throw .notFinite(parameter: name, value: value) }
    }

    private static func increasing(_ ln: String, _ l: Double, _ un: String, _ u: Double) throws(DistributionError) {
        try finite(ln, l)
        try finite(un, u)
        if !(u > l) { throw .boundsNotIncreasing(lower: ln, upper: un, lowerValue: l, upperValue: u) }
    }

    /// A value known exactly.
    public static func fixed(_ value: Double) throws(DistributionError) -> Distribution {
        try finite("value", value)
        return Distribution(.fixed(value))
    }

    /// Every value in `[min, max)` equally likely. Requires `min < max`.
    public static func uniform(min: Double, max: Double) throws(DistributionError) -> Distribution {
        try increasing("min", min, "max", max)
        return Distribution(.uniform(min: min, max: max))
    }

    /// The triangular distribution. Requires `min < max` and `min ≤ mode ≤ max`.
    public static func triangular(min: Double, mode: Double, max: Double) throws(DistributionError) -> Distribution {
        try increasing("min", min, "max", max)
        try finite("mode", mode)
        if !(mode >= min && mode <= max) { throw .modeOutsideRange(mode: mode, min: min, max: max) }
        return Distribution(.triangular(min: min, mode: mode, max: max))
    }

    /// The (modified) PERT distribution: a beta on `[min, max]` with
    /// α = 1 + shape·(mode − min)/(max − min), β = 1 + shape·(max − mode)/(max − min).
    /// Requires 0 < shape ≤ ``maximumPertShape``, so sampling takes bounded time.
    ///
    /// - Parameter shape: how strongly the mode pulls; the default 4 is the classic PERT
    ///   (mean = (min + 4·mode + max)/6) that estimators are taught.
    public static func pert(min: Double, mode: Double, max: Double, shape: Double = 4) throws(DistributionError) -> Distribution {
        try increasing("min", min, "max", max)
        try finite("mode", mode)
        try finite("shape", shape)
        if !(mode >= min && mode <= max) { throw .modeOutsideRange(mode: mode, min: min, max: max) }
        if !(shape > 0) { throw .notPositive(parameter: "shape", value: shape) }
        if !(shape <= Distribution.maximumPertShape) {
            throw .shapeOutOfRange(parameter: "shape", value: shape, range: 0...Distribution.maximumPertShape)
        }
        return Distribution(.pert(min: min, mode: mode, max: max, shape: shape))
    }

    /// The normal distribution. Requires `sd > 0` (use ``fixed(_:)`` for a known value).
    public static func normal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try finite("mean", mean)
        try finite("sd", sd)
        if !(sd > 0) { throw .notPositive(parameter: "sd", value: sd) }
        return Distribution(.normal(mean: mean, sd: sd))
    }

    /// The lognormal distribution whose 5th and 95th percentiles are `p5` and `p95` — the
    /// "90% interval" estimators are trained to give. Requires `0 < p5 < p95`.
    public static func lognormal(p5: Double, p95: Double) throws(DistributionError) -> Distribution {
        try finite("p5", p5)
        if !(p5 > 0) { throw .notPositive(parameter: "p5", value: p5) }
        try increasing("p5", p5, "p95", p95)
        return Distribution(.lognormal(p5: p5, p95: p95))
    }

    /// The beta distribution with shapes `alpha`, `beta`, scaled from [0, 1] to `[min, max]`
    /// (default [0, 1], for a probability). Requires both shapes within
    /// ``betaShapes``: far beyond them the samplers need unboundedly many tries.
    public static func beta(alpha: Double, beta: Double, min: Double = 0, max: Double = 1) throws(DistributionError) -> Distribution {
        try finite("alpha", alpha)
        try finite("beta", beta)
        if !(alpha > 0) { throw .notPositive(parameter: "alpha", value: alpha) }
        if !(beta > 0) { throw .notPositive(parameter: "beta", value: beta) }
        for (name, value) in [("alpha", alpha), ("beta", beta)] where !Distribution.betaShapes.contains(value) {
            throw .shapeOutOfRange(parameter: name, value: value, range: Distribution.betaShapes)
        }
        try increasing("min", min, "max", max)
        return Distribution(.beta(alpha: alpha, beta: beta, min: min, max: max))
    }

    /// One of `values`, with the given probabilities (which must be non-negative and sum to 1
    /// within 1e-9; they are used as given, not renormalised beyond that tolerance).
    public static func choice(values: [Double], probabilities: [Double]) throws(DistributionError) -> Distribution {
        if values.isEmpty || values.count != probabilities.count {
            throw .badChoiceShape(values: values.count, probabilities: probabilities.count)
        }
        for (i, v) in values.enumerated() { try finite("value \(i + 1)", v) }
        var sum = 0.0
        for (i, p) in probabilities.enumerated() {
            try finite("probability \(i + 1)", p)
            if !(p >= 0) { throw .negativeProbability(index: i, value: p) }
            sum += p
        }
        if !(abs(sum - 1) <= 1e-9) { throw .probabilitiesDoNotSumToOne(sum: sum) }
        return Distribution(.choice(values: values, probabilities: probabilities))
    }

    // MARK: Moments

    /// The expected value.
    public var mean: Double {
        switch sampler {
        case let .fixed(v): return v
        case let .uniform(a, w): return a + w / 2
        case let .triangular(a, c, b, _): return (a + c + b) / 3
        case let .beta(s): return s.min + s.width * s.alpha / (s.alpha + s.beta)
        case let .normal(m, _): return m
        case let .lognormal(mu, sigma): return exp(mu + sigma * sigma / 2)
        case let .choice(t): return zip(t.values, t.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// The variance.
    public var variance: Double {
        switch sampler {
        case .fixed: return 0
        case let .uniform(_, w): return w * w / 12
        case let .triangular(a, c, b, _): return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case let .beta(s):
            let n = s.alpha + s.beta
            return s.width * s.width * s.alpha * s.beta / (n * n * (n + 1))
        case let .normal(_, sd): return sd * sd
        case let .lognormal(mu, sigma):
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case let .choice(t):
            let m = mean
            return zip(t.values, t.probabilities).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) }
        }
    }

    /// The standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The smallest and largest values the distribution can take (infinite for normal, and
    /// +∞ above for lognormal).
    public var support: ClosedRange<Double> {
        switch sampler {
        case let .fixed(v): return v...v
        case let .uniform(a, w): return a...(a + w)
        case let .triangular(a, _, b, _): return a...b
        case let .beta(s): return s.min...(s.min + s.width)
        case .normal: return -Double.infinity...Double.infinity
        case .lognormal: return 0...Double.infinity
        case let .choice(t): return t.values.first!...t.values.last!
        }
    }
}
