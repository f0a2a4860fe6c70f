import Testing
@testable import MonteCarlo

/// The engine draws PERT and beta impacts from ``BetaTable``, so it gets the same KS checks as
/// the public samplers.
@Suite("Beta tables")
struct BetaTableTests {
    static let shapes: [(Double, Double)] = [
        (1, 1), (1, 5), (5, 1), (1 + 4.0 / 6, 1 + 20.0 / 6), (1.01, 1.01), (3, 9), (40, 60), (1.3, 200),
    ]

    @Test(arguments: shapes)
    func tableDrawsFollowTheBetaCDF(alpha: Double, beta: Double) throws {
        let table = try #require(BetaTable(alpha: alpha, beta: beta))
        let d = try Distribution.beta(alpha: alpha, beta: beta)
        let n = 20_000
        var g = SplitMix64(seed: 77)
        let x = (0..<n).map { _ in table.sample(using: &g) }
        let ks = StatisticalChecks.ksStatistic(x, cdf: d.cdf)
        #expect(ks < StatisticalChecks.ksBound(n), "Beta(\(alpha), \(beta)): D = \(ks)")
        let m = StatisticalChecks.moments(x)
        #expect(abs(m.mean - d.mean) < 5 * m.meanSE)
        #expect(abs(m.variance - d.variance) < 5 * m.varianceSE)
        #expect(x.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test func unboundedDensitiesUseTheGeneralSampler() {
        #expect(BetaTable(alpha: 0.5, beta: 2) == nil)
        #expect(BetaTable(alpha: 2, beta: 0.9) == nil)
    }

    @Test func engineSamplerMatchesDistributionForClosedForms() throws {
        // The engine's in-place samplers must use the same uniforms and formulas as the
        // public ones for the closed-form distributions.
        let cache = BetaTable.Cache()
        for d in [try Distribution.uniform(min: 1, max: 3), try .triangular(min: 0, mode: 1, max: 5), try .normal(mean: 2, sd: 3),
                  try .lognormal(p5: 1, p95: 9), try .fixed(4), try .choice(values: [1, 2], probabilities: [0.3, 0.7])] {
            let buffer = UnsafeMutablePointer<EngineSampler>.allocate(capacity: 1)
            buffer.initialize(to: EngineSampler(d, cache: cache))
            var g1 = SplitMix64(seed: 5), g2 = SplitMix64(seed: 5)
            for _ in 0..<100 { #expect(buffer.sample(using: &g1) == d.sample(using: &g2)) }
            buffer.deinitialize(count: 1)
            buffer.deallocate()
        }
    }
}
