import Foundation
import Distributions
import RegisterModel
import Testing
@testable import RegisterLoader

/// Bands to distributions, checked against their analytic moments, and estimates on levels.
@Suite("Scales")
struct ScaleTests {
    static let z95 = 1.6448536269514722

    @Test("a likelihood level is uniform over its band: mean the midpoint, variance width²/12")
    func likelihoodBand() throws {
        let level = ScaleLevel(level: 4, label: "likely", from: 0.6, to: 0.8)
        let d = try level.likelihoodDistribution()
        #expect(abs(d.mean - 0.7) < 1e-12)
        #expect(abs(d.variance - 0.04 / 12) < 1e-12)
        #expect(d.support == 0.6...0.8)
    }

    @Test("a closed impact band is a lognormal whose 5th and 95th percentiles are its edges")
    func closedImpactBand() throws {
        let level = ScaleLevel(level: 3, label: "major", from: 250_000, to: 1_000_000)
        let d = try level.impactDistribution(below: nil)
        let mu = (log(250_000.0) + log(1_000_000.0)) / 2
        let sigma = (log(1_000_000.0) - log(250_000.0)) / (2 * Self.z95)
        #expect(abs(d.mean / exp(mu + sigma * sigma / 2) - 1) < 1e-9)
        #expect(abs(d.variance / (expm1(sigma * sigma) * exp(2 * mu + sigma * sigma)) - 1) < 1e-9)
        #expect(abs(d.quantile(0.05) / 250_000 - 1) < 1e-6)
        #expect(abs(d.quantile(0.95) / 1_000_000 - 1) < 1e-6)
    }

    @Test("a band from zero is uniform over [0, to]")
    func bandFromZero() throws {
        let d = try ScaleLevel(level: 1, label: "minor", from: 0, to: 10_000).impactDistribution(below: nil)
        #expect(abs(d.mean - 5_000) < 1e-9)
        #expect(abs(d.variance - 1e8 / 12) < 1e-3)
    }

    @Test("an open top band takes the ratio of the band below, or 10 when that starts at zero")
    func openTopBand() throws {
        let below = ScaleLevel(level: 3, label: "major", from: 250_000, to: 1_000_000)
        let top = ScaleLevel(level: 4, label: "severe", from: 1_000_000, to: nil)
        let d = try top.impactDistribution(below: below)
        #expect(d.parameters == .lognormal(p5: 1_000_000, p95: 4_000_000))
        let mu = (log(1e6) + log(4e6)) / 2, sigma = (log(4e6) - log(1e6)) / (2 * Self.z95)
        #expect(abs(d.mean / exp(mu + sigma * sigma / 2) - 1) < 1e-9)
        let fromZero = try top.impactDistribution(below: ScaleLevel(level: 1, label: "minor", from: 0, to: 1_000_000))
        #expect(fromZero.parameters == .lognormal(p5: 1_000_000, p95: 10_000_000))
        #expect(try top.impactDistribution(below: nil).parameters == .lognormal(p5: 1_000_000, p95: 10_000_000))
    }

    @Test("placing a value: half-open bands, below the first is level 1, above the last the top")
    func placement() {
        let levels = [
            ScaleLevel(level: 1, label: "a", from: 0.1, to: 0.2), ScaleLevel(level: 2, label: "b", from: 0.2, to: 0.5),
            ScaleLevel(level: 3, label: "c", from: 0.5, to: 1),
        ]
        #expect([0, 0.1, 0.19, 0.2, 0.49, 0.5, 1, 2].map { Scales.level(of: $0, in: levels).level } == [1, 1, 1, 2, 2, 3, 3, 3])
        #expect(Scales.level(named: "B", in: levels)?.level == 2)
        #expect(Scales.level(named: "3", in: levels)?.level == 3)
        #expect(Scales.level(named: "d", in: levels) == nil)
    }

    @Test("rating: product or matrix, then amber and red from their thresholds")
    func rating() {
        let product = RatingRule(method: .product, amberFrom: 5, redFrom: 15)
        #expect(product.score(likelihood: 4, impact: 4) == 16)
        #expect([1, 4, 5, 14, 15, 25].map { product.rag($0) } == [.green, .green, .amber, .amber, .red, .red])
        let matrix = RatingRule(method: .matrix([[1, 2], [3, 9]]), amberFrom: 3, redFrom: 9)
        #expect(matrix.score(likelihood: 2, impact: 1) == 3)
        #expect(matrix.rag(matrix.score(likelihood: 2, impact: 2)) == .red)
    }

    static let scaled = try! String(contentsOfFile: corpusFolder.appendingPathComponent("needs-review.yaml").path, encoding: .utf8)

    @Test("estimates on levels become the bands' distributions, marked as derived from bands")
    func estimatesOnLevels() throws {
        let text = Self.scaled.replacingOccurrences(of: "    needs-review: [strategy, coproduction]\n", with: "")
        let loaded = load(text)
        #expect(summaries(loaded) == [])
        let register = try #require(loaded.register)
        let estimate = try #require(register.risks.first?.estimates.first)
        #expect(estimate.likelihoodLevel == 4)
        #expect(estimate.impactLevel == 3)
        #expect(estimate.isFromBands)
        #expect(estimate.occurrence == .likelihood(try .uniform(min: 0.6, max: 1)))
        #expect(estimate.impact == (try .lognormal(p5: 100_000, p95: 1_000_000)))
        let ratings = try #require(register.risks.first?.ratings)
        #expect(ratings.gross == StatedRating(likelihood: 4, impact: 3))
        #expect(ratings.current == StatedRating(likelihood: 2, impact: 3))
        #expect(ratings.target == nil)
        let scales = try #require(register.scales)
        #expect(scales.likelihood.map(\.label) == ["rare", "unlikely", "possible", "likely"])
        #expect(scales.impact.first?.levels.last?.to == nil)
    }

    @Test("with scales a bare number keeps its meaning; `{level: n}` names a level")
    func bareNumbersKeepTheirMeaning() throws {
        let text = Self.scaled
            .replacingOccurrences(of: "    needs-review: [strategy, coproduction]\n", with: "")
            .replacingOccurrences(of: "      - likelihood: likely\n        impact: major\n",
                                  with: "      - likelihood: 0.4\n        impact: {level: 2}\n")
        let loaded = load(text)
        #expect(summaries(loaded) == [])
        let estimate = try #require(loaded.register?.risks.first?.estimates.first)
        #expect(estimate.occurrence == .likelihood(try .fixed(0.4)))
        #expect(estimate.likelihoodLevel == nil)
        #expect(estimate.impactLevel == 2)
    }
}
