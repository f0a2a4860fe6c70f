import Foundation
import Testing
import Distributions
@testable import MonteCarlo

@Suite("Distributions")
struct DistributionTests {
    static let n = 20_000

    static let continuous: [(String, Distribution)] = [
        ("uniform", try! .uniform(min: -2, max: 5)),
        ("triangular", try! .triangular(min: 1, mode: 2, max: 7)),
        ("triangular at min", try! .triangular(min: 0, mode: 0, max: 1)),
        ("pert", try! .pert(min: 1000, mode: 2500, max: 10_000)),
        ("pert shape 2", try! .pert(min: 0, mode: 9, max: 10, shape: 2)),
        ("normal", try! .normal(mean: 3, sd: 2)),
        ("lognormal", try! .lognormal(p5: 10, p95: 1000)),
        ("beta", try! .beta(alpha: 2.5, beta: 0.7)),
        ("beta small shapes", try! .beta(alpha: 0.3, beta: 0.4, min: -1, max: 1)),
        ("beta scaled", try! .beta(alpha: 3, beta: 9, min: 100, max: 200)),
    ]

    @Test(arguments: continuous)
    func samplesFollowTheCDF(name: String, d: Distribution) {
        let x = StatisticalChecks.samples(d, n: Self.n, seed: 2024)
        let ks = StatisticalChecks.ksStatistic(x, cdf: d.cdf)
        #expect(ks < StatisticalChecks.ksBound(Self.n), "\(name): D = \(ks)")
    }

    @Test(arguments: continuous + [("choice", try! Distribution.choice(values: [5, 1, 3], probabilities: [0.2, 0.5, 0.3]))])
    func momentsMatchFormulas(name: String, d: Distribution) {
        let m = StatisticalChecks.moments(StatisticalChecks.samples(d, n: Self.n, seed: 99))
        #expect(abs(m.mean - d.mean) < 5 * m.meanSE, "\(name) mean \(m.mean) vs \(d.mean)")
        #expect(abs(m.variance - d.variance) < 5 * m.varianceSE, "\(name) variance \(m.variance) vs \(d.variance)")
    }

    @Test func pertMomentsMatchClassicFormulas() throws {
        let d = try Distribution.pert(min: 2, mode: 5, max: 14)
        #expect(abs(d.mean - (2 + 4 * 5 + 14) / 6.0) < 1e-12)
        // α = 1 + 4·(3/12) = 2, β = 1 + 4·(9/12) = 4: Var = 12²·αβ/((α+β)²(α+β+1)).
        #expect(abs(d.variance - 144 * 8 / (36 * 7.0)) < 1e-9)
    }

    @Test(arguments: continuous)
    func quantileInvertsCDF(name: String, d: Distribution) {
        for u in [0.01, 0.1, 0.5, 0.9, 0.99] {
            #expect(abs(d.cdf(d.quantile(u)) - u) < 1e-9, "\(name) at \(u)")
        }
    }

    @Test func lognormalHitsItsPercentiles() throws {
        let d = try Distribution.lognormal(p5: 20, p95: 500)
        #expect(abs(d.quantile(0.05) - 20) < 1e-9)
        #expect(abs(d.quantile(0.95) - 500) < 1e-7)
    }

    @Test func choiceFollowsItsProbabilities() throws {
        let d = try Distribution.choice(values: [5, 1, 3], probabilities: [0.2, 0.5, 0.3])
        let x = StatisticalChecks.samples(d, n: Self.n, seed: 5)
        let observed = [1.0, 3, 5].map { v in x.filter { $0 == v }.count }
        let (stat, k) = StatisticalChecks.chiSquare(observed: observed, expected: [0.5, 0.3, 0.2].map { $0 * Double(Self.n) })
        #expect(stat < StatisticalChecks.chiSquareBound(k))
        #expect(d.cdf(3) == 0.8)
        #expect(d.quantile(0.6) == 3)
    }

    @Test func fixedIsFixed() throws {
        let d = try Distribution.fixed(42)
        var g = Xoshiro256PlusPlus(seed: 1)
        #expect(d.sample(using: &g) == 42)
        #expect(d.variance == 0)
    }

