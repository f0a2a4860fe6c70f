import Foundation
import Distributions
@testable import MonteCarlo

/// Helpers for statistical tests: every check uses a fixed seed and a bound derived from the
/// sample size, so a failure means a wrong sampler, not bad luck.
enum StatisticalChecks {
    /// The Kolmogorov–Smirnov statistic of `samples` against `cdf`.
    static func ksStatistic(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        let s = samples.sorted()
        let n = Double(s.count)
        var d = 0.0
        for (i, x) in s.enumerated() {
            let f = cdf(x)
            d = max(d, f - Double(i) / n, Double(i + 1) / n - f)
        }
        return d
    }

    /// The KS rejection bound used by rand_distr's tests (about the 0.1% level).
    static func ksBound(_ n: Int) -> Double { 1.95 / Double(n).squareRoot() }

    struct Moments {
        var mean: Double
        var variance: Double
        /// Standard errors of the sample mean and the sample variance.
        var meanSE: Double
        var varianceSE: Double
    }

    static func moments(_ x: [Double]) -> Moments {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for v in x {
            let d = (v - mean) * (v - mean)
            m2 += d
            m4 += d * d
        }
        let variance = m2 / (n - 1)
        m4 /= n
        return Moments(mean: mean, variance: variance, meanSE: (variance / n).squareRoot(),
                       varianceSE: (max(m4 - variance * variance, 0) / n).squareRoot())
    }

    static func samples(_ d: Distribution, n: Int, seed: UInt64) -> [Double] {
        var rng = Xoshiro256PlusPlus(seed: seed)
        return (0..<n).map { _ in d.sample(using: &rng) }
    }

    /// Pearson's chi-square statistic and its degrees of freedom, pooling cells with expected
    /// count below 5 into their neighbours.
    static func chiSquare(observed: [Int], expected: [Double]) -> (statistic: Double, degrees: Int) {
        var o = 0.0, e = 0.0, stat = 0.0, cells = 0
        for (ob, ex) in zip(observed, expected) {
            o += Double(ob)
            e += ex
            if e >= 5 {
                stat += (o - e) * (o - e) / e
                cells += 1
                o = 0
                e = 0
            }
        }
        if e > 0 { stat += (o - e) * (o - e) / max(e, 1e-300); cells += 1 }
        return (stat, max(1, cells - 1))
    }

    /// An upper bound for chi-square with `k` degrees of freedom at about the 0.01% level
    /// (Wilson–Hilferty with z = 3.72).
    static func chiSquareBound(_ k: Int) -> Double {
        let k = Double(k)
        let z = 3.72
        let t = 1 - 2 / (9 * k) + z * (2 / (9 * k)).squareRoot()
        return k * t * t * t
    }
}
