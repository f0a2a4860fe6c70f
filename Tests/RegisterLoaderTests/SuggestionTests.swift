@testable import RegisterLoader
import RegisterModel
import Testing

@Suite("Suggestions")
struct SuggestionTests {
    @Test("edit distance, with a swapped pair as one edit", arguments: [
        ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3), ("", "", 0), ("abc", "abc", 0), ("ab", "ba", 1),
        ("benfit", "benefit", 1), ("reducton", "reduction", 1), ("reductoin", "reduction", 1), ("flaw", "lawn", 2),
        ("ca", "abc", 3), ("abcd", "badc", 2), ("owner", "onwer", 1),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == distance)
        #expect(Suggestion.editDistance(Array(b), Array(a)) == distance)
    }

    @Test("the closest candidate within a third of the word's length, ignoring case", arguments: [
        ("benfit", "benefit"), ("Impact", "impact"), ("BENEFIT", "benefit"), ("likelyhood", "likelihood"), ("impcat", "impact"),
        ("perspectives", "perspective"), ("ratonale", "rationale"), ("as_of", "as-of"),
    ] as [(String, String?)])
    func closestEstimateField(word: String, expected: String?) {
        let fields = RegisterFields.estimate.all
        #expect(Suggestion.closest(to: word, in: fields) == expected)
    }

    @Test("nothing is suggested beyond the allowed distance", arguments: [
        "xyz", "cost", "probability", "chance", "harm", "imp",
    ])
    func noSuggestion(word: String) {
        #expect(Suggestion.closest(to: word, in: RegisterFields.estimate.all) == nil)
    }

    @Test("the allowed distance is a third of the length, at least 1 and at most 3")
    func allowance() {
        // Two letters: one edit allowed.
        #expect(Suggestion.closest(to: "ab", in: ["ax"]) == "ax")
        #expect(Suggestion.closest(to: "ab", in: ["xy"]) == nil)
        // Six letters: two edits.
        #expect(Suggestion.closest(to: "abcdef", in: ["abcdxy"]) == "abcdxy")
        #expect(Suggestion.closest(to: "abcdef", in: ["abcxyz"]) == nil)
        // Twelve letters: still three, not four.
        #expect(Suggestion.closest(to: "abcdefghijkl", in: ["abcdefghixyz"]) == "abcdefghixyz")
        #expect(Suggestion.closest(to: "abcdefghijkl", in: ["abcdefghwxyz"]) == nil)
    }

    @Test("the nearest candidate wins, and the first among equals")
    func ties() {
        #expect(Suggestion.closest(to: "cat", in: ["cut", "car"]) == "cut")
        #expect(Suggestion.closest(to: "cat", in: ["cut", "cat"]) == "cat")
        #expect(Suggestion.closest(to: "coat", in: ["cost", "coat"]) == "coat")
    }

    @Test("hint wording")
    func wording() {
        #expect(Suggestion.didYouMean("reducton", in: ["portfolio", "reduction"]) == "did you mean `reduction`?")
        #expect(Suggestion.didYouMean("zzz", in: ["reduction"]) == nil)
        #expect(Suggestion.list([]) == "")
        #expect(Suggestion.list(["a"]) == "`a`")
        #expect(Suggestion.list(["a", "b"]) == "`a` or `b`")
        #expect(Suggestion.list(["a", "b", "c"]) == "`a`, `b` or `c`")
    }

    // MARK: Through the loader

    @Test("a misspelt enum value gets did-you-mean and the allowed values")
    func enumValue() {
        let loaded = load(Minimal.register().replacingOccurrences(of: "mode: co-design", with: "mode: co-desing"))
        #expect(summaries(loaded) == ["23:13 error invalid-value `co-desing` is not a valid co-production mode"])
        #expect(loaded.diagnostics.first?.hint
                == "did you mean `co-design`? co-production mode is one of `co-commissioning`, `co-design`, `co-delivery` or `co-assessment`")
    }

    @Test("an enum value far from all allowed ones gets just the allowed values")
    func enumValueNoGuess() {
        let loaded = load(Minimal.register().replacingOccurrences(of: "kind: community", with: "kind: volunteers"))
        #expect(summaries(loaded) == ["15:11 error invalid-value `volunteers` is not a valid contributor kind"])
        #expect(loaded.diagnostics.first?.hint == "contributor kind is one of `user`, `community`, `staff` or `partner`")
    }

    @Test("a misspelt reference gets did-you-mean")
    func referenceGuess() {
        let loaded = load(Minimal.register().replacingOccurrences(of: "contributors: [residents]", with: "contributors: [residnets]"))
        #expect(summaries(loaded) == ["24:22 error unknown-reference unknown contributor `residnets`"])
        #expect(loaded.diagnostics.first?.hint == "did you mean `residents`?")
    }

    @Test("a reference with no close match lists the known ids, at most eight")
    func referenceList() {
        var contributors = ""
        for n in 1...10 { contributors += "  - {id: group-\(n < 10 ? "0" : "")\(n), name: Group \(n), kind: community}\n" }
        let text = Minimal.register()
            .replacingOccurrences(of: "  - id: residents\n    name: Residents' panel\n    kind: community\n", with: contributors)
            .replacingOccurrences(of: "contributors: [residents]", with: "contributors: [panel]")
        let loaded = load(text)
        #expect(summaries(loaded) == ["31:22 error unknown-reference unknown contributor `panel`"])
        #expect(loaded.diagnostics.first?.hint
                == "known contributors: `group-01`, `group-02`, `group-03`, `group-04`, `group-05`, `group-06`, `group-07` or `group-08`, ...")
    }

    @Test("a misspelt id in a portfolio gets did-you-mean")
    func portfolioReference() {
        let text = Minimal.register(Minimal.risk(id: "P-01", strategy: "portfolio", estimate:
            "      - likelihood: 20%\n        impact: 5k\n        benefit: 8k\n"),
            extra: "portfolios:\n  - {id: a, title: A, risks: [P-1]}\n")
        let loaded = load(text)
        #expect(summaries(loaded) == [
            "17:5 warning portfolio-unassigned portfolio entry `P-01` is in no portfolio, so no score includes it",
            "30:31 error unknown-reference unknown risk `P-1`",
        ])
        #expect(loaded.diagnostics.last?.hint == "did you mean `P-01`?")
    }

    @Test("a misspelt top-level section gets did-you-mean")
    func topLevel() {
        let loaded = load(Minimal.register().replacingOccurrences(of: "outcomes:", with: "outcome:"))
        #expect(summaries(loaded) == [
            "1:1 error missing-field the register file is missing the required field `outcomes`",
            "8:1 error unknown-field unknown field `outcome` in the register file",
            "19:14 error unknown-reference unknown outcome `budget`",
        ])
        #expect(loaded.diagnostics[1].hint == "did you mean `outcomes`?")
        #expect(loaded.diagnostics[2].hint == "the register declares no outcomes")
    }
}
