import Foundation
import RegisterLoader
import Scoring
import Testing
import _TestSupport

/// The streamed JSON of `riskreg score` must be exactly what `JSONEncoder` writes for the same
/// results: scripts and `riskreg diff` read it, and docs/results.md documents that encoding.
@Suite struct RegisterScoreJSONTests {
    static func scores() throws -> [RegisterScore] {
        try ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"].map { name in
            let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: ScorerTests.asOf)
            return try Scorer.score(try #require(loaded.register), options: ScorerTests.options(trials: 2_000))
        }
    }

    static func streamed(_ scores: [RegisterScore], asArray: Bool) throws -> String {
        var text = ""
        try RegisterScore.writeJSON(scores, asArray: asArray) { text += $0 }
        return text
    }

    @Test func oneRegisterStreamsTheBytesJSONEncoderWrites() throws {
        for score in try Self.scores() {
            let expected = String(decoding: try RegisterScore.makeEncoder().encode(score), as: UTF8.self)
            #expect(try Self.streamed([score], asArray: false) == expected)
        }
    }

    @Test func severalRegistersStreamAsAnArray() throws {
        let scores = try Self.scores()
        let expected = String(decoding: try RegisterScore.makeEncoder().encode(scores), as: UTF8.self)
        #expect(try Self.streamed(scores, asArray: true) == expected)
        let none = String(decoding: try RegisterScore.makeEncoder().encode([RegisterScore]()), as: UTF8.self)
        #expect(try Self.streamed([], asArray: true) == none)
    }

    /// Without a register total and without risks, the optional and the streamed members take
    /// their other paths.
    @Test func absentTotalAndNoRisks() throws {
        var score = try #require(try Self.scores().first)
        score.total = nil
        score.risks = []
        let expected = String(decoding: try RegisterScore.makeEncoder().encode(score), as: UTF8.self)
        #expect(try Self.streamed([score], asArray: false) == expected)
        #expect(!expected.contains("\"total\""))
    }
}