    @Test func constructorsRejectBadParametersWithTypedErrors() {
        #expect(throws: DistributionError.boundsNotIncreasing(lower: "min", upper: "max", lowerValue: 5, upperValue: 5)) {
            try Distribution.uniform(min: 5, max: 5)
        }
        #expect(throws: DistributionError.self) { try Distribution.uniform(min: .nan, max: 1) }
        #expect(throws: DistributionError.self) { try Distribution.uniform(min: 0, max: .nan) }
        #expect(throws: DistributionError.modeOutsideRange(mode: 9, min: 0, max: 5)) {
            try Distribution.triangular(min: 0, mode: 9, max: 5)
        }
        #expect(throws: DistributionError.self) { try Distribution.pert(min: 0, mode: .nan, max: 5) }
        #expect(throws: DistributionError.self) { try Distribution.pert(min: 0, mode: 1, max: 5, shape: 0) }
        #expect(throws: DistributionError.notPositive(parameter: "sd", value: 0)) { try Distribution.normal(mean: 0, sd: 0) }
        #expect(throws: DistributionError.self) { try Distribution.lognormal(p5: 0, p95: 10) }
        #expect(throws: DistributionError.self) { try Distribution.lognormal(p5: 10, p95: 10) }
        #expect(throws: DistributionError.self) { try Distribution.beta(alpha: -1, beta: 2) }
        #expect(throws: DistributionError.probabilitiesDoNotSumToOne(sum: 0.9)) {
            try Distribution.choice(values: [1, 2], probabilities: [0.5, 0.4])
        }
        #expect(throws: DistributionError.self) { try Distribution.choice(values: [], probabilities: []) }
        #expect(throws: DistributionError.self) { try Distribution.choice(values: [1, 2], probabilities: [1.5, -0.5]) }
        let message = (try? Distribution.uniform(min: 3, max: 1)).map { _ in "" } ?? DistributionError.boundsNotIncreasing(lower: "min", upper: "max", lowerValue: 3, upperValue: 1).message
        #expect(message.contains("min (3.0) must be less than max (1.0)"))
    }

    @Test func codableRoundTripValidates() throws {
        let d = try Distribution.pert(min: 1, mode: 2, max: 3)
        let data = try JSONEncoder().encode(d)
        #expect(try JSONDecoder().decode(Distribution.self, from: data) == d)
        let bad = try JSONEncoder().encode(Distribution.Parameters.uniform(min: 2, max: 1))
        #expect(throws: DistributionError.self) { try JSONDecoder().decode(Distribution.self, from: bad) }
    }

    @Test func firstDrawsArePinned() throws {
        // Changing a sampler changes every published number; this pins them.
        var g = Xoshiro256PlusPlus(seed: 12345)
        let u = try Distribution.uniform(min: 0, max: 1).sample(using: &g)
        #expect(u == Double(0x8D94_8A82_DEF8_A568 as UInt64 >> 11) * 0x1p-53)
    }
}

@Suite("Poisson")
struct PoissonTests {
    @Test(arguments: [0.05, 0.7, 3.0, 9.99, 10.0, 37.5, 1000.0])
    func matchesExactPMF(lambda: Double) {
        let n = 50_000
        let p = Poisson(lambda: lambda)
        var rng = Xoshiro256PlusPlus(seed: 31)
        var counts: [Int: Int] = [:]
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n {
            let k = p.sample(using: &rng)
            counts[k, default: 0] += 1
            sum += Double(k)
            sumSq += Double(k * k)
        }
        let top = max(counts.keys.max()!, Int(lambda + 10 * lambda.squareRoot() + 10))
        let observed = (0...top).map { counts[$0, default: 0] }
        let expected = (0...top).map { p.pmf($0) * Double(n) }
        let (stat, k) = StatisticalChecks.chiSquare(observed: observed, expected: expected)
        #expect(stat < StatisticalChecks.chiSquareBound(k), "λ = \(lambda): χ² = \(stat) on \(k)")
        let mean = sum / Double(n)
        let variance = sumSq / Double(n) - mean * mean
        #expect(abs(mean - lambda) < 5 * (lambda / Double(n)).squareRoot())
        // Var of the sample variance ≈ (μ4 − σ⁴)/n with μ4 = λ + 3λ² for Poisson.
        #expect(abs(variance - lambda) < 5 * ((lambda + 2 * lambda * lambda) / Double(n)).squareRoot())
    }

    @Test func zeroMeanGivesZero() {
        var rng = Xoshiro256PlusPlus(seed: 1)
        #expect(Poisson(lambda: 0).sample(using: &rng) == 0)
    }
}
