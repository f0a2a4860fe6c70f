#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Distributions

/// A Poisson(λ) sampler with its constants precomputed.
///
/// Small means (λ < 10) use sequential-search inversion, whose expected cost is about λ + 1
/// steps. Larger means use Hörmann's PTRS (transformed rejection with squeeze, 1993), which is
/// exact and takes about 1.1 uniform pairs per draw whatever λ is — the method numpy uses.
public struct Poisson: Sendable, Hashable {
    /// The mean number of events.
    public let lambda: Double
    @usableFromInline let expMinusLambda: Double
    @usableFromInline let logLambda: Double
    @usableFromInline let b: Double
    @usableFromInline let a: Double
    @usableFromInline let invAlpha: Double
    @usableFromInline let vr: Double

    /// The threshold between inversion and PTRS.
    public static let inversionLimit = 10.0

    /// Creates a sampler. `lambda` must be finite and non-negative (the plan checks this).
    public init(lambda: Double) {
        precondition(lambda >= 0 && lambda.isFinite, "Poisson mean must be finite and non-negative")
        self.lambda = lambda
        expMinusLambda = exp(-lambda)
        logLambda = log(lambda)
        b = 0.931 + 2.53 * lambda.squareRoot()
        a = -0.059 + 0.02483 * b
        invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
    }

    /// One draw.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Int {
        if lambda < Poisson.inversionLimit {
            if lambda == 0 { return 0 }
            let u = rng.nextUnit()
            var k = 0
            var p = expMinusLambda
            var f = p
            while u >= f && k < 1000 {
                k += 1
                p *= lambda / Double(k)
                f += p
            }
            return k
        }
        while true {
            let u = rng.nextUnit() - 0.5
            let v = rng.nextOpenUnit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -lambda + k * logLambda - lgamma(k + 1) {
                return Int(k)
            }
        }
    }

    /// P(N = k), for tests and reports.
    public func pmf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if lambda == 0 { return k == 0 ? 1 : 0 }
        return exp(Double(k) * logLambda - lambda - lgamma(Double(k) + 1))
    }
}
