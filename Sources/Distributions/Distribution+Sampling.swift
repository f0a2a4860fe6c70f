#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// One draw, using `rng` for all randomness.
    ///
    /// Generic over the generator so the compiler specialises it for ``Xoshiro256PlusPlus`` and
    /// ``SplitMix64`` in the engine; the switch is over a closed enum, so there is no dynamic
    /// dispatch. Continuous distributions other than beta/PERT and gamma use exactly one uniform
    /// (inversion), so their draws line up across estimates that share a stream.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        switch sampler {
        case let .fixed(v):
            return v
        case let .uniform(a, w):
            return a + w * rng.nextUnit()
        case let .triangular(a, c, b, split):
            let u = rng.nextUnit()
            return u < split
                ? a + (u * (b - a) * (c - a)).squareRoot()
                : b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        case let .beta(s):
            return s.sample(using: &rng)
        case let .normal(m, sd):
            return m + sd * SpecialFunctions.normalQuantile(rng.nextOpenUnit())
        case let .lognormal(mu, sigma):
            return exp(mu + sigma * SpecialFunctions.normalQuantile(rng.nextOpenUnit()))
        case let .choice(t):
            return t.value(at: rng.nextUnit())
        }
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        switch sampler {
        case let .fixed(v):
            return x >= v ? 1 : 0
        case let .uniform(a, w):
            return Swift.min(1, Swift.max(0, (x - a) / w))
        case let .triangular(a, c, b, _):
            if x <= a { return 0 }
            if x >= b { return 1 }
            if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
            return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case let .beta(s):
            return SpecialFunctions.incompleteBeta((x - s.min) / s.width, s.alpha, s.beta)
        case let .normal(m, sd):
            return SpecialFunctions.normalCDF((x - m) / sd)
        case let .lognormal(mu, sigma):
            return x > 0 ? SpecialFunctions.normalCDF((log(x) - mu) / sigma) : 0
        case let .choice(t):
            var c = 0.0
            for (v, p) in zip(t.values, t.probabilities) where v <= x { c += p }
            return Swift.min(c, 1)
        }
    }

    /// The `u`-quantile (inverse CDF) for `u` in [0, 1].
    ///
    /// Closed form for every distribution except beta and PERT, which invert the incomplete
    /// beta function numerically (tens of evaluations): fine for reporting and setup, too slow
    /// for a per-draw hot loop.
    public func quantile(_ u: Double) -> Double {
        let u = Swift.min(1, Swift.max(0, u))
        switch sampler {
        case let .fixed(v):
            return v
        case let .uniform(a, w):
            return a + w * u
        case let .triangular(a, c, b, split):
            return u < split
                ? a + (u * (b - a) * (c - a)).squareRoot()
                : b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        case let .beta(s):
            return s.min + s.width * SpecialFunctions.inverseIncompleteBeta(u, s.alpha, s.beta)
        case let .normal(m, sd):
            return m + sd * SpecialFunctions.normalQuantile(u)
        case let .lognormal(mu, sigma):
            return exp(mu + sigma * SpecialFunctions.normalQuantile(u))
        case let .choice(t):
            if u >= 1 { return t.values.last! }
            return t.value(at: u)
        }
    }
}
