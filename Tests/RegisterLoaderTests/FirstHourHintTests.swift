import RegisterLoader
import RegisterModel
import Testing

/// Hints for what a new risk officer writes first: words from the 4 Ts for a strategy, a range
/// where a distribution belongs, a PERT with two values.
@Suite("Hints for the first hour")
struct FirstHourHintTests {
    /// The 1-based line of the first line of `text` containing `needle`.
    static func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test("a word from the 4 Ts names the likely strategy and explains the four", arguments: [
        ("mitigate", "reduction"), ("Treat", "reduction"), ("reduce", "reduction"),
        ("accept", "resilience"), ("tolerate", "resilience"), ("transfer", "resilience"), ("insure", "resilience"),
        ("avoid", "portfolio"), ("terminate", "portfolio"),
    ])
    func fourTs(word: String, likely: String) throws {
        let text = Minimal.register(Minimal.risk(strategy: word))
        let loaded = load(text)
        let d = try #require(loaded.diagnostics.first)
        #expect(loaded.diagnostics.count == 1)
        #expect(d.rule == .invalidValue)
        #expect(d.location.line == Self.line(of: "strategy:", in: text) && d.location.column == 15)
        #expect(d.message == "`\(word)` is not a strategy riskreg knows")
        let hint = try #require(d.hint)
        #expect(hint.hasPrefix("did you mean `\(likely)`?"))
        for strategy in Strategy.allCases { #expect(hint.contains("`\(strategy.rawValue)` (")) }
    }

    @Test("a strategy is read in any case", arguments: ["Reduction", "REDUCTION", "reDuction"])
    func anyCase(word: String) throws {
        let loaded = load(Minimal.register(Minimal.risk(strategy: word)))
        #expect(loaded.diagnostics.isEmpty, "\(summaries(loaded))")
        #expect(loaded.register?.risks.first?.strategy == .reduction)
    }

    @Test("a misspelt strategy still gets did-you-mean and the list")
    func unknownWord() throws {
        let d = try #require(load(Minimal.register(Minimal.risk(strategy: "resilence"))).diagnostics.first)
        #expect(d.message == "`resilence` is not a valid strategy")
        #expect(d.hint == "did you mean `resilience`? strategy is one of `portfolio`, `reduction`, `resilience` or `enablement`")
    }

    @Test("an impact written as a range suggests uniform and pert", arguments: [
        ("5k-20k", "5k", "20k"), ("5k - 20k", "5k", "20k"), ("5000 to 20000", "5000", "20000"), ("5k–20k", "5k", "20k"),
    ])
    func range(written: String, low: String, high: String) throws {
        let text = Minimal.withImpact(written)
        let loaded = load(text)
        #expect(loaded.diagnostics.count == 1)
        let d = try #require(loaded.diagnostics.first)
        #expect(d.rule == .invalidNumber)
        #expect(d.location.line == Self.line(of: "impact:", in: text) && d.location.column == 17)
        #expect(d.message == "impact `\(written)` is a range, not a number")
        #expect(d.hint?.contains("`{uniform: [\(low), \(high)]}`") == true)
        #expect(d.hint?.contains("`{pert: [\(low), MOST-LIKELY, \(high)]}`") == true)
    }

    @Test("a negative number is not read as a range")
    func negativeIsNotRange() throws {
        let d = try #require(load(Minimal.withImpact("-5k")).diagnostics.first)
        #expect(!d.message.contains("range"))
    }

    @Test("pert with two values explains the three, not the shape")
    func pertWithTwo() throws {
        let text = Minimal.withImpact("{pert: [2, 6]}")
        let d = try #require(load(text).diagnostics.first)
        #expect(d.rule == .distributionParameters)
        #expect(d.message == "pert impact takes 3 values [min, mode, max], found 2")
        #expect(d.hint == "pert takes three values: the lowest, the most likely and the highest, such as `pert: [2, MOST-LIKELY, 6]`; for only a lowest and a highest, write `uniform: [2, 6]`")
        #expect(d.location.line == Self.line(of: "impact:", in: text))
    }

    @Test("pert with four values still points to the long form for the shape")
    func pertWithFour() throws {
        let d = try #require(load(Minimal.withImpact("{pert: [2, 4, 6, 8]}")).diagnostics.first)
        #expect(d.hint?.contains("`shape`") == true)
    }
}
