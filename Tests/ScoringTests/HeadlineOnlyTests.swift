import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// ``ScoringOptions/headlineOnly`` scores the headline view alone, for `diff`: every headline
/// figure must be the full score's, bit for bit.
@Suite("Scoring the headline alone")
struct HeadlineOnlyTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 30)!

    /// The score as JSON, without what only the full score has: the perspectives' own figures,
    /// verdicts and disagreements, and the option comparison.
    static func headlineFigures(_ score: RegisterScore) throws -> NSDictionary {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(score)) as? [String: Any])
        func strip(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                var out: [String: Any] = [:]
                for (key, value) in dictionary
                where !["perspectives", "portfolios", "inherentP90Disagreement", "inherentMeanDisagreement"].contains(key) {
                    out[key] = strip(value)
                }
                return out
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        object = strip(object) as! [String: Any]
        return object as NSDictionary
    }

    @Test(arguments: ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"])
    func headlineFiguresAreTheFullScores(name: String) throws {
        let register = try #require(RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: Self.asOf).register)
        var options = ScoringOptions(seed: 7, trials: 5_000, jobs: 2, asOf: Self.asOf)
        let full = try Scorer.score(register, options: options)
        options.headlineOnly = true
        let headline = try Scorer.score(register, options: options)
        #expect(headline.perspectives.isEmpty && headline.portfolios.isEmpty)
        #expect(headline.risks.map(\.id) == full.risks.map(\.id), "entries outside the headline option keep their figures")
        #expect(try Self.headlineFigures(headline) == Self.headlineFigures(full))
    }
}
