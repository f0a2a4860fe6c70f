import Testing
import Distributions
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

    /// The alias table realises each cell's incomplete-beta probability exactly (to rounding).
    @Test(arguments: shapes + concentrated)
    func aliasTableRealisesTheExactCellProbabilities(alpha: Double, beta: Double) throws {
        let table = try #require(BetaTable(alpha: alpha, beta: beta))
        let exact = table.cellProbabilities()
        let realised = table.realisedCellProbabilities()
        let worst = zip(exact, realised).map { abs($0 - $1) }.max()!
        #expect(worst < 1e-12, "Beta(\(alpha), \(beta)): largest cell error \(worst)")
        #expect(abs(realised.reduce(0, +) - 1) < 1e-12)
    }

    /// Each cell's envelope brackets the density across the whole cell, so the rejection step
    /// (squeeze below, bound above) is exact.
    @Test(arguments: shapes + concentrated)
    func envelopeBracketsTheDensityInEveryCell(alpha: Double, beta: Double) throws {
        let table = try #require(BetaTable(alpha: alpha, beta: beta))
        let n = BetaTable.cellCount
        for j in 0..<n {
            let (low, high) = table.envelope(j)
            for k in 0...16 {
                let x = (Double(j) + Double(k) / 16) / Double(n)
                let f = x >= 1 ? (beta > 1 ? 0 : table.density(x)) : table.density(x)
                #expect(low <= f && f <= high, "Beta(\(alpha), \(beta)) cell \(j) at \(x): \(low) ≤ \(f) ≤ \(high)")
            }
        }
    }

    /// Plays back fixed words, so a test can force a rejection.
    struct Scripted: RandomNumberGenerator {
        var words: [UInt64]
        var i = 0
        mutating func next() -> UInt64 { defer { i += 1 }; return words[i % words.count] }
    }

    /// A rejected point must be redrawn in the cell already chosen. Choosing a cell again
    /// would weight cells by their acceptance rates (the bias this pins: about 10⁻⁴ of a
    /// PERT's mean).
    @Test func aRejectedPointIsRedrawnInTheSameCell() throws {
        let table = try #require(BetaTable(alpha: 1 + 4.0 / 6, beta: 1 + 20.0 / 6))
        let view = table.view
        let n = BetaTable.cellCount
        for slot in stride(from: 0, to: n, by: 37) {
            // The top bits pick a slot of the alias table; the slot and its coin pick the cell.
            let first = UInt64(slot) << UInt64(64 - BetaTable.cellBits) | 12345
            // One word per candidate point: its top half places the point, its low half is the
            // test value. Accepted at once (w = 0): the cell the slot chooses.
            var once = Scripted(words: [1 << 63])
            let cell = Int(view.sample(first: first, using: &once) * Double(n))
            // Rejected first (w at the top of the envelope, which sits above the density),
            // then accepted with w = 0 on a word that a fresh choice would read as another slot.
            var g = Scripted(words: [1 << 63 | 0xFFFF_FFFF, UInt64(0x2A5) << 54 | 1 << 53])
            let x = view.sample(first: first, using: &g)
            #expect(Int(x * Double(n)) == cell, "slot \(slot): drew \(x), not in cell \(cell)")
            #expect(g.i == 2)
        }
    }

    /// The table sampler's mean at high precision, on concentrated shapes where a cell's
    /// density varies most (so any weighting of cells by acceptance shows at its largest):
    /// the former restart-after-rejection was off by 45 to 90 standard errors here.
    static let concentrated: [(Double, Double)] = [(2, 2000), (1.5, 1000), (3, 3000), (1.3, 200), (1 + 4.0 / 6, 1 + 20.0 / 6)]

    @Test(arguments: concentrated)
    func highPrecisionMean(alpha: Double, beta: Double) throws {
        let table = try #require(BetaTable(alpha: alpha, beta: beta))
        let view = table.view
        let n = 400_000
        var g = Xoshiro256PlusPlus(seed: 2024)
        var sum = 0.0
        for _ in 0..<n { sum += view.sample(using: &g) }
        let mean = alpha / (alpha + beta)
        let sd = (alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1))).squareRoot()
        let z = (sum / Double(n) - mean) / (sd / Double(n).squareRoot())
        #expect(abs(z) < 4, "Beta(\(alpha), \(beta)): z = \(z)")
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
