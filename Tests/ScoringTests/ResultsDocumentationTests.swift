import Foundation
import RegisterLoader
import Scoring
import Testing
import _TestSupport

/// docs/results.md is the contract of `score --format json`: every member the JSON has is
/// documented, and every field its tables document is in the JSON of some example.
@Suite struct ResultsDocumentationTests {
    /// Every object key anywhere in a JSON value.
    static func keys(_ value: Any, into set: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                set.insert(key)
                keys(child, into: &set)
            }
        } else if let array = value as? [Any] {
            for child in array { keys(child, into: &set) }
        }
    }

    /// The keys of the examples' JSON, one of them scored with `--precision` (which adds two
    /// members to `run`) and one with a precision it cannot reach (which adds a third).
    static func jsonKeys() throws -> Set<String> {
        var set = Set<String>()
        for (i, name) in ListOrderTests.examples.enumerated() {
            let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: ScorerTests.asOf)
            var options = ScorerTests.options(trials: 4_000)
            // As the board report scores them: with the levers, and what stopping an activity does.
            options.responseLevers = true
            // As the community report scores them: each statement with every group counting the same.
            options.equalWeights = true
            // … and each statement and average without each group's estimates.
            options.withoutEachPerspective = true
            if i == 0 {
                options.precision = 0.5
                options.maxTrials = 20_000
            }
            let data = try RegisterScore.makeEncoder().encode(try Scorer.score(try #require(loaded.register), options: options))
            keys(try JSONSerialization.jsonObject(with: data), into: &set)
        }
        // A register with an estimate on the scales (`fromBands`), and one with two money
        // outcomes (`total`).
        let banded = try MatrixPlacementTests.register(
            likelihood: "possible", impact: "moderate", ratings: "{gross: {likelihood: possible, impact: moderate}}")
        var twoOutcomes = try ScorerTests.register(ScorerTests.risk("a", "      - {likelihood: 50%, impact: 10}"))
        twoOutcomes.outcomes.append(twoOutcomes.outcomes[0])
        twoOutcomes.outcomes[1].id = "more-money"
        for register in [banded, twoOutcomes] {
            let data = try RegisterScore.makeEncoder().encode(try Scorer.score(register, options: ScorerTests.options(trials: 4_000)))
            keys(try JSONSerialization.jsonObject(with: data), into: &set)
        }
        // A precision target the cap cannot reach (`precisionShortfalls`).
        var unreachable = ScorerTests.options(trials: 4_000)
        unreachable.precision = 0.0001
        unreachable.maxTrials = 8_000
        let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(ListOrderTests.examples[0]).yaml"), asOf: ScorerTests.asOf)
        let missed = try RegisterScore.makeEncoder().encode(try Scorer.score(try #require(loaded.register), options: unreachable))
        keys(try JSONSerialization.jsonObject(with: missed), into: &set)
        return set
    }

    /// The names in backticks in the first column of the tables of "The document", and the
    /// names in backticks after a `name[]:` or a bold type name in its prose.
    static func documentedFields() throws -> (tables: Set<String>, all: String) {
        let text = try String(contentsOfFile: TestSupport.path("docs/results.md"), encoding: .utf8)
        let start = try #require(text.range(of: "## The document"))
        let end = text.range(of: "## Other formats")?.lowerBound ?? text.endIndex
        let section = String(text[start.upperBound..<end])
        var names = Set<String>()
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            for part in cell.split(separator: "`", omittingEmptySubsequences: false).enumerated() where part.offset % 2 == 1 {
                names.insert(String(part.element))
            }
        }
        // The whole page, lines joined, for members documented in prose (`{value, standardError}`).
        return (names, text.replacingOccurrences(of: "\n", with: " "))
    }

    @Test func everyJSONMemberIsDocumented() throws {
        let keys = try Self.jsonKeys()
        let documented = try Self.documentedFields().all
        // Members of small value types documented inline as `{value, standardError}` and the like.
        for key in keys.sorted() {
            #expect(documented.contains("`\(key)`") || documented.contains("`\(key)[]`") || documented.contains("{\(key)") || documented.contains(", \(key)")
                        || documented.contains("\(key)}") || documented.contains("\(key):"),
                    "`\(key)` is in the JSON but not in docs/results.md")
        }
    }

    @Test func everyDocumentedFieldIsInTheJSON() throws {
        let keys = try Self.jsonKeys()
        for name in try Self.documentedFields().tables.sorted() {
            #expect(keys.contains(name), "docs/results.md documents `\(name)`, which no example's JSON has")
        }
    }
}
