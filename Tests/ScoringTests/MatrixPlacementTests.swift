import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// Results placed back on the register's own matrix and rated with its thresholds.
@Suite("Matrix placement")
struct MatrixPlacementTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 30)!

    static func register(likelihood: String, impact: String, ratings: String, response: String = "") throws -> Register {
        let text = """
            riskreg: 1
            register: {id: t, title: T, organisation: O, horizon: 12 months, currency: GBP}
            outcomes: [{id: budget, title: Budget, unit: money}]
            contributors: [{id: staff, name: Staff, kind: staff}]
            scales:
              likelihood:
                levels:
                  - {level: 1, label: rare, from: 0%, to: 10%}
                  - {level: 2, label: unlikely, from: 10%, to: 30%}
                  - {level: 3, label: possible, from: 30%, to: 60%}
                  - {level: 4, label: likely, from: 60%, to: 100%}
              impact:
                - unit: money
                  levels:
                    - {level: 1, label: minor, from: 0, to: 10k}
                    - {level: 2, label: moderate, from: 10k, to: 100k}
                    - {level: 3, label: major, from: 100k, to: 1m}
                    - {level: 4, label: severe, from: 1m}
              rating: {method: product, amber-from: 4, red-from: 9}
            risks:
              - id: R-01
                title: Something
                outcome: budget
                strategy: reduction
                owner: Lead
                coproduction: {mode: co-design, contributors: [staff]}
                estimates:
                  - likelihood: \(likelihood)
                    impact: \(impact)
                ratings: \(ratings)
            \(response)
            """
        let loaded = RegisterFile.read(bytes: Array(text.utf8), file: "t.yaml", asOf: asOf)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        return try #require(loaded.register)
    }

    static func score(_ register: Register) throws -> RegisterScore.RiskScore {
        var options = ScoringOptions(asOf: asOf)
        options.trials = 50_000
        return try #require(try Scorer.score(register, options: options).risks.first)
    }

    @Test("an estimate written on levels comes back on the same cell, for every cell of the matrix",
          arguments: [("rare", "minor"), ("unlikely", "moderate"), ("possible", "major"), ("likely", "severe"), ("likely", "minor")])
    func roundTrip(_ cell: (String, String)) throws {
        let register = try Self.register(likelihood: cell.0, impact: cell.1, ratings: "{gross: {likelihood: \(cell.0), impact: \(cell.1)}}")
        let risk = try Self.score(register)
        let ratings = try #require(risk.ratings)
        #expect(ratings.gross.likelihoodLabel == cell.0)
        #expect(ratings.gross.impactLabel == cell.1)
        #expect(ratings.gross == ratings.current)  // no response
        #expect(ratings.disagreements.isEmpty)
        #expect(risk.fromBands == ["officers"])
    }

    @Test("a response moves the current rating; the target is as stated; RAG by the thresholds")
    func responseAndTarget() throws {
        let register = try Self.register(
            likelihood: "likely", impact: "major",
            ratings: "{gross: {likelihood: 4, impact: 3}, current: {likelihood: 4, impact: 3}, target: {likelihood: 1, impact: 2}}",
            response: """
                    response: {action: Act, cost: 1k, reduces-likelihood-by: 80%, reduces-impact-by: 95%}
                """)
        let ratings = try #require(try Self.score(register).ratings)
        #expect(ratings.gross.likelihood == 4 && ratings.gross.impact == 3)
        #expect(ratings.gross.score == 12 && ratings.gross.rag == .red)
        // 80 % of a 60–100 % chance is 8–20 %, around 16 %: unlikely. Impact × 0.05: P90 under 50k.
        #expect(ratings.current.likelihood == 2)
        #expect(ratings.current.impact == 2)
        #expect(ratings.current.rag == .amber)
        let target = try #require(ratings.target)
        #expect((target.likelihoodLabel, target.impactLabel, target.score, target.rag) == ("rare", "moderate", 2, .green))
        #expect(target.probability == nil)
        // Stated current red (4×3) against a quantitative amber: flagged.
        #expect(ratings.disagreements.map(\.rating) == ["current"])
        #expect(ratings.disagreements.first?.stated == .red)
        #expect(ratings.disagreements.first?.quantitative == .amber)
    }

    @Test("a direct estimate whose P90 lies in a higher band than its stated rating is flagged")
    func directEstimateDisagrees() throws {
        let register = try Self.register(likelihood: "45%", impact: "{lognormal: [200k, 3m]}",
                                         ratings: "{gross: {likelihood: possible, impact: moderate}}")
        let ratings = try #require(try Self.score(register).ratings)
        #expect(ratings.gross.impact == 4)  // P90 of lognormal(200k, 3m) ≈ 1.9m: severe
        #expect(ratings.gross.rag == .red)
        #expect(ratings.statedGross?.rag == .amber)
        #expect(ratings.disagreements.first?.message.hasPrefix("rated gross amber (3×2)") == true)
        // The impact is a figure in the outcome's currency, to the precision of the estimates.
        let message = try #require(ratings.disagreements.first?.message)
        let figure = try #require(message.split(separator: "of one occurrence of £").last?.split(separator: " ").first)
        let digits = figure.filter(\.isNumber)
        #expect(digits.count > 3 && digits.dropFirst(3).allSatisfy { $0 == "0" }, "\(message)")
    }

    /// A likelihood exactly on a band edge is placed by its stated value, in the band that starts
    /// there, whatever the seed or trial count; an impact P90 on an edge likewise.
    @Test("a stated chance on a band edge lands in the band above it, for every seed")
    func edgesBelongToTheBandAbove() throws {
        let register = try Self.register(likelihood: "30%", impact: "{fixed: 100k}", ratings: "{gross: {likelihood: 3, impact: 3}}")
        for seed: UInt64 in 1...6 {
            var options = ScoringOptions(asOf: Self.asOf)
            options.trials = 2_000
            options.seed = seed
            let risk = try #require(try Scorer.score(register, options: options).risks.first)
            let gross = try #require(risk.ratings?.gross)
            #expect(gross.likelihood == 3 && gross.probability == 0.3, "seed \(seed): \(gross)")
            #expect(gross.impact == 3 && gross.impactP90 == 100_000, "seed \(seed): \(gross)")
        }
    }
}
