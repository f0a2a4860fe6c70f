import Foundation
import Testing
import TextLayer
import _TestSupport

/// Each section of the community reports' main text reads as plain language: a Flesch reading
/// ease of at least 60 in English and the Flesch–Douma equivalent in Dutch, measured by
/// `scripts/readability` (textstat 0.7.3, installed by `scripts/setup`) over docs/examples/.
@Suite struct ReadabilityTests {
    static let plain = 60.0

    struct Score: Decodable {
        var file: String
        var section: String
        var score: Double
    }

    static func scores(language: String, files: [String]) throws -> [Score] {
        let phrases = try #require(Phrasebook.builtIn(language))
        let detail = phrases("template.community-detail")
        let result = try TestSupport.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", TestSupport.path("scripts/readability"), language, detail] + files,
            in: TestSupport.packageRoot)
        guard result.status == 0 else {
            Issue.record("scripts/readability failed (run scripts/setup to install textstat 0.7.3): \(result.stderr)")
            return []
        }
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Score.self, from: Data($0.utf8)) }
    }

    @Test(arguments: [
        ("en", ["adult-social-care-positive-risk-community.md", "community-safety-leiden-community.md", "ward-7-patient-partnership-community.md"]),
        ("nl", ["community-safety-leiden-community.nl.md"]),
    ])
    func everySectionIsPlainLanguage(_ language: String, _ files: [String]) throws {
        let scores = try Self.scores(language: language, files: files.map { TestSupport.path("docs/examples/" + $0) })
        // Every file has its introduction and at least the limits, entries, helpers, contact and method.
        #expect(scores.count >= 6 * files.count)
        // "What this list is about" is the register's own description, as its officers wrote it:
        // how plainly that reads is the register's to mend, not riskreg's wording.
        let phrasebook = try #require(Phrasebook.builtIn(language))
        let about = phrasebook("template.community-about")
        for s in scores where s.section != about {
            #expect(s.score >= Self.plain, "\((s.file as NSString).lastPathComponent), “\(s.section)”: reading ease \(s.score)")
        }
    }
}
