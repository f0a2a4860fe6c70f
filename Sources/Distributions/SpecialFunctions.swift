#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Special functions needed by the distributions: normal quantile and CDF, the regularised
/// incomplete beta function and its inverse. Kept internal; each is a published algorithm.
@usableFromInline
package enum SpecialFunctions {
    /// Φ⁻¹(p) by Wichura's AS 241 (PPND16), accurate to about 1e-16 relative. Used both to
    /// sample normals by inversion (one uniform per normal, so a normal draw always consumes
    /// the same amount of its stream) and for Iman–Conover scores.
    @inlinable
    package static func normalQuantile(_ p: Double) -> Double {
        if !(p > 0) { return -.infinity }
        if !(p < 1) { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                + 67265.770927008700853) * r + 45921.953931549871457) * r
                + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((5226.495278852545925 * r + 28729.085735721942674) * r
                + 39307.89580009271061) * r + 21213.794301586595867) * r
                + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
            return q * num / den
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        var x: Double
        if r <= 5 {
            r -= 1.6
            x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
                + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
                / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1.0)
        } else {
            r -= 5
            x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
                / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1.0)
        }
        return q < 0 ? -x : x
    }

    /// Φ(x) through the complementary error function (accurate in both tails).
    package static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The regularised incomplete beta function I_x(a, b), by Lentz's continued fraction
    /// (Numerical Recipes §6.4), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) for fast
    /// convergence.
    package static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if !(x > 0) { return 0 }
        if !(x < 1) { return 1 }
        let lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(lnFront) * betaContinuedFraction(x, a, b) / a
        }
        return 1 - exp(lnFront) * betaContinuedFraction(1 - x, b, a) / b
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) < 1e-15 { break }
        }
        return h
    }

    /// The inverse of I_x(a, b) in x, by safeguarded Newton iteration on a bracket. Costly
    /// (tens of incomplete-beta evaluations), so it is used only for setup and reporting,
    /// never per draw.
    package static func inverseIncompleteBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
        if !(p > 0) { return 0 }
        if !(p < 1) { return 1 }
        var lo = 0.0, hi = 1.0
        var x = a / (a + b)
        let lnB = lgamma(a) + lgamma(b) - lgamma(a + b)
        for _ in 0..<200 {
            let f = incompleteBeta(x, a, b) - p
            if f < 0 { lo = x } else { hi = x }
            if abs(f) < 1e-15 || hi - lo < 1e-16 { break }
            let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lnB)
            var next = x - f / density
            if !(next > lo && next < hi) || !density.isFinite { next = 0.5 * (lo + hi) }
            x = next
        }
        return x
    }
}
